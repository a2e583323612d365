/* The request line and headers (http/request.c), as nginx passes them
 * over FastCGI. The input is an HTTP request:
 *   METHOD SP TARGET LF
 *   Name: value LF ...      (Content-Type and Content-Length become
 *   LF                       CONTENT_TYPE and CONTENT_LENGTH, the others
 *   body                     HTTP_NAME, as nginx's fastcgi_params do)
 * parsed into a request, then its form body. */
#include "fuzz.h"

#include <ctype.h>
#include <strings.h>

#include "core/arena.h"
#include "http/request.h"

#define ENV_MAX	32

/* "Name: value" as the FastCGI parameter NAME=value, in the arena. */
static char *
header_param(struct arena *a, const char *line, size_t n)
{
	const char *colon = memchr(line, ':', n), *v;
	char *p, *o;
	size_t i, nlen;

	if (colon == NULL || colon == line)
		return NULL;
	nlen = (size_t)(colon - line);
	for (v = colon + 1; v < line + n && *v == ' '; v++)
		;
	if ((p = o = arena_alloc(a, 5 + nlen + 1 + (size_t)(line + n - v) + 1)) == NULL)
		abort();
	if (!(nlen == 12 && strncasecmp(line, "Content-Type", 12) == 0) &&
	    !(nlen == 14 && strncasecmp(line, "Content-Length", 14) == 0)) {
		memcpy(o, "HTTP_", 5);
		o += 5;
	}
	for (i = 0; i < nlen; i++)
		*o++ = line[i] == '-' ? '_' : (char)toupper((unsigned char)line[i]);
	*o++ = '=';
	memcpy(o, v, (size_t)(line + n - v));
	o[line + n - v] = '\0';
	return p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	/* Small limits, so that every one of them is reached too. */
	const struct req_limits lim = {
		.uri_max = 200, .header_max = 200, .query_pairs = 8, .form_pairs = 8,
		.field_max = 64, .cookies_max = 4, .body_max = 1000, .stream_max = 0,
	};
	char *text = fuzz_string(data, n), *env[ENV_MAX + 1], *line, *sp, *nl, *body;
	struct arena *a;
	struct req r;
	size_t ne = 0, i, len;
	int rc;

	if ((a = arena_new(4096)) == NULL)
		abort();
	/* What nginx always sets. */
	env[ne++] = "REMOTE_ADDR=127.0.0.1";
	env[ne++] = "SERVER_PROTOCOL=HTTP/1.1";
	line = text;
	nl = strchr(line, '\n');
	if (nl != NULL)
		*nl = '\0';
	if ((sp = strchr(line, ' ')) != NULL) {
		*sp = '\0';
		env[ne++] = arena_printf(a, "REQUEST_URI=%s", sp + 1);
		if ((sp = strchr(sp + 1, '?')) != NULL)
			env[ne++] = arena_printf(a, "QUERY_STRING=%s", sp + 1);
	}
	env[ne++] = arena_printf(a, "REQUEST_METHOD=%s", line);
	body = NULL;
	while (nl != NULL && ne < ENV_MAX) {
		line = nl + 1;
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		len = strlen(line);
		if (len == 0) {
			body = nl != NULL ? nl + 1 : line;
			break;
		}
		if ((env[ne] = header_param(a, line, len)) != NULL)
			ne++;
	}
	env[ne] = NULL;
	for (i = 0; i < ne; i++)
		CHECK(env[i] != NULL);

	rc = req_parse(&r, a, env, &lim);
	if (rc != 0) {
		CHECK(rc >= 400 && rc <= 599);
		CHECK(r.error != NULL && r.error[0] != '\0');
		goto out;
	}
	CHECK(r.method < METHOD__MAX);
	CHECK(strcmp(method_name(r.method), r.method_name) == 0);
	CHECK(r.uri != NULL && r.uri[0] == '/' && strlen(r.uri) <= lim.uri_max);
	CHECK(r.path[0] == '/');
	CHECK(strlen(r.path) <= strlen(r.uri));
	CHECK(r.request_id != NULL && r.request_id[0] != '\0' && strlen(r.request_id) <= 64);
	CHECK(r.query.n <= lim.query_pairs);
	for (i = 0; i < r.query.n; i++)
		CHECK(r.query.v[i].vlen <= lim.field_max);
	CHECK(r.cookies.n <= lim.cookies_max);
	CHECK(r.content_length == -1 || (r.content_length >= 0 &&
	    (unsigned long long)r.content_length <= lim.body_max));
	(void)req_header(&r, "User-Agent");
	(void)req_app_cookie(&r, "session");
	(void)req_query(&r, "q");

	if (body != NULL) {
		r.body = body;
		r.body_len = strlen(body);
		rc = req_body_parse(&r, &lim);
		CHECK(rc == 0 || (rc >= 400 && rc <= 599 && r.error != NULL));
		CHECK(r.form.n <= lim.form_pairs);
		if (rc == 0)
			for (i = 0; i < r.form.n; i++)
				CHECK(strlen(r.form.v[i].val) == r.form.v[i].vlen);
	}
out:
	arena_free(a);
	free(text);
	return 0;
}
