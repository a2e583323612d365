/* Building a request from the FastCGI parameters nginx sends. Nothing here
 * reads the network, so every parser can be tested with hostile input. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/random.h"
#include "http/cookie.h"
#include "http/request.h"
#include "http/urlencoded.h"

const struct req_limits req_limits_default = {
	.uri_max = 8192,
	.header_max = 8192,
	.query_pairs = 64,
	.form_pairs = 512,
	.field_max = 65536,
	.cookies_max = 50,
	.body_max = 1024 * 1024,
};

static const char *const methods[METHOD__MAX] = {
	"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
};

const char *
method_name(enum http_method m)
{
	return m < METHOD__MAX ? methods[m] : "?";
}

/* Fails the request with a status and a message for the error page. */
static int
fail(struct req *r, int status, const char *why)
{
	r->error = why;
	return status;
}

/* Copies the environment into the arena: libfcgi reuses it after the next
 * accept, and we need it until the response is sent. */
static int
env_copy(struct req *r, char *const *envp, const struct req_limits *lim)
{
	const char *eq;
	char *k, *v;
	size_t vlen;

	for (; envp != NULL && *envp != NULL; envp++) {
		if ((eq = strchr(*envp, '=')) == NULL)
			continue;
		vlen = strlen(eq + 1);
		if (vlen > lim->header_max && strncmp(*envp, "HTTP_", 5) == 0)
			return fail(r, 431, "A request header is too large.");
		k = arena_strndup(r->arena, *envp, (size_t)(eq - *envp));
		v = arena_strndup(r->arena, eq + 1, vlen);
		if (k == NULL || v == NULL || kv_add(r->arena, &r->env, k, v, vlen) == -1)
			return fail(r, 500, "Out of memory.");
	}
	return 0;
}

static int
method_parse(struct req *r)
{
	const char *m = req_env(r, "REQUEST_METHOD");
	int i;

	r->method = METHOD__MAX;
	r->method_name = m != NULL ? m : "";
	for (i = 0; i < METHOD__MAX; i++)
		if (m != NULL && strcmp(m, methods[i]) == 0) {
			r->method = (enum http_method)i;
			return 0;
		}
	/* Keep what the client sent, within reason, for the log line. */
	if (strlen(r->method_name) > 16)
		r->method_name = "(long)";
	return fail(r, 405, "That request method is not supported.");
}

/* Splits REQUEST_URI into a decoded path and the raw query string. */
static int
uri_parse(struct req *r, const struct req_limits *lim)
{
	const char *uri = req_env(r, "REQUEST_URI"), *q;
	size_t plen;
	char *path;

	if (uri == NULL || uri[0] != '/')
		return fail(r, 400, "The request target must be a path.");
	if (strlen(uri) > lim->uri_max)
		return fail(r, 414, "The address is too long.");
	r->uri = uri;
	q = strchr(uri, '?');
	plen = q ? (size_t)(q - uri) : strlen(uri);
	r->query_string = q ? q + 1 : "";
	if ((path = arena_alloc(r->arena, plen + 1)) == NULL)
		return fail(r, 500, "Out of memory.");
	if (percent_decode(path, uri, plen, 0, NULL) != 0)
		return fail(r, 400, "The address contains a malformed %-encoding.");
	r->path = path;
	return 0;
}

static int
query_parse(struct req *r, const struct req_limits *lim)
{
	struct urlenc_limits ul = { lim->query_pairs, 256, lim->field_max };
	enum urlenc_err err;

	if (urlencoded_parse(r->arena, r->query_string, strlen(r->query_string),
	    &ul, &r->query, &err) == -1)
		return fail(r, err == URLENC_NOMEM ? 500 : 400,
		    err == URLENC_TOO_MANY ? "The address has too many parameters." :
		    err == URLENC_TOO_LONG ? "A parameter in the address is too long." :
		    "The address contains a malformed %-encoding.");
	return 0;
}

static int
length_parse(struct req *r, const struct req_limits *lim)
{
	const char *cl = req_env(r, "CONTENT_LENGTH");
	char *end;
	long long n;

	r->content_length = -1;
	if (cl == NULL || *cl == '\0')
		return 0;
	if (!isdigit((unsigned char)*cl))
		return fail(r, 400, "The Content-Length header is not a number.");
	errno = 0;
	n = strtoll(cl, &end, 10);
	if (errno != 0 || *end != '\0')
		return fail(r, errno == ERANGE ? 413 : 400,
		    "The Content-Length header is not valid.");
	/* Each route's own limit is checked once it is known (worker.c). */
	if ((unsigned long long)n > lim->body_max &&
	    (unsigned long long)n > lim->stream_max)
		return fail(r, 413, "The request body is too large.");
	r->content_length = n;
	return 0;
}

/* Fills r from the FastCGI parameters. Returns 0, or an HTTP status with
 * r->error saying why; the caller then answers with that status. */
int
req_parse(struct req *r, struct arena *a, char *const *envp,
    const struct req_limits *lim)
{
	const char *id, *https;
	char *gen;
	int rc;

	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->content_length = -1;
	r->method_name = "";
	r->path = "";
	r->query_string = "";
	if ((rc = env_copy(r, envp, lim)) != 0)
		return rc;
	id = req_env(r, "REQUEST_ID");
	if (id == NULL || *id == '\0' || strlen(id) > 64) {
		if ((gen = arena_alloc(a, 33)) == NULL || random_hex(gen, 16) == -1)
			return fail(r, 500, "Out of memory.");
		id = gen;
	}
	r->request_id = id;
	r->remote_addr = req_env(r, "REMOTE_ADDR");
	if (r->remote_addr == NULL)
		r->remote_addr = "";
	https = req_env(r, "HTTPS");
	r->https = https != NULL && strcmp(https, "on") == 0;
	r->content_type = req_env(r, "CONTENT_TYPE");
	if ((rc = method_parse(r)) != 0 || (rc = uri_parse(r, lim)) != 0 ||
	    (rc = query_parse(r, lim)) != 0 || (rc = length_parse(r, lim)) != 0)
		return rc;
	if (cookie_parse(a, req_header(r, "Cookie"), lim->cookies_max, &r->cookies) == -1)
		return fail(r, 400, "The request has too many cookies.");
	return 0;
}

/* True when the media type (before any parameters) is t. */
static int
type_is(const char *ct, const char *t)
{
	size_t n = strlen(t);

	return ct != NULL && strncasecmp(ct, t, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Parses a form body already read into r->body. Returns 0 or a status. */
int
req_body_parse(struct req *r, const struct req_limits *lim)
{
	struct urlenc_limits ul = { lim->form_pairs, 256, lim->field_max };
	enum urlenc_err err;

	if (r->body == NULL || !type_is(r->content_type,
	    "application/x-www-form-urlencoded"))
		return 0;
	if (urlencoded_parse(r->arena, r->body, r->body_len, &ul, &r->form,
	    &err) == -1)
		return fail(r, err == URLENC_NOMEM ? 500 : 400,
		    err == URLENC_TOO_MANY ? "The form has too many fields." :
		    err == URLENC_TOO_LONG ? "A field in the form is too long." :
		    "The form data is malformed.");
	return 0;
}

const char *
req_env(const struct req *r, const char *name)
{
	return kv_get(&r->env, name);
}

/* A request header by its HTTP name ("User-Agent"), or NULL. */
const char *
req_header(const struct req *r, const char *name)
{
	char key[128];
	size_t i;

	if (strlen(name) + 6 > sizeof(key))
		return NULL;
	memcpy(key, "HTTP_", 5);
	for (i = 0; name[i] != '\0'; i++)
		key[5 + i] = name[i] == '-' ? '_' : (char)toupper((unsigned char)name[i]);
	key[5 + i] = '\0';
	return kv_get(&r->env, key);
}

const char *
req_param(const struct req *r, const char *name)
{
	return kv_get(&r->params, name);
}

const char *
req_query(const struct req *r, const char *name)
{
	return kv_get(&r->query, name);
}

const char *
req_form(const struct req *r, const char *name)
{
	return kv_get(&r->form, name);
}

const char *
req_cookie(const struct req *r, const char *name)
{
	return kv_get(&r->cookies, name);
}

/* One of our own cookies by its base name: in production the name has the
 * __Host- prefix (which browsers accept only with Secure, so not on a
 * plain-http development stack). */
const char *
req_app_cookie(const struct req *r, const char *base)
{
	char name[64];

	snprintf(name, sizeof(name), "%s%s", r->cfg != NULL && r->cfg->production ?
	    "__Host-" : "", base);
	return kv_get(&r->cookies, name);
}
