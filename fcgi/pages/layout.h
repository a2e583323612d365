#ifndef PAGES_LAYOUT_H
#define PAGES_LAYOUT_H

struct req;
struct view_dict;

struct view_dict	*page_dict(struct req *);
void			 page_render(struct req *, int status, const char *tpl,
			    const char *title, struct view_dict *);
void			 page_error(struct req *, int status, const char *message);
void			 page_flash(struct req *, const char *message);
void			 page_notice(struct req *, const char *message);
void			 page_signin_needed(struct req *, int expired);

#endif
