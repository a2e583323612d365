/* The pure rules of monitored cases (domain/case_rules.c): every closing
 * outcome the database allows (case_closure.outcome, 0050) has its words
 * and nothing else does; which victims' risk assessment states show in
 * red; and how the new-case form's references are split. */
#include "test.h"

#include "core/arena.h"
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

static void
references_split_on_any_separator_upper_cased_and_once(void **state)
{
	struct arena *ar = arena_new(4096);
	const char *out[4];

	(void)state;
	assert_non_null(ar);
	assert_int_equal(case_refs_split(ar, " asb-2026-000001,ASB-2026-000002;\r\n"
	    "\tASB-2026-000001 ASB-2026-000003 ", out, 4), 3);
	assert_string_equal(out[0], "ASB-2026-000001");
	assert_string_equal(out[1], "ASB-2026-000002");
	assert_string_equal(out[2], "ASB-2026-000003");
	assert_int_equal(case_refs_split(ar, "", out, 4), 0);
	assert_int_equal(case_refs_split(ar, " ,;\n", out, 4), 0);
	arena_free(ar);
}

static void
too_many_or_too_long_references_are_refused(void **state)
{
	struct arena *ar = arena_new(4096);
	const char *out[2];
	char longer[CASE_REF_MAX + 2];

	(void)state;
	assert_non_null(ar);
	assert_int_equal(case_refs_split(ar, "A B C", out, 2), -1);
	/* The same one three times is one. */
	assert_int_equal(case_refs_split(ar, "a A a", out, 2), 1);
	memset(longer, 'A', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	assert_int_equal(case_refs_split(ar, longer, out, 2), -1);
	longer[CASE_REF_MAX] = '\0';
	assert_int_equal(case_refs_split(ar, longer, out, 2), 1);
	arena_free(ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_outcome_the_schema_allows_has_its_words),
		cmocka_unit_test(anything_else_is_not_an_outcome),
		cmocka_unit_test(only_a_current_assessment_is_not_red),
		cmocka_unit_test(references_split_on_any_separator_upper_cased_and_once),
		cmocka_unit_test(too_many_or_too_long_references_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
