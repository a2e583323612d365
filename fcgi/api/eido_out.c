/* An incident representation into an EIDO document (api/eido_out.h). */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "api/eido_in.h"
#include "api/eido_out.h"
#include "core/buf.h"

/* The document being written. */
struct out {
	struct json_object	*rep;
	struct json_object	*doc;
	const char		*ref;		/* the incident's reference */
	const char		*element;
	const char		*at;		/* updated_at, or NULL */
	const char		*owner;		/* the owning agency's $id */
	int			 oom;
};

/* Sets o[key] to v (taking it); a NULL v is out of memory. */
static void
set(struct out *w, struct json_object *o, const char *key, struct json_object *v)
{
	if (v == NULL || o == NULL || json_object_object_add(o, key, v) != 0) {
		json_object_put(v);
		w->oom = 1;
	}
}

static void
set_str(struct out *w, struct json_object *o, const char *key, const char *s)
{
	if (s != NULL)
		set(w, o, key, json_object_new_string(s));
}

static struct json_object *
copy(struct out *w, struct json_object *v)
{
	struct json_object *c = NULL;

	if (v == NULL)
		return NULL;
	if (json_object_deep_copy(v, &c, NULL) != 0) {
		w->oom = 1;
		return NULL;
	}
	return c;
}

static struct json_object *
reference(struct out *w, const char *id)
{
	struct json_object *r = json_object_new_object();

	set_str(w, r, "$ref", id);
	if (r == NULL)
		w->oom = 1;
	return r;
}

static char *
id_printf(struct out *w, char *dst, size_t len, const char *kind, const char *more)
{
	if ((size_t)snprintf(dst, len, "urn:concord:%s:%s%s%s", kind, w->ref,
	    more != NULL ? ":" : "", more != NULL ? more : "") >= len)
		w->oom = 1;
	return dst;
}

/* The common prologue of a component Concord writes. */
static void
prologue(struct out *w, struct json_object *c, const char *id)
{
	if (id != NULL)
		set_str(w, c, "$id", id);
	set_str(w, c, "lastUpdateTimeStamp", w->at);
	if (w->owner != NULL)
		set(w, c, "updatedByAgencyReference", reference(w, w->owner));
}

/* The kept list name (a copy), or a new empty array. */
static struct json_object *
kept_list(struct out *w, const char *name)
{
	struct json_object *a = eido_member(w->doc, name);

	if (json_object_is_type(a, json_type_array))
		return a;
	a = json_object_new_array();
	set(w, w->doc, name, a);
	return w->oom ? NULL : a;
}

/* The element of list whose $id is id, or NULL. */
static struct json_object *
by_id(struct json_object *list, const char *id)
{
	struct json_object *e;
	const char *eid;
	size_t i, n = json_object_array_length(list);

	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(list, i);
		if ((eid = eido_str(e, "$id")) != NULL && strcmp(eid, id) == 0)
			return e;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */

static void
xml_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
}

int
pidf_location_write(struct buf *b, const struct pidf_location *loc,
    const char *entity, const char *timestamp)
{
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
	    " xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\""
	    " xmlns:gml=\"http://www.opengis.net/gml\""
	    " xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\""
	    " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" entity=\"");
	xml_escaped(b, entity);
	buf_puts(b, "\"><dm:device id=\"incident\"><gp:geopriv><gp:location-info>");
	if (loc->has_point)
		buf_printf(b, "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\">"
		    "<gml:pos>%.7f %.7f</gml:pos></gml:Point>", loc->lat, loc->lon);
	if (loc->address != NULL || loc->postcode != NULL) {
		buf_puts(b, "<ca:civicAddress><ca:country>GB</ca:country>");
		if (loc->address != NULL) {
			buf_puts(b, "<ca:LOC>");
			xml_escaped(b, loc->address);
			buf_puts(b, "</ca:LOC>");
		}
		if (loc->postcode != NULL) {
			buf_puts(b, "<ca:PC>");
			xml_escaped(b, loc->postcode);
			buf_puts(b, "</ca:PC>");
		}
		buf_puts(b, "</ca:civicAddress>");
	}
	buf_puts(b, "</gp:location-info><gp:usage-rules/><gp:method>Manual</gp:method>"
	    "</gp:geopriv>");
	if (timestamp != NULL) {
		buf_puts(b, "<dm:timestamp>");
		xml_escaped(b, timestamp);
		buf_puts(b, "</dm:timestamp>");
	}
	buf_puts(b, "</dm:device></presence>");
	return b->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */

/* A jCard (RFC 7095) with the name, as EIDO's agencyJcard text. */
static struct json_object *
jcard(struct out *w, const char *name)
{
	char *text;
	struct json_object *s;
	struct buf b = {0};

	buf_puts(&b, "[\"vcard\",[[\"version\",{},\"text\",\"4.0\"],[\"fn\",{},\"text\",");
	s = json_object_new_string(name);
	buf_puts(&b, s != NULL ? json_object_to_json_string_ext(s, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE) : "\"\"");
	json_object_put(s);
	buf_puts(&b, "]]]");
	text = b.oom ? NULL : (char *)buf_cstr(&b);
	s = text != NULL ? json_object_new_string(text) : NULL;
	buf_free(&b);
	if (s == NULL)
		w->oom = 1;
	return s;
}

static void
agencies_write(struct out *w)
{
	struct json_object *list = kept_list(w, "agencyComponent");
	struct json_object *agencies = eido_member(w->rep, "agencies"), *a, *c, *roles, *types;
	const char *code, *role, *name;
	char id[256];
	size_t i, n;

	n = json_object_is_type(agencies, json_type_array) ?
	    json_object_array_length(agencies) : 0;
	for (i = 0; i < n && list != NULL; i++) {
		a = json_object_array_get_idx(agencies, i);
		if ((code = eido_str(a, "code")) == NULL)
			continue;
		role = eido_str(a, "role");
		name = eido_str(a, "name");
		snprintf(id, sizeof(id), "urn:concord:agency:%s", code);
		if ((c = by_id(list, id)) == NULL) {
			if ((c = json_object_new_object()) == NULL ||
			    json_object_array_add(list, c) != 0) {
				json_object_put(c);
				w->oom = 1;
				return;
			}
		}
		prologue(w, c, id);
		roles = json_object_new_array();
		json_object_array_add(roles, json_object_new_string(role != NULL &&
		    strcmp(role, "owner") == 0 ? "IncidentOwning" : "Responding"));
		set(w, c, "agencyRoleDescriptionRegistryText", roles);
		/* Concord's agencies (a force, a council, a housing provider)
		 * have no kind in the IANA responder registry it could name. */
		if (eido_member(c, "agencyType") == NULL && (types = json_object_new_array()) != NULL)
			set(w, c, "agencyType", types);
		if (name != NULL)
			set(w, c, "agencyJcard", jcard(w, name));
		set(w, c, "incidentOwningAgencyIndicator", json_object_new_boolean(role != NULL &&
		    strcmp(role, "owner") == 0));
	}
}

/* The owning agency's $id: Concord's owner, else the document's. */
static const char *
owner_of(struct out *w, char *id, size_t len)
{
	struct json_object *agencies = eido_member(w->rep, "agencies"), *a;
	const char *code, *role;
	size_t i, n;

	n = json_object_is_type(agencies, json_type_array) ?
	    json_object_array_length(agencies) : 0;
	for (i = 0; i < n; i++) {
		a = json_object_array_get_idx(agencies, i);
		code = eido_str(a, "code");
		role = eido_str(a, "role");
		if (code != NULL && role != NULL && strcmp(role, "owner") == 0) {
			snprintf(id, len, "urn:concord:agency:%s", code);
			return id;
		}
	}
	/* Copied: the document's own is replaced as it is written. */
	if ((code = eido_str(eido_member(w->doc, "updatedByAgencyReference"), "$ref")) == NULL)
		return NULL;
	snprintf(id, len, "%s", code);
	return id;
}

/* Concord's location as a PIDF-LO by value in the first kept location
 * given by value (so that the references to it still hold), else in a new
 * component. Returns its $id, or NULL when Concord has no location. */
static const char *
location_write(struct out *w, char *id, size_t idlen)
{
	struct json_object *loc = eido_member(w->rep, "location"), *list, *c = NULL, *e;
	struct json_object *lat = eido_member(loc, "lat"), *lon = eido_member(loc, "lon");
	struct pidf_location p = {0};
	char entity[300];
	struct buf b = {0};
	size_t i, n;

	if (json_object_is_type(lat, json_type_double) || json_object_is_type(lat, json_type_int)) {
		if (json_object_is_type(lon, json_type_double) ||
		    json_object_is_type(lon, json_type_int)) {
			p.has_point = 1;
			p.lat = json_object_get_double(lat);
			p.lon = json_object_get_double(lon);
		}
	}
	p.address = (char *)eido_str(loc, "address");
	p.postcode = (char *)eido_str(loc, "postcode");
	if (!p.has_point && p.address == NULL && p.postcode == NULL)
		return NULL;
	if ((list = kept_list(w, "locationComponent")) == NULL)
		return NULL;
	n = json_object_array_length(list);
	for (i = 0; i < n && c == NULL; i++) {
		e = json_object_array_get_idx(list, i);
		if (eido_member(e, "locationByValue") != NULL && eido_str(e, "$id") != NULL)
			c = e;
	}
	if (c == NULL) {
		if ((c = json_object_new_object()) == NULL || json_object_array_add(list, c) != 0) {
			json_object_put(c);
			w->oom = 1;
			return NULL;
		}
		prologue(w, c, id_printf(w, id, idlen, "location", NULL));
		set_str(w, c, "locationTypeDescriptionRegistryText", "Incident");
	} else {
		snprintf(id, idlen, "%s", eido_str(c, "$id"));
		prologue(w, c, NULL);
	}
	snprintf(entity, sizeof(entity), "pres:%s@%s", w->ref, w->element);
	if (pidf_location_write(&b, &p, entity, w->at) == -1)
		w->oom = 1;
	else
		set_str(w, c, "locationByValue", buf_cstr(&b));
	buf_free(&b);
	return id;
}

static const char *const eido_roles[][2] = {
	{ "reporter", "Caller" }, { "victim", "Victim" }, { "witness", "Witness" },
	{ "subject", "Subject" },
};

static const char *
eido_role_text(const char *role)
{
	size_t i;

	for (i = 0; i < sizeof(eido_roles) / sizeof(eido_roles[0]); i++)
		if (role != NULL && strcmp(eido_roles[i][0], role) == 0)
			return eido_roles[i][1];
	return "Involved";
}

/* A NIEM text array: [{"value": s}]. */
static struct json_object *
niem_texts(struct out *w, const char *s)
{
	struct json_object *a = json_object_new_array(), *o = json_object_new_object();

	set_str(w, o, "value", s);
	if (a == NULL || o == NULL || json_object_array_add(a, o) != 0) {
		json_object_put(a);
		json_object_put(o);
		w->oom = 1;
		return NULL;
	}
	return a;
}

/* The person's details as a NIEM person (ncPersonComponent) in c. */
static void
niem_person_write(struct out *w, struct json_object *p, struct json_object *c)
{
	struct json_object *nc = eido_member(c, "ncPersonComponent"), *name, *names, *o, *tel;
	const char *given = eido_str(p, "given_name"), *family = eido_str(p, "family_name");
	const char *dob = eido_str(p, "dob"), *phone = eido_str(p, "phone");
	const char *email = eido_str(p, "email");

	if (nc == NULL) {
		nc = json_object_new_object();
		set(w, c, "ncPersonComponent", nc);
		if (w->oom)
			return;
	}
	if (given != NULL || family != NULL) {
		name = json_object_new_object();
		if (given != NULL)
			set(w, name, "personGivenName", niem_texts(w, given));
		if (family != NULL)
			set(w, name, "personSurName", niem_texts(w, family));
		names = json_object_new_array();
		if (names == NULL || name == NULL || json_object_array_add(names, name) != 0) {
			json_object_put(name);
			w->oom = 1;
		}
		set(w, nc, "name", names);
	}
	if (dob != NULL) {
		o = json_object_new_object();
		set_str(w, o, "date", dob);
		names = json_object_new_array();
		if (names == NULL || o == NULL || json_object_array_add(names, o) != 0) {
			json_object_put(o);
			w->oom = 1;
		}
		set(w, nc, "birthDate", names);
	}
	if (phone != NULL || email != NULL) {
		o = json_object_new_object();
		if (phone != NULL) {
			tel = json_object_new_object();
			set(w, tel, "full", json_object_new_object());
			set_str(w, eido_member(tel, "full"), "telephoneNumberFullID", phone);
			names = json_object_new_array();
			if (names == NULL || tel == NULL || json_object_array_add(names, tel) != 0) {
				json_object_put(tel);
				w->oom = 1;
			}
			set(w, o, "contactTelephoneNumber", names);
		}
		if (email != NULL)
			set(w, o, "contactEmailID", niem_texts(w, email));
		names = json_object_new_array();
		if (names == NULL || o == NULL || json_object_array_add(names, o) != 0) {
			json_object_put(o);
			w->oom = 1;
		}
		set(w, nc, "homeContactInformation", names);
	}
}

/* Each person of Concord's over the first unused kept person of the same
 * role; the others as new components. Returns the persons' array. */
static struct json_object *
people_write(struct out *w)
{
	struct json_object *list = kept_list(w, "personComponent");
	struct json_object *people = eido_member(w->rep, "people"), *p, *c, *e, *roles;
	size_t i, j, n, kept_n;
	const char *role, *kr;
	char used[256] = {0};
	char id[300], num[24];

	if (list == NULL)
		return NULL;
	kept_n = json_object_array_length(list);
	n = json_object_is_type(people, json_type_array) ? json_object_array_length(people) : 0;
	for (i = 0; i < n; i++) {
		p = json_object_array_get_idx(people, i);
		role = eido_str(p, "role");
		for (c = NULL, j = 0; j < kept_n && j < sizeof(used) && c == NULL; j++) {
			e = json_object_array_get_idx(list, j);
			kr = eido_person_role(e);
			if (!used[j] && kr != NULL && role != NULL && strcmp(kr, role) == 0) {
				used[j] = 1;
				c = e;
			}
		}
		if (c == NULL) {
			if ((c = json_object_new_object()) == NULL ||
			    json_object_array_add(list, c) != 0) {
				json_object_put(c);
				w->oom = 1;
				return NULL;
			}
			snprintf(num, sizeof(num), "%zu", i + 1);
			prologue(w, c, id_printf(w, id, sizeof(id), "person", num));
			roles = json_object_new_array();
			if (roles != NULL)
				json_object_array_add(roles,
				    json_object_new_string(eido_role_text(role)));
			set(w, c, "personIncidentRoleRegistryText", roles);
		} else
			prologue(w, c, NULL);
		niem_person_write(w, p, c);
	}
	return list;
}

/* A note of Concord's: its text escaped as the HTML5 EIDO notes hold. */
static void
note_add(struct out *w, struct json_object *list, const char *id, const char *at,
    const char *text)
{
	struct json_object *c = json_object_new_object();
	struct buf b = {0};

	if (c == NULL || json_object_array_add(list, c) != 0) {
		json_object_put(c);
		w->oom = 1;
		return;
	}
	prologue(w, c, id);
	if (at != NULL)
		set_str(w, c, "lastUpdateTimeStamp", at);
	xml_escaped(&b, text);
	set_str(w, c, "notesActionComments", b.oom ? NULL : buf_cstr(&b));
	if (b.oom)
		w->oom = 1;
	buf_free(&b);
}

/* The kept notes, then (for an incident that did not come as EIDO) the
 * description, then the timeline, oldest first as Concord lists it. */
static void
notes_write(struct out *w, struct json_object *inc)
{
	struct json_object *kept = eido_member(w->doc, "notesComponent");
	struct json_object *timeline = eido_member(w->rep, "timeline"), *e, *list, *refs;
	const char *text, *kind;
	char id[300], num[24], words[64];
	struct buf b = {0};
	size_t i, n;
	int fresh = !json_object_is_type(kept, json_type_array);

	if ((list = kept_list(w, "notesComponent")) == NULL)
		return;
	if (fresh && (text = eido_str(w->rep, "description")) != NULL)
		note_add(w, list, id_printf(w, id, sizeof(id), "note", "description"),
		    eido_str(w->rep, "reported_at"), text);
	n = json_object_is_type(timeline, json_type_array) ? json_object_array_length(timeline) : 0;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(timeline, i);
		if ((text = eido_str(e, "text")) == NULL)
			continue;
		kind = eido_str(e, "kind");
		snprintf(num, sizeof(num), "%zu", i + 1);
		snprintf(words, sizeof(words), "%s: ", kind != NULL ? kind : "update");
		buf_reset(&b);
		buf_puts(&b, words);
		buf_puts(&b, text);
		note_add(w, list, id_printf(w, id, sizeof(id), "note", num),
		    eido_str(e, "at"), b.oom ? "" : buf_cstr(&b));
	}
	buf_free(&b);
	if (json_object_array_length(list) == 0) {
		json_object_object_del(w->doc, "notesComponent");
		return;
	}
	if ((refs = json_object_new_array()) == NULL) {
		w->oom = 1;
		return;
	}
	for (i = 0; i < json_object_array_length(list); i++)
		if ((text = eido_str(json_object_array_get_idx(list, i), "$id")) != NULL)
			json_object_array_add(refs, reference(w, text));
	set(w, inc, "notesReference", refs);
}

/* References to every component of list by its $id. */
static struct json_object *
refs_to(struct out *w, struct json_object *list)
{
	struct json_object *refs = json_object_new_array();
	const char *id;
	size_t i, n = list != NULL ? json_object_array_length(list) : 0;

	if (refs == NULL) {
		w->oom = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if ((id = eido_str(json_object_array_get_idx(list, i), "$id")) != NULL)
			json_object_array_add(refs, reference(w, id));
	return refs;
}

/* The incident component: the kept one with Concord's type, status,
 * reference and beat. */
static struct json_object *
incident_write(struct out *w)
{
	struct json_object *inc = eido_member(w->doc, "incidentComponent"), *type, *a;
	const char *code, *status;
	char id[300];

	if (json_object_is_type(inc, json_type_array))
		inc = json_object_array_length(inc) > 0 ? copy(w, json_object_array_get_idx(inc, 0)) :
		    NULL;
	else if (json_object_is_type(inc, json_type_object))
		json_object_get(inc);
	else
		inc = NULL;
	if (inc == NULL && (inc = json_object_new_object()) == NULL) {
		w->oom = 1;
		return NULL;
	}
	set(w, w->doc, "incidentComponent", inc);
	if (w->oom)
		return NULL;
	prologue(w, inc, eido_str(inc, "$id") != NULL ? NULL :
	    id_printf(w, id, sizeof(id), "incident", NULL));
	type = eido_member(w->rep, "type");
	code = eido_str(type, "code") != NULL ? eido_str(type, "code") :
	    eido_str(type, "concord");
	set_str(w, inc, "incidentTypeInternalCode", code);
	set_str(w, inc, "incidentTypeInternalText", eido_str(type, "name"));
	if (eido_member(inc, "incidentTypeCommonRegistryText") == NULL)
		set_str(w, inc, "incidentTypeCommonRegistryText", eido_str(type, "concord"));
	status = eido_str(w->rep, "status_code") != NULL ?
	    eido_str(w->rep, "status_code") : eido_str(w->rep, "status");
	if (status != NULL && (a = json_object_new_array()) != NULL) {
		json_object_array_add(a, json_object_new_string(status));
		set(w, inc, "incidentStatusInternalText", a);
	}
	if (eido_member(inc, "internalIncidentId") == NULL)
		set_str(w, inc, "internalIncidentId", w->ref);
	set_str(w, inc, "beatOrDispatchGroupText",
	    eido_str(eido_member(eido_member(w->rep, "location"), "beat"), "name"));
	return inc;
}

static struct json_object *
kept_document(struct out *w, struct json_object *rep, struct json_object *kept)
{
	struct json_object *doc;

	if (kept == NULL)
		kept = eido_member(eido_member(rep, "external"), "kept");
	kept = eido_member(kept, "eido");
	doc = json_object_is_type(kept, json_type_object) ? copy(w, kept) :
	    json_object_new_object();
	if (doc == NULL)
		w->oom = 1;
	return doc;
}

struct json_object *
eido_out_build(struct json_object *rep, struct json_object *kept, const char *element)
{
	struct out w = { rep, NULL, eido_str(rep, "reference"), element, NULL, NULL, 0 };
	struct json_object *out, *inc, *persons;
	char id[300], owner[256], loc_id[300];
	const char *ext, *loc, *k;

	if (w.ref == NULL || element == NULL || (out = json_object_new_object()) == NULL)
		return NULL;
	w.at = eido_str(rep, "updated_at");
	if ((w.doc = kept_document(&w, rep, kept)) == NULL) {
		json_object_put(out);
		return NULL;
	}
	/* $id first, as NENA's samples have it. */
	if ((ext = eido_str(eido_member(rep, "external"), "id")) == NULL) {
		snprintf(id, sizeof(id), "urn:emergency:uid:incidentid:%s:%s", w.ref, element);
		ext = id;
	}
	set_str(&w, out, "$id", ext);
	w.owner = owner_of(&w, owner, sizeof(owner));
	set_str(&w, w.doc, "lastUpdateTimeStamp", w.at);
	if (w.owner != NULL)
		set(&w, w.doc, "updatedByAgencyReference", reference(&w, w.owner));
	set_str(&w, w.doc, "eidoVersion", "1.0");
	set_str(&w, w.doc, "issuingElementIdentification", element);
	agencies_write(&w);
	inc = incident_write(&w);
	if ((loc = location_write(&w, loc_id, sizeof(loc_id))) != NULL && inc != NULL &&
	    eido_member(inc, "locationReference") == NULL) {
		struct json_object *refs = json_object_new_array();

		if (refs != NULL)
			json_object_array_add(refs, reference(&w, loc));
		set(&w, inc, "locationReference", refs);
	}
	if ((persons = people_write(&w)) != NULL && inc != NULL) {
		if (json_object_array_length(persons) == 0)
			json_object_object_del(w.doc, "personComponent");
		else
			set(&w, inc, "personReference", refs_to(&w, persons));
	}
	if (inc != NULL)
		notes_write(&w, inc);
	json_object_object_foreach(w.doc, key, val) {
		k = key;
		if (strcmp(k, "$id") != 0)
			set(&w, out, k, json_object_get(val));
	}
	json_object_put(w.doc);
	if (w.oom) {
		json_object_put(out);
		return NULL;
	}
	return out;
}
