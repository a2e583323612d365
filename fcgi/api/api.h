#ifndef API_API_H
#define API_API_H

struct req;

/* Handlers that answer JSON. */
void	health_get(struct req *);

#endif
