/* The "What happened?" step of the public form: the report's description,
 * in the reporter's own words, for every type. */
#include <stddef.h>

#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

/* Characters, as the character count shows them; the intake's own limit
 * (INTAKE_DESCRIPTION_MAX bytes) is higher. */
#define DESCRIPTION_MAX		2000

static const struct step_field description_fields[] = {
	{ "description", DK_DESCRIPTION, "DESCRIPTION", SF_TEXT, DESCRIPTION_MAX,
	    "Enter what happened",
	    "What happened must be 2000 characters or fewer" },
};
#define DF__N	(sizeof(description_fields) / sizeof(description_fields[0]))

static void
description_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct qlist ql;
	struct view_dict *dict;

	if (questions_of(r, d, &ql, 0) == -1)
		return draft_unavailable(r);
	dict = step_dict(r, step_before(r, d, STEP_DESCRIPTION, 0, &ql, change),
	    change, errs);
	if (dict == NULL || step_fields_dict(dict, description_fields, DF__N, v) == -1 ||
	    view_set_int(dict, "MAXLEN", DESCRIPTION_MAX) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_description.tpl",
	    form_title(r, errs, "What happened?"), dict);
}

/* GET /report/description */
void
report_description_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[DF__N];

	if (!draft_enter(r, &d, 1))
		return;
	step_fields_saved(&d, description_fields, DF__N, v);
	description_render(r, &d, 200, v, &errs);
	draft_free(&d);
}

/* POST /report/description */
void
report_description_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[DF__N];

	if (!draft_enter(r, &d, 1))
		return;
	if (step_fields_read(r, description_fields, DF__N, &errs, v) == -1)
		goto unavailable;
	if (errs.n > 0) {
		description_render(r, &d, 400, v, &errs);
		goto out;
	}
	if (step_fields_save(&d, description_fields, DF__N, v) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_DESCRIPTION, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
