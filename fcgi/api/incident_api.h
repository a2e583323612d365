#ifndef API_INCIDENT_API_H
#define API_INCIDENT_API_H

struct json_object;
struct req;

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
