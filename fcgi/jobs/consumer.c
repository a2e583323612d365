/* The job stream's consumer: reads entries as one consumer of the group,
 * runs each through the handler for its type, and settles it: done,
 * retried later with backoff, or dead-lettered. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <hiredis/hiredis.h>

#include "core/clock.h"
#include "core/log.h"
#include "jobs/jobs.h"
#include "store/redis.h"

/* Every job type and its handler: one file each. */
static const struct job_type {
	const char	*name;
	job_fn		 run;
} job_types[] = {
	{ "notify",	notify_run },
};

#define JOB_TYPES_N	(sizeof(job_types) / sizeof(job_types[0]))

/* Creates the consumer group, and the stream with it, unless it exists.
 * It reads from the start of the stream: entries added before the group
 * existed (a relay that ran first, a Redis that restarted) are jobs too.
 * Returns 0, or -1 when Redis failed. */
int
consumer_group(struct worker *w)
{
	redisReply *reply;

	if (w->group_ready)
		return 0;
	reply = rd_command(w->rd, "XGROUP CREATE %s %s %s MKSTREAM",
	    JOBS_STREAM, JOBS_GROUP, "0");
	if (reply == NULL) {
		outage_fail(&w->rd_down, "%s", rd_error(w->rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_ERROR &&
	    strncmp(reply->str, "BUSYGROUP", 9) != 0) {
		outage_fail(&w->rd_down, "XGROUP CREATE: %s", reply->str);
		freeReplyObject(reply);
		return -1;
	}
	if (reply->type != REDIS_REPLY_ERROR)
		log_info("created consumer group %s on %s", JOBS_GROUP, JOBS_STREAM);
	freeReplyObject(reply);
	outage_ok(&w->rd_down);
	w->group_ready = 1;
	return 0;
}

/* Fills j from a stream entry ([id, [field, value, ...]]); the strings stay
 * in the reply. Returns -1 when a field is missing or wrong, with j->entry
 * set if the entry had an id at all. */
int
job_parse(struct job *j, const redisReply *e)
{
	const redisReply *f, *k, *v;
	const char *attempt = NULL;
	char *end;
	size_t i;
	long n;

	memset(j, 0, sizeof(*j));
	if (e->type != REDIS_REPLY_ARRAY || e->elements != 2 ||
	    e->element[0]->type != REDIS_REPLY_STRING)
		return -1;
	j->entry = e->element[0]->str;
	f = e->element[1];
	if (f->type != REDIS_REPLY_ARRAY || f->elements % 2 != 0)
		return -1;
	for (i = 0; i < f->elements; i += 2) {
		k = f->element[i];
		v = f->element[i + 1];
		if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
			return -1;
		if (strcmp(k->str, "id") == 0)
			j->id = v->str;
		else if (strcmp(k->str, "type") == 0)
			j->type = v->str;
		else if (strcmp(k->str, "payload") == 0) {
			j->payload = v->str;
			j->payload_len = v->len;
		} else if (strcmp(k->str, "attempt") == 0)
			attempt = v->str;
	}
	if (j->id == NULL || j->type == NULL || j->payload == NULL || attempt == NULL)
		return -1;
	errno = 0;
	n = strtol(attempt, &end, 10);
	if (errno != 0 || end == attempt || *end != '\0' || n < 1 || n > 1000)
		return -1;
	j->attempt = (int)n;
	return 0;
}

/* The handler for a type, or NULL. */
static const struct job_type *
job_type_find(const char *name)
{
	size_t i;

	for (i = 0; i < JOB_TYPES_N; i++)
		if (strcmp(job_types[i].name, name) == 0)
			return &job_types[i];
	return NULL;
}

/* Runs one job and settles it. When Redis fails while settling, the entry
 * stays pending and is reclaimed (and run again) later. */
void
job_run(struct worker *w, struct job *j)
{
	const struct job_type *t;
	enum job_result rc;
	char err[512] = "";
	double t0 = clock_ms();
	long long delay;

	if ((t = job_type_find(j->type)) == NULL) {
		snprintf(err, sizeof(err), "unknown job type \"%.64s\"", j->type);
		rc = JOB_FAIL;
	} else
		rc = t->run(w, j, err, sizeof(err));
	if (rc == JOB_OK) {
		delivered_mark(w, j->id);
		if (queue_finish(w, j) >= 0)
			log_info("job %s done: %s, outbox %s, attempt %d, %.1f ms",
			    j->entry, j->type, j->id, j->attempt, clock_ms() - t0);
		return;
	}
	if (rc == JOB_RETRY && j->attempt < JOB_MAX_ATTEMPTS) {
		delay = job_backoff_ms(j->attempt);
		log_warn("job %s failed: %s, outbox %s, attempt %d of %d, "
		    "retry in %lld ms: %s", j->entry, j->type, j->id, j->attempt,
		    JOB_MAX_ATTEMPTS, delay, err);
		(void)queue_retry(w, j, delay);
		return;
	}
	log_error("job %s dead-lettered to %s: %s, outbox %s, attempt %d: %s",
	    j->entry, JOBS_DEAD, j->type, j->id, j->attempt, err);
	(void)queue_dead(w, j, err);
}

/* Runs (or, when stopping, gives back) each entry of a reply's list. */
static void
consumer_entries(struct worker *w, const redisReply *list)
{
	struct job j;
	size_t i;

	for (i = 0; i < list->elements; i++) {
		if (list->element[i]->type == REDIS_REPLY_NIL)
			continue;	/* deleted while pending */
		if (job_parse(&j, list->element[i]) == -1) {
			if (j.entry == NULL)
				continue;
			log_error("job %s dead-lettered to %s: malformed entry",
			    j.entry, JOBS_DEAD);
			j.attempt = 0;
			(void)queue_dead(w, &j, "malformed stream entry");
		} else if (jobs_stop)
			(void)queue_requeue(w, &j);
		else
			job_run(w, &j);
	}
}

/* Reads new entries, waiting up to JOB_BLOCK_MS, and runs them.
 * Returns 0, or -1 when Redis failed. */
static int
consumer_read(struct worker *w)
{
	redisReply *reply, *s;

	reply = rd_command(w->rd, "XREADGROUP GROUP %s %s COUNT %d BLOCK %d "
	    "STREAMS %s %s", JOBS_GROUP, w->consumer, JOB_READ_COUNT, JOB_BLOCK_MS,
	    JOBS_STREAM, ">");
	if (reply == NULL) {
		outage_fail(&w->rd_down, "%s", rd_error(w->rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_ERROR) {
		if (strncmp(reply->str, "NOGROUP", 7) == 0) {
			log_warn("consumer group %s is gone (Redis restarted?): "
			    "creating it again", JOBS_GROUP);
			w->group_ready = 0;
			freeReplyObject(reply);
			return 0;
		}
		outage_fail(&w->rd_down, "XREADGROUP: %s", reply->str);
		freeReplyObject(reply);
		return -1;
	}
	outage_ok(&w->rd_down);
	/* [[stream, [entry, ...]]], or nil when nothing came in time */
	if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 1 &&
	    (s = reply->element[0])->type == REDIS_REPLY_ARRAY && s->elements == 2 &&
	    s->element[1]->type == REDIS_REPLY_ARRAY)
		consumer_entries(w, s->element[1]);
	freeReplyObject(reply);
	return 0;
}

/* One turn: the group made sure of, due retries put back in the stream,
 * stalled jobs reclaimed, then new jobs read and run. Returns 0, or -1
 * when Redis is not usable and the caller should wait before the next. */
int
consumer_tick(struct worker *w)
{
	if (consumer_group(w) == -1 || queue_promote(w) == -1)
		return -1;
	if (reclaim_tick(w) == -1)
		return -1;
	if (jobs_stop)
		return 0;
	return consumer_read(w);
}

/* On a clean exit, removes this consumer from the group when it holds no
 * pending entries, so the group does not collect the names of old
 * processes. Failures only leave a name behind. */
void
consumer_leave(struct worker *w)
{
	redisReply *reply;
	int empty;

	if (!w->group_ready)
		return;
	reply = rd_command(w->rd, "XPENDING %s %s - + 1 %s", JOBS_STREAM,
	    JOBS_GROUP, w->consumer);
	if (reply == NULL)
		return;
	empty = reply->type == REDIS_REPLY_ARRAY && reply->elements == 0;
	freeReplyObject(reply);
	if (!empty)
		return;
	reply = rd_command(w->rd, "XGROUP DELCONSUMER %s %s %s", JOBS_STREAM,
	    JOBS_GROUP, w->consumer);
	if (reply != NULL)
		freeReplyObject(reply);
}
