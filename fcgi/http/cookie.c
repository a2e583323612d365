/* The Cookie request header: `a=1; b=2`. */
#include <string.h>

#include "core/arena.h"
#include "http/cookie.h"
#include "http/kv.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Parses up to max cookies into out. Malformed pairs (no `=`, empty name)
 * are ignored as browsers do; surrounding double quotes are removed.
 * Returns -1 on more than max cookies or out of memory. */
int
cookie_parse(struct arena *a, const char *h, size_t max, struct kvlist *out)
{
	const char *end, *semi, *eq, *ks, *ke, *vs, *ve;
	char *k, *v;

	if (h == NULL)
		return 0;
	end = h + strlen(h);
	while (h < end) {
		if ((semi = memchr(h, ';', (size_t)(end - h))) == NULL)
			semi = end;
		eq = memchr(h, '=', (size_t)(semi - h));
		if (eq != NULL) {
			for (ks = h; ks < eq && is_space(*ks); ks++)
				;
			for (ke = eq; ke > ks && is_space(ke[-1]); ke--)
				;
			for (vs = eq + 1; vs < semi && is_space(*vs); vs++)
				;
			for (ve = semi; ve > vs && is_space(ve[-1]); ve--)
				;
			if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
				vs++;
				ve--;
			}
			if (ke > ks) {
				if (out->n >= max)
					return -1;
				k = arena_strndup(a, ks, (size_t)(ke - ks));
				v = arena_strndup(a, vs, (size_t)(ve - vs));
				if (k == NULL || v == NULL ||
				    kv_add(a, out, k, v, (size_t)(ve - vs)) == -1)
					return -1;
			}
		}
		h = semi + (semi < end);
	}
	return 0;
}
