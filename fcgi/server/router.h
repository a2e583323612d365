#ifndef SERVER_ROUTER_H
#define SERVER_ROUTER_H

#include "domain/perm.h"
#include "http/request.h"

/* Route flags. */
#define ROUTE_NO_CSRF	0x1	/* an API authenticated by other means */

typedef void (*handler_fn)(struct req *);

struct route {
	enum http_method	 method;
	const char		*pattern;	/* "/incidents/{ref}" */
	handler_fn		 handler;
	enum perm		 perm;		/* what the caller must be allowed */
	int			 flags;
};

const struct route	*route_match(const struct route *, size_t n,
			    struct req *, int *status);
int			 route_path_match(const char *pattern, const char *path,
			    struct req *);

#endif
