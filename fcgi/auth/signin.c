/* Signing in: e-mail and password, then a TOTP code (or, the first time,
 * enrolment of a TOTP secret), then a new session. Every attempt, good or
 * bad, is audited; failures are throttled per account and per address,
 * and the messages never say which part was wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/password.h"
#include "auth/session.h"
#include "auth/signin.h"
#include "auth/throttle.h"
#include "auth/totp.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/email.h"
#include "core/hex.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/access.h"
#include "domain/users.h"
#include "http/request.h"
#include "store/redis.h"

#define PENDING_COOKIE	"concord_pre"
#define SESSION_COOKIE	"concord_session"
#define PENDING_SECONDS	300
#define NEXT_MAX	512

/* Spends the time a real check would, so a missing account cannot be told
 * from a wrong password by the response time. */
static void
password_decoy(const char *password)
{
	static char decoy[256];

	if (decoy[0] == '\0' && password_hash("concord decoy password", decoy,
	    sizeof(decoy)) == -1)
		return;
	(void)password_verify(password, decoy);
}

static void
audit_attempt(struct req *r, const struct user_auth *u, const char *action,
    const char *reason)
{
	char uid[24];
	struct actor a = r->actor;

	if (u != NULL && u->id > 0) {
		snprintf(uid, sizeof(uid), "%lld", u->id);
		a.agency_id = u->agency_id;
	}
	if (access_record(r->pg, &a, "user", u != NULL && u->id > 0 ? uid : NULL,
	    action, reason) == -1)
		log_error("audit of %s failed", action);
}

/* Whether next may be where a sign-in ends: a path on this site and
 * nothing else, so a link cannot send a member of staff elsewhere once
 * signed in (an open redirect). A slash not followed by another, and no
 * backslash anywhere (browsers read "//host" and "/\host" as another
 * site); printable ASCII only, so no control character splits the
 * Location header; at most NEXT_MAX bytes. */
int
signin_next_valid(const char *next)
{
	size_t n;

	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return 0;
	for (n = 0; next[n] != '\0'; n++)
		if (n >= NEXT_MAX || next[n] <= ' ' || next[n] > '~' || next[n] == '\\')
			return 0;
	return 1;
}

static const char pending_lua[] =
    "redis.call('HSET', KEYS[1], 'uid', ARGV[1], 'email', ARGV[2], 'secret', ARGV[3], "
    "'next', ARGV[5]) "
    "return redis.call('EXPIRE', KEYS[1], ARGV[4])";

/* Stores the half-finished sign-in, with the page to return to (next, a
 * path signin_next_valid accepts, or ""), and sets its cookie. Returns 0
 * or -1. */
static int
pending_start(struct req *r, const struct user_auth *u, const char *secret,
    const char *next)
{
	char token[65], key[65], rkey[80], uid[24];

	if (random_hex(token, 32) == -1 || sha256_hex(token, strlen(token), key) == -1)
		return -1;
	snprintf(rkey, sizeof(rkey), "concord:pre:%s", key);
	snprintf(uid, sizeof(uid), "%lld", u->id);
	/* Written with its expiry in one step: never a pending sign-in that
	 * outlives PENDING_SECONDS. */
	if (rd_reply_ok(rd_command(r->rd, "EVAL %s 1 %s %s %s %s %d %s", pending_lua,
	    rkey, uid, u->email, secret != NULL ? secret : "", PENDING_SECONDS,
	    signin_next_valid(next) ? next : "")) == -1)
		return -1;
	return resp_cookie(r, PENDING_COOKIE, token, PENDING_SECONDS);
}

/* Reads the half-finished sign-in named by the cookie. 1 found, 0 none
 * (or timed out), -1 when Redis fails. */
int
signin_pending_load(struct req *r, struct signin_pending *p)
{
	const char *token = req_app_cookie(r, PENDING_COOKIE);
	char rkey[80];
	redisReply *rep;
	size_t i;

	memset(p, 0, sizeof(*p));
	if (token == NULL || strlen(token) != 64 || sha256_hex(token, strlen(token), p->key) == -1)
		return 0;
	snprintf(rkey, sizeof(rkey), "concord:pre:%s", p->key);
	if ((rep = rd_command(r->rd, "HGETALL %s", rkey)) == NULL)
		return -1;
	for (i = 0; rep->type == REDIS_REPLY_ARRAY && i + 1 < rep->elements; i += 2) {
		const char *k = rep->element[i]->str, *v = rep->element[i + 1]->str;

		if (strcmp(k, "uid") == 0)
			p->user_id = strtoll(v, NULL, 10);
		else if (strcmp(k, "email") == 0)
			snprintf(p->email, sizeof(p->email), "%s", v);
		else if (strcmp(k, "secret") == 0)
			snprintf(p->secret, sizeof(p->secret), "%s", v);
		else if (strcmp(k, "next") == 0 && signin_next_valid(v))
			snprintf(p->next, sizeof(p->next), "%s", v);
	}
	freeReplyObject(rep);
	p->enrolling = p->secret[0] != '\0';
	return p->user_id > 0;
}

static void
pending_end(struct req *r, const struct signin_pending *p)
{
	char rkey[80];
	redisReply *rep;

	snprintf(rkey, sizeof(rkey), "concord:pre:%s", p->key);
	if ((rep = rd_command(r->rd, "DEL %s", rkey)) != NULL)
		freeReplyObject(rep);
	resp_cookie(r, PENDING_COOKIE, "", 0);
}

/* Whether the throttle refuses this attempt before anything is checked:
 * 1 with *step SIGNIN_THROTTLED or SIGNIN_SLOWED (and *wait), or
 * SIGNIN_UNAVAILABLE when Redis cannot say; 0 when it may go on. email
 * NULL: an address that names no account, so only the client's counts. */
static int
attempt_refused(struct req *r, const char *email, long long *wait,
    enum signin_step *step)
{
	switch (throttle_check(r->rd, email, r->remote_addr, wait)) {
	case THROTTLE_OPEN:
		return 0;
	case THROTTLE_LOCKED:
		audit_attempt(r, NULL, "sign_in_throttled", "too many failed attempts "
		    "from this address");
		*step = SIGNIN_THROTTLED;
		return 1;
	case THROTTLE_SLOWED:
		audit_attempt(r, NULL, "sign_in_throttled", "account slowed down "
		    "after failed attempts");
		*step = SIGNIN_SLOWED;
		return 1;
	default:
		*step = SIGNIN_UNAVAILABLE;
		return 1;
	}
}

/* Checks e-mail and password. On success the browser holds a pending
 * sign-in for PENDING_SECONDS, waiting for the code, and remembering next
 * (the page to land on; NULL or refused by signin_next_valid: none). An
 * address with no normal form (core/email.c: outside ASCII) names no
 * account: it fails as an unknown one would, counted against the
 * client's address only. */
enum signin_step
signin_password(struct req *r, const char *email, const char *password,
    const char *next, long long *wait)
{
	struct user_auth u;
	char secret[64], normal[EMAIL_MAX + 1];
	enum signin_step step;
	int rc = 0, named = email_normal(email, normal, sizeof(normal)) == 0;

	if (attempt_refused(r, named ? normal : NULL, wait, &step))
		return step;
	memset(&u, 0, sizeof(u));
	if (named && (rc = user_auth_by_email(r->pg, normal, &u)) == -1)
		return SIGNIN_UNAVAILABLE;
	if (!named || rc == 0 || u.password_hash[0] == '\0') {
		password_decoy(password);
		rc = -2;
	} else
		rc = password_verify(password, u.password_hash);
	if (rc != 1 || u.disabled) {
		if (throttle_fail(r->rd, named ? normal : NULL, r->remote_addr) == -1)
			return SIGNIN_UNAVAILABLE;
		audit_attempt(r, &u, "sign_in_failed", !named ? "address outside ASCII" :
		    rc == -2 ? "no such account" : rc != 1 ? "wrong password" :
		    "account disabled");
		return SIGNIN_FAILED;
	}
	/* Parameters have grown since this hash was made: upgrade it now,
	 * while the password is in hand. */
	if (password_needs_rehash(u.password_hash) == 1) {
		char fresh[256];

		if (password_hash(password, fresh, sizeof(fresh)) == 0)
			(void)user_password_set(r->pg, &r->actor, u.id, fresh);
	}
	if (u.totp_secret[0] != '\0')
		return pending_start(r, &u, NULL, next) == 0 ? SIGNIN_NEED_CODE :
		    SIGNIN_UNAVAILABLE;
	if (totp_secret_new(secret, sizeof(secret)) == -1)
		return SIGNIN_UNAVAILABLE;
	return pending_start(r, &u, secret, next) == 0 ? SIGNIN_NEED_ENROL :
	    SIGNIN_UNAVAILABLE;
}

/* Checks the code (and, when enrolling, stores the secret it proves), so
 * one code can never be used twice. */
static int
code_accept(struct req *r, const struct signin_pending *p, const struct user_auth *u,
    const char *code)
{
	long long step, now = clock_epoch();

	if (p->enrolling) {
		if (totp_check(p->secret, code, now, 0, &step) != 1)
			return 0;
		return user_totp_enrol(r->pg, &r->actor, u->id, p->secret, step);
	}
	if (totp_check(u->totp_secret, code, now, u->totp_last_step, &step) != 1)
		return 0;
	return user_totp_consume(r->pg, &r->actor, u->id, step);
}

static int
session_start(struct req *r, const struct user_auth *u)
{
	struct session s;
	char token[SESSION_TOKEN_LEN + 1];

	memset(&s, 0, sizeof(s));
	s.user_id = u->id;
	s.agency_id = u->agency_id;
	s.perms = u->perms;
	s.core_partner = u->core_partner;
	snprintf(s.name, sizeof(s.name), "%s", u->name);
	snprintf(s.agency_name, sizeof(s.agency_name), "%s", u->agency_name);
	snprintf(s.roles, sizeof(s.roles), "%s", u->roles);
	if (session_create(r->rd, &s, clock_epoch(), token) == -1)
		return -1;
	/* The session cookie lives as long as the browser; Redis decides
	 * when the session has ended. */
	return resp_cookie(r, SESSION_COOKIE, token, -1);
}

/* The second step. A new session (a new token) on success. */
enum signin_step
signin_code(struct req *r, const char *code, long long *wait)
{
	struct signin_pending p;
	struct user_auth u;
	enum signin_step step;
	int rc;

	if ((rc = signin_pending_load(r, &p)) == -1)
		return SIGNIN_UNAVAILABLE;
	if (rc == 0)
		return SIGNIN_EXPIRED;
	if (attempt_refused(r, p.email, wait, &step))
		return step;
	if ((rc = user_auth_by_id(r->pg, p.user_id, &u)) != 1)
		return rc == -1 ? SIGNIN_UNAVAILABLE : SIGNIN_EXPIRED;
	r->actor.agency_id = u.agency_id;
	rc = u.disabled ? 0 : code_accept(r, &p, &u, code);
	if (rc == -1)
		return SIGNIN_UNAVAILABLE;
	if (rc == 0) {
		if (throttle_fail(r->rd, p.email, r->remote_addr) == -1)
			return SIGNIN_UNAVAILABLE;
		audit_attempt(r, &u, "sign_in_failed", u.disabled ? "account disabled" :
		    "wrong or reused code");
		return SIGNIN_FAILED;
	}
	pending_end(r, &p);
	if (session_start(r, &u) == -1)
		return SIGNIN_UNAVAILABLE;
	if (throttle_clear(r->rd, p.email, r->remote_addr) == -1)
		log_warn("sign-in: the failures before it could not be cleared");
	r->actor.user_id = u.id;
	audit_attempt(r, &u, "sign_in", NULL);
	return SIGNIN_DONE;
}

/* Ends the current session, here and in Redis. */
void
signin_out(struct req *r)
{
	char uid[24];

	if (r->session == NULL)
		return;
	if (session_destroy(r->rd, r->session) == -1)
		log_error("sign-out: the session could not be removed from Redis");
	snprintf(uid, sizeof(uid), "%lld", r->session->user_id);
	if (access_record(r->pg, &r->actor, "user", uid, "sign_out", NULL) == -1)
		log_error("audit of sign_out failed");
	resp_cookie(r, SESSION_COOKIE, "", 0);
	r->session = NULL;
}
