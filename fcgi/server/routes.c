/* The route table: every URL Concord answers, its handler and what the
 * caller must be allowed to do. Nothing else decides who may call what. */
#include "api/api.h"
#include "pages/pages.h"
#include "server/routes.h"

const struct route routes[] = {
	{ METHOD_GET,	"/",			home_get,	  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/healthz",		health_get,	  PERM_PUBLIC, 0 },

	/* Staff sign-in and sign-out */
	{ METHOD_GET,	"/staff/sign-in",	signin_get,	  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-in",	signin_post,	  PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/staff/sign-in/code",	signin_code_get,  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-in/code",	signin_code_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/staff/sign-in/enrol",	signin_code_get,  PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-in/enrol",	signin_code_post, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/staff/sign-in/enrol/qr.svg", signin_qr_get, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/staff/sign-out",	signout_post,	  PERM_SIGNED_IN, 0 },
	{ METHOD_GET,	"/staff",		staff_home_get,	  PERM_SIGNED_IN, 0 },

	/* Incidents */
	{ METHOD_GET,	"/staff/incidents",		incident_list_get,    PERM_INCIDENT_VIEW, 0 },
	{ METHOD_GET,	"/staff/incidents/{ref}",	incident_view_get,    PERM_INCIDENT_VIEW, 0 },
	{ METHOD_POST,	"/staff/incidents/{ref}/status", incident_status_post, PERM_INCIDENT_UPDATE, 0 },
};

const size_t routes_n = sizeof(routes) / sizeof(routes[0]);
