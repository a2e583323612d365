/* The route table: every URL Concord answers, its handler and what the
 * caller must be allowed to do. Nothing else decides who may call what. */
#include "api/api.h"
#include "pages/pages.h"
#include "server/routes.h"

const struct route routes[] = {
	{ METHOD_GET,	"/",		home_get,	PERM_PUBLIC },
	{ METHOD_GET,	"/healthz",	health_get,	PERM_PUBLIC },
};

const size_t routes_n = sizeof(routes) / sizeof(routes[0]);
