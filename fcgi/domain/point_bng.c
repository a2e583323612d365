/* British National Grid to WGS84 (domain/point_bng.h). */
#include <stdio.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "domain/point_bng.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "point_bng_to_wgs84",
	  "SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint("
	  "$1::float8, $2::float8), 27700), 4326) AS p" },
};

const struct pg_stmts point_bng_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

int
point_bng_to_wgs84(struct pg *pg, double easting, double northing, double *lon,
    double *lat)
{
	char e[32], n[32];
	const char *p[2] = { e, n };
	PGresult *res;

	snprintf(e, sizeof(e), "%.3f", easting);
	snprintf(n, sizeof(n), "%.3f", northing);
	if ((res = pg_exec(pg, "point_bng_to_wgs84", 2, p)) == NULL)
		return -1;
	*lon = strtod(PQgetvalue(res, 0, 0), NULL);
	*lat = strtod(PQgetvalue(res, 0, 1), NULL);
	PQclear(res);
	return 0;
}
