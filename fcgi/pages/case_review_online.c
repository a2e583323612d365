/* The public online ASB Case Review application at /case-review (README
 * "Applying online"): a start page that explains it, then one question a
 * page, like /report and on its draft storage and step helpers
 * (pages/report_draft.h, pages/report_flow.h): who is applying, your
 * details, the victim's (when for someone else), what has been happening,
 * who you told and when. Each step's answers are held to the one check
 * every channel's application is (case_review_check), the problems with
 * this step's fields shown on it. Check your answers, the send and the
 * confirmation are pages/case_review_send.c. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/case_review.h"
#include "http/request.h"
#include "pages/case_review_online.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

#define ANY	((size_t)-1)	/* no length here: case_review_check says */
#define CR_STEP_FIELDS_MAX	5

const char *const cr_agencies[] = { "police", "council", "housing", "other", NULL };
static const char *const agency_words[] = {
	"The police", "The council", "A housing association or landlord", "Someone else",
};

const char *
cr_agency_words(const char *code)
{
	size_t i;

	for (i = 0; cr_agencies[i] != NULL; i++)
		if (strcmp(code, cr_agencies[i]) == 0)
			return agency_words[i];
	return code;
}

/* ------------------------------------------------------------------ */
/* The steps                                                           */

static const struct step_field who_f[] = {
	{ "on-behalf", DK_FOR_SOMEONE_ELSE, "ON_BEHALF", SF_YES_NO, 0,
	    "Select whether you are applying for yourself or for someone else", NULL },
};
static const struct step_field you_f[] = {
	{ "applicant-name", DK_APPLICANT_NAME, "APPLICANT_NAME", SF_TEXT, ANY, NULL, NULL },
	{ "applicant-email", DK_EMAIL, "APPLICANT_EMAIL", SF_TEXT, ANY, NULL, NULL },
	{ "applicant-phone", DK_PHONE, "APPLICANT_PHONE", SF_TEXT, ANY, NULL, NULL },
	{ "applicant-address", DK_POSTAL_ADDRESS, "APPLICANT_ADDRESS", SF_LONG_TEXT, ANY,
	    NULL, NULL },
	{ "applicant-postcode", DK_POSTCODE, "APPLICANT_POSTCODE", SF_TEXT, ANY, NULL, NULL },
};
static const struct step_field victim_f[] = {
	{ "victim-name", DK_OTHER_NAME, "VICTIM_NAME", SF_TEXT, ANY, NULL, NULL },
	{ "relationship", DK_OTHER_RELATION, "RELATIONSHIP", SF_TEXT, ANY, NULL, NULL },
};
static const struct step_field behaviour_f[] = {
	{ "behaviour", DK_DESCRIPTION, "BEHAVIOUR", SF_LONG_TEXT, ANY, NULL, NULL },
};
/* The agencies ticked are kept apart (DK_REPORTED_AGENCIES). */
static const struct step_field reported_f[] = {
	{ "reported-when", DK_REPORTED_WHEN, "REPORTED_WHEN", SF_TEXT, ANY, NULL, NULL },
	{ "reported-to", DK_REPORTED_TO, "REPORTED_TO", SF_LONG_TEXT, ANY, NULL, NULL },
};

static const struct cr_page {
	const char		*path, *tpl, *title;
	const struct step_field	*f;
	size_t			 n, maxlen;
} pages[] = {
	[CS_WHO] = { "/case-review/who", "case_review_who.tpl",
	    "Are you applying for yourself or for someone else?", who_f, 1, 0 },
	[CS_YOU] = { "/case-review/your-details", "case_review_you.tpl",
	    "Your details", you_f, 5, 0 },
	[CS_VICTIM] = { "/case-review/victim", "case_review_victim.tpl",
	    "The person you are applying for", victim_f, 2, 0 },
	[CS_BEHAVIOUR] = { "/case-review/behaviour", "case_review_behaviour.tpl",
	    "What has been happening?", behaviour_f, 1, CR_BEHAVIOUR_MAX },
	[CS_REPORTED] = { "/case-review/reported", "case_review_reported.tpl",
	    "Who have you reported it to?", reported_f, 2, 1500 },
	[CS_CHECK] = { "/case-review/check", NULL, NULL, NULL, 0, 0 },
};

const char *
cr_step_path(enum cr_step s)
{
	return pages[s].path;
}

/* The step's page in change mode: back to check your answers after it. */
const char *
cr_change_path(enum cr_step s)
{
	static const char *const change[] = {
		[CS_WHO] = "/case-review/who?change=1",
		[CS_YOU] = "/case-review/your-details?change=1",
		[CS_VICTIM] = "/case-review/victim?change=1",
		[CS_BEHAVIOUR] = "/case-review/behaviour?change=1",
		[CS_REPORTED] = "/case-review/reported?change=1",
		[CS_CHECK] = "/case-review/check",
	};

	return change[s];
}

static int
on_behalf(const struct report_draft *d)
{
	return strcmp(draft_get(d, DK_FOR_SOMEONE_ELSE), "yes") == 0;
}

static const char *
back_of(const struct report_draft *d, enum cr_step s, int change)
{
	if (change)
		return pages[CS_CHECK].path;
	switch (s) {
	case CS_WHO:
		return "/case-review";
	case CS_BEHAVIOUR:
		return pages[on_behalf(d) ? CS_VICTIM : CS_YOU].path;
	default:
		return pages[s - 1].path;
	}
}

/* After a change the check page, unless the change asks a new question
 * (applying for someone else now, and their name not given). */
static const char *
next_of(const struct report_draft *d, enum cr_step s, int change)
{
	if (change)
		return s == CS_WHO && on_behalf(d) && *draft_get(d, DK_OTHER_NAME) == '\0' ?
		    cr_change_path(CS_VICTIM) : pages[CS_CHECK].path;
	if (s == CS_YOU)
		return pages[on_behalf(d) ? CS_VICTIM : CS_BEHAVIOUR].path;
	return pages[s + 1].path;
}

/* ------------------------------------------------------------------ */
/* The draft                                                           */

void
cr_unavailable(struct req *r)
{
	page_error(r, 503, "Sorry, we cannot take applications at the moment. Please "
	    "try again later. If you are in danger now, call 999.");
}

void
cr_lost(struct req *r)
{
	page_notice(r, "Your application was not saved because you did not continue "
	    "it for 24 hours, or your browser did not keep it. Please start again.");
	resp_redirect(r, 303, "/case-review");
}

int
cr_enter(struct req *r, struct report_draft *d)
{
	switch (draft_load_in(r, d, CR_DRAFT_COOKIE)) {
	case DRAFT_ERROR:
		cr_unavailable(r);
		return 0;
	case DRAFT_NONE:
		cr_lost(r);
		return 0;
	default:
		break;
	}
	if (draft_value(d, DK_RESULT) != NULL) {
		draft_free(d);
		resp_redirect(r, 303, "/case-review/done");
		return 0;
	}
	return 1;
}

/* Who they told and when, as one text (the application's reported_to):
 * "Told: The police, The council. When: since March. <more>". */
static const char *
reported_words(struct req *r, const struct report_draft *d)
{
	const char *codes = draft_get(d, DK_REPORTED_AGENCIES), *s = "", *sep = "";
	const char *when = draft_get(d, DK_REPORTED_WHEN), *more = draft_get(d, DK_REPORTED_TO);
	size_t i;

	for (i = 0; s != NULL && cr_agencies[i] != NULL; i++)
		if (strstr(codes, cr_agencies[i]) != NULL) {
			s = arena_printf(r->arena, "%s%s%s", s, sep, agency_words[i]);
			sep = ", ";
		}
	if (s != NULL && *s != '\0')
		s = arena_printf(r->arena, "Told: %s.", s);
	if (s != NULL && *when != '\0')
		s = arena_printf(r->arena, "%s%sWhen: %s.", s, *s ? " " : "", when);
	if (s != NULL && *more != '\0')
		s = arena_printf(r->arena, "%s%s%s", s, *s ? "\n" : "", more);
	return s;
}

int
cr_input_of(struct req *r, const struct report_draft *d, struct case_review_input *in)
{
	memset(in, 0, sizeof(*in));
	in->channel = "online";
	in->received_on = "";
	in->applicant_name = draft_get(d, DK_APPLICANT_NAME);
	in->applicant_email = draft_get(d, DK_EMAIL);
	in->applicant_phone = draft_get(d, DK_PHONE);
	in->applicant_address = draft_get(d, DK_POSTAL_ADDRESS);
	in->applicant_postcode = draft_get(d, DK_POSTCODE);
	in->on_behalf = on_behalf(d);
	in->victim_name = draft_get(d, DK_OTHER_NAME);
	in->relationship = draft_get(d, DK_OTHER_RELATION);
	in->behaviour = draft_get(d, DK_DESCRIPTION);
	in->reported_to = reported_words(r, d);
	return in->reported_to != NULL ? 0 : -1;
}

/* The step whose page asks `field`. */
static enum cr_step
step_of(const char *field)
{
	size_t s, i;

	for (s = 0; s < CS_CHECK; s++)
		for (i = 0; i < pages[s].n; i++)
			if (strcmp(pages[s].f[i].name, field) == 0)
				return (enum cr_step)s;
	return CS_CHECK;
}

/* What case_review_check finds in the draft: n problems into p. -1 out
 * of memory. */
static int
draft_problems(struct req *r, const struct report_draft *d,
    struct case_review_problem p[CR_PROBLEMS_MAX], size_t *n)
{
	struct case_review_input in;

	if (cr_input_of(r, d, &in) == -1)
		return -1;
	*n = case_review_check(&in, p);
	return 0;
}

const char *
cr_missing(struct req *r, const struct report_draft *d)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	size_t n;

	if (*draft_get(d, DK_FOR_SOMEONE_ELSE) == '\0')
		return cr_change_path(CS_WHO);
	if (draft_problems(r, d, p, &n) == -1)
		return "";
	return n > 0 ? cr_change_path(step_of(p[0].field)) : NULL;
}

/* ------------------------------------------------------------------ */
/* The pages                                                           */

/* GET /case-review: what the Case Review is, and the start. */
void
case_review_start_get(struct req *r)
{
	struct view_dict *d = page_dict(r);
	struct case_review_rules rules;

	case_review_rules_of(r->cfg, &rules);
	if (d == NULL || view_set_int(d, "THRESHOLD", r->cfg->case_review_threshold) == -1 ||
	    view_set(d, "WINDOW", case_review_window_words(r)) == -1 ||
	    view_set_int(d, "ACKNOWLEDGE_DAYS", rules.acknowledge) == -1 ||
	    view_set_int(d, "DECIDE_DAYS", rules.decide) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "case_review_start.tpl", "Apply for an ASB Case Review", d);
}

static void
step_render(struct req *r, const struct report_draft *d, const struct cr_page *p,
    enum cr_step s, int status, const char *const *v, const char *agencies,
    const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r, back_of(d, s, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, p->f, p->n, v) == -1 ||
	    (p->maxlen != 0 && view_set_int(dict, "MAXLEN", (long)p->maxlen) == -1) ||
	    (s == CS_REPORTED &&
	    checked_list_dict(dict, "AGENCY", agencies, cr_agencies) == -1)) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, p->tpl, form_title(r, errs, p->title), dict);
}

/* The first step starts a draft when there is none (or the last was sent). */
static int
draft_start(struct req *r, struct report_draft *d)
{
	enum draft_rc rc = draft_load_in(r, d, CR_DRAFT_COOKIE);

	if (rc == DRAFT_ERROR)
		return -1;
	if (rc == DRAFT_OK && draft_value(d, DK_RESULT) == NULL)
		return 0;
	draft_free(d);
	if (draft_new_in(r, d, CR_DRAFT_COOKIE) == -1 ||
	    draft_save(r, d, REPORT_DRAFT_SECONDS) == -1) {
		draft_free(d);
		return -1;
	}
	return 0;
}

static void
step_get(struct req *r, enum cr_step s)
{
	const struct cr_page *p = &pages[s];
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[CR_STEP_FIELDS_MAX];

	if (s == CS_WHO && draft_start(r, &d) == -1)
		return cr_unavailable(r);
	if (s != CS_WHO && !cr_enter(r, &d))
		return;
	/* Only asked of someone applying for another. */
	if (s == CS_VICTIM && !on_behalf(&d)) {
		resp_redirect(r, 303, next_of(&d, CS_YOU, changing(r)));
		return draft_free(&d);
	}
	step_fields_saved(&d, p->f, p->n, v);
	step_render(r, &d, p, s, 200, v, draft_get(&d, DK_REPORTED_AGENCIES), &errs);
	draft_free(&d);
}

/* The check's words for staff taking an application, as the person
 * applying reads them. */
static const char *
public_words(const struct case_review_problem *p)
{
	if (strcmp(p->field, "applicant-name") == 0 &&
	    strcmp(p->message, "Enter the applicant's name") == 0)
		return "Enter your full name";
	return p->message;
}

/* The check's problems with this step's fields, after the step's own. */
static int
step_problems(struct req *r, const struct report_draft *d, enum cr_step s,
    struct form_errors *errs)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	size_t n, i, k;
	int seen;

	if (draft_problems(r, d, p, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (step_of(p[i].field) != s)
			continue;
		for (seen = 0, k = 0; k < errs->n; k++)
			seen |= strcmp(errs->e[k].field, p[i].field) == 0;
		if (!seen)
			form_error(errs, p[i].field, public_words(&p[i]));
	}
	return 0;
}

static void
step_post(struct req *r, enum cr_step s)
{
	const struct cr_page *p = &pages[s];
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[CR_STEP_FIELDS_MAX], *agencies = NULL, *trap = NULL;

	if (!cr_enter(r, &d))
		return;
	if (step_fields_read(r, p->f, p->n, &errs, v) == -1 ||
	    (s == CS_REPORTED &&
	    (agencies = checked_list(r, "reported-agency", cr_agencies)) == NULL) ||
	    (s == CS_YOU && (trap = field(r, "website")) == NULL))
		goto unavailable;
	/* Into the draft here, to the check with the other steps' answers;
	 * into Redis only when the check finds nothing. */
	if (step_fields_save(&d, p->f, p->n, v) == -1 ||
	    (agencies != NULL && draft_set(&d, DK_REPORTED_AGENCIES, agencies) == -1) ||
	    step_problems(r, &d, s, &errs) == -1)
		goto unavailable;
	if (errs.n > 0) {
		step_render(r, &d, p, s, 400, v, agencies, &errs);
		goto out;
	}
	/* The honeypot, hidden from people: the send pretends. */
	if (trap != NULL && *trap != '\0' && draft_set(&d, DK_TRAP, "1") == -1)
		goto unavailable;
	if (draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)
		goto unavailable;
	resp_redirect(r, 303, next_of(&d, s, changing(r)));
	goto out;
unavailable:
	cr_unavailable(r);
out:
	draft_free(&d);
}

void case_review_who_get(struct req *r) { step_get(r, CS_WHO); }
void case_review_who_post(struct req *r) { step_post(r, CS_WHO); }
void case_review_you_get(struct req *r) { step_get(r, CS_YOU); }
void case_review_you_post(struct req *r) { step_post(r, CS_YOU); }
void case_review_victim_get(struct req *r) { step_get(r, CS_VICTIM); }
void case_review_victim_post(struct req *r) { step_post(r, CS_VICTIM); }
void case_review_behaviour_get(struct req *r) { step_get(r, CS_BEHAVIOUR); }
void case_review_behaviour_post(struct req *r) { step_post(r, CS_BEHAVIOUR); }
void case_review_reported_get(struct req *r) { step_get(r, CS_REPORTED); }
void case_review_reported_post(struct req *r) { step_post(r, CS_REPORTED); }
