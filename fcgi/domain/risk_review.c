/* Risk reviews: the incidents due for a review of their assessment (or
 * awaiting a first one), and a supervisor's review confirming or changing
 * the level. The due date is the cadence's (domain/risk.c); the SQL here
 * only reads the latest assessment and review of each open incident. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "domain/risk_record.h"
#include "domain/risk_review.h"
#include "domain/tx.h"
#include "store/pg.h"

#define DAY		86400
#define CANDIDATES_MAX	"5000"	/* assessed open incidents looked at */
#define VERSIONS_MAX	32	/* questionnaire versions in one list */

/* The latest assessment of an incident and the level now: the last
 * review's, or the assessment's. */
#define LATEST \
	"CROSS JOIN LATERAL (SELECT ra.id, ra.version, ra.level, ra.assessed_at " \
	"  FROM risk_assessment ra WHERE ra.incident_id = i.id " \
	"  ORDER BY ra.assessed_at DESC, ra.id DESC LIMIT 1) a " \
	"LEFT JOIN LATERAL (SELECT rr.level_after, rr.reviewed_at FROM risk_review rr " \
	"  WHERE rr.assessment_id = a.id ORDER BY rr.reviewed_at DESC, rr.id DESC " \
	"  LIMIT 1) rv ON true "
#define LATEST_COLUMNS \
	"a.id, a.version, coalesce(rv.level_after, a.level)::text, " \
	"floor(extract(epoch FROM a.assessed_at))::bigint, " \
	"coalesce(floor(extract(epoch FROM rv.reviewed_at))::bigint, 0) "

static const struct pg_stmt stmts[] = {
	{ "risk_review_candidates",
	  "SELECT i.reference, t.name, " LATEST_COLUMNS
	  "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id " LATEST
	  "WHERE i.status <> 'closed' AND coalesce(rv.level_after, a.level) <> 'standard' "
	  "ORDER BY a.assessed_at LIMIT " CANDIDATES_MAX },
	{ "risk_review_awaiting",
	  "SELECT i.reference, t.name, floor(extract(epoch FROM i.assessment_due))::bigint "
	  "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
	  "WHERE i.assessment_due <= to_timestamp($1::double precision) "
	  "AND i.status <> 'closed' "
	  "AND NOT EXISTS (SELECT 1 FROM risk_assessment ra WHERE ra.incident_id = i.id) "
	  "ORDER BY i.assessment_due LIMIT " CANDIDATES_MAX },
	{ "risk_review_latest",
	  "SELECT " LATEST_COLUMNS "FROM incident i " LATEST "WHERE i.id = $1" },
	{ "risk_review_insert",
	  "INSERT INTO risk_review (incident_id, assessment_id, level_before, "
	  "level_after, note, reviewed_by) VALUES ($1, $2, $3::risk_level, "
	  "$4::risk_level, $5, nullif($6, '0')::bigint) RETURNING id" },
	/* Dates for people, in the order given. */
	{ "risk_review_days_text",
	  "SELECT CASE WHEN d = 0 THEN '' ELSE to_char(to_timestamp(d) "
	  "AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY') END "
	  "FROM unnest($1::bigint[]) WITH ORDINALITY AS x (d, n) ORDER BY n" },
	{ "risk_review_level_set",
	  "UPDATE incident SET risk_level = $2::risk_level WHERE id = $1" },
};

const struct pg_stmts risk_review_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* Whether an assessment made at `assessed` at this level, last reviewed at
 * `reviewed` (0: never), is due for review at `now`: 1 and *due (the
 * cadence's next date after the last review, risk_review_next), or 0 when
 * the next date is still to come or the cadence has none left. */
int
risk_review_due_at(const struct risk_questionnaire *q, enum risk_level l,
    time_t assessed, time_t reviewed, time_t now, time_t *due)
{
	time_t next = risk_review_next(q, l, assessed,
	    reviewed > assessed ? reviewed : assessed);

	*due = next;
	return next != 0 && next <= now;
}

/* Whole days from due to now: 0 on the day it falls due. */
int
risk_review_overdue_days(time_t due, time_t now)
{
	return now > due ? (int)((now - due) / DAY) : 0;
}

/* The days of n times (0: none, "") as people read them, London time:
 * one query for the lot. 0, or -1 on error. */
static int
days_text(struct pg *pg, struct arena *ar, const time_t *at, size_t n,
    const char **out)
{
	const char *p[1];
	PGresult *res;
	size_t i, len = 0, cap = 24 * n + 3;
	char *arr;
	int rc = 0;

	if (n == 0)
		return 0;
	if ((arr = arena_alloc(ar, cap)) == NULL)
		return -1;
	arr[len++] = '{';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(arr + len, cap - len, "%s%lld", i ? "," : "",
		    (long long)at[i]);
	snprintf(arr + len, cap - len, "}");
	p[0] = arr;
	if ((res = pg_exec(pg, "risk_review_days_text", 1, p)) == NULL)
		return -1;
	if ((size_t)PQntuples(res) != n)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++)
		if ((out[i] = arena_strdup(ar, PQgetvalue(res, (int)i, 0))) == NULL)
			rc = -1;
	PQclear(res);
	return rc;
}

/* The questionnaire versions met in one list, each loaded once. */
struct versions {
	struct risk_questionnaire q[VERSIONS_MAX];
	size_t	n;
};

static const struct risk_questionnaire *
version_get(struct pg *pg, struct arena *ar, struct versions *v, int version)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->q[i].version == version)
			return &v->q[i];
	if (v->n == VERSIONS_MAX ||
	    risk_questionnaire_load(pg, ar, version, &v->q[v->n]) != RISK_OK)
		return NULL;
	return &v->q[v->n++];
}

static int
due_cmp(const void *a, const void *b)
{
	const struct risk_review_due *x = a, *y = b;

	return x->due < y->due ? -1 : x->due > y->due;
}

/* One row of the list from a result whose first columns are the
 * reference and the type. 0, or -1 out of memory. */
static int
due_add(struct arena *ar, PGresult *res, int row, time_t due, time_t now,
    struct risk_review_due *out)
{
	memset(out, 0, sizeof(*out));
	out->reference = arena_strdup(ar, PQgetvalue(res, row, 0));
	out->type = arena_strdup(ar, PQgetvalue(res, row, 1));
	out->due = due;
	out->overdue_days = risk_review_overdue_days(due, now);
	return out->reference != NULL && out->type != NULL ? 0 : -1;
}

/* The assessed incidents due at now, appended to out. */
static int
assessed_due(struct pg *pg, struct arena *ar, struct versions *v, time_t now,
    struct risk_review_due *out, size_t *n)
{
	const struct risk_questionnaire *q;
	enum risk_level l;
	PGresult *res;
	time_t assessed, due;
	int i, rc = 0;

	if ((res = pg_exec(pg, "risk_review_candidates", 0, NULL)) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < PQntuples(res) && *n < RISK_REVIEW_LIST_MAX; i++) {
		assessed = (time_t)strtoll(PQgetvalue(res, i, 5), NULL, 10);
		if ((q = version_get(pg, ar, v, atoi(PQgetvalue(res, i, 3)))) == NULL ||
		    risk_level_parse(PQgetvalue(res, i, 4), &l) == -1) {
			rc = -1;
			break;
		}
		if (!risk_review_due_at(q, l, assessed,
		    (time_t)strtoll(PQgetvalue(res, i, 6), NULL, 10), now, &due))
			continue;
		rc = due_add(ar, res, i, due, now, &out[(*n)++]);
		out[*n - 1].level = l;
		out[*n - 1].assessed_at = assessed;
	}
	PQclear(res);
	return rc;
}

/* The incidents still awaiting a first assessment past its due time. */
static int
awaiting_due(struct pg *pg, struct arena *ar, time_t now,
    struct risk_review_due *out, size_t *n)
{
	char at[24];
	const char *p[1] = { at };
	PGresult *res;
	int i, rc = 0;

	snprintf(at, sizeof(at), "%lld", (long long)now);
	if ((res = pg_exec(pg, "risk_review_awaiting", 1, p)) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < PQntuples(res) && *n < RISK_REVIEW_LIST_MAX; i++) {
		rc = due_add(ar, res, i, (time_t)strtoll(PQgetvalue(res, i, 2), NULL, 10),
		    now, &out[(*n)++]);
		out[*n - 1].awaiting = 1;
	}
	PQclear(res);
	return rc;
}

/* The dates of the list for people. */
static int
list_texts(struct pg *pg, struct arena *ar, struct risk_review_due *l, size_t n)
{
	const char **texts;
	time_t *at;
	size_t i;

	if (n == 0)
		return 0;
	if ((at = arena_calloc(ar, 2 * n, sizeof(*at))) == NULL ||
	    (texts = arena_calloc(ar, 2 * n, sizeof(*texts))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		at[2 * i] = l[i].assessed_at;
		at[2 * i + 1] = l[i].due;
	}
	if (days_text(pg, ar, at, 2 * n, texts) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		l[i].assessed_text = texts[2 * i];
		l[i].due_text = texts[2 * i + 1];
	}
	return 0;
}

/* Every incident the actor may see, not closed, whose risk review is due
 * or overdue at now, and those awaiting a first assessment past
 * assessment_due: oldest due first, at most RISK_REVIEW_LIST_MAX. 0, or
 * -1 on error. */
int
risk_reviews_due(struct pg *pg, struct arena *ar, const struct actor *a,
    time_t now, struct risk_review_due **out, size_t *n)
{
	struct versions *v;
	struct risk_review_due *list;

	*out = NULL;
	*n = 0;
	if ((v = arena_calloc(ar, 1, sizeof(*v))) == NULL ||
	    (list = arena_calloc(ar, RISK_REVIEW_LIST_MAX, sizeof(*list))) == NULL)
		return -1;
	if (tx_begin(pg, a) == -1)
		return -1;
	if (assessed_due(pg, ar, v, now, list, n) == -1 ||
	    awaiting_due(pg, ar, now, list, n) == -1) {
		pg_rollback(pg);
		*n = 0;
		return -1;
	}
	qsort(list, *n, sizeof(*list), due_cmp);
	if (list_texts(pg, ar, list, *n) == -1) {
		pg_rollback(pg);
		*n = 0;
		return -1;
	}
	if (pg_commit(pg) == -1) {
		*n = 0;
		return -1;
	}
	*out = list;
	return 0;
}

/* The latest assessment of an incident within the caller's transaction:
 * 1 with its id, level now and times, 0 when there is none, -1 on error. */
static int
latest_read(struct pg *pg, long long incident_id, long long *assessment,
    int *version, enum risk_level *l, time_t *assessed, time_t *reviewed)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int rc = 0;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "risk_review_latest", 1, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		*assessment = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		*version = atoi(PQgetvalue(res, 0, 1));
		*assessed = (time_t)strtoll(PQgetvalue(res, 0, 3), NULL, 10);
		*reviewed = (time_t)strtoll(PQgetvalue(res, 0, 4), NULL, 10);
		rc = risk_level_parse(PQgetvalue(res, 0, 2), l) == 0 ? 1 : -1;
	}
	PQclear(res);
	return rc;
}

/* What the review form shows of an incident the actor may see: RISK_OK,
 * RISK_NOT_FOUND (audited) or RISK_ERROR. s->assessed is 0 when the
 * incident has no assessment to review. */
enum risk_rc
risk_review_get(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct risk_review_subject *s)
{
	const struct risk_questionnaire *q;
	struct versions *v;
	struct incident in;
	enum incident_result irc;
	long long assessment;
	time_t reviewed = 0, at[2];
	const char *texts[2] = { "", "" };
	int version = 0, found;

	memset(s, 0, sizeof(*s));
	if ((v = arena_calloc(ar, 1, sizeof(*v))) == NULL)
		return RISK_ERROR;
	if ((irc = incident_begin(pg, ar, a, reference, &in)) != INCIDENT_OK)
		return irc == INCIDENT_NOT_FOUND ? RISK_NOT_FOUND : RISK_ERROR;
	if ((found = latest_read(pg, in.id, &assessment,
	    &version, &s->level, &s->assessed_at, &reviewed)) == -1)
		goto err;
	s->reference = in.reference;
	s->type = in.type;
	s->version = in.version;
	s->assessed = found;
	if (found) {
		if ((q = version_get(pg, ar, v, version)) == NULL)
			goto err;
		(void)risk_review_due_at(q, s->level, s->assessed_at, reviewed, 0, &s->due);
	}
	at[0] = s->assessed_at;
	at[1] = s->due;
	if (found && days_text(pg, ar, at, 2, texts) == -1)
		goto err;
	s->assessed_text = texts[0];
	s->due_text = texts[1];
	return pg_commit(pg) == 0 ? RISK_OK : RISK_ERROR;
err:
	pg_rollback(pg);
	return RISK_ERROR;
}

static struct json_object *
level_json(enum risk_level l)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "risk_level", json_object_new_string(risk_level_name(l)));
	return o;
}

/* Records a review of an incident's latest assessment, if the incident is
 * still at version: the level confirmed or changed (the incident's level
 * with it), the note, one audit row ("risk_reviewed", the note as its
 * reason) and the incident's version touched. RISK_OK; RISK_NOT_FOUND
 * (audited) also when there is no assessment to review; RISK_CONFLICT or
 * RISK_ERROR, nothing saved. */
enum risk_rc
risk_review_record(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, enum risk_level after,
    const char *note)
{
	struct json_object *before = NULL, *now = NULL;
	struct incident in;
	enum incident_result irc;
	enum risk_level l;
	enum risk_rc rc = RISK_ERROR;
	long long assessment;
	time_t assessed, reviewed;
	char iid[24], aid[24], by[24];
	const char *p[6] = { iid, aid, NULL, NULL, note, by };
	PGresult *res;
	int found, v, failed;

	if ((irc = incident_begin(pg, ar, a, reference, &in)) != INCIDENT_OK)
		return irc == INCIDENT_NOT_FOUND ? RISK_NOT_FOUND : RISK_ERROR;
	if ((found = latest_read(pg, in.id, &assessment, &v, &l, &assessed,
	    &reviewed)) == -1)
		goto out;
	if (!found) {
		rc = RISK_NOT_FOUND;
		goto out;
	}
	if ((irc = incident_touch(pg, in.id, version)) != INCIDENT_OK) {
		if (irc == INCIDENT_CONFLICT)
			rc = RISK_CONFLICT;
		goto out;
	}
	snprintf(iid, sizeof(iid), "%lld", in.id);
	snprintf(aid, sizeof(aid), "%lld", assessment);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	p[2] = risk_level_name(l);
	p[3] = risk_level_name(after);
	if ((res = pg_exec(pg, "risk_review_insert", 6, p)) == NULL)
		goto out;
	before = level_json(l);
	now = level_json(after);
	json_object_object_add(now, "risk_review",
	    json_object_new_int64(strtoll(PQgetvalue(res, 0, 0), NULL, 10)));
	json_object_object_add(now, "risk_assessment", json_object_new_int64(assessment));
	PQclear(res);
	if (after != l && pg_exec_ok(pg, "risk_review_level_set", 2,
	    (const char *const[]){ iid, p[3] }) == -1)
		goto out;
	failed = audit_append(pg, a, "incident", iid, "risk_reviewed", before, now, note);
	if (failed == -1)
		goto out;
	json_object_put(before);
	json_object_put(now);
	return pg_commit(pg) == 0 ? RISK_OK : RISK_ERROR;
out:
	json_object_put(before);
	json_object_put(now);
	pg_rollback(pg);
	return rc;
}
