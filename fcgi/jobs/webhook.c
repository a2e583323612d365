/* CAD clients' webhooks: the deliveries the database queued in the
 * transaction of each change (sql/migrations/0046_cad_api.sql), signed
 * with the client's newest live key exactly as a client signs a request
 * (auth/api_sign.h), sent, and every attempt recorded.
 *
 * In order per client and incident: a delivery is claimed only when no
 * older one of its client and incident is still pending, so the next one
 * waits for it to be delivered or dead. A claim is a lease, committed at
 * once (no transaction stays open while a receiver thinks): its next look
 * moves WEBHOOK_LEASE_MS ahead, so another worker (SKIP LOCKED shares the
 * due ones out) leaves it alone unless this one died while sending. After
 * a failure the next try is 1 s later, doubling; after
 * WEBHOOK_MAX_ATTEMPTS the delivery is dead, for an administrator to see
 * and replay (domain/webhook_admin.c). Delivery is at least once: a
 * receiver tells a repeat by Concord-Delivery. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <openssl/crypto.h>

#include "auth/api_sign.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/api_client.h"
#include "jobs/jobs.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The due deliveries that are the oldest pending one of their client
	 * and incident, leased; with where and how to sign them. */
	{ "webhook_claim",
	  "WITH due AS (SELECT d.id, d.client_id FROM webhook_delivery d "
	  "WHERE d.state = 'pending' AND d.next_at <= now() "
	  "AND NOT EXISTS (SELECT 1 FROM webhook_delivery o WHERE o.state = 'pending' "
	  "AND o.client_id = d.client_id AND o.incident_id = d.incident_id AND o.id < d.id) "
	  "ORDER BY d.next_at, d.id LIMIT $1::int FOR UPDATE OF d SKIP LOCKED) "
	  "UPDATE webhook_delivery d SET next_at = now() + $2::int * interval '1 millisecond' "
	  "FROM due JOIN api_client c ON c.id = due.client_id "
	  "LEFT JOIN LATERAL (SELECT k.key_id, k.salt, k.secret_hash FROM api_key k "
	  "WHERE k.client_id = c.id AND k.revoked_at IS NULL "
	  "AND (k.expires_at IS NULL OR k.expires_at > now()) "
	  "ORDER BY k.created_at DESC, k.id DESC LIMIT 1) k ON true "
	  "WHERE d.id = due.id "
	  "RETURNING d.id, d.event, d.payload::text, d.attempts, "
	  "coalesce(c.webhook_url, ''), c.active AND c.revoked_at IS NULL, "
	  "k.key_id, k.salt, k.secret_hash" },
	/* One attempt: the delivery's new state and the attempt's row. */
	{ "webhook_record",
	  "WITH d AS (UPDATE webhook_delivery SET attempts = attempts + 1, "
	  "last_status = $2::int, last_error = $3, "
	  "state = CASE WHEN $4::boolean THEN 'delivered' "
	  "WHEN attempts + 1 >= $5::int THEN 'dead' ELSE 'pending' END, "
	  "delivered_at = CASE WHEN $4::boolean THEN now() ELSE delivered_at END, "
	  "dead_at = CASE WHEN NOT $4::boolean AND attempts + 1 >= $5::int "
	  "THEN now() ELSE dead_at END, "
	  "next_at = now() + $6::bigint * interval '1 millisecond' "
	  "WHERE id = $1::bigint AND state = 'pending' RETURNING id, attempts, state) "
	  "INSERT INTO webhook_attempt (delivery_id, attempt, duration_ms, http_status, error) "
	  "SELECT id, attempts, $7::int, $2::int, $3 FROM d "
	  "RETURNING attempt, (SELECT state FROM d)" },
};

const struct pg_stmts webhook_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The claim's columns. */
enum { C_ID, C_EVENT, C_PAYLOAD, C_ATTEMPTS, C_URL, C_LIVE, C_KEY_ID, C_SALT,
	C_SECRET_HASH };

/* One claimed delivery and the headers of its POST. */
struct delivery {
	const char		*id;
	const char		*event;
	int			 attempts;	/* before this one */
	char			 h_key[120], h_time[48], h_nonce[80],
				 h_sig[120], h_id[48], h_event[48];
	struct webhook_post	 post;
};

/* Why a delivery cannot be sent, into its post. */
static void
skip(struct delivery *d, const char *why)
{
	d->post.skip = 1;
	snprintf(d->post.error, sizeof(d->post.error), "%s", why);
}

/* Signs the POST of row i of the claim into d->post (README "Signing a
 * request": method POST, the webhook address's path and query), or marks
 * it skipped with the reason. */
static void
delivery_prepare(struct worker *w, PGresult *res, int i, struct delivery *d)
{
	struct api_caller key;
	struct api_sign_input in;
	struct webhook_post *p = &d->post;
	char path[2048], query[2048], err[256], ts[24], nonce[33];
	char secret[API_SECRET_LEN + 1], sig[API_SIGNATURE_LEN + 1];

	memset(d, 0, sizeof(*d));
	d->id = PQgetvalue(res, i, C_ID);
	d->event = PQgetvalue(res, i, C_EVENT);
	d->attempts = (int)strtol(PQgetvalue(res, i, C_ATTEMPTS), NULL, 10);
	p->url = PQgetvalue(res, i, C_URL);
	p->body = PQgetvalue(res, i, C_PAYLOAD);
	p->body_len = (size_t)PQgetlength(res, i, C_PAYLOAD);
	if (*PQgetvalue(res, i, C_LIVE) != 't')
		return skip(d, "the client is revoked or inactive");
	if (*p->url == '\0')
		return skip(d, "the client has no webhook address");
	if (PQgetisnull(res, i, C_KEY_ID))
		return skip(d, "the client has no live signing key");
	if (webhook_target(p->url, path, sizeof(path), query, sizeof(query), err,
	    sizeof(err)) == -1)
		return skip(d, err);

	memset(&key, 0, sizeof(key));
	key.key_id = PQgetvalue(res, i, C_KEY_ID);
	key.salt = PQgetvalue(res, i, C_SALT);
	key.secret_hash = PQgetvalue(res, i, C_SECRET_HASH);
	snprintf(ts, sizeof(ts), "%lld", clock_epoch());
	if (random_hex(nonce, 16) == -1)
		return skip(d, "no random bytes for a nonce");
	in = (struct api_sign_input){ .method = "POST", .path = path, .query = query,
	    .timestamp = ts, .nonce = nonce, .body = p->body, .body_len = p->body_len };
	if (api_secret_of(w->cfg, &key, secret) == -1)
		return skip(d, "the signing key cannot be derived (the worker's log says why)");
	if (api_sign(secret, &in, sig) == -1) {
		OPENSSL_cleanse(secret, sizeof(secret));
		return skip(d, "the request could not be signed");
	}
	OPENSSL_cleanse(secret, sizeof(secret));

	snprintf(d->h_key, sizeof(d->h_key), "Concord-Key-Id: %s", key.key_id);
	snprintf(d->h_time, sizeof(d->h_time), "Concord-Timestamp: %s", ts);
	snprintf(d->h_nonce, sizeof(d->h_nonce), "Concord-Nonce: %s", nonce);
	snprintf(d->h_sig, sizeof(d->h_sig), "Concord-Signature: %s%s",
	    API_SIGN_PREFIX, sig);
	snprintf(d->h_id, sizeof(d->h_id), "Concord-Delivery: %s", d->id);
	snprintf(d->h_event, sizeof(d->h_event), "Concord-Event: %s", d->event);
	p->headers[p->nheaders++] = "Content-Type: application/json";
	/* No "Expect: 100-continue" (libcurl's for a larger body): it would
	 * wait for the receiver's go-ahead before sending. */
	p->headers[p->nheaders++] = "Expect:";
	p->headers[p->nheaders++] = d->h_key;
	p->headers[p->nheaders++] = d->h_time;
	p->headers[p->nheaders++] = d->h_nonce;
	p->headers[p->nheaders++] = d->h_sig;
	p->headers[p->nheaders++] = d->h_id;
	p->headers[p->nheaders++] = d->h_event;
}

/* Records what became of one delivery: delivered, tried again later, or
 * dead. A delivery sent but not recorded (the database went away) is sent
 * again once its lease is over. */
static void
delivery_record(struct worker *w, const struct delivery *d)
{
	const struct webhook_post *p = &d->post;
	char status[16], max[16], delay[24], ms[16];
	const char *params[7] = { d->id, status, p->ok ? NULL : p->error,
	    p->ok ? "true" : "false", max, delay, ms };
	const char *state;
	PGresult *res;

	snprintf(status, sizeof(status), "%ld", p->status);
	if (p->status == 0)
		params[1] = NULL;
	snprintf(max, sizeof(max), "%d", WEBHOOK_MAX_ATTEMPTS);
	snprintf(delay, sizeof(delay), "%lld", job_backoff_ms(d->attempts + 1));
	snprintf(ms, sizeof(ms), "%d", p->duration_ms);
	if ((res = pg_exec(w->pg, "webhook_record", 7, params)) == NULL) {
		log_error("webhook %s %s but not recorded, so it will be sent again: %s",
		    d->id, p->ok ? "delivered" : "failed", pg_error(w->pg));
		return;
	}
	state = PQntuples(res) == 1 ? PQgetvalue(res, 0, 1) : "";
	if (strcmp(state, "dead") == 0)
		log_error("webhook %s (%s) is dead after %d attempts: %s", d->id,
		    d->event, d->attempts + 1, p->error);
	else if (strcmp(state, "pending") == 0)
		log_warn("webhook %s (%s) attempt %d failed, next in %lld ms: %s", d->id,
		    d->event, d->attempts + 1, job_backoff_ms(d->attempts + 1), p->error);
	PQclear(res);
}

/* Claims, sends and records one batch. Returns how many were claimed, or
 * -1 when the database failed; *delivered says how many arrived. */
static int
webhook_batch(struct worker *w, int *delivered)
{
	struct delivery d[WEBHOOK_BATCH];
	struct webhook_post *posts[WEBHOOK_BATCH];
	char limit[16], lease[16];
	const char *params[2] = { limit, lease };
	PGresult *res;
	int i, n;

	snprintf(limit, sizeof(limit), "%d", WEBHOOK_BATCH);
	snprintf(lease, sizeof(lease), "%d", WEBHOOK_LEASE_MS);
	if ((res = pg_exec(w->pg, "webhook_claim", 2, params)) == NULL) {
		outage_fail(&w->pg_down, "%s", pg_error(w->pg));
		return -1;
	}
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		delivery_prepare(w, res, i, &d[i]);
		posts[i] = &d[i].post;
	}
	webhook_send(posts, (size_t)n);
	*delivered = 0;
	/* One transaction for the batch's records: one commit to wait for,
	 * not one a delivery (a commit waits for the disk). Lost, the batch
	 * is sent again after its lease: delivery is at least once. */
	if (n > 0 && pg_begin(w->pg) == -1)
		log_error("webhook records: %s", pg_error(w->pg));
	for (i = 0; i < n; i++) {
		delivery_record(w, &d[i]);
		*delivered += d[i].post.ok;
	}
	if (n > 0 && pg_commit(w->pg) == -1) {
		log_error("webhook records not committed, so the batch will be sent "
		    "again: %s", pg_error(w->pg));
		*delivered = 0;
	}
	PQclear(res);
	return n;
}

/* Every turn of the loop: a look every WEBHOOK_POLL_MS (the pending index
 * answers an empty look at once); again at once after a full batch or one
 * that delivered something (the next change of that incident is due now),
 * and after a failure at most every OUTAGE_RETRY_MS. */
void
webhook_tick(struct worker *w)
{
	double now = clock_ms();
	int n, delivered = 0;

	if (now < w->webhook_next)
		return;
	n = webhook_batch(w, &delivered);
	w->webhook_next = n == -1 ? now + OUTAGE_RETRY_MS :
	    n == WEBHOOK_BATCH || delivered > 0 ? now : now + WEBHOOK_POLL_MS;
}
