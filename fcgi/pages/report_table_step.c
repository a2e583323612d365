/* A step of the public form that is its table of fields and nothing
 * more (what happened, how urgent, how it affects them): shown from the
 * draft, read and checked by the table, kept, and on to the next step.
 * A step with checks of its own (when, where, about you) has its own file. */
#include <stddef.h>

#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

#define TABLE_STEP_FIELDS_MAX	8

/* The fields and the title for the person on the form: a partner reports
 * about others, and is asked in those words. */
static const struct step_field *
fields_for(struct req *r, const struct table_step *t)
{
	return report_partner_on(r) && t->partner_fields != NULL ? t->partner_fields :
	    t->fields;
}

static void
table_render(struct req *r, struct report_draft *d, const struct table_step *t,
    int status, const char *const *v, const struct form_errors *errs)
{
	int change = changing(r), partner = report_partner_on(r);
	struct view_dict *dict;
	struct qlist ql = {0};

	/* The Back link of the step after the questions goes to the last. */
	if (t->step == STEP_DESCRIPTION && questions_of(r, d, &ql, 0) == -1)
		return draft_unavailable(r);
	dict = step_dict(r, step_before(r, d, t->step, 0, &ql, change), change, errs);
	if (dict == NULL || step_fields_dict(dict, t->fields, t->n, v) == -1 ||
	    (t->max != 0 && view_set_int(dict, "MAXLEN", (long)t->max) == -1)) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, t->template, form_title(r, errs,
	    partner && t->partner_title != NULL ? t->partner_title : t->title), dict);
}

/* The draft, for a table the page can hold: 1, or 0 when the response
 * is made. */
static int
table_enter(struct req *r, const struct table_step *t, struct report_draft *d)
{
	if (t->n > TABLE_STEP_FIELDS_MAX) {
		page_error(r, 500, NULL);
		return 0;
	}
	return draft_enter(r, d, 1);
}

/* GET of the step */
void
table_step_get(struct req *r, const struct table_step *t)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[TABLE_STEP_FIELDS_MAX];

	if (!table_enter(r, t, &d))
		return;
	step_fields_saved(&d, t->fields, t->n, v);
	table_render(r, &d, t, 200, v, &errs);
	draft_free(&d);
}

/* POST of the step */
void
table_step_post(struct req *r, const struct table_step *t)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[TABLE_STEP_FIELDS_MAX];

	if (!table_enter(r, t, &d))
		return;
	if (step_fields_read(r, fields_for(r, t), t->n, &errs, v) == -1)
		goto unavailable;
	if (errs.n > 0) {
		table_render(r, &d, t, 400, v, &errs);
		goto out;
	}
	if (step_fields_save(&d, t->fields, t->n, v) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, t->step, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
