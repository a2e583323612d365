/* The call handler's quick entry (/staff/quick): one page for a live call,
 * keyboard only. A new call becomes an incident through the one intake
 * (INTAKE_CALL); a repeat caller's incident is found by the small search
 * on the same page, and their call is added to it (domain/call.c). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/arena.h"
#include "domain/asb_catalogue.h"
#include "domain/call.h"
#include "domain/incident.h"
#include "domain/intake.h"
#include "domain/intake_check.h"
#include "domain/person_match.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define QUICK_TEXT_MAX	200	/* characters of a one-line field */
#define QUICK_NOTE_MAX	CALL_NOTE_MAX

/* The four screening questions: the form's name, the template's section
 * prefix and the words. */
static const struct {
	const char *name, *section, *question;
} screening_q[] = {
	{ "s_repeat", "S_REPEAT", "Is this a repeat?" },
	{ "s_vulnerable", "S_VULNERABLE", "Is anyone vulnerable?" },
	{ "s_targeted", "S_TARGETED", "Is the caller targeted because of who they are?" },
	{ "s_at_risk", "S_AT_RISK", "Is anyone at risk of harm now?" },
};
#define NSCREENING	(sizeof(screening_q) / sizeof(screening_q[0]))

/* What was typed, to submit and to show again. */
struct quick_form {
	const char	*type, *postcode, *address, *when;
	const char	*caller_name, *caller_phone, *description, *log_number;
	const char	*incident;	/* a reference: a later call about it */
	int		 at_caller_address;
	int		 screening[NSCREENING];	/* 1 yes, 0 no, -1 not answered */
};

/* A reference as the quick page passes it about, or NULL. */
static const char *
reference_value(const char *v)
{
	if (v == NULL || strncmp(v, "ASB-", 4) != 0 || strlen(v) > 31 ||
	    strspn(v + 4, "0123456789-") != strlen(v + 4))
		return NULL;
	return v;
}

static int
yes_no(const char *v)
{
	if (v != NULL && strcmp(v, "yes") == 0)
		return 1;
	if (v != NULL && strcmp(v, "no") == 0)
		return 0;
	return -1;
}

/* Reads the form; lengths over the limits are errors here, the rest is
 * the intake's (or call_add's) to check. -1 when out of memory. */
static int
quick_form_read(struct req *r, struct quick_form *f, struct form_errors *errs)
{
	const struct {
		const char	**to, *name, *field, *too_long;
	} one_line[] = {
		{ &f->type, "type", INTAKE_F_TYPE,
		  "Type of behaviour must be 200 characters or fewer" },
		{ &f->postcode, "postcode", INTAKE_F_POSTCODE,
		  "Postcode must be 200 characters or fewer" },
		{ &f->address, "address", INTAKE_F_WHERE,
		  "Address or place must be 200 characters or fewer" },
		{ &f->when, "when", INTAKE_F_WHEN,
		  "When it happened must be 200 characters or fewer" },
		{ &f->caller_name, "caller_name", INTAKE_F_CALLER,
		  "Caller's name must be 200 characters or fewer" },
		{ &f->caller_phone, "caller_phone", INTAKE_F_CALLER_PHONE,
		  "Caller's phone number must be 200 characters or fewer" },
		{ &f->log_number, "log_number", INTAKE_F_LOG_NUMBER,
		  "Log number must be 200 characters or fewer" },
	};
	size_t i;

	for (i = 0; i < sizeof(one_line) / sizeof(one_line[0]); i++)
		if ((*one_line[i].to = form_long_text(r, one_line[i].name, QUICK_TEXT_MAX,
		    errs, one_line[i].field, NULL, one_line[i].too_long)) == NULL)
			return -1;
	if ((f->description = form_long_text(r, "description", QUICK_NOTE_MAX, errs,
	    INTAKE_F_DESCRIPTION, NULL, "What happened must be 2,000 characters "
	    "or fewer")) == NULL)
		return -1;
	f->at_caller_address = req_form(r, "at_caller_address") != NULL &&
	    strcmp(req_form(r, "at_caller_address"), "1") == 0;
	for (i = 0; i < NSCREENING; i++)
		f->screening[i] = yes_no(req_form(r, screening_q[i].name));
	f->incident = reference_value(req_form(r, "incident"));
	return 0;
}

/* The type's code from what was typed: a code or a name, any case. What
 * matches nothing goes to the intake as typed, which says so. */
static const char *
type_resolve(struct req *r, const char *typed)
{
	struct asb_type_item *t;
	size_t n, i;

	if (*typed == '\0' || asb_types_list(r->pg, r->arena, &t, &n) == -1)
		return typed;
	for (i = 0; i < n; i++)
		if (strcasecmp(typed, t[i].code) == 0 || strcasecmp(typed, t[i].name) == 0)
			return t[i].code;
	return typed;
}

static struct intake_screening
screening_of(const struct quick_form *f)
{
	struct intake_screening s = {
		f->screening[0], f->screening[1], f->screening[2], f->screening[3],
	};

	return s;
}

static const char *const when_words = "Enter when it happened as a time, like 14:05, "
    "or a date and time, like 27/03/2026 14:05, or leave it blank for now";

/* The intake's words for an error, or this page's where the intake's
 * speak of what the page does not have (a map) or of another format. */
static const char *
page_words(const struct intake_error *e, int when_ok)
{
	if (strcmp(e->field, INTAKE_F_WHEN) == 0 && !when_ok)
		return when_words;
	if (strcmp(e->field, INTAKE_F_WHERE) == 0 &&
	    strcmp(e->message, intake_field_missing(INTAKE_F_WHERE)) == 0)
		return "Enter a postcode or an address or place, or tick \"At the "
		    "caller's address\"";
	return e->message;
}

/* The intake's field names, as the inputs of this page are named: a
 * person's fields belong to the caller. */
static const char *
field_id(const char *field)
{
	if (strncmp(field, "person-1-", 9) == 0) {
		field += 9;
		return strcmp(field, "phone") == 0 ? INTAKE_F_CALLER_PHONE :
		    strcmp(field, "postcode") == 0 ? INTAKE_F_POSTCODE :
		    strcmp(field, "address") == 0 ? INTAKE_F_WHERE : INTAKE_F_CALLER;
	}
	if (strcmp(field, INTAKE_F_PEOPLE) == 0)
		return INTAKE_F_CALLER;
	return field;
}

/* Adds the intake's error unless the field already has one (the caller's
 * name and the person's name are one input here). */
static void
error_once(struct form_errors *errs, const char *field, const char *message)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, field) == 0)
			return;
	form_error(errs, field, message);
}

/* The inputs of the form, in the order they appear. */
static const char *const form_order[] = {
	INTAKE_F_TYPE, INTAKE_F_WHERE, INTAKE_F_POSTCODE, INTAKE_F_WHEN, INTAKE_F_CALLER,
	INTAKE_F_CALLER_PHONE, INTAKE_F_DESCRIPTION, INTAKE_F_LOG_NUMBER,
	INTAKE_F_SCREENING,
};
#define NFORM_ORDER	(sizeof(form_order) / sizeof(form_order[0]))

static size_t
form_position(const char *field)
{
	size_t i;

	for (i = 0; i < NFORM_ORDER && strcmp(form_order[i], field) != 0; i++)
		;
	return i;
}

/* The errors in the order of the form, as the summary lists them and the
 * first gets the focus (the intake has its own order); a stable sort. */
static void
errors_in_form_order(struct form_errors *errs)
{
	const char *field, *message;
	size_t i, j;

	for (i = 1; i < errs->n; i++) {
		field = errs->e[i].field;
		message = errs->e[i].message;
		for (j = i; j > 0 && form_position(errs->e[j - 1].field) >
		    form_position(field); j--)
			errs->e[j] = errs->e[j - 1];
		errs->e[j].field = field;
		errs->e[j].message = message;
	}
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

static const char *const missing_words = "There is no incident with that "
    "reference that you can see. Search again.";
static const char *const closed_words = "That incident is closed. Take the call "
    "as a new incident.";


/* Field by field: the value typed, whether the force requires it (the
 * label says "(optional)" otherwise) and autofocus on the first field in
 * error, else on the first field of the form. */
static int
form_dict(struct req *r, struct view_dict *d, const struct quick_form *f,
    const struct form_errors *errs)
{
	static const struct {
		const char *key, *field;
	} optional[] = {
		{ "OPT_TYPE", INTAKE_F_TYPE }, { "OPT_WHEN", INTAKE_F_WHEN },
		{ "OPT_CALLER", INTAKE_F_CALLER },
		{ "OPT_CALLER_PHONE", INTAKE_F_CALLER_PHONE },
		{ "OPT_DESCRIPTION", INTAKE_F_DESCRIPTION },
		{ "OPT_LOG_NUMBER", INTAKE_F_LOG_NUMBER },
		{ "OPT_SCREENING", INTAKE_F_SCREENING },
	};
	struct intake_rules rules;
	struct view_dict *s;
	const char *focus, *field;
	char key[40];
	size_t i;
	int where;

	if (view_set(d, "F_TYPE", f->type) == -1 ||
	    view_set(d, "F_POSTCODE", f->postcode) == -1 ||
	    view_set(d, "F_ADDRESS", f->address) == -1 ||
	    view_set(d, "F_WHEN", f->when) == -1 ||
	    view_set(d, "F_CALLER_NAME", f->caller_name) == -1 ||
	    view_set(d, "F_CALLER_PHONE", f->caller_phone) == -1 ||
	    view_set(d, "F_DESCRIPTION", f->description) == -1 ||
	    view_set(d, "F_LOG_NUMBER", f->log_number) == -1 ||
	    (f->at_caller_address && view_show(d, "AT_CALLER_ADDRESS") == -1))
		return -1;
	for (i = 0; i < NSCREENING; i++) {
		if (f->screening[i] < 0)
			continue;
		snprintf(key, sizeof(key), "%s_%s", screening_q[i].section,
		    f->screening[i] ? "YES" : "NO");
		if (view_show(d, key) == -1)
			return -1;
	}
	if (intake_rules_load(r->pg, r->arena, &r->actor, INTAKE_CALL, &rules) == -1)
		return -1;
	/* A later call needs only what the caller said (call_add); the
	 * force's list is for the call that makes the incident. */
	for (i = 0; i < sizeof(optional) / sizeof(optional[0]); i++) {
		field = optional[i].field;
		if ((f->incident != NULL ? strcmp(field, INTAKE_F_DESCRIPTION) != 0 :
		    !intake_mandatory(&rules, field)) && view_show(d, optional[i].key) == -1)
			return -1;
	}
	where = intake_mandatory(&rules, INTAKE_F_WHERE) ||
	    intake_mandatory(&rules, INTAKE_F_POSTCODE);
	if (!where && view_show(d, "OPT_WHERE") == -1)
		return -1;
	if (rules.log_number_example != NULL && *rules.log_number_example != '\0' &&
	    ((s = view_section(d, "LOG_EXAMPLE")) == NULL ||
	    view_set(s, "TEXT", rules.log_number_example) == -1))
		return -1;
	focus = errs->n > 0 ? errs->e[0].field : f->incident != NULL ?
	    INTAKE_F_CALLER : INTAKE_F_TYPE;
	for (i = 0; focus[i] != '\0' && i < sizeof(key) - 4; i++)
		key[3 + i] = focus[i] >= 'a' && focus[i] <= 'z' ? (char)(focus[i] - 32) :
		    focus[i] == '-' ? '_' : focus[i];
	memcpy(key, "AF_", 3);
	key[3 + i] = '\0';
	return view_show(d, key);
}

/* The ASB types for the type-ahead. */
static int
types_dict(struct req *r, struct view_dict *d)
{
	struct asb_type_item *t;
	struct view_dict *o;
	size_t n, i;

	if (asb_types_list(r->pg, r->arena, &t, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if ((o = view_section(d, "TYPE_OPTION")) == NULL ||
		    view_set(o, "NAME", t[i].name) == -1 ||
		    view_set(o, "CODE", t[i].code) == -1)
			return -1;
	return 0;
}

/* The repeat-caller search and its results. */
static int
find_dict(struct req *r, struct view_dict *d, const char *find)
{
	struct call_hit *hits;
	struct view_dict *s, *row, *due, *pre;
	char phone[PM_PHONE_MAX];
	size_t n, i;
	int by_phone;

	if (view_set(d, "FIND", find != NULL ? find : "") == -1)
		return -1;
	if (find == NULL || *find == '\0')
		return 0;
	if (strlen(find) > CALL_QUERY_MAX)
		return view_show(d, "FIND_TOO_LONG");
	if (strlen(find) < CALL_QUERY_MIN)
		return view_show(d, "FIND_TOO_SHORT");
	by_phone = pm_phone_normal(find, phone, sizeof(phone)) == 0;
	if (call_find(r->pg, r->arena, &r->actor, find, &hits, &n) == -1 ||
	    (s = view_section(d, "FOUND")) == NULL)
		return -1;
	if (view_set(s, "FOUND_WORDS", n == 0 ? "No open incidents found" :
	    n == 1 ? "1 open incident found" :
	    arena_printf(r->arena, "%zu open incidents found", n)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if ((row = view_section(s, "HIT")) == NULL ||
		    view_set(row, "REFERENCE", hits[i].reference) == -1 ||
		    view_set(row, "TYPE", hits[i].type) == -1 ||
		    view_set(row, "PLACE", *hits[i].place != '\0' ? hits[i].place :
		        "No place given") == -1 ||
		    view_set(row, "WHEN", hits[i].when) == -1 ||
		    view_set(row, "CALLER", *hits[i].caller != '\0' ? hits[i].caller :
		        "No caller recorded") == -1 ||
		    view_set(row, "FIND", find) == -1)
			return -1;
		if (by_phone && ((pre = view_section(row, "PREFILL")) == NULL ||
		    view_set(pre, "PHONE", find) == -1))
			return -1;
		if (*hits[i].assessment_due != '\0' &&
		    ((due = view_section(row, "DUE")) == NULL ||
		    view_set(due, "WHEN", hits[i].assessment_due) == -1))
			return -1;
	}
	return 0;
}

/* The incident a later call is about, above the shorter form: 0, 1 when
 * there is none the actor may see, 2 when it is closed, -1 on error. */
static int
bound_dict(struct req *r, struct view_dict *d, const char *reference)
{
	struct incident in;
	struct view_dict *s;

	if (incident_find(r->pg, r->arena, &r->actor, reference, &in) != INCIDENT_OK)
		return 1;
	if (strcmp(in.status, "closed") == 0)
		return 2;
	if ((s = view_section(d, "BOUND")) == NULL ||
	    view_set(s, "REFERENCE", in.reference) == -1 ||
	    view_set(s, "TYPE", in.type) == -1 ||
	    view_set(s, "PLACE", *in.address != '\0' || *in.postcode != '\0' ?
	        arena_printf(r->arena, "%s %s", in.address, in.postcode) :
	        "No place given") == -1 ||
	    view_set(s, "REPORTED", in.reported) == -1 ||
	    view_set(d, "INCIDENT", in.reference) == -1)
		return -1;
	return 0;
}

/* Renders the page: the success panel of the last call (done), the form
 * (new, or bound to an incident), the repeat-caller search. */
static void
quick_page(struct req *r, int status, const struct quick_form *f,
    const struct form_errors *errs, const char *find, const char *done, int added)
{
	struct view_dict *d = page_dict(r), *s;
	int rc = 0;

	if (d == NULL)
		return page_error(r, 500, NULL);
	if (done != NULL && ((s = view_section(d, "DONE")) == NULL ||
	    view_set(s, "REFERENCE", done) == -1 ||
	    view_show(s, added ? "ADDED" : "CREATED") == -1))
		goto fail;
	if (f->incident != NULL && (rc = bound_dict(r, d, f->incident)) == -1)
		goto fail;
	if (rc == 1 || rc == 2) {
		view_dict_free(d);
		return page_error(r, rc == 1 ? 404 : 409, rc == 1 ? missing_words :
		    closed_words);
	}
	if (f->incident == NULL && (view_show(d, "NEW") == -1 || types_dict(r, d) == -1))
		goto fail;
	if (form_dict(r, d, f, errs) == -1 || form_errors_dict(d, errs) == -1 ||
	    find_dict(r, d, find) == -1)
		goto fail;
	page_render(r, status, "quick.tpl", form_title(r, errs, f->incident != NULL ?
	    "Add a call to an incident" : "Take a call"), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 503, NULL);
}

/* GET /staff/quick[?done=REF[&call=1]][?incident=REF][?find=TEXT]: the
 * empty form focused for the next call, after the success panel of the
 * last one; or the shorter form of a later call about incident; and the
 * repeat-caller search's results. */
void
quick_get(struct req *r)
{
	struct quick_form f;
	struct form_errors errs = {0};
	const char *phone;
	size_t i;

	memset(&f, 0, sizeof(f));
	f.type = f.postcode = f.address = f.when = f.caller_name = f.caller_phone =
	    f.description = f.log_number = "";
	for (i = 0; i < NSCREENING; i++)
		f.screening[i] = -1;
	f.incident = reference_value(req_query(r, "incident"));
	/* "Add this call" after a search by phone number brings the number. */
	phone = req_query(r, "caller_phone");
	if (f.incident != NULL && phone != NULL && strlen(phone) <= QUICK_TEXT_MAX)
		f.caller_phone = phone;
	quick_page(r, 200, &f, &errs, req_query(r, "find"),
	    reference_value(req_query(r, "done")), req_query(r, "call") != NULL);
}

/* The due time of the risk assessment, for the next page's banner. */
static void
due_notice(struct req *r, time_t due)
{
	char when[48];

	if (due != 0 && call_time_words(due, when, sizeof(when)) == 0)
		page_notice(r, arena_printf(r->arena, "Awaiting risk assessment by %s",
		    when));
}

/* A later call about f->incident (call_add). */
static void
quick_call_post(struct req *r, struct quick_form *f, struct form_errors *errs)
{
	struct call_input in = {
		f->caller_name, f->caller_phone, f->description, f->log_number,
		screening_of(f),
	};
	struct call_result res;
	int status = 400;

	if (errs->n == 0 && *f->description == '\0')
		form_error(errs, INTAKE_F_DESCRIPTION, "Enter what the caller said");
	if (errs->n == 0) {
		switch (call_add(r->pg, r->arena, r->cfg, &r->actor, f->incident, &in, &res)) {
		case CALL_OK:
			due_notice(r, res.assessment_due);
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/quick?done=%s&call=1", f->incident));
		case CALL_NOT_FOUND:
			return page_error(r, 404, missing_words);
		case CALL_CLOSED:
			return page_error(r, 409, closed_words);
		case CALL_CONFLICT:
			status = 409;
			form_error(errs, INTAKE_F_DESCRIPTION, "Someone else changed the "
			    "incident at the same moment. Check the call and add it again");
			break;
		case CALL_INVALID:
			form_error(errs, res.field, res.why);
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	quick_page(r, status, f, errs, NULL, NULL, 0);
}

/* POST /staff/quick: a new incident through the intake (303 to the
 * success panel and a fresh form), or with `incident` a later call about
 * it; 400 with the form as typed and an error summary naming each field
 * to fix; nothing is saved then. */
void
quick_post(struct req *r)
{
	struct intake_submission sub;
	struct intake_person caller;
	struct intake_result *res;
	struct form_errors errs = {0};
	struct quick_form f;
	struct call_name nm;
	char date[CALL_WHEN_LEN], hhmm[CALL_WHEN_LEN];
	int when_ok;
	size_t i;

	if (quick_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	if (f.incident != NULL)
		return quick_call_post(r, &f, &errs);
	if (errs.n > 0)
		return quick_page(r, 400, &f, &errs, NULL, NULL, 0);
	if (call_name_split(r->arena, f.caller_name, &nm) == -1 ||
	    (res = arena_calloc(r->arena, 1, sizeof(*res))) == NULL)
		return page_error(r, 500, NULL);
	memset(&sub, 0, sizeof(sub));
	memset(&caller, 0, sizeof(caller));
	sub.channel = INTAKE_CALL;
	sub.report.type_code = type_resolve(r, f.type);
	sub.report.description = f.description;
	sub.report.address = f.address;
	sub.report.postcode = f.postcode;
	/* What the intake cannot read as a date says so in its error, which
	 * this page words for its own format. */
	when_ok = call_when_parse(f.when, time(NULL), date, hhmm) == 0;
	sub.occurred_date = when_ok ? date : f.when;
	sub.occurred_time = when_ok ? hhmm : NULL;
	sub.at_caller_address = f.at_caller_address;
	sub.log_number = *f.log_number != '\0' ? f.log_number : NULL;
	sub.screening = screening_of(&f);
	sub.call_note = f.description;
	if (*f.caller_name != '\0' || *f.caller_phone != '\0') {
		caller.role = FLAG_REPORTER;
		caller.given_name = nm.given;
		caller.family_name = nm.family;
		caller.phone = f.caller_phone;
		if (f.at_caller_address) {
			caller.address = f.address;
			caller.postcode = f.postcode;
		}
		caller.vulnerable = caller.contact_consent = caller.share_consent = -1;
		sub.people = &caller;
		sub.npeople = 1;
	}
	switch (intake_submit(r->pg, r->rd, r->cfg, &r->actor, &sub, res)) {
	case INTAKE_OK:
		due_notice(r, res->assessment_due);
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/quick?done=%s",
		    res->incident_reference));
	case INTAKE_INVALID:
		for (i = 0; i < res->nerrors; i++)
			error_once(&errs, field_id(res->errors[i].field),
			    page_words(&res->errors[i], when_ok));
		errors_in_form_order(&errs);
		return quick_page(r, 400, &f, &errs, NULL, NULL, 0);
	default:
		return page_error(r, 503, NULL);
	}
}
