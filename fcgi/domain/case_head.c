/* The case every case page starts from: who leads it, its state, and
 * whether the actor's agency leads it. Row security decides whether the
 * actor sees the case at all (its lead agency and the agencies named on
 * it); the C rule checks the same again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "case_head",
	  "SELECT c.id, c.reference, c.title, c.status, c.origin, c.lead_agency_id, a.name, "
	  "c.lead_user_id, u.name, coalesce(c.lead_team_id, 0), coalesce(t.name, ''), "
	  "c.risk_level, to_char(c.opened_at AT TIME ZONE 'Europe/London', "
	  "'FMDD FMMonth YYYY'), coalesce(c.outcome, ''), c.version, "
	  "$2::bigint = c.lead_agency_id OR $2::bigint = ANY (c.shared_with) "
	  "FROM monitored_case c JOIN agency a ON a.id = c.lead_agency_id "
	  "JOIN app_user u ON u.id = c.lead_user_id LEFT JOIN team t ON t.id = c.lead_team_id "
	  "WHERE c.reference = $1" },
	{ "case_event_add",
	  "INSERT INTO case_event (case_id, actor_id, agency_id, kind, summary, personal, detail) "
	  "VALUES ($1::bigint, nullif($2::bigint, 0), nullif($3::bigint, 0), $4, $5, $6::boolean, "
	  "coalesce($7::jsonb, '{}'))" },
	{ "case_touch",
	  "UPDATE monitored_case SET version = version + 1 "
	  "WHERE id = $1::bigint AND version = $2::integer" },
};

const struct pg_stmts case_head_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *
col(struct arena *ar, PGresult *res, int c)
{
	return arena_strdup(ar, PQgetvalue(res, 0, c));
}

static int
head_read(struct arena *ar, PGresult *res, const struct actor *a, struct case_head *h)
{
	h->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	h->reference = col(ar, res, 1);
	h->title = col(ar, res, 2);
	h->status = col(ar, res, 3);
	h->origin = col(ar, res, 4);
	h->lead_agency_id = strtoll(PQgetvalue(res, 0, 5), NULL, 10);
	h->lead_agency = col(ar, res, 6);
	h->lead_user_id = strtoll(PQgetvalue(res, 0, 7), NULL, 10);
	h->lead_name = col(ar, res, 8);
	h->lead_team_id = strtoll(PQgetvalue(res, 0, 9), NULL, 10);
	h->lead_team = col(ar, res, 10);
	h->risk_level = col(ar, res, 11);
	h->opened = col(ar, res, 12);
	h->outcome = col(ar, res, 13);
	h->version = strtoll(PQgetvalue(res, 0, 14), NULL, 10);
	h->lead = h->lead_agency_id == a->agency_id;
	if (h->reference == NULL || h->title == NULL || h->status == NULL ||
	    h->origin == NULL || h->lead_agency == NULL || h->lead_name == NULL ||
	    h->lead_team == NULL || h->risk_level == NULL || h->opened == NULL ||
	    h->outcome == NULL)
		return -1;
	return 0;
}

enum case_result
case_head_load(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct case_head *h)
{
	char aid[24];
	const char *p[2] = { reference, aid };
	enum case_result rc = CASE_NOT_FOUND;
	PGresult *res;

	memset(h, 0, sizeof(*h));
	if (reference == NULL || a->agency_id == 0)
		return CASE_NOT_FOUND;
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	if ((res = pg_exec(pg, "case_head", 2, p)) == NULL)
		return CASE_ERROR;
	if (PQntuples(res) == 1) {
		/* The second check: row security's rule again, in C. */
		if (PQgetvalue(res, 0, 15)[0] != 't')
			log_error("row security let through case %s for agency %lld; "
			    "refused in C", reference, a->agency_id);
		else
			rc = head_read(ar, res, a, h) == -1 ? CASE_ERROR : CASE_OK;
	}
	PQclear(res);
	return rc;
}

enum case_result
case_head_view(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct case_head *h)
{
	enum case_result rc;
	char id[24];
	int failed;

	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	if ((rc = case_head_load(pg, ar, a, reference, h)) == CASE_ERROR)
		goto err;
	snprintf(id, sizeof(id), "%lld", h->id);
	if (rc == CASE_OK)
		failed = audit_append(pg, a, "monitored_case", id, "view", NULL, NULL, NULL);
	else
		failed = audit_not_found(pg, a, "monitored_case",
		    reference != NULL ? reference : "");
	if (failed == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return CASE_ERROR;
	return rc;
err:
	pg_rollback(pg);
	return CASE_ERROR;
}

int
case_event_add(struct pg *pg, const struct actor *a, long long case_id, const char *kind,
    const char *summary, int personal, const char *detail_json)
{
	char cid[24], uid[24], aid[24];
	const char *p[7] = { cid, uid, aid, kind, summary, personal ? "true" : "false",
	    detail_json };

	snprintf(cid, sizeof(cid), "%lld", case_id);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	return pg_exec_ok(pg, "case_event_add", 7, p);
}

enum case_result
case_touch(struct pg *pg, long long case_id, long long version)
{
	char cid[24], ver[24];
	const char *p[2] = { cid, ver };
	PGresult *res;
	int changed;

	snprintf(cid, sizeof(cid), "%lld", case_id);
	snprintf(ver, sizeof(ver), "%lld", version);
	if ((res = pg_exec(pg, "case_touch", 2, p)) == NULL)
		return CASE_ERROR;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	return changed ? CASE_OK : CASE_CONFLICT;
}
