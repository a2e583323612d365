/* Geography: which police beat and which council area a point is in, and
 * whether the partnership deals with it there.
 *
 * The partnership's area is the council areas (la_area) of its core
 * partners, together with the beats of its core partners: beats are drawn
 * street by street, while council outlines are often coarser (the demo's
 * are accurate to about 60 m), so a point in one of our beats is ours even
 * where a neighbouring council's outline overlaps it. Beats and areas are
 * reference data with no row security; both have GiST indexes, used by
 * ST_Covers and ST_DWithin. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/area.h"
#include "store/pg.h"

/* The outline is simplified to about 10 m (0.0001 degrees), finer than
 * the council outlines, and written with coordinates to about a metre:
 * a few kilobytes for a partnership of a city's size. */
static const struct pg_stmt stmts[] = {
	{ "area_locate", AREA_LOCATE_SQL("$1", "$2") },
	{ "area_outline",
	  "SELECT ST_AsGeoJSON(ST_SimplifyPreserveTopology(ST_Union(s.geom), 0.0001), 5) "
	  "FROM (SELECT x.geom FROM beat x JOIN agency g ON g.id = x.agency_id "
	  "  WHERE x.retired_at IS NULL AND g.core_partner AND g.active "
	  "  UNION ALL SELECT l.geom FROM la_area l JOIN agency g ON g.id = l.agency_id "
	  "  WHERE l.retired_at IS NULL AND g.core_partner AND g.active) s" },
};

const struct pg_stmts area_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* 1 when lon and lat are a finite longitude (-180..180) and latitude
 * (-90..90) in degrees, else 0. */
int
area_point_valid(double lon, double lat)
{
	return isfinite(lon) && isfinite(lat) && lon >= -180.0 && lon <= 180.0 &&
	    lat >= -90.0 && lat <= 90.0;
}

/* Copies s into out, cut short if need be at a UTF-8 character boundary. */
static void
copy_text(char *out, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

/* Reads one beat or area from columns c..c+3 (id, agency, code, name). */
static void
ref_read(const PGresult *res, int c, struct area_ref *r)
{
	if (PQgetisnull(res, 0, c))
		return;
	r->id = strtoll(PQgetvalue(res, 0, c), NULL, 10);
	r->agency_id = strtoll(PQgetvalue(res, 0, c + 1), NULL, 10);
	copy_text(r->code, sizeof(r->code), PQgetvalue(res, 0, c + 2));
	copy_text(r->name, sizeof(r->name), PQgetvalue(res, 0, c + 3));
}

/* Fills *out from the first AREA_COLUMNS columns of AREA_LOCATE_SQL's row. */
void
area_row(const PGresult *res, struct area_location *out)
{
	int beat_core, area_core;

	memset(out, 0, sizeof(*out));
	if (PQntuples(res) != 1)
		return;
	ref_read(res, 0, &out->beat);
	ref_read(res, 5, &out->area);
	beat_core = strcmp(PQgetvalue(res, 0, 4), "t") == 0;
	area_core = strcmp(PQgetvalue(res, 0, 9), "t") == 0;
	out->in_partnership = (out->beat.id != 0 && beat_core) ||
	    (out->area.id != 0 && area_core);
	if (!out->in_partnership && out->area.id != 0)
		copy_text(out->council, sizeof(out->council), PQgetvalue(res, 0, 10));
}

/* A point's coordinates as AREA_LOCATE_SQL's parameters. */
void
area_point_text(double lon, double lat, char x[32], char y[32])
{
	snprintf(x, 32, "%.17g", lon);
	snprintf(y, 32, "%.17g", lat);
}

/* Fills *out with the beat and council area at lon, lat (WGS 84 degrees)
 * and whether the partnership deals with it. Returns AREA_OK,
 * AREA_BAD_POINT for coordinates that are not a point on Earth, or
 * AREA_ERROR with pg_error set. */
enum area_result
area_locate(struct pg *pg, double lon, double lat, struct area_location *out)
{
	char x[32], y[32];
	const char *p[2] = { x, y };
	PGresult *res;

	memset(out, 0, sizeof(*out));
	if (!area_point_valid(lon, lat))
		return AREA_BAD_POINT;
	area_point_text(lon, lat, x, y);
	if ((res = pg_exec(pg, "area_locate", 2, p)) == NULL)
		return AREA_ERROR;
	area_row(res, out);
	PQclear(res);
	return AREA_OK;
}

/* The partnership's area (its core partners' beats and council areas, as
 * area_locate counts them) as one GeoJSON geometry, for the map to draw:
 * *out is allocated in a, or "" when no area is loaded. Returns 0, or -1
 * with pg_error set (or when out of memory). */
int
area_outline(struct pg *pg, struct arena *a, const char **out)
{
	PGresult *res;

	*out = "";
	if ((res = pg_exec(pg, "area_outline", 0, NULL)) == NULL)
		return -1;
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0) &&
	    (*out = arena_strdup(a, PQgetvalue(res, 0, 0))) == NULL) {
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}
