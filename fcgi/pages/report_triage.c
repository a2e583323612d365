/* The triage step of the public form: the four facts every report is
 * asked, whatever its type, so that each is asked once, in one place —
 * is it happening now (urgent), is anyone vulnerable, targeted because of
 * who they are, has it happened before. A type's own questions hold only
 * what is particular to it (sql/migrations/0039_report_form.sql). */
#include <stddef.h>

#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

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

static void
triage_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_TRIAGE, 0, NULL, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, triage_fields, TR__N, v) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_triage.tpl",
	    form_title(r, errs, "Help us decide how urgent this is"), dict);
}

/* GET /report/triage */
void
report_triage_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[TR__N];

	if (!draft_enter(r, &d, 1))
		return;
	step_fields_saved(&d, triage_fields, TR__N, v);
	triage_render(r, &d, 200, v, &errs);
	draft_free(&d);
}

/* POST /report/triage */
void
report_triage_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[TR__N];

	if (!draft_enter(r, &d, 1))
		return;
	if (step_fields_read(r, triage_fields, TR__N, &errs, v) == -1)
		goto unavailable;
	if (errs.n > 0) {
		triage_render(r, &d, 400, v, &errs);
		goto out;
	}
	if (step_fields_save(&d, triage_fields, TR__N, v) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_TRIAGE, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
