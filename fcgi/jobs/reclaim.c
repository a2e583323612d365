/* Reclaiming stalled jobs: an entry read by a consumer that then died (or
 * lost Redis for good) stays pending in the group; after
 * JOB_RECLAIM_IDLE_MS another worker takes it over with XAUTOCLAIM. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hiredis/hiredis.h>

#include "core/clock.h"
#include "core/log.h"
#include "jobs/jobs.h"
#include "store/redis.h"

/* How many times an entry has been delivered (XAUTOCLAIM counts as one),
 * or 0 when that cannot be told. */
static long
reclaim_deliveries(struct worker *w, const char *entry)
{
	redisReply *reply, *p;
	long n = 0;

	reply = rd_command(w->rd, "XPENDING %s %s %s %s 1", JOBS_STREAM, JOBS_GROUP,
	    entry, entry);
	if (reply == NULL)
		return 0;
	/* [[entry, consumer, idle ms, deliveries]] */
	if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 1 &&
	    (p = reply->element[0])->type == REDIS_REPLY_ARRAY && p->elements == 4 &&
	    p->element[3]->type == REDIS_REPLY_INTEGER)
		n = (long)p->element[3]->integer;
	freeReplyObject(reply);
	return n;
}

/* Runs one claimed entry, or dead-letters it when it has been delivered
 * more than JOB_MAX_DELIVERIES times: it may be what kills the workers. */
static void
reclaim_entry(struct worker *w, const redisReply *e)
{
	struct job j;
	char why[128];
	long n;

	if (job_parse(&j, e) == -1) {
		if (j.entry == NULL)
			return;
		log_error("job %s dead-lettered to %s: malformed entry", j.entry,
		    JOBS_DEAD);
		(void)queue_dead(w, &j, "malformed stream entry");
		return;
	}
	if (jobs_stop) {
		(void)queue_requeue(w, &j);
		return;
	}
	n = reclaim_deliveries(w, j.entry);
	log_warn("job %s reclaimed from a stalled consumer: %s, outbox %s, "
	    "attempt %d, delivery %ld", j.entry, j.type, j.id, j.attempt, n);
	if (n > JOB_MAX_DELIVERIES) {
		snprintf(why, sizeof(why), "delivered %ld times and never settled: "
		    "its worker stopped each time", n);
		log_error("job %s dead-lettered to %s: %s", j.entry, JOBS_DEAD, why);
		(void)queue_dead(w, &j, why);
		return;
	}
	job_run(w, &j);
}

/* Every JOB_RECLAIM_EVERY_MS (or at once while the last scan had more),
 * claims up to JOB_READ_COUNT stalled entries and runs them.
 * Returns 0, or -1 when Redis failed. */
int
reclaim_tick(struct worker *w)
{
	redisReply *reply, *list;
	double now = clock_ms();
	const char *cursor;
	size_t i;

	if (now < w->reclaim_next)
		return 0;
	cursor = w->reclaim_cursor[0] != '\0' ? w->reclaim_cursor : "0-0";
	reply = rd_command(w->rd, "XAUTOCLAIM %s %s %s %d %s COUNT %d", JOBS_STREAM,
	    JOBS_GROUP, w->consumer, JOB_RECLAIM_IDLE_MS, cursor, JOB_READ_COUNT);
	if (reply == NULL) {
		outage_fail(&w->rd_down, "%s", rd_error(w->rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_ERROR) {
		if (strncmp(reply->str, "NOGROUP", 7) == 0)
			w->group_ready = 0;
		else
			outage_fail(&w->rd_down, "XAUTOCLAIM: %s", reply->str);
		freeReplyObject(reply);
		return w->group_ready ? -1 : 0;
	}
	/* [next cursor, [entry, ...], [deleted id, ...] (Redis 7)] */
	if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 2 ||
	    reply->element[0]->type != REDIS_REPLY_STRING ||
	    (list = reply->element[1])->type != REDIS_REPLY_ARRAY) {
		log_error("XAUTOCLAIM: unexpected reply");
		freeReplyObject(reply);
		w->reclaim_next = now + JOB_RECLAIM_EVERY_MS;
		return 0;
	}
	snprintf(w->reclaim_cursor, sizeof(w->reclaim_cursor), "%s",
	    reply->element[0]->str);
	for (i = 0; i < list->elements; i++)
		if (list->element[i]->type != REDIS_REPLY_NIL)
			reclaim_entry(w, list->element[i]);
	freeReplyObject(reply);
	if (strcmp(w->reclaim_cursor, "0-0") == 0)
		w->reclaim_next = now + JOB_RECLAIM_EVERY_MS;
	else
		w->reclaim_next = 0;
	return 0;
}
