/* The "try it" box (domain/rule_try.h): area_locate, then allocation_plan
 * with the facts the intake would give it, in one read-only transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/intake_check.h"
#include "domain/rule_try.h"
#include "domain/tx.h"
#include "store/pg.h"

/* allocation_plan's rows in its order, each with its team's agency. $5 is
 * the type's code, $6 the flags as a JSON array. */
static const struct pg_stmt stmts[] = {
	{ "rule_try_plan",
	  "SELECT p.kind, p.team_name, g.name, coalesce(p.rule_id, 0), "
	  "p.location_to_confirm, p.reason "
	  "FROM allocation_plan(nullif($1, '0')::bigint, nullif($2, '0')::bigint, "
	  "$3::boolean, $4::boolean, (SELECT id FROM asb_type WHERE code = $5), "
	  "ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), $7::incident_channel, "
	  "nullif($8, '0')::bigint) WITH ORDINALITY AS p (kind, team_id, team_name, "
	  "beat_id, la_area_id, rule_id, location_to_confirm, reason, n) "
	  "JOIN team t ON t.id = p.team_id JOIN agency g ON g.id = t.agency_id "
	  "ORDER BY p.n" },
};

const struct pg_stmts rule_try_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The flags as the JSON array the statement takes, in ar. */
static const char *
flags_json(struct arena *ar, const struct rule_try_in *in)
{
	struct json_object *arr = json_object_new_array();
	const char *s;
	size_t i;

	if (arr == NULL)
		return NULL;
	for (i = 0; i < in->nflags; i++)
		json_object_array_add(arr, json_object_new_string(in->flags[i]));
	s = arena_strdup(ar, json_object_to_json_string_ext(arr, JSON_C_TO_STRING_PLAIN));
	json_object_put(arr);
	return s;
}

/* Reads the plan's rows into out. 0, or -1 out of memory. */
static int
plan_read(struct arena *ar, PGresult *res, struct rule_try_out *out)
{
	int i;

	for (i = 0; i < PQntuples(res) && out->n < RULE_TRY_MAX; i++) {
		struct rule_try_queue *q = &out->q[out->n++];

		q->kind = arena_strdup(ar, PQgetvalue(res, i, 0));
		q->team = arena_strdup(ar, PQgetvalue(res, i, 1));
		q->agency = arena_strdup(ar, PQgetvalue(res, i, 2));
		q->rule_id = strtoll(PQgetvalue(res, i, 3), NULL, 10);
		q->location_to_confirm = PQgetvalue(res, i, 4)[0] == 't';
		q->reason = arena_strdup(ar, PQgetvalue(res, i, 5));
		if (q->kind == NULL || q->team == NULL || q->agency == NULL ||
		    q->reason == NULL)
			return -1;
	}
	return 0;
}

/* Where the incident in would be, and which queues would take it and why:
 * out->refused (and no queues) when the intake would refuse its point.
 * Returns 0, or -1 (the database failed, or out of memory). */
int
rule_try(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct rule_try_in *in, struct rule_try_out *out)
{
	char beat[24], area[24], agency[24];
	const char *p[8] = { beat, area, in->where == TRY_POINT ? "true" : "false",
	    in->where == TRY_ADDRESS ? "true" : "false", in->type, NULL, in->channel,
	    agency };
	PGresult *res;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if ((p[5] = flags_json(ar, in)) == NULL || tx_begin(pg, a) == -1)
		return -1;
	if (in->where == TRY_POINT) {
		if (area_locate(pg, in->lon, in->lat, &out->where) != AREA_OK)
			goto out;
		if (!out->where.in_partnership) {
			out->refused = intake_outside_words(ar, &out->where);
			rc = out->refused != NULL ? 0 : -1;
			goto out;
		}
	}
	snprintf(beat, sizeof(beat), "%lld", out->where.beat.id);
	snprintf(area, sizeof(area), "%lld", out->where.area.id);
	snprintf(agency, sizeof(agency), "%lld", in->agency);
	if ((res = pg_exec(pg, "rule_try_plan", 8, p)) == NULL)
		goto out;
	rc = plan_read(ar, res, out);
	PQclear(res);
out:
	pg_rollback(pg);
	return rc;
}
