/* The queues a member of staff may work and what is in them: each queue
 * with its counts, a team's open items (or *my work*) filtered and
 * sorted, and a supervisor's view of their people's workload
 * (domain/queue.h). Row security limits every count and list to the
 * incidents the actor sees; each listed row gets the C check as well. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/queue.h"
#include "domain/queue_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

/* $2 $3 are the triage and action hours everywhere below. */
#define CLOCK_X		QUEUE_CLOCK_SQL("x", "i", "$2", "$3")

static const struct pg_stmt stmts[] = {
	/* $1 the user, $4 whether every team of their agency (a
	 * supervisor), $5 their agency. The first row is their *my work*. */
	{ "queue_teams",
	  "SELECT * FROM ("
	  "SELECT 0::bigint AS id, '' AS code, '' AS name, false AS own, "
	  "  count(i.id) AS open, count(i.id) FILTER (WHERE x.triage IS NULL), "
	  "  count(i.id) FILTER (WHERE " CLOCK_X " = 'overdue') "
	  "FROM incident_allocation x JOIN team tm ON tm.id = x.team_id AND tm.agency_id = $5 "
	  "JOIN incident i ON i.id = x.incident_id AND i.status <> 'closed' "
	  "WHERE x.assigned_to = $1 AND x.ended_at IS NULL "
	  "UNION ALL SELECT tm.id, tm.code, tm.name, tm.id IS NOT DISTINCT FROM u.team_id, "
	  "  count(i.id), count(i.id) FILTER (WHERE x.triage IS NULL), "
	  "  count(i.id) FILTER (WHERE " CLOCK_X " = 'overdue') "
	  "FROM app_user u JOIN team tm ON tm.agency_id = u.agency_id "
	  "  AND (tm.active OR tm.id = u.team_id) "
	  "LEFT JOIN incident_allocation x ON x.team_id = tm.id AND x.ended_at IS NULL "
	  "LEFT JOIN incident i ON i.id = x.incident_id AND i.status <> 'closed' "
	  "WHERE u.id = $1 AND u.agency_id = $5 AND (tm.id = u.team_id OR $4::boolean) "
	  "GROUP BY tm.id, u.team_id"
	  ") q ORDER BY q.id <> 0, q.own DESC, q.name, q.id" },
	/* A team of the actor's agency by its code. */
	{ "queue_team_find",
	  "SELECT id, code, name FROM team WHERE agency_id = $1 AND code = $2" },
	/* A team's open items ($1; NULL: every team of the agency $12), the
	 * filters NULL for any: $4 the actor, $5 'me' or 'nobody', $6 a risk
	 * level, $7 a flag (enum flag), $8 'due', 'overdue', 'triaged' or
	 * 'untriaged', $9 an enum queue_sort. ITEM_EXTRA columns come before
	 * INCIDENT_COLUMNS. */
	{ "queue_items",
	  "SELECT count(*) OVER (), x.id, tm.code, tm.name, x.reason, "
	  "coalesce(bt.name, la.name, ''), coalesce(i.risk_level::text, ''), "
	  "extract(epoch FROM now() - i.reported_at)::bigint, coalesce(x.assigned_to, 0), "
	  "coalesce(u.name, ''), coalesce(x.triage, ''), x.first_action_at IS NOT NULL, "
	  QUEUE_DUE_COLUMNS("$2", "$3") ", " CLOCK_X ", x.location_to_confirm, "
	  INCIDENT_COLUMNS
	  "JOIN incident_allocation x ON x.incident_id = i.id AND x.ended_at IS NULL "
	  "JOIN team tm ON tm.id = x.team_id AND tm.agency_id = $12 "
	  "LEFT JOIN app_user u ON u.id = x.assigned_to "
	  "LEFT JOIN beat bt ON bt.id = i.beat_id LEFT JOIN la_area la ON la.id = i.la_area_id "
	  "WHERE i.status <> 'closed' AND ($1::bigint IS NULL OR x.team_id = $1) "
	  "AND ($5::text IS NULL OR ($5 = 'me' AND x.assigned_to = $4::bigint) "
	  "  OR ($5 = 'nobody' AND x.assigned_to IS NULL)) "
	  "AND ($6::risk_level IS NULL OR i.risk_level = $6::risk_level) "
	  "AND ($7::int IS NULL OR (ARRAY[" INCIDENT_FLAG_COLUMNS "])[$7::int + 1]) "
	  "AND ($8::text IS NULL OR ($8 = 'triaged' AND x.triage IS NOT NULL) "
	  "  OR ($8 = 'untriaged' AND x.triage IS NULL) "
	  "  OR ($8 IN ('due', 'overdue') AND " CLOCK_X " = $8)) "
	  "ORDER BY CASE WHEN $9::int = 1 THEN i.risk_level END DESC NULLS LAST, "
	  "CASE WHEN $9::int = 2 THEN i.reported_at END ASC, "
	  QUEUE_NEXT_DUE_SQL("$2", "$3") " ASC NULLS LAST, i.reported_at, x.id "
	  "LIMIT $10 OFFSET $11" },
	/* The workload of the people of agency $1: each active member of a
	 * team, and anyone with an item; then the items nobody has. */
	{ "queue_workload",
	  "WITH items AS (SELECT x.assigned_to, x.triage, x.first_action_at, "
	  "  i.reported_at, i.risk_level FROM incident_allocation x "
	  "  JOIN team tm ON tm.id = x.team_id AND tm.agency_id = $1 "
	  "  JOIN incident i ON i.id = x.incident_id AND i.status <> 'closed' "
	  "  WHERE x.ended_at IS NULL), "
	  "people AS (SELECT u.id, u.name, u.team_id FROM app_user u WHERE u.agency_id = $1 "
	  "  AND ((u.disabled_at IS NULL AND u.team_id IS NOT NULL) "
	  "    OR u.id IN (SELECT assigned_to FROM items))) "
	  "SELECT * FROM ("
	  "SELECT p.id, p.name, coalesce(t.name, '') AS team, count(it.reported_at), "
	  "  count(it.reported_at) FILTER (WHERE it.triage IS NULL), "
	  "  count(it.reported_at) FILTER (WHERE "
	  QUEUE_CLOCK_SQL("it", "it", "$2", "$3") " = 'overdue'), "
	  "  coalesce(extract(epoch FROM now() - min(it.reported_at))::bigint, 0) "
	  "FROM people p LEFT JOIN team t ON t.id = p.team_id "
	  "LEFT JOIN items it ON it.assigned_to = p.id GROUP BY p.id, p.name, t.name "
	  "UNION ALL SELECT 0, '', '', count(*), count(*) FILTER (WHERE it.triage IS NULL), "
	  "  count(*) FILTER (WHERE " QUEUE_CLOCK_SQL("it", "it", "$2", "$3") " = 'overdue'), "
	  "  coalesce(extract(epoch FROM now() - min(it.reported_at))::bigint, 0) "
	  "FROM items it WHERE it.assigned_to IS NULL"
	  ") q ORDER BY q.id = 0, q.team, q.name, q.id" },
};

const struct pg_stmts queue_list_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* ---- what the queue files share (domain/queue_impl.h) ---- */

int
queue_hours(const struct config *cfg, struct queue_hours *h)
{
	if (cfg == NULL)
		return -1;
	clock_hours_text(cfg, CLOCK_TRIAGE, h->triage);
	clock_hours_text(cfg, CLOCK_ACTION, h->action);
	return 0;
}

const char *
queue_col(struct arena *ar, PGresult *res, int row, int col)
{
	return arena_strdup(ar, PQgetvalue(res, row, col));
}

long long
queue_num(PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

int
queue_bool(PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col)[0] == 't';
}

void
queue_due_read(struct arena *ar, PGresult *res, int row, int c, const char **triage_due,
    int *triage_late, const char **action_due, int *action_late)
{
	*triage_due = queue_col(ar, res, row, c);
	*triage_late = queue_bool(res, row, c + 1);
	*action_due = queue_col(ar, res, row, c + 2);
	*action_late = queue_bool(res, row, c + 3);
}

/* Runs stmt in a read transaction of the actor's, each row read into an
 * element (of size bytes) of a new array in ar. 0 or -1. */
int
queue_rows(struct pg *pg, struct arena *ar, const struct actor *a, const char *stmt,
    int np, const char *const *p, size_t size, queue_row_fn read, void **out,
    size_t *n)
{
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, stmt, np, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, size)) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++)
		read(ar, res, i, (char *)*out + (size_t)i * size);
	*n = (size_t)rows;
	PQclear(res);
	return pg_commit(pg);
err:
	pg_rollback(pg);
	*out = NULL;
	return -1;
}

/* ---- the queues ---- */

static enum queue_clock
clock_of(const char *s)
{
	return strcmp(s, "overdue") == 0 ? QUEUE_CLOCK_OVERDUE :
	    strcmp(s, "done") == 0 ? QUEUE_CLOCK_DONE : QUEUE_CLOCK_DUE;
}

static void
team_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct queue_team *q = out;

	q->id = queue_num(res, i, 0);
	q->code = queue_col(ar, res, i, 1);
	q->name = queue_col(ar, res, i, 2);
	q->own = queue_bool(res, i, 3);
	q->open = (long)queue_num(res, i, 4);
	q->untriaged = (long)queue_num(res, i, 5);
	q->overdue = (long)queue_num(res, i, 6);
}

/* The queues the actor may work, *my work* first, then their own team's,
 * then (for those with incident.reallocate) every other team of their
 * agency, each with how many items are open, untriaged and overdue.
 * 0 or -1. */
int
queue_teams(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, struct queue_team **out, size_t *n)
{
	struct queue_hours h;
	struct tx_actor_params t;
	const char *p[5];

	*out = NULL;
	*n = 0;
	if (queue_hours(cfg, &h) == -1)
		return -1;
	tx_actor_params(a, &t);
	p[0] = t.user;
	p[1] = h.triage;
	p[2] = h.action;
	p[3] = perm_has(a->perms, PERM_INCIDENT_REALLOCATE) ? "true" : "false";
	p[4] = t.agency;
	return queue_rows(pg, ar, a, "queue_teams", 5, p, sizeof(**out), team_read,
	    (void **)out, n);
}

/* The team of the actor's agency whose code this is, into *out (no
 * counts). 1 found, 0 not (another agency's codes are not looked at), -1. */
int
queue_team_find(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *code, struct queue_team *out)
{
	char aid[24];
	const char *p[2] = { aid, code };
	PGresult *res;
	int found;

	memset(out, 0, sizeof(*out));
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	if ((res = pg_exec(pg, "queue_team_find", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		out->id = queue_num(res, 0, 0);
		out->code = queue_col(ar, res, 0, 1);
		out->name = queue_col(ar, res, 0, 2);
	}
	PQclear(res);
	return found;
}

#define ITEM_EXTRA	18	/* queue_items' columns before INCIDENT_COLUMNS */

static void
item_read(struct arena *ar, PGresult *res, int row, struct queue_item *it,
    long long *total)
{
	*total = queue_num(res, row, 0);
	it->allocation_id = queue_num(res, row, 1);
	it->team_code = queue_col(ar, res, row, 2);
	it->team_name = queue_col(ar, res, row, 3);
	it->reason = queue_col(ar, res, row, 4);
	it->where = queue_col(ar, res, row, 5);
	it->risk = queue_col(ar, res, row, 6);
	it->age = queue_num(res, row, 7);
	it->assigned_to = queue_num(res, row, 8);
	it->assigned = queue_col(ar, res, row, 9);
	it->triage = queue_col(ar, res, row, 10);
	it->acted = queue_bool(res, row, 11);
	queue_due_read(ar, res, row, 12, &it->triage_due, &it->triage_late,
	    &it->action_due, &it->action_late);
	it->clock = clock_of(PQgetvalue(res, row, 16));
	it->location_to_confirm = queue_bool(res, row, 17);
	incident_read_at(ar, res, row, ITEM_EXTRA, &it->in);
}

static const char *const clock_filters[] = {
	[QUEUE_ANY] = NULL, [QUEUE_IS_DUE] = "due", [QUEUE_IS_OVERDUE] = "overdue",
	[QUEUE_IS_TRIAGED] = "triaged", [QUEUE_IS_UNTRIAGED] = "untriaged",
};

static const char *const assigned_filters[] = {
	[QUEUE_ASSIGNED_ANYONE] = NULL, [QUEUE_ASSIGNED_ME] = "me",
	[QUEUE_ASSIGNED_NOBODY] = "nobody",
};

/* What was listed, for the audit row. */
static struct json_object *
listing_json(long long team_id, const struct queue_filter *f, int offset, size_t n)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "list", json_object_new_string(team_id > 0 ?
	    "queue" : "my_work"));
	if (team_id > 0)
		json_object_object_add(o, "team", json_object_new_int64(team_id));
	if (f->risk != NULL)
		json_object_object_add(o, "risk", json_object_new_string(f->risk));
	if (f->flag >= 0)
		json_object_object_add(o, "flag", json_object_new_int(f->flag));
	if (clock_filters[f->clock] != NULL)
		json_object_object_add(o, "clock", json_object_new_string(clock_filters[f->clock]));
	if (assigned_filters[f->assigned] != NULL)
		json_object_object_add(o, "assigned",
		    json_object_new_string(assigned_filters[f->assigned]));
	json_object_object_add(o, "sort", json_object_new_int((int)f->sort));
	json_object_object_add(o, "offset", json_object_new_int(offset));
	json_object_object_add(o, "results", json_object_new_int((int)n));
	return o;
}

/* The open items of team_id (a team of the actor's agency: the caller
 * found it), or with team_id 0 the actor's *my work* (every item assigned
 * to them, whatever the filter says of who), as the filter says, limit
 * from offset; *total is how many match in all. The listing is audited
 * as a search. 0 or -1. */
int
queue_items(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long team_id, const struct queue_filter *f,
    int limit, int offset, struct queue_item **out, size_t *n, long long *total)
{
	struct queue_hours h;
	struct tx_actor_params t;
	struct json_object *what;
	char team[24], flag[16], sort[16], lim[16], off[16];
	const char *p[12];
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (queue_hours(cfg, &h) == -1)
		return -1;
	tx_actor_params(a, &t);
	snprintf(team, sizeof(team), "%lld", team_id);
	snprintf(flag, sizeof(flag), "%d", f->flag);
	snprintf(sort, sizeof(sort), "%d", (int)f->sort);
	snprintf(lim, sizeof(lim), "%d", limit);
	snprintf(off, sizeof(off), "%d", offset);
	p[0] = team_id > 0 ? team : NULL;
	p[1] = h.triage;
	p[2] = h.action;
	p[3] = t.user;
	p[4] = team_id > 0 ? assigned_filters[f->assigned] : "me";
	p[5] = f->risk;
	p[6] = f->flag >= 0 ? flag : NULL;
	p[7] = clock_filters[f->clock];
	p[8] = sort;
	p[9] = lim;
	p[10] = off;
	p[11] = t.agency;
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "queue_items", 12, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		item_read(ar, res, i, &(*out)[*n], total);
		if (incident_second_check(a, &(*out)[*n].in))
			(*n)++;
	}
	PQclear(res);
	what = listing_json(team_id, f, offset, *n);
	i = audit_append(pg, a, "incident", NULL, "search", NULL, what, NULL);
	json_object_put(what);
	if (i == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	*n = 0;
	return -1;
}

static void
load_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct queue_load *l = out;

	l->user_id = queue_num(res, i, 0);
	l->name = queue_col(ar, res, i, 1);
	l->team = queue_col(ar, res, i, 2);
	l->open = (long)queue_num(res, i, 3);
	l->untriaged = (long)queue_num(res, i, 4);
	l->overdue = (long)queue_num(res, i, 5);
	l->oldest = queue_num(res, i, 6);
}

/* The workload of the people of the actor's agency (for a supervisor):
 * each with their open, untriaged and overdue items and the age of the
 * oldest, by team; last, the items nobody has (user_id 0). 0 or -1. */
int
queue_workload(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, struct queue_load **out, size_t *n)
{
	struct queue_hours h;
	struct tx_actor_params t;
	const char *p[3];

	*out = NULL;
	*n = 0;
	if (queue_hours(cfg, &h) == -1)
		return -1;
	tx_actor_params(a, &t);
	p[0] = t.agency;
	p[1] = h.triage;
	p[2] = h.action;
	return queue_rows(pg, ar, a, "queue_workload", 3, p, sizeof(**out), load_read,
	    (void **)out, n);
}
