/* A case's victim-contact clock and supervisor-review cadence
 * (domain/case_clock.c, on core/london.c): the next contact over month
 * ends and leap days, the London day of a contact either side of the
 * summer-time changes, overdue at the end of the due day Europe/London,
 * and the review cadence of each level, after its last listed day too. */
#include "test.h"

#include "core/london.h"
#include "domain/case_clock.h"

#define D(y, m, d)	((struct date){ (y), (m), (d) })

static void
assert_date(struct date got, struct date want)
{
	assert_int_equal(got.year, want.year);
	assert_int_equal(got.month, want.month);
	assert_int_equal(got.day, want.day);
}

static struct date
contact_due(struct date starts, int every, time_t last)
{
	struct date out;

	case_contact_due_on(&starts, every, last, &out);
	return out;
}

static void
first_contact_is_due_on_the_plans_start(void **state)
{
	(void)state;
	assert_date(contact_due(D(2026, 1, 10), 14, 0), D(2026, 1, 10));
	/* A contact before the plan began does not count for it. */
	assert_date(contact_due(D(2026, 2, 10), 14, 1769860800 /* 31 Jan 12:00 */),
	    D(2026, 2, 10));
}

static void
next_contact_runs_over_month_ends_and_leap_days(void **state)
{
	(void)state;
	/* 31 January 2026 12:00 UTC (GMT) */
	assert_date(contact_due(D(2026, 1, 1), 28, 1769860800), D(2026, 2, 28));
	assert_date(contact_due(D(2026, 1, 1), 29, 1769860800), D(2026, 3, 1));
	assert_date(contact_due(D(2026, 1, 1), 7, 1769860800), D(2026, 2, 7));
	/* 31 January 2028 09:00: 2028 is a leap year. */
	assert_date(contact_due(D(2028, 1, 1), 29, 1832922000), D(2028, 2, 29));
	/* 31 December 2026 23:30 UTC is still 31 December in London (GMT). */
	assert_date(contact_due(D(2026, 12, 1), 7, 1798759800), D(2027, 1, 7));
}

static void
contact_day_is_londons_in_summer_time(void **state)
{
	struct date d;

	(void)state;
	/* 30 June 2026 23:30 UTC is 00:30 BST on 1 July. */
	assert_date(contact_due(D(2026, 6, 1), 7, 1782862200), D(2026, 7, 8));
	/* Summer time starts at 01:00 UTC on 29 March 2026 (the last
	 * Sunday) and ends at 01:00 UTC on 25 October 2026. */
	assert_int_equal(london_date(1774745999, &d), 0);
	assert_date(d, D(2026, 3, 29));
	assert_int_equal(london_date(1774825200 - 1, &d), 0);	/* 23:59:59 BST */
	assert_date(d, D(2026, 3, 29));
	assert_int_equal(london_date(1774825200, &d), 0);	/* 00:00 BST */
	assert_date(d, D(2026, 3, 30));
	assert_int_equal(london_date(1792882800 - 1, &d), 0);
	assert_date(d, D(2026, 10, 24));
	assert_int_equal(london_date(1792882800, &d), 0);	/* 25 Oct 00:00 BST */
	assert_date(d, D(2026, 10, 25));
	assert_int_equal(london_date(1792890000, &d), 0);	/* 01:00 GMT again */
	assert_date(d, D(2026, 10, 25));
}

static void
overdue_at_the_end_of_the_due_day_in_london(void **state)
{
	struct date due;

	(void)state;
	due = D(2026, 7, 8);		/* BST: the day ends at 23:00 UTC */
	assert_int_equal(case_day_overdue_at(&due), 1783551600);
	due = D(2026, 12, 3);		/* GMT: at midnight UTC */
	assert_int_equal(case_day_overdue_at(&due), 1796342400);
	due = D(2026, 3, 28);		/* the night summer time starts: GMT */
	assert_int_equal(case_day_overdue_at(&due), 1774742400);
	due = D(2026, 3, 29);		/* the day it starts: ends in BST */
	assert_int_equal(case_day_overdue_at(&due), 1774825200);
	due = D(2026, 10, 24);		/* the night it ends: still BST */
	assert_int_equal(case_day_overdue_at(&due), 1792882800);
	due = D(2026, 10, 25);		/* the day it ends: ends in GMT */
	assert_int_equal(case_day_overdue_at(&due), 1792972800);
}

static void
days_overdue_count_from_the_day_after(void **state)
{
	struct date due = D(2026, 12, 3);

	(void)state;
	assert_int_equal(case_days_overdue(&due, 1796342399), 0);	/* 23:59:59 */
	assert_int_equal(case_days_overdue(&due, 1796342400), 1);	/* 4 Dec 00:00 */
	assert_int_equal(case_days_overdue(&due, 1796904000), 7);	/* 10 Dec */
	assert_int_equal(case_days_overdue(&due, 1769860800), 0);	/* long before */
}

static const int high[] = { 14, 28, 56 }, medium[] = { 28, 56 }, once[] = { 30 };

static struct date
review_due(const int *days, size_t n, struct date after)
{
	struct date opened = D(2026, 1, 1), out = { 0, 0, 0 };

	assert_int_equal(case_review_due_on(&opened, days, n, &after, &out), 1);
	return out;
}

static void
high_risk_reviews_at_14_28_56_then_every_28(void **state)
{
	(void)state;
	assert_date(review_due(high, 3, D(2026, 1, 1)), D(2026, 1, 15));
	assert_date(review_due(high, 3, D(2026, 1, 14)), D(2026, 1, 15));
	assert_date(review_due(high, 3, D(2026, 1, 15)), D(2026, 1, 29));
	assert_date(review_due(high, 3, D(2026, 1, 20)), D(2026, 1, 29));
	assert_date(review_due(high, 3, D(2026, 1, 29)), D(2026, 2, 26));
	/* After the last listed day (56), every last gap (28): 84, 112. */
	assert_date(review_due(high, 3, D(2026, 2, 26)), D(2026, 3, 26));
	assert_date(review_due(high, 3, D(2026, 3, 25)), D(2026, 3, 26));
	assert_date(review_due(high, 3, D(2026, 3, 26)), D(2026, 4, 23));
	assert_date(review_due(high, 3, D(2026, 3, 30)), D(2026, 4, 23));
}

static void
medium_risk_reviews_at_28_56_then_every_28(void **state)
{
	(void)state;
	assert_date(review_due(medium, 2, D(2026, 1, 1)), D(2026, 1, 29));
	assert_date(review_due(medium, 2, D(2026, 1, 29)), D(2026, 2, 26));
	assert_date(review_due(medium, 2, D(2026, 2, 26)), D(2026, 3, 26));
	assert_date(review_due(medium, 2, D(2026, 4, 1)), D(2026, 4, 23));
}

static void
standard_risk_has_no_reviews_and_one_day_repeats(void **state)
{
	struct date opened = D(2026, 1, 1), out = D(1999, 1, 1);

	(void)state;
	assert_int_equal(case_review_due_on(&opened, NULL, 0, &opened, &out), 0);
	/* One listed day repeats itself: 30, 60, 90. */
	assert_date(review_due(once, 1, D(2026, 1, 1)), D(2026, 1, 31));
	assert_date(review_due(once, 1, D(2026, 1, 31)), D(2026, 3, 2));
}

static void
day_numbers_round_trip(void **state)
{
	struct date d, back;
	long n;

	(void)state;
	d = D(1970, 1, 1);
	assert_int_equal(day_number(&d), 0);
	for (n = -800; n < 80000; n += 37) {
		day_from_number(n, &back);
		assert_int_equal(day_number(&back), n);
	}
	d = D(2024, 2, 29);
	day_from_number(day_number(&d) + 1, &back);
	assert_date(back, D(2024, 3, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_contact_is_due_on_the_plans_start),
		cmocka_unit_test(next_contact_runs_over_month_ends_and_leap_days),
		cmocka_unit_test(contact_day_is_londons_in_summer_time),
		cmocka_unit_test(overdue_at_the_end_of_the_due_day_in_london),
		cmocka_unit_test(days_overdue_count_from_the_day_after),
		cmocka_unit_test(high_risk_reviews_at_14_28_56_then_every_28),
		cmocka_unit_test(medium_risk_reviews_at_28_56_then_every_28),
		cmocka_unit_test(standard_risk_has_no_reviews_and_one_day_repeats),
		cmocka_unit_test(day_numbers_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
