/* Staff taking an ASB Case Review application by phone, on paper or in
 * person (/staff/case-review/new, case_review.manage): one page with
 * every question the public route asks one at a time, the channel and
 * the date it was received. It goes through case_review_apply, as the
 * public's does. */
#include <string.h>

#include "core/arena.h"
#include "domain/case_review.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/case_review_form.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

struct new_form {
	struct case_review_input	 in;
	const char			*day, *month, *year;
	const char			*on_behalf;	/* "yes", "no", "" */
};

static void
new_page(struct req *r, int status, const struct new_form *f, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r);

	if (d == NULL || form_errors_dict(d, errs) == -1 || cr_input_dict(d, &f->in) == -1 ||
	    form_date_parts_dict(d, "received", errs) == -1 ||
	    view_set(d, "DAY", f->day) == -1 || view_set(d, "MONTH", f->month) == -1 ||
	    view_set(d, "YEAR", f->year) == -1 ||
	    (*f->in.channel != '\0' && view_show(d, arena_printf(r->arena, "CHANNEL_%s",
	    strcmp(f->in.channel, "phone") == 0 ? "PHONE" : strcmp(f->in.channel, "paper") == 0 ?
	    "PAPER" : strcmp(f->in.channel, "in_person") == 0 ? "IN_PERSON" : "NONE")) == -1) ||
	    (strcmp(f->on_behalf, "yes") == 0 && view_show(d, "ON_BEHALF_YES") == -1) ||
	    (strcmp(f->on_behalf, "no") == 0 && view_show(d, "ON_BEHALF_NO") == -1)) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "case_review_new.tpl", form_title(r, errs,
	    "Record a Case Review application"), d);
}

/* GET /staff/case-review/new */
void
case_review_new_get(struct req *r)
{
	struct form_errors errs = {0};
	struct new_form f = { .in = { .channel = "", .received_on = "", .applicant_name = "",
	    .applicant_email = "", .applicant_phone = "", .applicant_address = "",
	    .applicant_postcode = "", .victim_name = "", .relationship = "", .behaviour = "",
	    .reported_to = "" }, .day = "", .month = "", .year = "", .on_behalf = "" };

	new_page(r, 200, &f, &errs);
}

static const char *
text(struct req *r, const char *name, size_t max)
{
	struct form_errors none = {0};
	const char *v = form_text(r, name, max * 4 + 4, &none, "", NULL, NULL);

	return v != NULL ? v : "";
}

static const char *
long_text(struct req *r, const char *name, size_t max)
{
	struct form_errors none = {0};
	const char *v = form_long_text(r, name, max * 4 + 4, &none, "", NULL, NULL);

	return v != NULL ? v : "";
}

/* Reads the form; the domain's one check says what is wrong with it. */
static void
new_read(struct req *r, struct new_form *f, struct form_errors *errs)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	const char *ch = text(r, "channel", 16), *on;

	/* The staff channels only: "online" is the public route's. */
	f->in.channel = strcmp(ch, "online") == 0 ? "" : ch;
	f->in.received_on = cr_date_read(r, "received", "date it was received", 1, errs,
	    &f->day, &f->month, &f->year);
	if (f->in.received_on == NULL)
		f->in.received_on = "";
	f->in.applicant_name = text(r, "applicant-name", CR_NAME_MAX);
	f->in.applicant_email = text(r, "applicant-email", CR_EMAIL_MAX);
	f->in.applicant_phone = text(r, "applicant-phone", CR_PHONE_MAX);
	f->in.applicant_address = long_text(r, "applicant-address", CR_ADDRESS_MAX);
	f->in.applicant_postcode = text(r, "applicant-postcode", CR_POSTCODE_MAX);
	on = text(r, "on-behalf", 4);
	f->on_behalf = strcmp(on, "yes") == 0 ? "yes" : strcmp(on, "no") == 0 ? "no" : "";
	f->in.on_behalf = strcmp(on, "yes") == 0;
	f->in.victim_name = text(r, "victim-name", CR_NAME_MAX);
	f->in.relationship = text(r, "relationship", CR_NAME_MAX);
	f->in.behaviour = long_text(r, "behaviour", CR_BEHAVIOUR_MAX);
	f->in.reported_to = long_text(r, "reported-to", CR_REPORTED_MAX);
	if (*f->on_behalf == '\0')
		form_error(errs, "on-behalf", "Select whether they are applying for someone else");
	cr_problems_errors(p, case_review_check(&f->in, p), errs);
}

/* POST /staff/case-review: 303 to the new application; 400 with the form
 * and what to fix. */
void
case_review_new_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_review_rules rules;
	struct new_form f;
	const char *ref;

	memset(&f, 0, sizeof(f));
	new_read(r, &f, &errs);
	if (errs.n > 0)
		return new_page(r, 400, &f, &errs);
	case_review_rules_of(r->cfg, &rules);
	switch (case_review_apply(r->pg, r->arena, &r->actor, &rules, &f.in, &ref)) {
	case CR_OK:
		page_flash(r, arena_printf(r->arena, "Application %s recorded", ref));
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/case-review/%s", ref));
	case CR_BAD:
		form_error(&errs, "channel", "Check the application's details");
		return new_page(r, 400, &f, &errs);
	default:
		return page_error(r, 503, NULL);
	}
}
