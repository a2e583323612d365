/* Staff sessions in Redis: a hash per session keyed by the SHA-256 of the
 * token, with a sliding idle expiry, an absolute lifetime, and a set per
 * user so that disabling a user ends all their sessions at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/hex.h"
#include "core/random.h"
#include "store/redis.h"

/* Starts a session for s (user, agency, permissions and names filled in):
 * makes a new token and CSRF secret. Returns 0, or -1 when Redis fails. */
int
session_create(struct rd *rd, struct session *s, long long now,
    char token[SESSION_TOKEN_LEN + 1])
{
	char rkey[80], ukey[64], uid[24], aid[24], created[24], perms[24];

	if (random_hex(token, 32) == -1 || random_hex(s->csrf, 32) == -1 ||
	    sha256_hex(token, strlen(token), s->key) == -1)
		return -1;
	s->created = now;
	snprintf(rkey, sizeof(rkey), "concord:s:%s", s->key);
	snprintf(ukey, sizeof(ukey), "concord:us:%lld", s->user_id);
	snprintf(uid, sizeof(uid), "%lld", s->user_id);
	snprintf(aid, sizeof(aid), "%lld", s->agency_id);
	snprintf(created, sizeof(created), "%lld", now);
	snprintf(perms, sizeof(perms), "%llu", (unsigned long long)s->perms);
	if (rd_reply_ok(rd_command(rd, "HSET %s uid %s aid %s created %s perms %s "
	    "csrf %s name %s agency %s roles %s core %s", rkey, uid, aid, created,
	    perms, s->csrf, s->name, s->agency_name, s->roles,
	    s->core_partner ? "1" : "0")) == -1 ||
	    rd_reply_ok(rd_command(rd, "EXPIRE %s %d", rkey, SESSION_IDLE_SECONDS)) == -1 ||
	    rd_reply_ok(rd_command(rd, "SADD %s %s", ukey, s->key)) == -1 ||
	    rd_reply_ok(rd_command(rd, "EXPIRE %s %d", ukey, SESSION_ABSOLUTE_SECONDS)) == -1)
		return -1;
	return 0;
}

static void
copy_field(char *dst, size_t len, const redisReply *v)
{
	snprintf(dst, len, "%.*s", (int)v->len, v->str);
}

/* Fills s from an HGETALL reply. Returns -1 when a field is missing. */
static int
session_parse(const redisReply *r, struct session *s)
{
	char num[32];
	size_t i;
	int seen = 0;

	for (i = 0; i + 1 < r->elements; i += 2) {
		const redisReply *k = r->element[i], *v = r->element[i + 1];

		if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
			return -1;
		copy_field(num, sizeof(num), v);
		if (strcmp(k->str, "uid") == 0 && ++seen)
			s->user_id = strtoll(num, NULL, 10);
		else if (strcmp(k->str, "aid") == 0 && ++seen)
			s->agency_id = strtoll(num, NULL, 10);
		else if (strcmp(k->str, "created") == 0 && ++seen)
			s->created = strtoll(num, NULL, 10);
		else if (strcmp(k->str, "perms") == 0 && ++seen)
			s->perms = strtoull(num, NULL, 10);
		else if (strcmp(k->str, "csrf") == 0 && ++seen)
			copy_field(s->csrf, sizeof(s->csrf), v);
		else if (strcmp(k->str, "name") == 0)
			copy_field(s->name, sizeof(s->name), v);
		else if (strcmp(k->str, "agency") == 0)
			copy_field(s->agency_name, sizeof(s->agency_name), v);
		else if (strcmp(k->str, "roles") == 0)
			copy_field(s->roles, sizeof(s->roles), v);
		else if (strcmp(k->str, "core") == 0)
			s->core_partner = v->len == 1 && v->str[0] == '1';
	}
	return seen == 5 && s->user_id > 0 ? 0 : -1;
}

static const char session_touch_lua[] =
    "local v = redis.call('HGETALL', KEYS[1]) "
    "if #v > 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end "
    "return v";

/* Finds the session for a token and extends its idle time. Returns 1 when
 * it is valid, 0 when there is none or it has expired (idle or absolute),
 * and -1 when Redis cannot be reached. */
int
session_load(struct rd *rd, const char *token, long long now, struct session *s)
{
	char rkey[80];
	redisReply *r;
	int rc;

	memset(s, 0, sizeof(*s));
	if (strlen(token) != SESSION_TOKEN_LEN || sha256_hex(token, strlen(token), s->key) == -1)
		return 0;
	snprintf(rkey, sizeof(rkey), "concord:s:%s", s->key);
	/* Read and extend the idle time in one round trip: every signed-in
	 * request pays for this. */
	if ((r = rd_command(rd, "EVAL %s 1 %s %d", session_touch_lua, rkey,
	    SESSION_IDLE_SECONDS)) == NULL)
		return -1;
	if (r->type != REDIS_REPLY_ARRAY) {
		freeReplyObject(r);
		return -1;
	}
	rc = r->elements > 0 && session_parse(r, s) == 0;
	freeReplyObject(r);
	if (!rc)
		return 0;
	if (now - s->created >= SESSION_ABSOLUTE_SECONDS) {
		session_destroy(rd, s);
		return 0;
	}
	return 1;
}

/* Ends one session (sign-out). Returns 0 or -1. */
int
session_destroy(struct rd *rd, const struct session *s)
{
	char rkey[80], ukey[64];

	snprintf(rkey, sizeof(rkey), "concord:s:%s", s->key);
	snprintf(ukey, sizeof(ukey), "concord:us:%lld", s->user_id);
	if (rd_reply_ok(rd_command(rd, "DEL %s", rkey)) == -1)
		return -1;
	return rd_reply_ok(rd_command(rd, "SREM %s %s", ukey, s->key));
}

/* Ends every session of a user, at once: when they are disabled or their
 * roles change. Returns 0 or -1. */
int
session_revoke_user(struct rd *rd, long long user_id)
{
	char ukey[64], rkey[80];
	redisReply *r;
	size_t i;
	int rc = 0;

	snprintf(ukey, sizeof(ukey), "concord:us:%lld", user_id);
	if ((r = rd_command(rd, "SMEMBERS %s", ukey)) == NULL)
		return -1;
	if (r->type != REDIS_REPLY_ARRAY) {
		freeReplyObject(r);
		return -1;
	}
	for (i = 0; i < r->elements; i++) {
		snprintf(rkey, sizeof(rkey), "concord:s:%.*s", (int)r->element[i]->len,
		    r->element[i]->str);
		if (rd_reply_ok(rd_command(rd, "DEL %s", rkey)) == -1)
			rc = -1;
	}
	freeReplyObject(r);
	if (rd_reply_ok(rd_command(rd, "DEL %s", ukey)) == -1)
		rc = -1;
	return rc;
}
