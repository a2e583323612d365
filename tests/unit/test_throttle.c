/* The sign-in throttle's rules that need no Redis: the slow-down's growth
 * and the keys, which must name one account for every spelling of one
 * address and none for a look-alike. */
#include "test.h"

#include "auth/throttle.c"

static void
slow_down_starts_after_the_free_failures_and_doubles_to_its_cap(void **state)
{
	long long n;

	(void)state;
	for (n = 0; n <= THROTTLE_ACCOUNT_FREE; n++)
		assert_int_equal(slow_down_seconds(n), 0);
	assert_int_equal(slow_down_seconds(THROTTLE_ACCOUNT_FREE + 1), 2);
	assert_int_equal(slow_down_seconds(THROTTLE_ACCOUNT_FREE + 2), 4);
	assert_int_equal(slow_down_seconds(THROTTLE_ACCOUNT_FREE + 5), 32);
	assert_int_equal(slow_down_seconds(THROTTLE_ACCOUNT_FREE + 6), THROTTLE_DELAY_MAX);
	assert_int_equal(slow_down_seconds(1000000), THROTTLE_DELAY_MAX);
	for (n = THROTTLE_ACCOUNT_FREE + 1; n < 100; n++)
		assert_true(slow_down_seconds(n) >= slow_down_seconds(n - 1));
}

static void
one_account_for_every_case_of_one_address(void **state)
{
	struct thr_keys a, b;

	(void)state;
	assert_int_equal(keys_make("Supervisor@Police.Example", "127.0.0.2", &a), 0);
	assert_int_equal(keys_make("supervisor@police.example", "127.0.0.3", &b), 0);
	assert_string_equal(a.account, b.account);
	assert_string_equal(a.wait, b.wait);
	/* Per account and address: the same account, another key. */
	assert_string_not_equal(a.pair, b.pair);
	assert_string_equal(a.address, "concord:thr:ip:127.0.0.2");
	/* Redis holds no staff address, only its hash. */
	assert_null(strstr(a.account, "supervisor"));
}

static void
a_look_alike_names_no_account(void **state)
{
	struct thr_keys k;

	(void)state;
	assert_int_equal(keys_make("superv\xc4\xb0sor@police.example", "127.0.0.2", &k), -1);
	/* Without an account only the client's address is counted. */
	assert_int_equal(keys_make(NULL, "127.0.0.2", &k), 0);
	assert_string_equal(k.address, "concord:thr:ip:127.0.0.2");
	assert_string_equal(k.account, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slow_down_starts_after_the_free_failures_and_doubles_to_its_cap),
		cmocka_unit_test(one_account_for_every_case_of_one_address),
		cmocka_unit_test(a_look_alike_names_no_account),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
