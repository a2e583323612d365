/* core/csv.c: RFC 4180 fields, line endings, the byte order mark, and the
 * malformed files refused with the line they start on. */
#include "test.h"

#include "core/csv.h"

/* Reads the next row of c and checks it is the n fields given. */
static void
assert_row(struct csv *c, size_t n, const char *const *want)
{
	size_t i;

	assert_int_equal(csv_next(c), 1);
	assert_int_equal(c->nfields, n);
	for (i = 0; i < n; i++)
		assert_string_equal(c->field[i], want[i]);
}

#define ROW(c, ...) do {							\
	const char *const w_[] = { __VA_ARGS__ };				\
	assert_row((c), sizeof(w_) / sizeof(w_[0]), w_);			\
} while (0)

static void
start(struct csv *c, const char *s)
{
	csv_init(c, s, strlen(s));
}

static void
test_plain_rows_with_crlf_lf_and_cr(void **state)
{
	struct csv c;

	(void)state;
	start(&c, "a,b,c\r\n1,2,3\n4,,6\r7,8,9");
	ROW(&c, "a", "b", "c");
	assert_int_equal(c.row_line, 1);
	ROW(&c, "1", "2", "3");
	ROW(&c, "4", "", "6");
	ROW(&c, "7", "8", "9");
	assert_int_equal(c.row_line, 4);
	assert_int_equal(csv_next(&c), 0);
	csv_free(&c);
}

static void
test_quoted_fields_hold_commas_quotes_and_line_breaks(void **state)
{
	struct csv c;

	(void)state;
	start(&c, "\"On or near, Fleet Street\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext,\"\"\n");
	ROW(&c, "On or near, Fleet Street", "say \"hi\"", "two\r\nlines");
	ROW(&c, "next", "");
	/* The quoted line break counts: the next row starts on line 3. */
	assert_int_equal(c.row_line, 3);
	assert_int_equal(csv_next(&c), 0);
	csv_free(&c);
}

static void
test_bom_and_empty_lines_are_skipped(void **state)
{
	struct csv c;

	(void)state;
	start(&c, "\xef\xbb\xbfMonth,Crime type\r\n\r\n2017-01,Anti-social behaviour\r\n\r\n\r\n");
	ROW(&c, "Month", "Crime type");
	ROW(&c, "2017-01", "Anti-social behaviour");
	assert_int_equal(c.row_line, 3);
	assert_int_equal(csv_next(&c), 0);
	csv_free(&c);
}

static void
test_trailing_comma_is_an_empty_last_field(void **state)
{
	struct csv c;

	(void)state;
	start(&c, "a,b,\n");
	ROW(&c, "a", "b", "");
	csv_free(&c);
}

/* What is refused, and on which line the bad row starts. */
static void
assert_refused(const char *s, size_t good_rows, size_t line, const char *words)
{
	struct csv c;
	size_t i;

	start(&c, s);
	for (i = 0; i < good_rows; i++)
		assert_int_equal(csv_next(&c), 1);
	assert_int_equal(csv_next(&c), -1);
	assert_int_equal(c.nfields, 0);
	assert_int_equal(c.error_line, line);
	assert_non_null(strstr(c.error, words));
	/* Nothing after it can be read. */
	assert_int_equal(csv_next(&c), -1);
	csv_free(&c);
}

static void
test_unbalanced_quotes_are_refused(void **state)
{
	(void)state;
	assert_refused("a,b\n1,\"open\n2,3\n", 1, 2, "not closed");
	assert_refused("a,b\n\"x\"y,2\n", 1, 2, "after a closing quote");
	assert_refused("a,b\n1,half\"quoted\n", 1, 2, "does not start with one");
}

static void
test_text_that_is_not_utf8_is_refused(void **state)
{
	(void)state;
	/* Latin-1's é, as a spreadsheet saves it. */
	assert_refused("a,b\r\nCaf\xe9,2\r\n", 1, 2, "not UTF-8");
	/* An overlong '/', a surrogate, a lone continuation byte, a cut-off
	 * sequence at the end. */
	assert_refused("\xc0\xaf\n", 0, 1, "not UTF-8");
	assert_refused("x,\xed\xa0\x80\n", 0, 1, "not UTF-8");
	assert_refused("\x80\n", 0, 1, "not UTF-8");
	assert_refused("ok,\xe2\x82", 0, 1, "not UTF-8");
}

static void
test_a_nul_byte_is_refused(void **state)
{
	struct csv c;

	(void)state;
	csv_init(&c, "a,b\nx\0y,2\n", 11);
	assert_int_equal(csv_next(&c), 1);
	assert_int_equal(csv_next(&c), -1);
	assert_int_equal(c.error_line, 2);
	assert_non_null(strstr(c.error, "NUL"));
	csv_free(&c);
}

static void
test_utf8_is_kept(void **state)
{
	struct csv c;

	(void)state;
	start(&c, "Caf\xc3\xa9,\xe2\x82\xac,\xf0\x9f\x98\x80\n");
	ROW(&c, "Caf\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80");
	csv_free(&c);
}

static void
test_too_many_fields_is_refused(void **state)
{
	char s[CSV_FIELDS_MAX * 2 + 8];
	size_t i;

	(void)state;
	for (i = 0; i <= CSV_FIELDS_MAX; i++) {
		s[2 * i] = 'x';
		s[2 * i + 1] = ',';
	}
	s[2 * CSV_FIELDS_MAX + 1] = '\0';
	assert_refused(s, 0, 1, "more than 64 fields");
}

static void
test_an_empty_file_has_no_rows(void **state)
{
	struct csv c;

	(void)state;
	csv_init(&c, "", 0);
	assert_int_equal(csv_next(&c), 0);
	start(&c, "\xef\xbb\xbf\r\n");
	assert_int_equal(csv_next(&c), 0);
	csv_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_rows_with_crlf_lf_and_cr),
		cmocka_unit_test(test_quoted_fields_hold_commas_quotes_and_line_breaks),
		cmocka_unit_test(test_bom_and_empty_lines_are_skipped),
		cmocka_unit_test(test_trailing_comma_is_an_empty_last_field),
		cmocka_unit_test(test_unbalanced_quotes_are_refused),
		cmocka_unit_test(test_text_that_is_not_utf8_is_refused),
		cmocka_unit_test(test_a_nul_byte_is_refused),
		cmocka_unit_test(test_utf8_is_kept),
		cmocka_unit_test(test_too_many_fields_is_refused),
		cmocka_unit_test(test_an_empty_file_has_no_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
