/* The application/x-www-form-urlencoded parser, with hostile input. */
#include "test.h"

#include "core/arena.h"
#include "http/kv.h"
#include "http/urlencoded.h"

static const struct urlenc_limits lim = { 8, 32, 64 };

static int
parse(struct arena *a, const char *s, size_t len, struct kvlist *l,
    enum urlenc_err *err)
{
	memset(l, 0, sizeof(*l));
	return urlencoded_parse(a, s, len, &lim, l, err);
}

static void
decodes_pairs_in_order(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;
	const char *s = "name=Jo+Bloggs&where=10%20High%20St%2C%20E1&empty=&flag";

	(void)state;
	assert_int_equal(parse(a, s, strlen(s), &l, &err), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(kv_get(&l, "name"), "Jo Bloggs");
	assert_string_equal(kv_get(&l, "where"), "10 High St, E1");
	assert_string_equal(kv_get(&l, "empty"), "");
	assert_string_equal(kv_get(&l, "flag"), "");
	assert_null(kv_get(&l, "missing"));
	arena_free(a);
}

static void
repeated_keys_are_all_kept(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;
	const char *s = "t=noise&t=graffiti&t=noise";

	(void)state;
	assert_int_equal(parse(a, s, strlen(s), &l, &err), 0);
	assert_int_equal(kv_count(&l, "t"), 3);
	assert_string_equal(kv_get(&l, "t"), "noise");
	assert_string_equal(l.v[1].val, "graffiti");
	arena_free(a);
}

static void
empty_pairs_and_keys_are_skipped(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;
	const char *s = "&&a=1&&=orphan&&";

	(void)state;
	assert_int_equal(parse(a, s, strlen(s), &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_int_equal(parse(a, "", 0, &l, &err), 0);
	assert_int_equal(l.n, 0);
	arena_free(a);
}

static void
malformed_escapes_are_refused(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;
	const char *bad[] = { "a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=1%2" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(a, bad[i], strlen(bad[i]), &l, &err), -1);
		assert_int_equal(err, URLENC_BAD_ESCAPE);
	}
	arena_free(a);
}

static void
nul_bytes_are_refused_raw_or_encoded(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;

	(void)state;
	assert_int_equal(parse(a, "a=x%00y", 7, &l, &err), -1);
	assert_int_equal(err, URLENC_NUL);
	assert_int_equal(parse(a, "a=x\0y", 5, &l, &err), -1);
	assert_int_equal(err, URLENC_NUL);
	arena_free(a);
}

static void
truncated_input_stops_at_its_length(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;
	/* Only the first 5 bytes are the body; what follows must not be read. */
	const char *s = "a=123&b=%ZZ";

	(void)state;
	assert_int_equal(parse(a, s, 5, &l, &err), 0);
	assert_string_equal(kv_get(&l, "a"), "123");
	assert_int_equal(parse(a, s, 4, &l, &err), 0);
	assert_string_equal(kv_get(&l, "a"), "12");
	/* An escape cut off by the length is malformed, not read past. */
	assert_int_equal(parse(a, "a=%41", 4, &l, &err), -1);
	arena_free(a);
}

static void
limits_are_enforced(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l;
	enum urlenc_err err;
	char big[200];

	(void)state;
	assert_int_equal(parse(a, "a&b&c&d&e&f&g&h", 15, &l, &err), 0);
	assert_int_equal(parse(a, "a&b&c&d&e&f&g&h&i", 17, &l, &err), -1);
	assert_int_equal(err, URLENC_TOO_MANY);
	memset(big, 'v', sizeof(big));
	memcpy(big, "k=", 2);
	assert_int_equal(parse(a, big, sizeof(big), &l, &err), -1);
	assert_int_equal(err, URLENC_TOO_LONG);
	memset(big, 'k', sizeof(big));
	assert_int_equal(parse(a, big, 40, &l, &err), -1);
	assert_int_equal(err, URLENC_TOO_LONG);
	/* The limit is on the decoded length: 64 escaped bytes are fine. */
	{
		char esc[2 + 64 * 3 + 1];
		size_t i;

		memcpy(esc, "k=", 2);
		for (i = 0; i < 64; i++)
			memcpy(esc + 2 + 3 * i, "%41", 3);
		assert_int_equal(parse(a, esc, sizeof(esc) - 1, &l, &err), 0);
		assert_int_equal(l.v[0].vlen, 64);
	}
	arena_free(a);
}

static void
percent_decode_keeps_plus_in_paths(void **state)
{
	char out[32];
	size_t n;

	(void)state;
	assert_int_equal(percent_decode(out, "/a+b%2Fc", 8, 0, &n), 0);
	assert_string_equal(out, "/a+b/c");
	assert_int_equal(n, 6);
	assert_int_equal(percent_decode(out, "a+b", 3, 1, &n), 0);
	assert_string_equal(out, "a b");
	assert_int_equal(percent_decode(out, "%00", 3, 0, &n), -2);
	assert_int_equal(percent_decode(out, "%F", 2, 0, &n), -1);
	/* UTF-8 passes through byte for byte. */
	assert_int_equal(percent_decode(out, "%C3%A9", 6, 0, &n), 0);
	assert_string_equal(out, "\xc3\xa9");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_pairs_in_order),
		cmocka_unit_test(repeated_keys_are_all_kept),
		cmocka_unit_test(empty_pairs_and_keys_are_skipped),
		cmocka_unit_test(malformed_escapes_are_refused),
		cmocka_unit_test(nul_bytes_are_refused_raw_or_encoded),
		cmocka_unit_test(truncated_input_stops_at_its_length),
		cmocka_unit_test(limits_are_enforced),
		cmocka_unit_test(percent_decode_keeps_plus_in_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
