/* KML boundary files (what data.police.uk publishes neighbourhoods in)
 * into an area set, parsed by libxml2: no database, so that the fuzzer
 * and the unit tests run it. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/arena.h"
#include "geo/area_set.h"
#include "geo/kml_areas.h"

#define KML_DEPTH_MAX	64	/* MultiGeometry within MultiGeometry */

/* Where the reading is, for messages. */
struct kml {
	struct area_set	*set;
	const char	*file;
	char		*err;
	size_t		 errlen;
	size_t		 placemarks;
	double		*xy;		/* scratch for one ring */
	size_t		 cap;
};

static int
is_element(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
kml_fail(struct kml *k, const struct area_feature *f, const xmlNode *at,
    const char *why)
{
	if (f != NULL)
		snprintf(k->err, k->errlen, "%s feature %zu (at line %ld): %s", k->file, f->index, at != NULL ? xmlGetLineNo(at) : 0L,
		    why);
	else
		snprintf(k->err, k->errlen, "%s: %s", k->file, why);
	return -1;
}

/* Adds field key with n's text, trimmed. */
static int
text_field(struct kml *k, struct area_feature *f, const char *key, xmlNode *n)
{
	xmlChar *text = xmlNodeGetContent(n);
	const char *s = (const char *)text;
	size_t len;
	int rc;

	if (text == NULL)
		return kml_fail(k, f, n, "out of memory");
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL)
		len--;
	rc = area_field_add(k->set, f, key, strlen(key), s, len);
	xmlFree(text);
	return rc == -1 ? kml_fail(k, f, n, "out of memory") : 0;
}

/* ExtendedData: <Data name="F"><value>..</value></Data> and
 * <SchemaData><SimpleData name="F">..</SimpleData></SchemaData>. */
static int
extended_read(struct kml *k, struct area_feature *f, xmlNode *ext)
{
	xmlNode *n, *v;
	xmlChar *name;
	int rc = 0;

	for (n = ext->children; n != NULL && rc == 0; n = n->next) {
		if (is_element(n, "SchemaData")) {
			rc = extended_read(k, f, n);
			continue;
		}
		if (!is_element(n, "Data") && !is_element(n, "SimpleData"))
			continue;
		if ((name = xmlGetProp(n, (const xmlChar *)"name")) == NULL)
			continue;
		v = n;
		if (is_element(n, "Data"))
			for (v = n->children; v != NULL && !is_element(v, "value"); v = v->next)
				;
		if (v != NULL)
			rc = text_field(k, f, (const char *)name, v);
		xmlFree(name);
	}
	return rc;
}

/* Parses "lon,lat[,alt] lon,lat[,alt] ..." into k->xy. Returns the number
 * of positions, or -1 with err. */
static long
tuples_read(struct kml *k, struct area_feature *f, xmlNode *at, const char *s)
{
	size_t n = 0, want;
	double v[3], d, *xy;
	char *end, why[160];
	const char *tuple;
	int count;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (*s == '\0')
			break;
		/* One "x,y[,z]", no spaces inside. */
		for (tuple = s, count = 0;; s++) {
			errno = 0;
			d = strtod(s, &end);
			if (end == s || errno == ERANGE || !isfinite(d))
				break;
			if (count < 3)
				v[count] = d;
			count++;
			if (*(s = end) != ',')
				break;
		}
		if (count < 2 || count > 3 || (*s != '\0' && strchr(" \t\r\n", *s) == NULL)) {
			snprintf(why, sizeof(why), "the <coordinates> have \"%.40s\" "
			    "where a \"longitude,latitude[,altitude]\" was expected", tuple);
			return kml_fail(k, f, at, why);
		}
		if (n == k->cap) {
			want = k->cap ? k->cap * 2 : 256;
			if (want > (1 << 20))
				return kml_fail(k, f, at, "a ring has more than a million "
				    "positions");
			if ((xy = arena_alloc(k->set->arena, want * 2 * sizeof(double))) == NULL)
				return kml_fail(k, f, at, "out of memory");
			if (n > 0)
				memcpy(xy, k->xy, n * 2 * sizeof(double));
			k->xy = xy;
			k->cap = want;
		}
		k->xy[2 * n] = v[0];
		k->xy[2 * n + 1] = v[1];
		n++;
	}
	return (long)n;
}

/* A <LinearRing>'s <coordinates> as a ring of p. */
static int
ring_read(struct kml *k, struct area_feature *f, struct area_poly *p, xmlNode *lr)
{
	xmlNode *c;
	xmlChar *text;
	long n;

	for (c = lr->children; c != NULL && !is_element(c, "coordinates"); c = c->next)
		;
	if (c == NULL)
		return kml_fail(k, f, lr, "a LinearRing has no <coordinates>");
	if ((text = xmlNodeGetContent(c)) == NULL)
		return kml_fail(k, f, c, "out of memory");
	n = tuples_read(k, f, c, (const char *)text);
	xmlFree(text);
	if (n == -1)
		return -1;
	if (n < 3)
		return kml_fail(k, f, c, "a ring has fewer than 3 positions (a "
		    "polygon's ring has 4, the last the first again)");
	if (area_ring_add(k->set, p, k->xy, (size_t)n, &f->closed) == -1)
		return kml_fail(k, f, c, "out of memory");
	return 0;
}

/* The LinearRings of a boundary (outerBoundaryIs has one; some writers
 * put several in one innerBoundaryIs). Returns how many, or -1. */
static int
boundary_read(struct kml *k, struct area_feature *f, struct area_poly *p, xmlNode *b)
{
	xmlNode *n;
	int count = 0;

	for (n = b->children; n != NULL; n = n->next)
		if (is_element(n, "LinearRing")) {
			if (ring_read(k, f, p, n) == -1)
				return -1;
			count++;
		}
	return count;
}

static int
polygon_read(struct kml *k, struct area_feature *f, xmlNode *pg)
{
	struct area_poly *p;
	xmlNode *n;
	int outer = 0, r;

	if ((p = area_poly_add(k->set, f)) == NULL)
		return kml_fail(k, f, pg, "out of memory");
	/* The outer ring first, wherever the writer put it. */
	for (n = pg->children; n != NULL; n = n->next)
		if (is_element(n, "outerBoundaryIs")) {
			if ((r = boundary_read(k, f, p, n)) == -1)
				return -1;
			outer += r;
		}
	if (outer != 1)
		return kml_fail(k, f, pg, outer == 0 ? "a Polygon has no "
		    "<outerBoundaryIs><LinearRing>" : "a Polygon has more than one "
		    "outer ring");
	for (n = pg->children; n != NULL; n = n->next)
		if (is_element(n, "innerBoundaryIs") && boundary_read(k, f, p, n) == -1)
			return -1;
	return 0;
}

/* The geometries among n's children: Polygons kept, MultiGeometry
 * opened, points and lines counted. */
static int
geometries_read(struct kml *k, struct area_feature *f, xmlNode *parent, int depth)
{
	static const char *const others[] = { "Point", "LineString", "LinearRing",
	    "Model", "Track", "MultiTrack", "gx:Track" };
	xmlNode *n;
	size_t i;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_element(n, "Polygon")) {
			if (polygon_read(k, f, n) == -1)
				return -1;
		} else if (is_element(n, "MultiGeometry")) {
			if (depth >= KML_DEPTH_MAX)
				return kml_fail(k, f, n, "MultiGeometry nested too deep");
			if (geometries_read(k, f, n, depth + 1) == -1)
				return -1;
		} else
			for (i = 0; i < sizeof(others) / sizeof(others[0]); i++)
				if (is_element(n, others[i])) {
					f->skipped++;
					if (f->other == NULL)
						f->other = others[i];
				}
	}
	return 0;
}

static int
placemark_read(struct kml *k, xmlNode *pm)
{
	struct area_feature *f;
	xmlNode *n;

	if ((f = area_feature_add(k->set, k->file, ++k->placemarks)) == NULL)
		return kml_fail(k, NULL, NULL, "out of memory");
	for (n = pm->children; n != NULL; n = n->next) {
		if (is_element(n, "name") && area_field(f, "name") == NULL &&
		    text_field(k, f, "name", n) == -1)
			return -1;
		if (is_element(n, "ExtendedData") && extended_read(k, f, n) == -1)
			return -1;
	}
	return geometries_read(k, f, pm, 0);
}

/* Every Placemark below n (in Documents and Folders, at any depth). */
static int
placemarks_find(struct kml *k, xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_element(n, "Placemark")) {
			if (placemark_read(k, n) == -1)
				return -1;
		} else if (placemarks_find(k, n->children) == -1)
			return -1;
	}
	return 0;
}

int
kml_areas_read(struct area_set *set, const char *file, const char *text,
    size_t len, char *err, size_t errlen)
{
	struct kml k = { set, file, err, errlen, 0, NULL, 0 };
	xmlParserCtxtPtr ctxt;
	const xmlError *e;
	xmlNode *root;
	xmlDoc *doc;
	int rc = -1;

	if (len > INT_MAX || (ctxt = xmlNewParserCtxt()) == NULL)
		return kml_fail(&k, NULL, NULL, len > INT_MAX ? "too large" :
		    "out of memory");
	/* No network, no entities substituted, no messages on stderr. */
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, file, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		e = xmlCtxtGetLastError(ctxt);
		snprintf(err, errlen, "%s: not valid XML (line %d): %s", file,
		    e != NULL ? e->line : 0, e != NULL && e->message != NULL ?
		    e->message : "unreadable\n");
		/* libxml2's messages end in a newline. */
		if ((len = strlen(err)) > 0 && err[len - 1] == '\n')
			err[len - 1] = '\0';
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (doc->intSubset != NULL)
		kml_fail(&k, NULL, NULL, "KML has no <!DOCTYPE>: this one is refused "
		    "(its entities could hide anything)");
	else if (root == NULL || !is_element(root, "kml"))
		kml_fail(&k, NULL, NULL, "not KML (the document is not a <kml> element)");
	else if (placemarks_find(&k, root->children) == 0) {
		if (k.placemarks == 0)
			kml_fail(&k, NULL, NULL, "the KML has no Placemark");
		else
			rc = 0;
	}
	xmlFreeDoc(doc);
out:
	xmlFreeParserCtxt(ctxt);
	return rc;
}
