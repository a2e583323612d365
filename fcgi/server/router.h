#ifndef SERVER_ROUTER_H
#define SERVER_ROUTER_H

#include "http/request.h"

/* What a route requires of the caller; checked once, at the route table. */
enum perm {
	PERM_PUBLIC = 0,	/* anyone, signed in or not */
};

typedef void (*handler_fn)(struct req *);

struct route {
	enum http_method	 method;
	const char		*pattern;	/* "/incidents/{ref}" */
	handler_fn		 handler;
	enum perm		 perm;
};

const struct route	*route_match(const struct route *, size_t n,
			    struct req *, int *status);
int			 route_path_match(const char *pattern, const char *path,
			    struct req *);

#endif
