/* What a case's Patterns tab counts, read as the actor: its linked
 * incidents (row security leaves out any the actor's agency may not
 * see) with the London day and hour each happened — or was reported,
 * when when it happened is not known —, the case's places, and its
 * subjects on each incident, named through case_people (every agency
 * working a case sees its subjects). The counting is case_pattern.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/case_pattern.h"
#include "domain/tx.h"
#include "store/pg.h"

#define XSTR(x)	STR(x)
#define STR(x)	#x

static const struct pg_stmt stmts[] = {
	/* PostgreSQL's time zone rules give London's day and hour. One row
	 * more than the page shows says there are more. */
	{ "case_pattern_incidents",
	  "SELECT i.id, i.reference, t.name, "
	  "extract(isodow FROM coalesce(i.occurred_at, i.reported_at) "
	  "  AT TIME ZONE 'Europe/London')::int, "
	  "extract(hour FROM coalesce(i.occurred_at, i.reported_at) "
	  "  AT TIME ZONE 'Europe/London')::int, i.occurred_at IS NULL, "
	  "to_char(coalesce(i.occurred_at, i.reported_at) AT TIME ZONE 'Europe/London', "
	  "  'FMDD Mon YYYY \"at\" HH24:MI'), "
	  "coalesce(nullif(concat_ws(', ', nullif(i.address, ''), nullif(i.postcode, '')), ''), ''), "
	  "coalesce(to_char(ST_Y(i.location), 'FM990.000000'), ''), "
	  "coalesce(to_char(ST_X(i.location), 'FM990.000000'), '') "
	  "FROM case_incident ci JOIN incident i ON i.id = ci.incident_id "
	  "JOIN asb_type t ON t.id = i.asb_type_id "
	  "WHERE ci.case_id = $1::bigint AND ci.unlinked_at IS NULL "
	  "ORDER BY coalesce(i.occurred_at, i.reported_at), i.id "
	  "LIMIT " XSTR(PATTERN_INCIDENTS_MAX) " + 1" },
	{ "case_pattern_places",
	  "SELECT label, address, postcode, "
	  "coalesce(to_char(ST_Y(location), 'FM990.000000'), ''), "
	  "coalesce(to_char(ST_X(location), 'FM990.000000'), ''), radius_m "
	  "FROM case_place WHERE case_id = $1::bigint AND removed_at IS NULL ORDER BY id" },
	/* The case's subjects (not its named groups: they are no one's
	 * record), as the actor may see them. */
	{ "case_pattern_subjects",
	  "SELECT person_id, name FROM case_people($1::bigint) "
	  "WHERE role = 'subject' AND person_id IS NOT NULL ORDER BY case_person_id" },
	/* Which of them is a subject of which linked incident. */
	{ "case_pattern_appearances",
	  "SELECT ip.incident_id, ip.person_id FROM case_incident ci "
	  "JOIN incident_person ip ON ip.incident_id = ci.incident_id AND ip.role = 'subject' "
	  "WHERE ci.case_id = $1::bigint AND ci.unlinked_at IS NULL AND EXISTS (SELECT 1 "
	  "  FROM case_person cp WHERE cp.case_id = $1::bigint AND cp.person_id = ip.person_id "
	  "  AND cp.role = 'subject' AND cp.removed_at IS NULL) "
	  "ORDER BY ip.incident_id, ip.person_id" },
};

const struct pg_stmts case_pattern_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *
col(struct arena *ar, PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

/* The incidents: their points, and their bands counted. 0 or -1. */
static int
incidents_read(struct arena *ar, PGresult *res, struct case_patterns *p)
{
	int i, n = PQntuples(res);
	struct pattern_point *pt;

	if (n > PATTERN_INCIDENTS_MAX) {
		p->more = 1;
		n = PATTERN_INCIDENTS_MAX;
	}
	if (n > 0 && (p->points = arena_calloc(ar, (size_t)n, sizeof(*p->points))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		pt = &p->points[i];
		pt->id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		/* A band out of range cannot come from extract(); if it did,
		 * the incident is listed but not counted. */
		(void)pattern_band_add(&p->bands, atoi(PQgetvalue(res, i, 3)),
		    atoi(PQgetvalue(res, i, 4)));
		pt->when_reported = PQgetvalue(res, i, 5)[0] == 't';
		if ((pt->reference = col(ar, res, i, 1)) == NULL ||
		    (pt->type = col(ar, res, i, 2)) == NULL ||
		    (pt->when = col(ar, res, i, 6)) == NULL ||
		    (pt->address = col(ar, res, i, 7)) == NULL ||
		    (pt->lat = col(ar, res, i, 8)) == NULL ||
		    (pt->lon = col(ar, res, i, 9)) == NULL)
			return -1;
	}
	p->npoints = (size_t)n;
	return 0;
}

static int
places_read(struct arena *ar, PGresult *res, struct case_patterns *p)
{
	int i, n = PQntuples(res);
	struct pattern_place *pl;

	if (n > 0 && (p->places = arena_calloc(ar, (size_t)n, sizeof(*p->places))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		pl = &p->places[i];
		pl->radius_m = atoi(PQgetvalue(res, i, 5));
		if ((pl->label = col(ar, res, i, 0)) == NULL ||
		    (pl->address = col(ar, res, i, 1)) == NULL ||
		    (pl->postcode = col(ar, res, i, 2)) == NULL ||
		    (pl->lat = col(ar, res, i, 3)) == NULL ||
		    (pl->lon = col(ar, res, i, 4)) == NULL)
			return -1;
	}
	p->nplaces = (size_t)n;
	return 0;
}

static int
subjects_read(struct arena *ar, PGresult *res, struct case_patterns *p)
{
	int i, n = PQntuples(res);

	if (n > 0 && (p->subjects = arena_calloc(ar, (size_t)n, sizeof(*p->subjects))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		p->subjects[i].person_id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		if ((p->subjects[i].name = col(ar, res, i, 1)) == NULL)
			return -1;
	}
	p->nsubjects = (size_t)n;
	return 0;
}

/* Each incident's subjects (the rows come by incident), counted by
 * pattern_together. 0 or -1. */
static int
appearances_read(struct arena *ar, PGresult *res, struct case_patterns *p)
{
	struct pattern_incident *in;
	long long *who;
	int i, n = PQntuples(res);
	size_t k = 0;

	if (n == 0)
		return pattern_together(ar, NULL, 0, &p->company);
	if ((in = arena_calloc(ar, (size_t)n, sizeof(*in))) == NULL ||
	    (who = arena_alloc(ar, (size_t)n * sizeof(*who))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		long long incident = strtoll(PQgetvalue(res, i, 0), NULL, 10);

		who[i] = strtoll(PQgetvalue(res, i, 1), NULL, 10);
		if (k == 0 || in[k - 1].id != incident)
			in[k++] = (struct pattern_incident){ incident, &who[i], 0 };
		in[k - 1].nsubjects++;
	}
	return pattern_together(ar, in, k, &p->company);
}

int
case_pattern_load(struct pg *pg, struct arena *ar, const struct actor *a,
    long long case_id, struct case_patterns *p)
{
	char cid[24];
	const char *params[1] = { cid };
	PGresult *res = NULL;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	snprintf(cid, sizeof(cid), "%lld", case_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "case_pattern_incidents", 1, params)) == NULL ||
	    incidents_read(ar, res, p) == -1)
		goto out;
	PQclear(res);
	if ((res = pg_exec(pg, "case_pattern_places", 1, params)) == NULL ||
	    places_read(ar, res, p) == -1)
		goto out;
	PQclear(res);
	if ((res = pg_exec(pg, "case_pattern_subjects", 1, params)) == NULL ||
	    subjects_read(ar, res, p) == -1)
		goto out;
	PQclear(res);
	if ((res = pg_exec(pg, "case_pattern_appearances", 1, params)) == NULL ||
	    appearances_read(ar, res, p) == -1)
		goto out;
	rc = 0;
out:
	PQclear(res);
	if (rc == 0 && pg_commit(pg) == -1)
		return -1;
	if (rc == -1)
		pg_rollback(pg);
	return rc;
}

const char *
case_pattern_name(const struct case_patterns *p, long long person_id)
{
	size_t i;

	for (i = 0; i < p->nsubjects; i++)
		if (p->subjects[i].person_id == person_id)
			return p->subjects[i].name;
	return "Subject";
}
