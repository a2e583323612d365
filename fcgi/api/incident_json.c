/* GET /api/v1/incidents/{ref}: the incident representation (README "CAD
 * API"), built here for the handler and for the adapters that translate
 * it (api/incident_api.h). The domain reads it in one statement; this
 * file turns Concord's codes into the client's and lays it out. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "api/incident_api.h"
#include "api/problem.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "domain/flags.h"
#include "http/request.h"

/* A string, or JSON null for NULL. */
static struct json_object *
jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

/* JSON text the domain built (a list or an object), parsed. */
static struct json_object *
jparse(const char *text)
{
	return text != NULL ? json_tokener_parse(text) : NULL;
}

int
api_mapping_of(struct req *r, struct api_mapping *m)
{
	char err[256];

	if (api_mapping_parse(r->api->mappings, m, err, sizeof(err)) == 0)
		return 0;
	log_error("api client %lld: mappings unreadable: %s", r->api->client_id, err);
	api_mapping_free(m);
	return -1;
}

const char *
api_incident_url(struct req *r, const char *ref)
{
	const char *base = r->cfg->public_url;
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	return arena_printf(r->arena, "%.*s/api/v1/incidents/%s", (int)n, base, ref);
}

struct json_object *
api_type_json(const struct api_mapping *m, const char *code, const char *name,
    const char *category)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "code", jstr(api_mapping_type_code(m, code)));
	json_object_object_add(o, "concord", jstr(code));
	json_object_object_add(o, "name", jstr(name));
	json_object_object_add(o, "category", jstr(category));
	return o;
}

struct json_object *
api_risk_json(const char *level, int has_score, int score)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "level", jstr(level));
	json_object_object_add(o, "score", has_score ? json_object_new_int(score) : NULL);
	return o;
}

/* {"code", "name"} of a beat or council area, or null. */
static struct json_object *
area_json(const char *code, const char *name)
{
	struct json_object *o;

	if (code == NULL)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "code", json_object_new_string(code));
	json_object_object_add(o, "name", jstr(name));
	return o;
}

static struct json_object *
location_json(const struct api_incident *in)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "lat", in->has_point ? json_object_new_double(in->lat) : NULL);
	json_object_object_add(o, "lon", in->has_point ? json_object_new_double(in->lon) : NULL);
	json_object_object_add(o, "easting", in->has_point ?
	    json_object_new_double(in->easting) : NULL);
	json_object_object_add(o, "northing", in->has_point ?
	    json_object_new_double(in->northing) : NULL);
	json_object_object_add(o, "address", jstr(in->address));
	json_object_object_add(o, "postcode", jstr(in->postcode));
	json_object_object_add(o, "to_confirm", json_object_new_boolean(in->to_confirm));
	json_object_object_add(o, "beat", area_json(in->beat_code, in->beat_name));
	json_object_object_add(o, "council_area", area_json(in->area_code, in->area_name));
	return o;
}

static struct json_object *
flags_json(unsigned flags)
{
	struct json_object *a = json_object_new_array();
	int f;

	for (f = 0; f < FLAGS; f++)
		if (flags & FLAG_BIT(f))
			json_object_array_add(a, json_object_new_string(flag_name((enum flag)f)));
	return a;
}

static struct json_object *
external_json(const struct api_incident *in)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", jstr(in->external_id));
	json_object_object_add(o, "kept", jparse(in->kept));
	return o;
}

/* The representation of in, in the client's terms (m). */
static struct json_object *
representation(struct req *r, const struct api_mapping *m, const struct api_incident *in)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "reference", json_object_new_string(in->reference));
	json_object_object_add(o, "version", json_object_new_int64(in->version));
	json_object_object_add(o, "url", jstr(api_incident_url(r, in->reference)));
	json_object_object_add(o, "channel", json_object_new_string(in->channel));
	json_object_object_add(o, "status", json_object_new_string(in->status));
	json_object_object_add(o, "status_code", jstr(api_mapping_status_code(m, in->status)));
	json_object_object_add(o, "type", api_type_json(m, in->type_code, in->type_name,
	    in->type_category));
	json_object_object_add(o, "description", jstr(in->description));
	json_object_object_add(o, "log_number", jstr(in->log_number));
	json_object_object_add(o, "occurred_at", jstr(in->occurred_at));
	json_object_object_add(o, "reported_at", jstr(in->reported_at));
	json_object_object_add(o, "updated_at", jstr(in->updated_at));
	json_object_object_add(o, "location", location_json(in));
	json_object_object_add(o, "risk", api_risk_json(in->risk_level, in->has_score,
	    in->risk_score));
	json_object_object_add(o, "flags", flags_json(in->flags));
	json_object_object_add(o, "agencies", jparse(in->agencies));
	json_object_object_add(o, "allocations", jparse(in->allocations));
	json_object_object_add(o, "people", jparse(in->people));
	json_object_object_add(o, "timeline", jparse(in->timeline));
	json_object_object_add(o, "external", external_json(in));
	return o;
}

int
api_incident_json(struct req *r, const char *ref, struct json_object **out)
{
	struct api_incident in;
	struct api_mapping m;
	int rc;

	*out = NULL;
	if (api_mapping_of(r, &m) == -1)
		return -1;
	if ((rc = api_incident_read(r->pg, r->arena, &r->actor, r->api->client_id, ref,
	    &in)) == 1 && (*out = representation(r, &m, &in)) == NULL)
		rc = -1;
	api_mapping_free(&m);
	return rc;
}

void
api_incident_send(struct req *r, const char *ref, int status)
{
	struct json_object *o;
	char etag[32];

	switch (api_incident_json(r, ref, &o)) {
	case 1:
		break;
	case 0:
		return problem_send(r, 404, "not_found", "There is no such incident.",
		    NULL);
	default:
		return problem_unavailable(r);
	}
	snprintf(etag, sizeof(etag), "\"%lld\"", (long long)json_object_get_int64(
	    json_object_object_get(o, "version")));
	resp_header(r, "ETag", arena_strdup(r->arena, etag));
	resp_json(r, status, o);
	json_object_put(o);
}

/* GET /api/v1/incidents/{ref} */
void
api_incident_get(struct req *r)
{
	api_incident_send(r, req_param(r, "ref"), 200);
}
