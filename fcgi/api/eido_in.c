/* An EIDO JSON document into the CAD API's create body (api/eido_in.h):
 * a translation with no database, its XML parts (PIDF-LO, additional
 * data, HTML notes) read by libxml2 with no network and no entities. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "api/eido_in.h"
#include "api/problem.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "domain/contact_check.h"

#define NS_GML		"http://www.opengis.net/gml"
#define NS_CIVIC	"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"
#define XML_DEPTH_MAX	64
#define EXTERNAL_ID_MAX	200	/* api_incident_ref.external_id */
#define INCIDENT_URN	"urn:emergency:uid:incidentid:"

/* The translation under way. */
struct tr {
	struct json_object		*doc;
	struct json_object		*kept;	/* the copy that becomes extensions.eido */
	const struct eido_in_opts	*opts;
	struct arena			*ar;
	struct problem_fields		*errs;
	int				 oom;
};

/* ------------------------------------------------------------------ */
/* JSON helpers                                                        */

struct json_object *
eido_member(struct json_object *o, const char *key)
{
	struct json_object *v;

	return o != NULL && json_object_is_type(o, json_type_object) &&
	    json_object_object_get_ex(o, key, &v) ? v : NULL;
}

const char *
eido_str(struct json_object *o, const char *key)
{
	struct json_object *v = eido_member(o, key);

	return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* A NIEM text: a string, {"value": ...}, or an array of them (its first). */
static const char *
niem_text(struct json_object *v)
{
	int depth;

	for (depth = 0; v != NULL && depth < 4; depth++) {
		if (json_object_is_type(v, json_type_string))
			return json_object_get_string(v);
		if (json_object_is_type(v, json_type_array))
			v = json_object_array_length(v) > 0 ? json_object_array_get_idx(v, 0) : NULL;
		else
			v = eido_member(v, "value");
	}
	return NULL;
}

/* The first element of an array, or v itself when it is an object. */
static struct json_object *
first_object(struct json_object *v)
{
	if (json_object_is_type(v, json_type_array))
		v = json_object_array_length(v) > 0 ? json_object_array_get_idx(v, 0) : NULL;
	return json_object_is_type(v, json_type_object) ? v : NULL;
}

static void
fail(struct tr *t, const char *field, const char *code, const char *message)
{
	if (field == NULL || message == NULL) {
		t->oom = 1;
		return;
	}
	problem_field_add(t->errs, field, code, message);
}

static char *
path_at(struct tr *t, const char *array, size_t i, const char *leaf)
{
	char *p = leaf != NULL ? arena_printf(t->ar, "%s[%zu].%s", array, i, leaf) :
	    arena_printf(t->ar, "%s[%zu]", array, i);

	if (p == NULL)
		t->oom = 1;
	return p;
}

static void
add_string(struct tr *t, struct json_object *o, const char *key, const char *value)
{
	struct json_object *s;

	if (value == NULL || *value == '\0')
		return;
	if ((s = json_object_new_string(value)) == NULL ||
	    json_object_object_add(o, key, s) != 0) {
		json_object_put(s);
		t->oom = 1;
	}
}

/* A component list: absent, or an array of objects. Returns it, NULL when
 * absent or refused (with an error). */
static struct json_object *
component_list(struct tr *t, const char *name)
{
	struct json_object *a = eido_member(t->doc, name), *e;
	size_t i, n;

	if (a == NULL || json_object_is_type(a, json_type_null))
		return NULL;
	if (!json_object_is_type(a, json_type_array)) {
		fail(t, name, "wrong_type", "must be an array of components");
		return NULL;
	}
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if (!json_object_is_type(e, json_type_object)) {
			fail(t, path_at(t, name, i, NULL), "wrong_type", "must be an object");
			return NULL;
		}
	}
	return a;
}

/* The component of list name whose $id is id, or NULL. */
static struct json_object *
component_by_id(struct tr *t, const char *name, const char *id)
{
	struct json_object *a = eido_member(t->doc, name), *e;
	const char *eid;
	size_t i, n;

	if (id == NULL || !json_object_is_type(a, json_type_array))
		return NULL;
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if ((eid = eido_str(e, "$id")) != NULL && strcmp(eid, id) == 0)
			return e;
	}
	return NULL;
}

/* The $ref of a ReferenceType member. */
static const char *
ref_of(struct json_object *o, const char *key)
{
	return eido_str(eido_member(o, key), "$ref");
}

/* ------------------------------------------------------------------ */
/* XML                                                                 */

static int
xml_is(const xmlNode *n, const char *name, const char *ns)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 &&
	    (ns == NULL || (n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0));
}

/* Reads XML text with no network, no entities and no DOCTYPE. NULL with
 * why in err. */
static xmlDoc *
xml_read(const char *text, size_t len, char *err, size_t errlen)
{
	xmlParserCtxtPtr ctxt;
	const xmlError *e;
	xmlDoc *doc;
	size_t n;

	if (len > INT_MAX || (ctxt = xmlNewParserCtxt()) == NULL) {
		snprintf(err, errlen, "cannot be read (out of memory)");
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, "eido.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		e = xmlCtxtGetLastError(ctxt);
		snprintf(err, errlen, "is not valid XML (line %d): %s",
		    e != NULL ? e->line : 0, e != NULL && e->message != NULL ?
		    e->message : "unreadable");
		/* libxml2's messages end in a newline. */
		if ((n = strlen(err)) > 0 && err[n - 1] == '\n')
			err[n - 1] = '\0';
	} else if (doc->intSubset != NULL) {
		snprintf(err, errlen, "has a <!DOCTYPE>, which is refused (its "
		    "entities could hide anything)");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* s without the white space around it, in ar; NULL when nothing is left
 * (or out of memory). */
static char *
trimmed(struct arena *ar, const char *s)
{
	size_t len;

	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return len > 0 ? arena_strndup(ar, s, len) : NULL;
}

/* n's text, trimmed, in ar; NULL when empty (or out of memory). */
static char *
xml_text(struct arena *ar, xmlNode *n)
{
	xmlChar *text = xmlNodeGetContent(n);
	char *out;

	if (text == NULL)
		return NULL;
	out = trimmed(ar, (const char *)text);
	xmlFree(text);
	return out;
}

/* The first element below n (depth-first, bounded) named name in ns. */
static xmlNode *
xml_find(xmlNode *n, const char *name, const char *ns, int depth)
{
	xmlNode *c, *found;

	if (depth > XML_DEPTH_MAX)
		return NULL;
	for (c = n->children; c != NULL; c = c->next) {
		if (xml_is(c, name, ns))
			return c;
		if (c->type == XML_ELEMENT_NODE &&
		    (found = xml_find(c, name, ns, depth + 1)) != NULL)
			return found;
	}
	return NULL;
}

/* "lat lon [alt]" of a gml:pos. 0, or -1. */
static int
pos_read(const char *s, double *lat, double *lon)
{
	double v[3];
	char *end;
	int n = 0;

	while (n < 4) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		if (n == 3)
			return -1;
		errno = 0;
		v[n] = strtod(s, &end);
		if (end == s || errno == ERANGE || !isfinite(v[n]) ||
		    (*end != '\0' && !isspace((unsigned char)*end)))
			return -1;
		s = end;
		n++;
	}
	if (n < 2)
		return -1;
	*lat = v[0];
	*lon = v[1];
	return 0;
}

/* The civic address's parts in one line, as a person writes it: name,
 * building, unit, the street line, then the places from the smallest. */
static char *
civic_line(struct arena *ar, xmlNode *civic, char **postcode)
{
	static const char *const street[] = { "HNO", "HNS", "PRD", "RD", "STS", "POD" };
	static const char *const before[] = { "NAM", "BLD", "UNIT", "ROOM", "FLR" };
	static const char *const after[] = { "LOC", "A6", "A5", "A4", "A3", "PCN",
	    "A2", "A1", "country" };
	const char *part[sizeof(street) / sizeof(street[0])];
	struct buf b = {0};
	char *value, *line = NULL;
	xmlNode *c;
	size_t i, k;

	*postcode = NULL;
	for (c = civic->children; c != NULL; c = c->next)
		if (xml_is(c, "PC", NULL))
			*postcode = xml_text(ar, c);
	for (i = 0; i < sizeof(before) / sizeof(before[0]); i++)
		for (c = civic->children; c != NULL; c = c->next)
			if (xml_is(c, before[i], NULL) && (value = xml_text(ar, c)) != NULL)
				buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", value);
	for (i = 0; i < sizeof(street) / sizeof(street[0]); i++) {
		part[i] = NULL;
		for (c = civic->children; c != NULL && part[i] == NULL; c = c->next)
			if (xml_is(c, street[i], NULL))
				part[i] = xml_text(ar, c);
	}
	for (i = 0, k = 0; i < sizeof(street) / sizeof(street[0]); i++)
		if (part[i] != NULL)
			buf_printf(&b, "%s%s", k++ > 0 ? " " : b.len > 0 ? ", " : "", part[i]);
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		for (c = civic->children; c != NULL; c = c->next)
			if (xml_is(c, after[i], NULL) && (value = xml_text(ar, c)) != NULL &&
			    (strcmp(after[i], "country") != 0 || strcasecmp(value, "GB") != 0))
				buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", value);
	if (b.len > 0)
		line = arena_strdup(ar, buf_cstr(&b));
	buf_free(&b);
	return line;
}

int
pidf_location_read(const char *text, size_t len, struct arena *ar,
    struct pidf_location *loc, char *err, size_t errlen)
{
	xmlNode *root, *pos, *civic;
	char *value;
	xmlDoc *doc;
	int rc = -1;

	memset(loc, 0, sizeof(*loc));
	if (len > EIDO_PIDF_MAX) {
		snprintf(err, errlen, "is longer than %d KiB", EIDO_PIDF_MAX / 1024);
		return -1;
	}
	if ((doc = xml_read(text, len, err, errlen)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xml_is(root, "presence", NULL)) {
		snprintf(err, errlen, "is not a PIDF-LO document (a <presence> element)");
		goto out;
	}
	if ((pos = xml_find(root, "pos", NS_GML, 0)) != NULL) {
		if ((value = xml_text(ar, pos)) == NULL ||
		    pos_read(value, &loc->lat, &loc->lon) == -1) {
			snprintf(err, errlen, "has a gml:pos that is not \"latitude "
			    "longitude\" in degrees");
			goto out;
		}
		loc->has_point = 1;
	}
	if ((civic = xml_find(root, "civicAddress", NS_CIVIC, 0)) != NULL)
		loc->address = civic_line(ar, civic, &loc->postcode);
	if (!loc->has_point && loc->address == NULL && loc->postcode == NULL) {
		snprintf(err, errlen, "has neither a gml:pos nor a civicAddress");
		goto out;
	}
	rc = 0;
out:
	xmlFreeDoc(doc);
	return rc;
}

/* HTML5 note text as plain text: the text nodes, a line break after each
 * block. */
static void
html_text_walk(xmlNode *n, struct buf *b, int depth)
{
	static const char *const blocks[] = { "p", "br", "div", "li", "tr", "h1", "h2",
	    "h3", "h4", "h5", "h6", "blockquote", "pre" };
	xmlNode *c;
	size_t i;

	if (depth > XML_DEPTH_MAX)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_puts(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE) {
			html_text_walk(c, b, depth + 1);
			for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
				if (strcasecmp((const char *)c->name, blocks[i]) == 0 &&
				    b->len > 0 && buf_cstr(b)[b->len - 1] != '\n') {
					buf_putc(b, '\n');
					break;
				}
		}
	}
}

/* A note's text without its markup, trimmed, in ar; NULL when empty. */
static char *
note_plain(struct arena *ar, const char *html)
{
	struct buf b = {0};
	const char *s;
	char *out;
	htmlDocPtr doc;
	xmlNode *root;

	if (strpbrk(html, "<&") == NULL)
		s = html;
	else {
		if (strlen(html) > INT_MAX)
			return NULL;
		doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
		    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		if (doc != NULL && (root = xmlDocGetRootElement(doc)) != NULL)
			html_text_walk(root, &b, 0);
		if (doc != NULL)
			xmlFreeDoc(doc);
		s = b.len > 0 ? buf_cstr(&b) : "";
	}
	out = trimmed(ar, s);
	buf_free(&b);
	return out;
}

/* ------------------------------------------------------------------ */
/* The parts of the document                                           */

/* The incident component: an object, or (older samples) an array. */
static struct json_object *
incident_component(struct tr *t)
{
	struct json_object *v = eido_member(t->doc, "incidentComponent");

	if (v == NULL || json_object_is_type(v, json_type_null))
		return NULL;
	if ((v = first_object(v)) == NULL)
		fail(t, "incidentComponent", "wrong_type", "must be an object");
	return v;
}

/* The first string of v (a string or an array of strings) that mapped
 * accepts, or with no mapped, the first. */
static const char *
code_pick(struct json_object *v, int (*mapped)(const char *, void *), void *ctx)
{
	struct json_object *e;
	size_t i, n;

	if (json_object_is_type(v, json_type_string))
		return mapped == NULL || mapped(json_object_get_string(v), ctx) ?
		    json_object_get_string(v) : NULL;
	if (!json_object_is_type(v, json_type_array))
		return NULL;
	n = json_object_array_length(v);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		if (json_object_is_type(e, json_type_string) &&
		    (mapped == NULL || mapped(json_object_get_string(e), ctx)))
			return json_object_get_string(e);
	}
	return NULL;
}

static void
type_status_read(struct tr *t, struct json_object *inc, struct json_object *body)
{
	const struct eido_in_opts *o = t->opts;
	const char *type;

	/* The agency's own code first: that is the one a client maps. A code
	 * the client does not map is still sent, so the create refuses it by
	 * name rather than taking the default type. */
	type = code_pick(eido_member(inc, "incidentTypeInternalCode"), o->type_mapped, o->ctx);
	if (type == NULL)
		type = code_pick(eido_member(inc, "incidentTypeCommonRegistryText"),
		    o->type_mapped, o->ctx);
	if (type == NULL)
		type = code_pick(eido_member(inc, "incidentTypeInternalCode"), NULL, NULL);
	if (type == NULL)
		type = code_pick(eido_member(inc, "incidentTypeCommonRegistryText"), NULL, NULL);
	add_string(t, body, "type", type);
	/* Statuses are many and optional: only one the client maps is used;
	 * the rest stays in the kept document. */
	if (o->status_mapped != NULL) {
		const char *st = code_pick(eido_member(inc, "incidentStatusInternalText"),
		    o->status_mapped, o->ctx);

		if (st == NULL)
			st = code_pick(eido_member(inc, "incidentStatusCommonRegistryText"),
			    o->status_mapped, o->ctx);
		add_string(t, body, "status", st);
	}
}

static void
log_number_read(struct tr *t, struct json_object *inc, const char *id,
    struct json_object *body)
{
	const char *field = t->opts->log_number_field != NULL ?
	    t->opts->log_number_field : "log_number";
	const char *log = eido_str(inc, "internalIncidentId"), *end;

	if (log != NULL && *log != '\0') {
		add_string(t, body, field, log);
		return;
	}
	/* urn:emergency:uid:incidentid:<id>:<element>: the id is the
	 * issuing element's own number for the incident. */
	if (strncasecmp(id, INCIDENT_URN, strlen(INCIDENT_URN)) != 0)
		return;
	id += strlen(INCIDENT_URN);
	if ((end = strchr(id, ':')) == NULL || end == id)
		return;
	if ((log = arena_strndup(t->ar, id, (size_t)(end - id))) == NULL)
		t->oom = 1;
	add_string(t, body, field, log);
}

static void
occurred_read(struct tr *t, struct json_object *body)
{
	struct json_object *calls = component_list(t, "callComponent");
	char at[DATE_RFC3339_LEN], first[DATE_RFC3339_LEN] = "";
	const char *s;
	size_t i, n;

	n = calls != NULL ? json_object_array_length(calls) : 0;
	for (i = 0; i < n; i++) {
		if (eido_member(json_object_array_get_idx(calls, i), "callStartTimestamp") == NULL)
			continue;
		s = eido_str(json_object_array_get_idx(calls, i), "callStartTimestamp");
		if (date_rfc3339_utc(s, at) == -1) {
			fail(t, path_at(t, "callComponent", i, "callStartTimestamp"),
			    "invalid_time", "must be an RFC 3339 time, like "
			    "2021-04-30T14:40:00-04:00");
			continue;
		}
		if (first[0] == '\0' || strcmp(at, first) < 0)
			memcpy(first, at, sizeof(first));
	}
	if (first[0] != '\0')
		add_string(t, body, "occurred_at", first);
}

static void
location_object(struct tr *t, const struct pidf_location *loc, struct json_object *body)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL) {
		t->oom = 1;
		return;
	}
	if (loc->has_point) {
		json_object_object_add(o, "lat", json_object_new_double(loc->lat));
		json_object_object_add(o, "lon", json_object_new_double(loc->lon));
	}
	add_string(t, o, "address", loc->address);
	add_string(t, o, "postcode", loc->postcode);
	json_object_object_add(body, "location", o);
}

/* Whether location component c is one the incident component names. */
static int
location_named(struct json_object *inc, const char *id)
{
	struct json_object *refs = eido_member(inc, "locationReference"), *e;
	const char *r;
	size_t i, n;

	if (id == NULL || !json_object_is_type(refs, json_type_array))
		return 0;
	n = json_object_array_length(refs);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(refs, i);
		if ((r = eido_str(e, "$ref")) != NULL && strcmp(r, id) == 0)
			return 1;
	}
	return 0;
}

/* Every location by value is read (a malformed one is refused); the
 * incident's location is the first the incident component names, else the
 * first one read. */
static void
location_read(struct tr *t, struct json_object *inc, struct json_object *body)
{
	struct json_object *list = component_list(t, "locationComponent"), *c, *v;
	struct pidf_location loc, chosen = {0};
	int have = 0, named = 0;
	char err[256], *path;
	size_t i, n;

	n = list != NULL ? json_object_array_length(list) : 0;
	for (i = 0; i < n; i++) {
		c = json_object_array_get_idx(list, i);
		if ((v = eido_member(c, "locationByValue")) == NULL)
			continue;
		path = path_at(t, "locationComponent", i, "locationByValue");
		if (!json_object_is_type(v, json_type_string)) {
			fail(t, path, "wrong_type", "must be a PIDF-LO document in a string");
			continue;
		}
		if (pidf_location_read(json_object_get_string(v),
		    (size_t)json_object_get_string_len(v), t->ar, &loc, err,
		    sizeof(err)) == -1) {
			fail(t, path, "invalid_pidf_lo", arena_printf(t->ar,
			    "The PIDF-LO %s", err));
			continue;
		}
		if (!have || (!named && location_named(inc, eido_str(c, "$id")))) {
			named = location_named(inc, eido_str(c, "$id"));
			chosen = loc;
			have = 1;
		}
	}
	if (have)
		location_object(t, &chosen, body);
}

/* The text of the comments in an EmergencyCallData.Comment (RFC 7852). */
static void
comment_read(struct tr *t, struct json_object *ad, size_t i, struct buf *out)
{
	const char *xml = eido_str(ad, "additionalDataByValue");
	xmlNode *root, *c;
	char err[200], *text;
	xmlDoc *doc;

	if (xml == NULL || strstr(xml, "EmergencyCallData.Comment") == NULL)
		return;
	if ((doc = xml_read(xml, strlen(xml), err, sizeof(err))) == NULL) {
		fail(t, path_at(t, "additionalDataComponent", i, "additionalDataByValue"),
		    "invalid_xml", arena_printf(t->ar, "The comment %s", err));
		return;
	}
	root = xmlDocGetRootElement(doc);
	if (root != NULL && xml_is(root, "EmergencyCallData.Comment", NULL))
		for (c = root->children; c != NULL; c = c->next)
			if (xml_is(c, "Comment", NULL) && (text = xml_text(t->ar, c)) != NULL)
				buf_printf(out, "%s%s", out->len > 0 ? "\n\n" : "", text);
	xmlFreeDoc(doc);
}

/* The notes, then the comments, as the description. */
static void
description_read(struct tr *t, struct json_object *body)
{
	struct json_object *notes = component_list(t, "notesComponent");
	struct json_object *data = component_list(t, "additionalDataComponent"), *v;
	struct buf b = {0};
	size_t i, n;
	char *text;

	n = notes != NULL ? json_object_array_length(notes) : 0;
	for (i = 0; i < n; i++) {
		v = eido_member(json_object_array_get_idx(notes, i), "notesActionComments");
		if (v == NULL)
			continue;
		if (!json_object_is_type(v, json_type_string)) {
			fail(t, path_at(t, "notesComponent", i, "notesActionComments"),
			    "wrong_type", "must be a string");
			continue;
		}
		if ((text = note_plain(t->ar, json_object_get_string(v))) != NULL)
			buf_printf(&b, "%s%s", b.len > 0 ? "\n\n" : "", text);
	}
	n = data != NULL ? json_object_array_length(data) : 0;
	for (i = 0; i < n; i++)
		comment_read(t, json_object_array_get_idx(data, i), i, &b);
	if (b.len > 0)
		add_string(t, body, "description", buf_cstr(&b));
	buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* People                                                              */

enum eido_role { ROLE_NONE, ROLE_CALLER, ROLE_VICTIM, ROLE_WITNESS, ROLE_SUBJECT,
	ROLE_REPORTER };

static const struct {
	const char	*eido;		/* letters only, any case */
	enum eido_role	 role;
} roles[] = {
	{ "caller", ROLE_CALLER }, { "callingparty", ROLE_CALLER },
	{ "victim", ROLE_VICTIM }, { "witness", ROLE_WITNESS },
	{ "subject", ROLE_SUBJECT }, { "suspect", ROLE_SUBJECT },
	{ "offender", ROLE_SUBJECT }, { "perpetrator", ROLE_SUBJECT },
	{ "reporter", ROLE_REPORTER }, { "reportingparty", ROLE_REPORTER },
	{ "informant", ROLE_REPORTER }, { "complainant", ROLE_REPORTER },
};

static const char *const role_names[] = { NULL, "reporter", "victim", "witness",
	"subject", "reporter" };

static enum eido_role person_role(struct json_object *);

const char *
eido_person_role(struct json_object *person)
{
	return role_names[person_role(person)];
}

static enum eido_role
role_of(const char *s)
{
	char letters[32];
	size_t i, n = 0;

	for (; *s != '\0' && n < sizeof(letters) - 1; s++)
		if (isalpha((unsigned char)*s))
			letters[n++] = (char)tolower((unsigned char)*s);
	letters[n] = '\0';
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(letters, roles[i].eido) == 0)
			return roles[i].role;
	return ROLE_NONE;
}

/* The person's first role Concord has. */
static enum eido_role
person_role(struct json_object *p)
{
	struct json_object *v = eido_member(p, "personIncidentRoleRegistryText"), *e;
	enum eido_role r;
	size_t i, n;

	if (json_object_is_type(v, json_type_string))
		return role_of(json_object_get_string(v));
	n = json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		if (json_object_is_type(e, json_type_string) &&
		    (r = role_of(json_object_get_string(e))) != ROLE_NONE)
			return r;
	}
	return ROLE_NONE;
}

/* A telephone number from a callback component's tel: URIs. */
static const char *
callback_phone(struct tr *t, const char *ref)
{
	struct json_object *cb = component_by_id(t, "callbackComponent", ref);
	struct json_object *uris = eido_member(cb, "callBackInformationUri"), *e;
	const char *u, *end;
	size_t i, n;

	n = json_object_is_type(uris, json_type_array) ? json_object_array_length(uris) : 0;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(uris, i);
		if (!json_object_is_type(e, json_type_string) ||
		    strncasecmp(u = json_object_get_string(e), "tel:", 4) != 0)
			continue;
		u += 4;
		end = strchr(u, ';');
		return end != NULL ? arena_strndup(t->ar, u, (size_t)(end - u)) : u;
	}
	return NULL;
}

/* A NIEM full name split at its last space. */
static void
full_name_split(struct tr *t, const char *full, struct json_object *o)
{
	const char *sp = strrchr(full, ' ');

	if (sp == NULL) {
		add_string(t, o, "family_name", full);
		return;
	}
	add_string(t, o, "given_name", arena_strndup(t->ar, full, (size_t)(sp - full)));
	add_string(t, o, "family_name", sp + 1);
}

/* The NIEM person's names, date of birth and home contact details into o;
 * those members leave the kept copy nc (they live in Concord's person
 * rows from now on). */
static void
niem_person_read(struct tr *t, struct json_object *ncp, struct json_object *nc,
    struct json_object *o)
{
	struct json_object *name = first_object(eido_member(ncp, "name"));
	struct json_object *contact = first_object(eido_member(ncp, "homeContactInformation"));
	struct json_object *phone;
	const char *s, *dob;

	if (nc == NULL)
		return;
	if (name != NULL) {
		add_string(t, o, "given_name", niem_text(eido_member(name, "personGivenName")));
		add_string(t, o, "family_name", niem_text(eido_member(name, "personSurName")));
		if (eido_member(o, "family_name") == NULL &&
		    (s = niem_text(eido_member(name, "personFullName"))) != NULL)
			full_name_split(t, s, o);
		json_object_object_del(nc, "name");
	}
	if ((dob = niem_text(eido_member(first_object(eido_member(ncp, "birthDate")), "date"))) != NULL) {
		add_string(t, o, "dob", dob);
		json_object_object_del(nc, "birthDate");
	}
	if (contact != NULL) {
		phone = first_object(eido_member(contact, "contactTelephoneNumber"));
		s = niem_text(eido_member(eido_member(phone, "full"), "telephoneNumberFullID"));
		if (s == NULL)
			s = niem_text(eido_member(eido_member(phone, "international"),
			    "telephoneNumberFullID"));
		add_string(t, o, "email", niem_text(eido_member(contact, "contactEmailID")));
		/* A number Concord would refuse (a North American one without
		 * its +1, say) is not a reason to refuse the whole transfer: it
		 * stays in the kept document, as written, and the person has no
		 * number in Concord. */
		if (s != NULL && contact_phone_check(s) == NULL) {
			add_string(t, o, "phone", s);
			json_object_object_del(nc, "homeContactInformation");
		} else if (s == NULL) {
			json_object_object_del(nc, "homeContactInformation");
		}
	}
}

static void
people_read(struct tr *t, struct json_object *body)
{
	const char *caller_field = t->opts->caller_field != NULL ?
	    t->opts->caller_field : "caller";
	struct json_object *list = component_list(t, "personComponent");
	struct json_object *kept_list = eido_member(t->kept, "personComponent");
	struct json_object *people = NULL, *p, *o, *ncp, *kept_p, *kept_nc;
	enum eido_role role;
	int have_caller = 0;
	const char *phone;
	size_t i, n;

	n = list != NULL ? json_object_array_length(list) : 0;
	for (i = 0; i < n; i++) {
		p = json_object_array_get_idx(list, i);
		/* A role Concord does not have: the person stays whole in the
		 * kept document. */
		if ((role = person_role(p)) == ROLE_NONE)
			continue;
		if ((o = json_object_new_object()) == NULL) {
			t->oom = 1;
			return;
		}
		kept_p = json_object_array_get_idx(kept_list, i);
		ncp = eido_member(p, "ncPersonComponent");
		kept_nc = eido_member(kept_p, "ncPersonComponent");
		if (json_object_is_type(ncp, json_type_object))
			niem_person_read(t, ncp, kept_nc, o);
		if (eido_member(o, "phone") == NULL &&
		    (phone = callback_phone(t, ref_of(p, "callBackReference"))) != NULL &&
		    contact_phone_check(phone) == NULL)
			add_string(t, o, "phone", phone);
		if (json_object_is_type(kept_nc, json_type_object) &&
		    json_object_object_length(kept_nc) == 0)
			json_object_object_del(kept_p, "ncPersonComponent");
		if (role == ROLE_CALLER && !have_caller) {
			json_object_object_add(body, caller_field, o);
			have_caller = 1;
			continue;
		}
		add_string(t, o, "role", role_names[role]);
		if (people == NULL && (people = json_object_new_array()) == NULL) {
			json_object_put(o);
			t->oom = 1;
			return;
		}
		json_object_array_add(people, o);
	}
	if (people != NULL)
		json_object_object_add(body, "people", people);
}

/* ------------------------------------------------------------------ */

static const char *
id_read(struct tr *t)
{
	struct json_object *v = eido_member(t->doc, "$id");
	const char *id;

	if (v == NULL) {
		fail(t, "$id", "missing", "An EIDO needs its $id: the incident's "
		    "identifier, which later documents about it repeat");
		return NULL;
	}
	if (!json_object_is_type(v, json_type_string)) {
		fail(t, "$id", "wrong_type", "must be a string");
		return NULL;
	}
	id = json_object_get_string(v);
	if (*id == '\0' || strlen(id) > EXTERNAL_ID_MAX) {
		fail(t, "$id", "out_of_range", "must be 1 to 200 characters");
		return NULL;
	}
	return id;
}

int
eido_in_translate(struct json_object *doc, const struct eido_in_opts *opts,
    struct arena *ar, struct eido_in *out, struct problem_fields *errs)
{
	static const struct eido_in_opts none;
	struct tr t = { doc, NULL, opts != NULL ? opts : &none, ar, errs, 0 };
	struct json_object *body = NULL, *ext = NULL, *inc;
	const char *id;

	memset(out, 0, sizeof(*out));
	if (!json_object_is_type(doc, json_type_object)) {
		problem_field_add(errs, "$", "wrong_type", "An EIDO is a JSON object");
		return -1;
	}
	if ((id = id_read(&t)) == NULL)
		return -1;
	if ((body = json_object_new_object()) == NULL || (ext = json_object_new_object()) == NULL ||
	    json_object_deep_copy(doc, &t.kept, NULL) != 0)
		goto oom;
	json_object_object_del(t.kept, "$id");
	add_string(&t, body, "external_id", id);
	inc = incident_component(&t);
	type_status_read(&t, inc, body);
	log_number_read(&t, inc, id, body);
	occurred_read(&t, body);
	description_read(&t, body);
	location_read(&t, inc, body);
	people_read(&t, body);
	json_object_object_add(ext, "eido", t.kept);
	t.kept = NULL;
	json_object_object_add(body, "extensions", ext);
	ext = NULL;
	if (t.oom)
		goto oom;
	if (errs->n > 0 || errs->dropped > 0) {
		json_object_put(body);
		return -1;
	}
	out->body = body;
	out->external_id = eido_str(body, "external_id");
	return 0;
oom:
	json_object_put(t.kept);
	json_object_put(ext);
	json_object_put(body);
	return -1;
}

void
eido_in_free(struct eido_in *in)
{
	json_object_put(in->body);
	in->body = NULL;
	in->external_id = NULL;
}

struct json_object *
eido_in_patch_body(struct json_object *create, const struct eido_in_opts *opts)
{
	const char *keys[] = { "description", "log_number", "type", "status",
	    "occurred_at", "location", "extensions" };
	struct json_object *patch = json_object_new_object(), *v, *copy;
	size_t i;

	if (patch == NULL)
		return NULL;
	if (opts != NULL && opts->log_number_field != NULL)
		keys[1] = opts->log_number_field;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if ((v = eido_member(create, keys[i])) == NULL)
			continue;
		copy = NULL;
		if (json_object_deep_copy(v, &copy, NULL) != 0) {
			json_object_put(patch);
			return NULL;
		}
		json_object_object_add(patch, keys[i], copy);
	}
	return patch;
}
