#ifndef PAGES_CASE_VIEW_PAGE_H
#define PAGES_CASE_VIEW_PAGE_H

struct form_errors;
struct req;

/* The case's overview (views/case_view.tpl) with status; errs (may be
 * NULL) the problems of the form just sent, whose values are shown again
 * as typed. pages/case_view.c */
void	case_overview_render(struct req *, int status, const struct form_errors *);

#endif
