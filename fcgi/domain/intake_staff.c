/* The staff channels' intake (police, call handler, CAD): the checks of
 * what only they send (NSIR, when, a point, the people, the log number,
 * the officer in charge, the risk answers, the link, the screening), the
 * force's mandatory fields, and one transaction that writes it all
 * (domain/intake_write.c) unless a page sent the same form before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/contact_check.h"
#include "domain/intake_check.h"
#include "domain/intake_impl.h"
#include "domain/point_check.h"
#include "domain/risk_record.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "intake_officer",
	  "SELECT 1 FROM app_user WHERE id = $1 AND agency_id = $2 AND disabled_at IS NULL" },
	/* Row security answers only for a person the actor may see. */
	{ "intake_person_seen",
	  "SELECT coalesce(address, ''), coalesce(postcode, '') FROM person WHERE id = $1" },
	/* The pure check allows tomorrow's date (a reporter's day may start
	 * before UTC's); with the time known, the moment must be past. */
	{ "intake_when_future",
	  "SELECT $1::timestamptz > now() + interval '5 minutes'" },
	/* The incident this member of staff's page made before with its key. */
	{ "intake_earlier",
	  "SELECT id, reference FROM incident WHERE created_by = $1 AND idempotency_key = $2" },
	{ "intake_link_find",
	  "SELECT id FROM incident WHERE reference = upper($1)" },
};

const struct pg_stmts intake_staff_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The NSIR qualifier given, else the type's category. */
static void
check_nsir(struct intake *k, const char *nsir)
{
	const char *why;

	if (!intake_blank(nsir) && (why = intake_nsir_check(nsir)) != NULL) {
		ik_error(k, INTAKE_F_NSIR, why);
		return;
	}
	k->plan.nsir = !intake_blank(nsir) ? nsir : k->category;
}

/* When it happened: a real moment, and a past one. */
static void
check_when(struct intake *k, const char *date, const char *time)
{
	const char *why, *p[1];
	PGresult *res;

	if (intake_blank(date)) {
		if (!intake_blank(time))
			ik_error(k, INTAKE_F_WHEN, "Enter the date it happened, as well as the time");
		return;
	}
	if ((why = intake_when_check(k->ar, date, time, k->now,
	    &k->plan.occurred_at)) != NULL) {
		ik_error(k, INTAKE_F_WHEN, why);
		return;
	}
	p[0] = k->plan.occurred_at;
	if ((res = ik_lookup(k, "intake_when_future", 1, p)) == NULL)
		return;
	if (strcmp(PQgetvalue(res, 0, 0), "t") == 0)
		ik_error(k, INTAKE_F_WHEN, "The date and time it happened must be in the past");
	PQclear(res);
}

/* A point (as sent), located: outside the partnership is an error that
 * names whose area it is. */
static void
check_point(struct intake *k, const char *lon, const char *lat)
{
	const char *why;

	if (intake_blank(lon) && intake_blank(lat))
		return;
	if ((why = point_parse(lon, lat, &k->plan.lon, &k->plan.lat)) != NULL) {
		ik_error(k, INTAKE_F_WHERE, why);
		return;
	}
	switch (area_locate(k->pg, k->plan.lon, k->plan.lat, &k->plan.where)) {
	case AREA_OK:
		break;
	case AREA_BAD_POINT:
		ik_error(k, INTAKE_F_WHERE, POINT_WORDS);
		return;
	default:
		k->failed = 1;
		return;
	}
	if (!k->plan.where.in_partnership)
		ik_error(k, INTAKE_F_WHERE, intake_outside_words(k->ar, &k->plan.where));
	else
		k->plan.has_point = 1;
}

/* An existing person the actor may see: 1 with their address, 0 not. */
static int
person_seen(struct intake *k, long long id, const char **address, const char **postcode)
{
	char pid[24];
	const char *p[1] = { pid };
	PGresult *res;
	int found;

	snprintf(pid, sizeof(pid), "%lld", id);
	if ((res = ik_lookup(k, "intake_person_seen", 1, p)) == NULL)
		return 0;
	if ((found = PQntuples(res) == 1)) {
		*address = arena_strdup(k->ar, PQgetvalue(res, 0, 0));
		*postcode = arena_strdup(k->ar, PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	return found;
}

/* A new person's facts, each by its own checker. */
static void
check_new_person(struct intake *k, size_t i, struct intake_person *p)
{
	const char *why;

	if (intake_blank(p->given_name) && intake_blank(p->family_name) &&
	    intake_blank(p->phone) && intake_blank(p->email))
		ik_error(k, ik_field(k, i, "given-name"), arena_printf(k->ar, "Enter person "
		    "%zu's name, or their phone number or email address", i + 1));
	if (!intake_blank(p->dob) && (why = intake_dob_check(p->dob, k->now)) != NULL)
		ik_error(k, ik_field(k, i, "dob"), why);
	if (!intake_blank(p->phone) && (why = contact_phone_check(p->phone)) != NULL)
		ik_error(k, ik_field(k, i, "phone"), why);
	if (!intake_blank(p->email) && (why = contact_email_check(p->email)) != NULL)
		ik_error(k, ik_field(k, i, "email"), why);
	p->postcode = ik_postcode(k, ik_field(k, i, "postcode"), p->postcode);
	if (!intake_blank(p->preferred_contact) &&
	    strcmp(p->preferred_contact, "email") != 0 &&
	    strcmp(p->preferred_contact, "phone") != 0 &&
	    strcmp(p->preferred_contact, "post") != 0 &&
	    strcmp(p->preferred_contact, "none") != 0)
		ik_error(k, ik_field(k, i, "preferred-contact"),
		    "Choose email, phone, post or no contact");
	if ((p->preferred_contact == NULL || *p->preferred_contact == '\0'))
		p->preferred_contact = NULL;
}

/* The people: trimmed copies in the plan, each checked. */
static void
check_people(struct intake *k)
{
	const struct intake_submission *in = k->in;
	struct intake_person *p;
	const char *address, *postcode;
	size_t i;

	if (in->npeople > INTAKE_PEOPLE_MAX) {
		ik_error(k, INTAKE_F_PEOPLE, arena_printf(k->ar, "Add at most %d people to "
		    "one incident", INTAKE_PEOPLE_MAX));
		return;
	}
	if ((k->plan.people = arena_calloc(k->ar, in->npeople + 1,
	    sizeof(*k->plan.people))) == NULL) {
		k->failed = 1;
		return;
	}
	for (i = 0; i < in->npeople; i++) {
		p = &k->plan.people[k->plan.npeople];
		*p = in->people[i];
		if ((unsigned)p->role > FLAG_SUBJECT)
			ik_error(k, ik_field(k, i, "role"), "Choose victim, witness, reporter "
			    "or subject");
		if (p->existing_id != 0) {
			if (p->existing_id < 0 || !person_seen(k, p->existing_id, &address,
			    &postcode))
				ik_error(k, ik_field(k, i, "name"), arena_printf(k->ar, "Person %zu "
				    "cannot be found: search for them again, or add them",
				    i + 1));
			else {
				p->address = address;
				p->postcode = postcode;
			}
			k->plan.npeople++;
			continue;
		}
		p->given_name = ik_trim(k, p->given_name);
		p->family_name = ik_trim(k, p->family_name);
		p->dob = ik_trim(k, p->dob);
		p->phone = ik_trim(k, p->phone);
		p->email = ik_trim(k, p->email);
		p->address = ik_trim(k, p->address);
		p->postcode = ik_trim(k, p->postcode);
		/* A block left empty is nobody (the pages offer spare ones). */
		if (intake_blank(p->given_name) && intake_blank(p->family_name) &&
		    intake_blank(p->dob) && intake_blank(p->phone) && intake_blank(p->email) &&
		    intake_blank(p->address) && intake_blank(p->postcode))
			continue;
		check_new_person(k, i, p);
		k->plan.npeople++;
	}
}

/* The caller: the first reporter. NULL when there is none. */
static const struct intake_person *
caller(const struct intake *k)
{
	size_t i;

	for (i = 0; i < k->plan.npeople; i++)
		if (k->plan.people[i].role == FLAG_REPORTER)
			return &k->plan.people[i];
	return NULL;
}

/* 1 when someone has this part in the incident. */
static int
has_role(const struct intake *k, enum flag_role r)
{
	size_t i;

	for (i = 0; i < k->plan.npeople; i++)
		if (k->plan.people[i].role == r)
			return 1;
	return 0;
}

/* Where: a point, an address or a postcode, or the caller's address. */
static void
check_where(struct intake *k)
{
	const struct intake_submission *in = k->in;
	const struct intake_person *c;

	k->plan.address = ik_trim(k, in->report.address);
	k->plan.postcode = ik_trim(k, in->report.postcode);
	if (in->at_caller_address) {
		if ((c = caller(k)) == NULL || (intake_blank(c->address) &&
		    intake_blank(c->postcode)))
			ik_error(k, INTAKE_F_WHERE, "Enter the caller's address, or where it "
			    "happened: \"at the caller's address\" needs the caller's address");
		else {
			k->plan.address = c->address;
			k->plan.postcode = c->postcode;
		}
	}
	k->plan.postcode = ik_postcode(k, INTAKE_F_POSTCODE, k->plan.postcode);
	check_point(k, in->lon_text, in->lat_text);
}

/* The log number, trimmed, in the force's format. */
static void
check_log_number(struct intake *k)
{
	const char *log = ik_trim(k, k->in->log_number), *why;

	k->plan.log_number = log;
	if (!intake_blank(log) && (why = intake_log_number_check(k->ar,
	    k->rules.log_number_pattern, k->rules.log_number_example, log)) != NULL)
		ik_error(k, INTAKE_F_LOG_NUMBER, why);
}

/* The officer in charge: an active user of the actor's agency. */
static void
check_officer(struct intake *k)
{
	char uid[24], aid[24];
	const char *p[2] = { uid, aid };
	PGresult *res;

	if ((k->plan.officer_id = k->in->officer_id) == 0)
		return;
	snprintf(uid, sizeof(uid), "%lld", k->in->officer_id);
	snprintf(aid, sizeof(aid), "%lld", k->actor->agency_id);
	if ((res = ik_lookup(k, "intake_officer", 2, p)) == NULL)
		return;
	if (PQntuples(res) != 1)
		ik_error(k, INTAKE_F_OFFICER, "Choose an officer in charge from your force's "
		    "active staff");
	PQclear(res);
}

/* 1 when every question of the version has an answer. */
static int
risk_complete(const struct risk_questionnaire *q, struct json_object *answers)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (!json_object_object_get_ex(answers, q->questions[i].key, NULL))
			return 0;
	return 1;
}

/* The risk answers, scored against the questionnaire version shown. */
static void
check_risk(struct intake *k)
{
	struct json_object *a = k->in->risk_answers;
	const char *bad = NULL;

	if (a == NULL || json_object_object_length(a) == 0)
		return;
	switch (risk_questionnaire_load(k->pg, k->ar, k->in->risk_version, &k->plan.q)) {
	case RISK_OK:
		break;
	case RISK_NOT_FOUND:
		ik_error(k, INTAKE_F_RISK, "This risk assessment's questions have changed: "
		    "answer them again");
		return;
	default:
		k->failed = 1;
		return;
	}
	switch (risk_score(&k->plan.q, a, &k->plan.risk, &bad)) {
	case RISK_OK:
		k->plan.has_risk = 1;
		k->plan.risk_answers = a;
		break;
	case RISK_BAD_KEY:
		ik_error(k, INTAKE_F_RISK, "This risk assessment's questions have changed: "
		    "answer them again");
		break;
	case RISK_BAD_ANSWER:
		ik_error(k, arena_printf(k->ar, "risk-%s", bad ? bad : ""),
		    "Answer yes, no or don't know");
		break;
	default:
		k->failed = 1;
	}
}

/* The similar incident the officer chose to link to: one the actor may see. */
static void
check_link(struct intake *k)
{
	const char *ref = ik_trim(k, k->in->link_to), *p[1] = { ref };
	PGresult *res;

	if (intake_blank(ref) || (res = ik_lookup(k, "intake_link_find", 1, p)) == NULL)
		return;
	if (PQntuples(res) == 1)
		k->plan.link_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	else
		ik_error(k, INTAKE_F_LINK, "The incident to link to cannot be found: choose "
		    "one of the similar incidents, or confirm this one is new");
	PQclear(res);
}

/* Whether a mandatory field has been given (or has its own error). */
static int
given(const struct intake *k, const char *f)
{
	const struct intake_submission *in = k->in;
	const struct intake_screening *s = &in->screening;
	const struct intake_person *c = caller(k);

	if (intake_has_error(k->res, f))
		return 1;
	if (strcmp(f, INTAKE_F_TYPE) == 0)
		return !intake_blank(in->report.type_code);
	if (strcmp(f, INTAKE_F_NSIR) == 0)
		return !intake_blank(in->nsir);
	if (strcmp(f, INTAKE_F_DESCRIPTION) == 0)
		return !intake_blank(k->plan.description);
	if (strcmp(f, INTAKE_F_WHEN) == 0)
		return !intake_blank(in->occurred_date);
	if (strcmp(f, INTAKE_F_WHERE) == 0)
		return k->plan.has_point || !intake_blank(k->plan.address) ||
		    !intake_blank(k->plan.postcode) || intake_has_error(k->res,
		    INTAKE_F_POSTCODE);
	if (strcmp(f, INTAKE_F_POSTCODE) == 0)
		return !intake_blank(k->plan.postcode);
	if (strcmp(f, INTAKE_F_LOG_NUMBER) == 0)
		return !intake_blank(k->plan.log_number);
	if (strcmp(f, INTAKE_F_OFFICER) == 0)
		return in->officer_id != 0;
	if (strcmp(f, INTAKE_F_VICTIM) == 0)
		return has_role(k, FLAG_VICTIM);
	if (strcmp(f, INTAKE_F_PEOPLE) == 0)
		return k->plan.npeople > 0;
	if (strcmp(f, INTAKE_F_RISK) == 0)
		return k->plan.has_risk && risk_complete(&k->plan.q, k->plan.risk_answers);
	if (strcmp(f, INTAKE_F_CALLER) == 0)
		return c != NULL && (c->existing_id != 0 || !intake_blank(c->given_name) ||
		    !intake_blank(c->family_name) || !intake_blank(c->phone));
	if (strcmp(f, INTAKE_F_CALLER_PHONE) == 0)
		return c != NULL && (c->existing_id != 0 || !intake_blank(c->phone));
	if (strcmp(f, INTAKE_F_SCREENING) == 0)
		return s->repeat >= 0 && s->vulnerable >= 0 && s->targeted >= 0 &&
		    s->at_risk >= 0;
	if (strcmp(f, INTAKE_F_LINK) == 0)
		return k->plan.link_id != 0 || in->confirmed_new;
	return 1;	/* not a field: nothing to enforce */
}

/* Every mandatory field missing: one error each, naming it. */
static void
check_mandatory(struct intake *k)
{
	const char *words;
	size_t i;

	for (i = 0; i < k->rules.nmandatory; i++)
		if ((words = intake_field_missing(k->rules.mandatory[i])) != NULL &&
		    !given(k, k->rules.mandatory[i]))
			ik_error(k, k->rules.mandatory[i], words);
}

/* A staff channel's submission, checked into k->plan. */
static void
check_staff(struct intake *k)
{
	const struct intake_submission *in = k->in;
	const struct intake_screening *s = &in->screening;

	k->plan.channel = in->channel;
	ik_type(k, ik_trim(k, in->report.type_code));
	check_nsir(k, ik_trim(k, in->nsir));
	ik_description(k, ik_trim(k, in->report.description));
	check_when(k, ik_trim(k, in->occurred_date), ik_trim(k, in->occurred_time));
	check_people(k);
	check_where(k);
	ik_answers(k, in->report.answers, 0);
	check_log_number(k);
	check_officer(k);
	check_risk(k);
	check_link(k);
	check_mandatory(k);
	k->plan.answers = in->report.answers;
	k->plan.screening = s;
	k->plan.screened_yes = s->repeat > 0 || s->vulnerable > 0 || s->targeted > 0 ||
	    s->at_risk > 0;
	k->plan.due_hours = k->cfg->assessment_due_hours > 0 ?
	    k->cfg->assessment_due_hours : ASSESSMENT_DUE_HOURS_DEFAULT;
	k->plan.call_note = ik_trim(k, in->call_note);
}

/* ------------------------------------------------------------------ */
/* Submit                                                              */

/* In the open transaction: the incident the same page made before (its
 * idempotency key, this member of staff): 1 and its reference in the
 * result, 0 none, -1 on error. */
static int
earlier_incident(struct intake *k, const char *key)
{
	char uid[24];
	const char *p[2] = { uid, key };
	PGresult *res;
	int found;

	snprintf(uid, sizeof(uid), "%lld", k->actor->user_id);
	if ((res = pg_exec(k->pg, "intake_earlier", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		k->res->incident_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(k->res->incident_reference, sizeof(k->res->incident_reference), "%s",
		    PQgetvalue(res, 0, 1));
		k->res->report.resubmitted = 1;
	}
	PQclear(res);
	return found;
}

/* After a failed write: when the same page's other post won the race (the
 * unique key refused this one), its incident is the answer. */
static enum intake_rc
staff_race_lost(struct intake *k)
{
	int found;

	if (k->plan.idempotency_key == NULL || tx_begin(k->pg, k->actor) == -1)
		return INTAKE_ERROR;
	found = earlier_incident(k, k->plan.idempotency_key);
	pg_rollback(k->pg);
	return found == 1 ? INTAKE_OK : INTAKE_ERROR;
}

/* A staff channel: check, write, refresh, in one transaction. */
enum intake_rc
intake_submit_staff(struct intake *k)
{
	struct actor writer = *k->actor;
	const char *key = ik_trim(k, k->in->report.idempotency_key);
	char why[512];
	size_t i;
	int seen, picked = 0;

	if (!intake_blank(key) && strlen(key) <= 64 && k->actor->user_id != 0) {
		k->plan.idempotency_key = key;
		k->plan.idempotency_body = k->in->idempotency_body;
	}
	/* The intake writes the people it was given on the actor's behalf:
	 * row security must let it read back the rows it makes. People
	 * picked from the record are looked up as the actor first. */
	writer.perms |= PERM_BIT(PERM_PERSON_VIEW);
	for (i = 0; i < k->in->npeople; i++)
		picked |= k->in->people[i].existing_id != 0;
	if (tx_begin(k->pg, picked ? k->actor : &writer) == -1)
		return INTAKE_ERROR;
	/* A double click or a page sent again: the incident already made. */
	if (k->plan.idempotency_key != NULL &&
	    (seen = earlier_incident(k, k->plan.idempotency_key)) != 0) {
		pg_rollback(k->pg);
		return seen == 1 ? INTAKE_OK : INTAKE_ERROR;
	}
	if (intake_rules_load(k->pg, k->ar, k->actor, k->in->channel, &k->rules) == -1)
		goto fail;
	check_staff(k);
	if (k->failed)
		goto fail;
	if (k->res->nerrors > 0) {
		pg_rollback(k->pg);
		return INTAKE_INVALID;
	}
	if ((picked && tx_actor(k->pg, &writer) == -1) ||
	    intake_write_staff(k->pg, &writer, &k->plan, k->res) == -1 ||
	    ik_refresh(k, k->res->incident_id, 0) == -1 ||
	    (k->in->within != NULL && k->in->within(k->pg, &writer, k->res,
	    k->in->within_arg) == -1))
		goto fail;
	if (pg_commit(k->pg) == -1)
		return staff_race_lost(k);
	return INTAKE_OK;
fail:
	/* Said before the look-up below replaces the database's words. */
	snprintf(why, sizeof(why), "%s", k->failed && k->res->nerrors >= INTAKE_ERRORS_MAX ?
	    "too many errors" : pg_error(k->pg));
	pg_rollback(k->pg);
	if (staff_race_lost(k) == INTAKE_OK) {
		k->res->nerrors = 0;
		return INTAKE_OK;
	}
	log_error("intake: %s", why);
	return INTAKE_ERROR;
}
