/* One allocation of an incident with everything done in it — for its own
 * page in the queue, and for the incident page's "why it is here" and its
 * earlier queues — and the choices of its forms: the people it may be
 * assigned to and the teams it may be reallocated to (domain/queue.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/queue.h"
#include "domain/queue_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

/* An allocation x, its team, who did what in it and where it went, and
 * its incident (after ALLOCATION_EXTRA columns); $2 $3 the hours. */
#define ALLOCATION_COLUMNS						\
	"x.id, x.team_id, tm.agency_id, tm.code, tm.name, tg.name, x.kind, x.reason, " \
	QUEUE_LONDON_SQL("x.created_at") ", x.location_to_confirm, "	\
	"coalesce(i.risk_level::text, ''), coalesce(x.assigned_to, 0), "	\
	"coalesce(ua.name, ''), coalesce(" QUEUE_LONDON_SQL("x.assigned_at") ", ''), " \
	"coalesce(x.triage, ''), coalesce(" QUEUE_LONDON_SQL("x.triaged_at") ", ''), " \
	"coalesce(ub.name, ''), coalesce(" QUEUE_LONDON_SQL("x.first_action_at") ", ''), " \
	QUEUE_DUE_COLUMNS("$2", "$3") ", x.ended_at IS NOT NULL, "	\
	"coalesce(" QUEUE_LONDON_SQL("x.ended_at") ", ''), coalesce(ue.name, ''), " \
	"coalesce(x.ended_reason, ''), coalesce(rt.name, ''), "		\
	INCIDENT_COLUMNS						\
	"JOIN incident_allocation x ON x.incident_id = i.id "		\
	"JOIN team tm ON tm.id = x.team_id JOIN agency tg ON tg.id = tm.agency_id " \
	"LEFT JOIN app_user ua ON ua.id = x.assigned_to "		\
	"LEFT JOIN app_user ub ON ub.id = x.triaged_by "		\
	"LEFT JOIN app_user ue ON ue.id = x.ended_by "			\
	"LEFT JOIN incident_allocation nx ON nx.id = x.replaced_by "	\
	"LEFT JOIN team rt ON rt.id = nx.team_id "
#define ALLOCATION_EXTRA	27

static const struct pg_stmt stmts[] = {
	{ "queue_allocation", "SELECT " ALLOCATION_COLUMNS "WHERE x.id = $1" },
	/* The same, locked for a change (domain/queue_act.c). */
	{ "queue_allocation_lock",
	  "SELECT " ALLOCATION_COLUMNS "WHERE x.id = $1 FOR UPDATE OF x" },
	/* Current ones first, then the earlier ones, each in order of arrival. */
	{ "queue_allocations_of_incident",
	  "SELECT " ALLOCATION_COLUMNS "WHERE x.incident_id = $1 "
	  "ORDER BY x.ended_at IS NOT NULL, x.created_at, x.id" },
	/* The active people of agency $1 who may work an item (a role there
	 * with incident.update), the members of team $2 first; $3 one of
	 * them, or NULL for all. */
	{ "queue_people",
	  "SELECT u.id, u.name, u.team_id IS NOT DISTINCT FROM $2::bigint "
	  "FROM app_user u WHERE u.agency_id = $1 AND u.disabled_at IS NULL "
	  "AND ($3::bigint IS NULL OR u.id = $3) "
	  "AND EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id "
	  "  WHERE ur.user_id = u.id AND ur.agency_id = u.agency_id "
	  "  AND 'incident.update' = ANY (r.permissions)) "
	  "ORDER BY 3 DESC, u.name, u.id" },
	/* The active teams incident $1 may be reallocated to: of an active
	 * agency that may see it, and not one it is in already; agency $2's
	 * first; $3 one of them, or NULL for all. */
	{ "queue_targets",
	  "SELECT t.id, t.name || ' (' || g.name || ')', g.id = $2 "
	  "FROM incident i, team t JOIN agency g ON g.id = t.agency_id AND g.active "
	  "WHERE i.id = $1 AND t.active AND ($3::bigint IS NULL OR t.id = $3) "
	  "AND agency_may_see(g.id, i.owning_agency_id, i.sharing, i.shared_with) "
	  "AND NOT EXISTS (SELECT 1 FROM incident_allocation c WHERE c.incident_id = i.id "
	  "  AND c.team_id = t.id AND c.ended_at IS NULL) "
	  "ORDER BY 3 DESC, g.name, t.name, t.id" },
};

const struct pg_stmts queue_item_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static void
allocation_read(struct arena *ar, PGresult *res, int row, void *out)
{
	struct queue_allocation *q = out;

	memset(q, 0, sizeof(*q));
	q->id = queue_num(res, row, 0);
	q->team_id = queue_num(res, row, 1);
	q->team_agency_id = queue_num(res, row, 2);
	q->team_code = queue_col(ar, res, row, 3);
	q->team_name = queue_col(ar, res, row, 4);
	q->team_agency = queue_col(ar, res, row, 5);
	q->kind = queue_col(ar, res, row, 6);
	q->reason = queue_col(ar, res, row, 7);
	q->since = queue_col(ar, res, row, 8);
	q->location_to_confirm = queue_bool(res, row, 9);
	q->risk = queue_col(ar, res, row, 10);
	q->assigned_to = queue_num(res, row, 11);
	q->assigned = queue_col(ar, res, row, 12);
	q->assigned_at = queue_col(ar, res, row, 13);
	q->triage = queue_col(ar, res, row, 14);
	q->triaged_at = queue_col(ar, res, row, 15);
	q->triaged_by = queue_col(ar, res, row, 16);
	q->first_action_at = queue_col(ar, res, row, 17);
	queue_due_read(ar, res, row, 18, &q->triage_due, &q->triage_late,
	    &q->action_due, &q->action_late);
	q->ended = queue_bool(res, row, 22);
	q->ended_at = queue_col(ar, res, row, 23);
	q->ended_by = queue_col(ar, res, row, 24);
	q->ended_reason = queue_col(ar, res, row, 25);
	q->moved_to = queue_col(ar, res, row, 26);
	incident_read_at(ar, res, row, ALLOCATION_EXTRA, &q->in);
}

/* Reads allocation id within the caller's transaction (locked when lock
 * is set): QUEUE_OK, QUEUE_NOT_FOUND (or its incident is not the actor's
 * to see) or QUEUE_ERROR. */
enum queue_result
queue_allocation_read(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long id, int lock, struct queue_allocation *out)
{
	struct queue_hours h;
	char xid[24];
	const char *p[3] = { xid, h.triage, h.action };
	PGresult *res;
	int found;

	memset(out, 0, sizeof(*out));
	if (queue_hours(cfg, &h) == -1)
		return QUEUE_ERROR;
	snprintf(xid, sizeof(xid), "%lld", id);
	if ((res = pg_exec(pg, lock ? "queue_allocation_lock" : "queue_allocation",
	    3, p)) == NULL)
		return QUEUE_ERROR;
	if ((found = PQntuples(res) == 1))
		allocation_read(ar, res, 0, out);
	PQclear(res);
	return found && incident_second_check(a, &out->in) ? QUEUE_OK : QUEUE_NOT_FOUND;
}

/* One allocation, for its page, if the actor may see its incident (the
 * page says whether they may act on it). QUEUE_OK, QUEUE_NOT_FOUND or
 * QUEUE_ERROR. */
enum queue_result
queue_allocation_get(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long id, struct queue_allocation *out)
{
	enum queue_result rc;

	if (tx_begin(pg, a) == -1)
		return QUEUE_ERROR;
	rc = queue_allocation_read(pg, ar, cfg, a, id, 0, out);
	if (rc == QUEUE_ERROR) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == 0 ? rc : QUEUE_ERROR;
}

/* Every allocation of an incident the actor may see (the caller checked),
 * current ones first. 0 or -1. */
int
queue_allocations_of_incident(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long incident_id, struct queue_allocation **out,
    size_t *n)
{
	struct queue_hours h;
	char iid[24];
	const char *p[3] = { iid, h.triage, h.action };

	*out = NULL;
	*n = 0;
	if (queue_hours(cfg, &h) == -1)
		return -1;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	return queue_rows(pg, ar, a, "queue_allocations_of_incident", 3, p, sizeof(**out),
	    allocation_read, (void **)out, n);
}

/* The rows of a choices statement: id, name, near. 0 or -1. */
static int
choices_read(struct arena *ar, PGresult *res, struct queue_choice **out, size_t *n)
{
	int i, rows = PQntuples(res);

	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < rows; i++) {
		(*out)[i].id = queue_num(res, i, 0);
		(*out)[i].name = queue_col(ar, res, i, 1);
		(*out)[i].near = queue_bool(res, i, 2);
	}
	*n = (size_t)rows;
	return 0;
}

/* Runs a choices statement (queue_people, queue_targets) with its three
 * parameters, within the caller's transaction. 0 or -1. */
static int
choices(struct pg *pg, struct arena *ar, const char *stmt, long long a1,
    long long a2, long long only, struct queue_choice **out, size_t *n)
{
	char p1[24], p2[24], p3[24];
	const char *p[3] = { p1, p2, only > 0 ? p3 : NULL };
	PGresult *res;
	int rc;

	*out = NULL;
	*n = 0;
	snprintf(p1, sizeof(p1), "%lld", a1);
	snprintf(p2, sizeof(p2), "%lld", a2);
	snprintf(p3, sizeof(p3), "%lld", only);
	if ((res = pg_exec(pg, stmt, 3, p)) == NULL)
		return -1;
	rc = choices_read(ar, res, out, n);
	PQclear(res);
	return rc;
}

/* As choices, in a read transaction of its own. */
static int
choices_tx(struct pg *pg, struct arena *ar, const struct actor *a, const char *stmt,
    long long a1, long long a2, struct queue_choice **out, size_t *n)
{
	if (tx_begin(pg, a) == -1)
		return -1;
	if (choices(pg, ar, stmt, a1, a2, 0, out, n) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

/* The people an item may be assigned to: the active staff of its team's
 * agency who may work it, its team's members first. 0 or -1. */
int
queue_people(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, struct queue_choice **out, size_t *n)
{
	return choices_tx(pg, ar, a, "queue_people", q->team_agency_id, q->team_id, out, n);
}

/* The teams an item may be reallocated to, the actor's agency's first.
 * 0 or -1. */
int
queue_targets(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, struct queue_choice **out, size_t *n)
{
	return choices_tx(pg, ar, a, "queue_targets", q->in.id, a->agency_id, out, n);
}

/* Whether person may be assigned item q, within the caller's transaction
 * (as queue_people): 1, 0 or -1. */
int
queue_person_ok(struct pg *pg, struct arena *ar, const struct queue_allocation *q,
    long long person)
{
	struct queue_choice *c;
	size_t n;

	return choices(pg, ar, "queue_people", q->team_agency_id, q->team_id, person,
	    &c, &n) == -1 ? -1 : n == 1;
}

/* Whether q may be reallocated to team, within the caller's transaction
 * (as queue_targets): 1, 0 or -1. */
int
queue_target_ok(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, long long team)
{
	struct queue_choice *c;
	size_t n;

	return choices(pg, ar, "queue_targets", q->in.id, a->agency_id, team,
	    &c, &n) == -1 ? -1 : n == 1;
}
