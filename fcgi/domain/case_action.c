/* A case's action plan (domain/case_action.h): reading the plan and one
 * action with its breaches, the owners the form offers, and adding,
 * changing, completing and cancelling actions and recording breaches —
 * each in one transaction with its audit row on the case and a line on
 * the case's timeline. Row security shows an action only through a case
 * the actor's agency works; the owner rules (an agency working the case,
 * a team or person of it) are checked here in one statement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/case_action.h"
#include "domain/tx.h"
#include "store/pg.h"

#define WHEN_BY(at, who)	"to_char(" at " AT TIME ZONE 'Europe/London', " \
	"'FMDD Mon YYYY \"at\" HH24:MI') || ' by ' || " who
#define DAY(col)	"coalesce(to_char(" col ", 'YYYY-MM-DD'), '')"

/* One action's columns, in struct case_action's order (action_read). */
#define ACTION_SELECT \
	"SELECT a.id, a.case_id, c.reference, a.type_id, t.name, t.enforcement, a.title, " \
	"a.detail, a.owner_agency_id, coalesce(a.owner_team_id, 0), " \
	"coalesce(a.owner_user_id, 0), g.name, coalesce(tm.name, ''), coalesce(u.name, ''), " \
	DAY("a.due_on") ", " DAY("a.served_on") ", " DAY("a.expires_on") ", " \
	DAY("a.review_on") ", a.conditions, a.status, a.outcome, " \
	"coalesce(" WHEN_BY("a.closed_at", "cu.name") ", ''), " \
	WHEN_BY("a.created_at", "cr.name") ", coalesce(p.id, 0), " \
	"coalesce(to_char(p.held_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY') " \
	"  || ', ' || p.location, ''), " \
	"(SELECT count(*) FROM case_action_breach b WHERE b.action_id = a.id), a.version, " \
	"to_char((now() AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') " \
	"FROM case_action a JOIN monitored_case c ON c.id = a.case_id " \
	"JOIN action_type t ON t.id = a.type_id JOIN agency g ON g.id = a.owner_agency_id " \
	"LEFT JOIN team tm ON tm.id = a.owner_team_id " \
	"LEFT JOIN app_user u ON u.id = a.owner_user_id " \
	"LEFT JOIN app_user cu ON cu.id = a.closed_by " \
	"JOIN app_user cr ON cr.id = a.created_by " \
	"LEFT JOIN case_panel p ON p.id = a.panel_id "
#define ACTION_COLS	28

/* The agencies working case $1: its lead and those named on it. */
#define WORKING \
	"WITH w AS (SELECT c.lead_agency_id AS id FROM monitored_case c WHERE c.id = $1 " \
	"  UNION SELECT ca.agency_id FROM case_agency ca " \
	"  WHERE ca.case_id = $1 AND ca.removed_at IS NULL) "
/* Whether user u of agency g may work actions. */
#define WORKS_ACTIONS(u, g) \
	"EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id " \
	"  WHERE ur.user_id = " u " AND ur.agency_id = " g \
	"  AND 'action.manage' = ANY (r.permissions))"

static const struct pg_stmt stmts[] = {
	{ "ca_plan", ACTION_SELECT "WHERE a.case_id = $1::bigint "
	  "ORDER BY a.status = 'open' DESC, a.due_on NULLS LAST, a.id LIMIT 500" },
	{ "ca_one", ACTION_SELECT "WHERE a.id = $1::bigint" },
	{ "ca_agencies", WORKING
	  "SELECT g.id, g.id, g.name FROM w JOIN agency g ON g.id = w.id "
	  "ORDER BY g.id = (SELECT lead_agency_id FROM monitored_case WHERE id = $1) DESC, "
	  "g.name" },
	{ "ca_teams", WORKING
	  "SELECT t.id, t.agency_id, t.name FROM team t JOIN w ON w.id = t.agency_id "
	  "WHERE t.active ORDER BY t.agency_id, t.name" },
	{ "ca_people", WORKING
	  "SELECT u.id, u.agency_id, u.name FROM app_user u JOIN w ON w.id = u.agency_id "
	  "WHERE u.disabled_at IS NULL AND " WORKS_ACTIONS("u.id", "u.agency_id")
	  " ORDER BY u.agency_id, u.name" },
	/* $1 case, $2 agency, $3 team, $4 person, $5 type, $6 the type it
	 * has now (an inactive one may stay), $7 panel: each "0" for none. */
	{ "ca_owner_check", WORKING
	  "SELECT EXISTS (SELECT 1 FROM w WHERE w.id = $2::bigint), "
	  "$3::bigint = 0 OR EXISTS (SELECT 1 FROM team t WHERE t.id = $3::bigint "
	  "  AND t.agency_id = $2::bigint AND t.active), "
	  "$4::bigint = 0 OR EXISTS (SELECT 1 FROM app_user u WHERE u.id = $4::bigint "
	  "  AND u.agency_id = $2::bigint AND u.disabled_at IS NULL AND "
	  WORKS_ACTIONS("u.id", "u.agency_id") "), "
	  "EXISTS (SELECT 1 FROM action_type y WHERE y.id = $5::bigint "
	  "  AND (y.active OR y.id = $6::bigint)), "
	  "$7::bigint = 0 OR EXISTS (SELECT 1 FROM case_panel p WHERE p.id = $7::bigint), "
	  "(SELECT enforcement FROM action_type WHERE id = $5::bigint)" },
	{ "ca_insert",
	  "INSERT INTO case_action (case_id, type_id, title, detail, owner_agency_id, "
	  "owner_team_id, owner_user_id, due_on, served_on, expires_on, review_on, "
	  "conditions, panel_id, created_by) VALUES ($1::bigint, $2::bigint, $3, $4, "
	  "$5::bigint, nullif($6::bigint, 0), nullif($7::bigint, 0), nullif($8, '')::date, "
	  "nullif($9, '')::date, nullif($10, '')::date, nullif($11, '')::date, $12, "
	  "nullif($13::bigint, 0), $14::bigint) RETURNING id" },
	/* A new due date clears the overdue notice: the new one is told once. */
	{ "ca_update",
	  "UPDATE case_action SET type_id = $3::bigint, title = $4, detail = $5, "
	  "owner_agency_id = $6::bigint, owner_team_id = nullif($7::bigint, 0), "
	  "owner_user_id = nullif($8::bigint, 0), "
	  "overdue_sent_at = CASE WHEN due_on IS DISTINCT FROM nullif($9, '')::date "
	  "  THEN NULL ELSE overdue_sent_at END, due_on = nullif($9, '')::date, "
	  "served_on = nullif($10, '')::date, expires_on = nullif($11, '')::date, "
	  "review_on = nullif($12, '')::date, conditions = $13, version = version + 1 "
	  "WHERE id = $1::bigint AND version = $2::integer AND status = 'open'" },
	{ "ca_close",
	  "UPDATE case_action SET status = $3, outcome = $4, closed_at = now(), "
	  "closed_by = $5::bigint, version = version + 1 "
	  "WHERE id = $1::bigint AND version = $2::integer AND status = 'open'" },
	{ "ca_breaches",
	  "SELECT to_char(b.occurred_on, 'YYYY-MM-DD'), b.reported_by, b.description, "
	  "coalesce(i.reference, ''), b.response, " WHEN_BY("b.recorded_at", "u.name") " "
	  "FROM case_action_breach b LEFT JOIN incident i ON i.id = b.incident_id "
	  "JOIN app_user u ON u.id = b.recorded_by WHERE b.action_id = $1::bigint "
	  "ORDER BY b.occurred_on DESC, b.id DESC" },
	{ "ca_breach_add",
	  "INSERT INTO case_action_breach (action_id, occurred_on, reported_by, description, "
	  "incident_id, response, recorded_by) VALUES ($1::bigint, $2::date, $3, $4, "
	  "nullif($5::bigint, 0), $6, $7::bigint) RETURNING id" },
	{ "ca_incident", "SELECT id FROM incident WHERE reference = $1" },
};

const struct pg_stmts case_action_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

static long long
num(PGresult *res, int row, int c)
{
	return strtoll(PQgetvalue(res, row, c), NULL, 10);
}

static const char *
str(struct arena *ar, PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

/* "YYYY-MM-DD" or "" into *d. */
static void
day_read(PGresult *res, int row, int c, struct action_date *d)
{
	memset(d, 0, sizeof(*d));
	d->set = date_parse(PQgetvalue(res, row, c), &d->d) != NULL;
}

/* A date for a statement: "YYYY-MM-DD", or "" for none. */
static const char *
day_param(struct arena *ar, const struct action_date *d)
{
	if (!d->set)
		return "";
	return arena_printf(ar, "%04d-%02d-%02d", d->d.year, d->d.month, d->d.day);
}

static int
action_read(struct arena *ar, PGresult *res, int row, struct case_action *a,
    struct date *today)
{
	struct action_date t;

	memset(a, 0, sizeof(*a));
	a->id = num(res, row, 0);
	a->case_id = num(res, row, 1);
	a->case_reference = str(ar, res, row, 2);
	a->type_id = num(res, row, 3);
	a->type_name = str(ar, res, row, 4);
	a->enforcement = PQgetvalue(res, row, 5)[0] == 't';
	a->title = str(ar, res, row, 6);
	a->detail = str(ar, res, row, 7);
	a->owner_agency_id = num(res, row, 8);
	a->owner_team_id = num(res, row, 9);
	a->owner_user_id = num(res, row, 10);
	a->owner_agency = str(ar, res, row, 11);
	a->owner_team = str(ar, res, row, 12);
	a->owner_user = str(ar, res, row, 13);
	day_read(res, row, 14, &a->due);
	day_read(res, row, 15, &a->served);
	day_read(res, row, 16, &a->expires);
	day_read(res, row, 17, &a->review);
	a->conditions = str(ar, res, row, 18);
	a->status = str(ar, res, row, 19);
	a->outcome = str(ar, res, row, 20);
	a->closed = str(ar, res, row, 21);
	a->created = str(ar, res, row, 22);
	a->panel_id = num(res, row, 23);
	a->panel = str(ar, res, row, 24);
	a->breaches = (long)num(res, row, 25);
	a->version = num(res, row, 26);
	day_read(res, row, 27, &t);
	if (today != NULL)
		*today = t.d;
	return a->case_reference == NULL || a->type_name == NULL || a->title == NULL ||
	    a->detail == NULL || a->owner_agency == NULL || a->owner_team == NULL ||
	    a->owner_user == NULL || a->conditions == NULL || a->status == NULL ||
	    a->outcome == NULL || a->closed == NULL || a->created == NULL ||
	    a->panel == NULL || !t.set ? -1 : 0;
}

/* admin_read_fn for the plan's rows. */
static int
plan_row(struct arena *ar, PGresult *res, int row, void *out)
{
	struct case_action *a = out;

	return action_read(ar, res, row, a, &a->today);
}

int
case_action_plan(struct pg *pg, struct arena *ar, const struct actor *actor,
    long long case_id, struct case_action **out, size_t *n, struct date *today)
{
	char cid[24];
	const char *p[1] = { cid };
	void *rows;

	ID(cid, case_id);
	memset(today, 0, sizeof(*today));
	if (admin_rows(pg, ar, actor, "ca_plan", 1, p, sizeof(**out), plan_row, &rows,
	    n) == -1)
		return -1;
	*out = rows;
	if (*n > 0)
		*today = (*out)[0].today;
	return 0;
}

/* The rows of one choices statement. 0 or -1. */
static int
owners_read(struct pg *pg, struct arena *ar, const char *stmt, const char *cid,
    struct action_owner **out, size_t *n)
{
	const char *p[1] = { cid };
	PGresult *res;
	int i, rows;

	if ((res = pg_exec(pg, stmt, 1, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out));
	for (i = 0; *out != NULL && i < rows; i++) {
		(*out)[i].id = num(res, i, 0);
		(*out)[i].agency_id = num(res, i, 1);
		if (((*out)[i].name = str(ar, res, i, 2)) == NULL)
			*out = NULL;
	}
	*n = (size_t)rows;
	PQclear(res);
	return *out != NULL ? 0 : -1;
}

int
case_action_choices(struct pg *pg, struct arena *ar, const struct actor *actor,
    long long case_id, struct action_choices *c)
{
	char cid[24];

	memset(c, 0, sizeof(*c));
	ID(cid, case_id);
	if (tx_begin(pg, actor) == -1)
		return -1;
	if (owners_read(pg, ar, "ca_agencies", cid, &c->agencies, &c->nagencies) == -1 ||
	    owners_read(pg, ar, "ca_teams", cid, &c->teams, &c->nteams) == -1 ||
	    owners_read(pg, ar, "ca_people", cid, &c->people, &c->npeople) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

/* Checks the owner, type and panel of in for case_id (current_type: the
 * type the action has now, 0 for a new one); *enforcement says whether
 * the type is one. */
static enum case_action_result
input_check(struct pg *pg, long long case_id, const struct case_action_input *in,
    long long current_type, int *enforcement)
{
	char cid[24], gid[24], tid[24], uid[24], yid[24], cur[24], pid[24];
	const char *p[7] = { cid, gid, tid, uid, yid, cur, pid };
	enum case_action_result rc = CASE_ACTION_OK;
	PGresult *res;

	if (in->owner_team_id == 0 && in->owner_user_id == 0)
		return CASE_ACTION_NO_OWNER;
	ID(cid, case_id);
	ID(gid, in->owner_agency_id);
	ID(tid, in->owner_team_id);
	ID(uid, in->owner_user_id);
	ID(yid, in->type_id);
	ID(cur, current_type);
	ID(pid, in->panel_id);
	if ((res = pg_exec(pg, "ca_owner_check", 7, p)) == NULL)
		return CASE_ACTION_ERROR;
	if (PQgetvalue(res, 0, 0)[0] != 't')
		rc = CASE_ACTION_BAD_AGENCY;
	else if (PQgetvalue(res, 0, 1)[0] != 't')
		rc = CASE_ACTION_BAD_TEAM;
	else if (PQgetvalue(res, 0, 2)[0] != 't')
		rc = CASE_ACTION_BAD_PERSON;
	else if (PQgetvalue(res, 0, 3)[0] != 't')
		rc = CASE_ACTION_BAD_TYPE;
	else if (PQgetvalue(res, 0, 4)[0] != 't')
		rc = CASE_ACTION_BAD_PANEL;
	*enforcement = PQgetvalue(res, 0, 5)[0] == 't';
	PQclear(res);
	return rc;
}

static struct json_object *
day_json(struct arena *ar, const struct action_date *d)
{
	return d->set ? json_object_new_string(day_param(ar, d)) : NULL;
}

static struct json_object *
id_json(long long v)
{
	return v > 0 ? json_object_new_int64(v) : NULL;
}

/* What an action is, for its audit row. */
static struct json_object *
input_json(struct arena *ar, long long id, const struct case_action_input *in)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "action", json_object_new_int64(id));
	json_object_object_add(o, "type", json_object_new_int64(in->type_id));
	json_object_object_add(o, "title", json_object_new_string(in->title));
	json_object_object_add(o, "detail", json_object_new_string(in->detail));
	json_object_object_add(o, "owner_agency", json_object_new_int64(in->owner_agency_id));
	json_object_object_add(o, "owner_team", id_json(in->owner_team_id));
	json_object_object_add(o, "owner_user", id_json(in->owner_user_id));
	json_object_object_add(o, "due_on", day_json(ar, &in->due));
	json_object_object_add(o, "served_on", day_json(ar, &in->served));
	json_object_object_add(o, "expires_on", day_json(ar, &in->expires));
	json_object_object_add(o, "review_on", day_json(ar, &in->review));
	json_object_object_add(o, "conditions", json_object_new_string(in->conditions));
	json_object_object_add(o, "panel", id_json(in->panel_id));
	return o;
}

/* The audit row on the case and its timeline line. 0 or -1. */
static int
record(struct pg *pg, const struct actor *actor, long long case_id, const char *action,
    struct json_object *before, struct json_object *after, const char *reason,
    const char *kind, const char *summary, long long action_id)
{
	char cid[24], detail[48];
	int rc;

	ID(cid, case_id);
	snprintf(detail, sizeof(detail), "{\"action\": %lld}", action_id);
	rc = summary == NULL || audit_append(pg, actor, "monitored_case", cid, action,
	    before, after, reason) == -1 ||
	    case_event_add(pg, actor, case_id, kind, summary, 0, detail) == -1 ? -1 : 0;
	json_object_put(before);
	json_object_put(after);
	return rc;
}

/* The strings of in for ca_insert or ca_update, from params[first]. */
static void
input_params(struct arena *ar, const struct case_action_input *in, const char **p,
    char ids[3][24])
{
	ID(ids[0], in->owner_agency_id);
	ID(ids[1], in->owner_team_id);
	ID(ids[2], in->owner_user_id);
	p[0] = in->title;
	p[1] = in->detail;
	p[2] = ids[0];
	p[3] = ids[1];
	p[4] = ids[2];
	p[5] = day_param(ar, &in->due);
	p[6] = day_param(ar, &in->served);
	p[7] = day_param(ar, &in->expires);
	p[8] = day_param(ar, &in->review);
}

/* An enforcement type's fields are kept only for enforcement. */
static struct case_action_input
input_for_type(const struct case_action_input *in, int enforcement)
{
	struct case_action_input v = *in;

	if (!enforcement) {
		memset(&v.served, 0, sizeof(v.served));
		memset(&v.expires, 0, sizeof(v.expires));
		memset(&v.review, 0, sizeof(v.review));
		v.conditions = "";
	}
	return v;
}

enum case_action_result
case_action_create(struct pg *pg, struct arena *ar, const struct actor *actor,
    const char *case_reference, const struct case_action_input *in0, long long *id)
{
	struct case_action_input in;
	struct case_head h;
	enum case_action_result rc;
	char cid[24], yid[24], pid[24], uid[24], ids[3][24];
	const char *p[14];
	PGresult *res;
	int enforcement = 0;

	if (tx_begin(pg, actor) == -1)
		return CASE_ACTION_ERROR;
	switch (case_head_load(pg, ar, actor, case_reference, &h)) {
	case CASE_OK:
		break;
	case CASE_NOT_FOUND:
		rc = CASE_ACTION_NOT_FOUND;
		goto out;
	default:
		rc = CASE_ACTION_ERROR;
		goto out;
	}
	rc = CASE_ACTION_CLOSED;
	if (strcmp(h.status, "open") != 0)
		goto out;
	if ((rc = input_check(pg, h.id, in0, 0, &enforcement)) != CASE_ACTION_OK)
		goto out;
	in = input_for_type(in0, enforcement);
	ID(cid, h.id);
	ID(yid, in.type_id);
	ID(pid, in.panel_id);
	ID(uid, actor->user_id);
	p[0] = cid;
	p[1] = yid;
	input_params(ar, &in, p + 2, ids);
	p[11] = in.conditions;
	p[12] = pid;
	p[13] = uid;
	rc = CASE_ACTION_ERROR;
	if ((res = pg_exec(pg, "ca_insert", 14, p)) == NULL)
		goto out;
	*id = num(res, 0, 0);
	PQclear(res);
	if (record(pg, actor, h.id, "action_add", NULL, input_json(ar, *id, &in), NULL,
	    "action_added", arena_printf(ar, in.panel_id > 0 ? "Action added (from a case "
	    "panel): %s" : "Action added: %s", in.title), *id) == -1)
		goto out;
	return pg_commit(pg) == 0 ? CASE_ACTION_OK : CASE_ACTION_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

/* Action id within the transaction. */
static enum case_action_result
action_load(struct pg *pg, struct arena *ar, long long id, struct case_action *a,
    struct date *today)
{
	char aid[24];
	const char *p[1] = { aid };
	enum case_action_result rc = CASE_ACTION_NOT_FOUND;
	PGresult *res;

	ID(aid, id);
	if ((res = pg_exec(pg, "ca_one", 1, p)) == NULL)
		return CASE_ACTION_ERROR;
	if (PQntuples(res) == 1)
		rc = action_read(ar, res, 0, a, today) == -1 ? CASE_ACTION_ERROR :
		    CASE_ACTION_OK;
	PQclear(res);
	return rc;
}

static int
breaches_read(struct pg *pg, struct arena *ar, long long id,
    struct case_action_breach **out, size_t *n)
{
	char aid[24];
	const char *p[1] = { aid };
	struct action_date d;
	PGresult *res;
	int i, rows, rc = 0;

	ID(aid, id);
	if ((res = pg_exec(pg, "ca_breaches", 1, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out));
	*n = (size_t)rows;
	for (i = 0; *out != NULL && i < rows; i++) {
		struct case_action_breach *b = &(*out)[i];

		day_read(res, i, 0, &d);
		b->occurred = d.d;
		if ((b->reported_by = str(ar, res, i, 1)) == NULL ||
		    (b->description = str(ar, res, i, 2)) == NULL ||
		    (b->incident = str(ar, res, i, 3)) == NULL ||
		    (b->response = str(ar, res, i, 4)) == NULL ||
		    (b->recorded = str(ar, res, i, 5)) == NULL)
			rc = -1;
	}
	PQclear(res);
	return *out == NULL ? -1 : rc;
}

enum case_action_result
case_action_get(struct pg *pg, struct arena *ar, const struct actor *actor, long long id,
    struct case_head *h, struct case_action *a, struct case_action_breach **b, size_t *nb,
    struct date *today)
{
	enum case_action_result rc;
	struct json_object *after;
	char asked[24], cid[24];

	if (tx_begin(pg, actor) == -1)
		return CASE_ACTION_ERROR;
	if ((rc = action_load(pg, ar, id, a, today)) == CASE_ACTION_NOT_FOUND) {
		ID(asked, id);
		if (audit_not_found(pg, actor, "case_action", asked) == -1 ||
		    pg_commit(pg) == -1)
			return CASE_ACTION_ERROR;
		return CASE_ACTION_NOT_FOUND;
	}
	if (rc != CASE_ACTION_OK)
		goto err;
	if (case_head_load(pg, ar, actor, a->case_reference, h) != CASE_OK ||
	    breaches_read(pg, ar, id, b, nb) == -1)
		goto err;
	ID(cid, a->case_id);
	after = json_object_new_object();
	json_object_object_add(after, "action", json_object_new_int64(id));
	rc = audit_append(pg, actor, "monitored_case", cid, "view_action", NULL, after, NULL)
	    == -1 ? CASE_ACTION_ERROR : CASE_ACTION_OK;
	json_object_put(after);
	if (rc != CASE_ACTION_OK)
		goto err;
	return pg_commit(pg) == 0 ? CASE_ACTION_OK : CASE_ACTION_ERROR;
err:
	pg_rollback(pg);
	return CASE_ACTION_ERROR;
}

/* The action as it was, as input_json writes it, for a change's before. */
static struct case_action_input
input_of(const struct case_action *a)
{
	struct case_action_input in = {
		.type_id = a->type_id, .title = a->title, .detail = a->detail,
		.conditions = a->conditions, .owner_agency_id = a->owner_agency_id,
		.owner_team_id = a->owner_team_id, .owner_user_id = a->owner_user_id,
		.due = a->due, .served = a->served, .expires = a->expires,
		.review = a->review, .panel_id = a->panel_id,
	};

	return in;
}

/* An open action of an open case, loaded for a change within the
 * transaction, at the version the form saw. */
static enum case_action_result
changeable(struct pg *pg, struct arena *ar, const struct actor *actor, long long id,
    long long version, struct case_action *a)
{
	struct case_head h;
	enum case_action_result rc;

	if ((rc = action_load(pg, ar, id, a, NULL)) != CASE_ACTION_OK)
		return rc;
	if (case_head_load(pg, ar, actor, a->case_reference, &h) != CASE_OK)
		return CASE_ACTION_ERROR;
	if (strcmp(h.status, "open") != 0)
		return CASE_ACTION_CLOSED;
	if (a->version != version)
		return CASE_ACTION_CONFLICT;
	return strcmp(a->status, "open") == 0 ? CASE_ACTION_OK : CASE_ACTION_CLOSED;
}

/* Whether an UPDATE changed its one row: OK, else CONFLICT. */
static enum case_action_result
one_row(PGresult *res)
{
	enum case_action_result rc = strcmp(PQcmdTuples(res), "1") == 0 ?
	    CASE_ACTION_OK : CASE_ACTION_CONFLICT;

	PQclear(res);
	return rc;
}

enum case_action_result
case_action_update(struct pg *pg, struct arena *ar, const struct actor *actor,
    long long id, const struct case_action_input *in0)
{
	struct case_action_input in, was;
	struct case_action a;
	enum case_action_result rc;
	char aid[24], ver[24], yid[24], ids[3][24];
	const char *p[13];
	PGresult *res;
	int enforcement = 0;

	if (tx_begin(pg, actor) == -1)
		return CASE_ACTION_ERROR;
	if ((rc = changeable(pg, ar, actor, id, in0->version, &a)) != CASE_ACTION_OK ||
	    (rc = input_check(pg, a.case_id, in0, a.type_id, &enforcement)) != CASE_ACTION_OK)
		goto out;
	in = input_for_type(in0, enforcement);
	in.panel_id = a.panel_id;
	was = input_of(&a);
	ID(aid, id);
	ID(ver, in.version);
	ID(yid, in.type_id);
	p[0] = aid;
	p[1] = ver;
	p[2] = yid;
	input_params(ar, &in, p + 3, ids);
	p[12] = in.conditions;
	rc = CASE_ACTION_ERROR;
	if ((res = pg_exec(pg, "ca_update", 13, p)) == NULL)
		goto out;
	if ((rc = one_row(res)) != CASE_ACTION_OK)
		goto out;
	rc = CASE_ACTION_ERROR;
	if (record(pg, actor, a.case_id, "action_change", input_json(ar, id, &was),
	    input_json(ar, id, &in), NULL, "action_changed",
	    arena_printf(ar, "Action changed: %s", in.title), id) == -1)
		goto out;
	return pg_commit(pg) == 0 ? CASE_ACTION_OK : CASE_ACTION_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

enum case_action_result
case_action_close(struct pg *pg, struct arena *ar, const struct actor *actor,
    long long id, long long version, const char *status, const char *outcome)
{
	int done = strcmp(status, "done") == 0;
	struct json_object *before, *after;
	struct case_action a;
	enum case_action_result rc;
	char aid[24], ver[24], uid[24];
	const char *p[5] = { aid, ver, status, outcome, uid };
	PGresult *res;

	if (tx_begin(pg, actor) == -1)
		return CASE_ACTION_ERROR;
	if ((rc = changeable(pg, ar, actor, id, version, &a)) != CASE_ACTION_OK)
		goto out;
	ID(aid, id);
	ID(ver, version);
	ID(uid, actor->user_id);
	rc = CASE_ACTION_ERROR;
	if ((res = pg_exec(pg, "ca_close", 5, p)) == NULL)
		goto out;
	if ((rc = one_row(res)) != CASE_ACTION_OK)
		goto out;
	before = json_object_new_object();
	json_object_object_add(before, "action", json_object_new_int64(id));
	json_object_object_add(before, "status", json_object_new_string(a.status));
	after = json_object_new_object();
	json_object_object_add(after, "action", json_object_new_int64(id));
	json_object_object_add(after, "status", json_object_new_string(status));
	json_object_object_add(after, "outcome", json_object_new_string(outcome));
	rc = CASE_ACTION_ERROR;
	if (record(pg, actor, a.case_id, done ? "action_complete" : "action_cancel",
	    before, after, done ? NULL : outcome, done ? "action_done" : "action_cancelled",
	    arena_printf(ar, done ? "Action completed: %s. Outcome: %s" :
	    "Action cancelled: %s. Why: %s", a.title, outcome), id) == -1)
		goto out;
	return pg_commit(pg) == 0 ? CASE_ACTION_OK : CASE_ACTION_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

/* The id of the incident a reference names, if the actor sees it: 0 for
 * none asked, -1 not found, -2 failed. */
static long long
incident_of(struct pg *pg, const char *reference)
{
	const char *p[1] = { reference };
	PGresult *res;
	long long id = -1;

	if (*reference == '\0')
		return 0;
	if ((res = pg_exec(pg, "ca_incident", 1, p)) == NULL)
		return -2;
	if (PQntuples(res) == 1)
		id = num(res, 0, 0);
	PQclear(res);
	return id;
}

enum case_action_result
case_action_breach_add(struct pg *pg, struct arena *ar, const struct actor *actor,
    long long id, const struct case_action_breach_input *in)
{
	struct json_object *after;
	struct case_action a;
	struct case_head h;
	struct action_date on = { 1, in->occurred };
	enum case_action_result rc;
	char aid[24], iid[24], uid[24];
	const char *p[7] = { aid, day_param(ar, &on), in->reported_by, in->description, iid,
	    in->response, uid };
	long long incident, breach;
	PGresult *res;

	if (tx_begin(pg, actor) == -1)
		return CASE_ACTION_ERROR;
	if ((rc = action_load(pg, ar, id, &a, NULL)) != CASE_ACTION_OK)
		goto out;
	rc = CASE_ACTION_ERROR;
	if (case_head_load(pg, ar, actor, a.case_reference, &h) != CASE_OK)
		goto out;
	rc = CASE_ACTION_CLOSED;
	if (strcmp(h.status, "open") != 0)
		goto out;
	rc = CASE_ACTION_NOT_ENFORCEMENT;
	if (!a.enforcement)
		goto out;
	if ((incident = incident_of(pg, in->incident)) < 0) {
		rc = incident == -1 ? CASE_ACTION_BAD_INCIDENT : CASE_ACTION_ERROR;
		goto out;
	}
	ID(aid, id);
	ID(iid, incident);
	ID(uid, actor->user_id);
	rc = CASE_ACTION_ERROR;
	if (p[1] == NULL || (res = pg_exec(pg, "ca_breach_add", 7, p)) == NULL)
		goto out;
	breach = num(res, 0, 0);
	PQclear(res);
	after = json_object_new_object();
	json_object_object_add(after, "action", json_object_new_int64(id));
	json_object_object_add(after, "breach", json_object_new_int64(breach));
	json_object_object_add(after, "occurred_on", json_object_new_string(p[1]));
	json_object_object_add(after, "reported_by", json_object_new_string(in->reported_by));
	json_object_object_add(after, "description", json_object_new_string(in->description));
	json_object_object_add(after, "incident", id_json(incident));
	json_object_object_add(after, "response", json_object_new_string(in->response));
	if (record(pg, actor, a.case_id, "action_breach", NULL, after, NULL, "action_breach",
	    arena_printf(ar, "Breach recorded of %s: %s", a.type_name, a.title), id) == -1)
		goto out;
	return pg_commit(pg) == 0 ? CASE_ACTION_OK : CASE_ACTION_ERROR;
out:
	pg_rollback(pg);
	return rc;
}
