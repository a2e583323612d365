/* core/date.c's words: dates and times of day as GOV.UK writes them, and
 * the date input's messages (design-system.service.gov.uk/components/
 * date-input), each with the parts it highlights. */
#include "test.h"

#include <time.h>

#include "core/arena.h"
#include "core/date.h"

static struct arena *a;
static time_t now;	/* 2026-03-27 12:00 UTC */

static int
setup(void **state)
{
	struct tm t = { .tm_year = 126, .tm_mon = 2, .tm_mday = 27, .tm_hour = 12 };

	(void)state;
	now = timegm(&t);
	return (a = arena_new(4096)) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

/* What date_input_check says of day, month and year typed for "Date it
 * happened": "ok 2026-03-07", or the message and the parts as "dmy"
 * letters after a "|". */
static const char *
said(const char *day, const char *month, const char *year)
{
	struct date_refusal why;
	struct date d;
	int rc;

	rc = date_input_check(a, day, month, year, "Date it happened",
	    "Enter the date it happened", now, &d, &why);
	if (rc == 0)
		return arena_printf(a, "ok %04d-%02d-%02d", d.year, d.month, d.day);
	assert_int_equal(rc, 1);
	return arena_printf(a, "%s|%s%s%s", why.message, why.parts & DATE_DAY ? "d" : "",
	    why.parts & DATE_MONTH ? "m" : "", why.parts & DATE_YEAR ? "y" : "");
}

static const char *
said_iso(const char *s)
{
	struct date_refusal why;
	struct date d;
	int rc;

	rc = date_iso_check(a, s, "The date", now, &d, &why);
	if (rc == 0)
		return arena_printf(a, "ok %04d-%02d-%02d", d.year, d.month, d.day);
	assert_int_equal(rc, 1);
	return why.message;
}

static void
dates_in_words_have_no_leading_zero(void **state)
{
	char out[DATE_WORDS_MAX];
	struct date d = { 2026, 12, 1 };

	(void)state;
	assert_string_equal(date_words(out, &d), "1 December 2026");
	d = (struct date){ 2024, 2, 29 };
	assert_string_equal(date_words(out, &d), "29 February 2024");
	d = (struct date){ 9999, 9, 30 };
	assert_string_equal(date_words(out, &d), "30 September 9999");
	d = (struct date){ 2026, 1, 9 };
	assert_string_equal(date_words(out, &d), "9 January 2026");
	d = (struct date){ 2026, 13, 1 };
	assert_null(date_words(out, &d));
	d = (struct date){ 2025, 2, 29 };
	assert_null(date_words(out, &d));
}

static void
times_in_words_are_on_the_12_hour_clock(void **state)
{
	char out[CLOCK_WORDS_MAX];

	(void)state;
	assert_string_equal(clock_words(out, 23 * 60 + 55), "11:55pm");
	assert_string_equal(clock_words(out, 12 * 60), "12pm");
	assert_string_equal(clock_words(out, 0), "12am");
	assert_string_equal(clock_words(out, 9 * 60 + 5), "9:05am");
	assert_string_equal(clock_words(out, 21 * 60), "9pm");
	assert_string_equal(clock_words(out, 12 * 60 + 30), "12:30pm");
	assert_string_equal(clock_words(out, 30), "12:30am");
	assert_string_equal(clock_words(out, 11 * 60 + 59), "11:59am");
	assert_null(clock_words(out, -1));
	assert_null(clock_words(out, 24 * 60));
}

static void
a_missing_part_is_named_and_highlighted(void **state)
{
	(void)state;
	assert_string_equal(said("", "", ""), "Enter the date it happened|dmy");
	assert_string_equal(said("", "3", "2026"), "Date it happened must include a day|d");
	assert_string_equal(said("7", "", "2026"),
	    "Date it happened must include a month|m");
	assert_string_equal(said("7", "3", ""), "Date it happened must include a year|y");
	assert_string_equal(said("", "", "2026"),
	    "Date it happened must include a day and month|dm");
	assert_string_equal(said("7", "", ""),
	    "Date it happened must include a month and year|my");
	assert_string_equal(said("", "3", ""),
	    "Date it happened must include a day and year|dy");
}

static void
a_year_must_have_4_numbers(void **state)
{
	(void)state;
	assert_string_equal(said("7", "3", "26"), "Year must include 4 numbers|y");
	assert_string_equal(said("7", "3", "02026"), "Year must include 4 numbers|y");
	assert_string_equal(said("7", "3", "2o26"), "Year must include 4 numbers|y");
	/* Before the real-date check: the year is what to mend first. */
	assert_string_equal(said("40", "3", "26"), "Year must include 4 numbers|y");
}

static void
a_date_that_cannot_be_is_not_a_real_date(void **state)
{
	static const char real[] = "Date it happened must be a real date";

	(void)state;
	assert_string_equal(said("40", "1", "2026"), arena_printf(a, "%s|d", real));
	assert_string_equal(said("0", "1", "2026"), arena_printf(a, "%s|d", real));
	assert_string_equal(said("007", "1", "2026"), arena_printf(a, "%s|d", real));
	assert_string_equal(said("1", "13", "2026"), arena_printf(a, "%s|m", real));
	assert_string_equal(said("1", "March", "2026"), arena_printf(a, "%s|m", real));
	assert_string_equal(said("1", "1", "1899"), arena_printf(a, "%s|y", real));
	assert_string_equal(said("31", "4", "2026"), arena_printf(a, "%s|d", real));
	assert_string_equal(said("29", "2", "2025"), arena_printf(a, "%s|d", real));
	/* More than one part wrong: the date as a whole. */
	assert_string_equal(said("32", "13", "2026"), arena_printf(a, "%s|dmy", real));
	assert_string_equal(said("29", "2", "2024"), "ok 2024-02-29");
	assert_string_equal(said("07", "03", "2026"), "ok 2026-03-07");
}

static void
a_date_must_be_today_or_in_the_past(void **state)
{
	(void)state;
	assert_string_equal(said("27", "3", "2026"), "ok 2026-03-27");
	/* A day's grace for a reporter ahead of UTC. */
	assert_string_equal(said("28", "3", "2026"), "ok 2026-03-28");
	assert_string_equal(said("29", "3", "2026"),
	    "Date it happened must be today or in the past|dmy");
	assert_string_equal(said("1", "1", "2027"),
	    "Date it happened must be today or in the past|dmy");
}

static void
one_iso_date_gets_the_same_words(void **state)
{
	(void)state;
	assert_string_equal(said_iso("2026-3-7"), "ok 2026-03-07");
	assert_string_equal(said_iso("2026-03-07"), "ok 2026-03-07");
	assert_string_equal(said_iso("2026-3-"), "The date must include a day");
	assert_string_equal(said_iso("-3-7"), "The date must include a year");
	assert_string_equal(said_iso("26-3-7"), "Year must include 4 numbers");
	assert_string_equal(said_iso("2026-02-30"), "The date must be a real date");
	assert_string_equal(said_iso("2026-03-27T10:00"), "The date must be a real date");
	assert_string_equal(said_iso("--"), "The date must be a real date");
	assert_string_equal(said_iso("2026-3-7-1"), "The date must be a real date");
	assert_string_equal(said_iso("27/3/2026"), "The date must be a real date");
	assert_string_equal(said_iso("2027-01-01"), "The date must be today or in the past");
}

static void
the_first_part_in_error_is_linked_to(void **state)
{
	(void)state;
	assert_string_equal(date_part_name(DATE_WHOLE), "day");
	assert_string_equal(date_part_name(DATE_MONTH | DATE_YEAR), "month");
	assert_string_equal(date_part_name(DATE_YEAR), "year");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_in_words_have_no_leading_zero),
		cmocka_unit_test(times_in_words_are_on_the_12_hour_clock),
		cmocka_unit_test(a_missing_part_is_named_and_highlighted),
		cmocka_unit_test(a_year_must_have_4_numbers),
		cmocka_unit_test(a_date_that_cannot_be_is_not_a_real_date),
		cmocka_unit_test(a_date_must_be_today_or_in_the_past),
		cmocka_unit_test(one_iso_date_gets_the_same_words),
		cmocka_unit_test(the_first_part_in_error_is_linked_to),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
