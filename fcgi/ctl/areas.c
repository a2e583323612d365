/* concordctl areas: load police beats and council areas from GeoJSON, and
 * say where a point is.
 *
 *   areas import --beats FILE --beat-agency CODE --code-field F --name-field F
 *   areas import --areas FILE --area-agency CODE | --area-agency AREA=CODE ...
 *                [--create-councils] --code-field F --name-field F
 *   areas locate LON LAT | areas locate -
 *
 * An import reads a whole FeatureCollection (Polygon or MultiPolygon
 * features in longitude/latitude), checks every feature, and upserts them
 * by code in one transaction: a bad feature, named in the message, leaves
 * the database as it was. Geometries PostGIS finds invalid (self-crossing
 * rings are common in simplified outlines) are repaired with ST_MakeValid
 * and reported. Running it again with the same file changes nothing.
 * Beats or areas missing from the file are left alone: incidents refer to
 * them.
 *
 * Every council area belongs to an agency (la_area.agency_id): the one
 * --area-agency AREA=CODE names for it, else the one --area-agency CODE
 * names for all the others, else the local authority "<name>-council"
 * ("Tower Hamlets" gives tower-hamlets-council). Neighbouring councils
 * outside the partnership need one too, so that the public form can say
 * whose area a place is in: with --create-councils, a missing
 * "<name>-council" is created as "<name> Council", inactive and not a core
 * partner, so that it can neither sign in nor see partnership records. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/clock.h"
#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/area.h"
#include "domain/audit.h"
#include "store/pg.h"

#define AREAS_FILE_MAX	(64 * 1024 * 1024)
#define AREAS_MAP_MAX	64
#define AREAS_NAME_MAX	200
#define AREAS_LINE_MAX	256

/* Upserts one feature into TABLE by code: $1 agency id, $2 code, $3 name,
 * $4 the GeoJSON geometry. An unchanged row is not rewritten. Returns
 * whether the geometry was valid and why not, whether it is empty once
 * repaired, whether it lies within longitude/latitude bounds, and NULL
 * (unchanged or not written), true (new) or false (changed). */
#define AREAS_UPSERT(table) \
	"WITH src AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($4), 4326) AS g), " \
	"chk AS (SELECT g, ST_IsValidDetail(g) AS v FROM src), " \
	"fixed AS (SELECT (v).valid AS valid, coalesce((v).reason, '') AS reason, " \
	"  ST_Multi(ST_CollectionExtract(CASE WHEN (v).valid THEN g " \
	"  ELSE ST_MakeValid(g) END, 3)) AS g FROM chk), " \
	"ok AS (SELECT *, NOT ST_IsEmpty(g) AS filled, " \
	"  ST_XMin(g) >= -180 AND ST_XMax(g) <= 180 AND ST_YMin(g) >= -90 " \
	"  AND ST_YMax(g) <= 90 AS lonlat FROM fixed), " \
	"up AS (INSERT INTO " table " (agency_id, code, name, geom) " \
	"  SELECT $1::bigint, $2, $3, g FROM ok WHERE filled AND lonlat " \
	"  ON CONFLICT (agency_id, code) WHERE retired_at IS NULL DO UPDATE SET " \
	"  name = EXCLUDED.name, geom = EXCLUDED.geom " \
	"  WHERE " table ".name <> EXCLUDED.name " \
	"  OR NOT ST_OrderingEquals(" table ".geom, EXCLUDED.geom) " \
	"  RETURNING xmax = 0 AS inserted) " \
	"SELECT valid, reason, filled, lonlat, (SELECT inserted FROM up) FROM ok"

static const struct pg_stmt stmts[] = {
	{ "areas_agency", "SELECT id, kind FROM agency WHERE code = $1" },
	{ "areas_council_add",
	  "INSERT INTO agency (code, name, kind, core_partner, active) "
	  "VALUES ($1, $2, 'local_authority', false, false) "
	  "ON CONFLICT (code) DO NOTHING RETURNING id" },
	{ "areas_beat_upsert", AREAS_UPSERT("beat") },
	{ "areas_la_area_upsert", AREAS_UPSERT("la_area") },
};

static const struct pg_stmts areas_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------------
 * import: the command line */

/* --area-agency AREA=CODE, or CODE alone (area NULL) for every other area. */
struct agency_map {
	const char	*area;
	const char	*agency;
	int		 used;
};

struct import_args {
	const char		*file;
	int			 beats;		/* 1: beats, 0: council areas */
	const char		*code_field, *name_field;
	struct agency_map	 map[AREAS_MAP_MAX];
	size_t			 nmap;
	int			 create_councils;
};

/* An agency the import has looked up or created. */
struct agency_seen {
	char		 code[40];
	long long	 id;
};

struct import {
	struct import_args	*args;
	struct pg		*pg;
	struct agency_seen	*seen;		/* at most one per feature */
	size_t			 nseen, maxseen;
	struct json_object	*created;	/* agencies created: audit and report */
	int			 nnew, nchanged, nsame, nrepaired;
	struct json_object	*changed_codes;
};

static int
areas_usage(void)
{
	fprintf(stderr,
	    "usage: concordctl areas import --beats FILE --beat-agency CODE "
	    "--code-field FIELD --name-field FIELD\n"
	    "       concordctl areas import --areas FILE [--area-agency CODE] "
	    "[--area-agency AREA=CODE ...]\n"
	    "                 [--create-councils] --code-field FIELD --name-field FIELD\n"
	    "       concordctl areas locate LON LAT\n"
	    "       concordctl areas locate -     (\"LON LAT\" lines on standard input)\n");
	return 2;
}

/* Reads import's options into *a. Returns 0, or 2 after a message. */
static int
import_args_read(int argc, char *argv[], struct import_args *a)
{
	static const struct option opts[] = {
		{ "beats",		required_argument, NULL, 'b' },
		{ "areas",		required_argument, NULL, 'a' },
		{ "beat-agency",	required_argument, NULL, 'B' },
		{ "area-agency",	required_argument, NULL, 'A' },
		{ "code-field",		required_argument, NULL, 'c' },
		{ "name-field",		required_argument, NULL, 'n' },
		{ "create-councils",	no_argument, NULL, 'C' },
		{ NULL,			0, NULL, 0 },
	};
	const char *beat_agency = NULL, *areas = NULL, *beats = NULL;
	char *eq;
	size_t i;
	int c;

	memset(a, 0, sizeof(*a));
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'b': beats = optarg; break;
		case 'a': areas = optarg; break;
		case 'B': beat_agency = optarg; break;
		case 'c': a->code_field = optarg; break;
		case 'n': a->name_field = optarg; break;
		case 'C': a->create_councils = 1; break;
		case 'A':
			if (a->nmap == AREAS_MAP_MAX) {
				fprintf(stderr, "concordctl: at most %d --area-agency\n",
				    AREAS_MAP_MAX);
				return 2;
			}
			/* AREA=CODE: the equals sign is cut out of argv. */
			if ((eq = strchr(optarg, '=')) != NULL) {
				*eq = '\0';
				a->map[a->nmap].area = optarg;
				a->map[a->nmap].agency = eq + 1;
			} else
				a->map[a->nmap].agency = optarg;
			if ((eq != NULL && *optarg == '\0') ||
			    *a->map[a->nmap].agency == '\0') {
				fprintf(stderr, "concordctl: --area-agency wants CODE "
				    "or AREA=CODE\n");
				return 2;
			}
			a->nmap++;
			break;
		default:
			return areas_usage();
		}
	if (optind != argc || (beats == NULL) == (areas == NULL) ||
	    a->code_field == NULL || a->name_field == NULL)
		return areas_usage();
	a->beats = beats != NULL;
	a->file = a->beats ? beats : areas;
	if (a->beats) {
		if (beat_agency == NULL || a->nmap > 0 || a->create_councils) {
			fprintf(stderr, "concordctl: beats take one --beat-agency "
			    "(the police force) and no --area-agency or "
			    "--create-councils\n");
			return 2;
		}
		a->map[0].agency = beat_agency;
		a->nmap = 1;
		return 0;
	}
	if (beat_agency != NULL) {
		fprintf(stderr, "concordctl: --beat-agency is for --beats; council "
		    "areas take --area-agency\n");
		return 2;
	}
	for (i = 0, c = 0; i < a->nmap; i++)
		c += a->map[i].area == NULL;
	if (c > 1) {
		fprintf(stderr, "concordctl: only one --area-agency CODE without "
		    "AREA= (the agency for every other area)\n");
		return 2;
	}
	if (a->nmap == 0 && !a->create_councils) {
		fprintf(stderr, "concordctl: say whose areas these are: "
		    "--area-agency CODE, --area-agency AREA=CODE or --create-councils\n");
		return 2;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * import: reading and checking the file */

/* Reads and parses path. Returns the JSON, or NULL after a message. */
static struct json_object *
geojson_read(const char *path)
{
	struct json_tokener *tok = NULL;
	struct json_object *o = NULL;
	enum json_tokener_error jerr;
	struct stat st;
	char *text = NULL;
	size_t len = 0, at, line, k;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0 || st.st_size > AREAS_FILE_MAX) {
		fprintf(stderr, "concordctl: %s: %s\n", path, !S_ISREG(st.st_mode) ?
		    "not a regular file" : st.st_size == 0 ? "the file is empty" :
		    "larger than 64 MB: split it");
		goto out;
	}
	if ((text = malloc((size_t)st.st_size + 1)) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		goto out;
	}
	while (len < (size_t)st.st_size &&
	    (n = read(fd, text + len, (size_t)st.st_size - len)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
			goto out;
		}
		len += (size_t)n;
	}
	text[len] = '\0';
	if ((tok = json_tokener_new()) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		goto out;
	}
	o = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	at = json_tokener_get_parse_end(tok);
	if (jerr == json_tokener_success)
		while (at < len && isspace((unsigned char)text[at]))
			at++;
	if (jerr != json_tokener_success || o == NULL || at < len) {
		for (line = 1, k = 0; k < at && k < len; k++)
			line += text[k] == '\n';
		fprintf(stderr, "concordctl: %s: not valid JSON (line %zu): %s\n",
		    path, line, jerr == json_tokener_success ?
		    (o == NULL ? "no value" : "more after the end of the value") :
		    jerr == json_tokener_continue ? "the file ends too soon" :
		    json_tokener_error_desc(jerr));
		json_object_put(o);
		o = NULL;
	}
out:
	if (tok != NULL)
		json_tokener_free(tok);
	free(text);
	if (fd != -1)
		close(fd);
	return o;
}

/* A member of o that is a string (or a number, given as text), or NULL. */
static const char *
member_text(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	if (json_object_is_type(v, json_type_string) ||
	    json_object_is_type(v, json_type_int))
		return json_object_get_string(v);
	return NULL;
}

/* The FeatureCollection's features, or NULL after a message. A "crs" other
 * than longitude/latitude (WGS 84) is refused: PostGIS would take, say,
 * British National Grid metres for degrees. */
static struct json_object *
features_of(const char *path, struct json_object *doc)
{
	struct json_object *features, *crs, *props;
	const char *type = NULL, *name;

	if (json_object_is_type(doc, json_type_object))
		type = member_text(doc, "type");
	if (type == NULL || strcmp(type, "FeatureCollection") != 0 ||
	    !json_object_object_get_ex(doc, "features", &features) ||
	    !json_object_is_type(features, json_type_array)) {
		fprintf(stderr, "concordctl: %s: not a GeoJSON FeatureCollection "
		    "(an object with \"type\": \"FeatureCollection\" and a "
		    "\"features\" list)\n", path);
		return NULL;
	}
	if (json_object_object_get_ex(doc, "crs", &crs) && crs != NULL) {
		name = NULL;
		if (json_object_object_get_ex(crs, "properties", &props))
			name = member_text(props, "name");
		if (name == NULL || (strstr(name, "CRS84") == NULL &&
		    strstr(name, "4326") == NULL)) {
			fprintf(stderr, "concordctl: %s: coordinates are in %s, not "
			    "longitude and latitude (WGS 84): convert the file first, "
			    "e.g. ogr2ogr -t_srs EPSG:4326 out.geojson %s\n", path,
			    name != NULL ? name : "an unnamed system", path);
			return NULL;
		}
	}
	if (json_object_array_length(features) == 0) {
		fprintf(stderr, "concordctl: %s: the FeatureCollection has no "
		    "features\n", path);
		return NULL;
	}
	return features;
}

/* One feature, checked: its code, name and geometry (as GeoJSON text). */
struct feature {
	size_t		 n;		/* 1-based, for messages */
	const char	*code;
	const char	*name;
	const char	*geometry;
};

/* "feature 3 (E05009290 Bassishaw)", as far as the feature says. */
static void
feature_label(const struct feature *f, char *out, size_t len)
{
	if (f->code != NULL && f->name != NULL)
		snprintf(out, len, "feature %zu (%s %s)", f->n, f->code, f->name);
	else if (f->code != NULL)
		snprintf(out, len, "feature %zu (%s)", f->n, f->code);
	else
		snprintf(out, len, "feature %zu", f->n);
}

/* Checks the i'th feature and fills *f. Returns 0, or -1 after a message
 * naming the feature. */
static int
feature_read(const struct import_args *a, struct json_object *features,
    size_t i, struct feature *f)
{
	struct json_object *o = json_object_array_get_idx(features, i);
	struct json_object *props = NULL, *geom = NULL;
	const char *type = NULL, *gtype = NULL, *why = NULL;
	char what[AREA_CODE_MAX + AREAS_NAME_MAX + 32];

	memset(f, 0, sizeof(*f));
	f->n = i + 1;
	if (json_object_is_type(o, json_type_object))
		type = member_text(o, "type");
	if (type == NULL || strcmp(type, "Feature") != 0)
		why = "is not a GeoJSON Feature";
	else if (!json_object_object_get_ex(o, "properties", &props) ||
	    !json_object_is_type(props, json_type_object))
		why = "has no properties";
	else {
		f->code = member_text(props, a->code_field);
		f->name = member_text(props, a->name_field);
		if (f->code == NULL || *f->code == '\0')
			why = "has no code (no text in the --code-field property)";
		else if (strlen(f->code) >= AREA_CODE_MAX)
			why = "has a code longer than 63 characters";
		else if (f->name == NULL || *f->name == '\0')
			why = "has no name (no text in the --name-field property)";
		else if (strlen(f->name) > AREAS_NAME_MAX)
			why = "has a name longer than 200 characters";
		else if (!json_object_object_get_ex(o, "geometry", &geom) ||
		    !json_object_is_type(geom, json_type_object) ||
		    (gtype = member_text(geom, "type")) == NULL)
			why = "has no geometry";
		else if (strcmp(gtype, "Polygon") != 0 &&
		    strcmp(gtype, "MultiPolygon") != 0)
			why = "is not a Polygon or MultiPolygon";
	}
	if (why != NULL) {
		feature_label(f, what, sizeof(what));
		fprintf(stderr, "concordctl: %s: %s %s\n", a->file, what, why);
		if (props != NULL && (f->code == NULL || f->name == NULL))
			fprintf(stderr, "concordctl: its properties are %s\n",
			    json_object_to_json_string_ext(props, JSON_C_TO_STRING_PLAIN));
		return -1;
	}
	f->geometry = json_object_to_json_string_ext(geom, JSON_C_TO_STRING_PLAIN);
	if (f->geometry == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * import: agencies */

/* The agency code for a new council's area: "Tower Hamlets" gives
 * "tower-hamlets-council". */
static void
council_code(const char *name, char *out, size_t len)
{
	size_t n = 0, max = len - sizeof("-council");
	int dash = 0;

	for (; *name != '\0' && n < max && n < 24; name++) {
		if (*name == '\'')
			continue;	/* "King's Lynn": kings-lynn */
		if (isalnum((unsigned char)*name)) {
			if (dash && n > 0)
				out[n++] = '-';
			if (n < max)
				out[n++] = (char)tolower((unsigned char)*name);
			dash = 0;
		} else
			dash = 1;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	snprintf(out + n, len - n, "%s", n > 0 ? "-council" : "council");
}

/* The id of the agency for feature f, looked up once per code (or created,
 * for --create-councils). Returns it, or -1 after a message. */
static long long
agency_for(struct import *im, const struct feature *f)
{
	struct import_args *a = im->args;
	const char *code = NULL, *want = a->beats ? "police" : "local_authority";
	char made[40], name[AREAS_NAME_MAX + 16], what[AREA_CODE_MAX + AREAS_NAME_MAX + 32];
	const char *p[2];
	struct agency_seen *s;
	struct json_object *c;
	PGresult *res;
	size_t i;
	int ok, derived = 0;

	for (i = 0; i < a->nmap && code == NULL; i++)
		if (a->map[i].area != NULL && strcmp(a->map[i].area, f->code) == 0) {
			code = a->map[i].agency;
			a->map[i].used = 1;
		}
	for (i = 0; i < a->nmap && code == NULL; i++)
		if (a->map[i].area == NULL)
			code = a->map[i].agency;
	if (code == NULL) {
		council_code(f->name, made, sizeof(made));
		code = made;
		derived = 1;
	}
	feature_label(f, what, sizeof(what));
	for (i = 0; i < im->nseen; i++)
		if (strcmp(im->seen[i].code, code) == 0)
			return im->seen[i].id;
	if (im->nseen == im->maxseen || strlen(code) >= sizeof(s->code)) {
		fprintf(stderr, "concordctl: %s: %s: agency code %s is too long\n",
		    a->file, what, code);
		return -1;
	}
	s = &im->seen[im->nseen];
	memset(s, 0, sizeof(*s));
	snprintf(s->code, sizeof(s->code), "%s", code);
	p[0] = code;
	if ((res = pg_exec(im->pg, "areas_agency", 1, p)) == NULL)
		goto dberr;
	if (PQntuples(res) == 1) {
		s->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		ok = strcmp(PQgetvalue(res, 0, 1), want) == 0;
		if (!ok)
			fprintf(stderr, "concordctl: %s: %s: agency %s is a %s "
			    "agency; %s belong to a %s agency\n", a->file, what, code,
			    PQgetvalue(res, 0, 1), a->beats ? "beats" : "council areas",
			    want);
		PQclear(res);
		if (!ok)
			return -1;
	} else {
		PQclear(res);
		if (!derived) {
			fprintf(stderr, "concordctl: %s: %s: there is no agency %s%s\n",
			    a->file, what, code, a->beats ? "" : " (create it first, "
			    "or use --create-councils for councils outside the "
			    "partnership)");
			return -1;
		}
		if (!a->create_councils) {
			fprintf(stderr, "concordctl: %s: %s has no agency: give "
			    "--area-agency %s=CODE, or --create-councils to create %s\n",
			    a->file, what, f->code, made);
			return -1;
		}
		snprintf(name, sizeof(name), "%s Council", f->name);
		p[1] = name;
		if ((res = pg_exec(im->pg, "areas_council_add", 2, p)) == NULL)
			goto dberr;
		/* Inside our transaction no one else can have added it since. */
		ok = PQntuples(res) == 1;
		if (ok)
			s->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
		if (!ok) {
			fprintf(stderr, "concordctl: agency %s appeared during the "
			    "import: run it again\n", code);
			return -1;
		}
		c = json_object_new_object();
		json_object_object_add(c, "id", json_object_new_int64(s->id));
		json_object_object_add(c, "code", json_object_new_string(code));
		json_object_object_add(c, "name", json_object_new_string(name));
		json_object_object_add(c, "kind", json_object_new_string("local_authority"));
		json_object_object_add(c, "core_partner", json_object_new_boolean(0));
		json_object_object_add(c, "active", json_object_new_boolean(0));
		json_object_array_add(im->created, c);
	}
	im->nseen++;
	return s->id;
dberr:
	fprintf(stderr, "concordctl: %s\n", pg_error(im->pg));
	return -1;
}

/* ------------------------------------------------------------------------
 * import: writing */

/* Upserts feature f. Returns 0, or -1 after a message naming it. */
static int
feature_write(struct import *im, const struct feature *f)
{
	const struct import_args *a = im->args;
	char agency[24], what[AREA_CODE_MAX + AREAS_NAME_MAX + 32];
	const char *p[4] = { agency, f->code, f->name, f->geometry };
	long long id;
	PGresult *res;
	int rc = -1;

	if ((id = agency_for(im, f)) == -1)
		return -1;
	snprintf(agency, sizeof(agency), "%lld", id);
	feature_label(f, what, sizeof(what));
	res = pg_exec(im->pg, a->beats ? "areas_beat_upsert" : "areas_la_area_upsert",
	    4, p);
	if (res == NULL) {
		fprintf(stderr, "concordctl: %s: %s: %s\n", a->file, what,
		    pg_error(im->pg));
		return -1;
	}
	if (strcmp(PQgetvalue(res, 0, 2), "t") != 0)
		fprintf(stderr, "concordctl: %s: %s: the geometry has no area%s%s\n",
		    a->file, what, *PQgetvalue(res, 0, 1) ? ": " : "",
		    PQgetvalue(res, 0, 1));
	else if (strcmp(PQgetvalue(res, 0, 3), "t") != 0)
		fprintf(stderr, "concordctl: %s: %s: coordinates are not longitude "
		    "and latitude (is the file in British National Grid? convert "
		    "it with ogr2ogr -t_srs EPSG:4326)\n", a->file, what);
	else {
		if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
			im->nrepaired++;
			printf("%s: invalid geometry (%s) repaired with "
			    "ST_MakeValid\n", what, PQgetvalue(res, 0, 1));
		}
		if (PQgetisnull(res, 0, 4))
			im->nsame++;
		else {
			if (strcmp(PQgetvalue(res, 0, 4), "t") == 0)
				im->nnew++;
			else
				im->nchanged++;
			json_object_array_add(im->changed_codes,
			    json_object_new_string(f->code));
		}
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/* The audit rows: one per agency created, one for the import if it
 * changed anything. Returns 0 or -1. */
static int
import_audit(struct import *im, const char *table)
{
	struct actor system = { .request_id = "concordctl" };
	struct json_object *after, *c, *v;
	char id[24];
	size_t i;
	int rc;

	for (i = 0; i < json_object_array_length(im->created); i++) {
		c = json_object_array_get_idx(im->created, i);
		json_object_object_get_ex(c, "id", &v);
		snprintf(id, sizeof(id), "%lld", (long long)json_object_get_int64(v));
		if (audit_append(im->pg, &system, "agency", id, "create", NULL, c,
		    "concordctl areas import --create-councils") == -1)
			return -1;
	}
	if (im->nnew + im->nchanged == 0)
		return 0;
	if (im->args->beats && im->nseen == 1)
		system.agency_id = im->seen[0].id;
	after = json_object_new_object();
	json_object_object_add(after, "file", json_object_new_string(im->args->file));
	json_object_object_add(after, "new", json_object_new_int(im->nnew));
	json_object_object_add(after, "changed", json_object_new_int(im->nchanged));
	json_object_object_add(after, "unchanged", json_object_new_int(im->nsame));
	json_object_object_add(after, "codes", json_object_get(im->changed_codes));
	rc = audit_append(im->pg, &system, table, NULL, "import", NULL, after,
	    "concordctl areas import");
	json_object_put(after);
	return rc;
}

/* Checks every feature, then writes them all in one transaction. Returns
 * 0, or -1 after a message with nothing written. */
static int
import_run(struct import *im, struct json_object *features)
{
	const struct import_args *a = im->args;
	struct feature *fs;
	size_t i, j, n = json_object_array_length(features);
	int rc = -1;

	fs = calloc(n, sizeof(*fs));
	im->seen = calloc(n, sizeof(*im->seen));
	im->maxseen = n;
	if (fs == NULL || im->seen == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (feature_read(a, features, i, &fs[i]) == -1)
			goto out;
		for (j = 0; j < i; j++)
			if (strcmp(fs[j].code, fs[i].code) == 0) {
				fprintf(stderr, "concordctl: %s: feature %zu (%s %s) "
				    "has the same code as feature %zu (%s)\n", a->file,
				    fs[i].n, fs[i].code, fs[i].name, fs[j].n, fs[j].name);
				goto out;
			}
	}
	if (pg_begin(im->pg) == -1) {
		fprintf(stderr, "concordctl: %s\n", pg_error(im->pg));
		goto out;
	}
	for (i = 0; i < n; i++)
		if (feature_write(im, &fs[i]) == -1)
			goto rollback;
	for (i = 0; i < a->nmap; i++)
		if (a->map[i].area != NULL && !a->map[i].used) {
			fprintf(stderr, "concordctl: %s: no feature has code %s "
			    "(--area-agency %s=%s)\n", a->file, a->map[i].area,
			    a->map[i].area, a->map[i].agency);
			goto rollback;
		}
	if (import_audit(im, a->beats ? "beat" : "la_area") == -1) {
		fprintf(stderr, "concordctl: cannot write the audit row: %s\n",
		    pg_error(im->pg));
		goto rollback;
	}
	if (pg_commit(im->pg) == -1) {
		fprintf(stderr, "concordctl: %s\n", pg_error(im->pg));
		goto out;
	}
	rc = 0;
	goto out;
rollback:
	pg_rollback(im->pg);
out:
	free(fs);
	free(im->seen);
	im->seen = NULL;
	return rc;
}

/* concordctl areas import ... (as db_admin) */
static int
areas_import(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &areas_statements, &audit_statements };
	struct import_args args;
	struct import im;
	struct json_object *doc, *features, *c, *v;
	double t0 = clock_ms();
	size_t i;
	int rc;

	if ((rc = import_args_read(argc, argv, &args)) != 0)
		return rc;
	if (cfg->db_admin[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db_admin is not set\n", cfg->path);
		return 1;
	}
	if ((doc = geojson_read(args.file)) == NULL)
		return 1;
	if ((features = features_of(args.file, doc)) == NULL) {
		json_object_put(doc);
		return 1;
	}
	memset(&im, 0, sizeof(im));
	im.args = &args;
	im.created = json_object_new_array();
	im.changed_codes = json_object_new_array();
	if (im.created == NULL || im.changed_codes == NULL ||
	    (im.pg = pg_open(cfg->db_admin, sets, NELEM(sets))) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		rc = 1;
		goto out;
	}
	rc = import_run(&im, features) == 0 ? 0 : 1;
	if (rc == 0) {
		for (i = 0; i < json_object_array_length(im.created); i++) {
			c = json_object_array_get_idx(im.created, i);
			json_object_object_get_ex(c, "code", &v);
			printf("created agency %s", json_object_get_string(v));
			json_object_object_get_ex(c, "name", &v);
			printf(" (%s): a local authority, inactive and not a core "
			    "partner\n", json_object_get_string(v));
		}
		i = json_object_array_length(features);
		printf("%s: %zu %s%s: %d new, %d changed, %d unchanged, %d repaired "
		    "(%.0f ms)\n", args.file, i, args.beats ? "beat" : "council area",
		    i == 1 ? "" : "s", im.nnew, im.nchanged, im.nsame, im.nrepaired,
		    clock_ms() - t0);
	} else
		fprintf(stderr, "concordctl: nothing imported\n");
out:
	pg_close(im.pg);
	json_object_put(im.created);
	json_object_put(im.changed_codes);
	json_object_put(doc);
	return rc;
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
