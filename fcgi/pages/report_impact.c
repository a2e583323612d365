/* The "How is this affecting you?" step of the public form: one text and
 * one yes/no question, both in impact_fields. The triage facts are asked
 * once, on their own step (report_triage.c). */
#include <stddef.h>

#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

#define IMPACT_MAX		2000

enum { IM_IMPACT, IM_UNSAFE, IM__N };

static const struct step_field impact_fields[IM__N] = {
	[IM_IMPACT] = { "impact", DK_IMPACT, "IMPACT", SF_TEXT, IMPACT_MAX,
	    "Tell us how this is affecting you",
	    "How this is affecting you must be 2000 characters or fewer" },
	[IM_UNSAFE] = { "feels-unsafe", DK_FEELS_UNSAFE, "UNSAFE", SF_YES_NO, 0,
	    "Select yes if you feel unsafe in your home", NULL },
};

/* A partner reports about someone else: the same fields, in their words. */
static const struct step_field partner_impact_fields[IM__N] = {
	[IM_IMPACT] = { "impact", DK_IMPACT, "IMPACT", SF_TEXT, IMPACT_MAX,
	    "Tell us how this is affecting the people involved",
	    "How this is affecting the people involved must be 2000 characters or fewer" },
	[IM_UNSAFE] = { "feels-unsafe", DK_FEELS_UNSAFE, "UNSAFE", SF_YES_NO, 0,
	    "Select yes if the people affected feel unsafe in their home", NULL },
};

static void
impact_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_IMPACT, 0, NULL, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, impact_fields, IM__N, v) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_impact.tpl", form_title(r, errs,
	    report_partner_on(r) ? "How is this affecting the people involved?" :
	    "How is this affecting you?"), dict);
}

/* GET /report/impact */
void
report_impact_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[IM__N];

	if (!draft_enter(r, &d, 1))
		return;
	step_fields_saved(&d, impact_fields, IM__N, v);
	impact_render(r, &d, 200, v, &errs);
	draft_free(&d);
}

/* POST /report/impact */
void
report_impact_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[IM__N];

	if (!draft_enter(r, &d, 1))
		return;
	if (step_fields_read(r, report_partner_on(r) ? partner_impact_fields :
	    impact_fields, IM__N, &errs, v) == -1)
		goto unavailable;
	if (errs.n > 0) {
		impact_render(r, &d, 400, v, &errs);
		goto out;
	}
	if (step_fields_save(&d, impact_fields, IM__N, v) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_IMPACT, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
