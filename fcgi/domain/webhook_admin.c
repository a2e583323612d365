/* A CAD client's webhooks as an administrator sees them: its recent
 * deliveries and its dead letters, each with every attempt the worker
 * recorded, and the replay of a dead one, audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/tx.h"
#include "domain/webhook_admin.h"
#include "store/pg.h"

#define WHEN(col) "to_char(" col " AT TIME ZONE 'Europe/London', " \
	"'FMDD Mon YYYY \"at\" HH24:MI:SS')"

#define DELIVERY_COLS \
	"SELECT d.id, d.event, d.state, " \
	"coalesce(d.payload->'incident'->>'reference', ''), " WHEN("d.created_at") ", " \
	"CASE WHEN d.state = 'pending' THEN " WHEN("d.next_at") " ELSE '' END, " \
	"coalesce(" WHEN("d.delivered_at") ", ''), coalesce(" WHEN("d.dead_at") ", ''), " \
	"coalesce(" WHEN("d.replayed_at") ", ''), coalesce(u.name, ''), d.attempts " \
	"FROM webhook_delivery d LEFT JOIN app_user u ON u.id = d.replayed_by "

static const struct pg_stmt stmts[] = {
	{ "webhook_client_get",
	  "SELECT id, name, coalesce(webhook_url, '') FROM api_client "
	  "WHERE id = $1::bigint AND kind = 'cad'" },
	{ "webhook_recent", DELIVERY_COLS
	  "WHERE d.client_id = $1::bigint ORDER BY d.id DESC LIMIT $2::int" },
	{ "webhook_dead", DELIVERY_COLS
	  "WHERE d.client_id = $1::bigint AND d.state = 'dead' "
	  "ORDER BY d.dead_at DESC, d.id DESC LIMIT $2::int" },
	{ "webhook_tries",
	  "SELECT a.delivery_id, a.attempt, " WHEN("a.at") ", a.duration_ms, "
	  "coalesce(a.http_status, 0), coalesce(a.error, '') FROM webhook_attempt a "
	  "WHERE a.delivery_id = ANY ($1::bigint[]) ORDER BY a.delivery_id, a.id" },
	{ "webhook_lock",
	  "SELECT state, attempts FROM webhook_delivery "
	  "WHERE id = $1::bigint AND client_id = $2::bigint FOR UPDATE" },
	{ "webhook_replay",
	  "UPDATE webhook_delivery SET state = 'pending', attempts = 0, next_at = now(), "
	  "replayed_at = now(), replayed_by = $2::bigint WHERE id = $1::bigint" },
};

const struct pg_stmts webhook_admin_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Reads the client of a webhook_client_get row (an admin_read_fn). */
static int
client_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct webhook_client *c = out;

	c->id = admin_col_id(res, i, 0);
	c->name = admin_col(ar, res, i, 1);
	c->webhook_url = admin_col(ar, res, i, 2);
	return c->name && c->webhook_url ? 0 : -1;
}

int
webhook_client_get(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, struct webhook_client *c)
{
	return admin_row(pg, ar, a, "webhook_client_get", id, sizeof(*c), client_read, c);
}

/* Reads row i of a DELIVERY_COLS result (an admin_read_fn). 0, or -1 out
 * of memory. */
static int
delivery_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct webhook_rec *d = out;

	d->id = admin_col_id(res, i, 0);
	d->event = admin_col(ar, res, i, 1);
	d->state = admin_col(ar, res, i, 2);
	d->reference = admin_col(ar, res, i, 3);
	d->created_at = admin_col(ar, res, i, 4);
	d->next_at = admin_col(ar, res, i, 5);
	d->delivered_at = admin_col(ar, res, i, 6);
	d->dead_at = admin_col(ar, res, i, 7);
	d->replayed_at = admin_col(ar, res, i, 8);
	d->replayed_by = admin_col(ar, res, i, 9);
	d->attempts = (int)strtol(PQgetvalue(res, i, 10), NULL, 10);
	return d->event && d->state && d->reference && d->created_at && d->next_at &&
	    d->delivered_at && d->dead_at && d->replayed_at && d->replayed_by ? 0 : -1;
}

/* Gives each delivery its attempts, read with one statement for them all.
 * 0, or -1. */
static int
tries_attach(struct pg *pg, struct arena *ar, struct webhook_rec *recs, size_t n)
{
	struct buf ids = {0};
	const char *p[1];
	PGresult *res;
	struct webhook_try *t;
	size_t i;
	int k, rows, rc = -1;

	buf_putc(&ids, '{');
	for (i = 0; i < n; i++)
		buf_printf(&ids, "%s%lld", i > 0 ? "," : "", recs[i].id);
	buf_putc(&ids, '}');
	if ((p[0] = buf_cstr(&ids)) == NULL || ids.oom)
		goto out;
	if ((res = pg_exec(pg, "webhook_tries", 1, p)) == NULL)
		goto out;
	rows = PQntuples(res);
	rc = 0;
	/* The rows come by delivery: each delivery's are one run of them. */
	for (i = 0; i < n && rc == 0; i++) {
		for (k = 0; k < rows && admin_col_id(res, k, 0) != recs[i].id; k++)
			;
		for (; k < rows && admin_col_id(res, k, 0) == recs[i].id; k++) {
			if (recs[i].tries == NULL && (recs[i].tries = arena_calloc(ar,
			    (size_t)(rows - k), sizeof(*t))) == NULL) {
				rc = -1;
				break;
			}
			t = &recs[i].tries[recs[i].ntries++];
			t->attempt = (int)strtol(PQgetvalue(res, k, 1), NULL, 10);
			t->at = admin_col(ar, res, k, 2);
			t->duration_ms = (int)strtol(PQgetvalue(res, k, 3), NULL, 10);
			t->http_status = (int)strtol(PQgetvalue(res, k, 4), NULL, 10);
			t->error = admin_col(ar, res, k, 5);
			if (t->at == NULL || t->error == NULL)
				rc = -1;
		}
	}
	PQclear(res);
out:
	buf_free(&ids);
	return rc;
}

/* The deliveries stmt (webhook_recent or webhook_dead) finds for the
 * client, then their attempts (read after them: an attempt recorded in
 * between shows, one more line). 0 or -1. */
static int
deliveries_read(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *stmt, long long client_id, int limit, struct webhook_rec **out,
    size_t *n)
{
	char cid[24], lim[16];
	const char *p[2] = { cid, lim };
	void *recs;

	admin_id_text(client_id, cid);
	snprintf(lim, sizeof(lim), "%d", limit);
	if (admin_rows(pg, ar, a, stmt, 2, p, sizeof(**out), delivery_read, &recs, n) == -1)
		return -1;
	*out = recs;
	if (*n == 0)
		return 0;
	if (tx_begin(pg, a) == -1)
		return -1;
	if (tries_attach(pg, ar, *out, *n) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

int
webhook_recent(struct pg *pg, struct arena *ar, const struct actor *a,
    long long client_id, struct webhook_rec **out, size_t *n)
{
	return deliveries_read(pg, ar, a, "webhook_recent", client_id, WEBHOOK_RECENT,
	    out, n);
}

int
webhook_dead(struct pg *pg, struct arena *ar, const struct actor *a,
    long long client_id, struct webhook_rec **out, size_t *n)
{
	return deliveries_read(pg, ar, a, "webhook_dead", client_id, WEBHOOK_DEAD_MAX,
	    out, n);
}

/* What the audit trail records of a delivery's state. */
static struct json_object *
state_json(const char *state, int attempts)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "state", json_object_new_string(state));
	json_object_object_add(o, "attempts", json_object_new_int(attempts));
	return o;
}

enum admin_rc
webhook_replay(struct pg *pg, const struct actor *a, long long client_id,
    long long delivery_id)
{
	char did[24], cid[24], uid[24];
	const char *lock[2] = { did, cid }, *upd[2] = { did, uid };
	struct json_object *before = NULL, *after = NULL;
	enum admin_rc rc = ADMIN_ERROR;
	PGresult *res;
	int attempts;

	admin_id_text(delivery_id, did);
	admin_id_text(client_id, cid);
	admin_id_text(a->user_id, uid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((res = pg_exec(pg, "webhook_lock", 2, lock)) == NULL)
		goto out;
	if (PQntuples(res) != 1 || strcmp(PQgetvalue(res, 0, 0), "dead") != 0) {
		rc = PQntuples(res) != 1 ? ADMIN_NOT_FOUND : ADMIN_ALREADY;
		PQclear(res);
		goto out;
	}
	attempts = (int)strtol(PQgetvalue(res, 0, 1), NULL, 10);
	PQclear(res);
	if ((before = state_json("dead", attempts)) == NULL ||
	    (after = state_json("pending", 0)) == NULL ||
	    pg_exec_ok(pg, "webhook_replay", 2, upd) == -1 ||
	    audit_append(pg, a, "webhook_delivery", did, "replay", before, after,
	    NULL) == -1)
		goto out;
	rc = ADMIN_OK;
out:
	json_object_put(before);
	json_object_put(after);
	return admin_tx_end(pg, rc);
}
