/* Responses: status, headers, body, and the security headers every
 * response carries. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "http/request.h"
#include "http/response.h"
#include "http/status.h"

/* No inline script or style anywhere: JavaScript only enhances, from files.
 * img-src also names the map tile server's origin, when it is another site. */
static const char csp_head[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:";
static const char csp_tail[] =
    "; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

/* The scheme and host of map_tile_url ("https://tile.example.org"), in
 * out; "" for a path on this site. A Leaflet subdomain placeholder
 * ("{s}.tile.example.org") becomes a CSP wildcard ("*.tile.example.org").
 * config.c has already refused characters that could end a CSP source. */
static void
tile_origin(const struct config *cfg, char *out, size_t outlen)
{
	const char *u, *host, *end, *slash;

	*out = '\0';
	if (cfg == NULL)
		return;
	u = cfg->map_tile_url;
	/* A scheme only before the first '/': a path has none. */
	if ((host = strstr(u, "://")) == NULL || (slash = strchr(u, '/')) == NULL ||
	    host > slash)
		return;
	host += 3;
	if ((end = strchr(host, '/')) == NULL)
		return;
	if (strncmp(host, "{s}.", 4) == 0)
		snprintf(out, outlen, "%.*s*.%.*s", (int)(host - u), u,
		    (int)(end - host - 4), host + 4);
	else
		snprintf(out, outlen, "%.*s", (int)(end - u), u);
}

static int
header_value_ok(const char *v)
{
	return strpbrk(v, "\r\n") == NULL;
}

/* Adds a header. Returns -1, adding nothing, when a name or value contains
 * a line break (header injection) or memory runs out. */
int
resp_header(struct req *r, const char *name, const char *value)
{
	char *n, *v;

	if (!header_value_ok(name) || !header_value_ok(value))
		return -1;
	n = arena_strdup(r->arena, name);
	v = arena_strdup(r->arena, value);
	if (n == NULL || v == NULL)
		return -1;
	return kv_add(r->arena, &r->resp.headers, n, v, strlen(v));
}

/* A plain-text answer, for errors that come before any page can render. */
void
resp_text(struct req *r, int status, const char *text)
{
	r->resp.status = status;
	r->resp.content_type = "text/plain; charset=utf-8";
	buf_reset(r->resp.body);
	buf_puts(r->resp.body, text);
	buf_putc(r->resp.body, '\n');
}

/* Every JSON answer of the app goes through here: json-c writes UTF-8, and
 * the charset is named because clients do not all assume it. */
void
resp_json(struct req *r, int status, struct json_object *o)
{
	r->resp.status = status;
	r->resp.content_type = "application/json; charset=utf-8";
	buf_reset(r->resp.body);
	buf_puts(r->resp.body, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	buf_putc(r->resp.body, '\n');
}

void
resp_redirect(struct req *r, int status, const char *location)
{
	r->resp.status = status;
	r->resp.content_type = "text/plain; charset=utf-8";
	buf_reset(r->resp.body);
	if (resp_header(r, "Location", location) == -1) {
		r->resp.status = 500;
		return;
	}
	buf_puts(r->resp.body, "See ");
	buf_puts(r->resp.body, location);
	buf_putc(r->resp.body, '\n');
}

/* Sets one of our own cookies: HttpOnly, SameSite=Lax, Path=/, and in
 * production Secure with the __Host- prefix. max_age 0 deletes it; -1
 * makes it last as long as the browser session. The value must be a
 * cookie-safe token (hex, or percent-encoded). Returns 0 or -1. */
int
resp_cookie(struct req *r, const char *base, const char *value, int max_age)
{
	int prod = r->cfg != NULL && r->cfg->production;
	char age[32] = "";
	char *c;

	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%d", max_age);
	c = arena_printf(r->arena, "%s%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    prod ? "__Host-" : "", base, value, prod ? "; Secure" : "", age);
	if (c == NULL || strpbrk(value, ";, \r\n") != NULL)
		return -1;
	return resp_header(r, "Set-Cookie", c);
}

static int
has_header(const struct req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->resp.headers.n; i++)
		if (strcasecmp(r->resp.headers.v[i].key, name) == 0)
			return 1;
	return 0;
}

/* Writes the CGI response head (Status, headers, blank line) into out.
 * Returns -1 when out of memory. */
int
resp_head(struct req *r, int production, struct buf *out)
{
	const struct resp *s = &r->resp;
	char origin[512];
	size_t i;

	buf_printf(out, "Status: %d %s\r\n", s->status, http_reason(s->status));
	if (s->content_type != NULL)
		buf_printf(out, "Content-Type: %s\r\n", s->content_type);
	buf_printf(out, "Content-Length: %zu\r\n", s->body ? s->body->len : 0);
	for (i = 0; i < s->headers.n; i++)
		buf_printf(out, "%s: %s\r\n", s->headers.v[i].key, s->headers.v[i].val);
	tile_origin(r->cfg, origin, sizeof(origin));
	buf_printf(out, "Content-Security-Policy: %s%s%s%s\r\n", csp_head,
	    *origin != '\0' ? " " : "", origin, csp_tail);
	buf_puts(out, "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cross-Origin-Opener-Policy: same-origin\r\n"
	    "Permissions-Policy: camera=(), microphone=(), geolocation=(self)\r\n");
	if (!has_header(r, "Cache-Control"))
		buf_puts(out, "Cache-Control: no-store\r\n");
	if (production)
		buf_puts(out, "Strict-Transport-Security: max-age=31536000; "
		    "includeSubDomains\r\n");
	if (r->request_id != NULL)
		buf_printf(out, "X-Request-Id: %s\r\n", r->request_id);
	buf_puts(out, "\r\n");
	return out->oom ? -1 : 0;
}
