/* Sign-in throttling: counters of recent failures in Redis, per account
 * (by a hash of the e-mail address, so Redis holds no addresses) and per
 * client address. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "auth/throttle.h"
#include "core/hex.h"
#include "store/redis.h"

static int
account_key(const char *email, char *out, size_t len)
{
	char lower[256], h[65];
	size_t k;

	for (k = 0; email[k] != '\0' && k < sizeof(lower) - 1; k++)
		lower[k] = (char)tolower((unsigned char)email[k]);
	lower[k] = '\0';
	if (sha256_hex(lower, k, h) == -1)
		return -1;
	snprintf(out, len, "concord:thr:a:%s", h);
	return 0;
}

static long long
counter(struct rd *rd, const char *key)
{
	redisReply *r = rd_command(rd, "GET %s", key);
	long long n = 0;

	if (r == NULL)
		return -1;
	if (r->type == REDIS_REPLY_STRING)
		sscanf(r->str, "%lld", &n);
	else if (r->type == REDIS_REPLY_ERROR)
		n = -1;
	freeReplyObject(r);
	return n;
}

/* 1 when either counter is at its limit, 0 when not, -1 on Redis failure. */
int
throttle_blocked(struct rd *rd, const char *email, const char *addr)
{
	char akey[96], ikey[128];
	long long a, i;

	if (account_key(email, akey, sizeof(akey)) == -1)
		return -1;
	snprintf(ikey, sizeof(ikey), "concord:thr:ip:%.64s", addr);
	if ((a = counter(rd, akey)) < 0 || (i = counter(rd, ikey)) < 0)
		return -1;
	return a >= THROTTLE_ACCOUNT_MAX || i >= THROTTLE_ADDRESS_MAX;
}

/* Counts a failure against both; the window starts at the first failure. */
static int
bump(struct rd *rd, const char *key)
{
	redisReply *r = rd_command(rd, "INCR %s", key);
	int first;

	if (r == NULL || r->type != REDIS_REPLY_INTEGER) {
		if (r != NULL)
			freeReplyObject(r);
		return -1;
	}
	first = r->integer == 1;
	freeReplyObject(r);
	if (first) {
		if ((r = rd_command(rd, "EXPIRE %s %d", key, THROTTLE_WINDOW)) == NULL)
			return -1;
		freeReplyObject(r);
	}
	return 0;
}

int
throttle_fail(struct rd *rd, const char *email, const char *addr)
{
	char akey[96], ikey[128];

	if (account_key(email, akey, sizeof(akey)) == -1)
		return -1;
	snprintf(ikey, sizeof(ikey), "concord:thr:ip:%.64s", addr);
	if (bump(rd, akey) == -1 || bump(rd, ikey) == -1)
		return -1;
	return 0;
}

/* A successful sign-in clears the account's counter (not the address's:
 * one good password must not unlock guessing at other accounts). */
int
throttle_clear(struct rd *rd, const char *email)
{
	char akey[96];
	redisReply *r;

	if (account_key(email, akey, sizeof(akey)) == -1 ||
	    (r = rd_command(rd, "DEL %s", akey)) == NULL)
		return -1;
	freeReplyObject(r);
	return 0;
}
