/* Risk assessments in the database: a questionnaire version loaded for
 * scoring (domain/risk.c), an assessment recorded on an incident with its
 * audit row in one transaction, and an incident's assessments, newest
 * first. Every assessment is a new row (0022_risk_assessment.sql). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "domain/risk_record.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* Version 0 asks for the active one. */
	{ "risk_version",
	  "SELECT version, name, unknown_percent FROM risk_questionnaire "
	  "WHERE CASE WHEN $1::integer = 0 THEN active ELSE version = $1::integer END" },
	{ "risk_questions",
	  "SELECT key, label, hint, risky, weight, coalesce(forces_level::text, '') "
	  "FROM risk_question WHERE version = $1 ORDER BY position" },
	{ "risk_bands",
	  "SELECT level::text, min_score FROM risk_band WHERE version = $1" },
	{ "risk_cadence",
	  "SELECT level::text, after_days FROM risk_review_cadence "
	  "WHERE version = $1 ORDER BY level, after_days" },
	/* The level and score before, for the audit row, and the new ones;
	 * an assessment asked for (assessment_due, 0025) is no longer due. */
	{ "risk_incident_set",
	  "WITH old AS (SELECT risk_level, risk_score FROM incident "
	  "WHERE id = $1 FOR UPDATE) "
	  "UPDATE incident i SET risk_level = $2::risk_level, risk_score = $3::integer, "
	  "assessment_due = NULL "
	  "FROM old WHERE i.id = $1 "
	  "RETURNING coalesce(old.risk_level::text, ''), coalesce(old.risk_score::text, '')" },
	{ "risk_assessment_insert",
	  "INSERT INTO risk_assessment (incident_id, version, answers, score, level, "
	  "assessed_by, reason) VALUES ($1, $2, $3::jsonb, $4, $5::risk_level, "
	  "nullif($6, '0')::bigint, $7) "
	  "RETURNING id, floor(extract(epoch FROM assessed_at))::bigint" },
	{ "risk_assessment_list",
	  "SELECT ra.id, ra.version, ra.score, ra.level::text, ra.answers::text, "
	  "coalesce(ra.assessed_by, 0), floor(extract(epoch FROM ra.assessed_at))::bigint, "
	  "ra.reason, coalesce(u.name, ''), "
	  "to_char(ra.assessed_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI') "
	  "FROM risk_assessment ra LEFT JOIN app_user u ON u.id = ra.assessed_by "
	  "WHERE ra.incident_id = $1 "
	  "ORDER BY ra.assessed_at DESC, ra.id DESC LIMIT 500" },
};

const struct pg_stmts risk_record_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* Runs a statement on one version number. NULL on error. */
static PGresult *
by_version(struct pg *pg, const char *name, int version)
{
	char v[16];
	const char *p[1] = { v };

	snprintf(v, sizeof(v), "%d", version);
	return pg_exec(pg, name, 1, p);
}

static int
questions_read(struct pg *pg, struct arena *ar, struct risk_questionnaire *q)
{
	struct risk_question *qs;
	enum risk_answer risky;
	enum risk_level forced;
	PGresult *res;
	int i, rows, rc = 0;

	if ((res = by_version(pg, "risk_questions", q->version)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((qs = arena_calloc(ar, (size_t)rows + 1, sizeof(*qs))) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < rows; i++) {
		qs[i].key = arena_strdup(ar, PQgetvalue(res, i, 0));
		qs[i].label = arena_strdup(ar, PQgetvalue(res, i, 1));
		qs[i].hint = arena_strdup(ar, PQgetvalue(res, i, 2));
		if (risk_answer_parse(PQgetvalue(res, i, 3), &risky) == -1)
			rc = -1;
		qs[i].risky = risky;
		qs[i].weight = atoi(PQgetvalue(res, i, 4));
		qs[i].forces = risk_level_parse(PQgetvalue(res, i, 5), &forced) == 0 ?
		    (int)forced : RISK_NO_LEVEL;
		if (qs[i].key == NULL || qs[i].label == NULL || qs[i].hint == NULL)
			rc = -1;
	}
	PQclear(res);
	q->questions = qs;
	q->n = rc == 0 ? (size_t)rows : 0;
	return rc;
}

static int
bands_read(struct pg *pg, struct risk_questionnaire *q)
{
	enum risk_level l;
	PGresult *res;
	int i, rc = 0;

	if ((res = by_version(pg, "risk_bands", q->version)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(res); i++) {
		if (risk_level_parse(PQgetvalue(res, i, 0), &l) == -1)
			rc = -1;
		else
			q->band_min[l] = atoi(PQgetvalue(res, i, 1));
	}
	PQclear(res);
	return rc;
}

static int
cadence_read(struct pg *pg, struct arena *ar, struct risk_questionnaire *q)
{
	enum risk_level l;
	PGresult *res;
	int *days[RISK_LEVELS], i, rows, rc = 0;

	if ((res = by_version(pg, "risk_cadence", q->version)) == NULL)
		return -1;
	rows = PQntuples(res);
	for (i = 0; i < RISK_LEVELS; i++)
		if ((days[i] = arena_calloc(ar, (size_t)rows + 1, sizeof(int))) == NULL)
			rc = -1;
	/* Ordered by level, then days: each level's list comes out ascending. */
	for (i = 0; rc == 0 && i < rows; i++) {
		if (risk_level_parse(PQgetvalue(res, i, 0), &l) == -1)
			rc = -1;
		else
			days[l][q->nreview[l]++] = atoi(PQgetvalue(res, i, 1));
	}
	PQclear(res);
	for (i = 0; i < RISK_LEVELS; i++)
		q->review_days[i] = days[i];
	return rc;
}

/* Within the caller's transaction: a questionnaire version (0: the active
 * one) with its questions in order, bands and cadence. RISK_OK,
 * RISK_NOT_FOUND or RISK_ERROR. */
enum risk_rc
risk_questionnaire_load(struct pg *pg, struct arena *ar, int version,
    struct risk_questionnaire *q)
{
	PGresult *res;
	int found;

	memset(q, 0, sizeof(*q));
	if ((res = by_version(pg, "risk_version", version)) == NULL)
		return RISK_ERROR;
	if ((found = PQntuples(res) == 1)) {
		q->version = atoi(PQgetvalue(res, 0, 0));
		q->name = arena_strdup(ar, PQgetvalue(res, 0, 1));
		q->unknown_percent = atoi(PQgetvalue(res, 0, 2));
	}
	PQclear(res);
	if (!found)
		return RISK_NOT_FOUND;
	if (q->name == NULL || questions_read(pg, ar, q) == -1 ||
	    bands_read(pg, q) == -1 || cadence_read(pg, ar, q) == -1)
		return RISK_ERROR;
	return RISK_OK;
}

/* A questionnaire version (0: the active one) in its own transaction. */
enum risk_rc
risk_questionnaire_get(struct pg *pg, struct arena *ar, const struct actor *a,
    int version, struct risk_questionnaire *q)
{
	enum risk_rc rc;

	if (tx_begin(pg, a) == -1)
		return RISK_ERROR;
	if ((rc = risk_questionnaire_load(pg, ar, version, q)) == RISK_ERROR) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == 0 ? rc : RISK_ERROR;
}

/* Every question's answer, the unanswered as "unknown": what the
 * assessment records, so that it reads the same under any later version.
 * answers has been checked by risk_score. */
static struct json_object *
answers_full(const struct risk_questionnaire *q, struct json_object *answers)
{
	struct json_object *all = json_object_new_object(), *v;
	const char *ans;
	size_t i;

	for (i = 0; all != NULL && i < q->n; i++) {
		ans = "unknown";
		if (answers != NULL && json_object_object_get_ex(answers,
		    q->questions[i].key, &v))
			ans = json_object_get_string(v);
		json_object_object_add(all, q->questions[i].key,
		    json_object_new_string(ans));
	}
	return all;
}

/* The incident's level and score, before (for the audit row) and after. */
static int
incident_risk_set(struct pg *pg, long long incident_id,
    const struct risk_result *r, struct json_object **before)
{
	char iid[24], score[16];
	const char *p[3] = { iid, risk_level_name(r->level), score };
	PGresult *res;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(score, sizeof(score), "%d", r->score);
	if ((res = pg_exec(pg, "risk_incident_set", 3, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return -1;
	}
	*before = json_object_new_object();
	if (*PQgetvalue(res, 0, 0) != '\0') {
		json_object_object_add(*before, "risk_level",
		    json_object_new_string(PQgetvalue(res, 0, 0)));
		json_object_object_add(*before, "risk_score",
		    json_object_new_int(atoi(PQgetvalue(res, 0, 1))));
	}
	PQclear(res);
	return 0;
}

static int
assessment_insert(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const struct risk_questionnaire *q,
    const struct risk_result *r, struct json_object *answers,
    const char *reason, struct risk_assessment *out)
{
	char iid[24], ver[16], score[16], by[24];
	const char *p[7] = { iid, ver, json_object_to_json_string_ext(answers,
	    JSON_C_TO_STRING_PLAIN), score, risk_level_name(r->level), by, reason };
	PGresult *res;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(ver, sizeof(ver), "%d", q->version);
	snprintf(score, sizeof(score), "%d", r->score);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	if ((res = pg_exec(pg, "risk_assessment_insert", 7, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return -1;
	}
	memset(out, 0, sizeof(*out));
	out->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	out->assessed_at = (time_t)strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	PQclear(res);
	out->version = q->version;
	out->score = r->score;
	out->level = r->level;
	out->forced_by = r->forced_by;
	out->answers = arena_strdup(ar, p[2]);
	out->assessed_by = a->user_id;
	out->reason = arena_strdup(ar, reason);
	return out->answers != NULL && out->reason != NULL ? 0 : -1;
}

/* What the audit row says was decided: the assessment, its version, the
 * score, the level and what forced it, and every answer. */
static struct json_object *
audit_after(const struct risk_assessment *as, const struct risk_result *r,
    struct json_object *answers)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "risk_assessment", json_object_new_int64(as->id));
	json_object_object_add(o, "version", json_object_new_int(as->version));
	json_object_object_add(o, "risk_score", json_object_new_int(r->score));
	json_object_object_add(o, "risk_level",
	    json_object_new_string(risk_level_name(r->level)));
	if (r->forced_by != NULL)
		json_object_object_add(o, "forced_by",
		    json_object_new_string(r->forced_by));
	json_object_object_add(o, "answers", json_object_get(answers));
	return o;
}

/* Within the caller's transaction: records an assessment already scored
 * (r, from risk_score against q) on an incident: a new assessment row with
 * every question's answer, the incident's level and score, and one audit
 * row with the answers and the reason. What risk_assess and the intake's
 * first assessment share. 0, or -1 on error. */
int
risk_record_tx(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const struct risk_questionnaire *q,
    const struct risk_result *r, struct json_object *answers, const char *reason,
    struct risk_assessment *out)
{
	struct json_object *all, *before = NULL, *after;
	char id[24];
	int rc = -1;

	if ((all = answers_full(q, answers)) == NULL ||
	    incident_risk_set(pg, incident_id, r, &before) == -1 ||
	    assessment_insert(pg, ar, a, incident_id, q, r, all, reason, out) == -1)
		goto out;
	snprintf(id, sizeof(id), "%lld", incident_id);
	after = audit_after(out, r, all);
	rc = audit_append(pg, a, "incident", id, "risk_assessed", before, after,
	    *reason != '\0' ? reason : NULL);
	json_object_put(after);
out:
	json_object_put(before);
	json_object_put(all);
	return rc;
}

/* Assesses an incident the actor may see, if it is still at version (the
 * page the answers were given on), with the active questionnaire: a new
 * assessment row (a reassessment never changes an old one), the
 * incident's level and score, and one audit row with the answers and the
 * reason. RISK_OK and out; RISK_BAD_KEY or RISK_BAD_ANSWER with *bad_key,
 * nothing saved; RISK_NOT_FOUND (audited), RISK_CONFLICT or RISK_ERROR. */
enum risk_rc
risk_assess(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, struct json_object *answers,
    const char *reason, struct risk_assessment *out, const char **bad_key)
{
	struct risk_questionnaire q;
	struct risk_result r;
	struct incident in;
	enum incident_result irc;
	enum risk_rc rc = RISK_ERROR;

	*bad_key = NULL;
	if (reason == NULL)
		reason = "";
	if ((irc = incident_begin(pg, ar, a, reference, &in)) != INCIDENT_OK)
		return irc == INCIDENT_NOT_FOUND ? RISK_NOT_FOUND : RISK_ERROR;
	if (risk_questionnaire_load(pg, ar, 0, &q) != RISK_OK)
		goto out;
	if ((rc = risk_score(&q, answers, &r, bad_key)) != RISK_OK)
		goto out;
	rc = RISK_ERROR;
	if ((irc = incident_touch(pg, in.id, version)) != INCIDENT_OK) {
		if (irc == INCIDENT_CONFLICT)
			rc = RISK_CONFLICT;
		goto out;
	}
	if (risk_record_tx(pg, ar, a, in.id, &q, &r, answers, reason, out) == -1)
		goto out;
	return pg_commit(pg) == 0 ? RISK_OK : RISK_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

/* Every assessment of an incident the actor may see, newest first: the
 * history a reassessment adds to. RISK_OK, RISK_NOT_FOUND (audited) or
 * RISK_ERROR. */
enum risk_rc
risk_history(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct risk_assessment **out, size_t *n)
{
	struct risk_assessment *as;
	struct incident in;
	enum incident_result irc;
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int i, rows, ok = 1;

	*out = NULL;
	*n = 0;
	if ((irc = incident_begin(pg, ar, a, reference, &in)) != INCIDENT_OK)
		return irc == INCIDENT_NOT_FOUND ? RISK_NOT_FOUND : RISK_ERROR;
	snprintf(iid, sizeof(iid), "%lld", in.id);
	if ((res = pg_exec(pg, "risk_assessment_list", 1, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((as = arena_calloc(ar, (size_t)rows + 1, sizeof(*as))) == NULL)
		ok = 0;
	for (i = 0; ok && i < rows; i++) {
		as[i].id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		as[i].version = atoi(PQgetvalue(res, i, 1));
		as[i].score = atoi(PQgetvalue(res, i, 2));
		ok = risk_level_parse(PQgetvalue(res, i, 3), &as[i].level) == 0;
		as[i].answers = arena_strdup(ar, PQgetvalue(res, i, 4));
		as[i].assessed_by = strtoll(PQgetvalue(res, i, 5), NULL, 10);
		as[i].assessed_at = (time_t)strtoll(PQgetvalue(res, i, 6), NULL, 10);
		as[i].reason = arena_strdup(ar, PQgetvalue(res, i, 7));
		as[i].by_name = arena_strdup(ar, PQgetvalue(res, i, 8));
		as[i].when = arena_strdup(ar, PQgetvalue(res, i, 9));
		if (as[i].answers == NULL || as[i].reason == NULL ||
		    as[i].by_name == NULL || as[i].when == NULL)
			ok = 0;
	}
	PQclear(res);
	if (!ok)
		goto err;
	*out = as;
	*n = (size_t)rows;
	return pg_commit(pg) == 0 ? RISK_OK : RISK_ERROR;
err:
	pg_rollback(pg);
	return RISK_ERROR;
}
