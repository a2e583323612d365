/* How the OData feed answers what goes wrong, in OData's own error
 * format (OData JSON Format 4.0, section 21), and the version header
 * every answer carries once: Power Query fails on a duplicate. */
#include <string.h>

#include <json-c/json.h>

#include "api/odata_feed.h"
#include "domain/api_client.h"
#include "http/request.h"
#include "http/response.h"

void
odata_version_header(struct req *r)
{
	size_t i;

	for (i = 0; i < r->resp.headers.n; i++)
		if (strcmp(r->resp.headers.v[i].key, "OData-Version") == 0)
			return;
	resp_header(r, "OData-Version", "4.0");
}

void
odata_error_send(struct req *r, int status, const char *code, const char *message,
    const char *target)
{
	struct json_object *o = json_object_new_object(), *e = json_object_new_object();

	if (o == NULL || e == NULL) {
		json_object_put(o);
		json_object_put(e);
		resp_text(r, 503, "The feed is unavailable at the moment.");
		return;
	}
	json_object_object_add(e, "code", json_object_new_string(code));
	json_object_object_add(e, "message", json_object_new_string(message != NULL ?
	    message : "The request could not be answered."));
	if (target != NULL)
		json_object_object_add(e, "target", json_object_new_string(target));
	json_object_object_add(o, "error", e);
	resp_json(r, status, o);
	json_object_put(o);
	odata_version_header(r);
}

void
odata_refuse(struct req *r, int status)
{
	switch (status) {
	case 404:
		return odata_error_send(r, 404, "not_found", "There is nothing at this "
		    "address: the service document at /odata/v4/ lists the entity sets.",
		    NULL);
	case 405:
		return odata_error_send(r, 405, "method_not_allowed", "The feed is read "
		    "only: it answers GET.", NULL);
	default:
		if (status >= 500)
			return odata_error_send(r, 503, "unavailable", "The feed is "
			    "unavailable at the moment: try again in a minute.", NULL);
		return odata_error_send(r, status, "bad_request", r->error != NULL ?
		    r->error : "The request could not be read.", NULL);
	}
}

int
odata_may_read(const struct req *r, const char *view)
{
	return r->api != NULL && api_scopes_have(r->api->scopes, view);
}
