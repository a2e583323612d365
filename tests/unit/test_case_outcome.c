/* A case's closing outcomes (domain/case_outcome.c): every code the
 * database allows (case_closure.outcome, 0050) has its words and nothing
 * else does; and which victims' risk assessment states show in red. */
#include "test.h"

#include "domain/case_core.h"

static void
every_outcome_the_schema_allows_has_its_words(void **state)
{
	(void)state;
	assert_int_equal(case_outcomes_n, 6);
	assert_string_equal(case_outcome_label("resolved"), "Resolved");
	assert_string_equal(case_outcome_label("behaviour_stopped"), "Behaviour stopped");
	assert_string_equal(case_outcome_label("enforcement"), "Enforcement");
	assert_string_equal(case_outcome_label("moved_away"), "Moved away");
	assert_string_equal(case_outcome_label("no_further_action"), "No further action");
	assert_string_equal(case_outcome_label("other"), "Other");
}

static void
anything_else_is_not_an_outcome(void **state)
{
	(void)state;
	assert_null(case_outcome_label(NULL));
	assert_null(case_outcome_label(""));
	assert_null(case_outcome_label("Resolved"));
	assert_null(case_outcome_label("resolved "));
	assert_null(case_outcome_label("closed"));
}

static void
only_a_current_assessment_is_not_red(void **state)
{
	(void)state;
	assert_false(case_victim_red("current"));
	assert_true(case_victim_red("overdue"));
	assert_true(case_victim_red("none"));
	/* Not a victim: nothing to assess, so never red. */
	assert_false(case_victim_red(""));
	assert_false(case_victim_red(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_outcome_the_schema_allows_has_its_words),
		cmocka_unit_test(anything_else_is_not_an_outcome),
		cmocka_unit_test(only_a_current_assessment_is_not_red),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
