/* The working-day calendar (core/workday.c): day numbers both ways, the
 * weekday, and adding working days over weekends, Christmas and New Year,
 * Easter, substitute days and the one-off holidays, with the England and
 * Wales bank holidays migration 0053 loads for the years tested. */
#include "test.h"

#include <stdlib.h>

#include "core/workday.h"

static const char *const holiday_days[] = {
	"2021-12-27", "2021-12-28", "2022-01-03", "2022-04-15", "2022-04-18",
	"2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
	"2022-12-26", "2022-12-27", "2023-05-01", "2023-05-08", "2026-01-01",
	"2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
	"2026-12-25", "2026-12-28", "2027-01-01",
};
#define NH	(sizeof(holiday_days) / sizeof(holiday_days[0]))

static long holidays[NH];

static struct date
d(const char *s)
{
	struct date out;

	assert_non_null(date_parse(s, &out));
	return out;
}

static int
setup(void **state)
{
	size_t i;
	struct date x;

	(void)state;
	for (i = 0; i < NH; i++) {
		x = d(holiday_days[i]);
		holidays[i] = date_days(&x);
	}
	return 0;
}

/* The n-th working day after from, as YYYY-MM-DD. */
static void
assert_after(const char *from, int n, const char *want)
{
	struct date f = d(from), got, w = d(want);

	assert_int_equal(workday_add(&f, n, holidays, NH, &got), 0);
	if (got.year != w.year || got.month != w.month || got.day != w.day)
		fail_msg("%d working days after %s: got %04d-%02d-%02d, want %s", n, from,
		    got.year, got.month, got.day, want);
}

static void
day_numbers_go_both_ways(void **state)
{
	struct date x = d("1970-01-01"), y;
	long z;

	(void)state;
	assert_int_equal(date_days(&x), 0);
	x = d("2000-02-29");
	assert_int_equal(date_days(&x), 11016);
	for (z = -800000; z < 800000; z += 997) {
		date_of_days(z, &y);
		assert_int_equal(date_days(&y), z);
	}
	x = d("2028-02-28");
	date_add_days(&x, 1, &y);
	assert_int_equal(y.month, 2);
	assert_int_equal(y.day, 29);
	date_add_days(&x, 2, &y);
	assert_int_equal(y.month, 3);
	assert_int_equal(y.day, 1);
}

static void
weekdays_are_monday_first(void **state)
{
	struct date x;

	(void)state;
	x = d("1970-01-01");
	assert_int_equal(date_weekday(&x), 4);	/* Thursday */
	x = d("2026-12-07");
	assert_int_equal(date_weekday(&x), 1);	/* Monday */
	x = d("2026-12-06");
	assert_int_equal(date_weekday(&x), 7);	/* Sunday */
	x = d("1969-12-29");
	assert_int_equal(date_weekday(&x), 1);	/* before day 0 too */
}

static void
weekends_are_skipped(void **state)
{
	(void)state;
	assert_after("2026-12-04", 3, "2026-12-09");	/* Friday: Wednesday */
	assert_after("2026-12-05", 1, "2026-12-07");	/* Saturday: Monday */
	assert_after("2026-12-06", 1, "2026-12-07");	/* Sunday: Monday */
	assert_after("2026-12-07", 4, "2026-12-11");	/* within one week */
	assert_after("2026-12-07", 5, "2026-12-14");
	assert_after("2026-12-04", 0, "2026-12-04");	/* 0: the day itself */
}

static void
christmas_and_new_year_are_skipped(void **state)
{
	(void)state;
	/* 2026: Christmas on a Friday, Boxing Day's substitute the Monday. */
	assert_after("2026-12-24", 1, "2026-12-29");
	assert_after("2026-12-24", 4, "2027-01-04");
	assert_after("2026-12-18", 3, "2026-12-23");
	assert_after("2026-12-18", 14, "2027-01-12");
	assert_after("2026-12-01", 14, "2026-12-21");
}

static void
easter_is_skipped(void **state)
{
	(void)state;
	assert_after("2026-04-02", 1, "2026-04-07");	/* Good Friday, Easter Monday */
	assert_after("2022-04-14", 2, "2022-04-20");
}

static void
substitute_days_are_skipped(void **state)
{
	(void)state;
	/* 2021: Christmas and Boxing Day on the weekend, both moved. */
	assert_after("2021-12-24", 1, "2021-12-29");
	/* New Year's Day 2022 on a Saturday: Monday 3 January. */
	assert_after("2021-12-31", 1, "2022-01-04");
	/* 2022: Christmas on a Sunday, its substitute the Tuesday. */
	assert_after("2022-12-23", 1, "2022-12-28");
}

static void
one_off_holidays_are_skipped(void **state)
{
	(void)state;
	assert_after("2022-06-01", 1, "2022-06-06");	/* Spring moved, Platinum Jubilee */
	assert_after("2022-09-16", 1, "2022-09-20");	/* the state funeral */
	assert_after("2023-05-05", 1, "2023-05-09");	/* the coronation */
}

static void
a_holiday_start_counts_from_the_next_working_day(void **state)
{
	(void)state;
	assert_after("2026-12-25", 1, "2026-12-29");
	assert_after("2026-12-25", 3, "2026-12-31");
}

static void
out_of_range_is_refused(void **state)
{
	struct date f = d("2026-12-01"), out;

	(void)state;
	assert_int_equal(workday_add(&f, -1, holidays, NH, &out), -1);
	assert_int_equal(workday_add(&f, 100000, holidays, NH, &out), -1);
	assert_int_equal(workday_add(&f, 3, NULL, 0, &out), 0);	/* no holidays */
	assert_int_equal(out.day, 4);
}

static void
holidays_are_not_working_days(void **state)
{
	struct date x;

	(void)state;
	x = d("2026-12-28");
	assert_false(workday_is(&x, holidays, NH));
	x = d("2026-12-29");
	assert_true(workday_is(&x, holidays, NH));
	x = d("2026-12-26");
	assert_false(workday_is(&x, holidays, NH));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(day_numbers_go_both_ways),
		cmocka_unit_test(weekdays_are_monday_first),
		cmocka_unit_test(weekends_are_skipped),
		cmocka_unit_test(christmas_and_new_year_are_skipped),
		cmocka_unit_test(easter_is_skipped),
		cmocka_unit_test(substitute_days_are_skipped),
		cmocka_unit_test(one_off_holidays_are_skipped),
		cmocka_unit_test(a_holiday_start_counts_from_the_next_working_day),
		cmocka_unit_test(out_of_range_is_refused),
		cmocka_unit_test(holidays_are_not_working_days),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
