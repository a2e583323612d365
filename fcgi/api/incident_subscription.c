/* PUT and DELETE /api/v1/incidents/{ref}/subscription: a client hears the
 * webhooks of an incident it did not make, or stops (README "CAD API"). */
#include "api/incident_api.h"
#include "api/problem.h"
#include "domain/api_client.h"
#include "domain/api_incident.h"
#include "http/request.h"

static void
subscription_set(struct req *r, int on)
{
	switch (api_subscription_set(r->pg, r->arena, &r->actor, r->api->client_id,
	    req_param(r, "ref"), on)) {
	case API_CHANGE_OK:
		/* No body at all: the response buffer is the worker's, empty. */
		r->resp.status = 204;
		r->resp.content_type = NULL;
		return;
	case API_CHANGE_NOT_FOUND:
		return problem_send(r, 404, "not_found", "There is no such incident.", NULL);
	default:
		return problem_unavailable(r);
	}
}

/* PUT /api/v1/incidents/{ref}/subscription */
void
api_subscription_put(struct req *r)
{
	subscription_set(r, 1);
}

/* DELETE /api/v1/incidents/{ref}/subscription */
void
api_subscription_delete(struct req *r)
{
	subscription_set(r, 0);
}
