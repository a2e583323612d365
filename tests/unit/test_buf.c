/* Growable buffers. */
#include "test.h"

#include "core/buf.h"

static void
appends_and_formats(void **state)
{
	struct buf b = {0};

	(void)state;
	assert_string_equal(buf_cstr(&b), "");
	buf_puts(&b, "abc");
	buf_printf(&b, "-%zu-%s", (size_t)12, "z");
	buf_putc(&b, '!');
	assert_string_equal(buf_cstr(&b), "abc-12-z!");
	assert_int_equal(b.len, 9);
	buf_reset(&b);
	assert_string_equal(buf_cstr(&b), "");
	buf_free(&b);
}

static void
grows_past_many_doublings(void **state)
{
	struct buf b = {0};
	char chunk[1000];
	int i;

	(void)state;
	memset(chunk, 'q', sizeof(chunk));
	for (i = 0; i < 1000; i++)
		assert_int_equal(buf_append(&b, chunk, sizeof(chunk)), 0);
	assert_int_equal(b.len, 1000000);
	assert_int_equal(b.data[999999], 'q');
	assert_int_equal(b.data[1000000], '\0');
	buf_free(&b);
}

static void
binary_data_with_nul_is_kept(void **state)
{
	struct buf b = {0};

	(void)state;
	buf_append(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 3);
	buf_free(&b);
}

static void
impossible_size_sets_oom(void **state)
{
	struct buf b = {0};

	(void)state;
	buf_puts(&b, "x");
	assert_int_equal(buf_append(&b, "y", SIZE_MAX), -1);
	assert_true(b.oom);
	assert_int_equal(buf_puts(&b, "more"), -1);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_and_formats),
		cmocka_unit_test(grows_past_many_doublings),
		cmocka_unit_test(binary_data_with_nul_is_kept),
		cmocka_unit_test(impossible_size_sets_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
