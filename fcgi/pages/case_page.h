#ifndef PAGES_CASE_PAGE_H
#define PAGES_CASE_PAGE_H

#include "domain/case.h"

struct req;
struct view_dict;

/* The parts of a case page, each its own page under /staff/cases/{ref}. */
enum case_tab {
	CASE_TAB_OVERVIEW,	/* /staff/cases/{ref} */
	CASE_TAB_ACTIONS,	/* /staff/cases/{ref}/actions */
	CASE_TAB_CONTACT,	/* /staff/cases/{ref}/contact */
	CASE_TAB_REVIEWS,	/* /staff/cases/{ref}/reviews */
	CASE_TAB_PATTERNS,	/* /staff/cases/{ref}/patterns */
	CASE_TAB_HISTORY,	/* /staff/cases/{ref}/history */
	CASE_TAB_NONE,		/* a form of one part: no tab is the current one */
};

/* Reads the case the path's {ref} names, auditing the view. Returns 0
 * with *h filled, or 1 when it has sent the page itself (404 when the case
 * is not there or not the user's to see, 503 when the database failed). */
int	case_page_load(struct req *, struct case_head *);
/* Sets CASE_HEAD (views/case_head.tpl: caption, title, state, lead and the
 * parts' navigation with `current` marked) on a case page's dictionary. */
int	case_page_head(struct req *, struct view_dict *, const struct case_head *,
	    enum case_tab current);

#endif
