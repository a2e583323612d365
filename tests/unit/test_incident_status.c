/* The rules of an incident's status moves (domain/incident_status.c): what
 * kind of move each is and what it takes. Before issue 9 a move back (in
 * progress to open) took no reason and told the reporters, a closure had
 * no outcome, and a role without incident.close was offered "closed". */
#include "test.h"

#include "domain/incident_status.h"

static const perm_set officer = PERM_BIT(PERM_INCIDENT_VIEW) | PERM_BIT(PERM_INCIDENT_UPDATE);
static const perm_set supervisor = PERM_BIT(PERM_INCIDENT_VIEW) |
    PERM_BIT(PERM_INCIDENT_UPDATE) | PERM_BIT(PERM_INCIDENT_CLOSE);

static enum incident_result
check(perm_set p, const char *from, const char *to, const char *reason,
    const char *outcome)
{
	struct status_change c = { to, reason, outcome };

	return incident_status_check(p, from, &c);
}

static void
moves_are_named_by_the_order_of_the_statuses(void **state)
{
	(void)state;
	assert_int_equal(incident_status_move("new", "open"), MOVE_FORWARD);
	assert_int_equal(incident_status_move("open", "monitoring"), MOVE_FORWARD);
	assert_int_equal(incident_status_move("in_progress", "open"), MOVE_BACKWARD);
	assert_int_equal(incident_status_move("monitoring", "in_progress"), MOVE_BACKWARD);
	assert_int_equal(incident_status_move("new", "closed"), MOVE_CLOSE);
	assert_int_equal(incident_status_move("closed", "open"), MOVE_REOPEN);
	assert_int_equal(incident_status_move("closed", "in_progress"), MOVE_REOPEN);
	assert_int_equal(incident_status_move("open", "open"), MOVE_NONE);
	assert_int_equal(incident_status_move("open", "shut"), MOVE_BAD);
	assert_int_equal(incident_status_move(NULL, "open"), MOVE_BAD);
}

static void
forward_needs_nothing_backward_needs_a_reason(void **state)
{
	(void)state;
	assert_int_equal(check(officer, "open", "in_progress", "", NULL), INCIDENT_OK);
	assert_int_equal(check(officer, "in_progress", "open", "", NULL),
	    INCIDENT_NEEDS_REASON);
	assert_int_equal(check(officer, "in_progress", "open", NULL, NULL),
	    INCIDENT_NEEDS_REASON);
	assert_int_equal(check(officer, "in_progress", "open", "Visit cancelled", NULL),
	    INCIDENT_OK);
	assert_int_equal(check(officer, "open", "open", "", NULL), INCIDENT_UNCHANGED);
	assert_int_equal(check(officer, "open", "gone", "", NULL), INCIDENT_BAD_STATUS);
}

static void
closing_takes_the_right_a_reason_and_a_known_outcome(void **state)
{
	(void)state;
	assert_int_equal(check(officer, "open", "closed", "Done", "resolved"),
	    INCIDENT_NEEDS_CLOSE);
	assert_int_equal(check(supervisor, "open", "closed", "", "resolved"),
	    INCIDENT_NEEDS_REASON);
	assert_int_equal(check(supervisor, "open", "closed", "Done", ""),
	    INCIDENT_NEEDS_OUTCOME);
	assert_int_equal(check(supervisor, "open", "closed", "Done", "won"),
	    INCIDENT_BAD_OUTCOME);
	assert_int_equal(check(supervisor, "open", "closed", "Done", "resolved"),
	    INCIDENT_OK);
	assert_int_equal(check(supervisor, "open", "closed", "Done", "duplicate"),
	    INCIDENT_OK);
	/* An outcome is for a closure only. */
	assert_int_equal(check(supervisor, "open", "in_progress", "", "resolved"),
	    INCIDENT_BAD_OUTCOME);
}

static void
reopening_takes_the_right_and_a_reason(void **state)
{
	(void)state;
	assert_int_equal(check(officer, "closed", "open", "New reports", NULL),
	    INCIDENT_NEEDS_CLOSE);
	assert_int_equal(check(supervisor, "closed", "open", "", NULL),
	    INCIDENT_NEEDS_REASON);
	assert_int_equal(check(supervisor, "closed", "open", "New reports", NULL),
	    INCIDENT_OK);
}

static void
the_form_offers_closed_only_to_those_who_may_close(void **state)
{
	(void)state;
	assert_false(incident_status_may_choose(officer, "open", "closed"));
	assert_true(incident_status_may_choose(supervisor, "open", "closed"));
	assert_true(incident_status_may_choose(officer, "in_progress", "open"));
	assert_true(incident_status_may_choose(officer, "closed", "closed"));
	assert_false(incident_status_may_choose(officer, "closed", "open"));
	assert_false(incident_status_may_choose(supervisor, "open", "shut"));
}

static void
every_outcome_has_words(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(incident_outcomes_n, 6);
	for (i = 0; i < incident_outcomes_n; i++) {
		assert_true(incident_outcome_valid(incident_outcomes[i].code));
		assert_string_not_equal(incident_outcome_label(incident_outcomes[i].code),
		    incident_outcomes[i].code);
	}
	assert_false(incident_outcome_valid("won"));
	assert_false(incident_outcome_valid(NULL));
	assert_string_equal(incident_outcome_label("won"), "won");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(moves_are_named_by_the_order_of_the_statuses),
		cmocka_unit_test(forward_needs_nothing_backward_needs_a_reason),
		cmocka_unit_test(closing_takes_the_right_a_reason_and_a_known_outcome),
		cmocka_unit_test(reopening_takes_the_right_and_a_reason),
		cmocka_unit_test(the_form_offers_closed_only_to_those_who_may_close),
		cmocka_unit_test(every_outcome_has_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
