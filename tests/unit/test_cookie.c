/* The Cookie header parser. */
#include "test.h"

#include "core/arena.h"
#include "http/cookie.h"
#include "http/kv.h"

static void
parses_pairs_and_trims(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l = {0};

	(void)state;
	assert_int_equal(cookie_parse(a, " sid=abc ;  flash=Saved%20it;q=\"quoted\"",
	    10, &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(kv_get(&l, "sid"), "abc");
	assert_string_equal(kv_get(&l, "flash"), "Saved%20it");
	assert_string_equal(kv_get(&l, "q"), "quoted");
	arena_free(a);
}

static void
malformed_pairs_are_ignored(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l = {0};

	(void)state;
	assert_int_equal(cookie_parse(a, ";;noequals; =novalue;ok=1;;", 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "ok"), "1");
	assert_int_equal(cookie_parse(a, "", 10, &l), 0);
	assert_int_equal(cookie_parse(a, NULL, 10, &l), 0);
	assert_int_equal(l.n, 1);
	arena_free(a);
}

static void
values_may_contain_equals(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l = {0};

	(void)state;
	assert_int_equal(cookie_parse(a, "t=a=b==", 10, &l), 0);
	assert_string_equal(kv_get(&l, "t"), "a=b==");
	arena_free(a);
}

static void
too_many_cookies_fail(void **state)
{
	struct arena *a = arena_new(0);
	struct kvlist l = {0};

	(void)state;
	assert_int_equal(cookie_parse(a, "a=1;b=2;c=3", 3, &l), 0);
	l.n = 0;
	assert_int_equal(cookie_parse(a, "a=1;b=2;c=3;d=4", 3, &l), -1);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_pairs_and_trims),
		cmocka_unit_test(malformed_pairs_are_ignored),
		cmocka_unit_test(values_may_contain_equals),
		cmocka_unit_test(too_many_cookies_fail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
