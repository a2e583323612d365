#ifndef HTTP_RESPONSE_H
#define HTTP_RESPONSE_H

#include "http/kv.h"

struct buf;
struct json_object;
struct req;

/* What a handler answers. The body goes into a buffer the worker owns and
 * reuses; headers live in the request arena. */
struct resp {
	int		 status;
	const char	*content_type;
	struct kvlist	 headers;
	struct buf	*body;
};

int	resp_header(struct req *, const char *name, const char *value);
void	resp_text(struct req *, int status, const char *text);
void	resp_json(struct req *, int status, struct json_object *);
void	resp_redirect(struct req *, int status, const char *location);
int	resp_head(struct req *, int production, struct buf *out);
int	resp_cookie(struct req *, const char *base, const char *value, int max_age);

#endif
