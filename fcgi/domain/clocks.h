#ifndef DOMAIN_CLOCKS_H
#define DOMAIN_CLOCKS_H

#include <stddef.h>

struct config;

/* The clocks of an incident: reported_at (the incident's), triaged_at
 * (its first triage in any queue) and first_action_at (its first action),
 * each set once (sql/migrations/0041_allocation.sql guards them). Each
 * has a target in hours from the report by risk level, from the config
 * (triage_hours_*, action_hours_*); SQL's clock_due(reported, risk,
 * hours) says when it falls, hours given as CLOCK_HOURS_TEXT's array. */

enum clock_kind { CLOCK_TRIAGE, CLOCK_ACTION };

#define CLOCK_HOURS_TEXT	48	/* "{standard,medium,high}" */

/* The targets of one clock as an integer[] parameter for clock_due. */
void	clock_hours_text(const struct config *, enum clock_kind, char out[CLOCK_HOURS_TEXT]);

#endif
