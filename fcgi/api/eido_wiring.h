#ifndef API_EIDO_WIRING_H
#define API_EIDO_WIRING_H

/*
 * What the EIDO adapter (api/eido.c) needs of the CAD API's other
 * endpoints: the create (POST /api/v1/incidents), the representation
 * (GET /api/v1/incidents/{ref}) and the patch (PATCH ...), each taking or
 * giving a json_object in the shapes of README "CAD API", so that an EIDO
 * goes through exactly their code. Those endpoints provide these;
 * api/eido_stubs.c stands in for them until they are merged (and is then
 * deleted).
 */

struct json_object;
struct req;

/* Reads the request body as the API reads every JSON body (Content-Type
 * 415, size 413, nesting 400 json_too_deep, UTF-8 400 invalid_utf8,
 * syntax 400 invalid_json), answering the problem itself when it is not
 * one: 1 with *out (the caller's), or 0 when it answered. */
int	api_body_json(struct req *, struct json_object **out);

/* POST /api/v1/incidents's create from a parsed body in its shape, as the
 * caller (r->api, r->actor): every check, mapping and default of a JSON
 * create, the idempotency of key with body_hash (64 hex: the SHA-256 the
 * replay is told by), external_id and kept (the body's extensions) into
 * api_incident_ref. Answers the request: 201 with Location, ETag and the
 * receipt, a replay, or a problem. */
void	api_incident_create(struct req *, struct json_object *input,
	    const char *idempotency_key, const char *body_hash,
	    const char *external_id, struct json_object *kept);

/* The reference of the caller's incident with external_id (its
 * api_incident_ref): 1 with *ref in r->arena, 0 none, -1 on a database
 * error. */
int	api_incident_ref_find(struct req *, const char *external_id, const char **ref);

/* The incident representation of ref as the caller sees it (GET
 * /api/v1/incidents/{ref}'s body, with external.id and external.kept
 * this client's): 1 with *out (the caller's), 0 no such incident or not
 * one the caller may see, -1 on an error. */
int	api_incident_json(struct req *, const char *ref, struct json_object **out);

/* PATCH /api/v1/incidents/{ref} with a parsed body in its shape, at
 * version (If-Match), without answering: 0 applied; or the status of the
 * problem the PATCH would answer (412 version_conflict, 422, 404, 503)
 * with that problem+json object in *problem (the caller's). */
int	api_incident_patch_apply(struct req *, const char *ref, long long version,
	    struct json_object *patch, struct json_object **problem);

#endif
