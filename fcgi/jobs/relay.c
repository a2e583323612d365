/* The outbox relay: moves committed outbox rows into the job stream.
 *
 * Rows are locked, added to the stream and marked relayed in one
 * transaction; when Redis fails the transaction is rolled back and the rows
 * wait for the next try. A row may so reach the stream twice (Redis took it,
 * the commit did not happen), never zero times: consumers are idempotent by
 * outbox id. Several workers may relay at once: SKIP LOCKED shares the rows
 * out between them. */
#include <stdio.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <libpq-fe.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/log.h"
#include "jobs/jobs.h"
#include "store/pg.h"
#include "store/redis.h"

static const struct pg_stmt stmts[] = {
	{ "relay_pending",
	  "SELECT id, type, payload::text FROM outbox WHERE relayed_at IS NULL "
	  "ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED" },
	{ "relay_done",
	  "UPDATE outbox SET relayed_at = now() WHERE id = ANY ($1::bigint[])" },
};

const struct pg_stmts relay_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Adds one outbox row to the job stream as its first attempt.
 * Returns 0, or -1 with the Redis outage recorded. */
static int
relay_row(struct worker *w, const PGresult *res, int row)
{
	redisReply *reply;

	reply = rd_command(w->rd, "XADD %s * id %s type %s payload %b attempt %s",
	    JOBS_STREAM, PQgetvalue(res, row, 0), PQgetvalue(res, row, 1),
	    PQgetvalue(res, row, 2), (size_t)PQgetlength(res, row, 2), "1");
	if (reply == NULL) {
		outage_fail(&w->rd_down, "%s", rd_error(w->rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_ERROR) {
		outage_fail(&w->rd_down, "XADD: %s", reply->str);
		freeReplyObject(reply);
		return -1;
	}
	freeReplyObject(reply);
	return 0;
}

/* Relays one batch in one transaction. Returns the number of rows relayed,
 * or -1 after rolling back (the rows stay for the next try). */
static int
relay_batch(struct worker *w)
{
	PGresult *res = NULL;
	struct buf ids = {0};
	const char *params[1];
	char limit[16];
	int i, n, rc = -1;

	if (pg_begin(w->pg) == -1) {
		outage_fail(&w->pg_down, "%s", pg_error(w->pg));
		return -1;
	}
	snprintf(limit, sizeof(limit), "%d", RELAY_BATCH);
	params[0] = limit;
	if ((res = pg_exec(w->pg, "relay_pending", 1, params)) == NULL) {
		outage_fail(&w->pg_down, "%s", pg_error(w->pg));
		goto err;
	}
	n = PQntuples(res);
	buf_putc(&ids, '{');
	for (i = 0; i < n; i++) {
		if (relay_row(w, res, i) == -1)
			goto err;
		buf_printf(&ids, "%s%s", i > 0 ? "," : "", PQgetvalue(res, i, 0));
	}
	buf_putc(&ids, '}');
	if (ids.oom) {
		log_error("relay: out of memory");
		goto err;
	}
	params[0] = buf_cstr(&ids);
	if (n > 0 && pg_exec_ok(w->pg, "relay_done", 1, params) == -1) {
		outage_fail(&w->pg_down, "%s", pg_error(w->pg));
		goto err;
	}
	/* A failed commit leaves the rows unrelayed: they are sent again. */
	if (pg_commit(w->pg) == -1) {
		outage_fail(&w->pg_down, "commit: %s", pg_error(w->pg));
		goto out;
	}
	outage_ok(&w->pg_down);
	if (n > 0)
		outage_ok(&w->rd_down);
	rc = n;
	goto out;
err:
	pg_rollback(w->pg);
out:
	PQclear(res);
	buf_free(&ids);
	return rc;
}

/* Relays what is waiting: every RELAY_POLL_MS (the outbox's pending index
 * answers an empty look at once), at once again while batches come back
 * full, and after a failure at most every OUTAGE_RETRY_MS. There is no
 * NOTIFY to wait for (0033: it made every commit that sent one wait for the
 * one before it). Never blocks for long. */
void
relay_tick(struct worker *w)
{
	struct relay *r = &w->relay;
	double now = clock_ms();
	int n, rounds;

	if (now < r->next)
		return;
	for (rounds = 0; rounds < 10 && !jobs_stop; rounds++) {
		if (pg_ensure(w->pg) == -1) {
			outage_fail(&w->pg_down, "%s", pg_error(w->pg));
			n = -1;
		} else
			n = relay_batch(w);
		if (n == -1) {
			r->next = now + OUTAGE_RETRY_MS;
			return;
		}
		if (n < RELAY_BATCH) {
			r->next = now + RELAY_POLL_MS;
			return;
		}
	}
	r->next = now;	/* more rows than ten batches: carry on next turn */
}
