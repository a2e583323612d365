/* A police officer records an incident: /staff/incidents/new. One page
 * with every field (type, NSIR qualifier, description, when, where, log
 * number, officer in charge, the people, the risk assessment), which
 * works without JavaScript: "Find", "Add another person" and "Check for
 * similar incidents" are submit buttons that show the page again with
 * all that was typed. "Create" hands the lot to the one intake
 * (domain/intake.h), which checks everything and saves nothing when any
 * field is wrong; its errors come back here as the error summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/random.h"
#include "domain/asb_catalogue.h"
#include "domain/intake.h"
#include "domain/officer.h"
#include "domain/person_match.h"
#include "domain/point_check.h"
#include "domain/risk_record.h"
#include "domain/similar.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/map.h"
#include "pages/pages.h"
#include "pages/report_flow.h"
#include "view/view.h"

/* Person blocks shown at first; "Add another person" adds one more. */
#define PEOPLE_SHOWN	3

/* Indexed by enum flag_role. */
static const struct choice role_choices[] = {
	[FLAG_VICTIM] = { "victim", "Victim" },
	[FLAG_REPORTER] = { "reporter", "Reporter" },
	[FLAG_WITNESS] = { "witness", "Witness" },
	[FLAG_SUBJECT] = { "subject", "Subject (alleged perpetrator)" },
};
#define NROLES	NCHOICES(role_choices)

static const char *const risk_answers[] = { "yes", "no", "unknown", NULL };

/* A person block as typed, and the existing people its search found. */
struct person_form {
	const char		*role, *given, *family, *dob_day, *dob_month, *dob_year;
	const char		*phone, *email, *address, *postcode, *search, *existing;
	int			 vulnerable;
	struct pm_suggestion	*found;
	size_t			 nfound;
};

/* The whole form as typed. */
struct new_form {
	const char		*action;
	const char		*type, *nsir, *description, *day, *month, *year, *time;
	const char		*where, *postcode, *lon, *lat, *log_number, *officer;
	const char		*idem, *link;
	int			 risk_version;	/* 0: the current questionnaire */
	struct json_object	*risk;		/* {key: answer} as sent */
	size_t			 npeople;
	struct person_form	 people[INTAKE_PEOPLE_MAX];
};

/* ------------------------------------------------------------------ */
/* Reading the form                                                    */

/* A form field "person-N-name" (N from 1). */
static const char *
person_field(struct req *r, size_t n, const char *name)
{
	char key[64];

	snprintf(key, sizeof(key), "person-%zu-%s", n + 1, name);
	return field(r, key);
}

static int
person_used(const struct person_form *p)
{
	return *p->given != '\0' || *p->family != '\0' || *p->dob_day != '\0' ||
	    *p->dob_month != '\0' || *p->dob_year != '\0' || *p->phone != '\0' ||
	    *p->email != '\0' || *p->address != '\0' || *p->postcode != '\0' ||
	    *p->existing != '\0';
}

static void
person_read(struct req *r, size_t n, struct person_form *p)
{
	p->role = person_field(r, n, "role");
	p->given = person_field(r, n, "given-name");
	p->family = person_field(r, n, "family-name");
	p->dob_day = person_field(r, n, "dob");
	p->dob_month = person_field(r, n, "dob-month");
	p->dob_year = person_field(r, n, "dob-year");
	p->phone = person_field(r, n, "phone");
	p->email = person_field(r, n, "email");
	p->address = person_field(r, n, "address");
	p->postcode = person_field(r, n, "postcode");
	p->search = person_field(r, n, "search");
	p->existing = person_field(r, n, "existing");
	p->vulnerable = strcmp(person_field(r, n, "vulnerable"), "yes") == 0;
}

/* The risk answers sent as risk-KEY, with the questionnaire's version.
 * Only the keys are read here; the intake checks them against it. */
static int
risk_read(struct req *r, struct new_form *f)
{
	struct json_object *v;
	const char *ver = field(r, "risk_version");
	size_t i;

	f->risk_version = (int)strtol(ver, NULL, 10);
	if (f->risk_version < 0)
		f->risk_version = 0;
	if ((f->risk = json_object_new_object()) == NULL)
		return -1;
	for (i = 0; i < r->form.n; i++) {
		if (strncmp(r->form.v[i].key, "risk-", 5) != 0 ||
		    r->form.v[i].key[5] == '\0' || *r->form.v[i].val == '\0')
			continue;
		if ((v = json_object_new_string(r->form.v[i].val)) == NULL ||
		    json_object_object_add(f->risk, r->form.v[i].key + 5, v) == -1)
			return -1;
	}
	return 0;
}

/* A fresh idempotency key, or the one the form carries. NULL when out of
 * memory or the kernel gave no random bytes. */
static const char *
idem_key(struct req *r, const char *sent)
{
	char *key;
	size_t i;

	if (sent != NULL && strlen(sent) == 32) {
		for (i = 0; i < 32 && strchr("0123456789abcdef", sent[i]) != NULL; i++)
			;
		if (i == 32)
			return sent;
	}
	if ((key = arena_alloc(r->arena, 33)) == NULL || random_hex(key, 16) == -1)
		return NULL;
	return key;
}

/* Reads the whole form. 0, or -1 when out of memory. */
static int
new_form_read(struct req *r, struct new_form *f)
{
	long n;
	size_t i;

	f->action = field(r, "action");
	f->type = field(r, "type");
	f->nsir = field(r, "nsir");
	f->description = field(r, "description");
	f->day = field(r, "when");
	f->month = field(r, "when-month");
	f->year = field(r, "when-year");
	f->time = field(r, "when-time");
	f->where = field(r, "where");
	f->postcode = field(r, "postcode");
	f->lon = field(r, "lon");
	f->lat = field(r, "lat");
	f->log_number = field(r, "log_number");
	f->officer = field(r, "officer");
	f->link = field(r, "link");
	n = strtol(field(r, "people"), NULL, 10);
	f->npeople = n >= PEOPLE_SHOWN && n <= INTAKE_PEOPLE_MAX ? (size_t)n : PEOPLE_SHOWN;
	if (strcmp(f->action, "add-person") == 0 && f->npeople < INTAKE_PEOPLE_MAX)
		f->npeople++;
	for (i = 0; i < f->npeople; i++)
		person_read(r, i, &f->people[i]);
	if ((f->idem = idem_key(r, req_form(r, "idempotency_key"))) == NULL)
		return -1;
	return risk_read(r, f);
}

/* The empty form: the first person a victim, the officer the actor. */
static int
new_form_blank(struct req *r, struct new_form *f)
{
	size_t i;

	f->action = f->type = f->nsir = f->description = "";
	f->day = f->month = f->year = f->time = f->where = f->postcode = "";
	f->lon = f->lat = f->log_number = f->link = "";
	f->officer = arena_printf(r->arena, "%lld", r->actor.user_id);
	f->npeople = PEOPLE_SHOWN;
	for (i = 0; i < f->npeople; i++) {
		struct person_form *p = &f->people[i];

		p->role = i == 0 ? "victim" : "";
		p->given = p->family = p->dob_day = p->dob_month = p->dob_year = "";
		p->phone = p->email = p->address = p->postcode = "";
		p->search = p->existing = "";
	}
	f->idem = idem_key(r, NULL);
	return f->officer == NULL || f->idem == NULL ? -1 : 0;
}

/* Day, month and year as "YYYY-MM-DD" for the intake's date check, which
 * says what is wrong with it; NULL when nothing was typed. */
static const char *
date_text(struct req *r, const char *day, const char *month, const char *year)
{
	if (*day == '\0' && *month == '\0' && *year == '\0')
		return NULL;
	return arena_printf(r->arena, "%s-%s%s-%s%s", year, strlen(month) == 1 ? "0" : "",
	    month, strlen(day) == 1 ? "0" : "", day);
}

static int
role_parse(const char *v, enum flag_role *out)
{
	size_t i;

	for (i = 0; i < NROLES; i++)
		if (strcmp(v, role_choices[i].value) == 0) {
			*out = (enum flag_role)i;
			return 0;
		}
	return -1;
}

/* ------------------------------------------------------------------ */
/* The submission                                                      */

/* The people typed into the blocks in use; block[i] is the block the
 * i-th person came from (errors name "person-N-" by the person's place
 * in the submission, the page by its block). A block without a role is
 * an error on its role. */
static struct intake_person *
people_make(struct req *r, const struct new_form *f, size_t *n, size_t block[],
    struct form_errors *errs)
{
	struct intake_person *out;
	const struct person_form *p;
	size_t i;

	*n = 0;
	if ((out = arena_calloc(r->arena, f->npeople + 1, sizeof(*out))) == NULL)
		return NULL;
	for (i = 0; i < f->npeople; i++) {
		p = &f->people[i];
		if (!person_used(p))
			continue;
		if (role_parse(p->role, &out[*n].role) == -1) {
			form_error(errs, arena_printf(r->arena, "person-%zu-role", i + 1),
			    "Choose the person's part in the incident: victim, "
			    "reporter, witness or subject");
			continue;
		}
		out[*n].existing_id = strtoll(p->existing, NULL, 10);
		out[*n].given_name = p->given;
		out[*n].family_name = p->family;
		out[*n].dob = date_text(r, p->dob_day, p->dob_month, p->dob_year);
		out[*n].phone = p->phone;
		out[*n].email = p->email;
		out[*n].address = p->address;
		out[*n].postcode = p->postcode;
		out[*n].vulnerable = p->vulnerable;
		out[*n].contact_consent = out[*n].share_consent = -1;
		block[(*n)++] = i;
	}
	return out;
}

/* What is known for the similar incidents: the map point and the people. */
static int
similar_query_make(struct req *r, const struct new_form *f, struct similar_query *q)
{
	struct person_keys *keys;
	long long *ids;
	struct person_facts facts;
	const struct person_form *p;
	size_t i;

	memset(q, 0, sizeof(*q));
	q->metres = r->cfg != NULL ? r->cfg->repeat_location_metres : 100;
	if ((*f->lon != '\0' || *f->lat != '\0') &&
	    point_parse(f->lon, f->lat, &q->lon, &q->lat) == NULL)
		q->has_point = 1;
	if ((keys = arena_calloc(r->arena, f->npeople + 1, sizeof(*keys))) == NULL ||
	    (ids = arena_calloc(r->arena, f->npeople + 1, sizeof(*ids))) == NULL)
		return -1;
	for (i = 0; i < f->npeople; i++) {
		p = &f->people[i];
		if (*p->existing != '\0') {
			ids[q->nids++] = strtoll(p->existing, NULL, 10);
			continue;
		}
		if (!person_used(p))
			continue;
		memset(&facts, 0, sizeof(facts));
		facts.given_name = p->given;
		facts.family_name = p->family;
		facts.dob = date_text(r, p->dob_day, p->dob_month, p->dob_year);
		facts.phone = p->phone;
		facts.email = p->email;
		facts.postcode = p->postcode;
		pm_keys_make(&facts, &keys[q->nkeys++]);
	}
	q->keys = keys;
	q->person_ids = ids;
	return 0;
}

/* The submission the intake gets: text as typed. */
static int
submission_make(struct req *r, const struct new_form *f, struct intake_submission *s,
    size_t block[], struct form_errors *errs)
{
	memset(s, 0, sizeof(*s));
	s->channel = INTAKE_POLICE;
	s->report.channel = "police";
	s->report.type_code = f->type;
	s->report.description = f->description;
	s->report.address = f->where;
	s->report.postcode = f->postcode;
	s->report.idempotency_key = f->idem;
	s->report.public_url = r->cfg != NULL ? r->cfg->public_url : NULL;
	s->report.feels_unsafe = s->report.vulnerable = s->report.targeted = -1;
	s->report.happened_before = s->report.for_someone_else = -1;
	s->report.happening_now = -1;
	s->report.share_consent = s->report.email_updates = -1;
	s->nsir = f->nsir;
	s->occurred_date = date_text(r, f->day, f->month, f->year);
	s->occurred_time = *f->time != '\0' ? f->time : NULL;
	s->lon_text = *f->lon != '\0' ? f->lon : NULL;
	s->lat_text = *f->lat != '\0' ? f->lat : NULL;
	s->log_number = f->log_number;
	s->officer_id = strtoll(f->officer, NULL, 10);
	s->risk_answers = f->risk;
	s->risk_version = f->risk_version;
	s->link_to = *f->link != '\0' && strcmp(f->link, "new") != 0 ? f->link : NULL;
	s->confirmed_new = strcmp(f->link, "new") == 0;
	s->screening.repeat = s->screening.vulnerable = -1;
	s->screening.targeted = s->screening.at_risk = -1;
	s->people = people_make(r, f, &s->npeople, block, errs);
	return s->people == NULL ? -1 : 0;
}

/* The intake's errors as the page's: a person's field renamed from its
 * place in the submission to its block on the page; without its link
 * error when skip_link (the page asked for that one itself). */
static void
errors_from_intake(struct req *r, const struct intake_result *res, const size_t block[],
    size_t npeople, int skip_link, struct form_errors *errs)
{
	const char *field, *rest;
	size_t i;
	long n;

	for (i = 0; i < res->nerrors; i++) {
		field = res->errors[i].field;
		if (skip_link && strcmp(field, INTAKE_F_LINK) == 0)
			continue;
		if (strncmp(field, "person-", 7) == 0) {
			n = strtol(field + 7, (char **)&rest, 10);
			if (n >= 1 && (size_t)n <= npeople && *rest == '-' &&
			    (field = arena_printf(r->arena, "person-%zu%s",
			    block[n - 1] + 1, rest)) == NULL)
				field = res->errors[i].field;
		}
		form_error(errs, field, res->errors[i].message);
	}
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

/* " (optional)" after the label of a field the force does not require. */
static int
optional_mark(struct view_dict *d, const struct intake_rules *rules, const char *key,
    const char *fieldname)
{
	return view_set(d, key, intake_mandatory(rules, fieldname) ? "" : " (optional)");
}

/* The type select, the officer select and the force's rules. */
static int
choices_dict(struct req *r, struct view_dict *d, const struct new_form *f,
    const struct intake_rules *rules)
{
	static const struct { const char *key, *field; } marks[] = {
		{ "OPT_TYPE", INTAKE_F_TYPE }, { "OPT_NSIR", INTAKE_F_NSIR },
		{ "OPT_DESCRIPTION", INTAKE_F_DESCRIPTION }, { "OPT_WHEN", INTAKE_F_WHEN },
		{ "OPT_WHERE", INTAKE_F_WHERE }, { "OPT_POSTCODE", INTAKE_F_POSTCODE },
		{ "OPT_LOG_NUMBER", INTAKE_F_LOG_NUMBER }, { "OPT_OFFICER", INTAKE_F_OFFICER },
		{ "OPT_RISK", INTAKE_F_RISK },
	};
	struct asb_type_item *t;
	struct officer *o;
	struct choice *c;
	struct view_dict *s;
	size_t n, i;

	/* A subtype follows its parent, marked; either may be chosen. */
	if (asb_types_list(r->pg, r->arena, &t, &n) == -1 ||
	    (c = arena_calloc(r->arena, n + 1, sizeof(*c))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		c[i].value = t[i].code;
		c[i].label = *t[i].parent != '\0' ?
		    arena_printf(r->arena, "— %s", t[i].name) : t[i].name;
	}
	if (options_dict(d, "TYPE_OPTION", c, n, f->type) == -1 ||
	    officer_list(r->pg, r->arena, &r->actor, &o, &n) == -1 ||
	    (c = arena_calloc(r->arena, n + 1, sizeof(*c))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		c[i].value = arena_printf(r->arena, "%lld", o[i].id);
		c[i].label = o[i].name;
		if (c[i].value == NULL)
			return -1;
	}
	if (options_dict(d, "OFFICER_OPTION", c, n, f->officer) == -1)
		return -1;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (optional_mark(d, rules, marks[i].key, marks[i].field) == -1)
			return -1;
	if (rules->log_number_example != NULL && *rules->log_number_example != '\0' &&
	    ((s = view_section(d, "LOG_EXAMPLE")) == NULL ||
	    view_set(s, "EXAMPLE", rules->log_number_example) == -1))
		return -1;
	return 0;
}

/* In section d, the section <NAME>_ERROR with the message of the error on
 * field, if any: a repeated block shows its own fields' errors. */
static int
error_of(struct view_dict *d, const struct form_errors *errs, const char *fieldname,
    const char *section)
{
	struct view_dict *s;
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, fieldname) == 0)
			return (s = view_section(d, section)) == NULL ||
			    view_set(s, "MESSAGE", errs->e[i].message) == -1 ? -1 : 0;
	return 0;
}

/* One choice of an existing person: id, the words, checked or not. */
static int
found_row(struct view_dict *res, size_t i, const char *id, const char *name,
    const char *level, int on)
{
	struct view_dict *row = view_section(res, "FOUND"), *lv;

	if (row == NULL || view_set(row, "ID", id) == -1 ||
	    view_set_int(row, "I", (long)i + 2) == -1 || view_set(row, "NAME", name) == -1 ||
	    (level != NULL && ((lv = view_section(row, "LEVEL")) == NULL ||
	    view_set(lv, "TEXT", level) == -1)))
		return -1;
	return on ? view_show(row, "CHECKED") : 0;
}

/* The existing people a block's search found, as radio choices with "a
 * new person"; the one picked before stays a choice, and picked, when a
 * changed search no longer finds it. */
static int
found_dict(struct req *r, struct view_dict *pd, const struct person_form *p)
{
	struct view_dict *s, *res;
	const char *id;
	size_t i;
	int picked = 0;

	if (*p->search != '\0' && p->nfound == 0 &&
	    ((s = view_section(pd, "SEARCHED")) == NULL || view_show(s, "NOT_FOUND") == -1))
		return -1;
	if (p->nfound == 0 && *p->existing == '\0')
		return 0;
	if ((res = view_section(pd, "RESULTS")) == NULL)
		return -1;
	for (i = 0; i < p->nfound; i++) {
		const struct pm_suggestion *g = &p->found[i];
		int on;

		if ((id = arena_printf(r->arena, "%lld", g->person_id)) == NULL)
			return -1;
		picked |= on = strcmp(id, p->existing) == 0;
		if (found_row(res, i, id, arena_printf(r->arena, "%s %s", g->given_name,
		    g->family_name), g->score.level == PM_STRONG ? "strong match" :
		    "possible match", on) == -1)
			return -1;
	}
	if (!picked && *p->existing != '\0' && found_row(res, p->nfound, p->existing,
	    arena_printf(r->arena, "The person picked before (record %s)", p->existing),
	    NULL, 1) == -1)
		return -1;
	if (*p->existing == '\0' && view_show(res, "NONE_CHECKED") == -1)
		return -1;
	return 0;
}

/* Whether any error is on a field of block n. */
static int
person_has_error(const struct form_errors *errs, size_t n)
{
	char prefix[32];
	size_t i, len;

	len = (size_t)snprintf(prefix, sizeof(prefix), "person-%zu-", n + 1);
	for (i = 0; i < errs->n; i++)
		if (strncmp(errs->e[i].field, prefix, len) == 0)
			return 1;
	return 0;
}

/* One person block. */
static int
person_dict(struct req *r, struct view_dict *d, const struct person_form *p, size_t n,
    const struct form_errors *errs)
{
	static const char *const fields[] = {
		"role", "given-name", "family-name", "dob", "phone", "email", "address",
		"postcode", "existing", "search", NULL };
	struct view_dict *pd = view_section(d, "PERSON");
	char name[64], sec[64];
	size_t i, k;

	if (pd == NULL || view_set_int(pd, "N", (long)n + 1) == -1 ||
	    keep(pd, "GIVEN", p->given) == -1 || keep(pd, "FAMILY", p->family) == -1 ||
	    keep(pd, "DOB_DAY", p->dob_day) == -1 || keep(pd, "DOB_MONTH", p->dob_month) == -1 ||
	    keep(pd, "DOB_YEAR", p->dob_year) == -1 || keep(pd, "PHONE", p->phone) == -1 ||
	    keep(pd, "EMAIL", p->email) == -1 || keep(pd, "ADDRESS", p->address) == -1 ||
	    keep(pd, "POSTCODE", p->postcode) == -1 || keep(pd, "SEARCH", p->search) == -1 ||
	    (p->vulnerable && view_show(pd, "VULNERABLE") == -1) ||
	    found_dict(r, pd, p) == -1)
		return -1;
	if ((n == 0 || person_used(p) || person_has_error(errs, n)) &&
	    view_show(pd, "OPEN") == -1)
		return -1;
	if (options_dict(pd, "ROLE_OPTION", role_choices, NROLES, p->role) == -1)
		return -1;
	for (i = 0; fields[i] != NULL; i++) {
		snprintf(name, sizeof(name), "person-%zu-%s", n + 1, fields[i]);
		/* P_: not the page's own sections of the same names (postcode). */
		memcpy(sec, "P_", 2);
		for (k = 0; fields[i][k] != '\0' && k < sizeof(sec) - 9; k++)
			sec[k + 2] = fields[i][k] == '-' ? '_' : (char)(fields[i][k] - 'a' + 'A');
		memcpy(sec + k + 2, "_ERROR", 7);
		if (error_of(pd, errs, name, sec) == -1)
			return -1;
	}
	return 0;
}

/* The risk questions of the questionnaire shown, as yes / no / don't know. */
static int
risk_dict(struct req *r, struct view_dict *d, const struct new_form *f,
    const struct form_errors *errs)
{
	struct risk_questionnaire q;
	struct view_dict *s, *row, *hint;
	struct json_object *v;
	const char *ans;
	size_t i, k;

	switch (risk_questionnaire_get(r->pg, r->arena, &r->actor, f->risk_version, &q)) {
	case RISK_OK:
		break;
	case RISK_NOT_FOUND:	/* a version that is gone: show the current one */
		if (f->risk_version != 0 &&
		    risk_questionnaire_get(r->pg, r->arena, &r->actor, 0, &q) == RISK_OK)
			break;
		return 0;
	default:
		return -1;
	}
	if ((s = view_section(d, "RISK")) == NULL ||
	    view_set_int(s, "RISK_VERSION", q.version) == -1 ||
	    view_set(s, "RISK_NAME", q.name) == -1 ||
	    error_of(s, errs, INTAKE_F_RISK, "RISK_ERROR") == -1)
		return -1;
	for (i = 0; i < q.n; i++) {
		ans = json_object_object_get_ex(f->risk, q.questions[i].key, &v) ?
		    json_object_get_string(v) : "";
		if ((row = view_section(s, "QUESTION")) == NULL ||
		    view_set(row, "KEY", q.questions[i].key) == -1 ||
		    view_set(row, "LABEL", q.questions[i].label) == -1 ||
		    (*q.questions[i].hint != '\0' && ((hint = view_section(row, "HINT")) == NULL ||
		    view_set(hint, "TEXT", q.questions[i].hint) == -1)) ||
		    error_of(row, errs, arena_printf(r->arena, "risk-%s", q.questions[i].key),
		    "QUESTION_ERROR") == -1)
			return -1;
		for (k = 0; risk_answers[k] != NULL; k++)
			if (strcmp(ans, risk_answers[k]) == 0 &&
			    checked(row, "ANSWER", risk_answers[k]) == -1)
				return -1;
	}
	return 0;
}

static const char *
distance_words(struct req *r, const struct similar_incident *s)
{
	if (s->metres < 0)
		return "";
	if (s->metres < 1000)
		return arena_printf(r->arena, "%ld metres away", s->metres);
	return arena_printf(r->arena, "%.1f km away", (double)s->metres / 1000.0);
}

/* The similar incidents and the choice between them and a new one. */
static int
similar_dict(struct req *r, struct view_dict *d, const struct new_form *f,
    const struct form_errors *errs, const struct similar_incident *s, size_t n)
{
	struct view_dict *sd, *row;
	size_t i;

	if (n == 0)
		return 0;
	if ((sd = view_section(d, "SIMILAR")) == NULL ||
	    view_set_int(sd, "COUNT", (long)n) == -1 ||
	    error_of(sd, errs, INTAKE_F_LINK, "LINK_ERROR") == -1 ||
	    (strcmp(f->link, "new") == 0 && view_show(sd, "NEW_CHECKED") == -1))
		return -1;
	for (i = 0; i < n; i++) {
		if ((row = view_section(sd, "ROW")) == NULL ||
		    view_set_int(row, "I", (long)i + 1) == -1 ||
		    view_set(row, "REFERENCE", s[i].reference) == -1 ||
		    view_set(row, "TYPE", s[i].type) == -1 ||
		    view_set(row, "DATE", s[i].date) == -1 ||
		    (s[i].metres >= 0 && (view_show(row, "AWAY") == -1 ||
		    view_set(row, "DISTANCE", distance_words(r, &s[i])) == -1)) ||
		    view_set(row, "WHY", s[i].near && s[i].same_person ? "Nearby, and "
		    "involves the same person" : s[i].near ? "Nearby" :
		    "Involves the same person") == -1 ||
		    (strcmp(f->link, s[i].reference) == 0 && view_show(row, "CHECKED") == -1))
			return -1;
	}
	return 0;
}

/* Each block's person search, when something is typed in it. 0 or -1. */
static int
people_search(struct req *r, struct new_form *f)
{
	struct person_facts facts;
	struct person_form *p;
	size_t i;

	for (i = 0; i < f->npeople; i++) {
		p = &f->people[i];
		if (*p->search == '\0')
			continue;
		memset(&facts, 0, sizeof(facts));
		facts.given_name = p->search;
		facts.phone = p->search;
		facts.email = p->search;
		if (pm_suggest(r->pg, r->arena, &r->actor, &facts, 0, &p->found,
		    &p->nfound) == -1)
			return -1;
	}
	return 0;
}

/* The page, with what was typed, the errors and the similar incidents. */
static void
new_render(struct req *r, int status, struct new_form *f, const struct form_errors *errs,
    const struct similar_incident *similar, size_t nsimilar)
{
	struct intake_rules rules;
	struct view_dict *d;
	size_t i;

	memset(&rules, 0, sizeof(rules));
	if (intake_rules_load(r->pg, r->arena, &r->actor, INTAKE_POLICE, &rules) == -1 ||
	    people_search(r, f) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (form_errors_dict(d, errs) == -1 || choices_dict(r, d, f, &rules) == -1 ||
	    keep(d, "DESCRIPTION", f->description) == -1 || keep(d, "DAY", f->day) == -1 ||
	    keep(d, "MONTH", f->month) == -1 || keep(d, "YEAR", f->year) == -1 ||
	    keep(d, "TIME", f->time) == -1 || keep(d, "WHERE", f->where) == -1 ||
	    keep(d, "POSTCODE", f->postcode) == -1 || keep(d, "LON", f->lon) == -1 ||
	    keep(d, "LAT", f->lat) == -1 || keep(d, "LOG_NUMBER", f->log_number) == -1 ||
	    keep(d, "IDEM", f->idem) == -1 ||
	    view_set_int(d, "PEOPLE", (long)f->npeople) == -1 ||
	    checked(d, "NSIR", f->nsir) == -1 || map_dict(r, d) == -1 ||
	    risk_dict(r, d, f, errs) == -1 ||
	    similar_dict(r, d, f, errs, similar, nsimilar) == -1)
		goto fail;
	for (i = 0; i < f->npeople; i++)
		if (person_dict(r, d, &f->people[i], i, errs) == -1)
			goto fail;
	if (f->npeople < INTAKE_PEOPLE_MAX && view_show(d, "CAN_ADD_PERSON") == -1)
		goto fail;
	page_render(r, status, "incident_new.tpl", form_title(r, errs, "Record an incident"), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/incidents/new */
void
incident_new_get(struct req *r)
{
	struct new_form f;
	struct form_errors errs = {0};

	memset(&f, 0, sizeof(f));
	if (new_form_blank(r, &f) == -1 || (f.risk = json_object_new_object()) == NULL)
		return page_error(r, 500, NULL);
	new_render(r, 200, &f, &errs, NULL, 0);
	json_object_put(f.risk);
}

/* No incident has this reference: the intake refuses a link to it. */
#define NO_SUCH_INCIDENT	"-"

/* Creates the incident from f: 303 to it, or the page again with the
 * problems (400), nothing saved. */
static void
new_create(struct req *r, struct new_form *f, const struct similar_incident *similar,
    size_t nsimilar)
{
	struct form_errors errs = {0}, own = {0};
	struct intake_submission sub;
	struct intake_result *res;
	size_t block[INTAKE_PEOPLE_MAX], i;
	enum intake_rc rc;

	if ((res = arena_calloc(r->arena, 1, sizeof(*res))) == NULL ||
	    submission_make(r, f, &sub, block, &own) == -1)
		return page_error(r, 500, NULL);
	/* Shown similar incidents need the officer's choice first. */
	if (nsimilar > 0 && sub.link_to == NULL && !sub.confirmed_new)
		form_error(&own, INTAKE_F_LINK, "Choose a similar incident to link "
		    "this one to, or confirm this is a new incident");
	/* With problems of the page's own the incident must not be made, but
	 * the officer sees every problem at once: the intake checks the rest
	 * with a link to no incident, which it refuses, and saves nothing. */
	if (own.n > 0) {
		sub.link_to = NO_SUCH_INCIDENT;
		sub.confirmed_new = 0;
	}
	rc = intake_submit(r->pg, r->rd, r->cfg, &r->actor, &sub, res);
	if (rc == INTAKE_OK && own.n == 0) {
		page_flash(r, arena_printf(r->arena, "Incident %s recorded%s.",
		    res->incident_reference, sub.link_to != NULL ?
		    arena_printf(r->arena, " and linked to %s", sub.link_to) : ""));
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/incidents/%s",
		    res->incident_reference));
	}
	if (rc != INTAKE_INVALID)
		return page_error(r, 503, NULL);
	errors_from_intake(r, res, block, sub.npeople, own.n > 0, &errs);
	for (i = 0; i < own.n; i++)
		form_error(&errs, own.e[i].field, own.e[i].message);
	new_render(r, 400, f, &errs, similar, nsimilar);
}

/* POST /staff/incidents/new: action=create (the default) creates it;
 * "search", "add-person" and "similar" show the page again with what was
 * typed (and the people found, one more person block, or the similar
 * incidents). */
void
incident_new_post(struct req *r)
{
	struct new_form f;
	struct similar_query q;
	struct similar_incident *similar = NULL;
	struct form_errors none = {0};
	size_t nsimilar = 0;

	memset(&f, 0, sizeof(f));
	if (new_form_read(r, &f) == -1 || similar_query_make(r, &f, &q) == -1)
		goto oom;
	if (similar_find(r->pg, r->arena, &r->actor, &q, &similar, &nsimilar) == -1) {
		page_error(r, 503, NULL);
		goto out;
	}
	if (*f.action == '\0' || strcmp(f.action, "create") == 0)
		new_create(r, &f, similar, nsimilar);
	else
		new_render(r, 200, &f, &none, similar, nsimilar);
	goto out;
oom:
	page_error(r, 500, NULL);
out:
	json_object_put(f.risk);
}
