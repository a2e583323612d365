/* concordctl areas: load police beats and council areas (ctl/areas_import.c),
 * and say where a point is.
 *
 *   areas import --kind beat|council-area ... FILE...
 *   areas locate LON LAT | areas locate -
 *
 * locate asks domain/area.c, as the public form and allocation do. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/config.h"
#include "ctl/areas.h"
#include "ctl/ctl.h"
#include "domain/area.h"
#include "store/pg.h"

#define AREAS_LINE_MAX	256
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

int
areas_usage(void)
{
	fprintf(stderr,
	    "usage: concordctl areas import --kind beat|council-area\n"
	    "                 (--code-field FIELD | --code-from-file) [--name-field FIELD]\n"
	    "                 [--agency CODE] [--area-agency AREA=CODE ...] [--create-councils]\n"
	    "                 [--team CODE] [--sliver-m2 M2] [--check] FILE...\n"
	    "       concordctl areas locate LON LAT\n"
	    "       concordctl areas locate -     (\"LON LAT\" lines on standard input)\n");
	return 2;
}

/* ------------------------------------------------------------------------
 * locate */

/* A coordinate in degrees from text, or -1 when it is not a number. */
static int
degrees_parse(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return end != s && *end == '\0' && errno == 0 ? 0 : -1;
}

static struct json_object *
ref_json(const struct area_ref *r)
{
	struct json_object *o;

	if (r->id == 0)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(r->id));
	json_object_object_add(o, "code", json_object_new_string(r->code));
	json_object_object_add(o, "name", json_object_new_string(r->name));
	json_object_object_add(o, "agency_id", json_object_new_int64(r->agency_id));
	return o;
}

/* Locates one point and prints it as one line of JSON. Returns 0, 1 when
 * the database failed, 2 for coordinates that are not a point. */
static int
locate_one(struct pg *pg, const char *lon_s, const char *lat_s)
{
	struct area_location loc;
	struct json_object *o;
	char x[32], y[32];
	double lon, lat;

	if (degrees_parse(lon_s, &lon) == -1 || degrees_parse(lat_s, &lat) == -1 ||
	    !area_point_valid(lon, lat)) {
		fprintf(stderr, "concordctl: \"%s %s\" is not a longitude "
		    "(-180 to 180) and a latitude (-90 to 90) in degrees\n",
		    lon_s, lat_s);
		return 2;
	}
	switch (area_locate(pg, lon, lat, &loc)) {
	case AREA_OK:
		break;
	case AREA_BAD_POINT:
		fprintf(stderr, "concordctl: not a point on Earth: %s %s\n", lon_s, lat_s);
		return 2;
	default:
		fprintf(stderr, "concordctl: %s\n", pg_error(pg));
		return 1;
	}
	snprintf(x, sizeof(x), "%.7f", lon);
	snprintf(y, sizeof(y), "%.7f", lat);
	o = json_object_new_object();
	json_object_object_add(o, "lon", json_object_new_double_s(lon, x));
	json_object_object_add(o, "lat", json_object_new_double_s(lat, y));
	json_object_object_add(o, "in_partnership",
	    json_object_new_boolean(loc.in_partnership));
	json_object_object_add(o, "beat", ref_json(&loc.beat));
	json_object_object_add(o, "area", ref_json(&loc.area));
	json_object_object_add(o, "council", loc.council[0] != '\0' ?
	    json_object_new_string(loc.council) : NULL);
	printf("%s\n", json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return 0;
}

/* "LON LAT" (or "LON,LAT") lines from standard input, one JSON line out
 * for each; a bad line prints {"error": ...} in its place and the status
 * is 2 at the end. */
static int
locate_lines(struct pg *pg)
{
	char line[AREAS_LINE_MAX], *lon, *lat, *rest, *save;
	size_t n = 0;
	int rc = 0, r;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		n++;
		lon = strtok_r(line, " \t,\r\n", &save);
		lat = lon ? strtok_r(NULL, " \t,\r\n", &save) : NULL;
		rest = lat ? strtok_r(NULL, " \t,\r\n", &save) : NULL;
		if (lon == NULL && lat == NULL)
			continue;	/* blank line */
		if (lat == NULL || rest != NULL)
			r = 2;
		else
			r = locate_one(pg, lon, lat);
		if (r == 1)
			return 1;
		if (r == 2) {
			printf("{\"line\":%zu,\"error\":\"not a longitude and "
			    "latitude\"}\n", n);
			rc = 2;
		}
	}
	fflush(stdout);
	return rc;
}

/* concordctl areas locate LON LAT | - (as db, the application's role) */
static int
areas_locate(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &area_statements };
	struct pg *pg;
	int rc;

	/* Not getopt: a negative longitude is not an option. */
	if (argc > 2 && strcmp(argv[2], "--") == 0) {
		argv++;
		argc--;
	}
	if (!(argc == 4 || (argc == 3 && strcmp(argv[2], "-") == 0)))
		return areas_usage();
	if (cfg->db[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db is not set\n", cfg->path);
		return 1;
	}
	if ((pg = pg_open(cfg->db, sets, NELEM(sets))) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		return 1;
	}
	rc = argc == 4 ? locate_one(pg, argv[2], argv[3]) : locate_lines(pg);
	pg_close(pg);
	return rc;
}

/* concordctl areas import | locate */
int
ctl_areas(const struct config *cfg, int argc, char *argv[])
{
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return areas_import(cfg, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "locate") == 0)
		return areas_locate(cfg, argc, argv);
	return areas_usage();
}
