/* Basic credentials (auth/basic.c): the Authorization header the OData
 * feed reads. */
#include "fuzz.h"

#include "auth/basic.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *s = fuzz_string(data, n);
	struct arena *ar = arena_new(4096);
	const char *user, *pass;

	CHECK(ar != NULL);
	if (basic_decode(ar, s, &user, &pass) == 0) {
		/* What decodes is text with no NUL and the colon taken out. */
		CHECK(strlen(user) + strlen(pass) + 1 <= (strlen(s) / 4) * 3);
		CHECK(strchr(user, ':') == NULL);
	}
	arena_free(ar);
	free(s);
	return 0;
}
