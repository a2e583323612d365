/* PATCH /api/v1/incidents/{ref}: a CAD system's change of an incident,
 * at the version its If-Match names (README "CAD API"); and the same
 * change for adapters, with or without a version (api/incident_api.h). */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "api/api_body.h"
#include "api/incident_api.h"
#include "api/incident_input.h"
#include "api/problem.h"
#include "core/arena.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "domain/point_bng.h"
#include "http/request.h"

/* 412 with the incident as it is now, for the client to merge with. */
static void
conflict_send(struct req *r, const char *ref)
{
	struct json_object *o, *current = NULL;

	switch (api_incident_json(r, ref, &current)) {
	case 1:
		break;
	case 0:
		return problem_send(r, 404, "not_found", "There is no such incident.", NULL);
	default:
		return problem_unavailable(r);
	}
	if ((o = problem_object(412, "version_conflict", "The incident has changed "
	    "since that version.", "Read \"current\", apply the change to it and send "
	    "it with If-Match of its version.", NULL)) == NULL) {
		json_object_put(current);
		return problem_unavailable(r);
	}
	json_object_object_add(o, "current", current);
	resp_json(r, 412, o);
	r->resp.content_type = "application/problem+json";
	json_object_put(o);
}

/* The domain's field name as the client's body names it. */
static const char *
refusal_path(const struct api_mapping *m, const char *field)
{
	return strcmp(field, "log_number") == 0 ? api_mapping_field(m, field) : field;
}

/* The change read from body by the API's one body reader (as a create's,
 * without its defaults), a grid point turned into degrees. 0, or -1 with
 * errs filled (or on a database error, errs empty). */
static int
change_read(struct req *r, const struct api_mapping *m, struct json_object *body,
    struct api_patch *p, struct problem_fields *errs)
{
	struct api_input in;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	if (api_input_read(r->arena, m, body, API_INPUT_PATCH, &in, errs) == -1)
		goto out;
	p->description = in.description;
	p->log_number = in.log_number;
	p->occurred_at = in.occurred_at;
	p->status = in.status;
	p->type_code = in.asb_type;
	p->extensions = in.extensions;
	p->address = in.location.address;
	p->postcode = in.location.postcode;
	if (in.location.has_bng) {
		if (point_bng_to_wgs84(r->pg, in.location.easting, in.location.northing,
		    &p->lon, &p->lat) == -1)
			goto out;
		p->has_point = 1;
	} else if (in.location.has_point) {
		p->lon = in.location.lon;
		p->lat = in.location.lat;
		p->has_point = 1;
	}
	p->client_name = r->api->name;
	rc = 0;
out:
	api_input_free(&in);
	return rc;
}

int
api_incident_patch_apply(struct req *r, const char *ref, struct json_object *body,
    long long version)
{
	struct problem_fields *errs = arena_calloc(r->arena, 1, sizeof(*errs));
	struct api_refusal why;
	struct api_mapping m;
	struct api_patch p;
	long long now;
	int rc = 0;

	if (errs == NULL || api_mapping_of(r, &m) == -1) {
		problem_unavailable(r);
		return 0;
	}
	if (change_read(r, &m, body, &p, errs) == -1) {
		if (errs->n > 0)
			api_fields_send(r, errs);
		else
			problem_unavailable(r);
		goto out;
	}
	switch (api_incident_change(r->pg, r->arena, &r->actor, r->cfg, r->api->client_id,
	    ref, &p, version == API_IF_MATCH_NONE ? API_NO_VERSION : version, &now, &why)) {
	case API_CHANGE_OK:
		rc = 1;
		break;
	case API_CHANGE_NOT_FOUND:
		problem_send(r, 404, "not_found", "There is no such incident.", NULL);
		break;
	case API_CHANGE_CONFLICT:
		conflict_send(r, ref);
		break;
	case API_CHANGE_INVALID:
		problem_field_add(errs, refusal_path(&m, why.field), why.code, why.message);
		api_fields_send(r, errs);
		break;
	default:
		problem_unavailable(r);
		break;
	}
out:
	api_mapping_free(&m);
	return rc;
}

/* The version an If-Match names: "12", W/"12" or 12; "*" any. 0, or -1
 * when it names none (so it cannot match). */
static int
if_match_read(const char *s, long long *version)
{
	char *end;

	while (*s == ' ')
		s++;
	if (strcmp(s, "*") == 0) {
		*version = API_IF_MATCH_NONE;
		return 0;
	}
	if (strncmp(s, "W/", 2) == 0)
		s += 2;
	if (*s == '"')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	*version = strtoll(s, &end, 10);
	if (*end == '"')
		end++;
	while (*end == ' ')
		end++;
	return *end == '\0' ? 0 : -1;
}

/* PATCH /api/v1/incidents/{ref} */
void
api_incident_patch(struct req *r)
{
	const char *ref = req_param(r, "ref"), *im = req_header(r, "If-Match");
	struct json_object *body;
	long long version;

	if (im == NULL)
		return problem_send(r, 428, "if_match_required", "The change needs "
		    "If-Match.", "Send If-Match: \"<version>\", the ETag of the incident "
		    "as read.");
	if (!api_body_object(r, &body))
		return;
	/* An If-Match that names no version matches none. */
	if (if_match_read(im, &version) == -1) {
		json_object_put(body);
		return conflict_send(r, ref);
	}
	if (api_incident_patch_apply(r, ref, body, version))
		api_incident_send(r, ref, 200);
	json_object_put(body);
}
