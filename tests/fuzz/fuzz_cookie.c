/* The Cookie header (http/cookie.c). */
#include "fuzz.h"

#include "core/arena.h"
#include "http/cookie.h"
#include "http/kv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const size_t max = 8;
	struct kvlist out = { 0 };
	struct arena *a;
	char *h = fuzz_string(data, n);
	const char *k;
	size_t i, klen;
	int rc;

	if ((a = arena_new(4096)) == NULL)
		abort();
	rc = cookie_parse(a, h, max, &out);
	CHECK(rc == 0 || rc == -1);
	CHECK(out.n <= max);
	for (i = 0; i < out.n; i++) {
		k = out.v[i].key;
		klen = strlen(k);
		/* A name is never empty, never padded, and holds no separator. */
		CHECK(klen > 0);
		CHECK(k[0] != ' ' && k[0] != '\t' && k[klen - 1] != ' ' && k[klen - 1] != '\t');
		CHECK(strchr(k, '=') == NULL);
		CHECK(strchr(k, ';') == NULL);
		CHECK(strchr(out.v[i].val, ';') == NULL);
		CHECK(strlen(out.v[i].val) == out.v[i].vlen);
		CHECK(strstr(h, k) != NULL && strstr(h, out.v[i].val) != NULL);
		CHECK(kv_get(&out, k) != NULL);
	}
	arena_free(a);
	free(h);
	return 0;
}
