/* The gate of the CAD API's signed routes (ROUTE_API_SIGNED): which key
 * signed the request, whether the signature, its time and its nonce hold,
 * and whether the client's scopes allow the route. The client then acts as
 * its service account (r->actor), so row security and the audit name it.
 * Every refusal is a 401 or 403 problem with a reason code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <openssl/crypto.h>

#include "api/api.h"
#include "api/problem.h"
#include "auth/api_sign.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/hex.h"
#include "core/log.h"
#include "domain/api_client.h"
#include "http/request.h"
#include "store/redis.h"

static int
unauthorized(struct req *r, const char *code, const char *detail)
{
	resp_header(r, "WWW-Authenticate", "Concord-HMAC-SHA256");
	problem_send(r, 401, code, "The request is not authenticated.", detail);
	return 0;
}

/* Whether the timestamp is digits within API_CLOCK_SKEW of now. */
static int
timestamp_fresh(const char *ts)
{
	long long t, now = clock_epoch();
	char *end;

	if (ts == NULL || *ts < '0' || *ts > '9' || strlen(ts) > 12)
		return 0;
	t = strtoll(ts, &end, 10);
	return *end == '\0' && llabs(t - now) <= API_CLOCK_SKEW;
}

/* Takes the nonce for the window: 1 fresh, 0 seen before, -1 Redis down. */
static int
nonce_take(struct req *r, const char *key_id, const char *nonce)
{
	redisReply *reply;
	char ttl[16];
	int rc;

	/* Twice the skew: a nonce is refused for as long as its timestamp
	 * could be accepted. */
	snprintf(ttl, sizeof(ttl), "%d", 2 * API_CLOCK_SKEW + 60);
	reply = rd_command(r->rd, "SET concord:api:nonce:%s:%s 1 NX EX %s", key_id,
	    nonce, ttl);
	if (reply == NULL)
		return -1;
	rc = reply->type == REDIS_REPLY_STATUS ? 1 : reply->type == REDIS_REPLY_NIL ? 0 : -1;
	freeReplyObject(reply);
	return rc;
}

/* The path and query as sent (not decoded), which the signature covers. */
static void
target_split(struct req *r, const char **path, const char **query)
{
	const char *q = strchr(r->uri, '?');

	*path = q == NULL ? r->uri : arena_strndup(r->arena, r->uri, (size_t)(q - r->uri));
	*query = q == NULL ? NULL : q + 1;
}

int
api_gate(struct req *r, enum perm need)
{
	const char *key_id = req_header(r, "Concord-Key-Id");
	const char *ts = req_header(r, "Concord-Timestamp");
	const char *nonce = req_header(r, "Concord-Nonce");
	const char *sig = req_header(r, "Concord-Signature");
	char secret[API_SECRET_LEN + 1];
	struct api_sign_input in;
	struct api_caller *c;
	int ok;

	r->actor.request_id = r->request_id;
	r->actor.client_addr = r->remote_addr;
	if (key_id == NULL || ts == NULL || nonce == NULL || sig == NULL)
		return unauthorized(r, "signature_missing", "Send Concord-Key-Id, "
		    "Concord-Timestamp, Concord-Nonce and Concord-Signature.");
	if (!timestamp_fresh(ts))
		return unauthorized(r, "timestamp_out_of_window", "Concord-Timestamp "
		    "must be the time in seconds since 1970, within 5 minutes of ours.");
	if (!api_nonce_valid(nonce))
		return unauthorized(r, "nonce_invalid", "Concord-Nonce must be 16 to 64 "
		    "of A-Z, a-z, 0-9, - and _, new for every request.");
	if ((c = arena_calloc(r->arena, 1, sizeof(*c))) == NULL)
		goto unavailable;
	switch (api_caller_find(r->pg, r->arena, key_id, c)) {
	case 1:
		break;
	case 0:
		return unauthorized(r, "key_unknown", "There is no key with this "
		    "Concord-Key-Id.");
	default:
		goto unavailable;
	}
	if (c->state == API_KEY_REVOKED)
		return unauthorized(r, "key_revoked", "This key has been revoked.");
	if (c->state == API_KEY_EXPIRED)
		return unauthorized(r, "key_expired", "This key was replaced and its "
		    "overlap has ended: sign with the new key.");
	if (api_secret_of(r->cfg, c, secret) == -1)
		goto unavailable;
	target_split(r, &in.path, &in.query);
	in.method = r->method_name;
	in.timestamp = ts;
	in.nonce = nonce;
	in.body = r->body;
	in.body_len = r->body_len;
	ok = in.path != NULL ? api_sign_check(secret, &in, sig) : -1;
	OPENSSL_cleanse(secret, sizeof(secret));
	if (ok == -1)
		goto unavailable;
	if (ok == 0)
		return unauthorized(r, "signature_invalid", "Concord-Signature is not "
		    "this request's signature with this key (README: Signing a request).");
	switch (nonce_take(r, key_id, nonce)) {
	case 1:
		break;
	case 0:
		return unauthorized(r, "nonce_replayed", "This Concord-Nonce was used "
		    "before: each request needs a new one.");
	default:
		goto unavailable;
	}
	if (api_key_used(r->pg, c) == -1)
		log_error("api key %s: last use not recorded", key_id);
	r->api = c;
	r->actor.user_id = c->user_id;
	r->actor.agency_id = c->agency_id;
	r->actor.perms = c->perms | PERM_BIT(PERM_SIGNED_IN);
	r->actor.core_partner = c->core_partner;
	if (!perm_has(r->actor.perms, need)) {
		problem_send(r, 403, "scope_missing", "The client's scopes do not allow "
		    "this.", perm_has(PERM_BIT(PERM_INCIDENT_VIEW) |
		    PERM_BIT(PERM_PERSON_VIEW), need) ? "It needs the incidents.read scope." :
		    "It needs the incidents.write scope.");
		return 0;
	}
	return 1;
unavailable:
	problem_unavailable(r);
	return 0;
}

void
api_refuse(struct req *r, int status)
{
	switch (status) {
	case 404:
		return problem_send(r, 404, "not_found", "There is nothing at this address.",
		    NULL);
	case 405:
		return problem_send(r, 405, "method_not_allowed", "This address does not "
		    "take this method.", NULL);
	case 413:
		return problem_send(r, 413, "body_too_large", "The request body is too "
		    "large.", r->error);
	default:
		if (status >= 500)
			return problem_send(r, status, "unavailable", "The API is "
			    "unavailable at the moment.", NULL);
		return problem_send(r, status, "bad_request", "The request could not be "
		    "read.", r->error);
	}
}
