/* Lists of cases: /staff/cases with its filters and pages, the lead
 * officer's queue (/staff/cases/mine) from case_work, the counts for the
 * queues page, and the cases an incident is on. Row security decides
 * which cases anyone sees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case_core.h"
#include "domain/tx.h"
#include "store/pg.h"

/* A victim of the case without a current risk assessment. */
#define RED "EXISTS (SELECT 1 FROM case_victim_risk r WHERE r.case_id = c.id " \
	"AND NOT r.current)"
/* The work for the actor ($1) or their team. */
#define FOR_ME "(w.user_id = $1::bigint OR (w.user_id IS NULL AND w.team_id = " \
	"(SELECT u.team_id FROM app_user u WHERE u.id = $1::bigint)))"

static const struct pg_stmt stmts[] = {
	/* 0 reference, 1 title, 2 status, 3 lead agency, 4 lead officer, 5 risk,
	 * 6 opened, 7 red, 8 total */
	{ "case_list",
	  "SELECT c.reference, c.title, c.status, a.name, u.name, c.risk_level, "
	  "to_char(c.opened_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY'), " RED ", "
	  "count(*) OVER () FROM monitored_case c JOIN agency a ON a.id = c.lead_agency_id "
	  "JOIN app_user u ON u.id = c.lead_user_id "
	  "WHERE ($1 = '' OR c.status = $1) AND (NOT $2::boolean OR c.lead_user_id = $3::bigint) "
	  "AND ($4::bigint = 0 OR c.lead_agency_id = $4::bigint) AND (NOT $5::boolean OR " RED ") "
	  "ORDER BY c.opened_at DESC, c.id DESC LIMIT 50 OFFSET $6::integer" },
	{ "case_list_agencies",
	  "SELECT id, name FROM agency WHERE active ORDER BY name" },
	/* 0 reference, 1 title, 2 risk, 3 red, 4 due, 5 overdue */
	{ "case_mine",
	  /* The work is counted for the lead's cases only: their ids as an
	   * array reach inside every case_work view as a plain condition, so
	   * no view is worked out for every case there is. */
	  "WITH mine AS (SELECT c.id, c.reference, c.title, c.risk_level, c.opened_at, " RED
	  " AS red FROM monitored_case c WHERE c.lead_user_id = $1::bigint "
	  "AND c.status = 'open'), work AS (SELECT w.case_id, "
	  "count(*) FILTER (WHERE w.due_at IS NULL OR w.due_at > now()) AS due, "
	  "count(*) FILTER (WHERE w.due_at <= now()) AS overdue FROM case_work w "
	  "WHERE w.case_id = ANY (ARRAY(SELECT id FROM mine)) GROUP BY w.case_id) "
	  "SELECT m.reference, m.title, m.risk_level, m.red, coalesce(w.due, 0), "
	  "coalesce(w.overdue, 0) FROM mine m LEFT JOIN work w ON w.case_id = m.id "
	  "ORDER BY 6 DESC, m.opened_at, m.id LIMIT 1000" },
	/* 0 kind, 1 label, 2 due, 3 path, 4 overdue, 5 case reference */
	{ "case_mine_work",
	  "SELECT w.kind, w.label, coalesce(to_char(w.due_at AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY HH24:MI'), ''), w.path, coalesce(w.due_at <= now(), false), "
	  "coalesce(c.reference, '') FROM case_work w "
	  "LEFT JOIN monitored_case c ON c.id = w.case_id WHERE " FOR_ME " "
	  "ORDER BY w.due_at IS NULL, w.due_at, w.label LIMIT 500" },
	{ "case_work_counts",
	  "SELECT count(*), count(*) FILTER (WHERE w.due_at <= now()) FROM case_work w "
	  "WHERE " FOR_ME },
	/* The actor's agency's active case officers: 0 id, 1 name */
	{ "case_officers",
	  "SELECT u.id, u.name FROM app_user u WHERE u.agency_id = $1::bigint "
	  "AND u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM user_role ur "
	  "JOIN role ro ON ro.id = ur.role_id WHERE ur.user_id = u.id "
	  "AND ur.agency_id = u.agency_id AND 'case.manage' = ANY (ro.permissions)) "
	  "ORDER BY u.name LIMIT 500" },
	/* 0 reference, 1 title, 2 status */
	{ "case_of_incident",
	  "SELECT c.reference, c.title, c.status FROM case_incident ci "
	  "JOIN monitored_case c ON c.id = ci.case_id WHERE ci.incident_id = $1::bigint "
	  "AND ci.unlinked_at IS NULL ORDER BY c.opened_at DESC" },
};

const struct pg_stmts case_list_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Ends a read: the listing audited as a search when `audited`. */
static int
read_end(struct pg *pg, const struct actor *a, int failed, int audited)
{
	if (!failed && audited && audit_append(pg, a, "monitored_case", NULL, "search",
	    NULL, NULL, NULL) == -1)
		failed = 1;
	if (failed) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

int
case_list(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_filter *f, struct case_table *rows, long long *total,
    struct case_table *agencies)
{
	char uid[24], aid[24], off[24];
	const char *p[6] = { f->status, f->mine ? "true" : "false", uid, aid,
	    f->red ? "true" : "false", off };
	int failed;

	*total = 0;
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	snprintf(aid, sizeof(aid), "%lld", f->agency_id);
	snprintf(off, sizeof(off), "%d", (f->page - 1) * CASE_LIST_PAGE);
	if (tx_begin(pg, a) == -1)
		return -1;
	failed = case_table_read(pg, ar, "case_list", 6, p, rows) == -1 ||
	    case_table_read(pg, ar, "case_list_agencies", 0, NULL, agencies) == -1;
	if (!failed && rows->rows > 0)
		*total = strtoll(case_cell(rows, 0, 8), NULL, 10);
	return read_end(pg, a, failed, 1);
}

int
case_mine(struct pg *pg, struct arena *ar, const struct actor *a,
    struct case_table *cases, struct case_table *work)
{
	char uid[24];
	const char *p[1] = { uid };
	int failed;

	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	failed = case_table_read(pg, ar, "case_mine", 1, p, cases) == -1 ||
	    case_table_read(pg, ar, "case_mine_work", 1, p, work) == -1;
	return read_end(pg, a, failed, 1);
}

int
case_work_counts(struct pg *pg, const struct actor *a, long *open, long *overdue)
{
	char uid[24];
	const char *p[1] = { uid };
	PGresult *res;

	*open = *overdue = 0;
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "case_work_counts", 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	if (PQntuples(res) == 1) {
		*open = strtol(PQgetvalue(res, 0, 0), NULL, 10);
		*overdue = strtol(PQgetvalue(res, 0, 1), NULL, 10);
	}
	PQclear(res);
	return read_end(pg, a, 0, 0);
}

int
case_of_incident(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, struct case_table *out)
{
	char iid[24];
	const char *p[1] = { iid };
	int failed;

	memset(out, 0, sizeof(*out));
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	failed = case_table_read(pg, ar, "case_of_incident", 1, p, out) == -1;
	return read_end(pg, a, failed, 0);
}

int
case_officers(struct pg *pg, struct arena *ar, const struct actor *a, struct case_table *out)
{
	char aid[24];
	const char *p[1] = { aid };
	int failed;

	memset(out, 0, sizeof(*out));
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	failed = case_table_read(pg, ar, "case_officers", 1, p, out) == -1;
	return read_end(pg, a, failed, 0);
}
