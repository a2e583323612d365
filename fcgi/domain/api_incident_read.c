/* One incident as the CAD API shows it (domain/api_incident.h), in one
 * statement: the row with its type, place and areas, and what hangs off
 * it (agencies, current allocations, people, timeline) as JSON arrays,
 * under row security, then the C half of the sharing rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/api_incident.h"
#include "domain/audit.h"
#include "domain/flags.h"
#include "domain/incident.h"
#include "domain/tx.h"
#include "store/pg.h"

/* A time as the API writes it: RFC 3339 in UTC. */
#define UTC(t)	"to_char(" t " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The timeline keeps the latest entries when there are more. */
#define TIMELINE_SQL_MAX	"500"

static const struct pg_stmt stmts[] = {
	/* $1 the reference, $2 the client (its external id and kept fields). */
	{ "api_incident_read",
	  "SELECT i.id, i.revision, i.reference, i.channel, i.status, t.code, t.name, "
	  "t.category, i.description, i.log_number, " UTC("i.occurred_at") ", "
	  UTC("i.reported_at") ", " UTC("i.updated_at") ", i.location IS NOT NULL, "
	  "ST_Y(i.location), ST_X(i.location), "
	  "round(ST_X(ST_Transform(i.location, 27700))::numeric, 1), "
	  "round(ST_Y(ST_Transform(i.location, 27700))::numeric, 1), "
	  "nullif(i.address, ''), nullif(i.postcode, ''), "
	  "i.location IS NULL AND (coalesce(i.address, '') <> '' "
	  "  OR coalesce(i.postcode, '') <> ''), "
	  "b.code, b.name, l.code, l.name, i.risk_level, i.risk_score, "
	  INCIDENT_FLAG_COLUMNS ", r.external_id, coalesce(r.kept, '{}'), "
	  /* the owner first, then the agencies of its current allocations */
	  "(SELECT jsonb_agg(jsonb_build_object('code', g.code, 'name', g.name, "
	  "  'role', g.role) ORDER BY g.o, g.name) FROM ("
	  "  SELECT a.code, a.name, 'owner' AS role, 0 AS o FROM agency a "
	  "  WHERE a.id = i.owning_agency_id "
	  "  UNION SELECT a.code, a.name, 'allocated', 1 FROM incident_allocation c "
	  "  JOIN team tm ON tm.id = c.team_id JOIN agency a ON a.id = tm.agency_id "
	  "  WHERE c.incident_id = i.id AND c.ended_at IS NULL "
	  "  AND a.id <> i.owning_agency_id) g), "
	  "coalesce((SELECT jsonb_agg(jsonb_build_object('team', jsonb_build_object("
	  "  'code', tm.code, 'name', tm.name, 'agency', a.code), 'kind', c.kind, "
	  "  'reason', c.reason, 'since', " UTC("c.created_at") ") ORDER BY c.id) "
	  "  FROM incident_allocation c JOIN team tm ON tm.id = c.team_id "
	  "  JOIN agency a ON a.id = tm.agency_id "
	  "  WHERE c.incident_id = i.id AND c.ended_at IS NULL), '[]'), "
	  /* A person the actor may not see (row security) has no details. */
	  "coalesce((SELECT jsonb_agg(jsonb_build_object('role', ip.role, "
	  "  'given_name', p.given_name, 'family_name', p.family_name, "
	  "  'dob', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'phone', p.phone, "
	  "  'email', p.email, 'address', p.address, 'postcode', p.postcode, "
	  "  'vulnerable', p.vulnerable) ORDER BY ip.role, ip.added_at, ip.person_id) "
	  "  FROM incident_person ip LEFT JOIN person p ON p.id = ip.person_id "
	  "  WHERE ip.incident_id = i.id), '[]'), "
	  "coalesce((SELECT jsonb_agg(jsonb_build_object('at', " UTC("e.at") ", "
	  "  'kind', e.kind, 'text', e.text) ORDER BY e.at, e.o, e.n) FROM ("
	  "  SELECT * FROM ("
	  "    SELECT u.at, u.kind, u.text, 0 AS o, u.id AS n FROM incident_update u "
	  "    WHERE u.incident_id = i.id "
	  "    UNION ALL SELECT s.changed_at, 'status', 'Status changed from ' || "
	  "    s.from_status || ' to ' || s.to_status || CASE WHEN s.reason <> '' "
	  "    THEN ': ' || s.reason ELSE '' END, 1, s.id "
	  "    FROM incident_status_change s WHERE s.incident_id = i.id "
	  "    UNION ALL SELECT c.created_at, 'allocation', 'Allocated to ' || tm.name || "
	  "    ' (' || c.kind || '): ' || c.reason, 2, c.id FROM incident_allocation c "
	  "    JOIN team tm ON tm.id = c.team_id WHERE c.incident_id = i.id "
	  "    UNION ALL SELECT c.ended_at, 'allocation', 'Allocation to ' || tm.name || "
	  "    ' ended' || coalesce(': ' || c.ended_reason, ''), 3, c.id "
	  "    FROM incident_allocation c JOIN team tm ON tm.id = c.team_id "
	  "    WHERE c.incident_id = i.id AND c.ended_at IS NOT NULL "
	  "    ORDER BY 1 DESC, 4 DESC, 5 DESC LIMIT " TIMELINE_SQL_MAX ") latest) e), '[]'), "
	  /* OWNER_COL: the sharing rule's columns, for the second check */
	  "i.owning_agency_id, i.sharing, i.shared_with::text "
	  "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
	  "LEFT JOIN beat b ON b.id = i.beat_id LEFT JOIN la_area l ON l.id = i.la_area_id "
	  "LEFT JOIN LATERAL (SELECT x.external_id, x.kept FROM api_incident_ref x "
	  "  WHERE x.incident_id = i.id AND x.client_id = $2::bigint "
	  "  ORDER BY x.updated_at DESC LIMIT 1) r ON true "
	  "WHERE i.reference = $1" },
};

const struct pg_stmts api_incident_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define OWNER_COL	(33 + FLAGS)

/* Column c of row 0, or NULL when it is NULL. */
static const char *
opt(struct arena *ar, PGresult *res, int c)
{
	return PQgetisnull(res, 0, c) ? NULL : arena_strdup(ar, PQgetvalue(res, 0, c));
}

static const char *
col(struct arena *ar, PGresult *res, int c)
{
	return arena_strdup(ar, PQgetvalue(res, 0, c));
}

static void
row_read(struct arena *ar, PGresult *res, struct api_incident *in)
{
	int f;

	in->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	in->version = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	in->reference = col(ar, res, 2);
	in->channel = col(ar, res, 3);
	in->status = col(ar, res, 4);
	in->type_code = col(ar, res, 5);
	in->type_name = col(ar, res, 6);
	in->type_category = col(ar, res, 7);
	in->description = opt(ar, res, 8);
	in->log_number = opt(ar, res, 9);
	in->occurred_at = opt(ar, res, 10);
	in->reported_at = col(ar, res, 11);
	in->updated_at = col(ar, res, 12);
	if ((in->has_point = PQgetvalue(res, 0, 13)[0] == 't')) {
		in->lat = strtod(PQgetvalue(res, 0, 14), NULL);
		in->lon = strtod(PQgetvalue(res, 0, 15), NULL);
		in->easting = strtod(PQgetvalue(res, 0, 16), NULL);
		in->northing = strtod(PQgetvalue(res, 0, 17), NULL);
	}
	in->address = opt(ar, res, 18);
	in->postcode = opt(ar, res, 19);
	in->to_confirm = PQgetvalue(res, 0, 20)[0] == 't';
	in->beat_code = opt(ar, res, 21);
	in->beat_name = opt(ar, res, 22);
	in->area_code = opt(ar, res, 23);
	in->area_name = opt(ar, res, 24);
	in->risk_level = opt(ar, res, 25);
	if ((in->has_score = !PQgetisnull(res, 0, 26)))
		in->risk_score = atoi(PQgetvalue(res, 0, 26));
	for (f = 0; f < FLAGS; f++)
		if (PQgetvalue(res, 0, 27 + f)[0] == 't')
			in->flags |= FLAG_BIT(f);
	in->external_id = opt(ar, res, 27 + FLAGS);
	in->kept = col(ar, res, 28 + FLAGS);
	in->agencies = col(ar, res, 29 + FLAGS);
	in->allocations = col(ar, res, 30 + FLAGS);
	in->people = col(ar, res, 31 + FLAGS);
	in->timeline = col(ar, res, 32 + FLAGS);
}

int
api_incident_read(struct pg *pg, struct arena *ar, const struct actor *a,
    long long client_id, const char *reference, struct api_incident *in)
{
	char cid[24];
	const char *p[2] = { reference, cid };
	PGresult *res;
	int found;

	memset(in, 0, sizeof(*in));
	snprintf(cid, sizeof(cid), "%lld", client_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "api_incident_read", 2, p)) == NULL)
		goto err;
	/* The second check, as for every incident row (domain/incident.c). */
	found = PQntuples(res) == 1 && incident_row_visible(a, res, 0, OWNER_COL);
	if (found)
		row_read(ar, res, in);
	PQclear(res);
	if (!found && audit_not_found(pg, a, "incident", reference) == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return -1;
	return found;
err:
	pg_rollback(pg);
	return -1;
}
