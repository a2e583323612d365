/* What an areas import found, for a person to read: the JSON kept in
 * area_import.report (ctl/areas_import.c makes it), line by line. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "ctl/areas.h"

static long long
num(struct json_object *r, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(r, key, &v) ? json_object_get_int64(v) : 0;
}

static struct json_object *
list(struct json_object *r, const char *key)
{
	struct json_object *v;

	if (json_object_object_get_ex(r, key, &v) && json_object_is_type(v, json_type_array))
		return v;
	return NULL;
}

static const char *
text(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v != NULL ?
	    json_object_get_string(v) : "";
}

static size_t
len_of(struct json_object *a)
{
	return a != NULL ? json_object_array_length(a) : 0;
}

/* "12,345": square metres are easier read with thousands marked. */
static const char *
grouped(long long n, char *out, size_t len)
{
	char digits[32];
	size_t nd, i, at = 0;

	nd = (size_t)snprintf(digits, sizeof(digits), "%lld", n < 0 ? -n : n);
	if (n < 0 && at < len - 1)
		out[at++] = '-';
	for (i = 0; i < nd && at < len - 1; i++) {
		if (i > 0 && (nd - i) % 3 == 0 && at < len - 1)
			out[at++] = ',';
		out[at++] = digits[i];
	}
	out[at] = '\0';
	return out;
}

/* Repaired or refused areas: code, name, the file when there are several,
 * and PostGIS's reason. */
static void
areas_print(FILE *out, struct json_object *a, int files, int max)
{
	struct json_object *o;
	size_t i, n = len_of(a);

	for (i = 0; i < n && (int)i < max; i++) {
		o = json_object_array_get_idx(a, i);
		fprintf(out, "    %s", text(o, "code"));
		if (strcmp(text(o, "code"), text(o, "name")) != 0)
			fprintf(out, " %s", text(o, "name"));
		if (files > 1)
			fprintf(out, " (%s)", text(o, "file"));
		fprintf(out, ": %s\n", text(o, "reason"));
	}
	if (n > (size_t)max)
		fprintf(out, "    ... and %zu more (all in area_import.report)\n",
		    n - (size_t)max);
}

/* Overlaps (pairs) or gaps (a point in each), largest first. */
static void
found_print(FILE *out, struct json_object *r, const char *what, int max)
{
	struct json_object *a = list(r, what), *o, *at;
	char key[32], m2[32], total[32];
	size_t i, n = len_of(a);
	int overlaps = strcmp(what, "overlaps") == 0;

	snprintf(key, sizeof(key), "%s_m2", what);
	grouped(num(r, key), total, sizeof(total));
	snprintf(key, sizeof(key), "%s_slivers", what);
	fprintf(out, "  %-10s %zu %s", overlaps ? "overlaps:" : "gaps:", n,
	    overlaps ? (n == 1 ? "pair of areas" : "pairs of areas") :
	    (n == 1 ? "hole in the union of the areas" : "holes in the union of the areas"));
	if (n > 0)
		fprintf(out, ", %s m² in all", total);
	fprintf(out, "; %lld under %g m² not counted\n", num(r, key),
	    json_object_get_double(json_object_object_get(r, "sliver_m2")));
	for (i = 0; i < n && (int)i < max; i++) {
		o = json_object_array_get_idx(a, i);
		grouped(num(o, "m2"), m2, sizeof(m2));
		if (overlaps)
			fprintf(out, "    %s and %s: %s m²\n", text(o, "a"), text(o, "b"), m2);
		else {
			at = list(o, "at");
			fprintf(out, "    %s m² around %s, %s\n", m2,
			    json_object_get_string(json_object_array_get_idx(at, 0)),
			    json_object_get_string(json_object_array_get_idx(at, 1)));
		}
	}
	if (n > (size_t)max)
		fprintf(out, "    ... and %zu more (all in area_import.report)\n",
		    n - (size_t)max);
}

static void
teams_print(FILE *out, struct json_object *r)
{
	struct json_object *t = json_object_object_get(r, "teams");
	struct json_object *none = list(t, "none");
	size_t i, n = len_of(none);

	fprintf(out, "  %-10s %lld area%s with a team", "teams:", num(t, "areas"),
	    num(t, "areas") == 1 ? "" : "s");
	if (text(t, "team")[0] != '\0')
		fprintf(out, " (%s, --team)", text(t, "team"));
	else if (len_of(list(t, "created")) + (size_t)num(t, "reused") > 0)
		fprintf(out, " (its own neighbourhood team: %zu created, %lld already "
		    "there)", len_of(list(t, "created")), num(t, "reused"));
	if (n > 0) {
		fprintf(out, "; %zu area%s with no team (", n, n == 1 ? "" : "s");
		for (i = 0; i < n && i < 10; i++)
			fprintf(out, "%s%s", i ? ", " : "",
			    json_object_get_string(json_object_array_get_idx(none, i)));
		fprintf(out, "%s: their agency has no such team or none was asked "
		    "for with --team)", n > 10 ? ", ..." : "");
	}
	fprintf(out, "\n");
}

void
areas_report_print(FILE *out, struct json_object *r, int max)
{
	struct json_object *created = list(r, "agencies_created"), *ag = list(r, "agencies");
	size_t i, nfiles = len_of(list(r, "files"));
	int beats = strcmp(text(r, "kind"), "beat") == 0;

	fprintf(out, "%s import: %lld %s from %zu file%s (%lld GeoJSON, %lld KML)",
	    beats ? "Beat" : "Council area", num(r, "areas"),
	    beats ? "beats" : "council areas", nfiles, nfiles == 1 ? "" : "s",
	    num(r, "geojson_files"), num(r, "kml_files"));
	for (i = 0; i < len_of(ag); i++)
		fprintf(out, "%s%s", i ? ", " : " for ",
		    json_object_get_string(json_object_array_get_idx(ag, i)));
	fprintf(out, "\n  %-10s %lld areas, %lld positions\n", "read:", num(r, "areas"),
	    num(r, "positions"));
	fprintf(out, "  %-10s %zu invalid geometr%s made valid with ST_MakeValid\n",
	    "repaired:", len_of(list(r, "repaired")),
	    len_of(list(r, "repaired")) == 1 ? "y" : "ies");
	areas_print(out, list(r, "repaired"), (int)nfiles, max);
	fprintf(out, "  %-10s %zu (nothing polygonal left after repair)\n", "refused:",
	    len_of(list(r, "refused")));
	areas_print(out, list(r, "refused"), (int)nfiles, max);
	if (len_of(list(r, "refused")) > 0)
		return;
	found_print(out, r, "overlaps", max);
	found_print(out, r, "gaps", max);
	for (i = 0; i < len_of(created); i++)
		fprintf(out, "  created agency %s (%s): a local authority, inactive and "
		    "not a core partner\n", text(json_object_array_get_idx(created, i),
		    "code"), text(json_object_array_get_idx(created, i), "name"));
	teams_print(out, r);
	if (json_object_get_boolean(json_object_object_get(r, "unchanged")))
		fprintf(out, "  %-10s the same as the current areas (import %s): "
		    "nothing written\n", "unchanged:", text(r, "same_as")[0] ?
		    text(r, "same_as") : "before versions");
	else if (!json_object_get_boolean(json_object_object_get(r, "written")))
		fprintf(out, "  %-10s nothing written (--check); %lld current area%s "
		    "would be retired\n", "checked:", num(r, "retired"),
		    num(r, "retired") == 1 ? "" : "s");
	else
		fprintf(out, "  %-10s import %lld; %lld earlier area%s retired\n",
		    "version:", num(r, "import_id"), num(r, "retired"),
		    num(r, "retired") == 1 ? "" : "s");
	fprintf(out, "  %-10s %lld ms\n", "time:", num(r, "ms"));
}
