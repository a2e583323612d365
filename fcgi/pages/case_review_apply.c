/* The public ASB Case Review application (/case-review), one question a
 * page as the reporting form asks them: who is applying, your details,
 * the victim's when for someone else, what has been happening, who you
 * reported it to and when, check your answers, then the confirmation with
 * the reference. No account: the answers wait in Redis under a cookie of
 * their own (as the report's draft, through domain/report_draft_store.h)
 * and go to case_review_apply, which staff channels call too. Each step
 * is held to that function's one check, for its own fields. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "auth/csrf.h"
#include "core/random.h"
#include "domain/case_review.h"
#include "domain/report_draft_store.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/case_review_form.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define CR_DRAFT_COOKIE		"concord_crdraft"
#define CR_DRAFT_PREFIX		"concord:crdraft:"
#define CR_DRAFT_SECONDS	86400

enum cr_kind { CK_TEXT, CK_EMAIL, CK_TEL, CK_AREA, CK_WHO };

/* One input of a step: its name (the form's, the input's id, the
 * draft's key and the check's field), how it is asked, its limit in
 * characters. */
struct cr_field {
	const char	*name;
	enum cr_kind	 kind;
	const char	*label, *hint, *autocomplete, *width;
	size_t		 max;
};

struct cr_step {
	const char		*path;	/* /case-review/apply/<path> */
	const char		*title;	/* the page's heading */
	const char		*lead;	/* a paragraph under it, or NULL */
	const struct cr_field	*fields;
	size_t			 n;
};

static const struct cr_field who_fields[] = {
	{ "on-behalf", CK_WHO, "Who is applying?", NULL, NULL, NULL, 4 },
};
static const struct cr_field you_fields[] = {
	{ "applicant-name", CK_TEXT, "Full name", NULL, "name", NULL, CR_NAME_MAX },
	{ "applicant-email", CK_EMAIL, "Email address", "We will send the reference and "
	  "what happens next here", "email", NULL, CR_EMAIL_MAX },
	{ "applicant-phone", CK_TEL, "Phone number", NULL, "tel",
	  "govuk-input--width-20", CR_PHONE_MAX },
	{ "applicant-address", CK_AREA, "Address", "If you would like letters by post",
	  NULL, NULL, CR_ADDRESS_MAX },
	{ "applicant-postcode", CK_TEXT, "Postcode", NULL, "postal-code",
	  "govuk-input--width-10", CR_POSTCODE_MAX },
};
static const struct cr_field victim_fields[] = {
	{ "victim-name", CK_TEXT, "Their full name", NULL, NULL, NULL, CR_NAME_MAX },
	{ "relationship", CK_TEXT, "How do you know them? (optional)", "For example, "
	  "your mother, your neighbour, the person you care for, their councillor", NULL,
	  NULL, CR_NAME_MAX },
};
static const struct cr_field behaviour_fields[] = {
	{ "behaviour", CK_AREA, "What has been happening?", "What the behaviour is, how long "
	  "it has gone on, how often it happens and how it affects you or them", NULL, NULL,
	  CR_BEHAVIOUR_MAX },
};
static const struct cr_field reported_fields[] = {
	{ "reported-to", CK_AREA, "Who have you reported it to, and when?", "For example, "
	  "the police in January and the council in March, with any reference numbers "
	  "you were given. If you have not reported it, say so", NULL, NULL,
	  CR_REPORTED_MAX },
};

#define STEP(p, t, l, f)	{ p, t, l, f, sizeof(f) / sizeof(f[0]) }
enum { S_WHO, S_YOU, S_VICTIM, S_BEHAVIOUR, S_REPORTED, S_N };
static const struct cr_step steps[S_N] = {
	STEP("who", "Who is applying?", NULL, who_fields),
	STEP("you", "Your details", "Give at least one way to contact you: an email "
	    "address, a phone number or an address.", you_fields),
	STEP("victim", "The person you are applying for", "Apply for someone else only "
	    "with their agreement.", victim_fields),
	STEP("behaviour", "What has been happening?", NULL, behaviour_fields),
	STEP("reported", "Who have you reported it to, and when?", NULL, reported_fields),
};

/* ---- The draft ---- */

struct cr_draft {
	char			 key[96];
	struct json_object	*doc;
};

static int
token_key(const char *token, char key[96])
{
	return draft_store_key(token, CR_DRAFT_PREFIX, key, 96);
}

/* This browser's answers: 1 loaded, 0 none (or expired), -1 Redis failed. */
static int
draft_open(struct req *r, struct cr_draft *d)
{
	const char *token = req_app_cookie(r, CR_DRAFT_COOKIE);

	memset(d, 0, sizeof(*d));
	if (token == NULL || token_key(token, d->key) == -1)
		return 0;
	return draft_store_load(r->rd, d->key, &d->doc);
}

/* A new, empty one, with its cookie. 0 or -1. */
static int
draft_start(struct req *r, struct cr_draft *d)
{
	char token[65];

	memset(d, 0, sizeof(*d));
	if (random_hex(token, 32) == -1 || token_key(token, d->key) == -1 ||
	    (d->doc = json_object_new_object()) == NULL)
		return -1;
	return resp_cookie(r, CR_DRAFT_COOKIE, token, CR_DRAFT_SECONDS);
}

static int
draft_keep(struct req *r, struct cr_draft *d)
{
	const char *s = json_object_to_json_string_ext(d->doc, JSON_C_TO_STRING_PLAIN);

	return s == NULL ? -1 : draft_store_save(r->rd, d->key, s, CR_DRAFT_SECONDS);
}

static void
draft_close(struct cr_draft *d)
{
	if (d->doc != NULL)
		json_object_put(d->doc);
	d->doc = NULL;
}

/* An answer as kept; "" when there is none. */
static const char *
answer(const struct cr_draft *d, const char *name)
{
	struct json_object *v;

	if (d->doc == NULL || !json_object_object_get_ex(d->doc, name, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

static int
on_behalf(const struct cr_draft *d)
{
	return strcmp(answer(d, "on-behalf"), "yes") == 0;
}

/* The application the answers make. */
static void
draft_input(const struct cr_draft *d, struct case_review_input *in)
{
	memset(in, 0, sizeof(*in));
	in->channel = "online";
	in->received_on = "";
	in->applicant_name = answer(d, "applicant-name");
	in->applicant_email = answer(d, "applicant-email");
	in->applicant_phone = answer(d, "applicant-phone");
	in->applicant_address = answer(d, "applicant-address");
	in->applicant_postcode = answer(d, "applicant-postcode");
	in->on_behalf = on_behalf(d);
	in->victim_name = answer(d, "victim-name");
	in->relationship = answer(d, "relationship");
	in->behaviour = answer(d, "behaviour");
	in->reported_to = answer(d, "reported-to");
}

/* ---- Where each step goes ---- */

static int
step_of(const char *path)
{
	int i;

	for (i = 0; path != NULL && i < S_N; i++)
		if (strcmp(steps[i].path, path) == 0)
			return i;
	return -1;
}

/* The step after (or before, dir -1) step i, skipping the victim's when
 * they apply for themselves; S_N after the last. */
static int
step_next(const struct cr_draft *d, int i, int dir)
{
	i += dir;
	if (i == S_VICTIM && !on_behalf(d))
		i += dir;
	return i;
}

static const char *
step_href(struct req *r, int i)
{
	if (i < 0)
		return "/case-review";
	if (i >= S_N)
		return "/case-review/check";
	return arena_printf(r->arena, "/case-review/apply/%s", steps[i].path);
}

/* The first step not answered yet, for a check page reached too early:
 * S_N when every required answer is there. */
static int
first_missing(const struct cr_draft *d)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in;
	size_t n, k, j;
	int i;

	if (*answer(d, "on-behalf") == '\0')
		return S_WHO;
	draft_input(d, &in);
	n = case_review_check(&in, p);
	for (i = S_YOU; i < S_N; i++)
		for (k = 0; k < n; k++)
			for (j = 0; j < steps[i].n; j++)
				if (strcmp(p[k].field, steps[i].fields[j].name) == 0)
					return i;
	return S_N;
}

/* ---- The pages ---- */

/* A page's dictionary with the CSRF token, which a visitor without a
 * session gets from its own cookie (auth/csrf.h), as on the report form. */
static struct view_dict *
apply_dict(struct req *r)
{
	struct view_dict *d = page_dict(r);

	if (d != NULL && view_set_global(d, "CSRF", csrf_token(r)) == -1) {
		view_dict_free(d);
		return NULL;
	}
	return d;
}

static int
field_dict(struct req *r, struct view_dict *d, const struct cr_field *f, const char *value,
    const struct form_errors *errs, int alone)
{
	static const char *const kinds[] = { "TEXT", "TEXT", "TEXT", "AREA", "WHO" };
	static const char *const types[] = { "text", "email", "tel", "text", "" };
	struct view_dict *s, *k;
	const char *msg = form_error_of(errs, f->name);

	if ((s = view_section(d, "FIELD")) == NULL ||
	    (k = view_section(s, kinds[f->kind])) == NULL ||
	    view_set(k, "NAME", f->name) == -1 || view_set(k, "LABEL", f->label) == -1 ||
	    view_set(k, "VALUE", value) == -1 || view_set(k, "TYPE", types[f->kind]) == -1 ||
	    view_set(k, "WIDTH", f->width != NULL ? f->width : "") == -1 ||
	    view_show(k, alone ? "ALONE" : "WITH_OTHERS") == -1)
		return -1;
	if (f->autocomplete != NULL && view_set(view_section(k, "AUTOCOMPLETE"), "AC",
	    f->autocomplete) == -1)
		return -1;
	if (f->kind == CK_EMAIL && view_show(k, "NO_SPELLCHECK") == -1)
		return -1;
	if (f->hint != NULL && view_set(view_section(k, "HINT"), "TEXT", f->hint) == -1)
		return -1;
	/* The hint and the message, as the input's description. */
	if ((f->hint != NULL || msg != NULL) && view_set(view_section(k, "DESCRIBED"), "IDS",
	    arena_printf(r->arena, "%s%s%s%s%s", f->hint != NULL ? f->name : "",
	    f->hint != NULL ? "-hint" : "", f->hint != NULL && msg != NULL ? " " : "",
	    msg != NULL ? f->name : "", msg != NULL ? "-error" : "")) == -1)
		return -1;
	if (msg != NULL && (view_set(view_section(k, "ERROR"), "MESSAGE", msg) == -1 ||
	    view_show(k, "IN_ERROR") == -1))
		return -1;
	if (f->kind == CK_WHO && ((strcmp(value, "no") == 0 && view_show(k, "MYSELF") == -1) ||
	    (strcmp(value, "yes") == 0 && view_show(k, "SOMEONE_ELSE") == -1)))
		return -1;
	return 0;
}

/* A step's page with its values (as kept, or as typed) and problems. */
static void
step_page(struct req *r, int status, const struct cr_draft *d, int i, const char **values,
    const struct form_errors *errs, int change)
{
	const struct cr_step *s = &steps[i];
	struct view_dict *v = apply_dict(r);
	size_t j;

	if (v == NULL || form_errors_dict(v, errs) == -1 ||
	    view_set(v, "BACK", change ? "/case-review/check" : step_href(r,
	    step_next(d, i, -1))) == -1 ||
	    view_set(v, "ACTION", arena_printf(r->arena, "/case-review/apply/%s%s", s->path,
	    change ? "?change=1" : "")) == -1 ||
	    (s->n > 1 && view_set(view_section(v, "HEADING"), "TITLE", s->title) == -1) ||
	    (s->lead != NULL && view_set(view_section(v, "LEAD"), "TEXT", s->lead) == -1))
		goto fail;
	for (j = 0; j < s->n; j++)
		if (field_dict(r, v, &s->fields[j], values[j], errs, s->n == 1) == -1)
			goto fail;
	page_render(r, status, "case_review_apply.tpl", form_title(r, errs, s->title), v);
	return;
fail:
	if (v != NULL)
		view_dict_free(v);
	page_error(r, 500, NULL);
}

/* GET /case-review: what the Case Review is, and the start button. */
void
case_review_apply_start_get(struct req *r)
{
	struct view_dict *d = page_dict(r);

	if (d == NULL)
		return page_error(r, 500, NULL);
	page_render(r, 200, "case_review_apply_start.tpl", "Apply for an ASB Case Review", d);
}

static int
changing_step(struct req *r)
{
	const char *c = req_query(r, "change");

	return c != NULL && strcmp(c, "1") == 0;
}

/* GET /case-review/apply/{step} */
void
case_review_apply_step_get(struct req *r)
{
	struct form_errors errs = {0};
	const char *values[8];
	struct cr_draft d;
	int i = step_of(cr_path_last(r)), rc;
	size_t j;

	if (i < 0)
		return page_error(r, 404, NULL);
	if ((rc = draft_open(r, &d)) == -1)
		return page_error(r, 503, NULL);
	/* Nothing kept yet: the questions start at the first. */
	if (rc == 0 && i != S_WHO)
		return resp_redirect(r, 303, step_href(r, S_WHO));
	if (i == S_VICTIM && !on_behalf(&d)) {
		draft_close(&d);
		return resp_redirect(r, 303, step_href(r, S_BEHAVIOUR));
	}
	for (j = 0; j < steps[i].n; j++)
		values[j] = answer(&d, steps[i].fields[j].name);
	step_page(r, 200, &d, i, values, &errs, changing_step(r));
	draft_close(&d);
}

/* This step's problems by the one check of the whole application: only
 * those of its own fields count here. */
static void
step_check(const struct cr_draft *d, int i, struct form_errors *errs)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in;
	size_t n, k, j;

	draft_input(d, &in);
	n = case_review_check(&in, p);
	for (j = 0; j < steps[i].n; j++)
		for (k = 0; k < n; k++)
			if (strcmp(p[k].field, steps[i].fields[j].name) == 0 &&
			    form_error_of(errs, p[k].field) == NULL)
				form_error(errs, p[k].field, p[k].message);
}

/* POST /case-review/apply/{step}: keeps the answers and goes on (or back
 * to the check page when changing one); 400 with the step and what to
 * fix. */
void
case_review_apply_step_post(struct req *r)
{
	struct form_errors errs = {0}, none = {0};
	const char *values[8];
	struct cr_draft d;
	int i = step_of(cr_path_last(r)), rc, change = changing_step(r);
	size_t j;

	if (i < 0)
		return page_error(r, 404, NULL);
	if ((rc = draft_open(r, &d)) == -1)
		return page_error(r, 503, NULL);
	if (rc == 0 && (i != S_WHO || draft_start(r, &d) == -1))
		return i != S_WHO ? resp_redirect(r, 303, step_href(r, S_WHO)) :
		    page_error(r, 500, NULL);
	/* A new application after one was sent starts from nothing. */
	if (*answer(&d, "result") != '\0') {
		json_object_put(d.doc);
		if ((d.doc = json_object_new_object()) == NULL)
			return page_error(r, 500, NULL);
	}
	for (j = 0; j < steps[i].n; j++) {
		const struct cr_field *f = &steps[i].fields[j];

		values[j] = f->kind == CK_AREA ?
		    form_long_text(r, f->name, f->max, &errs, f->name, NULL, arena_printf(
		    r->arena, "%s must be %zu characters or fewer", f->label, f->max)) :
		    form_text(r, f->name, f->max * 4, &none, f->name, NULL, NULL);
		if (values[j] == NULL)
			goto oom;
		if (f->kind == CK_WHO && strcmp(values[j], "yes") != 0 &&
		    strcmp(values[j], "no") != 0) {
			form_error(&errs, f->name, "Select who is applying");
			values[j] = "";
		}
		if (json_object_object_add(d.doc, f->name, json_object_new_string(values[j])) != 0)
			goto oom;
	}
	if (i != S_WHO)
		step_check(&d, i, &errs);
	if (errs.n > 0) {
		step_page(r, 400, &d, i, values, &errs, change);
		draft_close(&d);
		return;
	}
	if (draft_keep(r, &d) == -1) {
		draft_close(&d);
		return page_error(r, 503, NULL);
	}
	/* A change of who is applying may ask the victim's step next. */
	i = change && !(i == S_WHO && on_behalf(&d) && *answer(&d, "victim-name") == '\0') ?
	    S_N : step_next(&d, i, 1);
	draft_close(&d);
	resp_redirect(r, 303, step_href(r, i));
	return;
oom:
	draft_close(&d);
	page_error(r, 500, NULL);
}

/* The check page's rows: each answer and the step that changes it. */
static int
check_dict(struct req *r, struct view_dict *v, const struct cr_draft *d)
{
	struct view_dict *s;
	int i;
	size_t j;

	for (i = 0; i < S_N; i++) {
		if (i == S_VICTIM && !on_behalf(d))
			continue;
		for (j = 0; j < steps[i].n; j++) {
			const struct cr_field *f = &steps[i].fields[j];
			const char *val = answer(d, f->name);

			if (f->kind == CK_WHO)
				val = strcmp(val, "yes") == 0 ? "Someone else, with their "
				    "agreement" : "Myself";
			if ((s = view_section(v, "ROW")) == NULL ||
			    view_set(s, "KEY", f->kind == CK_WHO ? "Who is applying" :
			    f->label) == -1 ||
			    view_set(s, "NAME", f->name) == -1 ||
			    text_paragraphs_dict(r->arena, s, "P", *val != '\0' ? val :
			    "Not given") == -1 ||
			    view_set(s, "HREF", arena_printf(r->arena,
			    "/case-review/apply/%s?change=1", steps[i].path)) == -1)
				return -1;
		}
	}
	return 0;
}

/* GET /case-review/check: every answer, each with a change link, and the
 * send button; an answer still missing sends the applicant to its step. */
void
case_review_apply_check_get(struct req *r)
{
	struct view_dict *v;
	struct cr_draft d;
	int rc, miss;

	if ((rc = draft_open(r, &d)) == -1)
		return page_error(r, 503, NULL);
	if (rc == 0)
		return resp_redirect(r, 303, step_href(r, S_WHO));
	if ((miss = first_missing(&d)) < S_N) {
		draft_close(&d);
		return resp_redirect(r, 303, step_href(r, miss));
	}
	if ((v = apply_dict(r)) == NULL || check_dict(r, v, &d) == -1) {
		if (v != NULL)
			view_dict_free(v);
		draft_close(&d);
		return page_error(r, 500, NULL);
	}
	draft_close(&d);
	page_render(r, 200, "case_review_apply_check.tpl", "Check your answers", v);
}

/* POST /case-review/submit: the application, through case_review_apply;
 * 303 to the confirmation. Sent twice (a double click, the back button),
 * the second finds the first's reference and makes no second one. */
void
case_review_apply_submit_post(struct req *r)
{
	struct case_review_rules rules;
	struct case_review_input in;
	struct cr_draft d;
	const char *ref;
	int rc;

	if ((rc = draft_open(r, &d)) == -1)
		return page_error(r, 503, NULL);
	if (rc == 0)
		return resp_redirect(r, 303, step_href(r, S_WHO));
	if (*answer(&d, "result") != '\0') {
		draft_close(&d);
		return resp_redirect(r, 303, "/case-review/done");
	}
	if (first_missing(&d) < S_N) {
		draft_close(&d);
		return resp_redirect(r, 303, "/case-review/check");
	}
	draft_input(&d, &in);
	case_review_rules_of(r->cfg, &rules);
	switch (case_review_apply(r->pg, r->arena, &r->actor, &rules, &in, &ref)) {
	case CR_OK:
		break;
	case CR_NOT_SET_UP:
		draft_close(&d);
		return page_error(r, 503, "Online applications cannot be taken at the moment. "
		    "Your answers are kept: try again later, or contact the council or the "
		    "police to apply by phone.");
	case CR_BAD:
		draft_close(&d);
		return resp_redirect(r, 303, "/case-review/check");
	default:
		draft_close(&d);
		return page_error(r, 503, "Your application could not be sent. Your answers "
		    "are kept: try again in a few minutes.");
	}
	/* Only the reference is kept now: the answers are in the register. */
	json_object_put(d.doc);
	if ((d.doc = json_object_new_object()) == NULL ||
	    json_object_object_add(d.doc, "result", json_object_new_string(ref)) != 0 ||
	    draft_keep(r, &d) == -1) {
		draft_close(&d);
		/* Sent, but the confirmation cannot be shown from the draft. */
		return page_error(r, 503, arena_printf(r->arena, "Your application was sent. "
		    "Its reference is %s: keep it.", ref));
	}
	draft_close(&d);
	resp_redirect(r, 303, "/case-review/done");
}

/* GET /case-review/done: the confirmation and the reference. */
void
case_review_apply_done_get(struct req *r)
{
	struct view_dict *v;
	struct cr_draft d;
	int rc;

	if ((rc = draft_open(r, &d)) == -1)
		return page_error(r, 503, NULL);
	if (rc == 0 || *answer(&d, "result") == '\0') {
		draft_close(&d);
		return resp_redirect(r, 303, "/case-review");
	}
	if ((v = page_dict(r)) == NULL || view_set(v, "REFERENCE", answer(&d, "result")) == -1) {
		if (v != NULL)
			view_dict_free(v);
		draft_close(&d);
		return page_error(r, 500, NULL);
	}
	draft_close(&d);
	page_render(r, 200, "case_review_apply_done.tpl", "Application sent", v);
}
