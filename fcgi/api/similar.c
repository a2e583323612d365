/* GET /staff/incidents/similar: the similar open incidents of the police
 * creation page as JSON, for its script (views/static/similar.js), which
 * says how many there are while the officer types; the page itself lists
 * them without JavaScript ("Check for similar incidents"). */
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/person_match.h"
#include "domain/point_check.h"
#include "domain/similar.h"
#include "http/request.h"
#include "http/response.h"
#include "api/api.h"

#define SIMILAR_KEYS_MAX	12

/* A JSON error body with a code, as the other JSON endpoints answer. */
static void
similar_error(struct req *r, int status, const char *code, const char *detail)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return resp_text(r, 500, "out of memory");
	json_object_object_add(o, "error", json_object_new_string(code));
	json_object_object_add(o, "detail", json_object_new_string(detail));
	resp_json(r, status, o);
	json_object_put(o);
}

/* ?lon=&lat= (a point), and phone= or email= once for each person typed.
 * Fills q; a message when a value cannot be read, NULL when all can. */
static const char *
similar_query_read(struct req *r, struct similar_query *q, struct person_keys *keys)
{
	const char *lon = req_query(r, "lon"), *lat = req_query(r, "lat");
	struct person_facts facts;
	size_t i;

	memset(q, 0, sizeof(*q));
	q->metres = r->cfg != NULL ? r->cfg->repeat_location_metres : 100;
	if ((lon != NULL && *lon != '\0') || (lat != NULL && *lat != '\0')) {
		const char *why = point_parse(lon != NULL ? lon : "", lat != NULL ? lat : "",
		    &q->lon, &q->lat);

		if (why != NULL)
			return why;
		q->has_point = 1;
	}
	for (i = 0; i < r->query.n; i++) {
		const char *k = r->query.v[i].key, *v = r->query.v[i].val;

		if ((strcmp(k, "phone") != 0 && strcmp(k, "email") != 0) || *v == '\0')
			continue;
		if (q->nkeys == SIMILAR_KEYS_MAX)
			return "Give at most 12 phone numbers and email addresses";
		memset(&facts, 0, sizeof(facts));
		if (strcmp(k, "phone") == 0)
			facts.phone = v;
		else
			facts.email = v;
		pm_keys_make(&facts, &keys[q->nkeys++]);
	}
	q->keys = keys;
	return NULL;
}

/* 200 {"incidents": [{"reference", "type", "date", "status", "metres",
 * "near", "same_person"}]}; 400 {"error": "bad_query"} when a value is
 * not one; 503 when the database does not answer. */
void
incident_similar_get(struct req *r)
{
	struct person_keys keys[SIMILAR_KEYS_MAX];
	struct similar_query q;
	struct similar_incident *s;
	struct json_object *o, *list, *row;
	const char *why;
	size_t n, i;

	if ((why = similar_query_read(r, &q, keys)) != NULL)
		return similar_error(r, 400, "bad_query", why);
	if (similar_find(r->pg, r->arena, &r->actor, &q, &s, &n) == -1)
		return similar_error(r, 503, "unavailable", "Try again later");
	if ((o = json_object_new_object()) == NULL ||
	    (list = json_object_new_array()) == NULL) {
		json_object_put(o);
		return resp_text(r, 500, "out of memory");
	}
	json_object_object_add(o, "incidents", list);
	for (i = 0; i < n; i++) {
		if ((row = json_object_new_object()) == NULL ||
		    json_object_array_add(list, row) == -1) {
			json_object_put(row);
			json_object_put(o);
			return resp_text(r, 500, "out of memory");
		}
		json_object_object_add(row, "reference", json_object_new_string(s[i].reference));
		json_object_object_add(row, "type", json_object_new_string(s[i].type));
		json_object_object_add(row, "date", json_object_new_string(s[i].date));
		json_object_object_add(row, "status", json_object_new_string(s[i].status));
		json_object_object_add(row, "metres", s[i].metres >= 0 ?
		    json_object_new_int64(s[i].metres) : NULL);
		json_object_object_add(row, "near", json_object_new_boolean(s[i].near));
		json_object_object_add(row, "same_person",
		    json_object_new_boolean(s[i].same_person));
	}
	resp_json(r, 200, o);
	json_object_put(o);
}
