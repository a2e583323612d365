#ifndef API_API_H
#define API_API_H

struct req;

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
