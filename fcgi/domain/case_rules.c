/* The pure rules of monitored cases: the closing outcomes, as codes
 * (case_closure.outcome, 0050) and the words staff read; what a victim's
 * risk assessment state means; and the references typed on the new-case
 * form. No SQL here. */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "core/arena.h"

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

/* Splits the incident references typed on the new-case form (spaces,
 * tabs, new lines, commas or semicolons between them), each upper-cased
 * ("asb-2026-000123" is ASB-2026-000123) and each once, into out. Returns
 * how many, or -1 when there are more than max or one is longer than
 * CASE_REF_MAX (nothing a reference could be), or out of memory. */
int
case_refs_split(struct arena *ar, const char *text, const char **out, size_t max)
{
	const char *p = text, *start;
	size_t n = 0, len, i, k;
	char *tok;

	while (p != NULL && *p != '\0') {
		while (*p != '\0' && strchr(" \t\r\n,;", *p) != NULL)
			p++;
		if (*p == '\0')
			break;
		for (start = p; *p != '\0' && strchr(" \t\r\n,;", *p) == NULL; p++)
			;
		if ((len = (size_t)(p - start)) > CASE_REF_MAX ||
		    (tok = arena_strndup(ar, start, len)) == NULL)
			return -1;
		for (k = 0; k < len; k++)
			tok[k] = (char)toupper((unsigned char)tok[k]);
		for (i = 0; i < n && strcmp(out[i], tok) != 0; i++)
			;
		if (i < n)
			continue;
		if (n == max)
			return -1;
		out[n++] = tok;
	}
	return (int)n;
}
