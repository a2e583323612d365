/* The CAD API's change feed (domain/api_incident.h): incidents in the
 * order of their last change, (change_xid, id), which the trigger of
 * sql/migrations/0046_cad_api.sql stamps on every change. Only changes
 * made by transactions older than every one still running
 * (pg_snapshot_xmin) are shown: any change not yet committed, or made
 * later, has a larger xid than that, so a client paging from a place never
 * misses one, and a row changed again moves on to its new place. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/api_incident.h"
#include "domain/incident.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* $1 $2 the place after which to go on, $3 changed at or after
	 * (NULL: any time), $4 how many. The horizon is a column of every row,
	 * and of the one empty row when nothing is there, to go on from. */
	{ "api_incident_feed",
	  "SELECT h.horizon, i.* FROM (SELECT pg_snapshot_xmin("
	  "  pg_current_snapshot()) AS horizon) h "
	  "LEFT JOIN LATERAL (SELECT i.reference, i.status, "
	  "  to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
	  "  t.code, t.name, t.category, i.revision, i.risk_level, i.risk_score, "
	  "  i.change_xid, i.id, i.owning_agency_id, i.sharing, i.shared_with::text "
	  "  FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
	  "  WHERE i.change_xid < h.horizon "
	  "  AND (i.change_xid, i.id) > ($1::text::xid8, $2::bigint) "
	  "  AND ($3::timestamptz IS NULL OR i.updated_at >= $3::timestamptz) "
	  "  ORDER BY i.change_xid, i.id LIMIT $4::integer) i ON true "
	  "ORDER BY i.change_xid, i.id" },
};

const struct pg_stmts api_incident_feed_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

#define OWNER_COL	12

static const char *
opt(struct arena *ar, PGresult *res, int row, int c)
{
	return PQgetisnull(res, row, c) ? NULL : arena_strdup(ar, PQgetvalue(res, row, c));
}

static void
item_read(struct arena *ar, PGresult *res, int row, struct api_feed_item *it)
{
	it->reference = opt(ar, res, row, 1);
	it->status = opt(ar, res, row, 2);
	it->updated_at = opt(ar, res, row, 3);
	it->type_code = opt(ar, res, row, 4);
	it->type_name = opt(ar, res, row, 5);
	it->type_category = opt(ar, res, row, 6);
	it->version = strtoll(PQgetvalue(res, row, 7), NULL, 10);
	it->risk_level = opt(ar, res, row, 8);
	if ((it->has_score = !PQgetisnull(res, row, 9)))
		it->risk_score = atoi(PQgetvalue(res, row, 9));
}

int
api_incident_feed(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct api_feed_pos *after, const char *since, int limit,
    struct api_feed_item **out, size_t *n, struct api_feed_pos *next, int *more)
{
	char xid[24], id[24], lim[16];
	const char *p[4] = { xid, id, since, lim };
	unsigned long long horizon;
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	*more = 0;
	*next = *after;
	snprintf(xid, sizeof(xid), "%llu", after->xid);
	snprintf(id, sizeof(id), "%lld", after->id);
	/* One more than asked for says whether there are more. */
	snprintf(lim, sizeof(lim), "%d", limit + 1);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "api_incident_feed", 4, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	horizon = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	for (i = 0; i < rows && i < limit; i++) {
		if (PQgetisnull(res, i, 1))
			break;		/* the empty row: nothing after `after` */
		next->xid = strtoull(PQgetvalue(res, i, 10), NULL, 10);
		next->id = strtoll(PQgetvalue(res, i, 11), NULL, 10);
		/* Row security showed it; the C half of the rule agrees or it
		 * is left out (and the place still moves past it). */
		if (!incident_row_visible(a, res, i, OWNER_COL))
			continue;
		item_read(ar, res, i, &(*out)[(*n)++]);
	}
	*more = rows > limit;
	/* Everything before the horizon has been seen: a client polling
	 * again starts there rather than at an old place it would have to
	 * scan from. Nothing at the horizon itself is skipped (id > 0). */
	if (!*more && (next->xid < horizon)) {
		next->xid = horizon;
		next->id = 0;
	}
	PQclear(res);
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
