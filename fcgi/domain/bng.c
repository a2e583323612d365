/* British National Grid to WGS 84 (domain/api_incident.h), by PostGIS's
 * transformation (EPSG:27700 with its datum shift), so that a point
 * given either way lands in the same place as the areas loaded. */
#include <stdio.h>
#include <stdlib.h>

#include "domain/api_incident.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "bng_to_wgs84",
	  "SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint("
	  "$1::float8, $2::float8), 27700), 4326) AS p" },
};

const struct pg_stmts bng_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

int
bng_to_wgs84(struct pg *pg, double easting, double northing, double *lon, double *lat)
{
	char e[32], n[32];
	const char *p[2] = { e, n };
	PGresult *res;
	int ok;

	snprintf(e, sizeof(e), "%.3f", easting);
	snprintf(n, sizeof(n), "%.3f", northing);
	if ((res = pg_exec(pg, "bng_to_wgs84", 2, p)) == NULL)
		return -1;
	if ((ok = PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))) {
		*lon = strtod(PQgetvalue(res, 0, 0), NULL);
		*lat = strtod(PQgetvalue(res, 0, 1), NULL);
	}
	PQclear(res);
	return ok ? 0 : -1;
}
