#ifndef DOMAIN_POINT_BNG_H
#define DOMAIN_POINT_BNG_H

struct pg;

/* A British National Grid point (EPSG:27700, metres) as WGS84 degrees,
 * by PostGIS's ST_Transform. Debian's proj-data has no OSTN15 grid, so
 * PROJ takes EPSG's 7-parameter Helmert transformation ("OSGB36 to WGS 84
 * (6)"): within about 1 to 5 metres of OSTN15 over Great Britain (README
 * "CAD API", which gives the figures at Ordnance Survey's test points). */

extern const struct pg_stmts point_bng_statements;

/* 0 with lon and lat, or -1 on a database error. */
int	point_bng_to_wgs84(struct pg *, double easting, double northing,
	    double *lon, double *lat);

#endif
