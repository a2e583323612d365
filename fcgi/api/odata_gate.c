/* The OData feed's gate: an analyst's key, sent as the password of Basic
 * authentication (what Power BI and Excel ask for) or in the api_key query
 * parameter (nginx logs the path only). The key is "<key id>.<secret>";
 * the secret is derived from the server's API key file like a CAD key's
 * (auth/api_sign.h) and compared in constant time. The feed then acts as
 * the analyst, as they are now: a disabled account, or one whose roles no
 * longer give reporting.view, reads nothing, whatever its key. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "api/odata_feed.h"
#include "auth/api_sign.h"
#include "auth/basic.h"
#include "core/arena.h"
#include "core/log.h"
#include "domain/api_client.h"
#include "domain/users.h"
#include "http/request.h"
#include "http/response.h"

#define ODATA_KEY_PARAM	"api_key"
#define ODATA_KEY_MAX	512

static int
unauthorized(struct req *r, const char *code, const char *message)
{
	resp_header(r, "WWW-Authenticate", "Basic realm=\"Concord OData\", charset=\"UTF-8\"");
	odata_error_send(r, 401, code, message, NULL);
	return 0;
}

/* Checks the secret against the key's; 1 matches, 0 not, -1 unavailable. */
static int
secret_matches(struct req *r, const struct api_caller *c, const char *given)
{
	char secret[API_SECRET_LEN + 1];
	int ok;

	if (api_secret_of(r->cfg, c, secret) == -1)
		return -1;
	ok = strlen(given) == API_SECRET_LEN &&
	    CRYPTO_memcmp(secret, given, API_SECRET_LEN) == 0;
	OPENSSL_cleanse(secret, sizeof(secret));
	return ok;
}

int
odata_gate(struct req *r)
{
	const char *auth = req_header(r, "Authorization"), *user = NULL, *key;
	struct api_caller *c;
	struct user_auth *u;
	char *key_id, *dot;

	r->actor.request_id = r->request_id;
	r->actor.client_addr = r->remote_addr;
	if (auth != NULL) {
		if (basic_decode(r->arena, auth, &user, &key) == -1)
			return unauthorized(r, "credentials_invalid", "Send Basic "
			    "authentication: your e-mail address as the user name and "
			    "your OData key as the password.");
	} else if ((key = req_query(r, ODATA_KEY_PARAM)) == NULL)
		return unauthorized(r, "credentials_missing", "Sign in with your "
		    "e-mail address and your OData key (Basic), or send the key in "
		    "the api_key parameter.");
	if (strlen(key) > ODATA_KEY_MAX || (key_id = arena_strdup(r->arena, key)) == NULL ||
	    (dot = strchr(key_id, '.')) == NULL)
		return unauthorized(r, "key_invalid", "This is not an OData key: a key "
		    "looks like ck_0123456789abcdef0123.<secret>, as the API clients "
		    "page showed it.");
	*dot = '\0';
	if ((c = arena_calloc(r->arena, 1, sizeof(*c))) == NULL ||
	    (u = arena_calloc(r->arena, 1, sizeof(*u))) == NULL)
		goto unavailable;
	switch (api_caller_find_kind(r->pg, r->arena, key_id, "odata", c)) {
	case 1:
		break;
	case 0:
		return unauthorized(r, "key_invalid", "This OData key is not known.");
	default:
		goto unavailable;
	}
	if (c->state == API_KEY_REVOKED)
		return unauthorized(r, "key_revoked", "This OData key has been revoked.");
	if (c->state == API_KEY_EXPIRED)
		return unauthorized(r, "key_expired", "This OData key was replaced and "
		    "its overlap has ended: use the new key.");
	switch (secret_matches(r, c, dot + 1)) {
	case 1:
		break;
	case 0:
		return unauthorized(r, "key_invalid", "This OData key is not known.");
	default:
		goto unavailable;
	}
	switch (user_auth_by_id(r->pg, c->user_id, u)) {
	case 1:
		break;
	case 0:
		return unauthorized(r, "key_invalid", "This OData key is not known.");
	default:
		goto unavailable;
	}
	if (user != NULL && *user != '\0' && strcasecmp(user, u->email) != 0)
		return unauthorized(r, "user_mismatch", "This key is not this user's: "
		    "give the e-mail address of the analyst the key was made for.");
	if (u->disabled)
		return unauthorized(r, "account_disabled", "The account this key "
		    "belongs to is disabled.");
	if (!perm_has(u->perms, PERM_REPORTING_VIEW)) {
		odata_error_send(r, 403, "permission_missing", "The account this key "
		    "belongs to may not see reporting any more (reporting.view).", NULL);
		return 0;
	}
	if (api_key_used(r->pg, c) == -1)
		log_error("odata key %s: last use not recorded", key_id);
	r->api = c;
	r->actor.user_id = u->id;
	r->actor.agency_id = u->agency_id;
	r->actor.perms = u->perms | PERM_BIT(PERM_SIGNED_IN);
	r->actor.core_partner = u->core_partner;
	return 1;
unavailable:
	odata_refuse(r, 503);
	return 0;
}
