/* Matching a request against the route table, and printing it. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "server/router.h"

/* Matches path against pattern segment by segment; a `{name}` segment
 * matches any one non-empty segment and is stored as a path parameter
 * (when r is not NULL). Returns 1 on a match, 0 otherwise. */
int
route_path_match(const char *pat, const char *path, struct req *r)
{
	const char *pe, *se, *name_end;
	char *name, *val;

	for (;;) {
		if (*pat == '\0' || *path == '\0')
			return *pat == '\0' && *path == '\0';
		if (*pat != '/' || *path != '/')
			return 0;
		pat++;
		path++;
		pe = strchr(pat, '/');
		if (pe == NULL)
			pe = pat + strlen(pat);
		se = strchr(path, '/');
		if (se == NULL)
			se = path + strlen(path);
		if (*pat == '{' && pe - pat > 2 && pe[-1] == '}') {
			if (se == path)
				return 0;
			name_end = pe - 1;
			if (r != NULL) {
				name = arena_strndup(r->arena, pat + 1,
				    (size_t)(name_end - pat - 1));
				val = arena_strndup(r->arena, path, (size_t)(se - path));
				if (name == NULL || val == NULL ||
				    kv_add(r->arena, &r->params, name, val,
				    (size_t)(se - path)) == -1)
					return 0;
			}
		} else if (pe - pat != se - path ||
		    memcmp(pat, path, (size_t)(pe - pat)) != 0)
			return 0;
		pat = pe;
		path = se;
	}
}

/* Finds the route for the request. On no match, *status is 404 (no such
 * path) or 405 (the path exists for other methods) and NULL is returned.
 * HEAD is served by a GET route. */
const struct route *
route_match(const struct route *t, size_t n, struct req *r, int *status)
{
	enum http_method m = r->method == METHOD_HEAD ? METHOD_GET : r->method;
	size_t i;
	int path_seen = 0;

	*status = 404;
	for (i = 0; i < n; i++) {
		if (!route_path_match(t[i].pattern, r->path, NULL))
			continue;
		path_seen = 1;
		if (t[i].method != m)
			continue;
		r->params.n = 0;
		if (!route_path_match(t[i].pattern, r->path, r)) {
			*status = 500;
			return NULL;
		}
		*status = 0;
		return &t[i];
	}
	if (path_seen)
		*status = 405;
	return NULL;
}

/* Prints the table to out, one route a line: method, pattern and the
 * permission it needs, tab-separated (concord-fcgi --routes); a signed
 * API route's permission is marked "api:", an OData feed route's "odata:".
 * Returns 0, or -1 when out could not be written. */
int
route_table_print(FILE *out, const struct route *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fprintf(out, "%s\t%s\t%s%s\n", method_name(t[i].method),
		    t[i].pattern, (t[i].flags & ROUTE_API_SIGNED) ? "api:" :
		    (t[i].flags & ROUTE_ODATA) ? "odata:" : "", perm_name(t[i].perm)) < 0)
			return -1;
	return fflush(out) == EOF || ferror(out) ? -1 : 0;
}
