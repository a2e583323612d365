#ifndef PAGES_HISTORY_H
#define PAGES_HISTORY_H

struct history_cursor;
struct history_page;
struct req;
struct view_dict;

/* The history table (views/history.tpl): who, when, what, what changed
 * and why, newest first, with "Newer" and "Older" links. */

void	history_show(struct req *, const char *title, const char *back_href,
	    const char *entity, const char *entity_id);
void	history_cursor_read(struct req *, struct history_cursor *);
int	history_dict(struct req *, struct view_dict *, const struct history_page *,
	    const char *base_href, int show_record);

#endif
