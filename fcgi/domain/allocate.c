/* Allocation of one incident (domain/allocate.h): one statement runs the
 * plan, writes the allocations and the events of the incident's timeline
 * (allocate_incident in SQL) and the audit row that says what was
 * allocated and why, so allocation costs the intake one round trip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/allocate.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* $1 the incident, $2 the ending reason or NULL, $3 $4 the request
	 * and address. The audit row is the transaction's actor's (a
	 * report is written as its incident's owner: domain/report.c). */
	{ "allocate_incident",
	  "WITH m AS (SELECT allocate_incident($1::bigint, $2) AS made), "
	  "au AS (INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "
	  "action, after, reason, request_id, client_addr) "
	  "SELECT audit_acting_user(), concord_agency(), 'incident', $1, "
	  "'allocate', jsonb_build_object('allocations', m.made), $2, $3, $4 "
	  "FROM m WHERE m.made <> '[]') "
	  "SELECT made::text FROM m" },
};

const struct pg_stmts allocate_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* A member of one allocation's JSON as a string in ar ("" when absent). */
static const char *
member_text(struct arena *ar, struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v,
	    json_type_string))
		return "";
	return arena_strdup(ar, json_object_get_string(v));
}

/* A number member of one allocation's JSON, 0 when absent or null. */
static long long
member_id(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v != NULL ?
	    json_object_get_int64(v) : 0;
}

/* The allocations allocate_incident returned. 0, or -1 out of memory. */
static int
made_read(struct arena *ar, const char *text, struct allocations *out)
{
	struct json_object *arr, *o, *v;
	size_t i, n;

	if ((arr = json_tokener_parse(text)) == NULL ||
	    !json_object_is_type(arr, json_type_array)) {
		json_object_put(arr);
		return -1;
	}
	n = json_object_array_length(arr);
	for (i = 0; i < n && out->n < ALLOCATIONS_MAX; i++) {
		struct allocation *a = &out->a[out->n];

		o = json_object_array_get_idx(arr, i);
		a->id = member_id(o, "allocation");
		a->team_id = member_id(o, "team");
		a->rule_id = member_id(o, "rule");
		a->kind = member_text(ar, o, "kind");
		a->reason = member_text(ar, o, "reason");
		a->location_to_confirm = json_object_object_get_ex(o,
		    "location_to_confirm", &v) && json_object_get_boolean(v);
		if (a->kind == NULL || a->reason == NULL) {
			json_object_put(arr);
			return -1;
		}
		out->n++;
	}
	json_object_put(arr);
	return 0;
}

int
allocate_incident(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const char *ending_reason, struct allocations *out)
{
	char iid[24];
	const char *p[4] = { iid, ending_reason, a->request_id, a->client_addr };
	PGresult *res;
	int rc;

	out->n = 0;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "allocate_incident", 4, p)) == NULL)
		return -1;
	rc = made_read(ar, PQgetvalue(res, 0, 0), out);
	PQclear(res);
	if (rc == -1)
		log_error("allocate: incident %lld: could not read the allocations", incident_id);
	return rc;
}
