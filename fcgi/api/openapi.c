/* GET /api/v1/openapi.json: the CAD API's OpenAPI 3.1 description, the
 * hand-written views/api/openapi.json with its servers set to this
 * site's public URL. Read once a process: the file does not change while
 * it runs (a reload starts new workers). */
#include <stdio.h>

#include <json-c/json.h>

#include "api/api.h"
#include "api/problem.h"
#include "core/config.h"
#include "core/log.h"
#include "http/request.h"

static struct json_object *openapi;

/* The document with its servers, or NULL (logged). */
static struct json_object *
openapi_load(const struct config *cfg)
{
	struct json_object *doc, *servers, *server;
	char path[sizeof(cfg->views) + 32];

	snprintf(path, sizeof(path), "%s/api/openapi.json", cfg->views);
	if ((doc = json_object_from_file(path)) == NULL ||
	    !json_object_is_type(doc, json_type_object)) {
		log_error("%s: %s", path, json_util_get_last_err());
		json_object_put(doc);
		return NULL;
	}
	if ((servers = json_object_new_array()) == NULL ||
	    (server = json_object_new_object()) == NULL) {
		json_object_put(servers);
		json_object_put(doc);
		return NULL;
	}
	json_object_object_add(server, "url", json_object_new_string(cfg->public_url));
	json_object_array_add(servers, server);
	json_object_object_add(doc, "servers", servers);
	return doc;
}

void
openapi_get(struct req *r)
{
	if (openapi == NULL && (openapi = openapi_load(r->cfg)) == NULL)
		return problem_send(r, 503, "unavailable", "The API's description "
		    "cannot be read.", NULL);
	resp_json(r, 200, openapi);
}
