/* An action's clocks (domain/action_clock.c): due, due today, overdue
 * from the day after its due date (London dates), done and cancelled
 * never overdue; an enforcement action's state from its served, review
 * and expiry dates, and which of those fit together. */
#include "test.h"

#include "core/date.h"
#include "domain/action_clock.h"

static struct date
d(int year, int month, int day)
{
	struct date x = { year, month, day };

	return x;
}

static void
open_action_is_due_until_its_day_ends(void **state)
{
	struct date due = d(2026, 12, 3), before = d(2026, 12, 2), on = d(2026, 12, 3);

	(void)state;
	assert_int_equal(action_clock("open", &due, &before), ACTION_CLOCK_DUE);
	assert_int_equal(action_clock("open", &due, &on), ACTION_CLOCK_TODAY);
}

static void
overdue_from_the_day_after_due(void **state)
{
	struct date due = d(2026, 12, 3), after = d(2026, 12, 4), later = d(2027, 1, 10);

	(void)state;
	assert_int_equal(action_clock("open", &due, &after), ACTION_CLOCK_OVERDUE);
	assert_int_equal(action_clock("open", &due, &later), ACTION_CLOCK_OVERDUE);
}

static void
overdue_across_month_and_year_ends(void **state)
{
	struct date m = d(2026, 1, 31), m1 = d(2026, 2, 1), y = d(2026, 12, 31),
	    y1 = d(2027, 1, 1), leap = d(2028, 2, 28), leap1 = d(2028, 2, 29);

	(void)state;
	assert_int_equal(action_clock("open", &m, &m1), ACTION_CLOCK_OVERDUE);
	assert_int_equal(action_clock("open", &y, &y1), ACTION_CLOCK_OVERDUE);
	assert_int_equal(action_clock("open", &leap, &leap1), ACTION_CLOCK_OVERDUE);
	assert_int_equal(action_days_between(&y, &y1), 1);
	assert_int_equal(action_days_between(&leap, &leap1), 1);
	assert_int_equal(action_days_between(&m, &y), 334);
	assert_int_equal(action_days_between(&y1, &y), -1);
}

static void
done_and_cancelled_are_never_overdue(void **state)
{
	struct date due = d(2026, 1, 1), today = d(2026, 12, 3);

	(void)state;
	assert_int_equal(action_clock("done", &due, &today), ACTION_CLOCK_CLOSED);
	assert_int_equal(action_clock("cancelled", &due, &today), ACTION_CLOCK_CLOSED);
	assert_int_equal(action_clock(NULL, &due, &today), ACTION_CLOCK_CLOSED);
}

static void
no_due_date_is_never_overdue(void **state)
{
	struct date today = d(2026, 12, 3);

	(void)state;
	assert_int_equal(action_clock("open", NULL, &today), ACTION_CLOCK_NONE);
}

static void
enforcement_in_force_then_review_then_expired(void **state)
{
	struct date served = d(2026, 6, 1), review = d(2026, 12, 1), expires = d(2027, 5, 31);
	struct date t;

	(void)state;
	t = d(2026, 5, 31);
	assert_int_equal(action_legal(&served, &expires, &review, &t), ACTION_LEGAL_NOT_SERVED);
	t = d(2026, 6, 1);
	assert_int_equal(action_legal(&served, &expires, &review, &t), ACTION_LEGAL_IN_FORCE);
	t = d(2026, 11, 30);
	assert_int_equal(action_legal(&served, &expires, &review, &t), ACTION_LEGAL_IN_FORCE);
	t = d(2026, 12, 1);
	assert_int_equal(action_legal(&served, &expires, &review, &t), ACTION_LEGAL_REVIEW_DUE);
	/* In force to the end of its expiry day. */
	t = d(2027, 5, 31);
	assert_int_equal(action_legal(&served, &expires, &review, &t), ACTION_LEGAL_REVIEW_DUE);
	t = d(2027, 6, 1);
	assert_int_equal(action_legal(&served, &expires, &review, &t), ACTION_LEGAL_EXPIRED);
}

static void
enforcement_not_served_has_no_legal_state(void **state)
{
	struct date expires = d(2026, 1, 1), t = d(2026, 12, 3);

	(void)state;
	assert_int_equal(action_legal(NULL, &expires, NULL, &t), ACTION_LEGAL_NOT_SERVED);
	assert_int_equal(action_legal(&t, NULL, NULL, &t), ACTION_LEGAL_IN_FORCE);
}

static void
legal_dates_must_fit_together(void **state)
{
	struct date served = d(2026, 6, 1), before = d(2026, 5, 31), later = d(2027, 6, 1),
	    review = d(2026, 12, 1);
	const char *field = NULL;

	(void)state;
	assert_null(action_legal_dates_check(&served, &later, &review, &field));
	assert_null(action_legal_dates_check(&served, &served, &served, &field));
	assert_null(action_legal_dates_check(NULL, NULL, NULL, &field));
	assert_non_null(action_legal_dates_check(&served, &before, NULL, &field));
	assert_string_equal(field, "expires");
	assert_non_null(action_legal_dates_check(&served, NULL, &before, &field));
	assert_string_equal(field, "review");
	assert_non_null(action_legal_dates_check(&served, &review, &later, &field));
	assert_string_equal(field, "review");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_action_is_due_until_its_day_ends),
		cmocka_unit_test(overdue_from_the_day_after_due),
		cmocka_unit_test(overdue_across_month_and_year_ends),
		cmocka_unit_test(done_and_cancelled_are_never_overdue),
		cmocka_unit_test(no_due_date_is_never_overdue),
		cmocka_unit_test(enforcement_in_force_then_review_then_expired),
		cmocka_unit_test(enforcement_not_served_has_no_legal_state),
		cmocka_unit_test(legal_dates_must_fit_together),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
