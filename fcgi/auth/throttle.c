/* Sign-in throttling (the rules are in throttle.h): windowed counters in
 * Redis per account and address, per account and per address, all through
 * the one counter in store/counter.c. Accounts are named by a hash of the
 * normal form of their e-mail address (core/email.c), so Redis holds no
 * addresses of staff, and "Supervisor@" and "supervisor@" are one account. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/throttle.h"
#include "core/clock.h"
#include "core/email.h"
#include "core/hex.h"
#include "store/counter.h"
#include "store/redis.h"

/* The keys of one attempt: account ones are empty when there is no account. */
struct thr_keys {
	char	hash[65];	/* of the account's address in normal form */
	char	address[96];	/* failures from the address, any account */
	char	account[96];	/* failures against the account, any address */
	char	wait[96];	/* the account's slow-down, while it lasts */
	char	addrs[96];	/* the addresses that failed against it */
	char	pair_prefix[96];
	char	pair[176];	/* failures from the address against the account */
};

/* Builds the keys for email (NULL: none) and addr (NULL: none). Returns 0,
 * or -1 when the address has no normal form or hashing fails. */
static int
keys_make(const char *email, const char *addr, struct thr_keys *k)
{
	char normal[EMAIL_MAX + 1];
	const char *h = k->hash;

	memset(k, 0, sizeof(*k));
	if (addr != NULL)
		snprintf(k->address, sizeof(k->address), "concord:thr:ip:%.64s", addr);
	if (email == NULL)
		return 0;
	if (email_normal(email, normal, sizeof(normal)) == -1 ||
	    sha256_hex(normal, strlen(normal), k->hash) == -1) {
		k->hash[0] = '\0';
		return -1;
	}
	/* flags_lua and unlock_lua build the same names. */
	snprintf(k->account, sizeof(k->account), "concord:thr:a:%s", h);
	snprintf(k->wait, sizeof(k->wait), "concord:thr:w:%s", h);
	snprintf(k->addrs, sizeof(k->addrs), "concord:thr:l:%s", h);
	snprintf(k->pair_prefix, sizeof(k->pair_prefix), "concord:thr:p:%s:", h);
	if (addr != NULL)
		snprintf(k->pair, sizeof(k->pair), "%s%.64s", k->pair_prefix, addr);
	return 0;
}

/* Seconds left on key (0 when it is gone), or -1 when Redis cannot say. */
static long long
seconds_left(struct rd *rd, const char *key)
{
	redisReply *r = rd_command(rd, "TTL %s", key);
	long long t;

	if (r == NULL)
		return -1;
	t = r->type == REDIS_REPLY_INTEGER ? (r->integer > 0 ? r->integer : 0) : -1;
	freeReplyObject(r);
	return t;
}

/* Whether an attempt from addr at email (NULL: an address that names no
 * account) may check a password. Returns a verdict (*wait: seconds until
 * it may, when not THROTTLE_OPEN), or -1 when Redis cannot say. */
int
throttle_check(struct rd *rd, const char *email, const char *addr, long long *wait)
{
	struct thr_keys k;
	struct rd_window w;

	*wait = 0;
	if (keys_make(email, addr, &k) == -1 || rd_window_peek(rd, k.address, &w) == -1)
		return -1;
	if (w.count >= THROTTLE_ADDRESS_MAX) {
		*wait = w.ttl;
		return THROTTLE_LOCKED;
	}
	if (email == NULL)
		return THROTTLE_OPEN;
	if (rd_window_peek(rd, k.pair, &w) == -1)
		return -1;
	if (w.count >= THROTTLE_PAIR_MAX) {
		*wait = w.ttl;
		return THROTTLE_LOCKED;
	}
	if ((*wait = seconds_left(rd, k.wait)) == -1)
		return -1;
	return *wait > 0 ? THROTTLE_SLOWED : THROTTLE_OPEN;
}

/* The slow-down after the nth failure against an account: none up to
 * THROTTLE_ACCOUNT_FREE, then 2, 4, 8 ... seconds up to THROTTLE_DELAY_MAX. */
static int
slow_down_seconds(long long n)
{
	long long shift = n - THROTTLE_ACCOUNT_FREE - 1;

	if (shift < 0)
		return 0;
	if (shift >= 5 || (2LL << shift) > THROTTLE_DELAY_MAX)
		return THROTTLE_DELAY_MAX;
	return (int)(2LL << shift);
}

/* Notes that addr failed against the account until its window ends (when
 * the lock, if any, ends too), forgetting addresses whose windows have. */
static const char addrs_note_lua[] =
    "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) "
    "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3]) "
    "return redis.call('EXPIRE', KEYS[1], ARGV[4])";

/* Counts a failure from addr at email (NULL: the address named no
 * account, so only the address counts). Returns 0, or -1 on Redis failure. */
int
throttle_fail(struct rd *rd, const char *email, const char *addr)
{
	struct thr_keys k;
	struct rd_window w, pair;
	long long now = clock_epoch();
	int delay;

	if (keys_make(email, addr, &k) == -1 ||
	    rd_window_hit(rd, k.address, THROTTLE_WINDOW, &w) == -1)
		return -1;
	if (email == NULL)
		return 0;
	if (rd_window_hit(rd, k.pair, THROTTLE_WINDOW, &pair) == -1 ||
	    rd_reply_ok(rd_command(rd, "EVAL %s 1 %s %lld %s %lld %d", addrs_note_lua,
	    k.addrs, now + pair.ttl, addr, now, THROTTLE_WINDOW)) == -1 ||
	    rd_window_hit(rd, k.account, THROTTLE_WINDOW, &w) == -1)
		return -1;
	if ((delay = slow_down_seconds(w.count)) > 0 &&
	    rd_reply_ok(rd_command(rd, "SET %s 1 EX %d", k.wait, delay)) == -1)
		return -1;
	return 0;
}

/* A successful sign-in from addr ends the account's slow-down and this
 * address's failures against it (not the address's own count: one good
 * password must not reopen guessing at other accounts). 0 or -1. */
int
throttle_clear(struct rd *rd, const char *email, const char *addr)
{
	struct thr_keys k;

	if (keys_make(email, addr, &k) == -1 ||
	    rd_reply_ok(rd_command(rd, "DEL %s %s %s", k.account, k.wait, k.pair)) == -1)
		return -1;
	return rd_reply_ok(rd_command(rd, "ZREM %s %s", k.addrs, addr));
}

/* Reads what administrators see of an account: the addresses locked out
 * of it (up to THROTTLE_LOCKS_SHOWN), its failures in the window and its
 * slow-down. Returns 0, or -1 when Redis cannot say. */
int
throttle_account_state(struct rd *rd, const char *email, long long now,
    struct throttle_account *st)
{
	struct thr_keys k;
	struct rd_window w;
	redisReply *r;
	size_t i;
	int rc = 0;

	memset(st, 0, sizeof(*st));
	if (keys_make(email, NULL, &k) == -1 ||
	    (r = rd_command(rd, "ZRANGEBYSCORE %s %lld +inf WITHSCORES", k.addrs, now)) == NULL)
		return -1;
	for (i = 0; r->type == REDIS_REPLY_ARRAY && i + 1 < r->elements &&
	    st->nlocks < THROTTLE_LOCKS_SHOWN; i += 2) {
		struct throttle_lock *l = &st->locks[st->nlocks];

		snprintf(l->addr, sizeof(l->addr), "%s", r->element[i]->str);
		snprintf(k.pair, sizeof(k.pair), "%s%.64s", k.pair_prefix, l->addr);
		if ((rc = rd_window_peek(rd, k.pair, &w)) == -1)
			break;
		if (w.count >= THROTTLE_PAIR_MAX) {
			l->until = now + w.ttl;
			st->nlocks++;
		}
	}
	if (r->type == REDIS_REPLY_ERROR)
		rc = -1;
	freeReplyObject(r);
	if (rc == -1 || rd_window_peek(rd, k.account, &w) == -1 ||
	    (st->wait = seconds_left(rd, k.wait)) == -1)
		return -1;
	st->failures = w.count;
	return 0;
}

/* Forgets every failure against the account from every address, with the
 * locks and slow-down they caused (the addresses' own counts stay). The
 * pair keys are built inside the script from the noted addresses: this
 * assumes one Redis, not a cluster. */
static const char unlock_lua[] =
    "for _, a in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do "
    "redis.call('DEL', ARGV[1] .. a) end "
    "return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])";

/* An administrator's unlock of an account. Returns 0, or -1 when Redis
 * fails (nothing, or not everything, was unlocked). */
int
throttle_unlock(struct rd *rd, const char *email)
{
	struct thr_keys k;

	if (keys_make(email, NULL, &k) == -1)
		return -1;
	return rd_reply_ok(rd_command(rd, "EVAL %s 3 %s %s %s %s", unlock_lua, k.addrs,
	    k.account, k.wait, k.pair_prefix));
}

/* For each account hash after ARGV[1] (now) and ARGV[2] (THROTTLE_PAIR_MAX):
 * THROTTLE_FLAG_LOCKED (1) when an address is locked out of it, plus
 * THROTTLE_FLAG_SLOWED (2) when it is slowed down. Keys are built inside,
 * as in unlock_lua. */
static const char flags_lua[] =
    "local out = {} "
    "for i = 3, #ARGV do "
    "local h, st = ARGV[i], 0 "
    "if h ~= '' then "
    "if redis.call('EXISTS', 'concord:thr:w:' .. h) == 1 then st = 2 end "
    "for _, a in ipairs(redis.call('ZRANGEBYSCORE', 'concord:thr:l:' .. h, ARGV[1], '+inf')) do "
    "if (tonumber(redis.call('GET', 'concord:thr:p:' .. h .. ':' .. a)) or 0) >= "
    "tonumber(ARGV[2]) then st = st + 1 break end end end "
    "out[#out + 1] = st end "
    "return out";

/* Whether each of n accounts is locked out from some address, slowed
 * down, both or neither (THROTTLE_FLAG_*), in one round trip, for lists.
 * Returns 0, or -1 when Redis cannot say. */
int
throttle_accounts_flags(struct rd *rd, const char *const *emails, size_t n,
    long long now, unsigned *out)
{
	struct thr_keys *k = calloc(n + 1, sizeof(*k));
	const char **argv = calloc(n + 5, sizeof(*argv));
	char snow[24], smax[24];
	redisReply *r = NULL;
	size_t i;
	int rc = -1;

	if (k == NULL || argv == NULL)
		goto out;
	snprintf(snow, sizeof(snow), "%lld", now);
	snprintf(smax, sizeof(smax), "%d", THROTTLE_PAIR_MAX);
	argv[0] = "EVAL";
	argv[1] = flags_lua;
	argv[2] = "0";
	argv[3] = snow;
	argv[4] = smax;
	/* An address with no normal form has no hash, and no throttle state. */
	for (i = 0; i < n; i++) {
		(void)keys_make(emails[i], NULL, &k[i]);
		argv[5 + i] = k[i].hash;
	}
	if ((r = rd_commandv(rd, (int)n + 5, argv, NULL)) == NULL ||
	    r->type != REDIS_REPLY_ARRAY || r->elements != n)
		goto out;
	for (i = 0; i < n; i++)
		out[i] = (unsigned)r->element[i]->integer &
		    (THROTTLE_FLAG_LOCKED | THROTTLE_FLAG_SLOWED);
	rc = 0;
out:
	if (r != NULL)
		freeReplyObject(r);
	free(argv);
	free(k);
	return rc;
}
