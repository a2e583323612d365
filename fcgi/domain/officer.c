/* Who may be an incident's officer in charge. */
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/officer.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "officer_list",
	  "SELECT id, name FROM app_user WHERE agency_id = $1::bigint "
	  "AND disabled_at IS NULL ORDER BY name, id" },
};

const struct pg_stmts officer_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The actor's agency's active users, by name. 0, or -1 on a database
 * error or out of memory. */
int
officer_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct officer **out, size_t *n)
{
	struct officer *o;
	char agency[24];
	const char *p[1] = { agency };
	PGresult *res;
	int rows, i;

	*out = NULL;
	*n = 0;
	snprintf(agency, sizeof(agency), "%lld", a->agency_id);
	if ((res = pg_exec(pg, "officer_list", 1, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((o = arena_calloc(ar, (size_t)rows + 1, sizeof(*o))) == NULL)
		goto fail;
	for (i = 0; i < rows; i++) {
		o[i].id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		if ((o[i].name = arena_strdup(ar, PQgetvalue(res, i, 1))) == NULL)
			goto fail;
	}
	PQclear(res);
	*out = o;
	*n = (size_t)rows;
	return 0;
fail:
	PQclear(res);
	return -1;
}
