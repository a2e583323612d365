/* A report sent before with the same idempotency key: a double click, a
 * resubmitted form, or another request with the key that won the race
 * (domain/report.c asks after a failed transaction). The database's
 * unique key decides, whatever Redis knows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/actor.h"
#include "domain/report.h"
#include "domain/report_earlier.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "report_by_key",
	  "SELECT id, reference, incident_id, incident_reference "
	  "FROM report_by_idempotency_key($1)" },
};

const struct pg_stmts report_earlier_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* A row of report_by_key (or report_begin's from column col): 1 and the
 * report it names (with the tracking token only when token is the one it
 * was given: then the confirmation can show the tracking link again), or
 * 0 when it names none. Clears res. */
int
report_earlier_row(struct pg *pg, PGresult *res, int col, const char *token,
    struct report_result *out)
{
	int found = PQntuples(res) == 1 && !PQgetisnull(res, 0, col), is = 0;

	if (found) {
		out->report_id = strtoll(PQgetvalue(res, 0, col), NULL, 10);
		snprintf(out->reference, sizeof(out->reference), "%s",
		    PQgetvalue(res, 0, col + 1));
		out->incident_id = strtoll(PQgetvalue(res, 0, col + 2), NULL, 10);
		snprintf(out->incident_reference, sizeof(out->incident_reference), "%s",
		    PQgetvalue(res, 0, col + 3));
		out->resubmitted = 1;
	}
	PQclear(res);
	if (found && (is = report_token_is(pg, out->reference, token)) == -1)
		return -1;
	if (found && is)
		snprintf(out->token, sizeof(out->token), "%s", token);
	return found;
}

/* A report sent before with this idempotency key: 1 and its result, 0, or
 * -1 on error. */
static int
earlier_report(struct pg *pg, const char *key, const char *token,
    struct report_result *out)
{
	PGresult *res;

	if (key == NULL || *key == '\0')
		return 0;
	if ((res = pg_exec(pg, "report_by_key", 1, &key)) == NULL)
		return -1;
	return report_earlier_row(pg, res, 0, token, out);
}

/* The report already made with this idempotency key, found in the
 * database alone (whatever Redis knows): 1 and its result, 0 when there
 * is none yet, -1 on error. */
int
report_find(struct pg *pg, const struct actor *caller, const char *key,
    const char *token, struct report_result *out)
{
	struct actor a = *caller;
	int found;

	memset(out, 0, sizeof(*out));
	if (tx_begin(pg, &a) == -1)
		return -1;
	found = earlier_report(pg, key, token, out);
	pg_rollback(pg);
	return found;
}
