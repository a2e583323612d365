/* Evidence files described for people, the same on the public form and
 * the staff pages. */
#include "core/arena.h"
#include "pages/evidence_words.h"

#include <string.h>

const char *
evidence_kind_words(const char *c)
{
	if (strcmp(c, "photo") == 0)
		return "Photo";
	if (strcmp(c, "video") == 0)
		return "Video";
	if (strcmp(c, "audio") == 0)
		return "Audio recording";
	return "Document";
}

/* Decimal units, as phones and file managers show them. */
const char *
evidence_size_words(struct arena *a, long long n)
{
	if (n >= 1000 * 1000)
		return arena_printf(a, "%.1f MB", (double)n / 1e6);
	if (n >= 1000)
		return arena_printf(a, "%lld KB", (n + 500) / 1000);
	return arena_printf(a, "%lld bytes", n);
}
