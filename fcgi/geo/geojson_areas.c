/* GeoJSON boundary files (RFC 7946, and the older "crs" member) into an
 * area set: no database, so that the fuzzer and the unit tests run it. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "geo/area_set.h"
#include "geo/geojson_areas.h"

#define GEOJSON_RING_MAX	(1 << 20)	/* positions in one ring */

/* Where the reading is, for messages. */
struct gj {
	struct area_set	*set;
	const char	*file;
	char		*err;
	size_t		 errlen;
	double		*xy;		/* scratch for one ring */
	size_t		 cap;
};

/* A member of o that is a string, or NULL. */
static const char *
member_string(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A number from a position, or -1. */
static int
number_of(struct json_object *v, double *out)
{
	if (!json_object_is_type(v, json_type_double) &&
	    !json_object_is_type(v, json_type_int))
		return -1;
	*out = json_object_get_double(v);
	return isfinite(*out) ? 0 : -1;
}

static int
gj_fail(struct gj *g, size_t index, const char *why)
{
	snprintf(g->err, g->errlen, "%s feature %zu: %s", g->file, index, why);
	return -1;
}

/* One ring: positions [x, y] or [x, y, z]. Returns 0 or -1 with err. */
static int
ring_read(struct gj *g, struct area_feature *f, struct area_poly *p,
    struct json_object *ring)
{
	struct json_object *pos;
	size_t i, n;
	double *xy;

	if (!json_object_is_type(ring, json_type_array))
		return gj_fail(g, f->index, "a ring is not a list of positions");
	n = json_object_array_length(ring);
	if (n < 3 || n > GEOJSON_RING_MAX)
		return gj_fail(g, f->index, n < 3 ? "a ring has fewer than 3 "
		    "positions (a polygon's ring has 4, the last the first again)" :
		    "a ring has more than a million positions");
	if (n > g->cap) {
		if ((xy = arena_alloc(g->set->arena, n * 2 * sizeof(double))) == NULL)
			return gj_fail(g, f->index, "out of memory");
		g->xy = xy;
		g->cap = n;
	}
	for (i = 0; i < n; i++) {
		pos = json_object_array_get_idx(ring, i);
		if (!json_object_is_type(pos, json_type_array) ||
		    json_object_array_length(pos) < 2 ||
		    json_object_array_length(pos) > 4 ||
		    number_of(json_object_array_get_idx(pos, 0), &g->xy[2 * i]) == -1 ||
		    number_of(json_object_array_get_idx(pos, 1), &g->xy[2 * i + 1]) == -1)
			return gj_fail(g, f->index, "a position is not [longitude, "
			    "latitude] (two numbers)");
	}
	if (area_ring_add(g->set, p, g->xy, n, &f->closed) == -1)
		return gj_fail(g, f->index, "out of memory");
	return 0;
}

/* A Polygon's coordinates: the outer ring, then the holes. */
static int
polygon_read(struct gj *g, struct area_feature *f, struct json_object *rings)
{
	struct area_poly *p;
	size_t i, n;

	if (!json_object_is_type(rings, json_type_array) ||
	    (n = json_object_array_length(rings)) == 0)
		return gj_fail(g, f->index, "a Polygon has no rings");
	if ((p = area_poly_add(g->set, f)) == NULL)
		return gj_fail(g, f->index, "out of memory");
	for (i = 0; i < n; i++)
		if (ring_read(g, f, p, json_object_array_get_idx(rings, i)) == -1)
			return -1;
	return 0;
}

/* A geometry: its polygons into f; points and lines are counted, not
 * kept. depth bounds GeometryCollections within GeometryCollections. */
static int
geometry_read(struct gj *g, struct area_feature *f, struct json_object *geom, int depth)
{
	struct json_object *coords, *list;
	const char *type = member_string(geom, "type");
	size_t i, n;

	if (geom == NULL || json_object_is_type(geom, json_type_null))
		return 0;	/* no geometry: said once the code is known */
	if (type == NULL)
		return gj_fail(g, f->index, "the geometry has no \"type\"");
	if (strcmp(type, "GeometryCollection") == 0) {
		if (depth > 8 || !json_object_object_get_ex(geom, "geometries", &list) ||
		    !json_object_is_type(list, json_type_array))
			return gj_fail(g, f->index, "a GeometryCollection has no "
			    "\"geometries\" list");
		n = json_object_array_length(list);
		for (i = 0; i < n; i++)
			if (geometry_read(g, f, json_object_array_get_idx(list, i),
			    depth + 1) == -1)
				return -1;
		return 0;
	}
	if (!json_object_object_get_ex(geom, "coordinates", &coords) ||
	    !json_object_is_type(coords, json_type_array))
		return gj_fail(g, f->index, "the geometry has no \"coordinates\" list");
	if (strcmp(type, "Polygon") == 0)
		return polygon_read(g, f, coords);
	if (strcmp(type, "MultiPolygon") == 0) {
		n = json_object_array_length(coords);
		for (i = 0; i < n; i++)
			if (polygon_read(g, f, json_object_array_get_idx(coords, i)) == -1)
				return -1;
		return 0;
	}
	f->skipped++;
	if (f->other == NULL &&
	    (f->other = arena_strdup(g->set->arena, type)) == NULL)
		return gj_fail(g, f->index, "out of memory");
	return 0;
}

/* The properties that are text or numbers, as fields. */
static int
properties_read(struct gj *g, struct area_feature *f, struct json_object *props)
{
	const char *v;

	if (props == NULL || json_object_is_type(props, json_type_null))
		return 0;
	if (!json_object_is_type(props, json_type_object))
		return gj_fail(g, f->index, "\"properties\" is not an object");
	json_object_object_foreach(props, key, val) {
		if (!json_object_is_type(val, json_type_string) &&
		    !json_object_is_type(val, json_type_int) &&
		    !json_object_is_type(val, json_type_double))
			continue;
		v = json_object_get_string(val);
		if (area_field_add(g->set, f, key, strlen(key), v, strlen(v)) == -1)
			return gj_fail(g, f->index, "out of memory");
	}
	return 0;
}

/* One Feature (or a bare geometry, index 1, with no fields). */
static int
feature_read(struct gj *g, struct json_object *o, size_t index)
{
	struct json_object *props = NULL, *geom = NULL;
	const char *type = member_string(o, "type");
	struct area_feature *f;

	if ((f = area_feature_add(g->set, g->file, index)) == NULL)
		return gj_fail(g, index, "out of memory");
	if (type != NULL && strcmp(type, "Feature") != 0)
		return geometry_read(g, f, o, 0);
	if (type == NULL)
		return gj_fail(g, index, "is not a GeoJSON Feature (no \"type\")");
	json_object_object_get_ex(o, "properties", &props);
	json_object_object_get_ex(o, "geometry", &geom);
	if (properties_read(g, f, props) == -1)
		return -1;
	return geometry_read(g, f, geom, 0);
}

/* Refuses a "crs" other than longitude and latitude (WGS 84): PostGIS
 * would take, say, British National Grid metres for degrees. */
static int
crs_check(struct gj *g, struct json_object *doc)
{
	struct json_object *crs, *props;
	const char *name = NULL;

	if (!json_object_object_get_ex(doc, "crs", &crs) || crs == NULL)
		return 0;
	if (json_object_object_get_ex(crs, "properties", &props))
		name = member_string(props, "name");
	if (name != NULL && (strstr(name, "CRS84") != NULL ||
	    strstr(name, "4326") != NULL))
		return 0;
	snprintf(g->err, g->errlen, "%s: coordinates are in %s, not longitude and "
	    "latitude (WGS 84)%s: convert the file first, e.g. ogr2ogr -t_srs "
	    "EPSG:4326 out.geojson %s", g->file, name != NULL ? name :
	    "an unnamed system", name != NULL && strstr(name, "27700") != NULL ?
	    " (British National Grid metres)" : "", g->file);
	return -1;
}

/* Parses text as one JSON value; NULL with err naming the line. */
static struct json_object *
json_parse(struct gj *g, const char *text, size_t len)
{
	struct json_tokener *tok;
	struct json_object *o;
	enum json_tokener_error jerr;
	size_t at, line, k;

	if (len > (size_t)INT32_MAX || (tok = json_tokener_new()) == NULL) {
		snprintf(g->err, g->errlen, "%s: too large", g->file);
		return NULL;
	}
	o = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	at = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr == json_tokener_success)
		while (at < len && isspace((unsigned char)text[at]))
			at++;
	if (jerr == json_tokener_success && o != NULL && at >= len)
		return o;
	for (line = 1, k = 0; k < at && k < len; k++)
		line += text[k] == '\n';
	snprintf(g->err, g->errlen, "%s: not valid JSON (line %zu): %s", g->file,
	    line, jerr == json_tokener_success ? (o == NULL ? "no value" :
	    "more after the end of the value") : jerr == json_tokener_continue ?
	    "the file ends too soon" : json_tokener_error_desc(jerr));
	json_object_put(o);
	return NULL;
}

int
geojson_areas_read(struct area_set *set, const char *file, const char *text,
    size_t len, char *err, size_t errlen)
{
	struct gj g = { set, file, err, errlen, NULL, 0 };
	struct json_object *doc, *features;
	const char *type;
	size_t i, n;
	int rc = -1;

	if ((doc = json_parse(&g, text, len)) == NULL)
		return -1;
	type = member_string(doc, "type");
	if (type == NULL || (strcmp(type, "FeatureCollection") != 0 &&
	    strcmp(type, "Feature") != 0 && strcmp(type, "Polygon") != 0 &&
	    strcmp(type, "MultiPolygon") != 0 &&
	    strcmp(type, "GeometryCollection") != 0)) {
		snprintf(err, errlen, "%s: not GeoJSON areas: want a FeatureCollection "
		    "(an object with \"type\": \"FeatureCollection\" and a \"features\" "
		    "list), a Feature or a Polygon or MultiPolygon", file);
		goto out;
	}
	if (crs_check(&g, doc) == -1)
		goto out;
	if (strcmp(type, "FeatureCollection") != 0) {
		rc = feature_read(&g, doc, 1);
		goto out;
	}
	if (!json_object_object_get_ex(doc, "features", &features) ||
	    !json_object_is_type(features, json_type_array)) {
		snprintf(err, errlen, "%s: the FeatureCollection has no \"features\" "
		    "list", file);
		goto out;
	}
	if ((n = json_object_array_length(features)) == 0) {
		snprintf(err, errlen, "%s: the FeatureCollection has no features", file);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (feature_read(&g, json_object_array_get_idx(features, i), i + 1) == -1)
			goto out;
	rc = 0;
out:
	json_object_put(doc);
	return rc;
}
