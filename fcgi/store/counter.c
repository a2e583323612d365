/* The one windowed counter behind every limit (sign-in failures, reports
 * per address, Open311 posts per client): a Redis key counted up and given
 * its expiry in one atomic step, so no key is ever left without one.
 *
 * A retry: rd_command sends the script again when a reply was lost. If the
 * first one ran, the event counts twice: a limit may trip one event early
 * after a lost reply, never late, and the window still ends on time. */
#include <string.h>

#include "store/counter.h"
#include "store/redis.h"

/* Counts ARGV[2] events and returns {count, ttl}. The expiry is set whenever
 * the key has none, which also heals a key an older release left without
 * one (INCR and EXPIRE used to be two commands). */
static const char window_hit_lua[] =
    "local n = redis.call('INCRBY', KEYS[1], ARGV[2]) "
    "local t = redis.call('TTL', KEYS[1]) "
    "if t < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) end "
    "return {n, t}";

static const char window_peek_lua[] =
    "local n = redis.call('GET', KEYS[1]) "
    "if not n then return {0, 0} end "
    "return {tonumber(n) or 0, redis.call('TTL', KEYS[1])}";

/* Reads a {count, ttl} reply. Returns 0, or -1 when it is not one. */
static int
window_read(redisReply *r, struct rd_window *w)
{
	int ok = r != NULL && r->type == REDIS_REPLY_ARRAY && r->elements == 2 &&
	    r->element[0]->type == REDIS_REPLY_INTEGER &&
	    r->element[1]->type == REDIS_REPLY_INTEGER;

	if (ok) {
		w->count = r->element[0]->integer;
		w->ttl = r->element[1]->integer > 0 ? r->element[1]->integer : 0;
	}
	if (r != NULL)
		freeReplyObject(r);
	return ok ? 0 : -1;
}

/* Counts one event against key, whose window lasts seconds from its first
 * event. Returns 0 with w filled, or -1 when Redis cannot say. */
int
rd_window_hit(struct rd *rd, const char *key, int seconds, struct rd_window *w)
{
	return rd_window_add(rd, key, seconds, 1, w);
}

/* As rd_window_hit, for n events at once (n may be negative, to give back
 * what was counted ahead, e.g. bytes reserved for an upload that stored
 * fewer). Returns 0 with w filled, or -1 when Redis cannot say. */
int
rd_window_add(struct rd *rd, const char *key, int seconds, long long n,
    struct rd_window *w)
{
	memset(w, 0, sizeof(*w));
	return window_read(rd_command(rd, "EVAL %s 1 %s %d %lld", window_hit_lua, key,
	    seconds, n), w);
}

/* The count so far without adding to it ({0, 0} when the window has
 * ended). Returns 0, or -1 when Redis cannot say. */
int
rd_window_peek(struct rd *rd, const char *key, struct rd_window *w)
{
	memset(w, 0, sizeof(*w));
	return window_read(rd_command(rd, "EVAL %s 1 %s", window_peek_lua, key), w);
}
