/* One query of the OData feed against the reporting views, as the analyst
 * who asks. The SQL is the compiler's (odata/sql.c): names from the
 * entity's whitelist, every value a parameter. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "domain/odata_read.h"
#include "domain/rpt.h"
#include "domain/tx.h"
#include "store/pg.h"

/* A data exception (class 22: a number out of range, a date that is not
 * one) is the client's value, not our failure. */
static int
bad_value(const PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	return state != NULL && strncmp(state, "22", 2) == 0;
}

enum odata_read_rc
odata_read(struct pg *pg, const struct config *cfg, const struct actor *a,
    const struct odata_sql *q, PGresult **out, char *why, size_t whylen)
{
	enum odata_read_rc rc = ODATA_READ_ERROR;
	PGresult *res;

	*out = NULL;
	why[0] = '\0';
	if (pg_begin(pg) == -1)
		return ODATA_READ_ERROR;
	/* No JIT: the planner prices a page by the whole view, and compiling
	 * the plan then costs more than running it (twice the page's time).
	 * A count of a whole view under row security takes seconds a million
	 * rows: more time than a page's, within nginx's minute. */
	if (pg_simple(pg, "SET TRANSACTION READ ONLY; SET LOCAL jit = off; "
	    "SET LOCAL statement_timeout = '50s'") == -1 ||
	    tx_actor(pg, a) == -1 ||
	    rpt_pseudonym_begin(pg, cfg) == -1)
		goto out;
	res = PQexecParams(pg_conn(pg), q->sql.data, q->nparams, NULL, q->params,
	    NULL, NULL, 0);
	if (res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK) {
		*out = res;
		rc = ODATA_READ_OK;
	} else if (res != NULL && bad_value(res)) {
		snprintf(why, whylen, "%s", PQresultErrorField(res,
		    PG_DIAG_MESSAGE_PRIMARY));
		rc = ODATA_READ_BAD_VALUE;
		PQclear(res);
	} else {
		log_error("odata: %s", res != NULL ? PQresultErrorMessage(res) :
		    pg_error(pg));
		PQclear(res);
	}
out:
	pg_rollback(pg);
	return rc;
}
