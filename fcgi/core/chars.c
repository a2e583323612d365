/* Characters of UTF-8 text, and how a refusal for too many says by how
 * many (GOV.UK's character count: "You have 153 characters too many"). */
#include <string.h>

#include "core/arena.h"
#include "core/chars.h"

/* The characters (UTF-8 code points) in s: every byte but a continuation
 * byte starts one, as PostgreSQL counts them. */
size_t
chars_count(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* 1 when s is at most max characters, and at most the 4 * max bytes that
 * many characters can take (a run of stray continuation bytes counts as
 * no characters); 0 otherwise. */
int
chars_fit(const char *s, size_t max)
{
	size_t bytes = strlen(s);

	return bytes <= max || ((bytes + 3) / 4 <= max && chars_count(s) <= max);
}

/* message, which states the limit of max characters, with how many too
 * many s has: "… must be 500 characters or fewer (you have 3 characters
 * too many)". message alone when s is not over in characters (only in
 * bytes), when memory runs out, or when it is NULL. */
const char *
chars_too_many(struct arena *a, const char *message, const char *s, size_t max)
{
	size_t n = chars_count(s);
	const char *out;

	if (message == NULL || n <= max)
		return message;
	out = arena_printf(a, "%s (you have %zu character%s too many)", message, n - max,
	    n - max == 1 ? "" : "s");
	return out != NULL ? out : message;
}
