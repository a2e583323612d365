/* A partner agency's list of the reports it sent through the partner
 * route: only reports its own agency owns (row security agrees), newest
 * first. Each read is audited as a search, as the staff list is. */
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/partner_reports.h"
#include "domain/report_list.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "partner_reports_list",
	  "SELECT r.reference, i.reference, t.name, "
	  "concat_ws(', ', nullif(r.address, ''), nullif(r.postcode, '')), "
	  "to_char(r.created_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI'), "
	  "i.status, coalesce(r.partner->>'reference', ''), "
	  "coalesce(r.partner->>'tenancy_reference', '') "
	  "FROM report r JOIN incident i ON i.id = r.incident_id "
	  "JOIN asb_type t ON t.id = i.asb_type_id "
	  "WHERE r.channel = 'partner' AND r.owning_agency_id = $1 "
	  "ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3" },
};

const struct pg_stmts partner_reports_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The actor's agency's partner reports, `limit` from `offset`. 0 or -1. */
int
partner_reports_list(struct pg *pg, struct arena *a, const struct actor *ac,
    int limit, int offset, struct partner_report **out, size_t *n)
{
	char agency[24], lim[16], off[16];
	const char *p[3] = { agency, lim, off };
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(agency, sizeof(agency), "%lld", ac->agency_id);
	snprintf(lim, sizeof(lim), "%d", limit);
	snprintf(off, sizeof(off), "%d", offset);
	if (tx_begin(pg, ac) == -1)
		return -1;
	if ((res = pg_exec(pg, "partner_reports_list", 3, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(a, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		struct partner_report *r = &(*out)[i];

		r->reference = arena_strdup(a, PQgetvalue(res, i, 0));
		r->incident_reference = arena_strdup(a, PQgetvalue(res, i, 1));
		r->type = arena_strdup(a, PQgetvalue(res, i, 2));
		r->place = arena_strdup(a, PQgetvalue(res, i, 3));
		r->reported = arena_strdup(a, PQgetvalue(res, i, 4));
		r->status = arena_strdup(a, PQgetvalue(res, i, 5));
		r->partner_reference = arena_strdup(a, PQgetvalue(res, i, 6));
		r->tenancy_reference = arena_strdup(a, PQgetvalue(res, i, 7));
	}
	*n = (size_t)rows;
	PQclear(res);
	if (report_list_audit(pg, ac, "partner reports", offset, (size_t)rows) == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
