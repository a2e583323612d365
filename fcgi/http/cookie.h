#ifndef HTTP_COOKIE_H
#define HTTP_COOKIE_H

#include <stddef.h>

struct arena;
struct kvlist;

int	cookie_parse(struct arena *, const char *header, size_t max,
	    struct kvlist *out);

#endif
