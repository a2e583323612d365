/* The one normal form of a staff e-mail address (core/email.c): A-Z folded,
 * nothing else touched, and no normal form for anything outside ASCII. */
#include "test.h"

#include "core/email.h"

static void
folds_only_ascii_capitals(void **state)
{
	char out[EMAIL_MAX + 1];

	(void)state;
	assert_int_equal(email_normal("Supervisor@Police.EXAMPLE", out, sizeof(out)), 0);
	assert_string_equal(out, "supervisor@police.example");
	assert_int_equal(email_normal("a.b+c_d-9@x.example", out, sizeof(out)), 0);
	assert_string_equal(out, "a.b+c_d-9@x.example");
}

/* What C's tolower and PostgreSQL's lower() disagree on never gets a
 * normal form, so it can name no account and no throttle key. */
static void
refuses_look_alikes_outside_ascii(void **state)
{
	static const char *const look_alikes[] = {
		"superv\xc4\xb0sor@police.example",	/* dotted capital I, U+0130 */
		"sup\xd0\xb5rvisor@police.example",	/* Cyrillic e, U+0435 */
		"supervisor@police.example\xe2\x80\x8b",	/* zero-width space */
		"\xc3\xa9@x.example",			/* e acute */
	};
	char out[EMAIL_MAX + 1];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(look_alikes) / sizeof(look_alikes[0]); i++)
		assert_int_equal(email_normal(look_alikes[i], out, sizeof(out)), -1);
}

static void
refuses_empty_spaced_and_overlong(void **state)
{
	char out[EMAIL_MAX + 1], big[EMAIL_MAX + 2];

	(void)state;
	assert_int_equal(email_normal("", out, sizeof(out)), -1);
	assert_int_equal(email_normal("a b@x.example", out, sizeof(out)), -1);
	assert_int_equal(email_normal("a\t@x.example", out, sizeof(out)), -1);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(email_normal(big, out, sizeof(out)), -1);
	big[EMAIL_MAX] = '\0';
	assert_int_equal(email_normal(big, out, sizeof(out)), 0);
	/* A buffer too small is refused, never overrun. */
	assert_int_equal(email_normal("abc@x.example", out, 5), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folds_only_ascii_capitals),
		cmocka_unit_test(refuses_look_alikes_outside_ascii),
		cmocka_unit_test(refuses_empty_spaced_and_overlong),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
