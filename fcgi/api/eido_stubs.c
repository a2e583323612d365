/*
 * TEMPORARY — DELETE ON MERGE. Stand-ins for api/eido_wiring.h so that the
 * api-eido branch builds and its own tests run before the create
 * (api-create) and read/patch (api-read) endpoints are merged. The lead
 * replaces each with the real function and deletes this file (and its
 * line in Makefile.am). Nothing here is the API's behaviour.
 */
#include <string.h>

#include <json-c/json.h>

#include "api/eido_wiring.h"
#include "api/problem.h"
#include "http/request.h"

/* STUB: a plain parse; the real one is the API's body reader. */
int
api_body_json(struct req *r, struct json_object **out)
{
	struct json_tokener *tok;
	const char *ct = r->content_type;

	if (ct == NULL || strncmp(ct, "application/json", 16) != 0) {
		problem_send(r, 415, "unsupported_media_type", "Send application/json.", NULL);
		return 0;
	}
	if ((tok = json_tokener_new_ex(16)) == NULL) {
		problem_send(r, 500, "internal", "Out of memory.", NULL);
		return 0;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	*out = json_tokener_parse_ex(tok, r->body != NULL ? r->body : "", (int)r->body_len);
	if (*out == NULL || json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(*out);
		json_tokener_free(tok);
		problem_send(r, 400, "invalid_json", "The body is not JSON.", NULL);
		return 0;
	}
	json_tokener_free(tok);
	return 1;
}

/* STUB */
void
api_incident_create(struct req *r, struct json_object *input, const char *key,
    const char *body_hash, const char *external_id, struct json_object *kept)
{
	(void)input, (void)key, (void)body_hash, (void)external_id, (void)kept;
	problem_send(r, 501, "not_wired", "The create endpoint is not merged yet.", NULL);
}

/* STUB: no incident has an external id yet. */
int
api_incident_ref_find(struct req *r, const char *external_id, const char **ref)
{
	(void)r, (void)external_id;
	*ref = NULL;
	return 0;
}

/* STUB: no incident is found. */
int
api_incident_json(struct req *r, const char *ref, struct json_object **out)
{
	(void)r, (void)ref;
	*out = NULL;
	return 0;
}

/* STUB */
int
api_incident_patch_apply(struct req *r, const char *ref, long long version,
    struct json_object *patch, struct json_object **problem)
{
	(void)r, (void)ref, (void)version, (void)patch;
	*problem = problem_object(501, "not_wired", "The patch endpoint is not merged yet.",
	    NULL, NULL);
	return 501;
}
