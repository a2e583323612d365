/* A case's closing outcomes, as codes (case_closure.outcome, 0050) and the
 * words staff read, and what a victim's risk assessment state means. */
#include <stddef.h>
#include <string.h>

#include "domain/case_core.h"

const struct case_outcome case_outcomes[] = {
	{ "resolved", "Resolved" },
	{ "behaviour_stopped", "Behaviour stopped" },
	{ "enforcement", "Enforcement" },
	{ "moved_away", "Moved away" },
	{ "no_further_action", "No further action" },
	{ "other", "Other" },
};
const size_t case_outcomes_n = sizeof(case_outcomes) / sizeof(case_outcomes[0]);

/* The words for an outcome's code, or NULL when it is not one. */
const char *
case_outcome_label(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < case_outcomes_n; i++)
		if (strcmp(code, case_outcomes[i].code) == 0)
			return case_outcomes[i].label;
	return NULL;
}

/* Whether a victim's state (case_victim_risk, as case_ov_people gives it:
 * current, overdue, none) shows in red: anything but a current one. "" is
 * not a victim. */
int
case_victim_red(const char *state)
{
	return state != NULL && *state != '\0' && strcmp(state, "current") != 0;
}
