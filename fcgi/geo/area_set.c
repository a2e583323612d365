/* Areas read from boundary files: the set the GeoJSON and KML readers
 * fill, the choice of each area's code and name, and the checks that need
 * no database (coordinates that are not longitude and latitude). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "geo/area_set.h"
#include "geo/geojson_areas.h"
#include "geo/kml_areas.h"

#define AREA_CODE_LEN	63	/* beat.code and la_area.code, as domain/area.h */
#define AREA_NAME_LEN	200

int
area_set_init(struct area_set *s)
{
	memset(s, 0, sizeof(*s));
	return (s->arena = arena_new(1 << 16)) == NULL ? -1 : 0;
}

void
area_set_free(struct area_set *s)
{
	arena_free(s->arena);
	memset(s, 0, sizeof(*s));
}

/* Makes room for one more of *n elements of size in *arr (capacity *cap),
 * doubling in the arena. Returns 0 or -1. */
static int
grow(struct arena *a, void **arr, size_t *cap, size_t n, size_t size)
{
	size_t want = *cap ? *cap * 2 : 4;
	void *p;

	if (n < *cap)
		return 0;
	if ((p = arena_calloc(a, want, size)) == NULL)
		return -1;
	if (n > 0)
		memcpy(p, *arr, n * size);
	*arr = p;
	*cap = want;
	return 0;
}

enum area_format
area_format_sniff(const char *text, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;		/* a UTF-8 byte order mark */
	while (i < len && strchr(" \t\r\n", text[i]) != NULL && text[i] != '\0')
		i++;
	if (i == len)
		return AREA_FORMAT_UNKNOWN;
	if (text[i] == '{')
		return AREA_FORMAT_GEOJSON;
	if (text[i] == '<')
		return AREA_FORMAT_KML;
	return AREA_FORMAT_UNKNOWN;
}

int
area_set_read(struct area_set *s, const char *file, const char *text, size_t len,
    char *err, size_t errlen)
{
	switch (area_format_sniff(text, len)) {
	case AREA_FORMAT_GEOJSON:
		return geojson_areas_read(s, file, text, len, err, errlen);
	case AREA_FORMAT_KML:
		return kml_areas_read(s, file, text, len, err, errlen);
	default:
		snprintf(err, errlen, "%s: neither GeoJSON (a JSON object) nor KML "
		    "(XML)%s", file, len == 0 ? ": the file is empty" : "");
		return -1;
	}
}

/* ------------------------------------------------------------------------
 * building */

struct area_feature *
area_feature_add(struct area_set *s, const char *file, size_t index)
{
	struct area_feature *f;

	if (grow(s->arena, (void **)&s->f, &s->cap, s->n, sizeof(*s->f)) == -1)
		return NULL;
	f = &s->f[s->n++];
	memset(f, 0, sizeof(*f));
	f->file = file;
	f->index = index;
	return f;
}

int
area_field_add(struct area_set *s, struct area_feature *f, const char *key,
    size_t keylen, const char *value, size_t valuelen)
{
	struct area_field *fl;

	if (grow(s->arena, (void **)&f->fields, &f->fields_cap, f->nfields,
	    sizeof(*f->fields)) == -1)
		return -1;
	fl = &f->fields[f->nfields];
	if ((fl->key = arena_strndup(s->arena, key, keylen)) == NULL ||
	    (fl->value = arena_strndup(s->arena, value, valuelen)) == NULL)
		return -1;
	f->nfields++;
	return 0;
}

struct area_poly *
area_poly_add(struct area_set *s, struct area_feature *f)
{
	struct area_poly *p;

	if (grow(s->arena, (void **)&f->polys, &f->polys_cap, f->npolys, sizeof(*f->polys)) == -1)
		return NULL;
	p = &f->polys[f->npolys++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* Copies n positions as a ring of p, closing it when its ends differ
 * (counted in *closed). The caller has checked there are at least 3. */
int
area_ring_add(struct area_set *s, struct area_poly *p, const double *xy, size_t n,
    size_t *closed)
{
	struct area_ring *r;
	int open = xy[0] != xy[2 * n - 2] || xy[1] != xy[2 * n - 1];

	if (grow(s->arena, (void **)&p->rings, &p->cap, p->nrings, sizeof(*p->rings)) == -1)
		return -1;
	r = &p->rings[p->nrings];
	if ((r->xy = arena_alloc(s->arena, (n + 1) * 2 * sizeof(double))) == NULL)
		return -1;
	memcpy(r->xy, xy, n * 2 * sizeof(double));
	r->n = n;
	if (open) {
		r->xy[2 * n] = xy[0];
		r->xy[2 * n + 1] = xy[1];
		r->n++;
		(*closed)++;
	}
	p->nrings++;
	return 0;
}

const char *
area_field(const struct area_feature *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].key, key) == 0)
			return f->fields[i].value;
	return NULL;
}

void
area_feature_label(const struct area_feature *f, char *out, size_t len)
{
	if (f->code != NULL && f->name != NULL && strcmp(f->code, f->name) != 0)
		snprintf(out, len, "%s feature %zu (%s %s)", f->file, f->index,
		    f->code, f->name);
	else if (f->code != NULL)
		snprintf(out, len, "%s feature %zu (%s)", f->file, f->index, f->code);
	else
		snprintf(out, len, "%s feature %zu", f->file, f->index);
}

/* ------------------------------------------------------------------------
 * codes and names */

/* The fields the features have, as "a, b, c" (the first 20), or "none". */
static void
fields_list(const struct area_set *s, char *out, size_t len)
{
	size_t i, j, k, n = 0, at = 0;
	const char *key;
	int seen;

	out[0] = '\0';
	for (i = 0; i < s->n && n < 20 && at < len; i++)
		for (j = 0; j < s->f[i].nfields && n < 20 && at < len; j++) {
			key = s->f[i].fields[j].key;
			for (k = 0, seen = 0; k < i && !seen; k++)
				seen = area_field(&s->f[k], key) != NULL;
			for (k = 0; k < j && !seen; k++)
				seen = strcmp(s->f[i].fields[k].key, key) == 0;
			if (seen)
				continue;
			at += (size_t)snprintf(out + at, len - at, "%s%s",
			    n++ ? ", " : "", key);
		}
	if (n == 0)
		snprintf(out, len, "none");
}

/* The file name without its folders and extension, in the arena. */
static const char *
file_stem(struct arena *a, const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	return arena_strndup(a, base, dot != NULL && dot != base ?
	    (size_t)(dot - base) : strlen(base));
}

/* Whether no feature of the set has field key. */
static int
field_absent(const struct area_set *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (area_field(&s->f[i], key) != NULL)
			return 0;
	return 1;
}

int
area_set_pick(struct area_set *s, const struct area_pick *p, char *err, size_t errlen)
{
	char what[AREA_SET_ERR / 2], fields[AREA_SET_ERR / 2];
	const char *field;
	struct area_feature *f;
	size_t i, j, per_file;

	for (i = 0; i < 2; i++) {
		field = i == 0 ? p->code_field : p->name_field;
		if (field != NULL && s->n > 0 && field_absent(s, field)) {
			fields_list(s, fields, sizeof(fields));
			snprintf(err, errlen, "no feature has a field \"%s\" (the "
			    "--%s-field); the fields there are: %s", field,
			    i == 0 ? "code" : "name", fields);
			return -1;
		}
	}
	for (i = 0; i < s->n; i++) {
		f = &s->f[i];
		if (p->code_from_file) {
			for (j = 0, per_file = 0; j < s->n; j++)
				per_file += s->f[j].file == f->file;
			if (per_file > 1) {
				snprintf(err, errlen, "%s has %zu areas: --code-from-file "
				    "wants one area a file", f->file, per_file);
				return -1;
			}
			if ((f->code = file_stem(s->arena, f->file)) == NULL)
				goto oom;
		} else
			f->code = area_field(f, p->code_field);
		f->name = p->name_field != NULL ? area_field(f, p->name_field) : f->code;
		area_feature_label(f, what, sizeof(what));
		if (f->code == NULL || *f->code == '\0' || strlen(f->code) > AREA_CODE_LEN) {
			snprintf(err, errlen, "%s has %s code (the %s)", what,
			    f->code == NULL || *f->code == '\0' ? "no" :
			    "a longer than 63 characters", p->code_from_file ?
			    "file's name" : "--code-field");
			return -1;
		}
		if (f->name == NULL || *f->name == '\0' || strlen(f->name) > AREA_NAME_LEN) {
			snprintf(err, errlen, "%s has %s name (the --name-field)", what,
			    f->name == NULL || *f->name == '\0' ? "no" :
			    "a longer than 200 characters");
			return -1;
		}
		for (j = 0; j < i; j++)
			if (strcmp(s->f[j].code, f->code) == 0) {
				area_feature_label(&s->f[j], fields, sizeof(fields));
				snprintf(err, errlen, "%s has the same code as %s: codes "
				    "name one area each", what, fields);
				return -1;
			}
	}
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* ------------------------------------------------------------------------
 * coordinates */

/* What the set's positions look like, over every position. */
struct extent {
	double	 xmin, xmax, ymin, ymax;
	const struct area_feature *bad;	/* the first outside degrees */
	double	 bx, by;
	size_t	 n;
};

/* Adds feature f's positions to *e. */
static void
extent_add(struct extent *e, const struct area_feature *f)
{
	const struct area_ring *r;
	size_t j, k, m;
	double x, y;

	for (j = 0; j < f->npolys; j++)
		for (k = 0; k < f->polys[j].nrings; k++) {
			r = &f->polys[j].rings[k];
			for (m = 0; m < r->n; m++) {
				x = r->xy[2 * m];
				y = r->xy[2 * m + 1];
				e->n++;
				if (x < e->xmin) e->xmin = x;
				if (x > e->xmax) e->xmax = x;
				if (y < e->ymin) e->ymin = y;
				if (y > e->ymax) e->ymax = y;
				if (e->bad == NULL && !(fabs(x) <= 180 && fabs(y) <= 90)) {
					e->bad = f;
					e->bx = x;
					e->by = y;
				}
			}
		}
}

static void
extent_init(struct extent *e)
{
	memset(e, 0, sizeof(*e));
	e->xmin = e->ymin = INFINITY;
	e->xmax = e->ymax = -INFINITY;
}

/* The extent of the whole set; e->bad the first feature with a position
 * outside degrees. */
static void
extent_of(const struct area_set *s, struct extent *e)
{
	size_t i;

	extent_init(e);
	for (i = 0; i < s->n; i++)
		extent_add(e, &s->f[i]);
}

/* The first feature with a ring of fewer than 4 positions (3, closed by
 * its writer), or s->n. */
static size_t
short_ring(const struct area_set *s)
{
	size_t i, j, k;

	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->f[i].npolys; j++)
			for (k = 0; k < s->f[i].polys[j].nrings; k++)
				if (s->f[i].polys[j].rings[k].n < 4)
					return i;
	return s->n;
}

int
area_set_coords_check(const struct area_set *s, char *err, size_t errlen)
{
	static const char convert[] = "convert the file to WGS 84 first, e.g. "
	    "ogr2ogr -t_srs EPSG:4326 out.geojson in.shp";
	static const char order[] = "GeoJSON and KML give longitude first, "
	    "then latitude";
	char what[AREA_SET_ERR / 2];
	struct extent e, one;
	size_t i;

	extent_of(s, &e);
	if (e.n == 0) {
		snprintf(err, errlen, "the files have no polygons%s%s%s",
		    s->n > 0 && s->f[0].other ? " (only " : "",
		    s->n > 0 && s->f[0].other ? s->f[0].other : "",
		    s->n > 0 && s->f[0].other ? " geometry)" : "");
		return -1;
	}
	if ((i = short_ring(s)) < s->n) {
		area_feature_label(&s->f[i], what, sizeof(what));
		snprintf(err, errlen, "%s has a ring of 3 positions: a ring needs 4 or "
		    "more (3 corners and the first again)", what);
		return -1;
	}
	for (i = 0; i < s->n; i++)
		if (s->f[i].npolys == 0) {
			area_feature_label(&s->f[i], what, sizeof(what));
			snprintf(err, errlen, "%s is not a Polygon or MultiPolygon "
			    "(it has %s%s)", what, s->f[i].other ? "a " : "no geometry",
			    s->f[i].other ? s->f[i].other : "");
			return -1;
		}
	if (e.bad != NULL) {
		area_feature_label(e.bad, what, sizeof(what));
		/* What that feature's positions look like (the others may be
		 * right). National Grid metres are in the thousands, and
		 * positive (the grid starts south-west of the Scillies). */
		extent_init(&one);
		extent_add(&one, e.bad);
		if (one.xmin >= 0 && one.xmax <= 700000 && one.ymin >= 0 &&
		    one.ymax <= 1300000 && one.xmax > 1000 && one.ymax > 1000)
			snprintf(err, errlen, "%s has the position %.1f, %.1f: these "
			    "look like British National Grid metres (EPSG:27700), not "
			    "longitude/latitude: %s", what, e.bx, e.by, convert);
		else if (fabs(e.bx) <= 90 && fabs(e.by) <= 180)
			snprintf(err, errlen, "%s has the position %g, %g: a latitude "
			    "beyond 90, so these look like latitude, longitude in the "
			    "wrong order: %s", what, e.bx, e.by, order);
		else
			snprintf(err, errlen, "%s has the position %g, %g, not a "
			    "longitude (-180 to 180) and a latitude (-90 to 90) in "
			    "degrees: %s", what, e.bx, e.by, convert);
		return -1;
	}
	/* In range both ways round: a UK outline given latitude first lies
	 * in the Indian Ocean, which no council or force here covers. */
	if (e.xmin >= 49 && e.xmax <= 61 && e.ymin >= -9 && e.ymax <= 2.5) {
		snprintf(err, errlen, "every position is at longitude %.2f to %.2f, "
		    "latitude %.2f to %.2f: these look like UK latitude, longitude "
		    "in the wrong order (the UK is at latitude 49 to 61, longitude "
		    "-9 to 2): %s", e.xmin, e.xmax, e.ymin, e.ymax, order);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * out */

int
area_feature_geojson(const struct area_feature *f, struct buf *b)
{
	const struct area_ring *r;
	size_t j, k, m;

	buf_puts(b, "{\"type\":\"MultiPolygon\",\"coordinates\":[");
	for (j = 0; j < f->npolys; j++) {
		buf_puts(b, j ? ",[" : "[");
		for (k = 0; k < f->polys[j].nrings; k++) {
			r = &f->polys[j].rings[k];
			buf_puts(b, k ? ",[" : "[");
			/* %.17g: the double back exactly. */
			for (m = 0; m < r->n; m++)
				buf_printf(b, "%s[%.17g,%.17g]", m ? "," : "",
				    r->xy[2 * m], r->xy[2 * m + 1]);
			buf_putc(b, ']');
		}
		buf_putc(b, ']');
	}
	buf_puts(b, "]}");
	return b->oom ? -1 : 0;
}

size_t
area_set_positions(const struct area_set *s)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->f[i].npolys; j++)
			for (k = 0; k < s->f[i].polys[j].nrings; k++)
				n += s->f[i].polys[j].rings[k].n;
	return n;
}
