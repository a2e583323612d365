/* concordctl areas import: police beats or council areas from GeoJSON or
 * KML files, as one new version of the areas.
 *
 *   areas import --kind beat|council-area (--code-field F | --code-from-file)
 *                [--name-field F] [--agency CODE] [--area-agency AREA=CODE ...]
 *                [--create-councils] [--team CODE] [--sliver-m2 N] [--check]
 *                FILE...
 *
 * The files (their format told by their first bytes) are read and checked
 * in geo/ with no database; then, in one transaction: the agencies (and,
 * with --create-councils, neighbouring councils), the teams, a new
 * area_import row, the agencies' current areas retired, the new ones
 * inserted (invalid geometry repaired with ST_MakeValid where something
 * polygonal is left), the overlaps and gaps found, and the report kept in
 * area_import.report. Any area that cannot be repaired, any bad file or
 * field: nothing is written. Areas the same as the current ones (code,
 * name, team and geometry): nothing is written either, and the report
 * says so, so that running the same import again is harmless. Retired
 * areas stay: incidents placed in them keep their beat_id and la_area_id.
 *
 * Every council area belongs to an agency: the one --area-agency AREA=CODE
 * names for it, else --agency CODE, else the local authority
 * "<name>-council" ("Tower Hamlets" gives tower-hamlets-council); with
 * --create-councils a missing one is created as "<name> Council",
 * inactive and not a core partner, so that the public form can name the
 * council of a place outside the partnership. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/hex.h"
#include "ctl/areas.h"
#include "ctl/areas_import.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "geo/area_set.h"
#include "store/pg.h"

#define AREAS_FILE_MAX	(64 * 1024 * 1024)
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Statements on beat or la_area, the same but for the table. $1 agency,
 * $2 code, $3 name, $4 team, $5 the GeoJSON geometry, $6 the import:
 * whether it was valid and why not, and whether a row went in (nothing
 * polygonal left after repair: none). */
#define AREAS_INSERT(t) \
	"WITH src AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($5), 4326) AS g), " \
	"chk AS (SELECT g, ST_IsValidDetail(g) AS v FROM src), " \
	"fixed AS (SELECT (v).valid AS valid, coalesce((v).reason || " \
	"  coalesce(' at ' || ST_AsText((v).location), ''), '') AS reason, " \
	"  ST_Multi(ST_CollectionExtract(CASE WHEN (v).valid " \
	"  THEN g ELSE ST_MakeValid(g) END, 3)) AS g FROM chk), " \
	"ins AS (INSERT INTO " t " (agency_id, code, name, team_id, import_id, geom) " \
	"  SELECT $1::bigint, $2, $3, $4::bigint, $6::bigint, g FROM fixed " \
	"  WHERE NOT ST_IsEmpty(g) RETURNING id) " \
	"SELECT valid, reason, EXISTS (SELECT 1 FROM ins) FROM fixed"
#define AREAS_RETIRE(t) \
	"WITH r AS (UPDATE " t " SET retired_at = now() WHERE retired_at IS NULL " \
	"  AND agency_id = ANY($1::bigint[]) RETURNING 1) SELECT count(*) FROM r"
/* (MATERIALIZED: each area and point computed once, not once for each
 * time the query names it.) */
/* Pairs of the import's areas that overlap by $2 m² or more (listed, the
 * largest first), their total, and how many overlap by less (slivers). */
#define AREAS_OVERLAPS(t) \
	"WITH p AS MATERIALIZED (SELECT a.code AS a, b.code AS b, " \
	"  ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS m2 " \
	"  FROM " t " a JOIN " t " b ON b.retired_at IS NULL AND a.id < b.id " \
	"  AND ST_Intersects(a.geom, b.geom) " \
	"  WHERE a.import_id = $1::bigint AND b.import_id = $1::bigint) " \
	"SELECT coalesce(jsonb_agg(jsonb_build_object('a', a, 'b', b, 'm2', " \
	"  round(m2::numeric)) ORDER BY m2 DESC) FILTER (WHERE m2 >= $2::float8), '[]'), " \
	"  round(coalesce(sum(m2) FILTER (WHERE m2 >= $2::float8), 0)::numeric), " \
	"  count(*) FILTER (WHERE m2 > 0 AND m2 < $2::float8) FROM p"
/* Holes in the union of the import's areas (inside its outline), each
 * with a point in it, as for overlaps. */
#define AREAS_GAPS(t) \
	"WITH u AS (SELECT ST_Union(geom) AS g FROM " t " WHERE import_id = $1::bigint), " \
	"d AS (SELECT (ST_Dump(g)).geom AS p FROM u), " \
	"h AS (SELECT ST_MakePolygon(ST_InteriorRingN(p, r)) AS h FROM d, " \
	"  generate_series(1, ST_NumInteriorRings(p)) r), " \
	"m AS MATERIALIZED (SELECT ST_PointOnSurface(h) AS at, ST_Area(h::geography) AS m2 FROM h) " \
	"SELECT coalesce(jsonb_agg(jsonb_build_object('m2', round(m2::numeric), " \
	"  'at', jsonb_build_array(round(ST_X(at)::numeric, 6), round(ST_Y(at)::numeric, 6))) " \
	"  ORDER BY m2 DESC) FILTER (WHERE m2 >= $2::float8), '[]'), " \
	"  round(coalesce(sum(m2) FILTER (WHERE m2 >= $2::float8), 0)::numeric), " \
	"  count(*) FILTER (WHERE m2 < $2::float8) FROM m"
/* Whether the import ($1) has exactly the areas it retired just now from
 * agencies $2, and the import those came from. */
#define AREAS_SAME(t) \
	"SELECT (SELECT count(*) FROM " t " WHERE import_id = $1::bigint) = " \
	"  (SELECT count(*) FROM " t " WHERE retired_at = now() " \
	"  AND agency_id = ANY($2::bigint[])) " \
	"  AND NOT EXISTS (SELECT 1 FROM " t " n WHERE n.import_id = $1::bigint " \
	"  AND NOT EXISTS (SELECT 1 FROM " t " o WHERE o.retired_at = now() " \
	"  AND o.agency_id = n.agency_id AND o.code = n.code AND o.name = n.name " \
	"  AND o.team_id IS NOT DISTINCT FROM n.team_id " \
	"  AND ST_AsBinary(o.geom) = ST_AsBinary(n.geom))), " \
	"  (SELECT max(import_id) FROM " t " WHERE retired_at = now() " \
	"  AND agency_id = ANY($2::bigint[]))"

static const struct pg_stmt stmts[] = {
	{ "areas_import_add",
	  "INSERT INTO area_import (kind, agency_id, file_name, sha256) "
	  "VALUES ($1, $2::bigint, $3, $4) RETURNING id" },
	{ "areas_import_report",
	  "UPDATE area_import SET report = $2::jsonb WHERE id = $1::bigint" },
	{ "areas_beat_insert", AREAS_INSERT("beat") },
	{ "areas_la_area_insert", AREAS_INSERT("la_area") },
	{ "areas_beat_retire", AREAS_RETIRE("beat") },
	{ "areas_la_area_retire", AREAS_RETIRE("la_area") },
	{ "areas_beat_overlaps", AREAS_OVERLAPS("beat") },
	{ "areas_la_area_overlaps", AREAS_OVERLAPS("la_area") },
	{ "areas_beat_gaps", AREAS_GAPS("beat") },
	{ "areas_la_area_gaps", AREAS_GAPS("la_area") },
	{ "areas_beat_same", AREAS_SAME("beat") },
	{ "areas_la_area_same", AREAS_SAME("la_area") },
};

static const struct pg_stmts import_statements = { stmts, NELEM(stmts) };

/* ------------------------------------------------------------------------
 * the command line */

static int
args_fail(const char *why)
{
	fprintf(stderr, "concordctl: %s\n", why);
	return 2;
}

/* Reads import's options into *a. Returns 0, or 2 after a message. */
static int
import_args_read(int argc, char *argv[], struct import_args *a)
{
	static const struct option opts[] = {
		{ "kind",		required_argument, NULL, 'k' },
		{ "code-field",		required_argument, NULL, 'c' },
		{ "code-from-file",	no_argument, NULL, 'F' },
		{ "name-field",		required_argument, NULL, 'n' },
		{ "agency",		required_argument, NULL, 'a' },
		{ "area-agency",	required_argument, NULL, 'A' },
		{ "create-councils",	no_argument, NULL, 'C' },
		{ "team",		required_argument, NULL, 't' },
		{ "sliver-m2",		required_argument, NULL, 's' },
		{ "check",		no_argument, NULL, 'x' },
		{ NULL,			0, NULL, 0 },
	};
	const char *kind = NULL;
	char *eq, *end;
	int c;

	memset(a, 0, sizeof(*a));
	a->sliver_m2 = AREAS_SLIVER_M2;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'k': kind = optarg; break;
		case 'c': a->pick.code_field = optarg; break;
		case 'F': a->pick.code_from_file = 1; break;
		case 'n': a->pick.name_field = optarg; break;
		case 'a': a->agency = optarg; break;
		case 'C': a->create_councils = 1; break;
		case 't': a->team = optarg; break;
		case 'x': a->check = 1; break;
		case 's':
			errno = 0;
			a->sliver_m2 = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    !(a->sliver_m2 >= 0 && a->sliver_m2 < 1e9))
				return args_fail("--sliver-m2 wants square metres "
				    "(0 or more)");
			break;
		case 'A':
			if (a->nmap == AREAS_MAP_MAX)
				return args_fail("at most 64 --area-agency");
			/* AREA=CODE: the equals sign is cut out of argv. */
			if ((eq = strchr(optarg, '=')) == NULL || eq == optarg ||
			    eq[1] == '\0')
				return args_fail("--area-agency wants AREA=CODE (and "
				    "--agency CODE for every other area)");
			*eq = '\0';
			a->map[a->nmap].area = optarg;
			a->map[a->nmap++].agency = eq + 1;
			break;
		default:
			return areas_usage();
		}
	a->files = argv + optind;
	a->nfiles = (size_t)(argc - optind);
	if (kind == NULL || a->nfiles == 0 ||
	    (a->pick.code_field == NULL) == !a->pick.code_from_file)
		return areas_usage();
	if (a->nfiles > AREA_SET_FILES)
		return args_fail("at most 4096 files in one import");
	if (strcmp(kind, "beat") == 0)
		a->beats = 1;
	else if (strcmp(kind, "council-area") != 0)
		return args_fail("--kind is beat or council-area");
	if (a->beats && (a->agency == NULL || a->nmap > 0 || a->create_councils))
		return args_fail("beats take one --agency (the police force) and no "
		    "--area-agency or --create-councils");
	if (!a->beats && a->agency == NULL && a->nmap == 0 && !a->create_councils)
		return args_fail("say whose areas these are: --agency CODE, "
		    "--area-agency AREA=CODE or --create-councils");
	return 0;
}

/* ------------------------------------------------------------------------
 * the files */

/* Reads path whole into a new NUL-terminated buffer. NULL after a message. */
static char *
file_slurp(const char *path, size_t *len)
{
	struct stat st;
	char *text = NULL;
	ssize_t n;
	int fd;

	*len = 0;
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
	while (*len < (size_t)st.st_size &&
	    (n = read(fd, text + *len, (size_t)st.st_size - *len)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
			free(text);
			text = NULL;
			goto out;
		}
		*len += (size_t)n;
	}
	text[*len] = '\0';
out:
	if (fd != -1)
		close(fd);
	return text;
}

/* Reads every file into set and checks it; sha is the SHA-256 of the one
 * file, or of the files' SHA-256s in order. Counts the formats into
 * report. Returns 0, or -1 after a message. */
static int
files_read(const struct import_args *a, struct area_set *set, char sha[65],
    struct json_object *report)
{
	char err[AREA_SET_ERR], *text;
	struct buf shas = { 0 };
	int nformat[3] = { 0, 0, 0 }, rc = -1;
	size_t i, len;

	for (i = 0; i < a->nfiles; i++) {
		if ((text = file_slurp(a->files[i], &len)) == NULL)
			goto out;
		nformat[area_format_sniff(text, len)]++;
		if (sha256_hex(text, len, sha) == -1 ||
		    area_set_read(set, a->files[i], text, len, err, sizeof(err)) == -1) {
			fprintf(stderr, "concordctl: %s\n", err);
			free(text);
			goto out;
		}
		free(text);
		buf_puts(&shas, sha);
	}
	if (shas.oom || (a->nfiles > 1 && sha256_hex(shas.data, shas.len, sha) == -1)) {
		fprintf(stderr, "concordctl: out of memory\n");
		goto out;
	}
	if (area_set_pick(set, &a->pick, err, sizeof(err)) == -1 ||
	    area_set_coords_check(set, err, sizeof(err)) == -1) {
		fprintf(stderr, "concordctl: %s\n", err);
		goto out;
	}
	json_object_object_add(report, "geojson_files", json_object_new_int(nformat[1]));
	json_object_object_add(report, "kml_files", json_object_new_int(nformat[2]));
	json_object_object_add(report, "positions",
	    json_object_new_int64((int64_t)area_set_positions(set)));
	rc = 0;
out:
	buf_free(&shas);
	return rc;
}

/* ------------------------------------------------------------------------
 * agencies and teams */

/* ------------------------------------------------------------------------
 * writing */

/* The import's row (its report comes at the end). Returns its id or -1. */
static long long
import_row_add(struct import *im, const char *sha)
{
	const struct import_args *a = im->args;
	char agency[24], file[512];
	const char *p[4] = { a->beats ? "beat" : "council-area",
	    im->nseen == 1 ? agency : NULL, file, sha };
	PGresult *res;
	long long id;

	snprintf(agency, sizeof(agency), "%lld", im->seen[0].id);
	if (a->nfiles == 1)
		snprintf(file, sizeof(file), "%s", a->files[0]);
	else
		snprintf(file, sizeof(file), "%s and %zu more", a->files[0],
		    a->nfiles - 1);
	if ((res = pg_exec(im->pg, "areas_import_add", 4, p)) == NULL)
		return areas_db_fail(im);
	id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return id;
}

/* The agencies' ids as a SQL array, "{1,2}". */
static void
agency_array(const struct import *im, char *out, size_t len)
{
	size_t i, at = 0;

	for (i = 0; i < im->nseen && at < len; i++)
		at += (size_t)snprintf(out + at, len - at, "%s%lld", i ? "," : "{",
		    im->seen[i].id);
	if (at < len)
		snprintf(out + at, len - at, "}");
}

/* Retires the agencies' current areas; the count into the report. */
static int
areas_retire(struct import *im, const char *table, const char *agencies)
{
	char name[64];
	PGresult *res;

	snprintf(name, sizeof(name), "areas_%s_retire", table);
	if ((res = pg_exec(im->pg, name, 1, &agencies)) == NULL)
		return areas_db_fail(im);
	json_object_object_add(im->report, "retired",
	    json_object_new_int64(strtoll(PQgetvalue(res, 0, 0), NULL, 10)));
	PQclear(res);
	return 0;
}

static struct json_object *
area_json(const struct area_feature *f, const char *reason)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "code", json_object_new_string(f->code));
	json_object_object_add(o, "name", json_object_new_string(f->name));
	json_object_object_add(o, "file", json_object_new_string(f->file));
	json_object_object_add(o, "reason", json_object_new_string(reason));
	return o;
}

/* Inserts every area, the repaired and the refused into the report.
 * Returns how many were refused, or -1 after a message. */
static int
areas_insert(struct import *im, const char *table, long long import_id)
{
	struct json_object *repaired = json_object_new_array();
	struct json_object *refused = json_object_new_array();
	char stmt[64], agency[24], team[24], imp[24], what[AREA_SET_ERR];
	const char *p[6] = { agency, NULL, NULL, team, NULL, imp };
	struct buf geom = { 0 };
	struct area_feature *f;
	PGresult *res;
	size_t i;
	int nrefused = 0;

	json_object_object_add(im->report, "repaired", repaired);
	json_object_object_add(im->report, "refused", refused);
	snprintf(stmt, sizeof(stmt), "areas_%s_insert", table);
	snprintf(imp, sizeof(imp), "%lld", import_id);
	for (i = 0; i < im->set->n; i++) {
		f = &im->set->f[i];
		buf_reset(&geom);
		if (area_feature_geojson(f, &geom) == -1) {
			fprintf(stderr, "concordctl: out of memory\n");
			nrefused = -1;
			break;
		}
		snprintf(agency, sizeof(agency), "%lld", im->agency_of[i]);
		snprintf(team, sizeof(team), "%lld", im->team_of[i]);
		p[1] = f->code;
		p[2] = f->name;
		p[3] = im->team_of[i] ? team : NULL;
		p[4] = buf_cstr(&geom);
		if ((res = pg_exec(im->pg, stmt, 6, p)) == NULL) {
			area_feature_label(f, what, sizeof(what));
			fprintf(stderr, "concordctl: %s: %s\n", what, pg_error(im->pg));
			nrefused = -1;
			break;
		}
		if (strcmp(PQgetvalue(res, 0, 2), "t") != 0) {
			json_object_array_add(refused, area_json(f, PQgetvalue(res, 0, 1)));
			nrefused++;
		} else if (strcmp(PQgetvalue(res, 0, 0), "t") != 0)
			json_object_array_add(repaired, area_json(f, PQgetvalue(res, 0, 1)));
		PQclear(res);
	}
	buf_free(&geom);
	return nrefused;
}

/* Runs an overlaps or gaps statement into the report as key (the list),
 * key_m2 (the total) and key_slivers. Returns 0 or -1. */
static int
areas_found(struct import *im, const char *table, const char *what,
    long long import_id)
{
	char stmt[64], imp[24], sliver[32], key[32];
	const char *p[2] = { imp, sliver };
	PGresult *res;

	snprintf(stmt, sizeof(stmt), "areas_%s_%s", table, what);
	snprintf(imp, sizeof(imp), "%lld", import_id);
	snprintf(sliver, sizeof(sliver), "%.17g", im->args->sliver_m2);
	if ((res = pg_exec(im->pg, stmt, 2, p)) == NULL)
		return areas_db_fail(im);
	json_object_object_add(im->report, what,
	    json_tokener_parse(PQgetvalue(res, 0, 0)));
	snprintf(key, sizeof(key), "%s_m2", what);
	json_object_object_add(im->report, key,
	    json_object_new_int64(strtoll(PQgetvalue(res, 0, 1), NULL, 10)));
	snprintf(key, sizeof(key), "%s_slivers", what);
	json_object_object_add(im->report, key,
	    json_object_new_int64(strtoll(PQgetvalue(res, 0, 2), NULL, 10)));
	PQclear(res);
	return 0;
}

/* Whether the new areas are the ones just retired: 1 (the import id they
 * came from into the report as "same_as"), 0, or -1. */
static int
areas_same(struct import *im, const char *table, long long import_id,
    const char *agencies)
{
	char stmt[64], imp[24];
	const char *p[2] = { imp, agencies };
	PGresult *res;
	int same;

	snprintf(stmt, sizeof(stmt), "areas_%s_same", table);
	snprintf(imp, sizeof(imp), "%lld", import_id);
	if ((res = pg_exec(im->pg, stmt, 2, p)) == NULL)
		return areas_db_fail(im);
	same = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	if (same)
		json_object_object_add(im->report, "same_as", PQgetisnull(res, 0, 1) ?
		    NULL : json_object_new_int64(strtoll(PQgetvalue(res, 0, 1), NULL, 10)));
	PQclear(res);
	return same;
}

/* The audit rows: one per agency created, one for the import. */
static int
import_audit(struct import *im, const char *table, long long import_id)
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
			return areas_db_fail(im);
	}
	if (im->nseen == 1)
		system.agency_id = im->seen[0].id;
	after = json_object_new_object();
	json_object_object_add(after, "import_id", json_object_new_int64(import_id));
	json_object_object_add(after, "files", json_object_get(
	    json_object_object_get(im->report, "files")));
	json_object_object_add(after, "areas", json_object_new_int64((int64_t)im->set->n));
	json_object_object_add(after, "retired", json_object_get(
	    json_object_object_get(im->report, "retired")));
	snprintf(id, sizeof(id), "%lld", import_id);
	rc = audit_append(im->pg, &system, table, id, "import", NULL, after,
	    "concordctl areas import");
	json_object_put(after);
	return rc == -1 ? areas_db_fail(im) : 0;
}

/* The report's opening: what was asked. */
static void
report_start(struct import *im)
{
	const struct import_args *a = im->args;
	struct json_object *files = json_object_new_array();
	size_t i;

	json_object_object_add(im->report, "kind",
	    json_object_new_string(a->beats ? "beat" : "council-area"));
	for (i = 0; i < a->nfiles; i++)
		json_object_array_add(files, json_object_new_string(a->files[i]));
	json_object_object_add(im->report, "files", files);
	json_object_object_add(im->report, "sliver_m2", json_object_new_double(a->sliver_m2));
}

/* The report's end: agencies, teams and time. */
static void
report_end(struct import *im)
{
	struct json_object *ag = json_object_new_array(), *teams = json_object_new_object();
	size_t i;

	json_object_object_add(im->report, "areas", json_object_new_int64((int64_t)im->set->n));
	for (i = 0; i < im->nseen; i++)
		json_object_array_add(ag, json_object_new_string(im->seen[i].code));
	json_object_object_add(im->report, "agencies", ag);
	json_object_object_add(im->report, "agencies_created", json_object_get(im->created));
	json_object_object_add(teams, "created", json_object_get(im->teams_created));
	json_object_object_add(teams, "reused", json_object_new_int(im->teams_reused));
	json_object_object_add(teams, "areas", json_object_new_int(im->with_team));
	json_object_object_add(teams, "team", im->args->team != NULL ?
	    json_object_new_string(im->args->team) : NULL);
	json_object_object_add(teams, "none", json_object_get(im->no_team));
	json_object_object_add(im->report, "teams", teams);
	json_object_object_add(im->report, "ms", json_object_new_int64((int64_t)(clock_ms() - im->t0)));
}

/* The transaction: everything above, then the report kept with the
 * import. Returns 0; -1 after a message, or -2 when areas could not be
 * repaired (the report says which), with nothing written. */
static int
import_write(struct import *im, const char *sha)
{
	const char *table = im->args->beats ? "beat" : "la_area";
	char agencies[AREAS_MAP_MAX * 24 + 64], imp[24];
	const char *p[2] = { imp, NULL };
	long long import_id;
	int refused, same = 0;

	/* Overlaps and gaps among a large force's areas may take longer
	 * than the 10 s a web request is allowed; compiling them (JIT, for
	 * PostGIS's large cost estimates) takes longer than running them. */
	if (pg_begin(im->pg) == -1)
		return areas_db_fail(im);
	if (pg_simple(im->pg, "SET LOCAL statement_timeout = '10min'; SET LOCAL jit = off") == -1) {
		areas_db_fail(im);
		goto rollback;
	}
	if (areas_owners(im) == -1 || (import_id = import_row_add(im, sha)) == -1)
		goto rollback;
	agency_array(im, agencies, sizeof(agencies));
	json_object_object_add(im->report, "import_id", json_object_new_int64(import_id));
	if (areas_retire(im, table, agencies) == -1 ||
	    (refused = areas_insert(im, table, import_id)) == -1)
		goto rollback;
	if (refused > 0) {
		pg_rollback(im->pg);
		report_end(im);
		return -2;
	}
	if (areas_found(im, table, "overlaps", import_id) == -1 ||
	    areas_found(im, table, "gaps", import_id) == -1 ||
	    (same = areas_same(im, table, import_id, agencies)) == -1)
		goto rollback;
	json_object_object_add(im->report, "unchanged", json_object_new_boolean(same));
	if (same || im->args->check) {
		/* Nothing to keep: the import row and the new rows go too. */
		pg_rollback(im->pg);
		json_object_object_del(im->report, "import_id");
		json_object_object_add(im->report, "written", json_object_new_boolean(0));
		report_end(im);
		return 0;
	}
	json_object_object_add(im->report, "written", json_object_new_boolean(1));
	report_end(im);
	snprintf(imp, sizeof(imp), "%lld", import_id);
	p[1] = json_object_to_json_string_ext(im->report, JSON_C_TO_STRING_PLAIN);
	if (pg_exec_ok(im->pg, "areas_import_report", 2, p) == -1) {
		areas_db_fail(im);
		goto rollback;
	}
	if (import_audit(im, table, import_id) == -1)
		goto rollback;
	if (pg_commit(im->pg) == -1)
		return areas_db_fail(im);
	return 0;
rollback:
	pg_rollback(im->pg);
	return -1;
}

/* ------------------------------------------------------------------------
 * the command */

int
areas_import(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &import_statements,
	    &areas_owner_statements, &audit_statements };
	struct import_args args;
	struct area_set set;
	struct import im;
	char sha[65];
	int rc;

	if ((rc = import_args_read(argc, argv, &args)) != 0)
		return rc;
	if (cfg->db_admin[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db_admin is not set\n", cfg->path);
		return 1;
	}
	memset(&im, 0, sizeof(im));
	if (area_set_init(&set) == -1) {
		fprintf(stderr, "concordctl: out of memory\n");
		return 1;
	}
	im.args = &args;
	im.set = &set;
	im.t0 = clock_ms();
	im.report = json_object_new_object();
	im.created = json_object_new_array();
	im.teams_created = json_object_new_array();
	im.no_team = json_object_new_array();
	report_start(&im);
	rc = 1;
	if (files_read(&args, &set, sha, im.report) == -1)
		goto out;
	im.seen = calloc(set.n, sizeof(*im.seen));
	im.agency_of = calloc(set.n, sizeof(*im.agency_of));
	im.team_of = calloc(set.n, sizeof(*im.team_of));
	im.team_code = calloc(set.n, sizeof(*im.team_code));
	if (im.seen == NULL || im.agency_of == NULL || im.team_of == NULL ||
	    im.team_code == NULL || (im.pg = pg_open(cfg->db_admin, sets, NELEM(sets))) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		goto out;
	}
	if ((rc = import_write(&im, sha)) != -1)
		areas_report_print(stdout, im.report, 20);
	if (rc == -2)
		fprintf(stderr, "concordctl: %zu area%s could not be repaired (nothing "
		    "polygonal is left after ST_MakeValid): fix the file\n",
		    json_object_array_length(json_object_object_get(im.report, "refused")),
		    json_object_array_length(json_object_object_get(im.report,
		    "refused")) == 1 ? "" : "s");
	rc = rc == 0 ? 0 : 1;
out:
	if (rc != 0)
		fprintf(stderr, "concordctl: nothing imported\n");
	pg_close(im.pg);
	free(im.seen);
	free(im.agency_of);
	free(im.team_of);
	free((void *)im.team_code);
	json_object_put(im.report);
	json_object_put(im.created);
	json_object_put(im.teams_created);
	json_object_put(im.no_team);
	area_set_free(&set);
	return rc;
}
