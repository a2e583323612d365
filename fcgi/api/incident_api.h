#ifndef API_INCIDENT_API_H
#define API_INCIDENT_API_H

struct api_mapping;
struct json_object;
struct req;

/*
 * Existing incidents through the CAD API, for its handlers and for the
 * adapters that translate another format to and from the API's (the EIDO
 * adapter: GET .../eido is api_incident_json translated, POST /eido of a
 * known $id is api_incident_patch_apply of the translated body).
 */

/* api/incident_json.c */

/* The incident representation of README "CAD API" (the client's codes
 * through its mappings, external: its own id and kept fields) into *out,
 * owned by the caller. 1, 0 when there is no such incident or the client
 * may not see it, -1 on error. */
int	api_incident_json(struct req *, const char *ref, struct json_object **out);
/* The client's mappings (r->api), parsed. 0, or -1 logged (m freed). */
int	api_mapping_of(struct req *, struct api_mapping *m);
/* The incident's absolute API address, from public_url. */
const char *api_incident_url(struct req *, const char *ref);
/* "type": {code, concord, name, category} and "risk": {level, score}. */
struct json_object *api_type_json(const struct api_mapping *, const char *code,
	    const char *name, const char *category);
struct json_object *api_risk_json(const char *level, int has_score, int score);
/* Answers 200 with the representation and its ETag, or the problem. */
void	api_incident_send(struct req *, const char *ref, int status);

/* api/incident_patch.c */

#define API_IF_MATCH_NONE	(-1LL)	/* the last writer wins */

/* Applies a PATCH body (README "CAD API": description, log_number under
 * its mapped name, status and type as client codes, occurred_at,
 * location, extensions) to the incident if it is at version
 * (API_IF_MATCH_NONE: whatever version it is at). 1 when applied, with
 * nothing sent; 0 when a problem was sent: 404 not_found, 412
 * version_conflict (with "current"), 422 with the field errors, 500/503. */
int	api_incident_patch_apply(struct req *, const char *ref, struct json_object *body,
	    long long version);

/* Handlers */
void	api_incident_get(struct req *);
void	api_incident_patch(struct req *);
void	api_incident_events_post(struct req *);
void	api_incidents_get(struct req *);
void	api_subscription_put(struct req *);
void	api_subscription_delete(struct req *);

/*
 * The CAD API's create (api/incident_create.c), for POST /api/v1/incidents
 * and for the EIDO adapter, which translates its document into the same
 * JSON and calls api_incident_create with it.
 */

#define API_IDEMPOTENCY_KEY_MAX	64
#define API_IDEMPOTENCY_TTL	(24 * 3600)	/* seconds Redis keeps an answer */

/* POST /api/v1/incidents (route: ROUTE_API_SIGNED, PERM_INCIDENT_CREATE). */
void	api_incidents_post(struct req *);

/*
 * Everything after the body was parsed into input (a JSON object in the
 * create's shape, README "CAD API"; api_body_parse gives one from bytes):
 * the idempotency look-up, the strict read with the client's mappings
 * (api_input_read), British National Grid to WGS84, the intake, and in
 * its transaction the status asked for, the client's external id and kept
 * fields (api_incident_ref) and the kept answer (api_idempotency); then
 * the 201 receipt with Location and ETag, or the problem. Answers r.
 *
 * idempotency_key: the client's key (1 to 64 printable ASCII), or NULL for
 * none (nothing is kept for a retry; the EIDO adapter keys by $id instead).
 * body_hash: the hex SHA-256 of the bytes the key was sent with (with a
 * key, required). external_id and kept: the client's id for the incident
 * and the fields to keep with it, used instead of input's "external_id"
 * and "extensions" when not NULL (kept is borrowed). input is changed:
 * the client's defaults are added to it.
 */
void	api_incident_create(struct req *, struct json_object *input,
	    const char *idempotency_key, const char *body_hash,
	    const char *external_id, struct json_object *kept);

#endif
