/* scrypt password hashes: round trips, older costs, and stored strings that
 * are malformed or tampered with. */
#include "test.h"

#include <stdio.h>

#include "auth/password.h"

/* RFC 7914 section 12, the third vector (N = 16384, r = 8, p = 1, 64 bytes)
 * in our format: scrypt from elsewhere, at a cost below today's. */
static const char rfc7914[] = "$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
    "cCO9yzr9c0hGHAbNgf046/2o+7qQT44+qbVD9lRdofLVQylVYT8Pz2LUlwUkKpr55h6F3A1"
    "lHkDfzwF7RVdYhw";

/* Made by Python's hashlib.scrypt: ln=14, a 16-byte salt, a 32-byte hash. */
static const char older[] = "$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw";

static void
hash_then_verify_round_trips(void **state)
{
	/* "Café crème brûlée": passwords are bytes, UTF-8 included. */
	static const char pw[] = "Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e";
	char h[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash(pw, h, sizeof(h)), 0);
	assert_true(strncmp(h, "$scrypt$ln=15,r=8,p=1$", 22) == 0);
	/* 22 characters of salt, 43 of hash, unpadded. */
	assert_int_equal(strlen(h), 22 + 22 + 1 + 43);
	assert_int_equal(password_verify(pw, h), 1);
	assert_int_equal(password_verify("Cafe creme brulee", h), 0);
	assert_int_equal(password_needs_rehash(h), 0);
}

static void
same_password_hashes_differently_each_time(void **state)
{
	char a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("Manchester Piccadilly", a, sizeof(a)), 0);
	assert_int_equal(password_hash("Manchester Piccadilly", b, sizeof(b)), 0);
	assert_string_not_equal(a, b);
	/* Only the salt and hash differ. */
	assert_memory_equal(a, b, 22);
}

static void
empty_password_hashes(void **state)
{
	char h[PASSWORD_HASH_MAX];

	(void)state;
	/* Forms refuse it; the KDF must still not choke on zero bytes. */
	assert_int_equal(password_hash("", h, sizeof(h)), 0);
	assert_int_equal(password_verify("", h), 1);
}

static void
short_output_buffer_is_refused(void **state)
{
	char h[PASSWORD_HASH_MAX];

	(void)state;
	/* 88 characters and the NUL are needed; checked before any work. */
	assert_int_equal(password_hash("whatever it is", h, 88), -1);
	assert_string_equal(h, "");
	assert_int_equal(password_hash("whatever it is", h, 1), -1);
	assert_int_equal(password_hash("whatever it is", h, 0), -1);
	assert_int_equal(password_hash(NULL, h, sizeof(h)), -1);
}

static void
older_cost_still_verifies_and_wants_rehash(void **state)
{
	(void)state;
	assert_int_equal(password_verify("pleaseletmein", rfc7914), 1);
	assert_int_equal(password_needs_rehash(rfc7914), 1);
	assert_int_equal(password_verify("Stockport Road 1987", older), 1);
	assert_int_equal(password_verify("Stockport Road 1988", older), 0);
	assert_int_equal(password_needs_rehash(older), 1);
}

static void
higher_cost_is_computed_and_not_rehashed(void **state)
{
	/* One step above today's cost: 64 MiB, within the memory limit. */
	static const char s[] = "$scrypt$ln=16,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
	    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw";

	(void)state;
	assert_int_equal(password_needs_rehash(s), 0);
	assert_int_equal(password_verify("Stockport Road 1987", s), 0);
}

static void
tampered_hash_salt_or_cost_does_not_match(void **state)
{
	char t[sizeof(older)];
	char *hash;

	(void)state;
	/* Relabelled to today's cost. */
	memcpy(t, older, sizeof(t));
	t[12] = '5';
	assert_int_equal(password_verify("Stockport Road 1987", t), 0);
	/* One character of the hash changed. */
	memcpy(t, older, sizeof(t));
	hash = strrchr(t, '$') + 1;
	*hash = *hash == 'A' ? 'B' : 'A';
	assert_int_equal(password_verify("Stockport Road 1987", t), 0);
	/* The salt's first character changed: still well-formed, no match. */
	memcpy(t, older, sizeof(t));
	t[22] = t[22] == 'A' ? 'B' : 'A';
	assert_int_equal(password_verify("Stockport Road 1987", t), 0);
}

static void
every_truncation_is_refused(void **state)
{
	char t[PASSWORD_HASH_MAX];
	size_t len, cut;

	(void)state;
	/* Up to 21 characters of hash decode to fewer than 16 bytes: refused
	 * before any scrypt work. */
	cut = (size_t)(strrchr(older, '$') - older) + 1 + 21;
	for (len = 0; len <= cut; len++) {
		memcpy(t, older, len);
		t[len] = '\0';
		assert_int_equal(password_verify("Stockport Road 1987", t), -1);
		assert_int_equal(password_needs_rehash(t), -1);
	}
}

static void
malformed_strings_are_refused(void **state)
{
	static const char *bad[] = {
		"",
		"$",
		"$scrypt$",
		"scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$2y$10$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui",
		"$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$"
		    "RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
		/* Parameters out of order, missing, or oddly written. */
		"$scrypt$r=8,ln=14,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=14,r=8$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=014,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=+14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln= 14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		/* Not base64, padded, or with bits no encoder sets. */
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRob*B0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw==$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw=",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrx",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/ BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP-zMYBlX1GnKr4VNG0_BUhaNO+ADmCrsuXLjrw",
		/* A short salt, a missing or extra field. */
		"$scrypt$ln=14,r=8,p=1$EBESExQV$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=14,r=8,p=1$$kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw$",
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw$extra",
		/* A hash longer than any we accept (66 bytes). */
		"$scrypt$ln=14,r=8,p=1$EBESExQVFhcYGRobHB0eHw$"
		    "cCO9yzr9c0hGHAbNgf046/2o+7qQT44+qbVD9lRdofLVQylVYT8Pz2LUlwUkKpr55h6F3A1"
		    "lHkDfzwF7RVdYhwAA",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(password_verify("Stockport Road 1987", bad[i]), -1);
		assert_int_equal(password_needs_rehash(bad[i]), -1);
	}
	assert_int_equal(password_verify("Stockport Road 1987", NULL), -1);
	assert_int_equal(password_verify(NULL, older), -1);
	assert_int_equal(password_needs_rehash(NULL), -1);
}

static void
absurd_costs_are_refused_before_any_work(void **state)
{
	static const char *params[] = {
		"ln=21,r=8,p=1",	/* 2^21 · 1 KiB: 2 GiB */
		"ln=20,r=1,p=1",	/* 128 MiB */
		"ln=17,r=8,p=1",	/* 128 MiB */
		"ln=16,r=16,p=1",	/* 128 MiB */
		"ln=99,r=8,p=1",
		"ln=0,r=8,p=1",
		"ln=14,r=0,p=1",
		"ln=14,r=8,p=0",
		"ln=14,r=33,p=1",
		"ln=14,r=8,p=17",
		"ln=14,r=8,p=16",	/* r·p = 128 */
		"ln=16,r=8,p=8",	/* 16 times today's work */
		"ln=10,r=1073741824,p=1",
		"ln=4294967311,r=8,p=1",
		"ln=18446744073709551631,r=8,p=1",
		"ln=-1,r=8,p=1",
	};
	char s[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		snprintf(s, sizeof(s), "$scrypt$%s$EBESExQVFhcYGRobHB0eHw$"
		    "kzlZOP+zMYBlX1GnKr4VNG0/BUhaNO+ADmCrsuXLjrw", params[i]);
		assert_int_equal(password_verify("Stockport Road 1987", s), -1);
		assert_int_equal(password_needs_rehash(s), -1);
	}
}

static void
acceptable_passwords_follow_the_rules(void **state)
{
	char why[128];
	char s[300];

	(void)state;
	assert_int_equal(password_acceptable("short one", why, sizeof(why)), 0);
	assert_non_null(strstr(why, "12"));
	assert_int_equal(password_acceptable("", why, sizeof(why)), 0);
	assert_int_equal(password_acceptable(NULL, why, sizeof(why)), 0);
	assert_int_equal(password_acceptable("elevenchars", why, sizeof(why)), 0);
	assert_int_equal(password_acceptable("twelve chars", why, sizeof(why)), 1);
	assert_string_equal(why, "");
	assert_int_equal(password_acceptable("aaaaaaaaaaaaaaaa", why,
	    sizeof(why)), 0);
	assert_non_null(strstr(why, "different"));
	assert_int_equal(password_acceptable("aaaaaaaaaaaaaaab", why,
	    sizeof(why)), 1);
	assert_int_equal(password_acceptable("baaaaaaaaaaaaaaa", why,
	    sizeof(why)), 1);
	/* Characters, not bytes: 12 é is 24 bytes but one repeated letter;
	 * 6 of them fall short even as 12 bytes. */
	assert_int_equal(password_acceptable("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    why, sizeof(why)), 0);
	assert_non_null(strstr(why, "different"));
	assert_int_equal(password_acceptable("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9", why, sizeof(why)), 0);
	assert_non_null(strstr(why, "12"));
	assert_int_equal(password_acceptable("\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8"
	    "\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8",
	    why, sizeof(why)), 1);
	/* 256 characters are allowed, 257 are not. */
	memset(s, 'x', 256);
	s[0] = 'y';
	s[256] = '\0';
	assert_int_equal(password_acceptable(s, why, sizeof(why)), 1);
	s[256] = 'x';
	s[257] = '\0';
	assert_int_equal(password_acceptable(s, why, sizeof(why)), 0);
	assert_non_null(strstr(why, "256"));
	/* No room for a reason is fine. */
	assert_int_equal(password_acceptable("short", NULL, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_then_verify_round_trips),
		cmocka_unit_test(same_password_hashes_differently_each_time),
		cmocka_unit_test(empty_password_hashes),
		cmocka_unit_test(short_output_buffer_is_refused),
		cmocka_unit_test(older_cost_still_verifies_and_wants_rehash),
		cmocka_unit_test(higher_cost_is_computed_and_not_rehashed),
		cmocka_unit_test(tampered_hash_salt_or_cost_does_not_match),
		cmocka_unit_test(every_truncation_is_refused),
		cmocka_unit_test(malformed_strings_are_refused),
		cmocka_unit_test(absurd_costs_are_refused_before_any_work),
		cmocka_unit_test(acceptable_passwords_follow_the_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
