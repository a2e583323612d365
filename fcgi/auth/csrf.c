/* CSRF tokens: every state-changing form carries one. Signed in, it is the
 * session's own secret; before sign-in (the sign-in and public report
 * forms) it is a random value in a cookie that the form must repeat, which
 * a page on another site can neither read nor set. */
#include <string.h>

#include <openssl/crypto.h>

#include "auth/csrf.h"
#include "auth/session.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/random.h"
#include "http/request.h"

#define CSRF_COOKIE	"concord_csrf"

/* The token to put in this page's forms; sets the cookie when there is
 * none yet. NULL only when out of memory. */
const char *
csrf_token(struct req *r)
{
	const char *c;
	char *t;

	if (r->session != NULL)
		return r->session->csrf;
	c = req_app_cookie(r, CSRF_COOKIE);
	if (c != NULL && strlen(c) == 64)
		return c;
	if ((t = arena_alloc(r->arena, 65)) == NULL || random_hex(t, 32) == -1)
		return NULL;
	if (resp_cookie(r, CSRF_COOKIE, t, -1) == -1)
		return NULL;
	/* Remember it as if the browser had sent it, so a second form on
	 * the same page gets the same token. */
	kv_add(r->arena, &r->cookies, r->cfg && r->cfg->production ?
	    "__Host-" CSRF_COOKIE : CSRF_COOKIE, t, 64);
	return t;
}

/* Whether the form's `csrf` field matches, compared in constant time. */
int
csrf_valid(struct req *r)
{
	const char *want = r->session != NULL ? r->session->csrf :
	    req_app_cookie(r, CSRF_COOKIE);
	const char *got = req_form(r, "csrf");

	if (want == NULL || got == NULL || strlen(want) != 64 || strlen(got) != 64)
		return 0;
	return CRYPTO_memcmp(want, got, 64) == 0;
}
