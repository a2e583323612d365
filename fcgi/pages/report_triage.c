/* The triage step of the public form: the four facts every report is
 * asked, whatever its type, so that each is asked once, in one place —
 * is it happening now (urgent), is anyone vulnerable, targeted because of
 * who they are, has it happened before. A type's own questions hold only
 * what is particular to it (sql/migrations/0039_report_form.sql). */
#include <stddef.h>

#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"

enum { TR_NOW, TR_VULNERABLE, TR_TARGETED, TR_BEFORE, TR__N };

static const struct step_field triage_fields[TR__N] = {
	[TR_NOW] = { "happening-now", DK_HAPPENING_NOW, "NOW", SF_YES_NO, 0,
	    "Select yes if it is happening now", NULL },
	[TR_VULNERABLE] = { "vulnerable", DK_VULNERABLE, "VULNERABLE", SF_YES_NO, 0,
	    "Select yes if anyone affected is vulnerable", NULL },
	[TR_TARGETED] = { "targeted", DK_TARGETED, "TARGETED", SF_YES_NO, 0,
	    "Select yes if anyone is being targeted because of who they are", NULL },
	[TR_BEFORE] = { "happened-before", DK_HAPPENED_BEFORE, "BEFORE", SF_YES_NO, 0,
	    "Select yes if this has happened before", NULL },
};

static const struct table_step triage_step = {
	.step = STEP_TRIAGE, .fields = triage_fields, .n = TR__N,
	.template = "report_triage.tpl", .title = "Help us decide how urgent this is",
};

/* GET /report/triage */
void
report_triage_get(struct req *r)
{
	table_step_get(r, &triage_step);
}

/* POST /report/triage */
void
report_triage_post(struct req *r)
{
	table_step_post(r, &triage_step);
}
