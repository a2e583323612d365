/* One ASB Case Review application (/staff/case-review/{ref},
 * case_review.manage): its details, the links to a victim and a
 * monitored case, the threshold decision, the milestones with their due
 * dates and "mark done", and the review held. Each form posts to its own
 * path under the application and carries the application's version: a
 * form sent after someone else changed it gets the page again with 409
 * and what it is now. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/london.h"
#include "domain/case_review.h"
#include "domain/case_review_count.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/case_review_form.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* What a form sent, shown again after a problem. */
struct typed {
	const char	*met, *complaints, *reasons;		/* the decision */
	const char	*kind, *note;				/* a milestone */
	const char	*day, *month, *year, *invited, *recs, *outcome;	/* the review */
	const char	*person, *case_ref;			/* the links */
};

static const char *
yes_no_word(int v)
{
	return v < 0 ? "Not recorded" : v ? "Yes" : "No";
}

static int
details_dict(struct req *r, struct view_dict *d, const struct case_review_application *x)
{
	const char *st = case_review_status_words(x->status);

	if (view_set(d, "REFERENCE", x->reference) == -1 ||
	    view_set(d, "STATUS", st != NULL ? st : x->status) == -1 ||
	    view_set(d, "CHANNEL", case_review_channel_words(x->channel)) == -1 ||
	    view_set(d, "RECEIVED", x->received_words) == -1 ||
	    view_set(d, "RECEIVED_BY", *x->received_by != '\0' ? x->received_by :
	    "Online (no member of staff)") == -1 ||
	    view_set(d, "AGENCY", x->agency) == -1 ||
	    view_set(d, "TEAM", *x->team != '\0' ? x->team : "None") == -1 ||
	    view_set(d, "NAME", x->applicant_name) == -1 ||
	    view_set(d, "EMAIL", x->applicant_email) == -1 ||
	    view_set(d, "PHONE", x->applicant_phone) == -1 ||
	    view_set(d, "ADDRESS", x->applicant_address) == -1 ||
	    view_set(d, "POSTCODE", x->applicant_postcode) == -1 ||
	    text_paragraphs_dict(r->arena, d, "BEHAVIOUR_P", x->behaviour) == -1 ||
	    text_paragraphs_dict(r->arena, d, "REPORTED_P", *x->reported_to != '\0' ?
	    x->reported_to : "Not given") == -1 ||
	    view_set_int(d, "VERSION", (long)x->version) == -1)
		return -1;
	if (x->on_behalf && (view_set(view_section(d, "ON_BEHALF"), "VICTIM",
	    arena_printf(r->arena, "%s%s%s", x->victim_name, *x->relationship != '\0' ?
	    " — " : "", x->relationship)) == -1))
		return -1;
	if (x->victim_person_id > 0) {
		struct view_dict *s = view_section(d, "PERSON");

		if (s == NULL || view_set_int(s, "ID", (long)x->victim_person_id) == -1 ||
		    view_set(s, "NAME", x->victim_person_name) == -1)
			return -1;
	} else if (view_show(d, "NO_PERSON") == -1)
		return -1;
	if (*x->case_reference != '\0') {
		if (view_set(view_section(d, "CASE"), "CASE_REF", x->case_reference) == -1)
			return -1;
	} else if (view_show(d, "NO_CASE") == -1)
		return -1;
	return 0;
}

/* A London day in words, or "" when it cannot be told. */
static const char *
day_words(struct req *r, time_t when)
{
	struct date day;
	char w[DATE_WORDS_MAX];

	if (london_date(when, &day) == -1 || date_words(w, &day) == NULL)
		return "";
	return arena_strdup(r->arena, w);
}

/* The linked victim's qualifying complaints up to the application, by the
 * one rule (domain/case_review_count.h), for the decider to confirm: the
 * count, whether and how the threshold is met, and each complaint with
 * why it counted or not. *count is the number, or -1 with no victim
 * linked (or when it could not be counted: the page says so). */
static int
count_dict(struct req *r, struct view_dict *d, const struct case_review_application *x,
    int *count)
{
	struct case_review_count c;
	struct view_dict *s, *row;
	size_t i;

	*count = -1;
	if (x->victim_person_id <= 0)
		return view_show(d, "NO_COUNT");
	if (case_review_count(r->pg, r->arena, r->cfg, &r->actor, x->victim_person_id,
	    x->received_at, &c) == -1)
		return view_show(d, "COUNT_FAILED");
	*count = c.r.count;
	if ((s = view_section(d, "COUNTED")) == NULL ||
	    view_set(s, "VICTIM", x->victim_person_name) == -1 ||
	    view_set_int(s, "COUNT", c.r.count) == -1 ||
	    view_set(s, "WINDOW", case_review_window_words(r)) == -1 ||
	    view_set(s, "MET", c.r.met != CR_MET_NO ? arena_printf(r->arena,
	    "The threshold is met: %s.", cr_met_text(c.r.met)) :
	    "The threshold is not met by the count.") == -1)
		return -1;
	for (i = 0; i < c.ncomplaints; i++) {
		const struct case_review_complaint *k = &c.complaints[i];

		if ((row = view_section(s, "COMPLAINT")) == NULL ||
		    view_set(row, "REFERENCE", *k->reference != '\0' ? k->reference :
		    "A complaint to another agency") == -1 ||
		    view_set(row, "AGENCY", k->agency) == -1 ||
		    view_set(row, "MADE", day_words(r, k->complained_at)) == -1 ||
		    view_set(row, "WHY", k->why_text) == -1)
			return -1;
	}
	if (c.ncomplaints == 0 && view_show(s, "NONE") == -1)
		return -1;
	return 0;
}

static int
decision_dict(struct req *r, struct view_dict *d, const struct case_review_application *x,
    const struct typed *t)
{
	struct view_dict *s;
	int counted;

	if (x->decided) {
		if ((s = view_section(d, "DECIDED")) == NULL ||
		    view_set(s, "RESULT", x->threshold_met ? "Threshold met" :
		    "Threshold not met") == -1 ||
		    view_set(s, "COMPLAINTS", x->complaints >= 0 ? arena_printf(r->arena, "%d",
		    x->complaints) : "Not recorded") == -1 ||
		    text_paragraphs_dict(r->arena, s, "REASONS_P", x->decision_reasons) == -1 ||
		    view_set(s, "WHEN", x->decided_words) == -1)
			return -1;
		return 0;
	}
	if ((s = view_section(d, "DECIDE")) == NULL || count_dict(r, s, x, &counted) == -1 ||
	    view_set(s, "COMPLAINTS_VALUE", *t->complaints == '\0' && counted >= 0 ?
	    arena_printf(r->arena, "%d", counted) : t->complaints) == -1 ||
	    view_set(s, "REASONS_VALUE", t->reasons) == -1 ||
	    (strcmp(t->met, "yes") == 0 && view_show(s, "MET_YES") == -1) ||
	    (strcmp(t->met, "no") == 0 && view_show(s, "MET_NO") == -1))
		return -1;
	return 0;
}

static int
milestones_dict(struct req *r, struct view_dict *d, const struct case_review_application *x,
    const struct typed *t, const struct form_errors *errs)
{
	struct view_dict *s, *f;
	const char *msg;
	size_t i;

	for (i = 0; i < x->nm; i++) {
		const struct case_review_milestone *m = &x->m[i];

		if ((s = view_section(d, "MILESTONE")) == NULL ||
		    view_set(s, "KIND", m->kind) == -1 || view_set(s, "LABEL", m->label) == -1 ||
		    view_set(s, "DUE", m->due_words) == -1 ||
		    view_set(s, "DUE_ON", m->due_on) == -1)
			return -1;
		if (m->done) {
			if ((f = view_section(s, "DONE")) == NULL ||
			    view_set(f, "WHEN", m->done_words) == -1 ||
			    view_set(f, "NOTE", m->note) == -1 ||
			    (*m->note != '\0' && view_show(f, "HAS_NOTE") == -1))
				return -1;
			continue;
		}
		if (view_show(s, m->overdue ? "OVERDUE" : "OPEN") == -1)
			return -1;
		/* The decision and the review are recorded by their own forms. */
		if (strcmp(m->kind, "decide") == 0 || strcmp(m->kind, "review") == 0) {
			if (view_show(s, "BY_ITS_FORM") == -1)
				return -1;
			continue;
		}
		if ((f = view_section(s, "MARK")) == NULL ||
		    view_set(f, "NOTE_VALUE", t->kind != NULL && strcmp(t->kind, m->kind) == 0 ?
		    t->note : "") == -1)
			return -1;
		if ((msg = form_error_of(errs, arena_printf(r->arena, "note-%s", m->kind))) != NULL &&
		    view_set(view_section(f, "NOTE_ERROR"), "MESSAGE", msg) == -1)
			return -1;
	}
	return 0;
}

static int
review_dict(struct req *r, struct view_dict *d, const struct case_review_application *x,
    const struct typed *t)
{
	struct view_dict *s;

	if (x->review_held) {
		if ((s = view_section(d, "HELD")) == NULL ||
		    view_set(s, "WHEN", x->review_held_words) == -1 ||
		    view_set(s, "INVITED", yes_no_word(x->victim_invited)) == -1 ||
		    view_set(s, "RECS", yes_no_word(x->recommendations)) == -1 ||
		    text_paragraphs_dict(r->arena, s, "OUTCOME_P", x->outcome) == -1)
			return -1;
		return 0;
	}
	if (strcmp(x->status, "threshold_met") != 0)
		return 0;
	if ((s = view_section(d, "REVIEW")) == NULL ||
	    view_set(s, "DAY", t->day) == -1 || view_set(s, "MONTH", t->month) == -1 ||
	    view_set(s, "YEAR", t->year) == -1 ||
	    view_set(s, "OUTCOME_VALUE", t->outcome) == -1 ||
	    (strcmp(t->invited, "yes") == 0 && view_show(s, "INVITED_YES") == -1) ||
	    (strcmp(t->invited, "no") == 0 && view_show(s, "INVITED_NO") == -1) ||
	    (strcmp(t->recs, "yes") == 0 && view_show(s, "RECS_YES") == -1) ||
	    (strcmp(t->recs, "no") == 0 && view_show(s, "RECS_NO") == -1))
		return -1;
	return 0;
}

/* The page, with what a form sent and what is wrong with it. */
static void
app_page(struct req *r, int status, const struct case_review_application *x,
    const struct typed *t, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r);

	if (d == NULL || form_errors_dict(d, errs) == -1 ||
	    form_date_parts_dict(d, "held", errs) == -1 ||
	    details_dict(r, d, x) == -1 || decision_dict(r, d, x, t) == -1 ||
	    milestones_dict(r, d, x, t, errs) == -1 || review_dict(r, d, x, t) == -1 ||
	    view_set(d, "PERSON_VALUE", t->person != NULL ? t->person :
	    x->victim_person_id > 0 ? arena_printf(r->arena, "%lld", x->victim_person_id) :
	    "") == -1 ||
	    view_set(d, "CASE_VALUE", t->case_ref != NULL ? t->case_ref :
	    x->case_reference) == -1) {
		if (d != NULL)
			view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "case_review_view.tpl", form_title(r, errs,
	    arena_printf(r->arena, "Case Review application %s", x->reference)), d);
}

static const struct typed blank_typed = {
	.met = "", .complaints = "", .reasons = "", .kind = NULL, .note = "",
	.day = "", .month = "", .year = "", .invited = "", .recs = "", .outcome = "",
	.person = NULL, .case_ref = NULL,
};

/* The application of the path's {ref}: 0, or -1 after the 404 or 503. */
static int
app_load(struct req *r, struct case_review_application *x)
{
	switch (case_review_view(r->pg, r->arena, &r->actor, req_param(r, "ref"), x)) {
	case CR_OK:
		return 0;
	case CR_NOT_FOUND:
		page_error(r, 404, NULL);
		return -1;
	default:
		page_error(r, 503, NULL);
		return -1;
	}
}

/* GET /staff/case-review/{ref} */
void
case_review_view_get(struct req *r)
{
	struct form_errors errs = {0};
	struct case_review_application x;

	if (app_load(r, &x) == -1)
		return;
	app_page(r, 200, &x, &blank_typed, &errs);
}

/* ---- The forms ---- */

static const char *
field_text(struct req *r, const char *name, size_t max)
{
	struct form_errors none = {0};
	const char *v = form_text(r, name, max, &none, "", NULL, NULL);

	return v != NULL ? v : "";
}

/* The form's version, or -1 when it has none. */
static long long
version_of(struct req *r)
{
	const char *v = req_form(r, "version");
	char *end;
	long long n;

	if (v == NULL || *v == '\0')
		return -1;
	n = strtoll(v, &end, 10);
	return *end == '\0' && n > 0 ? n : -1;
}

/* After a change: 303 to the page with a banner; or the page again with
 * the problem (400), what it is now (409), or the error page. */
static void
after_change(struct req *r, enum cr_result rc, const char *done, const char *field,
    const char *bad, struct typed *t, struct form_errors *errs)
{
	struct case_review_application x;
	const char *ref = req_param(r, "ref");
	int status = 400;

	switch (rc) {
	case CR_OK:
		page_flash(r, done);
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/case-review/%s", ref));
	case CR_NOT_FOUND:
		return page_error(r, 404, NULL);
	case CR_CONFLICT:
		status = 409;
		form_error(errs, field, "This application was changed by someone else since "
		    "you opened it. It is shown as it is now: check it, then try again");
		break;
	case CR_WRONG_STATE:
		status = 409;
		form_error(errs, field, "This step has already been recorded, or the "
		    "application is not at that step. It is shown as it is now");
		break;
	case CR_BAD:
		form_error(errs, field, bad);
		break;
	case CR_ERROR:
		return page_error(r, 503, NULL);
	default:
		break;
	}
	if (app_load(r, &x) == -1)
		return;
	app_page(r, status, &x, t, errs);
}

/* Shows the form again (400) with its problems, before anything changed. */
static void
form_again(struct req *r, const struct typed *t, const struct form_errors *errs)
{
	struct case_review_application x;

	if (app_load(r, &x) == -1)
		return;
	app_page(r, 400, &x, t, errs);
}

/* POST /staff/case-review/{ref}/decision (met, complaints, reasons,
 * version). */
void
case_review_decision_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_review_rules rules;
	struct typed t = blank_typed;
	long long version = version_of(r);
	char *end;
	long n = -1;

	t.met = field_text(r, "met", 4);
	t.complaints = field_text(r, "complaints", 8);
	t.reasons = form_long_text(r, "reasons", CR_REASONS_MAX, &errs, "reasons",
	    "Enter the reasons for the decision", "Reasons must be 10,000 characters "
	    "or fewer");
	if (t.reasons == NULL)
		return page_error(r, 500, NULL);
	if (strcmp(t.met, "yes") != 0 && strcmp(t.met, "no") != 0)
		form_error(&errs, "met", "Select whether the threshold is met");
	if (*t.complaints != '\0')
		n = strtol(t.complaints, &end, 10);
	if (*t.complaints == '\0' || *end != '\0' || n < 0 || n > 1000)
		form_error(&errs, "complaints", "Enter the number of qualifying complaints, "
		    "a whole number like 3");
	if (version < 0)
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (errs.n > 0)
		return form_again(r, &t, &errs);
	case_review_rules_of(r->cfg, &rules);
	after_change(r, case_review_decide(r->pg, r->arena, &r->actor, &rules,
	    req_param(r, "ref"), version, strcmp(t.met, "yes") == 0, (int)n, t.reasons),
	    strcmp(t.met, "yes") == 0 ? "Decision recorded: the threshold is met. The "
	    "review is now due" : "Decision recorded: the threshold is not met",
	    "met", "Check the decision", &t, &errs);
}

/* POST /staff/case-review/{ref}/milestones/{kind} (note, version) */
void
case_review_milestone_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_review_rules rules;
	struct typed t = blank_typed;
	long long version = version_of(r);
	const char *kind = cr_path_last(r);
	const char *field = arena_printf(r->arena, "note-%s", kind != NULL ? kind : "");

	t.kind = kind;
	t.note = form_long_text(r, "note", CR_NOTE_MAX, &errs, field, NULL,
	    "The note must be 2,000 characters or fewer");
	if (t.note == NULL || field == NULL)
		return page_error(r, 500, NULL);
	if (version < 0)
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (errs.n > 0)
		return form_again(r, &t, &errs);
	case_review_rules_of(r->cfg, &rules);
	after_change(r, case_review_milestone_done(r->pg, r->arena, &r->actor, &rules,
	    req_param(r, "ref"), version, kind, t.note), "Milestone marked done", field,
	    "That is not a milestone of this application", &t, &errs);
}

/* POST /staff/case-review/{ref}/review (held-day/-month/-year, invited,
 * recommendations, outcome, version) */
void
case_review_review_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_review_rules rules;
	struct typed t = blank_typed;
	long long version = version_of(r);
	const char *held;

	held = cr_date_read(r, "held", "date the review was held", 0, &errs, &t.day,
	    &t.month, &t.year);
	t.invited = field_text(r, "invited", 4);
	t.recs = field_text(r, "recommendations", 4);
	t.outcome = form_long_text(r, "outcome", CR_REASONS_MAX, &errs, "outcome",
	    "Enter the review's outcome", "The outcome must be 10,000 characters or fewer");
	if (t.outcome == NULL)
		return page_error(r, 500, NULL);
	if (strcmp(t.invited, "yes") != 0 && strcmp(t.invited, "no") != 0)
		form_error(&errs, "invited", "Select whether the victim was invited");
	if (strcmp(t.recs, "yes") != 0 && strcmp(t.recs, "no") != 0)
		form_error(&errs, "recommendations", "Select whether the review made "
		    "recommendations");
	if (version < 0)
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (errs.n > 0 || held == NULL)
		return form_again(r, &t, &errs);
	case_review_rules_of(r->cfg, &rules);
	after_change(r, case_review_review_held(r->pg, r->arena, &r->actor, &rules,
	    req_param(r, "ref"), version, held, strcmp(t.invited, "yes") == 0,
	    strcmp(t.recs, "yes") == 0, t.outcome), "Review recorded", "held-day",
	    "Check the review's details", &t, &errs);
}

/* POST /staff/case-review/{ref}/link (person, case, version) */
void
case_review_link_post(struct req *r)
{
	struct form_errors errs = {0};
	struct typed t = blank_typed;
	long long version = version_of(r), person = 0;
	char *end = NULL;

	t.person = field_text(r, "person", 20);
	t.case_ref = field_text(r, "case", 40);
	if (*t.person != '\0')
		person = strtoll(t.person, &end, 10);
	if (*t.person != '\0' && (*end != '\0' || person <= 0))
		form_error(&errs, "person", "Enter the person's number, like 1234, from their "
		    "page's address");
	if (version < 0)
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (errs.n > 0)
		return form_again(r, &t, &errs);
	after_change(r, case_review_link(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    version, person, t.case_ref), "Links saved", "person",
	    "There is no such person or case that you may see: check the number and "
	    "the reference", &t, &errs);
}
