/* The clocks' targets as SQL's clock_due takes them (domain/clocks.h). */
#include <stdio.h>

#include "core/config.h"
#include "domain/clocks.h"

void
clock_hours_text(const struct config *c, enum clock_kind k, char out[CLOCK_HOURS_TEXT])
{
	if (k == CLOCK_TRIAGE)
		snprintf(out, CLOCK_HOURS_TEXT, "{%d,%d,%d}", c->triage_hours_standard,
		    c->triage_hours_medium, c->triage_hours_high);
	else
		snprintf(out, CLOCK_HOURS_TEXT, "{%d,%d,%d}", c->action_hours_standard,
		    c->action_hours_medium, c->action_hours_high);
}
