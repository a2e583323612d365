/* The "What happened?" step of the public form: the report's description,
 * in the reporter's own words, for every type (pages/report_table_step.c
 * shows, reads and keeps it). */
#include <stddef.h>

#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"

/* Characters, as the character count shows them; the intake's own limit
 * (INTAKE_DESCRIPTION_MAX bytes) is higher. */
#define DESCRIPTION_MAX		2000

static const struct step_field description_fields[] = {
	{ "description", DK_DESCRIPTION, "DESCRIPTION", SF_LONG_TEXT, DESCRIPTION_MAX,
	    "Enter what happened",
	    "What happened must be 2000 characters or fewer" },
};

static const struct table_step description_step = {
	.step = STEP_DESCRIPTION, .fields = description_fields,
	.n = sizeof(description_fields) / sizeof(description_fields[0]),
	.template = "report_description.tpl", .title = "What happened?",
	.max = DESCRIPTION_MAX,
};

/* GET /report/description */
void
report_description_get(struct req *r)
{
	table_step_get(r, &description_step);
}

/* POST /report/description */
void
report_description_post(struct req *r)
{
	table_step_post(r, &description_step);
}
