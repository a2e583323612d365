/* What the outbox keeps: a delivered job is cleared down to its id, type,
 * times and a SHA-256 of what it carried, with an audit row saying so, and
 * deleted outbox_keep_days later. A job that was never delivered (a dead
 * letter) keeps its payload for an operator to look at. The SQL is in
 * sql/migrations/0018_definer_rls_outbox.sql. */
#include <stdio.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "domain/outbox_keep.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "outbox_delivered", "SELECT outbox_delivered($1::bigint)" },
	{ "outbox_prune",
	  "WITH gone AS (DELETE FROM outbox WHERE delivered_at < "
	  "now() - make_interval(days => $1::integer) RETURNING 1) "
	  "SELECT count(*) FROM gone" },
};

const struct pg_stmts outbox_keep_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Clears the payload of delivered job id (a job run twice is cleared
 * once). Returns 0, or -1 when the database failed (pg_error says why). */
int
outbox_delivered(struct pg *pg, const char *id)
{
	const char *p[1] = { id };

	return pg_exec_ok(pg, "outbox_delivered", 1, p);
}

/* Deletes the jobs delivered more than keep_days ago. Returns how many,
 * or -1 when the database failed. */
long
outbox_prune(struct pg *pg, int keep_days)
{
	char days[16];
	const char *p[1] = { days };
	PGresult *res;
	long n;

	snprintf(days, sizeof(days), "%d", keep_days);
	if ((res = pg_exec(pg, "outbox_prune", 1, p)) == NULL)
		return -1;
	n = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return n;
}
