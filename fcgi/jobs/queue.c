/* Settling a job: every move of a job between the stream, the retry set and
 * the dead-letter stream is one Lua script, so it happens whole or not at
 * all. Each script starts with XACK and does nothing more when the entry was
 * no longer pending (someone else settled it), which also makes a script
 * safe to run twice when a reply was lost and rd_command retried it. */
#include <stdio.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <json-c/json.h>

#include "core/log.h"
#include "jobs/jobs.h"
#include "store/redis.h"

/* KEYS: stream. ARGV: group, entry. */
static const char finish_lua[] =
	"local n = redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])\n"
	"redis.call('XDEL', KEYS[1], ARGV[2])\n"
	"return n\n";

/* KEYS: stream, retry set. ARGV: group, entry, delay (ms), member.
 * Due times come from the Redis clock, shared by every worker host. */
static const char retry_lua[] =
	"if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end\n"
	"redis.call('XDEL', KEYS[1], ARGV[2])\n"
	"local t = redis.call('TIME')\n"
	"local due = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
	"    + tonumber(ARGV[3])\n"
	"redis.call('ZADD', KEYS[2], string.format('%.0f', due), ARGV[4])\n"
	"return 1\n";

/* KEYS: stream, target stream. ARGV: group, entry, field, value, ... */
static const char move_lua[] =
	"if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end\n"
	"redis.call('XDEL', KEYS[1], ARGV[2])\n"
	"redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))\n"
	"return 1\n";

/* KEYS: retry set, stream, dead letters. ARGV: how many at most. */
static const char promote_lua[] =
	"local t = redis.call('TIME')\n"
	"local now = string.format('%.0f',\n"
	"    tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))\n"
	"local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now,\n"
	"    'LIMIT', 0, tonumber(ARGV[1]))\n"
	"for _, m in ipairs(due) do\n"
	"  redis.call('ZREM', KEYS[1], m)\n"
	"  local ok, j = pcall(cjson.decode, m)\n"
	"  if ok and type(j) == 'table' and type(j.id) == 'string'\n"
	"      and type(j.type) == 'string' and type(j.payload) == 'string'\n"
	"      and type(j.attempt) == 'string' then\n"
	"    redis.call('XADD', KEYS[2], '*', 'id', j.id, 'type', j.type,\n"
	"        'payload', j.payload, 'attempt', j.attempt)\n"
	"  else\n"
	"    redis.call('XADD', KEYS[3], '*', 'id', '', 'type', '', 'payload', m,\n"
	"        'attempt', '0', 'error', 'unreadable entry in the retry set')\n"
	"  end\n"
	"end\n"
	"return #due\n";

#define EVAL_ARGS_MAX	16
#define STRINGIFY_(x)	#x
#define STRINGIFY(x)	STRINGIFY_(x)

/* Runs a script with its keys and arguments (lens NULL: C strings).
 * Returns the script's integer result, or -1 with the outage recorded. */
static long long
queue_eval(struct worker *w, const char *script, int nkeys, int argc,
    const char **args, const size_t *lens)
{
	const char *argv[EVAL_ARGS_MAX + 3];
	size_t argl[EVAL_ARGS_MAX + 3];
	char nk[16];
	redisReply *reply;
	long long rc = -1;
	int i;

	if (argc > EVAL_ARGS_MAX)
		return -1;
	snprintf(nk, sizeof(nk), "%d", nkeys);
	argv[0] = "EVAL";
	argv[1] = script;
	argv[2] = nk;
	for (i = 0; i < 3; i++)
		argl[i] = strlen(argv[i]);
	for (i = 0; i < argc; i++) {
		argv[i + 3] = args[i];
		argl[i + 3] = lens != NULL ? lens[i] : strlen(args[i]);
	}
	if ((reply = rd_commandv(w->rd, argc + 3, argv, argl)) == NULL) {
		outage_fail(&w->rd_down, "%s", rd_error(w->rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_INTEGER)
		rc = reply->integer;
	else
		outage_fail(&w->rd_down, "EVAL: %s", reply->type == REDIS_REPLY_ERROR ?
		    reply->str : "unexpected reply");
	freeReplyObject(reply);
	return rc;
}

/* How long to wait after a failed attempt (1 for the first): JOB_BACKOFF_MS,
 * doubling each time, at most JOB_BACKOFF_MAX_MS. */
long long
job_backoff_ms(int attempt)
{
	long long ms = JOB_BACKOFF_MS;

	while (--attempt > 0 && ms < JOB_BACKOFF_MAX_MS)
		ms *= 2;
	return ms < JOB_BACKOFF_MAX_MS ? ms : JOB_BACKOFF_MAX_MS;
}

/* Acknowledges a job that is done and drops it from the stream.
 * Returns 1, 0 when it had been settled already, -1 when Redis failed. */
int
queue_finish(struct worker *w, const struct job *j)
{
	const char *args[] = { JOBS_STREAM, JOBS_GROUP, j->entry };

	return (int)queue_eval(w, finish_lua, 1, 3, args, NULL);
}

/* Schedules the job's next attempt delay_ms from now in the retry set.
 * Returns 1, 0 when it had been settled already, -1 when Redis failed. */
int
queue_retry(struct worker *w, const struct job *j, long long delay_ms)
{
	struct json_object *o;
	const char *args[6];
	char delay[32], attempt[16];
	int rc = -1;

	snprintf(delay, sizeof(delay), "%lld", delay_ms);
	snprintf(attempt, sizeof(attempt), "%d", j->attempt + 1);
	if ((o = json_object_new_object()) == NULL ||
	    json_object_object_add(o, "id", json_object_new_string(j->id)) != 0 ||
	    json_object_object_add(o, "type", json_object_new_string(j->type)) != 0 ||
	    json_object_object_add(o, "payload", json_object_new_string_len(
	    j->payload, (int)j->payload_len)) != 0 ||
	    json_object_object_add(o, "attempt", json_object_new_string(attempt)) != 0) {
		log_error("retry: out of memory");
		goto out;
	}
	args[0] = JOBS_STREAM;
	args[1] = JOBS_RETRY;
	args[2] = JOBS_GROUP;
	args[3] = j->entry;
	args[4] = delay;
	args[5] = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (args[5] == NULL) {
		log_error("retry: out of memory");
		goto out;
	}
	rc = (int)queue_eval(w, retry_lua, 2, 6, args, NULL);
out:
	json_object_put(o);
	return rc;
}

/* Moves the job's entry to the end of target with the given attempt and,
 * when error is not NULL, an error field. Returns as queue_finish. */
static int
queue_move(struct worker *w, const char *target, const struct job *j,
    int attempt, const char *error)
{
	const char *args[14];
	size_t lens[14];
	char at[16];
	int i, n = 0;

	snprintf(at, sizeof(at), "%d", attempt);
	args[n++] = JOBS_STREAM;
	args[n++] = target;
	args[n++] = JOBS_GROUP;
	args[n++] = j->entry;
	args[n++] = "id";
	args[n++] = j->id != NULL ? j->id : "";
	args[n++] = "type";
	args[n++] = j->type != NULL ? j->type : "";
	args[n++] = "payload";
	args[n++] = j->payload != NULL ? j->payload : "";
	args[n++] = "attempt";
	args[n++] = at;
	if (error != NULL) {
		args[n++] = "error";
		args[n++] = error;
	}
	for (i = 0; i < n; i++)
		lens[i] = strlen(args[i]);
	if (j->payload != NULL)
		lens[9] = j->payload_len;
	return (int)queue_eval(w, move_lua, 2, n, args, lens);
}

/* Parks a job that failed for good in the dead-letter stream, with why.
 * Returns as queue_finish. */
int
queue_dead(struct worker *w, const struct job *j, const char *error)
{
	return queue_move(w, JOBS_DEAD, j, j->attempt, error);
}

/* Gives back a job this worker read but will not run (it is stopping), so
 * another takes it at once rather than after JOB_RECLAIM_IDLE_MS.
 * Returns as queue_finish. */
int
queue_requeue(struct worker *w, const struct job *j)
{
	return queue_move(w, JOBS_STREAM, j, j->attempt, NULL);
}

/* Moves the retries that are due back into the stream. Returns how many,
 * or -1 when Redis failed. */
int
queue_promote(struct worker *w)
{
	const char *args[] = { JOBS_RETRY, JOBS_STREAM, JOBS_DEAD,
	    STRINGIFY(JOB_PROMOTE_COUNT) };
	long long n;

	n = queue_eval(w, promote_lua, 3, 4, args, NULL);
	if (n > 0)
		log_info("%lld job(s) due for retry moved back into %s", n, JOBS_STREAM);
	return n < 0 ? -1 : (int)n;
}
