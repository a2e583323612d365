#ifndef HTTP_REQUEST_H
#define HTTP_REQUEST_H

#include <stddef.h>

#include "domain/actor.h"
#include "http/kv.h"
#include "http/response.h"

struct api_caller;
struct arena;
struct config;
struct pg;
struct rd;
struct session;

enum http_method {
	METHOD_GET, METHOD_HEAD, METHOD_POST, METHOD_PUT, METHOD_PATCH,
	METHOD_DELETE, METHOD_OPTIONS, METHOD__MAX
};

/* Limits on what a client may send; nginx enforces the same ones first. */
struct req_limits {
	size_t	uri_max;	/* request target, path and query */
	size_t	header_max;	/* any one header value */
	size_t	query_pairs;
	size_t	form_pairs;
	size_t	field_max;	/* any one decoded form or query value */
	size_t	cookies_max;
	size_t	body_max;	/* = nginx client_max_body_size */
	size_t	stream_max;	/* bodies of streaming routes (uploads); 0: none */
};

extern const struct req_limits req_limits_default;

struct req {
	struct arena		*arena;
	const struct config	*cfg;
	struct pg		*pg;
	struct rd		*rd;

	enum http_method	 method;
	const char		*method_name;
	const char		*uri;		/* as sent: path?query */
	const char		*path;		/* percent-decoded */
	const char		*query_string;
	const char		*request_id;
	const char		*remote_addr;
	const char		*content_type;
	long long		 content_length;	/* -1 when absent */
	int			 https;

	struct kvlist		 env;		/* every FastCGI parameter */
	struct kvlist		 query;
	struct kvlist		 cookies;
	struct kvlist		 form;
	struct kvlist		 params;	/* from the route pattern */

	const char		*body;
	size_t			 body_len;

	/* Routes that stream their body (uploads) read it with this instead:
	 * up to len bytes, 0 at its end, -1 when the client went away. */
	long			(*body_reader)(void *ctx, char *buf, size_t len);
	void			*body_ctx;

	const char		*error;		/* why parsing failed */
	struct resp		 resp;

	struct session		*session;	/* NULL: nobody signed in */
	struct actor		 actor;		/* for audit rows and RLS */
	/* The CAD API's signed routes: the client that signed (api/api_gate.c). */
	const struct api_caller	*api;
};

int		 req_parse(struct req *, struct arena *, char *const *envp,
		    const struct req_limits *);
int		 req_body_parse(struct req *, const struct req_limits *);
const char	*req_header(const struct req *, const char *name);
const char	*req_env(const struct req *, const char *name);
const char	*req_param(const struct req *, const char *name);
const char	*req_query(const struct req *, const char *name);
const char	*req_form(const struct req *, const char *name);
const char	*req_cookie(const struct req *, const char *name);
const char	*req_app_cookie(const struct req *, const char *base);
const char	*method_name(enum http_method);

#endif
