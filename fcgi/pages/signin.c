/* Staff sign-in: e-mail and password, then the authenticator code (or
 * setting up the authenticator, the first time), and sign-out. */
#include <ctype.h>
#include <string.h>

#include "auth/csrf.h"
#include "auth/qr.h"
#include "auth/signin.h"
#include "auth/totp.h"
#include "core/arena.h"
#include "core/buf.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The page a sign-in should land on, as the query (GET) or the form
 * (POST) carries it; NULL when there is none or it is not a path on this
 * site (then the staff home). */
static const char *
signin_next(struct req *r)
{
	const char *next = r->method == METHOD_GET ? req_query(r, "next") :
	    req_form(r, "next");

	return signin_next_valid(next) ? next : NULL;
}

/* Renders the e-mail and password form, with what was typed (never the
 * password), the page to return to and any problem. */
static void
signin_form(struct req *r, int status, const char *email,
    const struct form_errors *errs, const char *problem)
{
	struct view_dict *d = page_dict(r), *p;
	const char *next = signin_next(r);

	if (d == NULL || view_set(d, "EMAIL", email) == -1 ||
	    (next != NULL && ((p = view_section(d, "NEXT")) == NULL ||
	    view_set(p, "PATH", next) == -1)) ||
	    view_set_global(d, "CSRF", csrf_token(r)) == -1 ||
	    form_errors_dict(d, errs) == -1 ||
	    (problem != NULL && ((p = view_section(d, "PROBLEM")) == NULL ||
	    view_set(p, "MESSAGE", problem) == -1))) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, status, "signin.tpl", form_title(r, errs, "Sign in"), d);
}

/* What a refused attempt says (SIGNIN_THROTTLED: this address is locked
 * out; SIGNIN_SLOWED: the account is slowed down), with the wait in words,
 * which Retry-After also gives. */
static const char *
throttled_message(struct req *r, enum signin_step step, long long wait)
{
	const char *after;
	long long minutes;

	if (wait < 1)
		wait = 1;
	minutes = (wait + 59) / 60;
	if ((after = arena_printf(r->arena, "%lld", wait)) != NULL)
		(void)resp_header(r, "Retry-After", after);
	if (step == SIGNIN_SLOWED)
		return arena_printf(r->arena, "There have been many failed attempts "
		    "to sign in to this account. Wait %lld second%s, then try again.",
		    wait, wait == 1 ? "" : "s");
	return arena_printf(r->arena, "There have been too many attempts to sign "
	    "in from this device. Wait %lld minute%s, then try again.",
	    minutes, minutes == 1 ? "" : "s");
}

/* GET /staff/sign-in?next=/staff/... */
void
signin_get(struct req *r)
{
	struct form_errors errs = {0};
	const char *next = signin_next(r);

	if (r->session != NULL) {
		resp_redirect(r, 303, next != NULL ? next : "/staff");
		return;
	}
	signin_form(r, 200, "", &errs, NULL);
}

/* POST /staff/sign-in: 303 to the code page; 400 with the form when a
 * field is empty; 401 when the e-mail or password is wrong (without
 * saying which); 429 after too many failures. */
void
signin_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *email, *password;
	enum signin_step step;
	long long wait;

	email = form_text(r, "email", 254, &errs, "email",
	    "Enter your email address", "Email address must be 254 characters or fewer");
	password = req_form(r, "password");
	if (password == NULL || *password == '\0')
		form_error(&errs, "password", "Enter your password");
	else if (strlen(password) > 256)
		form_error(&errs, "password", "Password must be 256 characters or fewer");
	if (email == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return signin_form(r, 400, email, &errs, NULL);
	switch ((step = signin_password(r, email, password, signin_next(r), &wait))) {
	case SIGNIN_NEED_CODE:
		return resp_redirect(r, 303, "/staff/sign-in/code");
	case SIGNIN_NEED_ENROL:
		return resp_redirect(r, 303, "/staff/sign-in/enrol");
	case SIGNIN_THROTTLED:
	case SIGNIN_SLOWED:
		return signin_form(r, 429, email, &errs, throttled_message(r, step, wait));
	case SIGNIN_UNAVAILABLE:
		return page_error(r, 503, "Sign-in is unavailable at the moment. "
		    "Please try again in a few minutes.");
	default:
		form_error(&errs, "email", "Enter a correct email address and password");
		return signin_form(r, 401, email, &errs, NULL);
	}
}

/* GET /staff/sign-in/enrol/qr.svg: the QR code of the secret being set
 * up, for this browser's pending sign-in only. (A data: URI in the page
 * would not survive the template's URL escaping, rightly.) */
void
signin_qr_get(struct req *r)
{
	struct signin_pending p;
	struct buf uri = {0};
	int rc = signin_pending_load(r, &p);

	if (rc == -1)
		return page_error(r, 503, NULL);
	if (rc == 0 || !p.enrolling)
		return page_error(r, 404, NULL);
	buf_reset(r->resp.body);
	if (totp_uri("Concord", p.email, p.secret, &uri) == -1 ||
	    qr_svg(buf_cstr(&uri), r->resp.body) == -1 || r->resp.body->oom) {
		buf_free(&uri);
		return page_error(r, 500, "The QR code could not be made: type the "
		    "key into your app instead.");
	}
	buf_free(&uri);
	r->resp.status = 200;
	r->resp.content_type = "image/svg+xml";
}

/* The code form, or the authenticator set-up page with it. */
static void
code_form(struct req *r, int status, const struct signin_pending *p,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r);
	const char *title = p->enrolling ? "Set up your authenticator app" :
	    "Enter your code";

	if (d == NULL || view_set_global(d, "CSRF", csrf_token(r)) == -1 ||
	    form_errors_dict(d, errs) == -1 ||
	    view_set(d, "ACTION", p->enrolling ? "/staff/sign-in/enrol" :
	    "/staff/sign-in/code") == -1 ||
	    (p->enrolling ? (view_show(d, "ENROL") == -1 ||
	    view_set(d, "SECRET", p->secret) == -1) : view_show(d, "CODE") == -1)) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, status, "signin_code.tpl", form_title(r, errs, title), d);
}

/* Back to the start, with a message, when the pending sign-in is gone. */
static void
signin_restart(struct req *r)
{
	page_notice(r, "Your sign-in timed out. Enter your email address and password again.");
	resp_redirect(r, 303, "/staff/sign-in");
}

/* GET /staff/sign-in/code and /staff/sign-in/enrol */
void
signin_code_get(struct req *r)
{
	struct form_errors errs = {0};
	struct signin_pending p;
	int rc = signin_pending_load(r, &p);

	if (rc == -1)
		return page_error(r, 503, NULL);
	if (rc == 0)
		return signin_restart(r);
	code_form(r, 200, &p, &errs);
}

/* The code as typed, without spaces, when it is 6 digits; else NULL. */
static const char *
code_read(struct req *r)
{
	const char *v = req_form(r, "code");
	char *out;
	size_t n = 0;

	if (v == NULL || strlen(v) > 32 || (out = arena_alloc(r->arena, 33)) == NULL)
		return NULL;
	for (; *v != '\0'; v++) {
		if (isdigit((unsigned char)*v))
			out[n++] = *v;
		else if (*v != ' ' && *v != '-')
			return NULL;
	}
	out[n] = '\0';
	return n == 6 ? out : NULL;
}

/* POST /staff/sign-in/code and /staff/sign-in/enrol: 303 with a new
 * session to the page the sign-in started from, or /staff; 401 with the form when the code is wrong or used before. */
void
signin_code_post(struct req *r)
{
	struct form_errors errs = {0};
	struct signin_pending p;
	const char *code = code_read(r);
	enum signin_step step;
	long long wait;
	int rc = signin_pending_load(r, &p);

	if (rc == -1)
		return page_error(r, 503, NULL);
	if (rc == 0)
		return signin_restart(r);
	if (code == NULL) {
		form_error(&errs, "code", "Enter the 6-digit code from your authenticator app");
		return code_form(r, 400, &p, &errs);
	}
	switch ((step = signin_code(r, code, &wait))) {
	case SIGNIN_DONE:
		page_flash(r, "You are signed in.");
		return resp_redirect(r, 303, p.next[0] != '\0' ? p.next : "/staff");
	case SIGNIN_EXPIRED:
		return signin_restart(r);
	case SIGNIN_THROTTLED:
	case SIGNIN_SLOWED:
		return page_error(r, 429, throttled_message(r, step, wait));
	case SIGNIN_UNAVAILABLE:
		return page_error(r, 503, NULL);
	default:
		form_error(&errs, "code", "The code is not right, or has been used "
		    "already. Wait for the next code and try again");
		return code_form(r, 401, &p, &errs);
	}
}

/* POST /staff/sign-out */
void
signout_post(struct req *r)
{
	signin_out(r);
	page_flash(r, "You have signed out.");
	resp_redirect(r, 303, "/staff/sign-in");
}
