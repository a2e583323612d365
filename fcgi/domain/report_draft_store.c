/* The public form's drafts, submit lock and submit limit in Redis: see
 * report_draft_store.h. */
#include <stdio.h>

#include <json-c/json.h>

#include "core/log.h"
#include "domain/report_draft_store.h"
#include "store/counter.h"
#include "store/redis.h"

/* The draft under key, parsed, in *doc. Returns 1 when there is one, 0
 * when there is none (expired, or not a JSON object), -1 when Redis
 * failed (logged). */
int
draft_store_load(struct rd *rd, const char *key, struct json_object **doc)
{
	redisReply *reply;
	int rc = 0;

	*doc = NULL;
	if ((reply = rd_command(rd, "GET %s", key)) == NULL) {
		log_error("draft: %s", rd_error(rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_STRING) {
		*doc = json_tokener_parse(reply->str);
		if (*doc != NULL && !json_object_is_type(*doc, json_type_object)) {
			json_object_put(*doc);
			*doc = NULL;
		}
		rc = *doc != NULL;
	} else if (reply->type == REDIS_REPLY_ERROR) {
		rc = -1;
	}
	freeReplyObject(reply);
	return rc;
}

/* Writes a draft's JSON under key, to live `seconds`. Returns 0 or -1
 * (logged when Redis cannot be reached). */
int
draft_store_save(struct rd *rd, const char *key, const char *json, int seconds)
{
	redisReply *reply;
	int rc = -1;

	if ((reply = rd_command(rd, "SET %s %s EX %d", key, json, seconds)) == NULL) {
		log_error("draft: %s", rd_error(rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_STATUS)
		rc = 0;
	freeReplyObject(reply);
	return rc;
}

/* Holds the idempotency key while one request submits it. Returns 1 when
 * held, 0 when another request holds it, -1 when Redis cannot say. */
int
report_submit_lock(struct rd *rd, const char *idem)
{
	redisReply *reply = rd_command(rd, "SET concord:report-submit:%s 1 NX EX %d",
	    idem, REPORT_SUBMIT_LOCK_SECONDS);
	int rc;

	if (reply == NULL)
		return -1;
	rc = reply->type == REDIS_REPLY_STATUS ? 1 : reply->type == REDIS_REPLY_NIL ? 0 : -1;
	freeReplyObject(reply);
	return rc;
}

/* Lets the key go. A failure is left to the lock's expiry. */
void
report_submit_unlock(struct rd *rd, const char *idem)
{
	redisReply *reply = rd_command(rd, "DEL concord:report-submit:%s", idem);

	if (reply != NULL)
		freeReplyObject(reply);
}

/* 1 when a request is sending the draft with this key now, 0 when none
 * is, -1 when Redis cannot say. */
int
report_submit_busy(struct rd *rd, const char *idem)
{
	redisReply *reply = rd_command(rd, "EXISTS concord:report-submit:%s", idem);
	int rc;

	if (reply == NULL)
		return -1;
	rc = reply->type == REDIS_REPLY_INTEGER ? reply->integer > 0 : -1;
	freeReplyObject(reply);
	return rc;
}

/* Counts a send from this address of what ("report", "case-review"):
 * each public form has its own count, so a busy estate's reports do not
 * use up its residents' Case Review applications. Returns 1 when it is
 * over the limit, 0 when it may go on, -1 when Redis cannot say. */
int
report_submit_limited(struct rd *rd, const char *what, const char *addr)
{
	char key[256];
	struct rd_window w;

	if ((size_t)snprintf(key, sizeof(key), "concord:ratelimit:%s:%s", what, addr) >=
	    sizeof(key) || rd_window_hit(rd, key, REPORT_SUBMIT_WINDOW, &w) == -1)
		return -1;
	return w.count > REPORT_SUBMIT_LIMIT;
}
