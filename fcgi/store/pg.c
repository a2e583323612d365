/* PostgreSQL: one connection per process, prepared statements, and
 * reconnection after the server went away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/log.h"
#include "store/pg.h"

struct pg {
	PGconn			*conn;
	char			*conninfo;
	const struct pg_stmts *const *sets;
	size_t			 nsets;
	int			 ready;		/* connected and statements prepared */
	int			 in_tx;
	/* Inside pg_outer_begin's transaction: each transaction a caller
	 * begins is a savepoint in it, and a lost connection is not made
	 * again (that would lose the outer transaction's work unseen).
	 * 2: a statement failed outside a savepoint, so it can only roll back. */
	int			 outer;
	int			 prepare_failed;
	char			 err[512];
};

static void
pg_set_error(struct pg *p, const char *what)
{
	const char *msg = p->conn ? PQerrorMessage(p->conn) : "no connection";
	size_t n;

	snprintf(p->err, sizeof(p->err), "%s: %s", what, msg);
	n = strlen(p->err);
	while (n > 0 && (p->err[n - 1] == '\n' || p->err[n - 1] == ' '))
		p->err[--n] = '\0';
}

/* Returns a handle that connects on first use, or NULL when out of memory. */
struct pg *
pg_open(const char *conninfo, const struct pg_stmts *const *sets, size_t nsets)
{
	struct pg *p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	if ((p->conninfo = strdup(conninfo)) == NULL) {
		free(p);
		return NULL;
	}
	p->sets = sets;
	p->nsets = nsets;
	return p;
}

void
pg_close(struct pg *p)
{
	if (p == NULL)
		return;
	if (p->conn != NULL)
		PQfinish(p->conn);
	free(p->conninfo);
	free(p);
}

/* Sends what the server says outside a result (a notice, or the FATAL
 * message of a connection it is closing) to the log, not raw to stderr,
 * which would break the one-JSON-object-per-line log. */
static void
pg_notice(void *arg, const char *msg)
{
	size_t n = strlen(msg);

	(void)arg;
	while (n > 0 && msg[n - 1] == '\n')
		n--;
	log_warn("database: %.*s", (int)n, msg);
}

/* Prepares every registered statement on the current connection. */
static int
pg_prepare_all(struct pg *p)
{
	PGresult *res;
	size_t i, j;

	for (i = 0; i < p->nsets; i++)
		for (j = 0; j < p->sets[i]->n; j++) {
			const struct pg_stmt *s = &p->sets[i]->stmts[j];

			res = PQprepare(p->conn, s->name, s->sql, 0, NULL);
			if (PQresultStatus(res) != PGRES_COMMAND_OK) {
				snprintf(p->err, sizeof(p->err), "prepare %s: %s",
				    s->name, PQresultErrorMessage(res));
				PQclear(res);
				return -1;
			}
			PQclear(res);
		}
	return 0;
}

/* Makes sure there is a live connection with the statements prepared.
 * Returns -1 (and sets the error) when the server cannot be reached. */
int
pg_ensure(struct pg *p)
{
	if (p->conn != NULL && PQstatus(p->conn) == CONNECTION_OK && p->ready)
		return 0;
	if (p->outer) {
		snprintf(p->err, sizeof(p->err), "the connection was lost inside the "
		    "outer transaction: nothing of it was saved");
		return -1;
	}
	if (p->conn != NULL) {
		PQfinish(p->conn);
		p->conn = NULL;
	}
	p->ready = 0;
	p->in_tx = 0;
	p->conn = PQconnectdb(p->conninfo);
	if (p->conn == NULL || PQstatus(p->conn) != CONNECTION_OK) {
		pg_set_error(p, "connect");
		return -1;
	}
	PQsetNoticeProcessor(p->conn, pg_notice, NULL);
	if (pg_simple(p, "SET statement_timeout = '10s'; SET TIME ZONE 'UTC'") == -1)
		return -1;
	if (pg_prepare_all(p) == -1) {
		/* Once per outage, not once per request: an unmigrated
		 * database would otherwise fill the log. */
		if (!p->prepare_failed)
			log_error("database: %s", p->err);
		p->prepare_failed = 1;
		return -1;
	}
	p->prepare_failed = 0;
	p->ready = 1;
	return 0;
}

const char *
pg_error(const struct pg *p)
{
	return p->err;
}

PGconn *
pg_conn(struct pg *p)
{
	return p->conn;
}

/* A dropped connection shows as a fatal result with the connection bad. */
static int
pg_lost(struct pg *p)
{
	if (p->conn == NULL || PQstatus(p->conn) != CONNECTION_OK) {
		p->ready = 0;
		return 1;
	}
	return 0;
}

/* Runs a prepared statement. Outside a transaction a lost connection is
 * re-established and the statement retried once. Returns a result the
 * caller must PQclear, or NULL with pg_error() set. */
PGresult *
pg_exec(struct pg *p, const char *name, int nparams, const char *const *params)
{
	PGresult *res;
	ExecStatusType st;
	int attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if (pg_ensure(p) == -1)
			return NULL;
		res = PQexecPrepared(p->conn, name, nparams, params, NULL, NULL, 0);
		st = PQresultStatus(res);
		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
			return res;
		snprintf(p->err, sizeof(p->err), "%s: %s", name,
		    res ? PQresultErrorMessage(res) : PQerrorMessage(p->conn));
		PQclear(res);
		if (!pg_lost(p) || p->in_tx || p->outer)
			break;
	}
	if (p->in_tx)
		p->in_tx = 2;	/* failed: only a rollback is possible now */
	else if (p->outer)
		p->outer = 2;
	return NULL;
}

/* Runs a prepared statement whose rows are not needed. Returns 0 or -1. */
int
pg_exec_ok(struct pg *p, const char *name, int nparams, const char *const *params)
{
	PGresult *res = pg_exec(p, name, nparams, params);

	if (res == NULL)
		return -1;
	PQclear(res);
	return 0;
}

/* Runs fixed SQL with no parameters (transaction control, settings). */
int
pg_simple(struct pg *p, const char *sql)
{
	PGresult *res;
	ExecStatusType st;

	if (p->conn == NULL)
		return -1;
	res = PQexec(p->conn, sql);
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		snprintf(p->err, sizeof(p->err), "%s", res ? PQresultErrorMessage(res)
		    : PQerrorMessage(p->conn));
		PQclear(res);
		pg_lost(p);
		return -1;
	}
	PQclear(res);
	return 0;
}

/* Reads one query's results in pipeline mode, up to the NULL that ends
 * them: the first good result goes to *keep when keep is not NULL (the
 * caller clears it), the rest are cleared. Returns 0 when the query
 * succeeded, -1 (and sets the error) when it failed or did not run. */
static int
pg_pipeline_take(struct pg *p, const char *what, PGresult **keep)
{
	PGresult *res;
	ExecStatusType st;
	int rc = -1, n;

	/* A lost connection gives an error and then NULL; a bound keeps a
	 * broken one from looping. */
	for (n = 0; n < 4 && (res = PQgetResult(p->conn)) != NULL; n++) {
		st = PQresultStatus(res);
		if ((st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) && rc == -1) {
			rc = 0;
			if (keep != NULL) {
				*keep = res;
				continue;
			}
		} else if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
			snprintf(p->err, sizeof(p->err), "%s: %s", what,
			    st == PGRES_PIPELINE_ABORTED ? "not run (an earlier "
			    "statement failed)" : PQresultErrorMessage(res));
			rc = -1;
		}
		PQclear(res);
	}
	return rc;
}

/* BEGIN and a prepared statement sent together (libpq's pipeline mode):
 * a transaction's first statement without a round trip of its own.
 * Returns its result (PQclear it) with the transaction open, or NULL with
 * pg_error() set and nothing open. Like pg_exec, it reconnects once when
 * the connection had gone. */
PGresult *
pg_begin_exec(struct pg *p, const char *name, int nparams, const char *const *params)
{
	PGresult *res = NULL, *sync;
	int attempt, sent, began, ran, synced;

	for (attempt = 0; attempt < 2; attempt++) {
		sync = NULL;
		if (pg_ensure(p) == -1)
			return NULL;
		sent = PQenterPipelineMode(p->conn) == 1 &&
		    PQsendQueryParams(p->conn, p->outer ? "SAVEPOINT concord_tx" : "BEGIN",
		    0, NULL, NULL, NULL, NULL, 0) == 1 &&
		    PQsendQueryPrepared(p->conn, name, nparams, params, NULL, NULL, 0) == 1 &&
		    PQpipelineSync(p->conn) == 1;
		if (!sent)
			pg_set_error(p, name);
		began = sent && pg_pipeline_take(p, "BEGIN", NULL) == 0;
		ran = sent && pg_pipeline_take(p, name, &res) == 0 && began;
		if (sent)
			sync = PQgetResult(p->conn);
		synced = sync != NULL && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
		PQclear(sync);
		if (!synced || PQexitPipelineMode(p->conn) != 1) {
			/* Out of step with the server: start again. */
			PQclear(res);
			res = NULL;
			PQfinish(p->conn);
			p->conn = NULL;
			p->ready = 0;
			continue;
		}
		if (ran) {
			p->in_tx = 1;
			return res;
		}
		PQclear(res);
		res = NULL;
		p->in_tx = began;
		pg_rollback(p);
		if (!pg_lost(p))
			break;
	}
	return NULL;
}

int
pg_begin(struct pg *p)
{
	if (pg_ensure(p) == -1)
		return -1;
	if (pg_simple(p, p->outer ? "SAVEPOINT concord_tx" : "BEGIN") == -1)
		return -1;
	p->in_tx = 1;
	return 0;
}

/* Commits; a transaction that had a failed statement is rolled back and
 * reported as a failure. */
int
pg_commit(struct pg *p)
{
	int failed = p->in_tx == 2;

	if (failed) {
		pg_rollback(p);
		return -1;
	}
	p->in_tx = 0;
	return pg_simple(p, p->outer ? "RELEASE SAVEPOINT concord_tx" : "COMMIT");
}

/* Rolls back what pg_begin or pg_begin_exec opened; nothing when no
 * transaction is open (a failed begin leaves none). */
void
pg_rollback(struct pg *p)
{
	int open = p->in_tx;

	p->in_tx = 0;
	if (open && p->conn != NULL && PQstatus(p->conn) == CONNECTION_OK)
		(void)pg_simple(p, p->outer ? "ROLLBACK TO SAVEPOINT concord_tx; "
		    "RELEASE SAVEPOINT concord_tx" : "ROLLBACK");
}

/* One transaction around many (an import: all of it or nothing): until
 * pg_outer_end, every pg_begin and pg_begin_exec opens a savepoint in it,
 * pg_commit releases the savepoint and pg_rollback undoes it alone, so
 * the code inside runs unchanged and its refusals undo only their own
 * work. Returns 0, or -1 (pg_error says why) with nothing open. */
int
pg_outer_begin(struct pg *p)
{
	if (p->in_tx || p->outer) {
		snprintf(p->err, sizeof(p->err), "pg_outer_begin inside a transaction");
		return -1;
	}
	if (pg_ensure(p) == -1 || pg_simple(p, "BEGIN") == -1)
		return -1;
	p->outer = 1;
	return 0;
}

/* Ends the outer transaction: commits it when commit and nothing in it
 * failed, else rolls it back. Returns 0 when it committed, -1 when it was
 * rolled back (pg_error says why, unless the caller asked for that). */
int
pg_outer_end(struct pg *p, int commit)
{
	int failed = p->outer == 2;

	if (!p->outer)
		return -1;
	if (p->in_tx)
		pg_rollback(p);
	p->outer = 0;
	if (commit && !failed && pg_simple(p, "COMMIT") == 0)
		return 0;
	if (failed)
		snprintf(p->err, sizeof(p->err), "a statement of the outer transaction failed");
	if (p->conn != NULL && PQstatus(p->conn) == CONNECTION_OK)
		(void)pg_simple(p, "ROLLBACK");
	return -1;
}
