#ifndef PAGES_PAGES_H
#define PAGES_PAGES_H

struct req;

/* Handlers for HTML pages, one file per area of the site. */
void	home_get(struct req *);

#endif
