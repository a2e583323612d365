/* GET /api/v1/client: who the signature says the caller is, so that an
 * integrator can check its signing before anything else. */
#include <json-c/json.h>

#include "api/api.h"
#include "api/problem.h"
#include "domain/api_client.h"
#include "http/request.h"

void
api_client_get(struct req *r)
{
	const struct api_caller *c = r->api;
	struct json_object *o = json_object_new_object(), *scopes;

	if (o == NULL || (scopes = json_object_new_array()) == NULL) {
		json_object_put(o);
		return problem_send(r, 500, "internal", "Out of memory.", NULL);
	}
	if (perm_has(c->perms, PERM_INCIDENT_VIEW))
		json_object_array_add(scopes, json_object_new_string(API_SCOPE_READ));
	if (perm_has(c->perms, PERM_INCIDENT_CREATE))
		json_object_array_add(scopes, json_object_new_string(API_SCOPE_WRITE));
	json_object_object_add(o, "name", json_object_new_string(c->name));
	json_object_object_add(o, "key_id", json_object_new_string(c->key_id));
	json_object_object_add(o, "scopes", scopes);
	json_object_object_add(o, "webhook_url", c->webhook_url != NULL ?
	    json_object_new_string(c->webhook_url) : NULL);
	resp_json(r, 200, o);
	json_object_put(o);
}
