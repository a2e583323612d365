/* GeoReport v2's response shapes, in JSON and in XML. JSON is built with
 * json-c; XML with the small writer below, which escapes every value it
 * is given — nothing is pasted in unescaped. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "api/open311_format.h"
#include "core/buf.h"
#include "domain/open311.h"
#include "http/request.h"

#define XML_TYPE	"text/xml; charset=utf-8"

/* ------------------------------------------------------------------ */
/* The XML writer                                                      */

/* Appends s with & < > " ' escaped. Characters XML 1.0 does not allow
 * (controls other than tab, newline and carriage return) are dropped. */
void
xml_escape(struct buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		switch (*p) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		default:
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				break;
			if (*p == 0x7f)
				break;
			buf_putc(b, (char)*p);
		}
}

static void
xml_open(struct buf *b, const char *tag)
{
	buf_printf(b, "<%s>", tag);
}

static void
xml_close(struct buf *b, const char *tag)
{
	buf_printf(b, "</%s>", tag);
}

/* <tag>text</tag>, the text escaped; an empty element for NULL. Tags are
 * our own constants, never input. */
void
xml_element(struct buf *b, const char *tag, const char *text)
{
	xml_open(b, tag);
	if (text != NULL)
		xml_escape(b, text);
	xml_close(b, tag);
}

static void
xml_start(struct req *r, int status)
{
	r->resp.status = status;
	r->resp.content_type = XML_TYPE;
	buf_reset(r->resp.body);
	buf_puts(r->resp.body, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
}

static const char *
tf(int v)
{
	return v ? "true" : "false";
}

/* A coordinate without float noise: up to 7 decimals (about 1 cm). */
static void
coord(char *out, size_t len, double d)
{
	char *e;

	snprintf(out, len, "%.7f", d);
	e = out + strlen(out) - 1;
	while (e > out && *e == '0' && e[-1] != '.')
		*e-- = '\0';
}

/* JSON string or null. */
static struct json_object *
jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

static void
json_send(struct req *r, int status, struct json_object *o)
{
	if (o == NULL) {
		resp_text(r, 500, "out of memory");
		return;
	}
	resp_json(r, status, o);
	json_object_put(o);
}

/* ------------------------------------------------------------------ */
/* Shapes                                                              */

/* [{"code": 400, "description": "..."}], or <errors><error>... */
void
open311_send_error(struct req *r, enum open311_fmt f, int status, const char *desc)
{
	struct json_object *a, *e;
	char code[8];

	if (f == OPEN311_XML) {
		snprintf(code, sizeof(code), "%d", status);
		xml_start(r, status);
		xml_open(r->resp.body, "errors");
		xml_open(r->resp.body, "error");
		xml_element(r->resp.body, "code", code);
		xml_element(r->resp.body, "description", desc);
		xml_close(r->resp.body, "error");
		xml_close(r->resp.body, "errors");
		return;
	}
	a = json_object_new_array();
	e = json_object_new_object();
	json_object_object_add(e, "code", json_object_new_int(status));
	json_object_object_add(e, "description", json_object_new_string(desc));
	json_object_array_add(a, e);
	json_send(r, status, a);
}

void
open311_send_discovery(struct req *r, enum open311_fmt f, const char *url,
    const char *changeset)
{
	static const char spec[] = "http://wiki.open311.org/GeoReport_v2";
	static const char contact[] = "Contact the partnership's ASB team through "
	    "the council or the police; in an emergency call 999.";
	static const char key_service[] = "API keys are issued by the partnership's "
	    "administrators (concordctl api-client add).";
	struct json_object *o, *eps, *ep, *fmts;
	struct buf *b = r->resp.body;

	if (f == OPEN311_XML) {
		xml_start(r, 200);
		xml_open(b, "discovery");
		xml_element(b, "changeset", changeset);
		xml_element(b, "contact", contact);
		xml_element(b, "key_service", key_service);
		xml_open(b, "endpoints");
		xml_open(b, "endpoint");
		xml_element(b, "specification", spec);
		xml_element(b, "url", url);
		xml_element(b, "changeset", changeset);
		xml_element(b, "type", "production");
		xml_open(b, "formats");
		xml_element(b, "format", "text/xml");
		xml_element(b, "format", "application/json");
		xml_close(b, "formats");
		xml_close(b, "endpoint");
		xml_close(b, "endpoints");
		xml_close(b, "discovery");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "changeset", json_object_new_string(changeset));
	json_object_object_add(o, "contact", json_object_new_string(contact));
	json_object_object_add(o, "key_service", json_object_new_string(key_service));
	eps = json_object_new_array();
	ep = json_object_new_object();
	json_object_object_add(ep, "specification", json_object_new_string(spec));
	json_object_object_add(ep, "url", json_object_new_string(url));
	json_object_object_add(ep, "changeset", json_object_new_string(changeset));
	json_object_object_add(ep, "type", json_object_new_string("production"));
	fmts = json_object_new_array();
	json_object_array_add(fmts, json_object_new_string("text/xml"));
	json_object_array_add(fmts, json_object_new_string("application/json"));
	json_object_object_add(ep, "formats", fmts);
	json_object_array_add(eps, ep);
	json_object_object_add(o, "endpoints", eps);
	json_send(r, 200, o);
}

static struct json_object *
service_json(const struct open311_service *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "service_code", json_object_new_string(s->code));
	json_object_object_add(o, "service_name", json_object_new_string(s->name));
	json_object_object_add(o, "description", json_object_new_string(s->description));
	json_object_object_add(o, "metadata", json_object_new_boolean(s->metadata));
	json_object_object_add(o, "type", json_object_new_string("realtime"));
	json_object_object_add(o, "keywords", json_object_new_string(s->keywords));
	json_object_object_add(o, "group", json_object_new_string(s->group));
	return o;
}

void
open311_send_services(struct req *r, enum open311_fmt f,
    const struct open311_service *s, size_t n)
{
	struct json_object *a;
	struct buf *b = r->resp.body;
	size_t i;

	if (f == OPEN311_XML) {
		xml_start(r, 200);
		xml_open(b, "services");
		for (i = 0; i < n; i++) {
			xml_open(b, "service");
			xml_element(b, "service_code", s[i].code);
			xml_element(b, "service_name", s[i].name);
			xml_element(b, "description", s[i].description);
			xml_element(b, "metadata", tf(s[i].metadata));
			xml_element(b, "type", "realtime");
			xml_element(b, "keywords", s[i].keywords);
			xml_element(b, "group", s[i].group);
			xml_close(b, "service");
		}
		xml_close(b, "services");
		return;
	}
	a = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(a, service_json(&s[i]));
	json_send(r, 200, a);
}

void
open311_send_definition(struct req *r, enum open311_fmt f,
    const struct open311_service *s, const struct open311_attribute *at, size_t n)
{
	struct json_object *o, *attrs, *ao, *vals, *vo;
	struct buf *b = r->resp.body;
	char order[16];
	size_t i, j;

	if (f == OPEN311_XML) {
		xml_start(r, 200);
		xml_open(b, "service_definition");
		xml_element(b, "service_code", s->code);
		xml_open(b, "attributes");
		for (i = 0; i < n; i++) {
			snprintf(order, sizeof(order), "%d", at[i].order);
			xml_open(b, "attribute");
			xml_element(b, "variable", "true");
			xml_element(b, "code", at[i].code);
			xml_element(b, "datatype", at[i].datatype);
			xml_element(b, "required", tf(at[i].required));
			xml_element(b, "datatype_description", at[i].datatype_description);
			xml_element(b, "order", order);
			xml_element(b, "description", at[i].description);
			if (at[i].nvalues > 0) {
				xml_open(b, "values");
				for (j = 0; j < at[i].nvalues; j++) {
					xml_open(b, "value");
					xml_element(b, "key", at[i].values[j].key);
					xml_element(b, "name", at[i].values[j].name);
					xml_close(b, "value");
				}
				xml_close(b, "values");
			}
			xml_close(b, "attribute");
		}
		xml_close(b, "attributes");
		xml_close(b, "service_definition");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "service_code", json_object_new_string(s->code));
	attrs = json_object_new_array();
	for (i = 0; i < n; i++) {
		ao = json_object_new_object();
		json_object_object_add(ao, "variable", json_object_new_boolean(1));
		json_object_object_add(ao, "code", json_object_new_string(at[i].code));
		json_object_object_add(ao, "datatype", json_object_new_string(at[i].datatype));
		json_object_object_add(ao, "required", json_object_new_boolean(at[i].required));
		json_object_object_add(ao, "datatype_description",
		    json_object_new_string(at[i].datatype_description));
		json_object_object_add(ao, "order", json_object_new_int(at[i].order));
		json_object_object_add(ao, "description",
		    json_object_new_string(at[i].description));
		if (at[i].nvalues > 0) {
			vals = json_object_new_array();
			for (j = 0; j < at[i].nvalues; j++) {
				vo = json_object_new_object();
				json_object_object_add(vo, "key",
				    json_object_new_string(at[i].values[j].key));
				json_object_object_add(vo, "name",
				    json_object_new_string(at[i].values[j].name));
				json_object_array_add(vals, vo);
			}
			json_object_object_add(ao, "values", vals);
		}
		json_object_array_add(attrs, ao);
	}
	json_object_object_add(o, "attributes", attrs);
	json_send(r, 200, o);
}

static const char *const agency = "the partnership";

void
open311_send_requests(struct req *r, enum open311_fmt f,
    const struct open311_request *q, size_t n)
{
	struct json_object *a = NULL, *o;
	struct buf *b = r->resp.body;
	char lat[32] = "", lon[32] = "";
	size_t i;

	if (f == OPEN311_XML) {
		xml_start(r, 200);
		xml_open(b, "service_requests");
	} else
		a = json_object_new_array();
	for (i = 0; i < n; i++) {
		if (q[i].has_point) {
			coord(lat, sizeof(lat), q[i].lat);
			coord(lon, sizeof(lon), q[i].lon);
		}
		if (f == OPEN311_XML) {
			xml_open(b, "request");
			xml_element(b, "service_request_id", q[i].id);
			xml_element(b, "status", q[i].status);
			xml_element(b, "status_notes", q[i].status_notes);
			xml_element(b, "service_name", q[i].service_name);
			xml_element(b, "service_code", q[i].service_code);
			xml_element(b, "description", q[i].description);
			xml_element(b, "agency_responsible", agency);
			xml_element(b, "service_notice", NULL);
			xml_element(b, "requested_datetime", q[i].requested);
			xml_element(b, "updated_datetime", q[i].updated);
			xml_element(b, "expected_datetime", NULL);
			xml_element(b, "address", q[i].address);
			xml_element(b, "address_id", NULL);
			xml_element(b, "zipcode", NULL);
			xml_element(b, "lat", q[i].has_point ? lat : NULL);
			xml_element(b, "long", q[i].has_point ? lon : NULL);
			xml_element(b, "media_url", NULL);
			xml_close(b, "request");
			continue;
		}
		o = json_object_new_object();
		json_object_object_add(o, "service_request_id", jstr(q[i].id));
		json_object_object_add(o, "status", jstr(q[i].status));
		json_object_object_add(o, "status_notes", jstr(q[i].status_notes));
		json_object_object_add(o, "service_name", jstr(q[i].service_name));
		json_object_object_add(o, "service_code", jstr(q[i].service_code));
		json_object_object_add(o, "description", jstr(q[i].description));
		json_object_object_add(o, "agency_responsible", jstr(agency));
		json_object_object_add(o, "service_notice", NULL);
		json_object_object_add(o, "requested_datetime", jstr(q[i].requested));
		json_object_object_add(o, "updated_datetime", jstr(q[i].updated));
		json_object_object_add(o, "expected_datetime", NULL);
		json_object_object_add(o, "address", jstr(q[i].address));
		json_object_object_add(o, "address_id", NULL);
		json_object_object_add(o, "zipcode", NULL);
		json_object_object_add(o, "lat", q[i].has_point ?
		    json_object_new_double_s(q[i].lat, lat) : NULL);
		json_object_object_add(o, "long", q[i].has_point ?
		    json_object_new_double_s(q[i].lon, lon) : NULL);
		json_object_object_add(o, "media_url", NULL);
		json_object_array_add(a, o);
	}
	if (f == OPEN311_XML)
		xml_close(b, "service_requests");
	else
		json_send(r, 200, a);
}

/* A one-request list naming the request and one more element (the notice
 * of a new request, or the token's request), with an empty account_id
 * after the notice as the spec's POST answer has it. */
static void
send_request_ack(struct req *r, enum open311_fmt f, const char *id,
    const char *name, const char *value, int account)
{
	struct json_object *a, *o;
	struct buf *b = r->resp.body;

	if (f == OPEN311_XML) {
		xml_start(r, 200);
		xml_open(b, "service_requests");
		xml_open(b, "request");
		xml_element(b, "service_request_id", id);
		xml_element(b, name, value);
		if (account)
			xml_element(b, "account_id", NULL);
		xml_close(b, "request");
		xml_close(b, "service_requests");
		return;
	}
	a = json_object_new_array();
	o = json_object_new_object();
	json_object_object_add(o, "service_request_id", json_object_new_string(id));
	json_object_object_add(o, name, json_object_new_string(value));
	if (account)
		json_object_object_add(o, "account_id", NULL);
	json_object_array_add(a, o);
	json_send(r, 200, a);
}

/* The answer to a POST: the synchronous style, with the id at once. */
void
open311_send_created(struct req *r, enum open311_fmt f, const char *id,
    const char *notice)
{
	send_request_ack(r, f, id, "service_notice", notice, 1);
}

void
open311_send_token(struct req *r, enum open311_fmt f, const char *id,
    const char *token)
{
	send_request_ack(r, f, id, "token", token, 0);
}
