#ifndef PAGES_MAP_H
#define PAGES_MAP_H

/* The map picker's field: what its errors (about the point chosen on it)
 * are attached to, the id the error summary links to, and so the
 * REPORT_MAP_ERROR section of the templates. */
#define MAP_FIELD	"report-map"

struct req;
struct view_dict;

int	map_dict(struct req *, struct view_dict *);

#endif
