/* GET /api/v1/incidents?updated_since=&cursor=&limit=: the change feed
 * (README "CAD API", domain/api_incident_feed.c): the incidents the client
 * sees, in the order they last changed, a page at a time. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "api/feed_cursor.h"
#include "api/incident_api.h"
#include "api/problem.h"
#include "core/arena.h"
#include "core/date.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "http/request.h"

#define FEED_LIMIT_DEFAULT	100

static void
bad_parameter(struct req *r, const char *detail)
{
	problem_send(r, 400, "invalid_parameter", "A parameter cannot be read.", detail);
}

static struct json_object *
item_json(struct req *r, const struct api_mapping *m, const struct api_feed_item *it)
{
	struct json_object *o = json_object_new_object();
	const char *code = api_mapping_status_code(m, it->status);

	json_object_object_add(o, "reference", json_object_new_string(it->reference));
	json_object_object_add(o, "version", json_object_new_int64(it->version));
	json_object_object_add(o, "url", json_object_new_string(
	    api_incident_url(r, it->reference)));
	json_object_object_add(o, "status", json_object_new_string(it->status));
	json_object_object_add(o, "status_code", code != NULL ?
	    json_object_new_string(code) : NULL);
	json_object_object_add(o, "updated_at", json_object_new_string(it->updated_at));
	json_object_object_add(o, "type", api_type_json(m, it->type_code, it->type_name,
	    it->type_category));
	json_object_object_add(o, "risk", api_risk_json(it->risk_level, it->has_score,
	    it->risk_score));
	return o;
}

static void
page_send(struct req *r, const struct api_mapping *m, const struct api_feed_item *items,
    size_t n, const struct api_feed_pos *next, int more)
{
	struct json_object *o = json_object_new_object(), *list = json_object_new_array();
	char cursor[FEED_CURSOR_MAX];
	size_t i;

	for (i = 0; i < n; i++)
		json_object_array_add(list, item_json(r, m, &items[i]));
	feed_cursor_encode(next, cursor);
	json_object_object_add(o, "items", list);
	json_object_object_add(o, "next_cursor", json_object_new_string(cursor));
	json_object_object_add(o, "has_more", json_object_new_boolean(more));
	resp_json(r, 200, o);
	json_object_put(o);
}

/* GET /api/v1/incidents */
void
api_incidents_get(struct req *r)
{
	const char *since = req_query(r, "updated_since"), *cursor = req_query(r, "cursor"),
	    *lim = req_query(r, "limit");
	struct api_feed_pos after = { 0, 0 }, next;
	struct api_feed_item *items;
	struct api_mapping m;
	long limit = FEED_LIMIT_DEFAULT;
	size_t n;
	int more;
	char since_utc[DATE_RFC3339_LEN];
	char *end;

	if (since != NULL && date_rfc3339_utc(since, since_utc) == -1)
		return bad_parameter(r, "updated_since must be an RFC 3339 date and time, "
		    "like 2026-12-01T21:40:00Z.");
	if (cursor != NULL && feed_cursor_decode(cursor, &after) == -1)
		return bad_parameter(r, "cursor must be a next_cursor this API gave.");
	if (lim != NULL && ((limit = strtol(lim, &end, 10)) < 1 || limit > API_FEED_MAX ||
	    *end != '\0' || !isdigit((unsigned char)*lim)))
		return bad_parameter(r, "limit must be a whole number from 1 to 200.");
	if (api_mapping_of(r, &m) == -1)
		return problem_unavailable(r);
	if (api_incident_feed(r->pg, r->arena, &r->actor, &after, since, (int)limit,
	    &items, &n, &next, &more) == -1)
		problem_unavailable(r);
	else
		page_send(r, &m, items, n, &next, more);
	api_mapping_free(&m);
}
