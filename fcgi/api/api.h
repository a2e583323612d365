#ifndef API_API_H
#define API_API_H

#include "domain/perm.h"

struct req;

/* api/api_gate.c: the CAD API's signed routes. 1 when the handler may
 * run (r->api and r->actor are the client's), 0 when the gate answered. */
int	api_gate(struct req *, enum perm need);
/* What the server answers for the API's paths before a handler runs (no
 * such route, a method it does not take, a body too large), as a problem. */
void	api_refuse(struct req *, int status);
/* api/api_client_info.c: GET /api/v1/client */
void	api_client_get(struct req *);

/* api/eido.c: the EIDO adapter, POST /api/v1/eido and
 * GET /api/v1/incidents/{ref}/eido */
void	eido_post(struct req *);
void	eido_get(struct req *);
/* api/openapi.c: GET /api/v1/openapi.json */
void	openapi_get(struct req *);

/* Handlers that answer JSON. */
void	health_get(struct req *);

/* api/similar.c: the police creation page's similar incidents */
void	incident_similar_get(struct req *);

/* Open311 GeoReport v2 (api/open311.c): JSON or XML by extension. */
void	open311_discovery_get(struct req *);
void	open311_services_get(struct req *);
void	open311_service_get(struct req *);
void	open311_requests_get(struct req *);
void	open311_requests_post(struct req *);
void	open311_request_get(struct req *);
void	open311_token_get(struct req *);

#endif
