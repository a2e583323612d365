/* POST /api/v1/incidents/{ref}/events: a log entry, a contact or a status
 * change from a CAD system (README "CAD API"). */
#include <json-c/json.h>

#include "api/api_body.h"
#include "api/incident_api.h"
#include "api/problem.h"
#include "core/arena.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "http/request.h"

static const char *const members[] = { "kind", "text", "at", "status", "contact", NULL };
static const char *const contact_members[] = { "method", "with", NULL };

/* The body into e, the status through the client's mapping. 0, or -1
 * with errs filled. */
static int
event_read(struct req *r, const struct api_mapping *m, struct json_object *body,
    struct api_event *e, struct problem_fields *errs)
{
	struct json_object *contact = NULL;
	const char *code = NULL;

	api_members_known(r, body, "", members, errs);
	if (api_member_string(r, body, "kind", "kind", &e->kind, errs) == 0)
		problem_field_add(errs, "kind", "missing_field", "Give the kind: log, contact "
		    "or status");
	api_member_string(r, body, "text", "text", &e->text, errs);
	api_member_string(r, body, "at", "at", &e->at, errs);
	if (api_member_string(r, body, "status", "status", &code, errs) == 1 &&
	    (e->status = api_mapping_status(m, code)) == NULL)
		problem_field_add(errs, "status", "unmapped_code", arena_printf(r->arena,
		    "\"%s\" is not one of the client's mapped status codes", code));
	if (api_member_object(r, body, "contact", "contact", &contact, errs) == 1) {
		api_members_known(r, contact, "contact.", contact_members, errs);
		api_member_string(r, contact, "method", "contact.method", &e->method, errs);
		api_member_string(r, contact, "with", "contact.with", &e->with, errs);
	}
	e->client_name = r->api->name;
	return errs->n > 0 ? -1 : 0;
}

static void
created_send(struct req *r, const char *kind, const char *at, const char *text,
    long long version)
{
	struct json_object *o = json_object_new_object(), *ev = json_object_new_object();

	json_object_object_add(ev, "kind", json_object_new_string(kind));
	json_object_object_add(ev, "at", json_object_new_string(at));
	json_object_object_add(ev, "text", text != NULL ? json_object_new_string(text) : NULL);
	json_object_object_add(o, "event", ev);
	json_object_object_add(o, "version", json_object_new_int64(version));
	resp_header(r, "ETag", arena_printf(r->arena, "\"%lld\"", version));
	resp_json(r, 201, o);
	json_object_put(o);
}

/* POST /api/v1/incidents/{ref}/events */
void
api_incident_events_post(struct req *r)
{
	struct problem_fields *errs = arena_calloc(r->arena, 1, sizeof(*errs));
	struct json_object *body = NULL;
	struct api_refusal why;
	struct api_mapping m;
	struct api_event e = { 0 };
	const char *at;
	long long version;

	if (errs == NULL || api_mapping_of(r, &m) == -1)
		return problem_unavailable(r);
	if (!api_body_object(r, &body))
		goto out;
	if (event_read(r, &m, body, &e, errs) == -1) {
		api_fields_send(r, errs);
		goto out;
	}
	switch (api_incident_event_add(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    &e, &at, &version, &why)) {
	case API_CHANGE_OK:
		created_send(r, e.kind, at, e.text, version);
		break;
	case API_CHANGE_NOT_FOUND:
		problem_send(r, 404, "not_found", "There is no such incident.", NULL);
		break;
	case API_CHANGE_INVALID:
		problem_field_add(errs, why.field, why.code, why.message);
		api_fields_send(r, errs);
		break;
	default:
		problem_unavailable(r);
		break;
	}
out:
	json_object_put(body);
	api_mapping_free(&m);
}
