/* When a risk review is due (domain/risk_review.c on domain/risk.c's
 * cadence): version 1's high (14, 28, 56 days) and medium (28, 56 days)
 * at each edge, counting from the last review, and the days overdue. */
#include "test.h"

#include "domain/risk.h"
#include "domain/risk_review.h"

#define DAY	86400
#define T0	((time_t)1767225600)	/* 1 January 2026 00:00 UTC */

static const int high_days[] = { 14, 28, 56 }, medium_days[] = { 28, 56 };
static const struct risk_questionnaire v1 = {
	.version = 1, .band_min = { 0, 8, 16 },
	.review_days = { NULL, medium_days, high_days }, .nreview = { 0, 2, 3 },
};

/* Due at now for an assessment at T0 last reviewed at `reviewed`. */
static int
due(enum risk_level l, time_t reviewed, time_t now, time_t *when)
{
	return risk_review_due_at(&v1, l, T0, reviewed, now, when);
}

static void
high_is_due_at_14_days_not_a_second_before(void **state)
{
	time_t when;

	(void)state;
	assert_false(due(RISK_HIGH, 0, T0 + 13 * DAY, &when));
	assert_int_equal(when, T0 + 14 * DAY);
	assert_false(due(RISK_HIGH, 0, T0 + 14 * DAY - 1, &when));
	assert_true(due(RISK_HIGH, 0, T0 + 14 * DAY, &when));
	assert_true(due(RISK_HIGH, 0, T0 + 15 * DAY, &when));
	assert_int_equal(when, T0 + 14 * DAY);
}

static void
medium_is_due_at_28_days(void **state)
{
	time_t when;

	(void)state;
	assert_false(due(RISK_MEDIUM, 0, T0 + 27 * DAY, &when));
	assert_true(due(RISK_MEDIUM, 0, T0 + 28 * DAY, &when));
	assert_int_equal(when, T0 + 28 * DAY);
}

static void
standard_is_never_due(void **state)
{
	time_t when;

	(void)state;
	assert_false(due(RISK_STANDARD, 0, T0 + 400 * DAY, &when));
	assert_int_equal(when, 0);
}

static void
a_review_moves_the_next_date_to_the_next_step(void **state)
{
	time_t when;

	(void)state;
	/* Reviewed on day 15: next is day 28, not due on day 27. */
	assert_false(due(RISK_HIGH, T0 + 15 * DAY, T0 + 27 * DAY, &when));
	assert_int_equal(when, T0 + 28 * DAY);
	assert_true(due(RISK_HIGH, T0 + 15 * DAY, T0 + 28 * DAY, &when));
	/* Reviewed exactly on day 28: the 28-day review is done, next day 56. */
	assert_false(due(RISK_HIGH, T0 + 28 * DAY, T0 + 55 * DAY, &when));
	assert_int_equal(when, T0 + 56 * DAY);
	assert_true(due(RISK_HIGH, T0 + 28 * DAY, T0 + 56 * DAY, &when));
	/* Medium reviewed on day 30: next day 56. */
	assert_false(due(RISK_MEDIUM, T0 + 30 * DAY, T0 + 55 * DAY, &when));
	assert_true(due(RISK_MEDIUM, T0 + 30 * DAY, T0 + 56 * DAY, &when));
}

static void
a_review_before_the_first_date_changes_nothing(void **state)
{
	time_t when;

	(void)state;
	assert_true(due(RISK_HIGH, T0 + 5 * DAY, T0 + 14 * DAY, &when));
	assert_int_equal(when, T0 + 14 * DAY);
}

static void
after_the_last_step_no_review_is_due(void **state)
{
	time_t when;

	(void)state;
	assert_false(due(RISK_HIGH, T0 + 56 * DAY, T0 + 200 * DAY, &when));
	assert_int_equal(when, 0);
	assert_false(due(RISK_MEDIUM, T0 + 57 * DAY, T0 + 200 * DAY, &when));
}

static void
overdue_days_are_whole_days_since_due(void **state)
{
	(void)state;
	assert_int_equal(risk_review_overdue_days(T0, T0 - DAY), 0);
	assert_int_equal(risk_review_overdue_days(T0, T0), 0);
	assert_int_equal(risk_review_overdue_days(T0, T0 + DAY - 1), 0);
	assert_int_equal(risk_review_overdue_days(T0, T0 + DAY), 1);
	assert_int_equal(risk_review_overdue_days(T0, T0 + 10 * DAY + 5), 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(high_is_due_at_14_days_not_a_second_before),
		cmocka_unit_test(medium_is_due_at_28_days),
		cmocka_unit_test(standard_is_never_due),
		cmocka_unit_test(a_review_moves_the_next_date_to_the_next_step),
		cmocka_unit_test(a_review_before_the_first_date_changes_nothing),
		cmocka_unit_test(after_the_last_step_no_review_is_due),
		cmocka_unit_test(overdue_days_are_whole_days_since_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
