/* The new-case form's incident references (domain/case_rules.c): every
 * reference returned is non-empty, at most CASE_REF_MAX bytes, holds no
 * separator and no lower-case letter, and none is returned twice; splitting
 * the references joined by spaces gives them back. */
#include "fuzz.h"

#include "core/arena.h"
#include "domain/case_core.h"

#define MAX	CASE_REFS_MAX

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *out[MAX], *again[MAX];
	struct arena *ar = arena_new(8192);
	char *s = fuzz_string(data, n), *joined;
	size_t len = 0;
	int k, i, j;

	if (ar == NULL || s == NULL)
		abort();
	k = case_refs_split(ar, s, out, MAX);
	CHECK(k >= -1 && k <= MAX);
	if ((joined = malloc((size_t)(k > 0 ? k : 0) * (CASE_REF_MAX + 1) + 1)) == NULL)
		abort();
	for (i = 0; i < k; i++) {
		CHECK(*out[i] != '\0' && strlen(out[i]) <= CASE_REF_MAX);
		CHECK(strpbrk(out[i], " \t\r\n,;") == NULL);
		for (j = 0; out[i][j] != '\0'; j++)
			CHECK(out[i][j] < 'a' || out[i][j] > 'z');
		for (j = 0; j < i; j++)
			CHECK(strcmp(out[i], out[j]) != 0);
		len += (size_t)sprintf(joined + len, "%s ", out[i]);
	}
	joined[len] = '\0';
	if (k >= 0) {
		CHECK(case_refs_split(ar, joined, again, MAX) == k);
		for (i = 0; i < k; i++)
			CHECK(strcmp(out[i], again[i]) == 0);
	}
	free(joined);
	free(s);
	arena_free(ar);
	return 0;
}
