/* The public report's draft in Redis: see report_draft.h for its shape. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/hex.h"
#include "core/random.h"
#include "domain/evidence_store.h"
#include "domain/report_draft_store.h"
#include "http/request.h"
#include "pages/report_draft.h"

/* The members' names in the JSON, indexed by enum draft_key. */
static const char *const draft_keys[DK__COUNT] = {
	[DK_TYPE] = "type", [DK_TOP] = "top", [DK_HAS_SUB] = "has_sub",
	[DK_ANSWERS] = "answers",
	[DK_WHEN] = "when", [DK_OCCURRED_DATE] = "occurred_date",
	[DK_OCCURRED_TIME] = "occurred_time", [DK_HOW_OFTEN] = "how_often",
	[DK_TIMES] = "times",
	[DK_ADDRESS_LINE1] = "address_line1", [DK_TOWN] = "town",
	[DK_POSTCODE] = "postcode", [DK_LON] = "lon", [DK_LAT] = "lat",
	[DK_WHERE_PROBLEM] = "where_problem",
	[DK_IMPACT] = "impact", [DK_FEELS_UNSAFE] = "feels_unsafe",
	[DK_VULNERABLE] = "vulnerable", [DK_TARGETED] = "targeted",
	[DK_HAPPENED_BEFORE] = "happened_before",
	[DK_IDENTITY] = "identity", [DK_GIVEN_NAME] = "given_name",
	[DK_FAMILY_NAME] = "family_name", [DK_EMAIL] = "email", [DK_PHONE] = "phone",
	[DK_CONTACT] = "contact", [DK_FOR_SOMEONE_ELSE] = "for_someone_else",
	[DK_SHARE] = "share", [DK_UPDATES] = "updates", [DK_TRAP] = "trap",
	[DK_PARTNER_REFERENCE] = "partner_reference",
	[DK_TENANCY_REFERENCE] = "tenancy_reference", [DK_TENANTS] = "tenants",
	[DK_EVIDENCE] = "evidence", [DK_IDEM] = "idem", [DK_TRACK] = "track",
	[DK_RESULT] = "result",
	[DK_DESCRIPTION] = "description", [DK_HAPPENING_NOW] = "happening_now",
	[DK_POSTAL_ADDRESS] = "postal_address", [DK_OTHER_NAME] = "other_name",
	[DK_OTHER_RELATION] = "other_relation", [DK_AFFECTED] = "affected",
	[DK_AFFECTED_WHO] = "affected_who", [DK_RESPONSIBLE] = "responsible",
	[DK_RESPONSIBLE_WHO] = "responsible_who",
};

/* A member's name in the JSON. */
const char *
draft_key_name(enum draft_key k)
{
	return draft_keys[k];
}

/* The Redis key of a draft token; -1 when the token is not one of ours. */
static int
token_key(const char *token, char key[80])
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
	if (random_hex(token, 32) == -1 || token_key(token, d->key) == -1 ||
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

	memset(d, 0, sizeof(*d));
	if (token == NULL || token_key(token, d->key) == -1)
		return DRAFT_NONE;
	switch (draft_store_load(r->rd, d->key, &d->doc)) {
	case 1:
		return DRAFT_OK;
	case 0:
		return DRAFT_NONE;
	default:
		return DRAFT_ERROR;
	}
}

/* Writes the draft back, to live another `seconds`. Returns 0 or -1. */
int
draft_save(struct req *r, struct report_draft *d, int seconds)
{
	const char *s = json_object_to_json_string_ext(d->doc, JSON_C_TO_STRING_PLAIN);

	if (s == NULL || d->key[0] == '\0')
		return -1;
	return draft_store_save(r->rd, d->key, s, seconds);
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
draft_get(const struct report_draft *d, enum draft_key k)
{
	struct json_object *v = draft_value(d, k);

	if (v == NULL || !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

/* Sets a string field. Returns 0 or -1 (out of memory). */
int
draft_set(struct report_draft *d, enum draft_key k, const char *value)
{
	return draft_put(d, k, json_object_new_string(value != NULL ? value : ""));
}

/* A member of any kind; NULL when absent. */
struct json_object *
draft_value(const struct report_draft *d, enum draft_key k)
{
	struct json_object *v;

	if (d->doc == NULL || !json_object_object_get_ex(d->doc, draft_keys[k], &v))
		return NULL;
	return v;
}

/* Sets a member to v, whose reference it takes (NULL: out of memory).
 * Returns 0 or -1. */
int
draft_put(struct report_draft *d, enum draft_key k, struct json_object *v)
{
	if (v == NULL)
		return -1;
	if (json_object_object_add(d->doc, draft_keys[k], v) != 0) {
		json_object_put(v);
		return -1;
	}
	return 0;
}

void
draft_del(struct report_draft *d, enum draft_key k)
{
	json_object_object_del(d->doc, draft_keys[k]);
}

/* The object field, created empty when absent; NULL when out of memory. */
struct json_object *
draft_object(struct report_draft *d, enum draft_key k)
{
	struct json_object *v = draft_value(d, k);

	if (v != NULL && json_object_is_type(v, json_type_object))
		return v;
	if ((v = json_object_new_object()) == NULL)
		return NULL;
	if (json_object_object_add(d->doc, draft_keys[k], v) != 0) {
		json_object_put(v);
		return NULL;
	}
	return v;
}
