#ifndef PAGES_MAP_H
#define PAGES_MAP_H

struct req;
struct view_dict;

int	map_dict(struct req *, struct view_dict *);

#endif
