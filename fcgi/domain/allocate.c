/* Allocation (domain/allocate.h): the facts in one statement, the plan
 * (domain/routing.c), and the allocations with their audit row in one
 * more, so allocation costs an incident's creation two round trips. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/allocate.h"
#include "store/pg.h"

/* The columns of the facts, after any others: beat id, code, name, team;
 * area id, code, name, team; triage team; the rules' version and the
 * rules (NULL: the version this worker holds); has point, has address;
 * type code, category; flags; channel; agency id, name. */
#define FACTS_COLUMNS	19

/* The routing rules this worker read last, and their version: a
 * worker reads them again only when an administrator changes them (or a
 * team), not for every incident. */
static struct {
	long long		 version;	/* 0: none read */
	char			 known[24];	/* version as a parameter */
	struct arena		*ar;
	struct route_rule	*rules;
	size_t			 n;
} held = { .known = "0" };

static const struct pg_stmt stmts[] = {
	{ "allocate_facts",
	  "SELECT beat_id, beat_code, beat_name, beat_team, area_id, area_code, "
	  "area_name, area_team, triage_team, version, rules::text, has_point, "
	  "has_address, type_code, category, flags, channel, agency, agency_name "
	  "FROM allocation_incident_facts($1::bigint, $2::bigint)" },
	/* $1 the incident, $2 the ending reason or NULL, $3 the plan, $4 $5
	 * the request and address. The audit row is the transaction's
	 * actor's (a report is written as its incident's owner:
	 * domain/report.c). */
	{ "allocate_write",
	  "WITH m AS (SELECT allocation_write($1::bigint, $2, $3::jsonb) AS made), "
	  "au AS (INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "
	  "action, after, reason, request_id, client_addr) "
	  "SELECT audit_acting_user(), concord_agency(), 'incident', $1, "
	  "'allocate', jsonb_build_object('allocations', m.made), $2, $4, $5 "
	  "FROM m WHERE m.made <> '[]') "
	  "SELECT made::text FROM m" },
	/* A point's beat and area (AREA_LOCATE_SQL: $1 $2, NULL without a
	 * point) and their facts; $3 the type, $4 the agency, $5 the rules'
	 * version held. */
	{ "allocate_try",
	  "WITH loc (b_id, b_agency, b_code, b_name, b_core, a_id, a_agency, "
	  "a_code, a_name, a_core, council) AS (" AREA_LOCATE_SQL("$1", "$2") ") "
	  "SELECT loc.*, loc.b_id, f.beat_code, f.beat_name, f.beat_team, loc.a_id, "
	  "f.area_code, f.area_name, f.area_team, f.triage_team, f.version, f.rules::text, "
	  "$1::float8 IS NOT NULL, false, $3, (SELECT category::text FROM asb_type "
	  "WHERE code = $3), '{}'::text[], '', $4::bigint, "
	  "(SELECT name FROM agency WHERE id = $4::bigint) "
	  "FROM loc CROSS JOIN LATERAL allocation_area_facts(CASE WHEN $1::float8 "
	  "IS NULL THEN NULL ELSE loc.b_id END, CASE WHEN $1::float8 IS NULL "
	  "THEN NULL ELSE loc.a_id END, $5::bigint) f" },
};

const struct pg_stmts allocate_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* A JSON array of strings into list (at most ROUTE_LIST_MAX, in ar). */
static size_t
json_strings(struct arena *ar, struct json_object *o, const char *key, const char **list)
{
	struct json_object *arr, *v;
	size_t i, n = 0;

	if (!json_object_object_get_ex(o, key, &arr) ||
	    !json_object_is_type(arr, json_type_array))
		return 0;
	for (i = 0; i < json_object_array_length(arr) && n < ROUTE_LIST_MAX; i++) {
		v = json_object_array_get_idx(arr, i);
		if (json_object_is_type(v, json_type_string) &&
		    (list[n] = arena_strdup(ar, json_object_get_string(v))) != NULL)
			n++;
	}
	return n;
}

/* A JSON array of ids into ids (at most max). */
static size_t
json_ids(struct json_object *o, const char *key, long long *ids, size_t max)
{
	struct json_object *arr;
	size_t i, n = 0;

	if (!json_object_object_get_ex(o, key, &arr) ||
	    !json_object_is_type(arr, json_type_array))
		return 0;
	for (i = 0; i < json_object_array_length(arr) && n < max; i++)
		ids[n++] = json_object_get_int64(json_object_array_get_idx(arr, i));
	return n;
}

/* Flag names into ROUTE_BIT()s (a name no flag has counts for none). */
static unsigned
flag_bits(const char *const *names, size_t n)
{
	unsigned bits = 0;
	size_t i;
	int f;

	for (i = 0; i < n; i++)
		if ((f = route_flag_parse(names[i])) >= 0)
			bits |= ROUTE_BIT(f);
	return bits;
}

/* One rule from allocation_area_facts' JSON. */
static void
rule_read(struct arena *ar, struct json_object *o, struct route_rule *r)
{
	const char *flags[ROUTE_LIST_MAX];
	struct json_object *v;

	memset(r, 0, sizeof(*r));
	r->id = json_object_object_get_ex(o, "id", &v) ? json_object_get_int64(v) : 0;
	r->position = json_object_object_get_ex(o, "position", &v) ?
	    json_object_get_int(v) : 0;
	r->name = arena_strdup(ar, json_object_object_get_ex(o, "name", &v) ?
	    json_object_get_string(v) : "");
	r->ntypes = json_strings(ar, o, "types", r->types);
	r->ncategories = json_strings(ar, o, "categories", r->categories);
	r->flags = flag_bits(flags, json_strings(ar, o, "flags", flags));
	r->nchannels = json_strings(ar, o, "channels", r->channels);
	r->nagencies = json_ids(o, "agencies", r->agencies, ROUTE_LIST_MAX);
	r->nareas = json_strings(ar, o, "areas", r->areas);
	r->nteams = json_ids(o, "teams", r->teams, ROUTE_TEAMS_MAX);
	r->stop = json_object_object_get_ex(o, "stop", &v) && json_object_get_boolean(v);
}

/* The rules of this version from their JSON, held for the next
 * allocation. 0, or -1 when it is not an array or memory ran out. */
static int
rules_hold(long long version, const char *text)
{
	struct json_object *arr;
	size_t i, n;

	held.version = 0;
	held.n = 0;
	if (held.ar == NULL && (held.ar = arena_new(16384)) == NULL)
		return -1;
	arena_reset(held.ar);
	if ((arr = json_tokener_parse(text)) == NULL ||
	    !json_object_is_type(arr, json_type_array)) {
		json_object_put(arr);
		return -1;
	}
	n = json_object_array_length(arr);
	if ((held.rules = arena_calloc(held.ar, n + 1, sizeof(*held.rules))) == NULL) {
		json_object_put(arr);
		return -1;
	}
	for (i = 0; i < n; i++)
		rule_read(held.ar, json_object_array_get_idx(arr, i), &held.rules[i]);
	json_object_put(arr);
	held.n = n;
	held.version = version;
	snprintf(held.known, sizeof(held.known), "%lld", version);
	return 0;
}

/* The facts from FACTS_COLUMNS columns from c on. 0, or -1. */
static int
facts_read(struct arena *ar, PGresult *res, int c, struct route_facts *f)
{
	const char **flags;
	size_t nflags;

	memset(f, 0, sizeof(*f));
	f->beat.id = admin_col_id(res, 0, c);
	f->beat.code = admin_col(ar, res, 0, c + 1);
	f->beat.name = admin_col(ar, res, 0, c + 2);
	f->beat.team = admin_col_id(res, 0, c + 3);
	f->area.id = admin_col_id(res, 0, c + 4);
	f->area.code = admin_col(ar, res, 0, c + 5);
	f->area.name = admin_col(ar, res, 0, c + 6);
	f->area.team = admin_col_id(res, 0, c + 7);
	f->triage_team = admin_col_id(res, 0, c + 8);
	f->has_point = strcmp(PQgetvalue(res, 0, c + 11), "t") == 0;
	f->has_address = strcmp(PQgetvalue(res, 0, c + 12), "t") == 0;
	f->type_code = admin_col(ar, res, 0, c + 13);
	f->category = admin_col(ar, res, 0, c + 14);
	nflags = admin_array_split(ar, PQgetvalue(res, 0, c + 15), &flags);
	f->flags = flag_bits(flags, nflags);
	f->channel = admin_col(ar, res, 0, c + 16);
	f->agency = admin_col_id(res, 0, c + 17);
	f->agency_name = admin_col(ar, res, 0, c + 18);
	if (f->beat.code == NULL || f->beat.name == NULL || f->area.code == NULL ||
	    f->area.name == NULL || f->type_code == NULL || f->category == NULL ||
	    f->channel == NULL || f->agency_name == NULL)
		return -1;
	/* No rules: the version held is the current one. */
	if (!PQgetisnull(res, 0, c + 10) &&
	    rules_hold(admin_col_id(res, 0, c + 9), PQgetvalue(res, 0, c + 10)) == -1)
		return -1;
	if (held.version != admin_col_id(res, 0, c + 9))
		return -1;
	f->rules = held.rules;
	f->nrules = held.n;
	return 0;
}

/* The plan as allocation_write takes it. */
static struct json_object *
plan_json(const struct route_plan *p)
{
	struct json_object *arr = json_object_new_array(), *o;
	size_t i;

	for (i = 0; i < p->n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "team", json_object_new_int64(p->r[i].team));
		json_object_object_add(o, "kind", json_object_new_string(p->r[i].kind));
		json_object_object_add(o, "beat", json_object_new_int64(p->r[i].beat));
		json_object_object_add(o, "area", json_object_new_int64(p->r[i].area));
		json_object_object_add(o, "rule", json_object_new_int64(p->r[i].rule));
		json_object_object_add(o, "ltc",
		    json_object_new_boolean(p->r[i].location_to_confirm));
		json_object_object_add(o, "reason", json_object_new_string(p->r[i].reason));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* An allocation's kind as a string that outlives the arena. */
static const char *
kind_name(const char *k)
{
	static const char *const kinds[] = {
		"neighbourhood", "council", "specialist", "triage", "reallocated",
	};
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(k, kinds[i]) == 0)
			return kinds[i];
	return "";
}

/* What allocation_write made into *out. 0, or -1. */
static int
made_read(struct arena *ar, const char *text, struct allocations *out)
{
	struct json_object *arr, *o, *v;
	struct allocation *a;
	size_t i;

	if ((arr = json_tokener_parse(text)) == NULL ||
	    !json_object_is_type(arr, json_type_array)) {
		json_object_put(arr);
		return -1;
	}
	for (i = 0; i < json_object_array_length(arr) && out->n < ALLOCATIONS_MAX; i++) {
		o = json_object_array_get_idx(arr, i);
		a = &out->a[out->n++];
		a->id = json_object_object_get_ex(o, "allocation", &v) ?
		    json_object_get_int64(v) : 0;
		a->team_id = json_object_object_get_ex(o, "team", &v) ?
		    json_object_get_int64(v) : 0;
		a->rule_id = json_object_object_get_ex(o, "rule", &v) && v != NULL ?
		    json_object_get_int64(v) : 0;
		a->kind = kind_name(json_object_object_get_ex(o, "kind", &v) ?
		    json_object_get_string(v) : "");
		a->reason = arena_strdup(ar, json_object_object_get_ex(o, "reason", &v) ?
		    json_object_get_string(v) : "");
		a->location_to_confirm = json_object_object_get_ex(o,
		    "location_to_confirm", &v) && json_object_get_boolean(v);
		if (a->kind == NULL || a->reason == NULL) {
			json_object_put(arr);
			return -1;
		}
	}
	json_object_put(arr);
	return 0;
}

int
allocate_incident(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const char *ending_reason, struct allocations *out)
{
	char iid[24];
	const char *p[5] = { iid, held.known, NULL, a->request_id, a->client_addr };
	struct route_facts f;
	struct route_plan plan;
	struct json_object *j;
	PGresult *res;
	int rc;

	out->n = 0;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "allocate_facts", 2, p)) == NULL)
		return -1;
	rc = PQntuples(res) == 1 ? facts_read(ar, res, 0, &f) : -1;
	if (rc == 0)
		rc = route_plan(ar, &f, &plan);
	PQclear(res);
	if (rc == -1) {
		log_error("allocate: incident %lld: no facts, or out of memory", incident_id);
		return -1;
	}
	j = plan_json(&plan);
	p[1] = ending_reason;
	p[2] = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
	res = p[2] != NULL ? pg_exec(pg, "allocate_write", 5, p) : NULL;
	json_object_put(j);
	if (res == NULL)
		return -1;
	rc = made_read(ar, PQgetvalue(res, 0, 0), out);
	PQclear(res);
	if (rc == -1)
		log_error("allocate: incident %lld: could not read the allocations", incident_id);
	return rc;
}

enum area_result
allocation_try(struct pg *pg, struct arena *ar, const struct allocation_query *q,
    struct area_location *where, struct route_plan *out)
{
	char x[32], y[32], agency[24];
	const char *p[5] = { NULL, NULL, q->type_code, agency, held.known };
	struct route_facts f;
	PGresult *res;
	int rc;

	memset(where, 0, sizeof(*where));
	out->n = 0;
	if (q->has_point) {
		if (!area_point_valid(q->lon, q->lat))
			return AREA_BAD_POINT;
		area_point_text(q->lon, q->lat, x, y);
		p[0] = x;
		p[1] = y;
	}
	snprintf(agency, sizeof(agency), "%lld", q->agency);
	if ((res = pg_exec(pg, "allocate_try", 5, p)) == NULL)
		return AREA_ERROR;
	if (q->has_point)
		area_row(res, where);
	rc = PQntuples(res) == 1 ? facts_read(ar, res, AREA_COLUMNS, &f) : -1;
	PQclear(res);
	if (rc == -1)
		return AREA_ERROR;
	f.has_address = q->has_address;
	f.flags = q->flags;
	f.channel = q->channel != NULL ? q->channel : "";
	if (route_plan(ar, &f, out) == -1)
		return AREA_ERROR;
	return AREA_OK;
}
