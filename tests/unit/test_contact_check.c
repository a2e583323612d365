/* The one check of a reporter's e-mail address and phone number
 * (domain/contact_check.c), as both the public form and Open311 get it:
 * what each channel took alone before and the other refused. */
#include "test.h"

#include <string.h>

#include "domain/contact_check.h"

static void
email_takes_ordinary_addresses(void **state)
{
	(void)state;
	assert_null(contact_email_check("ada@example.com"));
	assert_null(contact_email_check("a.b+c_d-9@mail.x.example"));
	assert_null(contact_email_check("O'Brien@example.co.uk"));
}

/* Open311's old check took each of these (it asked only for an @). */
static void
email_refuses_what_is_not_an_address(void **state)
{
	static const char *const bad[] = {
		"", "not-an-email", "@example.com", "ada@", "ada@example",
		"ada@.example.com", "ada@example.com.", "ada@@example.com",
		"ada@b@example.com", "ada..b@example.com", "ada@example..com",
		"ada lovelace@example.com", "ada@example.com\r\n", "ada\t@example.com",
		"\"ada\"@example.com", "ada@example.com,bob@example.com",
		"<ada@example.com>", "ad\xc3\xa9@example.com",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_string_equal(contact_email_check(bad[i]), "Enter an email address "
		    "in the correct format, like name@example.com");
}

static void
email_length_edge(void **state)
{
	char s[CONTACT_EMAIL_MAX + 2];
	size_t n;

	(void)state;
	/* aaa...a@example.com, exactly the longest allowed, then one more. */
	n = CONTACT_EMAIL_MAX - strlen("@example.com");
	memset(s, 'a', n);
	strcpy(s + n, "@example.com");
	assert_int_equal(strlen(s), CONTACT_EMAIL_MAX);
	assert_null(contact_email_check(s));
	memset(s, 'a', n + 1);
	strcpy(s + n + 1, "@example.com");
	assert_non_null(contact_email_check(s));
}

static void
phone_takes_uk_and_international_numbers(void **state)
{
	static const char *const good[] = {
		"01632 960 001", "01632960001", "07700 900 982", "07700900123",
		"(020) 7946 0018", "020-7946-0018", "0800 123 456",
		"+44 7700 900 982", "+447700900982", "+1 (202) 555-0143",
		"+353 1 234 5678", "+123456789012345",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (contact_phone_check(good[i]) != NULL)
			fail_msg("refused %s", good[i]);
	}
}

/* Open311 checked no phone number's format at all before. */
static void
phone_refuses_what_is_not_a_number(void **state)
{
	static const char *const refused[] = {
		"", "call me", "123", "7700 900 982", "44 7700 900 982",
		"+44 770 090", "07700 900 982 ext 5", "07700.900.982",
		"07700 900 98+2", "++447700900982", "07700\t900982",
		"\xef\xbc\x90" "7700900982",	/* a fullwidth zero */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const char *why = contact_phone_check(refused[i]);

		if (why == NULL)
			fail_msg("took %s", refused[i]);
		assert_string_equal(why, "Enter a telephone number, like 01632 960 001 "
		    "or +44 7700 900 982");
	}
}

static void
phone_digit_count_and_length_edges(void **state)
{
	char s[CONTACT_PHONE_MAX + 2];

	(void)state;
	assert_non_null(contact_phone_check("012345678"));	/* 9 digits */
	assert_null(contact_phone_check("0123456789"));		/* 10 */
	assert_null(contact_phone_check("01234567890"));	/* 11 */
	assert_non_null(contact_phone_check("012345678901"));	/* 12 */
	assert_non_null(contact_phone_check("+123456789"));	/* 9 */
	assert_null(contact_phone_check("+1234567890"));	/* 10 */
	assert_null(contact_phone_check("+123456789012345"));	/* 15 */
	assert_non_null(contact_phone_check("+1234567890123456"));	/* 16 */
	/* A good number padded with spaces to the longest allowed, then one
	 * byte more. */
	memset(s, ' ', sizeof(s));
	memcpy(s, "07700900982", 11);
	s[CONTACT_PHONE_MAX] = '\0';
	assert_null(contact_phone_check(s));
	s[CONTACT_PHONE_MAX] = ' ';
	s[CONTACT_PHONE_MAX + 1] = '\0';
	assert_non_null(contact_phone_check(s));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(email_takes_ordinary_addresses),
		cmocka_unit_test(email_refuses_what_is_not_an_address),
		cmocka_unit_test(email_length_edge),
		cmocka_unit_test(phone_takes_uk_and_international_numbers),
		cmocka_unit_test(phone_refuses_what_is_not_a_number),
		cmocka_unit_test(phone_digit_count_and_length_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
