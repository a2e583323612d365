/* Similar incidents at creation: the open incidents within a distance of
 * the place being recorded, and those whose people match the people being
 * recorded (an existing person picked, or a new one's match keys from
 * domain/person_match.c: the same name and date of birth, the same phone
 * or the same email). Row security limits both to what the actor may see;
 * the look-up runs READ ONLY, like the person suggestions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/similar.h"
#include "domain/tx.h"
#include "store/pg.h"

#define SIMILAR_MAX_TEXT	"10"

static const struct pg_stmt stmts[] = {
	/* $1, $2: the point (NULL: none); $3: metres; $4: the people as
	 * [{"id", "name", "dob", "phone", "email"}], any of them null. The
	 * box around the point lets the GiST index of incident.location find
	 * the candidates: a degree of longitude is at least 50 km up to
	 * latitude 63, so the box holds every point within the distance. */
	{ "similar_find",
	  "WITH q AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g), "
	  "k AS (SELECT * FROM jsonb_to_recordset($4::jsonb) "
	  "AS k (id bigint, name text, dob date, phone text, email text)), "
	  "ppl AS (SELECT DISTINCT ip.incident_id AS id FROM k JOIN person p ON p.id = k.id "
	  "OR p.phone_key = k.phone OR p.email_key = k.email "
	  "OR (p.name_key = k.name AND p.date_of_birth = k.dob) "
	  "JOIN incident_person ip ON ip.person_id = p.id), "
	  "near AS (SELECT i.id FROM incident i, q WHERE q.g IS NOT NULL "
	  "AND i.location && ST_Expand(q.g, $3::float8 / 50000.0) "
	  "AND ST_DWithin(i.location::geography, q.g::geography, $3::float8)) "
	  "SELECT i.reference, t.name, to_char(coalesce(i.occurred_at, i.reported_at) "
	  "AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY'), i.status::text, "
	  "coalesce(round(ST_Distance(i.location::geography, q.g::geography))::bigint, -1), "
	  "u.id IN (SELECT id FROM near), u.id IN (SELECT id FROM ppl) "
	  "FROM (SELECT id FROM near UNION SELECT id FROM ppl) u "
	  "JOIN incident i ON i.id = u.id JOIN asb_type t ON t.id = i.asb_type_id, q "
	  "WHERE i.status <> 'closed' "
	  "ORDER BY 6 DESC, 5, coalesce(i.occurred_at, i.reported_at) DESC "
	  "LIMIT " SIMILAR_MAX_TEXT },
};

const struct pg_stmts similar_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* Whether there is anything to look for: a place or a person. */
int
similar_wanted(const struct similar_query *q)
{
	size_t i;

	if (q->has_point || q->nids > 0)
		return 1;
	for (i = 0; i < q->nkeys; i++)
		if (q->keys[i].phone[0] != '\0' || q->keys[i].email[0] != '\0' ||
		    (q->keys[i].name[0] != '\0' && q->keys[i].dob[0] != '\0'))
			return 1;
	return 0;
}

/* Adds key:value to o when value is not empty. 0 or -1. */
static int
json_text(struct json_object *o, const char *key, const char *value)
{
	struct json_object *v;

	if (*value == '\0')
		return 0;
	if ((v = json_object_new_string(value)) == NULL)
		return -1;
	return json_object_object_add(o, key, v);
}

/* The people as the statement reads them: only the keys that identify a
 * person on their own (a name alone does not). NULL when out of memory. */
static struct json_object *
people_json(const struct similar_query *q)
{
	struct json_object *all = json_object_new_array(), *o;
	const struct person_keys *k;
	size_t i;

	for (i = 0; all != NULL && i < q->nids; i++) {
		if ((o = json_object_new_object()) == NULL ||
		    json_object_array_add(all, o) == -1 ||
		    json_object_object_add(o, "id", json_object_new_int64(q->person_ids[i])) == -1)
			goto fail;
	}
	for (i = 0; all != NULL && i < q->nkeys; i++) {
		k = &q->keys[i];
		if ((o = json_object_new_object()) == NULL ||
		    json_object_array_add(all, o) == -1 ||
		    json_text(o, "phone", k->phone) == -1 ||
		    json_text(o, "email", k->email) == -1)
			goto fail;
		if (k->name[0] != '\0' && k->dob[0] != '\0' &&
		    (json_text(o, "name", k->name) == -1 || json_text(o, "dob", k->dob) == -1))
			goto fail;
	}
	return all;
fail:
	json_object_put(all);
	return NULL;
}

/* Reads the rows of similar_find into *out. 0 or -1. */
static int
similar_rows(PGresult *res, struct arena *ar, struct similar_incident **out, size_t *n)
{
	struct similar_incident *s;
	int rows = PQntuples(res), i;

	if ((s = arena_calloc(ar, (size_t)rows + 1, sizeof(*s))) == NULL)
		return -1;
	for (i = 0; i < rows; i++) {
		s[i].reference = arena_strdup(ar, PQgetvalue(res, i, 0));
		s[i].type = arena_strdup(ar, PQgetvalue(res, i, 1));
		s[i].date = arena_strdup(ar, PQgetvalue(res, i, 2));
		s[i].status = arena_strdup(ar, PQgetvalue(res, i, 3));
		s[i].metres = strtol(PQgetvalue(res, i, 4), NULL, 10);
		s[i].near = *PQgetvalue(res, i, 5) == 't';
		s[i].same_person = *PQgetvalue(res, i, 6) == 't';
		if (s[i].reference == NULL || s[i].type == NULL || s[i].date == NULL ||
		    s[i].status == NULL)
			return -1;
	}
	*out = s;
	*n = (size_t)rows;
	return 0;
}

/* The open incidents like the one described by q, nearest first, at most
 * SIMILAR_MAX; none when q has neither a place nor a person. 0, or -1 on
 * a database error or out of memory. */
int
similar_find(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct similar_query *q, struct similar_incident **out, size_t *n)
{
	struct json_object *people;
	char lon[32], lat[32], metres[24];
	const char *p[4];
	PGresult *res;
	int rc = -1;

	*out = NULL;
	*n = 0;
	if (!similar_wanted(q))
		return 0;
	if ((people = people_json(q)) == NULL)
		return -1;
	snprintf(lon, sizeof(lon), "%.7f", q->lon);
	snprintf(lat, sizeof(lat), "%.7f", q->lat);
	snprintf(metres, sizeof(metres), "%d", q->metres);
	p[0] = q->has_point ? lon : NULL;
	p[1] = q->has_point ? lat : NULL;
	p[2] = metres;
	p[3] = json_object_to_json_string_ext(people, JSON_C_TO_STRING_PLAIN);
	if (p[3] == NULL || pg_begin(pg) == -1)
		goto out;
	if (pg_simple(pg, "SET TRANSACTION READ ONLY") == -1 || tx_actor(pg, a) == -1 ||
	    (res = pg_exec(pg, "similar_find", 4, p)) == NULL) {
		pg_rollback(pg);
		goto out;
	}
	rc = similar_rows(res, ar, out, n);
	PQclear(res);
	pg_rollback(pg);
out:
	json_object_put(people);
	return rc;
}
