/* RFC 6238 TOTP: the published vectors, the drift window, replays, what a
 * person types, new secrets and the otpauth:// URI. */
#include "test.h"

#include "auth/base32.h"
#include "auth/totp.h"
#include "core/buf.h"

/* The RFC 6238 Appendix B seeds: ASCII digits, one per hash size. */
static const char seed20[] = "12345678901234567890";
static const char seed32[] = "12345678901234567890123456789012";
static const char seed64[] =
    "1234567890123456789012345678901234567890123456789012345678901234";
/* seed20 in base32, as an authenticator app would be given it. */
static const char secret20[] = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

struct vector {
	long long	 time;
	const char	*code[3];	/* by enum totp_alg */
};

/* RFC 6238 Appendix B, 8 digits, 30-second steps from T0 = 0. */
static const struct vector rfc6238[] = {
	{ 59LL, { "94287082", "46119246", "90693936" } },
	{ 1111111109LL, { "07081804", "68084774", "25091201" } },
	{ 1111111111LL, { "14050471", "67062674", "99943326" } },
	{ 1234567890LL, { "89005924", "91819424", "93441116" } },
	{ 2000000000LL, { "69279037", "90698825", "38618901" } },
	{ 20000000000LL, { "65353130", "77737706", "47863826" } },
};

#define NVEC	(sizeof(rfc6238) / sizeof(rfc6238[0]))

/* Checks the 8-digit code for alg and seed at every time in rfc6238. */
static void
check_vectors(enum totp_alg alg, const char *seed)
{
	char out[9];
	size_t i;

	for (i = 0; i < NVEC; i++) {
		assert_int_equal(totp_code(alg, (const unsigned char *)seed,
		    strlen(seed), rfc6238[i].time / TOTP_PERIOD, 8, out), 0);
		assert_string_equal(out, rfc6238[i].code[alg]);
	}
}

static void
rfc6238_sha1_vectors(void **state)
{
	(void)state;
	check_vectors(TOTP_SHA1, seed20);
}

static void
rfc6238_sha256_vectors(void **state)
{
	(void)state;
	check_vectors(TOTP_SHA256, seed32);
}

static void
rfc6238_sha512_vectors(void **state)
{
	(void)state;
	check_vectors(TOTP_SHA512, seed64);
}

static void
six_digits_are_the_last_six_of_eight(void **state)
{
	char out[7];
	size_t i;

	(void)state;
	for (i = 0; i < NVEC; i++) {
		assert_int_equal(totp_code(TOTP_SHA1,
		    (const unsigned char *)seed20, 20,
		    rfc6238[i].time / TOTP_PERIOD, 6, out), 0);
		assert_string_equal(out, rfc6238[i].code[TOTP_SHA1] + 2);
	}
}

static void
code_refuses_bad_arguments(void **state)
{
	const unsigned char *k = (const unsigned char *)seed20;
	char out[16];

	(void)state;
	assert_int_equal(totp_code(TOTP_SHA1, k, 20, 1, 5, out), -1);
	assert_int_equal(totp_code(TOTP_SHA1, k, 20, 1, 9, out), -1);
	assert_int_equal(totp_code(TOTP_SHA1, k, 20, -1, 6, out), -1);
	assert_int_equal(totp_code(TOTP_SHA1, k, 0, 1, 6, out), -1);
	assert_int_equal(totp_code(TOTP_SHA1, NULL, 20, 1, 6, out), -1);
	assert_int_equal(totp_code((enum totp_alg)7, k, 20, 1, 6, out), -1);
	assert_int_equal(totp_code(TOTP_SHA1, k, 20, 1, 6, NULL), -1);
}

/* The 6-digit SHA1 code of seed20 at step, into out (7 bytes). */
static void
code_at(long long step, char *out)
{
	assert_int_equal(totp_code(TOTP_SHA1, (const unsigned char *)seed20,
	    20, step, 6, out), 0);
}

static void
check_accepts_the_current_step_and_one_either_side(void **state)
{
	const long long now = 1111111111LL, step = now / TOTP_PERIOD;
	long long d, matched;
	char code[7];

	(void)state;
	for (d = -1; d <= 1; d++) {
		code_at(step + d, code);
		matched = -5;
		assert_int_equal(totp_check(secret20, code, now, -1, &matched), 1);
		assert_true(matched == step + d);
	}
	/* The first step after the epoch has no step before it. */
	assert_int_equal(totp_check(secret20, "287082", 59, -1, &matched), 1);
	assert_true(matched == 1);
	assert_int_equal(totp_check(secret20, "287082", 0, -1, &matched), 1);
	assert_true(matched == 1);
	/* The step's last second still counts as the step. */
	code_at(step + 1, code);
	assert_int_equal(totp_check(secret20, code,
	    (step + 2) * TOTP_PERIOD + TOTP_PERIOD - 1, -1, &matched), 1);
}

static void
check_refuses_codes_outside_the_window(void **state)
{
	const long long now = 1111111111LL, step = now / TOTP_PERIOD;
	long long matched = -5;
	char code[7];

	(void)state;
	code_at(step - 2, code);
	assert_int_equal(totp_check(secret20, code, now, -1, &matched), 0);
	code_at(step + 2, code);
	assert_int_equal(totp_check(secret20, code, now, -1, &matched), 0);
	code_at(step - 100, code);
	assert_int_equal(totp_check(secret20, code, now, -1, &matched), 0);
	assert_true(matched == -5);
	/* A code for another secret. */
	code_at(step, code);
	assert_int_equal(totp_check("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR", code,
	    now, -1, &matched), 0);
}

static void
check_refuses_a_code_already_used(void **state)
{
	const long long now = 1111111111LL, step = now / TOTP_PERIOD;
	long long matched = -5;
	char prev[7], cur[7], next[7];

	(void)state;
	code_at(step - 1, prev);
	code_at(step, cur);
	code_at(step + 1, next);
	assert_int_equal(totp_check(secret20, cur, now, step - 1, &matched), 1);
	assert_true(matched == step);
	/* The same code again, and an older one, after step was used. */
	matched = -5;
	assert_int_equal(totp_check(secret20, cur, now, step, &matched), 0);
	assert_int_equal(totp_check(secret20, prev, now, step, &matched), 0);
	assert_int_equal(totp_check(secret20, cur, now + 20, step, &matched), 0);
	assert_true(matched == -5);
	/* The next one is still good. */
	assert_int_equal(totp_check(secret20, next, now, step, &matched), 1);
	assert_true(matched == step + 1);
	assert_int_equal(totp_check(secret20, cur, now, step + 1, &matched), 0);
}

static void
check_strips_spaces_from_the_code(void **state)
{
	long long matched;

	(void)state;
	assert_int_equal(totp_check(secret20, "287 082", 59, -1, &matched), 1);
	assert_int_equal(totp_check(secret20, " 287082 ", 59, -1, &matched), 1);
	assert_int_equal(totp_check(secret20, "2 8 7 0 8 2", 59, -1, &matched), 1);
	/* The secret may be typed in lower case and groups as well. */
	assert_int_equal(totp_check("gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
	    "287082", 59, -1, &matched), 1);
	assert_true(matched == 1);
}

static void
check_refuses_anything_but_six_digits(void **state)
{
	static const char *bad[] = {
		"", "      ", "28708", "2870820", "28708a", "287-082", "+287082",
		"287082\n", "28708\xc2\xb2", "\xef\xbc\x92\xef\xbc\x98\xef\xbc\x97"
		    "\xef\xbc\x90\xef\xbc\x98\xef\xbc\x92", "0x4616",
		"94287082",
	};
	long long matched = -5;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(totp_check(secret20, bad[i], 59, -1, &matched), 0);
	assert_int_equal(totp_check(secret20, NULL, 59, -1, &matched), 0);
	assert_true(matched == -5);
	/* A secret that is not base32, or a time before the epoch. */
	assert_int_equal(totp_check("not base32!", "287082", 59, -1, &matched), -1);
	assert_int_equal(totp_check("", "287082", 59, -1, &matched), -1);
	assert_int_equal(totp_check(NULL, "287082", 59, -1, &matched), -1);
	assert_int_equal(totp_check(secret20, "287082", -1, -1, &matched), -1);
	/* matched_step may be left out. */
	assert_int_equal(totp_check(secret20, "287082", 59, -1, NULL), 1);
}

static void
new_secrets_are_32_base32_characters_of_20_bytes(void **state)
{
	char a[TOTP_SECRET_LEN + 1], b[TOTP_SECRET_LEN + 1];
	unsigned char key[32];
	size_t i, n;

	(void)state;
	assert_int_equal(totp_secret_new(a, sizeof(a)), 0);
	assert_int_equal(totp_secret_new(b, sizeof(b)), 0);
	assert_int_equal(strlen(a), 32);
	for (i = 0; i < 32; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", a[i]));
	assert_int_equal(base32_decode(a, key, sizeof(key), &n), 0);
	assert_int_equal(n, TOTP_SECRET_BYTES);
	assert_string_not_equal(a, b);
	assert_int_equal(totp_secret_new(a, TOTP_SECRET_LEN), -1);
}

static void
otpauth_uri_is_percent_encoded(void **state)
{
	struct buf b = {0};

	(void)state;
	assert_int_equal(totp_uri("Greater Manchester Police",
	    "jo.bloggs@example.gov.uk", secret20, &b), 0);
	assert_string_equal(buf_cstr(&b), "otpauth://totp/"
	    "Greater%20Manchester%20Police:jo.bloggs%40example.gov.uk"
	    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&issuer=Greater%20Manchester%20Police"
	    "&algorithm=SHA1&digits=6&period=30");
	buf_reset(&b);
	/* Query syntax and non-ASCII are escaped; the secret normalised. */
	assert_int_equal(totp_uri("Brent & Harrow?", "Zo\xc3\xab #2+1",
	    "gezd gnbv gy3t qojq gezd gnbv gy3t qojq", &b), 0);
	assert_string_equal(buf_cstr(&b), "otpauth://totp/"
	    "Brent%20%26%20Harrow%3F:Zo%C3%AB%20%232%2B1"
	    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&issuer=Brent%20%26%20Harrow%3F"
	    "&algorithm=SHA1&digits=6&period=30");
	buf_reset(&b);
	/* Padding is dropped, as the format asks. */
	assert_int_equal(totp_uri("Concord", "ab", "MZXW6YTBOI======", &b), 0);
	assert_string_equal(buf_cstr(&b), "otpauth://totp/Concord:ab"
	    "?secret=MZXW6YTBOI&issuer=Concord"
	    "&algorithm=SHA1&digits=6&period=30");
	buf_reset(&b);
	/* The format has no way to carry a colon in either part. */
	assert_int_equal(totp_uri("Concord", "a:b", secret20, &b), -1);
	assert_int_equal(totp_uri("Con:cord", "ab", secret20, &b), -1);
	assert_int_equal(totp_uri("", "ab", secret20, &b), -1);
	assert_int_equal(totp_uri("Concord", "", secret20, &b), -1);
	assert_int_equal(totp_uri("Concord", "ab", "not base32!", &b), -1);
	assert_int_equal(totp_uri("Concord", "ab", "", &b), -1);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc6238_sha1_vectors),
		cmocka_unit_test(rfc6238_sha256_vectors),
		cmocka_unit_test(rfc6238_sha512_vectors),
		cmocka_unit_test(six_digits_are_the_last_six_of_eight),
		cmocka_unit_test(code_refuses_bad_arguments),
		cmocka_unit_test(check_accepts_the_current_step_and_one_either_side),
		cmocka_unit_test(check_refuses_codes_outside_the_window),
		cmocka_unit_test(check_refuses_a_code_already_used),
		cmocka_unit_test(check_strips_spaces_from_the_code),
		cmocka_unit_test(check_refuses_anything_but_six_digits),
		cmocka_unit_test(new_secrets_are_32_base32_characters_of_20_bytes),
		cmocka_unit_test(otpauth_uri_is_percent_encoded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
