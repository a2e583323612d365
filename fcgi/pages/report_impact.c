/* The "How is this affecting you?" step of the public form: one text and
 * one yes/no question, both in impact_fields. The triage facts are asked
 * once, on their own step (report_triage.c). */
#include <stddef.h>

#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"

#define IMPACT_MAX		2000

enum { IM_IMPACT, IM_UNSAFE, IM__N };

static const struct step_field impact_fields[IM__N] = {
	[IM_IMPACT] = { "impact", DK_IMPACT, "IMPACT", SF_LONG_TEXT, IMPACT_MAX,
	    "Tell us how this is affecting you",
	    "How this is affecting you must be 2000 characters or fewer" },
	[IM_UNSAFE] = { "feels-unsafe", DK_FEELS_UNSAFE, "UNSAFE", SF_YES_NO, 0,
	    "Select yes if you feel unsafe in your home", NULL },
};

/* A partner reports about someone else: the same fields, in their words. */
static const struct step_field partner_impact_fields[IM__N] = {
	[IM_IMPACT] = { "impact", DK_IMPACT, "IMPACT", SF_LONG_TEXT, IMPACT_MAX,
	    "Tell us how this is affecting the people involved",
	    "How this is affecting the people involved must be 2000 characters or fewer" },
	[IM_UNSAFE] = { "feels-unsafe", DK_FEELS_UNSAFE, "UNSAFE", SF_YES_NO, 0,
	    "Select yes if the people affected feel unsafe in their home", NULL },
};

static const struct table_step impact_step = {
	.step = STEP_IMPACT, .fields = impact_fields, .partner_fields = partner_impact_fields,
	.n = IM__N, .template = "report_impact.tpl", .title = "How is this affecting you?",
	.partner_title = "How is this affecting the people involved?",
};

/* GET /report/impact */
void
report_impact_get(struct req *r)
{
	table_step_get(r, &impact_step);
}

/* POST /report/impact */
void
report_impact_post(struct req *r)
{
	table_step_post(r, &impact_step);
}
