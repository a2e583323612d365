/* The one intake (domain/intake.h): every channel's submission is checked
 * field by field, with one checker per kind, against the channel's
 * mandatory fields; then, in one transaction, written and its flags (and
 * for a report its provisional score) refreshed. This file: the rules,
 * the checks every channel shares, and reports from the public, a partner
 * or Open311 (written by domain/report.c); the staff channels are
 * domain/intake_staff.c (written by domain/intake_write.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/chars.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/allocate.h"
#include "domain/answer.h"
#include "domain/answer_detail.h"
#include "domain/asb_catalogue.h"
#include "domain/contact_check.h"
#include "domain/flag_store.h"
#include "domain/intake.h"
#include "domain/intake_check.h"
#include "domain/intake_impl.h"
#include "domain/intake_write.h"
#include "domain/point_check.h"
#include "domain/risk_provisional.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The actor's force: its own row when it is one, else the
	 * partnership's (a council's call handler enters under the police
	 * force's rules). */
	{ "intake_rules",
	  "SELECT coalesce(log_number_pattern, ''), coalesce(log_number_example, ''), "
	  "array_to_string(police_mandatory, ','), array_to_string(call_mandatory, ',') "
	  "FROM agency WHERE kind = 'police' AND active "
	  "ORDER BY id = $1 DESC, core_partner DESC, id LIMIT 1" },
	{ "intake_type",
	  "SELECT id, category::text, name FROM asb_type WHERE code = $1 AND active" },
};

const struct pg_stmts intake_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* ------------------------------------------------------------------ */
/* Rules                                                               */

/* Splits a comma-separated list into rules->mandatory. */
static int
mandatory_split(struct arena *ar, const char *list, struct intake_rules *rules)
{
	char *copy, *tok, *save;

	if ((copy = arena_strdup(ar, list)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL &&
	    rules->nmandatory < sizeof(rules->mandatory) / sizeof(rules->mandatory[0]);
	    tok = strtok_r(NULL, ",", &save))
		rules->mandatory[rules->nmandatory++] = tok;
	return 0;
}

/* The rules a channel enters under: the fixed lists of the public
 * channels and CAD (intake_check.c), or the force's (agency row: the log
 * number's pattern and example, police_mandatory or call_mandatory).
 * Works inside or outside a transaction (agency is reference data).
 * 0, or -1 on error. */
int
intake_rules_load(struct pg *pg, struct arena *ar, const struct actor *a,
    enum intake_channel c, struct intake_rules *rules)
{
	const char *const *fixed = intake_channel_mandatory(c);
	char aid[24];
	const char *p[1] = { aid };
	PGresult *res;
	int rc = 0;

	memset(rules, 0, sizeof(*rules));
	/* The public channels give no log number: their list is all. */
	if (fixed != NULL && c != INTAKE_CAD)
		goto fixed;
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	if ((res = pg_exec(pg, "intake_rules", 1, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		if (*PQgetvalue(res, 0, 0) != '\0')
			rules->log_number_pattern = arena_strdup(ar, PQgetvalue(res, 0, 0));
		if (*PQgetvalue(res, 0, 1) != '\0')
			rules->log_number_example = arena_strdup(ar, PQgetvalue(res, 0, 1));
		if (fixed == NULL)
			rc = mandatory_split(ar, PQgetvalue(res, 0,
			    c == INTAKE_CALL ? 3 : 2), rules);
	}
	PQclear(res);
fixed:
	for (; fixed != NULL && *fixed != NULL; fixed++)
		rules->mandatory[rules->nmandatory++] = *fixed;
	return rc;
}

/* 1 when the rules make the field mandatory. */
int
intake_mandatory(const struct intake_rules *rules, const char *field)
{
	size_t i;

	for (i = 0; i < rules->nmandatory; i++)
		if (strcmp(rules->mandatory[i], field) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Checks every channel shares (domain/intake_impl.h)                  */

/* A field's error (the first one for a field stays); a full list marks
 * the intake failed. */
void
ik_error(struct intake *k, const char *field, const char *message)
{
	if (message == NULL)
		message = "This cannot be saved: check it";
	if (intake_error_add(k->res, field, message) == -1)
		k->failed = 1;
}

/* The error name of person i's field: "person-N-what", N from 1. */
const char *
ik_field(struct intake *k, size_t i, const char *what)
{
	const char *f = arena_printf(k->ar, "person-%zu-%s", i + 1, what);

	if (f == NULL)
		k->failed = 1;
	return f != NULL ? f : "people";
}

/* s trimmed, or NULL when s is NULL; out of memory marks the intake. */
const char *
ik_trim(struct intake *k, const char *s)
{
	const char *t = intake_trim(k->ar, s);

	if (s != NULL && t == NULL)
		k->failed = 1;
	return t;
}

/* A look-up of the checks: NULL when the database fails (marked). */
PGresult *
ik_lookup(struct intake *k, const char *name, int n, const char *const *p)
{
	PGresult *res = pg_exec(k->pg, name, n, p);

	if (res == NULL)
		k->failed = 1;
	return res;
}

/* An active ASB type by its code: its id and category in the plan. */
void
ik_type(struct intake *k, const char *code)
{
	const struct asb_type_ref *t = k->in->type;
	const char *p[1] = { code };
	PGresult *res;

	if (intake_blank(code))
		return;
	/* Read by the channel with the questions, a moment ago. */
	if (t != NULL && t->code != NULL && strcmp(t->code, code) == 0) {
		if (t->id == 0)
			ik_error(k, INTAKE_F_TYPE, "Choose a type of anti-social behaviour from the list");
		k->plan.type_id = t->id;
		k->category = t->category;
		k->type_name = t->name;
		k->plan.type_code = t->id != 0 ? code : NULL;
		return;
	}
	if ((res = ik_lookup(k, "intake_type", 1, p)) == NULL)
		return;
	if (PQntuples(res) == 1) {
		k->plan.type_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		k->category = arena_strdup(k->ar, PQgetvalue(res, 0, 1));
		k->type_name = arena_strdup(k->ar, PQgetvalue(res, 0, 2));
		k->plan.type_code = code;
	} else
		ik_error(k, INTAKE_F_TYPE, "Choose a type of anti-social behaviour from the list");
	PQclear(res);
}

/* The description (already trimmed): at most INTAKE_DESCRIPTION_MAX
 * characters, as a person counts them (and the form's character count). */
void
ik_description(struct intake *k, const char *d)
{
	if (d != NULL && !chars_fit(d, INTAKE_DESCRIPTION_MAX))
		ik_error(k, INTAKE_F_DESCRIPTION, chars_too_many(k->ar, arena_printf(k->ar,
		    "The description must be %d characters or fewer", INTAKE_DESCRIPTION_MAX),
		    d, INTAKE_DESCRIPTION_MAX));
	k->plan.description = d;
}

/* The postcode's shape, kept in its normal form. */
const char *
ik_postcode(struct intake *k, const char *field, const char *pc)
{
	char out[INTAKE_POSTCODE_MAX];
	const char *why;

	if (intake_blank(pc))
		return pc;
	if ((why = intake_postcode_check(pc, out)) != NULL) {
		ik_error(k, field, why);
		return pc;
	}
	return arena_strdup(k->ar, out);
}

/* The answers to the type's questions, each by the checker of its kind;
 * a question with no answer passes unless required (and the answers were
 * asked for: the public channels always ask). */
/* The channels whose pages ask an option's follow-up (its "detail"). */
static int
asks_details(enum intake_channel c)
{
	return c == INTAKE_PUBLIC || c == INTAKE_PARTNER;
}

void
ik_answers(struct intake *k, struct json_object *answers, int required)
{
	const struct asb_question *qs = k->in->questions;
	struct asb_question *read;
	struct json_object *rec, *v;
	struct answer ans;
	const char *vals[64], *why;
	size_t nq = k->in->nquestions, i, n, j;
	int rc;

	if (k->plan.type_code == NULL || (answers == NULL && !required))
		return;
	if (qs == NULL) {
		if (asb_questions_list(k->pg, k->ar, k->plan.type_code, &read, &nq) == -1) {
			k->failed = 1;
			return;
		}
		qs = read;
	}
	k->questions = qs;
	k->nquestions = nq;
	for (i = 0; i < nq; i++) {
		n = 0;
		rec = NULL;
		if (answers != NULL && json_object_object_get_ex(answers, qs[i].key, &rec) &&
		    json_object_object_get_ex(rec, "answer", &v)) {
			if (json_object_is_type(v, json_type_array))
				for (j = 0; j < json_object_array_length(v) && n < 64; j++)
					vals[n++] = json_object_get_string(
					    json_object_array_get_idx(v, j));
			else if (!json_object_is_type(v, json_type_null))
				vals[n++] = json_object_get_string(v);
		}
		if ((rc = answer_check(k->ar, &qs[i], vals, n, k->now, &ans, &why)) == -1) {
			k->failed = 1;
			return;
		}
		/* The form asks an option's follow-up, and Open311 cannot. */
		if (rc == 0 && asks_details(k->in->channel) &&
		    (why = answer_details_check(k->ar, &qs[i], ans.value, json_object_object_get_ex(
		    rec, "detail", &v) ? v : NULL)) != NULL) {
			if (*why == '\0')
				k->failed = 1;
			rc = 1;
		}
		json_object_put(ans.value);
		if (rc == 1 && (n > 0 || required))
			ik_error(k, arena_printf(k->ar, "answer-%s", qs[i].key), why);
	}
}

/* The allocations' reasons copied into the result, which outlives the
 * intake's arena (a reason that does not fit is cut at a character). */
static void
reasons_keep(struct intake_result *res)
{
	size_t i, used = 0, n;
	const char *r;

	for (i = 0; i < res->allocations.n; i++) {
		r = res->allocations.a[i].reason;
		n = strlen(r);
		if (used + n + 1 > sizeof(res->reasons)) {
			n = used + 1 < sizeof(res->reasons) ? sizeof(res->reasons) - used - 1 : 0;
			while (n > 0 && ((unsigned char)r[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(res->reasons + used, r, n);
		res->reasons[used + n] = '\0';
		res->allocations.a[i].reason = res->reasons + used;
		used += n + (used + n < sizeof(res->reasons) - 1 ? 1 : 0);
	}
}

/* A new incident: its flags and those of every incident it touches, then
 * its allocation (the routing rules read the flags). */
int
ik_refresh(struct intake *k, long long incident_id, int provisional)
{
	struct incident_flags f;

	if (flags_refresh_all(k->pg, k->cfg, incident_id, &f) == -1)
		return -1;
	k->res->flags = f.bits;
	if (allocate_incident(k->pg, k->ar, k->actor, incident_id, NULL,
	    &k->res->allocations) == -1)
		return -1;
	reasons_keep(k->res);
	return provisional ? risk_provisional_refresh(k->pg, incident_id) : 0;
}

/* ------------------------------------------------------------------ */
/* Reports: the public form, a partner, Open311                        */

/* Whether the report calls for it: 1 when it is happening now or an
 * answer is its question's notice answer, 0 when those were answered
 * otherwise, -1 when none was (flag_store.c reads the same from the
 * database: the report's at_risk, and the answers). */
static int
report_urgent(const struct intake *k, const struct report_input *r)
{
	struct json_object *rec, *v, *answers = r->answers;
	int urgent = r->happening_now;
	size_t i;

	for (i = 0; i < k->nquestions && urgent < 1; i++) {
		if (*k->questions[i].notice_answer == '\0' || answers == NULL ||
		    !json_object_object_get_ex(answers, k->questions[i].key, &rec) ||
		    !json_object_is_type(rec, json_type_object))
			continue;
		v = NULL;
		json_object_object_get_ex(rec, "answer", &v);
		urgent = flag_answer_urgent(k->questions[i].notice_answer,
		    json_object_is_type(v, json_type_string) ? json_object_get_string(v) : "");
	}
	return urgent;
}

/* A report that joins an open incident: the flags its own answers raise
 * are added to the incident's, and nothing else is worked out again (see
 * sql/migrations/0035_join_cost.sql for why nothing else changes); the
 * provisional score only when what the reports said changed. The result's
 * flags are those: the rest are the incident owner's to see. */
static int
join_refresh(struct intake *k, const struct report_result *out)
{
	long long incident_id = out->incident_id;
	const struct report_input *r = &k->in->report;
	struct flag_facts f = { .urgent = report_urgent(k, r),
	    .vulnerable = r->vulnerable, .targeted = r->targeted,
	    .happened_before = r->happened_before };
	struct flag_windows w;
	struct flag_result fr;

	if (k->cfg != NULL)
		flag_windows_from_config(k->cfg, &w);
	else
		flag_windows_default(&w);
	flags_compute(&w, &f, &fr);
	k->res->flags = fr.bits;
	if (flags_add(k->pg, out->report_id, fr.bits & ~out->incident_flags) == -1)
		return -1;
	/* The score reads only what the reports said, the incident's own
	 * answers and the questionnaire: only the first can change here. */
	return out->triage_changed ? risk_provisional_refresh(k->pg, incident_id) : 0;
}

/* Inside the report's transaction, before it commits (report_submit has
 * written the reporter's part in the incident): the flags and the
 * provisional score. */
static int
report_within(struct pg *pg, const struct report_result *out, void *arg)
{
	struct intake *k = arg;

	(void)pg;
	/* The reporter is always a new person (report.c, report_insert). */
	if (out->linked)
		return join_refresh(k, out);
	return ik_refresh(k, out->incident_id, 1);
}

/* A report's own fields trimmed: the form's and Open311's alike. */
static void
report_trim(struct intake *k, struct report_input *r)
{
	r->description = ik_trim(k, r->description);
	r->address = ik_trim(k, r->address);
	r->postcode = ik_trim(k, r->postcode);
	r->impact = ik_trim(k, r->impact);
	r->given_name = ik_trim(k, r->given_name);
	r->family_name = ik_trim(k, r->family_name);
	r->email = ik_trim(k, r->email);
	r->phone = ik_trim(k, r->phone);
	r->partner_reference = ik_trim(k, r->partner_reference);
	r->tenancy_reference = ik_trim(k, r->tenancy_reference);
	/* Open311 says who sent it by the fields it sends: blank ones say
	 * nothing, and the contact preference follows what is left. */
	if (k->in->channel == INTAKE_OPEN311) {
		if (intake_blank(r->given_name) && intake_blank(r->family_name) &&
		    intake_blank(r->email) && intake_blank(r->phone))
			r->anonymous = 1;
		r->preferred_contact = !intake_blank(r->email) ? "email" :
		    !intake_blank(r->phone) ? "phone" : "none";
	}
}

/* A report's fields, each by its checker. */
static void
check_report(struct intake *k, struct report_input *r)
{
	const char *why;
	size_t i;

	/* With no map point the postcode is all there is to go by (a point
	 * decides by itself, in report_submit): outside is refused as a point
	 * outside is, and first, so that it is the first thing said. */
	if (!r->has_point && k->cfg != NULL && (why = intake_district_check(
	    k->cfg->postcode_districts, r->postcode, r->address)) != NULL) {
		ik_error(k, intake_blank(r->postcode) ? INTAKE_F_WHERE : INTAKE_F_POSTCODE, why);
		k->res->report_rc = REPORT_OUTSIDE;
	}
	ik_type(k, r->type_code);
	if (!intake_blank(r->type_code) && k->plan.type_id == 0 && !k->failed)
		k->res->report_rc = REPORT_BAD_TYPE;
	ik_description(k, r->description);
	/* The form's date and time, through the staff channels' parsers; the
	 * form's own step allows no date after tomorrow either. */
	if (!intake_blank(k->in->occurred_date) && (why = intake_when_check(k->ar,
	    k->in->occurred_date, k->in->occurred_time, k->now, &r->occurred_at)) != NULL)
		ik_error(k, INTAKE_F_WHEN, why);
	if (!r->anonymous && !intake_blank(r->email) &&
	    (why = contact_email_check(r->email)) != NULL)
		ik_error(k, "email", why);
	if (!r->anonymous && !intake_blank(r->phone) &&
	    (why = contact_phone_check(r->phone)) != NULL)
		ik_error(k, "phone", why);
	r->postcode = ik_postcode(k, INTAKE_F_POSTCODE, r->postcode);
	if (r->has_point && !area_point_valid(r->lon, r->lat)) {
		ik_error(k, INTAKE_F_WHERE, POINT_WORDS);
		k->res->report_rc = REPORT_BAD_POINT;
	}
	/* History has no answers to the type's questions to give. */
	ik_answers(k, r->answers, k->in->channel != INTAKE_IMPORT);
	for (i = 0; i < k->rules.nmandatory; i++) {
		const char *f = k->rules.mandatory[i];

		if (intake_has_error(k->res, f))
			continue;
		if ((strcmp(f, INTAKE_F_TYPE) == 0 && intake_blank(r->type_code)) ||
		    (strcmp(f, INTAKE_F_WHEN) == 0 && r->occurred_at == NULL) ||
		    (strcmp(f, INTAKE_F_WHERE) == 0 && !r->has_point &&
		    intake_blank(r->address) && intake_blank(r->postcode)))
			ik_error(k, f, intake_field_missing(f));
	}
}

/* The type and its questions, when the channel did not hand them over
 * (Open311; the form reads them for its own checks): what this worker
 * kept, which report_begin checks against the catalogue's version.
 * k->in becomes *copy. */
static int
report_catalogue(struct intake *k, const char *code, struct intake_submission *copy,
    struct asb_type_ref *type)
{
	struct asb_question *q;
	size_t n;

	if (k->in->type != NULL || intake_blank(code))
		return 0;
	if (asb_type_questions_kept(k->pg, k->ar, code, type, &q, &n) == -1)
		return -1;
	*copy = *k->in;
	copy->type = type;
	copy->questions = q;
	copy->nquestions = n;
	k->in = copy;
	return 0;
}

/* A report from the public, a partner or Open311: checked here, then
 * taken by report_submit (dedup, the incident or the one it joins, the
 * reporter, the report, evidence, audit, mail) with this intake's own
 * rows and refreshes inside its transaction. */
static enum intake_rc
intake_submit_report(struct intake *k, struct rd *rd)
{
	struct report_input r = k->in->report;
	struct intake_result *res = k->res;
	struct intake_submission copy;
	struct asb_type_ref type;
	enum report_rc rc;

	r.channel = intake_channel_name(k->in->channel);
	if (intake_rules_load(k->pg, k->ar, k->actor, k->in->channel, &k->rules) == -1)
		return INTAKE_ERROR;
	report_trim(k, &r);
	if (report_catalogue(k, r.type_code, &copy, &type) == -1)
		return INTAKE_ERROR;
	check_report(k, &r);
	if (k->failed)
		return INTAKE_ERROR;
	if (res->nerrors > 0)
		return INTAKE_INVALID;
	r.within = report_within;
	r.within_arg = k;
	if (k->type_name != NULL) {
		r.type_id = k->plan.type_id;
		r.type_name = k->type_name;
	}
	if (k->in->type != NULL)
		r.catalogue = k->in->type->catalogue;
	switch ((rc = report_submit(k->pg, rd, k->actor, &r, &res->report))) {
	case REPORT_OK:
		res->incident_id = res->report.incident_id;
		snprintf(res->incident_reference, sizeof(res->incident_reference), "%s",
		    res->report.incident_reference);
		return INTAKE_OK;
	case REPORT_OUTSIDE:
		ik_error(k, INTAKE_F_WHERE, intake_outside_words(k->ar, &res->report.where));
		break;
	case REPORT_BAD_POINT:
		ik_error(k, INTAKE_F_WHERE, POINT_WORDS);
		break;
	case REPORT_BAD_TYPE:
		ik_error(k, INTAKE_F_TYPE, "Choose a type of anti-social behaviour from the list");
		break;
	case REPORT_STALE:
		k->stale = 1;
		return INTAKE_ERROR;
	default:
		return INTAKE_ERROR;
	}
	res->report_rc = rc;
	return k->failed ? INTAKE_ERROR : INTAKE_INVALID;
}

static enum intake_rc
intake_once(struct pg *pg, struct rd *rd, const struct config *cfg,
    const struct actor *a, const struct intake_submission *in,
    struct intake_result *res, int *stale)
{
	struct intake k;
	enum intake_rc rc;

	memset(res, 0, sizeof(*res));
	res->risk_level = -1;
	memset(&k, 0, sizeof(k));
	if ((k.ar = arena_new(16384)) == NULL)
		return INTAKE_ERROR;
	k.pg = pg;
	k.cfg = cfg;
	k.actor = a;
	k.in = in;
	k.res = res;
	k.now = clock_epoch();
	k.plan.ar = k.ar;
	switch (in->channel) {
	case INTAKE_POLICE:
	case INTAKE_CALL:
	case INTAKE_CAD:
		rc = intake_submit_staff(&k);
		break;
	default:
		rc = intake_submit_report(&k, rd);
		break;
	}
	*stale = k.stale;
	arena_free(k.ar);
	return rc;
}

/* Takes a submission from any channel. INTAKE_OK and the result; or
 * INTAKE_INVALID and every field's error, nothing saved; or INTAKE_ERROR
 * (logged), nothing saved. */
enum intake_rc
intake_submit(struct pg *pg, struct rd *rd, const struct config *cfg,
    const struct actor *a, const struct intake_submission *in,
    struct intake_result *res)
{
	struct intake_submission again;
	enum intake_rc rc;
	int stale;

	if ((rc = intake_once(pg, rd, cfg, a, in, res, &stale)) != INTAKE_ERROR || !stale)
		return rc;
	/* An administrator changed the types or questions since the answers
	 * were checked (by what this worker kept, or the channel read):
	 * nothing was saved; the type is read again and the report checked
	 * again by it. */
	asb_catalogue_forget();
	again = *in;
	again.type = NULL;
	again.questions = NULL;
	again.nquestions = 0;
	if ((rc = intake_once(pg, rd, cfg, a, &again, res, &stale)) == INTAKE_ERROR && stale)
		log_error("intake: the ASB types changed again while a report was checked");
	res->catalogue_changed = 1;
	return rc;
}
