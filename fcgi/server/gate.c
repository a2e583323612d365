/* The gate every request passes before its handler: who is signed in,
 * whether the form carries its CSRF token, and whether the route's one
 * permission is held. Handlers never re-check what the gate checked. */
#include <stdio.h>
#include <string.h>

#include "auth/csrf.h"
#include "auth/session.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/log.h"
#include "domain/access.h"
#include "http/request.h"
#include "pages/layout.h"
#include "server/gate.h"

#define SESSION_COOKIE	"concord_session"

/* Loads the session named by the cookie, if any. Returns 0, or -1 when
 * Redis cannot say (the caller answers 503 where a session is needed). */
static int
session_attach(struct req *r, int *expired)
{
	const char *token = req_app_cookie(r, SESSION_COOKIE);
	struct session *s;
	int rc;

	*expired = 0;
	if (token == NULL || *token == '\0')
		return 0;
	if ((s = arena_alloc(r->arena, sizeof(*s))) == NULL)
		return -1;
	if ((rc = session_load(r->rd, token, clock_epoch(), s)) == -1)
		return -1;
	if (rc == 0) {
		/* Tell the browser to forget it, and say so on the page. */
		*expired = 1;
		resp_cookie(r, SESSION_COOKIE, "", 0);
		return 0;
	}
	r->session = s;
	r->actor.user_id = s->user_id;
	r->actor.agency_id = s->agency_id;
	r->actor.perms = s->perms | PERM_BIT(PERM_SIGNED_IN);
	r->actor.core_partner = s->core_partner;
	return 0;
}

static int
unsafe_method(const struct req *r)
{
	return r->method != METHOD_GET && r->method != METHOD_HEAD &&
	    r->method != METHOD_OPTIONS;
}

/* Writes the refusal to the audit trail; a failure to do so is logged,
 * and the refusal stands. */
static void
refused(struct req *r, const char *action, const char *reason)
{
	if (access_refused(r->pg, &r->actor, action, r->path, reason) == -1)
		log_error("audit of %s %s failed", action, r->path);
}

/* Runs the route's checks. Returns 1 when its handler may run, or 0 when
 * the gate has already answered (401, 403 or 503). */
int
gate_enter(struct req *r, enum perm need, int csrf_exempt)
{
	int expired;

	r->actor.request_id = r->request_id;
	r->actor.client_addr = r->remote_addr;
	if (session_attach(r, &expired) == -1 && need != PERM_PUBLIC) {
		page_error(r, 503, "Sign-in is unavailable at the moment. Please try "
		    "again in a few minutes.");
		return 0;
	}
	if (need != PERM_PUBLIC && r->session == NULL) {
		if (expired)
			refused(r, "session_expired", "the session had ended");
		page_signin_needed(r, expired);
		return 0;
	}
	if (unsafe_method(r) && !csrf_exempt && !csrf_valid(r)) {
		refused(r, "csrf_rejected", "missing or wrong CSRF token");
		page_error(r, 403, "This form has expired or did not come from "
		    "Concord. Go back, reload the page and try again.");
		return 0;
	}
	if (!perm_has(r->actor.perms, need)) {
		refused(r, "denied", perm_name(need));
		page_error(r, 403, "Your role does not allow this. If you think it "
		    "should, ask your supervisor or an administrator.");
		return 0;
	}
	return 1;
}
