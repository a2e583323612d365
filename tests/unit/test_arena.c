/* The per-request arena. */
#include "test.h"

#include "core/arena.h"

static void
allocations_are_aligned_and_distinct(void **state)
{
	struct arena *a = arena_new(64);
	char *p, *q;

	(void)state;
	assert_non_null(a);
	p = arena_alloc(a, 3);
	q = arena_alloc(a, 5);
	assert_non_null(p);
	assert_non_null(q);
	assert_true(p != q);
	assert_int_equal((uintptr_t)q % _Alignof(max_align_t), 0);
	memset(p, 'x', 3);
	memset(q, 'y', 5);
	assert_int_equal(p[2], 'x');
	arena_free(a);
}

static void
large_allocation_gets_its_own_block(void **state)
{
	struct arena *a = arena_new(4 * sizeof(max_align_t));
	char *small, *big, *after;

	(void)state;
	small = arena_alloc(a, sizeof(max_align_t));
	big = arena_alloc(a, 100000);
	after = arena_alloc(a, sizeof(max_align_t));
	assert_non_null(big);
	memset(big, 0, 100000);
	/* The current block's space is still used after the large one. */
	assert_ptr_equal(after, small + sizeof(max_align_t));
	arena_free(a);
}

static void
huge_sizes_fail_cleanly(void **state)
{
	struct arena *a = arena_new(0);

	(void)state;
	assert_null(arena_alloc(a, SIZE_MAX));
	assert_null(arena_alloc(a, SIZE_MAX - 8));
	assert_null(arena_calloc(a, SIZE_MAX / 2, 4));
	arena_free(a);
}

static void
reset_releases_everything(void **state)
{
	struct arena *a = arena_new(128);
	int i;

	(void)state;
	for (i = 0; i < 100; i++)
		assert_non_null(arena_alloc(a, 100));
	assert_true(arena_used(a) >= 10000);
	arena_reset(a);
	assert_int_equal(arena_used(a), 0);
	assert_non_null(arena_alloc(a, 10));
	arena_free(a);
}

static void
strings_are_copied(void **state)
{
	struct arena *a = arena_new(0);
	char src[] = "hello";
	char *d = arena_strdup(a, src), *f = arena_printf(a, "%s-%d", "x", 42);

	(void)state;
	src[0] = 'j';
	assert_string_equal(d, "hello");
	assert_string_equal(f, "x-42");
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(allocations_are_aligned_and_distinct),
		cmocka_unit_test(large_allocation_gets_its_own_block),
		cmocka_unit_test(huge_sizes_fail_cleanly),
		cmocka_unit_test(reset_releases_everything),
		cmocka_unit_test(strings_are_copied),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
