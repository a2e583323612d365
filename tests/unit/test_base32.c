/* RFC 4648 base32, both ways, and what the decoder forgives or refuses. */
#include "test.h"

#include "auth/base32.h"

struct vector {
	const char	*plain;
	const char	*padded;
	const char	*bare;
};

/* RFC 4648 section 10. */
static const struct vector rfc4648[] = {
	{ "", "", "" },
	{ "f", "MY======", "MY" },
	{ "fo", "MZXQ====", "MZXQ" },
	{ "foo", "MZXW6===", "MZXW6" },
	{ "foob", "MZXW6YQ=", "MZXW6YQ" },
	{ "fooba", "MZXW6YTB", "MZXW6YTB" },
	{ "foobar", "MZXW6YTBOI======", "MZXW6YTBOI" },
};

#define NVEC	(sizeof(rfc4648) / sizeof(rfc4648[0]))

static void
encodes_rfc4648_vectors(void **state)
{
	char out[32];
	size_t i, n;

	(void)state;
	for (i = 0; i < NVEC; i++) {
		n = strlen(rfc4648[i].plain);
		assert_int_equal(base32_encode((const unsigned char *)
		    rfc4648[i].plain, n, 1, out, sizeof(out)), 0);
		assert_string_equal(out, rfc4648[i].padded);
		assert_int_equal(base32_encoded_len(n, 1), strlen(out));
		assert_int_equal(base32_encode((const unsigned char *)
		    rfc4648[i].plain, n, 0, out, sizeof(out)), 0);
		assert_string_equal(out, rfc4648[i].bare);
		assert_int_equal(base32_encoded_len(n, 0), strlen(out));
	}
}

/* Decodes s and checks it gives want. */
static void
decodes_to(const char *s, const char *want)
{
	unsigned char out[32];
	size_t n;

	assert_int_equal(base32_decode(s, out, sizeof(out), &n), 0);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
}

static void
decodes_rfc4648_vectors_padded_or_not(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NVEC; i++) {
		decodes_to(rfc4648[i].padded, rfc4648[i].plain);
		decodes_to(rfc4648[i].bare, rfc4648[i].plain);
	}
}

static void
decoding_forgives_case_and_spaces(void **state)
{
	(void)state;
	decodes_to("mzxw6ytboi", "foobar");
	decodes_to("mZxW 6yTb oI==\t====", "foobar");
	decodes_to(" MZXW 6YTB ", "fooba");
	/* How an app groups a 32-character secret for reading aloud. */
	decodes_to("gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
	    "12345678901234567890");
}

static void
decoding_refuses_what_no_encoder_makes(void **state)
{
	static const char *bad[] = {
		"MZXW6YT1",		/* 1 is not in the alphabet */
		"MZXW6YT8",		/* nor 8 */
		"MZXW6YT0",		/* nor 0 */
		"MZXW-6YTB",		/* nor - */
		"MZXW6YT\xc3\xa9",	/* nor non-ASCII */
		"MZ=XW6YTB",		/* padding in the middle */
		"MY=",			/* padding to other than 8 */
		"MY=======",		/* too much padding */
		"========",		/* nothing but padding */
		"M",			/* 1, 3 or 6 characters cannot happen */
		"MZX",
		"MZXW6Y",
		"MZ",			/* non-zero unused bits */
		"MZXW6YTBOJ",
	};
	unsigned char out[32];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(base32_decode(bad[i], out, sizeof(out), &n), -1);
}

static void
output_buffers_are_never_overrun(void **state)
{
	unsigned char out[6];
	char enc[17];
	size_t n;

	(void)state;
	/* Encoding needs room for the NUL as well. */
	assert_int_equal(base32_encode((const unsigned char *)"foobar", 6, 1,
	    enc, 16), -1);
	assert_int_equal(base32_encode((const unsigned char *)"foobar", 6, 1,
	    enc, 17), 0);
	assert_int_equal(base32_encode((const unsigned char *)"foobar", 6, 0,
	    enc, 10), -1);
	assert_int_equal(base32_decode("MZXW6YTBOI", out, 5, &n), -1);
	assert_int_equal(base32_decode("MZXW6YTBOI", out, 6, &n), 0);
	assert_int_equal(n, 6);
}

static void
round_trips_every_length(void **state)
{
	unsigned char in[64], out[64];
	char enc[128];
	size_t len, i, n;
	int pad;

	(void)state;
	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)(i * 37 + 11);
	for (pad = 0; pad <= 1; pad++) {
		for (len = 0; len <= sizeof(in); len++) {
			assert_int_equal(base32_encode(in, len, pad, enc,
			    sizeof(enc)), 0);
			assert_int_equal(base32_decode(enc, out, sizeof(out),
			    &n), 0);
			assert_int_equal(n, len);
			assert_memory_equal(out, in, len);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(encodes_rfc4648_vectors),
		cmocka_unit_test(decodes_rfc4648_vectors_padded_or_not),
		cmocka_unit_test(decoding_forgives_case_and_spaces),
		cmocka_unit_test(decoding_refuses_what_no_encoder_makes),
		cmocka_unit_test(output_buffers_are_never_overrun),
		cmocka_unit_test(round_trips_every_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
