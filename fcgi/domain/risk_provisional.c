/* The provisional risk score: what the public form's triage answers and
 * the weighted custom questions say before an officer assesses. The
 * mapping of triage answers to questionnaire questions is data
 * (risk_triage_map, 0032); README "Risk assessment" documents it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/risk.h"
#include "domain/risk_provisional.h"
#include "domain/risk_record.h"
#include "store/pg.h"

/* Two round trips a report (issue 9: a report's cost is its round trips):
 * one read of everything that changes (the active version, the mapping,
 * what the reports' triage answers said, the type's weighted questions and the
 * score stored now), and the write, skipped when the score is unchanged.
 * A questionnaire version is frozen (0022), so each worker keeps the
 * active one it last loaded. */
static const struct pg_stmt stmts[] = {
	/* Every report of the incident: a yes in any of them counts, as
	 * report_triage keeps it (0035). */
	{ "risk_prov_facts",
	  "SELECT (SELECT max(version) FROM risk_questionnaire WHERE active), "
	  "(SELECT coalesce(json_agg(json_build_array(triage_key, question_key)), "
	  "'[]') FROM risk_triage_map)::text, i.report_triage::text, "
	  "(SELECT coalesce(json_agg(json_build_array(q.key, q.kind::text, "
	  "q.triage_weight)), '[]') FROM question q "
	  "WHERE q.asb_type_id = i.asb_type_id AND q.triage_weight > 0 "
	  "AND q.kind IN ('yes_no', 'single_choice', 'multiple_choice'))::text, "
	  "i.answers::text, coalesce(i.provisional_score::text, ''), "
	  "coalesce(i.provisional_level::text, '') "
	  "FROM incident i WHERE i.id = $1" },
	{ "risk_prov_set",
	  "UPDATE incident SET provisional_score = $2::integer, "
	  "provisional_level = $3::risk_level WHERE id = $1" },
};

const struct pg_stmts risk_provisional_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* Whether a custom question's stored answer ({"answer": ...}, as the
 * intake records it) counts: a yes for yes_no, any choice for the others. */
static int
custom_counts(const struct risk_custom_weight *c, struct json_object *answers)
{
	struct json_object *rec, *ans;

	if (answers == NULL || !json_object_object_get_ex(answers, c->key, &rec) ||
	    !json_object_object_get_ex(rec, "answer", &ans) || ans == NULL)
		return 0;
	if (strcmp(c->kind, "yes_no") == 0)
		return json_object_is_type(ans, json_type_string) &&
		    strcmp(json_object_get_string(ans), "yes") == 0;
	if (json_object_is_type(ans, json_type_array))
		return json_object_array_length(ans) > 0;
	return json_object_is_type(ans, json_type_string) &&
	    *json_object_get_string(ans) != '\0';
}

/* The provisional score: the weight of each triage answer that is true in
 * impact ({"feels_unsafe": true, ...}; false, absent or null adds
 * nothing), plus the weight of each custom question whose answer counts.
 * Negative weights count as 0. Pure: no SQL. */
int
risk_provisional_score(const struct risk_triage_weight *t, size_t nt,
    const struct risk_custom_weight *c, size_t nc, struct json_object *impact,
    struct json_object *answers)
{
	struct json_object *v;
	size_t i;
	int score = 0;

	for (i = 0; impact != NULL && i < nt; i++)
		if (t[i].weight > 0 && json_object_object_get_ex(impact, t[i].triage, &v) &&
		    json_object_is_type(v, json_type_boolean) && json_object_get_boolean(v))
			score += t[i].weight;
	for (i = 0; i < nc; i++)
		if (c[i].weight > 0 && custom_counts(&c[i], answers))
			score += c[i].weight;
	return score;
}

/* The weight a triage answer adds: its question's in the active version,
 * when the risky answer of that question is yes; 0 without one. */
static int
triage_weight(const struct risk_questionnaire *q, const char *question_key)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (strcmp(q->questions[i].key, question_key) == 0)
			return q->questions[i].risky == RISK_ANSWER_YES ?
			    q->questions[i].weight : 0;
	return 0;
}

/* The active questionnaire, kept per worker: loaded again only when
 * another version becomes active. NULL on error. */
static const struct risk_questionnaire *
active_questionnaire(struct pg *pg, int version)
{
	static struct arena *ar;
	static struct risk_questionnaire q;

	if (ar != NULL && q.version == version)
		return &q;
	arena_free(ar);
	if ((ar = arena_new(16 * 1024)) == NULL)
		return NULL;
	if (risk_questionnaire_load(pg, ar, version, &q) != RISK_OK) {
		arena_free(ar);
		ar = NULL;
		return NULL;
	}
	return &q;
}

/* The element i of a JSON array, or NULL. */
static struct json_object *
at(struct json_object *a, size_t i)
{
	return json_object_is_type(a, json_type_array) &&
	    i < json_object_array_length(a) ? json_object_array_get_idx(a, i) : NULL;
}

static size_t
len(struct json_object *a)
{
	return json_object_is_type(a, json_type_array) ? json_object_array_length(a) : 0;
}

/* Reads what may have changed, scores, and stores when the score or its
 * level changed. The strings point into the JSON, freed at the end. */
int
risk_provisional_refresh(struct pg *pg, long long incident_id)
{
	enum { F_VERSION, F_TRIAGE, F_IMPACT, F_QUESTIONS, F_ANSWERS, F_SCORE, F_LEVEL };
	const struct risk_questionnaire *q;
	struct risk_triage_weight *tw = NULL;
	struct risk_custom_weight *cw = NULL;
	struct json_object *triage = NULL, *questions = NULL, *impact = NULL;
	struct json_object *answers = NULL, *row;
	PGresult *res;
	char iid[24], score[16];
	const char *p[3] = { iid, score, NULL };
	size_t i, nt, nc;
	int rc = -1;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "risk_prov_facts", 1, p)) == NULL)
		return -1;
	/* Not one the actor may see: nothing to store, as the UPDATE would. */
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 0;
	}
	if (PQgetisnull(res, 0, F_VERSION)) {
		log_error("risk: no active questionnaire");
		goto out;
	}
	if ((q = active_questionnaire(pg, atoi(PQgetvalue(res, 0, F_VERSION)))) == NULL)
		goto out;
	triage = json_tokener_parse(PQgetvalue(res, 0, F_TRIAGE));
	questions = json_tokener_parse(PQgetvalue(res, 0, F_QUESTIONS));
	nt = len(triage);
	nc = len(questions);
	if ((tw = calloc(nt + 1, sizeof(*tw))) == NULL ||
	    (cw = calloc(nc + 1, sizeof(*cw))) == NULL)
		goto out;
	for (i = 0; i < nt; i++) {
		row = at(triage, i);
		if ((tw[i].triage = json_object_get_string(at(row, 0))) == NULL ||
		    json_object_get_string(at(row, 1)) == NULL)
			goto out;
		tw[i].weight = triage_weight(q, json_object_get_string(at(row, 1)));
	}
	for (i = 0; i < nc; i++) {
		row = at(questions, i);
		cw[i].key = json_object_get_string(at(row, 0));
		cw[i].kind = json_object_get_string(at(row, 1));
		cw[i].weight = json_object_get_int(at(row, 2));
		if (cw[i].key == NULL || cw[i].kind == NULL)
			goto out;
	}
	/* No report (police or call-handler entry): no triage answers. */
	if (!PQgetisnull(res, 0, F_IMPACT))
		impact = json_tokener_parse(PQgetvalue(res, 0, F_IMPACT));
	if (nc > 0 && !PQgetisnull(res, 0, F_ANSWERS))
		answers = json_tokener_parse(PQgetvalue(res, 0, F_ANSWERS));
	snprintf(score, sizeof(score), "%d",
	    risk_provisional_score(tw, nt, cw, nc, impact, answers));
	p[2] = risk_level_name(risk_band_of(q, atoi(score)));
	if (strcmp(score, PQgetvalue(res, 0, F_SCORE)) == 0 &&
	    strcmp(p[2], PQgetvalue(res, 0, F_LEVEL)) == 0)
		rc = 0;
	else
		rc = pg_exec_ok(pg, "risk_prov_set", 3, p);
out:
	json_object_put(triage);
	json_object_put(questions);
	json_object_put(impact);
	json_object_put(answers);
	free(tw);
	free(cw);
	PQclear(res);
	return rc;
}
