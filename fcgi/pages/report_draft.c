/* The public report's draft in Redis: see report_draft.h for its shape. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/hex.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/evidence_store.h"
#include "http/request.h"
#include "pages/report_draft.h"
#include "store/redis.h"

/* The Redis key of a draft token; -1 when the token is not one of ours. */
static int
draft_key(const char *token, char key[80])
{
	char sum[65];
	size_t i, n = strlen(token);

	if (n != 64)
		return -1;
	for (i = 0; i < n; i++)
		if (!((token[i] >= '0' && token[i] <= '9') ||
		    (token[i] >= 'a' && token[i] <= 'f')))
			return -1;
	if (sha256_hex(token, n, sum) == -1)
		return -1;
	snprintf(key, 80, EVIDENCE_DRAFT_KEY, sum);
	return 0;
}

/* The draft's id: its key without the prefix, the 64 hex digits that also
 * name the folder of its unsent files. "" for a draft with no key. */
const char *
draft_id(const struct report_draft *d)
{
	size_t n = strlen(d->key);

	return n > EVIDENCE_DRAFT_ID_LEN ? d->key + n - EVIDENCE_DRAFT_ID_LEN : "";
}

/* Starts an empty draft with a new token, and sets its cookie. It is not
 * in Redis until draft_save. Returns 0 or -1. */
int
draft_new(struct req *r, struct report_draft *d)
{
	char token[65];

	memset(d, 0, sizeof(*d));
	if (random_hex(token, 32) == -1 || draft_key(token, d->key) == -1 ||
	    (d->doc = json_object_new_object()) == NULL)
		return -1;
	if (resp_cookie(r, REPORT_DRAFT_COOKIE, token, REPORT_DRAFT_SECONDS) == -1) {
		draft_free(d);
		return -1;
	}
	return 0;
}

/* Loads this browser's draft. */
enum draft_rc
draft_load(struct req *r, struct report_draft *d)
{
	const char *token = req_app_cookie(r, REPORT_DRAFT_COOKIE);
	redisReply *reply;
	enum draft_rc rc = DRAFT_NONE;

	memset(d, 0, sizeof(*d));
	if (token == NULL || draft_key(token, d->key) == -1)
		return DRAFT_NONE;
	if ((reply = rd_command(r->rd, "GET %s", d->key)) == NULL) {
		log_error("draft: %s", rd_error(r->rd));
		return DRAFT_ERROR;
	}
	if (reply->type == REDIS_REPLY_STRING) {
		d->doc = json_tokener_parse(reply->str);
		if (d->doc != NULL && !json_object_is_type(d->doc, json_type_object)) {
			json_object_put(d->doc);
			d->doc = NULL;
		}
		rc = d->doc != NULL ? DRAFT_OK : DRAFT_NONE;
	} else if (reply->type == REDIS_REPLY_ERROR) {
		rc = DRAFT_ERROR;
	}
	freeReplyObject(reply);
	return rc;
}

/* Writes the draft back, to live another `seconds`. Returns 0 or -1. */
int
draft_save(struct req *r, struct report_draft *d, int seconds)
{
	const char *s = json_object_to_json_string_ext(d->doc, JSON_C_TO_STRING_PLAIN);
	redisReply *reply;
	int rc = -1;

	if (s == NULL || d->key[0] == '\0')
		return -1;
	if ((reply = rd_command(r->rd, "SET %s %s EX %d", d->key, s, seconds)) == NULL) {
		log_error("draft: %s", rd_error(r->rd));
		return -1;
	}
	if (reply->type == REDIS_REPLY_STATUS)
		rc = 0;
	freeReplyObject(reply);
	return rc;
}

void
draft_free(struct report_draft *d)
{
	if (d->doc != NULL)
		json_object_put(d->doc);
	d->doc = NULL;
}

/* A string field; "" when absent. The pointer lives as long as the draft. */
const char *
draft_get(const struct report_draft *d, const char *field)
{
	struct json_object *v;

	if (d->doc == NULL || !json_object_object_get_ex(d->doc, field, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

/* Sets a string field. Returns 0 or -1 (out of memory). */
int
draft_set(struct report_draft *d, const char *field, const char *value)
{
	struct json_object *v = json_object_new_string(value != NULL ? value : "");

	if (v == NULL)
		return -1;
	return json_object_object_add(d->doc, field, v) == 0 ? 0 : -1;
}

/* The object field, created empty when absent; NULL when out of memory. */
struct json_object *
draft_object(struct report_draft *d, const char *field)
{
	struct json_object *v;

	if (json_object_object_get_ex(d->doc, field, &v) &&
	    json_object_is_type(v, json_type_object))
		return v;
	if ((v = json_object_new_object()) == NULL)
		return NULL;
	if (json_object_object_add(d->doc, field, v) != 0) {
		json_object_put(v);
		return NULL;
	}
	return v;
}
