/* One sweep for overdue items (domain/overdue.h): the targets from the
 * config, the rest in SQL, so that a second worker sweeping at the same
 * time never tells a team twice. */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/config.h"
#include "domain/clocks.h"
#include "domain/overdue.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* $1 $2 the triage and first-action targets, $3 where the links go. */
	{ "overdue_sweep",
	  "SELECT count(*), coalesce(sum(items), 0), "
	  "coalesce(sum(cardinality(jobs)), 0) "
	  "FROM overdue_sweep($1::integer[], $2::integer[], $3)" },
};

const struct pg_stmts overdue_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

int
overdue_sweep(struct pg *pg, const struct config *cfg, struct overdue_result *out)
{
	char triage[CLOCK_HOURS_TEXT], action[CLOCK_HOURS_TEXT];
	const char *p[3] = { triage, action, cfg->public_url };
	PGresult *res;

	memset(out, 0, sizeof(*out));
	clock_hours_text(cfg, CLOCK_TRIAGE, triage);
	clock_hours_text(cfg, CLOCK_ACTION, action);
	if ((res = pg_exec(pg, "overdue_sweep", 3, p)) == NULL)
		return -1;
	out->teams = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	out->items = strtol(PQgetvalue(res, 0, 1), NULL, 10);
	out->jobs = strtol(PQgetvalue(res, 0, 2), NULL, 10);
	PQclear(res);
	return 0;
}
