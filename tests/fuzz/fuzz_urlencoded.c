/* application/x-www-form-urlencoded (http/urlencoded.c): query strings and
 * form bodies. Whatever parses must survive a round trip: encoded again
 * and parsed, it gives the same pairs. */
#include "fuzz.h"

#include "core/arena.h"
#include "http/kv.h"
#include "http/urlencoded.h"

/* Appends s, percent-encoded, at *o. */
static void
encode(char **o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			*(*o)++ = (char)c;
		} else {
			*(*o)++ = '%';
			*(*o)++ = hex[c >> 4];
			*(*o)++ = hex[c & 15];
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	/* Small limits, so that every limit is reached as well. */
	const struct urlenc_limits lim = { 16, 32, 256 };
	struct kvlist out = { 0 }, again = { 0 };
	struct arena *a;
	enum urlenc_err err;
	char *enc, *o;
	size_t i, total = 0;
	int rc;

	if ((a = arena_new(4096)) == NULL)
		abort();
	rc = urlencoded_parse(a, (const char *)data, n, &lim, &out, &err);
	CHECK((rc == 0) == (err == URLENC_OK));
	CHECK(urlenc_strerror(err) != NULL);
	if (rc == 0) {
		CHECK(out.n <= lim.max_pairs);
		for (i = 0; i < out.n; i++) {
			CHECK(out.v[i].key[0] != '\0');
			CHECK(strlen(out.v[i].key) <= lim.max_key);
			CHECK(strlen(out.v[i].val) == out.v[i].vlen);
			CHECK(out.v[i].vlen <= lim.max_val);
			total += strlen(out.v[i].key) + out.v[i].vlen + 2;
		}
		if ((enc = o = malloc(3 * total + 1)) == NULL)
			abort();
		for (i = 0; i < out.n; i++) {
			if (i > 0)
				*o++ = '&';
			encode(&o, out.v[i].key);
			*o++ = '=';
			encode(&o, out.v[i].val);
		}
		*o = '\0';
		CHECK(urlencoded_parse(a, enc, (size_t)(o - enc), &lim, &again, &err) == 0);
		CHECK(again.n == out.n);
		for (i = 0; i < out.n; i++) {
			CHECK(strcmp(again.v[i].key, out.v[i].key) == 0);
			CHECK(strcmp(again.v[i].val, out.v[i].val) == 0);
		}
		free(enc);
	}
	arena_free(a);
	return 0;
}
