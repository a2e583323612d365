/* Where a sign-in may end: a path on this site, never another site (an
 * open redirect) and never a header split. */
#include <stdio.h>

#include "test.h"

#include "auth/signin.h"

static void
local_paths_are_followed(void **state)
{
	(void)state;
	assert_true(signin_next_valid("/staff"));
	assert_true(signin_next_valid("/staff/incidents/ASB-2026-000123"));
	assert_true(signin_next_valid("/staff/incidents?q=ab&page=2"));
	assert_true(signin_next_valid("/staff/x%2F%2Fy"));
	assert_true(signin_next_valid("/"));
}

static void
other_sites_are_refused(void **state)
{
	(void)state;
	assert_false(signin_next_valid(NULL));
	assert_false(signin_next_valid(""));
	assert_false(signin_next_valid("//evil.example"));
	assert_false(signin_next_valid("//evil.example/staff"));
	assert_false(signin_next_valid("/\\evil.example"));
	assert_false(signin_next_valid("/staff\\..\\\\evil.example"));
	assert_false(signin_next_valid("https://evil.example/staff"));
	assert_false(signin_next_valid("javascript:alert(1)"));
	assert_false(signin_next_valid("%2F%2Fevil.example"));
	assert_false(signin_next_valid("staff/incidents"));
	assert_false(signin_next_valid("\\\\evil.example"));
}

static void
control_characters_spaces_and_non_ascii_are_refused(void **state)
{
	(void)state;
	assert_false(signin_next_valid("/staff\r\nLocation: https://evil.example"));
	assert_false(signin_next_valid("/staff\n"));
	assert_false(signin_next_valid("/\t/evil.example"));
	assert_false(signin_next_valid("/staff incidents"));
	assert_false(signin_next_valid("/staff\x7f"));
	assert_false(signin_next_valid("/caf\xc3\xa9"));
}

static void
the_length_is_bounded(void **state)
{
	char path[600];

	(void)state;
	memset(path, 'a', sizeof(path));
	path[0] = '/';
	path[512] = '\0';
	assert_true(signin_next_valid(path));
	path[512] = 'a';
	path[513] = '\0';
	assert_false(signin_next_valid(path));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(local_paths_are_followed),
		cmocka_unit_test(other_sites_are_refused),
		cmocka_unit_test(control_characters_spaces_and_non_ascii_are_refused),
		cmocka_unit_test(the_length_is_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
