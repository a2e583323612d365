#ifndef SERVER_ROUTER_H
#define SERVER_ROUTER_H

#include <stdio.h>

#include "domain/perm.h"
#include "http/request.h"

/* Route flags. */
#define ROUTE_NO_CSRF	0x1	/* an API authenticated by other means */
/* The handler reads the body itself, as it streams (uploads: multipart),
 * up to req_limits.stream_max; it also checks the CSRF field it reads. */
#define ROUTE_STREAM_BODY	0x2

/* The CAD API: signed by a client's key (api/api_gate.c), not a session;
 * its perm is checked against the client's scopes. */
#define ROUTE_API_SIGNED	0x4

/* The OData feed: an analyst's key (api/odata_gate.c), not a session; the
 * analyst's own permissions must allow the route's perm. */
#define ROUTE_ODATA	0x8

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
int			 route_table_print(FILE *, const struct route *, size_t n);

#endif
