/* The EIDO adapter (README "CAD API: EIDO"): POST /api/v1/eido takes an
 * EIDO document, translates it (api/eido_in.c) and hands the API's own
 * body to the create or the patch, keyed by the document's $id;
 * GET /api/v1/incidents/{ref}/eido gives the representation back as EIDO
 * (api/eido_out.c). Nothing here checks a field: the create and the
 * patch do, as for every JSON body. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "api/api.h"
#include "api/eido_in.h"
#include "api/eido_out.h"
#include "api/api_body.h"
#include "api/incident_api.h"
#include "api/problem.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/hex.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "domain/tx.h"
#include "http/request.h"
#include "store/pg.h"

/* The client's mappings as the translation asks about them. */
static int
type_mapped(const char *code, void *ctx)
{
	return api_mapping_type(ctx, code) != NULL;
}

static int
status_mapped(const char *code, void *ctx)
{
	return api_mapping_status(ctx, code) != NULL;
}

static void
opts_of(struct api_mapping *m, struct eido_in_opts *o)
{
	o->type_mapped = type_mapped;
	o->status_mapped = status_mapped;
	o->ctx = m;
	o->log_number_field = api_mapping_field(m, "log_number");
	o->caller_field = api_mapping_field(m, "caller");
}

/* Concord as an EIDO issuing element: its public URL's host. */
static const char *
element_of(struct req *r)
{
	const char *u = r->cfg->public_url, *s = strstr(u, "://");
	size_t n;

	if (s != NULL)
		u = s + 3;
	n = strcspn(u, "/:");
	return n > 0 ? arena_strndup(r->arena, u, n) : "concord";
}

static int
etag_set(struct req *r, struct json_object *rep)
{
	struct json_object *v;
	char etag[32];

	if (!json_object_object_get_ex(rep, "version", &v))
		return -1;
	snprintf(etag, sizeof(etag), "\"%lld\"", (long long)json_object_get_int64(v));
	return resp_header(r, "ETag", arena_strdup(r->arena, etag));
}

/* 200 with body (NULL: out of memory) and rep's version as the ETag;
 * takes both. */
static void
answer_of(struct req *r, struct json_object *rep, struct json_object *body)
{
	if (body == NULL) {
		json_object_put(rep);
		return problem_send(r, 500, "internal", "Out of memory.", NULL);
	}
	etag_set(r, rep);
	json_object_put(rep);
	resp_json(r, 200, body);
	json_object_put(body);
}

/* A create's receipt from the representation, for an update: what the
 * CAD hears of its post either way. */
static struct json_object *
receipt_of(struct json_object *rep)
{
	static const char *const keys[] = { "reference", "version", "status",
	    "status_code", "url", "flags" };
	struct json_object *o = json_object_new_object(), *v, *risk, *list, *a, *out;
	size_t i, n;

	if (o == NULL)
		return NULL;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (json_object_object_get_ex(rep, keys[i], &v))
			json_object_object_add(o, keys[i], json_object_get(v));
	/* The allocations as the receipt lists them: without "since". */
	list = json_object_new_array();
	if (json_object_object_get_ex(rep, "allocations", &v) &&
	    json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (i = 0; i < n && list != NULL; i++) {
			a = json_object_array_get_idx(v, i);
			if ((out = json_object_new_object()) == NULL)
				break;
			json_object_object_foreach(a, key, val)
				if (strcmp(key, "since") != 0)
					json_object_object_add(out, key, json_object_get(val));
			json_object_array_add(list, out);
		}
	}
	json_object_object_add(o, "allocations", list);
	risk = json_object_object_get_ex(rep, "risk", &v) ? v : NULL;
	json_object_object_add(o, "risk_level", json_object_object_get_ex(risk, "level", &v) ?
	    json_object_get(v) : NULL);
	json_object_object_add(o, "linked", json_object_new_boolean(0));
	return o;
}

/* A later post of a $id: its document as a patch, the last writer winning
 * (the document is the CAD's whole view of the incident); 200 with the
 * receipt. */
static void
eido_update(struct req *r, const char *ref, struct json_object *create,
    const struct eido_in_opts *opts)
{
	struct json_object *patch = eido_in_patch_body(create, opts), *rep = NULL;
	int applied;

	if (patch == NULL)
		return problem_send(r, 500, "internal", "Out of memory.", NULL);
	applied = api_incident_patch_apply(r, ref, patch, API_IF_MATCH_NONE);
	json_object_put(patch);
	if (!applied)
		return;
	if (api_incident_json(r, ref, &rep) != 1)
		return problem_unavailable(r);
	answer_of(r, rep, receipt_of(rep));
}

/* The incident the client's $id names, as the client may see it: 1 with
 * its reference, 0 none, -1 on error. */
static int
incident_of(struct req *r, const char *external_id, const char **ref)
{
	int found;

	if (tx_begin(r->pg, &r->actor) == -1)
		return -1;
	found = api_ref_find(r->pg, r->arena, r->api->client_id, external_id, ref);
	pg_rollback(r->pg);
	/* Row security hides it: for this client it is not there. */
	return found == 1 && **ref == '\0' ? 0 : found;
}

/* The Idempotency-Key of a document's first post: from its $id, so that
 * two first posts at once make one incident (the incident's unique key),
 * whatever each one's body. */
static const char *
eido_key(struct req *r, const char *id)
{
	char hex[65];

	if (sha256_hex(id, strlen(id), hex) == -1)
		return NULL;
	hex[58] = '\0';
	return arena_printf(r->arena, "eido-%s", hex);
}

/* POST /api/v1/eido */
void
eido_post(struct req *r)
{
	struct problem_fields errs = {0};
	struct api_mapping map = {0};
	struct eido_in_opts opts = {0};
	struct json_object *doc, *ext;
	struct eido_in in;
	const char *ref, *key;
	char hash[65];

	if (api_body_object(r, &doc) == 0)
		return;
	if (api_mapping_of(r, &map) == -1) {
		json_object_put(doc);
		return problem_unavailable(r);
	}
	opts_of(&map, &opts);
	if (eido_in_translate(doc, &opts, r->arena, &in, &errs) == -1) {
		json_object_put(doc);
		api_mapping_free(&map);
		if (errs.n == 0)
			return problem_send(r, 500, "internal", "Out of memory.", NULL);
		return problem_send_fields(r, 422, "invalid_eido", "The EIDO document "
		    "cannot be taken.", &errs);
	}
	json_object_put(doc);
	switch (incident_of(r, in.external_id, &ref)) {
	case 0:
		key = eido_key(r, in.external_id);
		json_object_object_get_ex(in.body, "extensions", &ext);
		if (key == NULL || sha256_hex(r->body, r->body_len, hash) == -1)
			problem_send(r, 500, "internal", "Out of memory.", NULL);
		else
			api_incident_create(r, in.body, key, hash, in.external_id, ext);
		break;
	case 1:
		eido_update(r, ref, in.body, &opts);
		break;
	default:
		problem_unavailable(r);
	}
	eido_in_free(&in);
	api_mapping_free(&map);
}

/* GET /api/v1/incidents/{ref}/eido */
void
eido_get(struct req *r)
{
	struct json_object *rep = NULL;

	switch (api_incident_json(r, req_param(r, "ref"), &rep)) {
	case 1:
		break;
	case 0:
		return problem_send(r, 404, "not_found", "There is no such incident.", NULL);
	default:
		return problem_unavailable(r);
	}
	answer_of(r, rep, eido_out_build(rep, NULL, element_of(r)));
}
