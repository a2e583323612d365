/* The first milestones' due dates of an application received today
 * (domain/case_review_due.h), on the same calendar and by the same rules
 * as case_review_apply. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/case_review.h"
#include "domain/case_review_due.h"
#include "domain/case_review_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* Today as case_review_apply's cr_number has it. */
	{ "cr_today", "SELECT to_char(now() AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')" },
};

const struct pg_stmts case_review_due_statements = { stmts,
    sizeof(stmts) / sizeof(stmts[0]) };

int
case_review_first_due(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_review_rules *rules, char acknowledge[11], char decide[11])
{
	char today[11];
	PGresult *res;
	long *hol;
	size_t nh;

	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "cr_today", 0, NULL)) == NULL)
		goto err;
	snprintf(today, sizeof(today), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (cr_holidays(pg, ar, &hol, &nh) == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return -1;
	return cr_due(hol, nh, today, rules->acknowledge, 0, acknowledge) == -1 ||
	    cr_due(hol, nh, today, rules->decide, 0, decide) == -1 ? -1 : 0;
err:
	pg_rollback(pg);
	return -1;
}
