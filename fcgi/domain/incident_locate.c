/* Setting the point of an incident whose location was to be confirmed
 * (domain/incident_locate.h). The point gets the same reading and the
 * same verdict as at the intake (domain/point_check.c, area_locate, the
 * words for a place outside the partnership); the allocation is the
 * intake's too (allocate_incident), so there is one rule for both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/allocate.h"
#include "domain/area.h"
#include "domain/audit.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "domain/incident_locate.h"
#include "domain/intake_check.h"
#include "domain/point_check.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* $1 the incident, $2 $3 the point, $4 $5 its beat and council area
	 * ("0": none), $6 the version the form was made at. Only an incident
	 * with no point: one set meanwhile has another version anyway. */
	{ "incident_locate_set",
	  "UPDATE incident SET location = ST_SetSRID(ST_MakePoint($2::float8, "
	  "$3::float8), 4326), beat_id = nullif($4, '0')::bigint, "
	  "la_area_id = nullif($5, '0')::bigint, updated_at = now(), "
	  "version = version + 1 "
	  "WHERE id = $1::bigint AND version = $6::bigint AND location IS NULL" },
	/* The same for an incident that may have a point already: a CAD
	 * system moving it (domain/api_incident_patch.c, its row locked). */
	{ "incident_locate_move",
	  "UPDATE incident SET location = ST_SetSRID(ST_MakePoint($2::float8, "
	  "$3::float8), 4326), beat_id = nullif($4, '0')::bigint, "
	  "la_area_id = nullif($5, '0')::bigint, updated_at = now(), "
	  "version = version + 1 WHERE id = $1::bigint AND version = $6::bigint" },
	{ "incident_locate_has_point",
	  "SELECT location IS NOT NULL FROM incident WHERE id = $1::bigint" },
	/* The timeline's entry, on the queue whose location was to be
	 * confirmed when there is one (before allocate_incident ends it).
	 * $2 the actor ("0": none), $3 the words. */
	{ "incident_locate_event",
	  "INSERT INTO queue_event (incident_id, allocation_id, kind, team_id, "
	  "user_id, reason, created_by) "
	  "SELECT $1::bigint, c.id, 'location_set', c.team_id, nullif($2, '0')::bigint, "
	  "$3, nullif($2, '0')::bigint "
	  "FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT a.id, a.team_id "
	  "  FROM incident_allocation a WHERE a.incident_id = $1::bigint "
	  "  AND a.ended_at IS NULL AND a.location_to_confirm ORDER BY a.id LIMIT 1) c "
	  "ON true" },
};

const struct pg_stmts incident_locate_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Places the point (lon, lat): LOCATE_OK with *where filled, LOCATE_BAD_POINT
 * with *why, or LOCATE_ERROR. */
static enum locate_result
point_place_at(struct pg *pg, struct arena *ar, double x, double y,
    struct area_location *where, const char **why)
{
	switch (area_locate(pg, x, y, where)) {
	case AREA_OK:
		break;
	case AREA_BAD_POINT:
		*why = POINT_WORDS;
		return LOCATE_BAD_POINT;
	default:
		return LOCATE_ERROR;
	}
	if (!where->in_partnership) {
		*why = intake_outside_words(ar, where);
		return LOCATE_BAD_POINT;
	}
	return LOCATE_OK;
}

/* Reads and places the point as typed: as point_place_at. */
static enum locate_result
point_place(struct pg *pg, struct arena *ar, const char *lon, const char *lat,
    double *x, double *y, struct area_location *where, const char **why)
{
	if ((lon == NULL || *lon == '\0') && (lat == NULL || *lat == '\0')) {
		*why = LOCATE_BLANK_WORDS;
		return LOCATE_BAD_POINT;
	}
	if ((*why = point_parse(lon, lat, x, y)) != NULL)
		return LOCATE_BAD_POINT;
	return point_place_at(pg, ar, *x, *y, where, why);
}

/* "Location set: 51.51720, -0.09450, in beat Bassishaw (E05000030) and
 * council area City of London (E09000001)": the ending reason of the
 * location-to-confirm allocations and the timeline's words. */
static const char *
located_words(struct arena *ar, double x, double y, const struct area_location *w)
{
	const char *beat = NULL, *area = NULL;

	if (w->beat.id != 0)
		beat = arena_printf(ar, "beat %s (%s)", w->beat.name, w->beat.code);
	if (w->area.id != 0)
		area = arena_printf(ar, "council area %s (%s)", w->area.name, w->area.code);
	if (beat != NULL && area != NULL)
		return arena_printf(ar, "Location set: %.5f, %.5f, in %s and %s", y, x,
		    beat, area);
	if (beat != NULL || area != NULL)
		return arena_printf(ar, "Location set: %.5f, %.5f, in %s", y, x,
		    beat != NULL ? beat : area);
	return arena_printf(ar, "Location set: %.5f, %.5f", y, x);
}

/* What the audit row records of a place. */
static struct json_object *
place_json(double x, double y, const struct area_location *w)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "lon", json_object_new_double(x));
	json_object_object_add(o, "lat", json_object_new_double(y));
	json_object_object_add(o, "beat", w->beat.id ?
	    json_object_new_string(w->beat.code) : NULL);
	json_object_object_add(o, "council_area", w->area.id ?
	    json_object_new_string(w->area.code) : NULL);
	return o;
}

/* Writes the point, its beat and area, the audit row and the timeline's
 * event; then the flags and the allocation. 0, 1 when the incident is no
 * longer at version (or has a point), -1 on error. */
static int
locate_write(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, long long id, long long version, double x, double y,
    const struct area_location *w, const char *words, const char *stmt)
{
	char iid[24], sx[32], sy[32], bid[24], aid[24], ver[24], uid[24];
	const char *p[6] = { iid, sx, sy, bid, aid, ver };
	const char *e[3] = { iid, uid, words };
	struct json_object *after;
	struct allocations made;
	PGresult *res;
	int changed, failed;

	snprintf(iid, sizeof(iid), "%lld", id);
	area_point_text(x, y, sx, sy);
	snprintf(bid, sizeof(bid), "%lld", w->beat.id);
	snprintf(aid, sizeof(aid), "%lld", w->area.id);
	snprintf(ver, sizeof(ver), "%lld", version);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	if ((res = pg_exec(pg, stmt, 6, p)) == NULL)
		return -1;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (!changed)
		return 1;
	after = place_json(x, y, w);
	failed = audit_append(pg, a, "incident", iid, "locate", NULL, after, words);
	json_object_put(after);
	if (failed == -1 || pg_exec_ok(pg, "incident_locate_event", 3, e) == -1)
		return -1;
	/* A point can make this and the incidents near it repeat locations,
	 * and routing rules go by flags: the flags first. */
	if (flags_refresh_all(pg, cfg, id, NULL) == -1)
		return -1;
	return allocate_incident(pg, ar, a, id, words, &made);
}

/* Whether the incident has a point (it was not the version that moved):
 * 1, 0, or -1 on error. */
static int
has_point(struct pg *pg, long long id)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int yes;

	snprintf(iid, sizeof(iid), "%lld", id);
	if ((res = pg_exec(pg, "incident_locate_has_point", 1, p)) == NULL)
		return -1;
	yes = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return yes;
}

enum locate_result
incident_locate(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const char *reference, const char *lon,
    const char *lat, long long version, const char **why)
{
	struct area_location where;
	struct incident in;
	enum locate_result rc;
	const char *words;
	double x = 0, y = 0;
	int w;

	*why = NULL;
	switch (incident_begin(pg, ar, a, reference, &in)) {
	case INCIDENT_OK:
		break;
	case INCIDENT_NOT_FOUND:
		return LOCATE_NOT_FOUND;
	default:
		return LOCATE_ERROR;
	}
	if (strcmp(in.status, "closed") == 0) {
		rc = LOCATE_CLOSED;
		goto out;
	}
	if ((rc = point_place(pg, ar, lon, lat, &x, &y, &where, why)) != LOCATE_OK)
		goto out;
	if ((words = located_words(ar, x, y, &where)) == NULL) {
		rc = LOCATE_ERROR;
		goto out;
	}
	if ((w = locate_write(pg, ar, a, cfg, in.id, version, x, y, &where, words,
	    "incident_locate_set")) == 1) {
		w = has_point(pg, in.id);
		rc = w == 1 ? LOCATE_HAS_POINT : w == 0 ? LOCATE_CONFLICT : LOCATE_ERROR;
		goto out;
	}
	if (w == -1) {
		rc = LOCATE_ERROR;
		goto out;
	}
	return pg_commit(pg) == 0 ? LOCATE_OK : LOCATE_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

enum locate_result
incident_locate_apply(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const struct incident *in, double lon, double lat,
    const char **why)
{
	struct area_location where;
	enum locate_result rc;
	const char *words;

	*why = NULL;
	if (strcmp(in->status, "closed") == 0)
		return LOCATE_CLOSED;
	if ((rc = point_place_at(pg, ar, lon, lat, &where, why)) != LOCATE_OK)
		return rc;
	if ((words = located_words(ar, lon, lat, &where)) == NULL)
		return LOCATE_ERROR;
	switch (locate_write(pg, ar, a, cfg, in->id, in->version, lon, lat, &where, words,
	    "incident_locate_move")) {
	case 0:
		return LOCATE_OK;
	case 1:
		return LOCATE_CONFLICT;		/* in was not read at its version */
	default:
		return LOCATE_ERROR;
	}
}
