#ifndef CORE_CHARS_H
#define CORE_CHARS_H

#include <stddef.h>

struct arena;

/* Lengths of text as a person counts them: characters (UTF-8 code
 * points), not bytes, and the one wording of a refusal for too many. */

size_t		 chars_count(const char *);
int		 chars_fit(const char *, size_t max);
const char	*chars_too_many(struct arena *, const char *message, const char *s,
		    size_t max);

#endif
