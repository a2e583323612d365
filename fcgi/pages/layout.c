/* The shared layout: every HTML page is a template that includes the
 * header and footer, with what they need set as template globals. */
#include <stdio.h>
#include <string.h>

#include "auth/csrf.h"
#include "auth/session.h"
#include "auth/signin.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/perm.h"
#include "http/request.h"
#include "http/urlencoded.h"
#include "pages/layout.h"
#include "view/view.h"

#define FLASH_MAX 300
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A new, empty page dictionary, freed by page_render. NULL when out of memory. */
struct view_dict *
page_dict(struct req *r)
{
	(void)r;
	return view_dict_new();
}

/* Percent-encodes the first max bytes of s, for a cookie value or a
 * query parameter. NULL when out of memory. */
static char *
percent_encode(struct req *r, const char *s, size_t max)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strnlen(s, max), i, o = 0;
	char *out = arena_alloc(r->arena, n * 3 + 1);
	unsigned char c;

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return out;
}

/* Shows message on the next page this browser loads (after a redirect):
 * a green "Success" banner, or with page_notice a blue "Important" one.
 * The cookie's first character says which. */
static void
flash_set(struct req *r, char kind, const char *message)
{
	char *v = percent_encode(r, message, FLASH_MAX), *c;

	if (v != NULL && (c = arena_printf(r->arena, "%c%s", kind, v)) != NULL)
		resp_cookie(r, "flash", c, 60);
}

void
page_flash(struct req *r, const char *message)
{
	flash_set(r, 's', message);
}

void
page_notice(struct req *r, const char *message)
{
	flash_set(r, 'i', message);
}

/* Takes the flash message left by the previous response, and clears it;
 * *notice says whether it is a notice rather than a success. */
static const char *
flash_take(struct req *r, int *notice)
{
	const char *v = req_app_cookie(r, "flash");
	char *msg;
	size_t n;

	if (v == NULL || (*v != 's' && *v != 'i'))
		return NULL;
	*notice = *v++ == 'i';
	resp_cookie(r, "flash", "", 0);
	n = strnlen(v, FLASH_MAX * 3);
	if ((msg = arena_alloc(r->arena, n + 1)) == NULL ||
	    percent_decode(msg, v, n, 0, NULL) != 0)
		return NULL;
	return msg;
}

/* ------------------------------------------------------------------ */
/* The service navigation                                              */

/* A link of the service navigation: who sees it, and the paths of its
 * section (besides its own), where it is marked as the current one. */
struct nav_item {
	const char	*href;
	const char	*text;
	enum perm	 perm;
	const char	*within[5];
};

static const struct nav_item nav_public[] = {
	{ "/report", "Report anti-social behaviour", PERM_PUBLIC, { "/report" } },
	{ "/staff/sign-in", "Staff sign in", PERM_PUBLIC, { "/staff/sign-in" } },
};

static const struct nav_item nav_staff[] = {
	{ "/staff", "Home", PERM_SIGNED_IN, { "/staff/me" } },
	{ "/staff/queues", "Queues", PERM_INCIDENT_VIEW, { "/staff/queues",
	    "/staff/allocations" } },
	{ "/staff/reports", "New reports", PERM_INCIDENT_VIEW, { "/staff/reports" } },
	{ "/staff/incidents", "Incidents", PERM_INCIDENT_VIEW, { "/staff/incidents",
	    "/staff/people", "/staff/quick", "/staff/risk-reviews", "/staff/evidence" } },
	{ "/staff/cases", "Cases", PERM_CASE_MANAGE, { "/staff/cases", "/staff/panels" } },
	{ "/staff/case-review", "Case Review", PERM_CASE_REVIEW_MANAGE, { "/staff/case-review" } },
	{ "/staff/activity", "Team activity", PERM_AUDIT_TEAM, { "/staff/activity" } },
	{ "/dashboards/operational", "Dashboards", PERM_REPORTING_VIEW, { "/dashboards" } },
	{ "/admin", "Administration", PERM_ADMIN_USERS, { "/admin" } },
};

/* 1 when path is prefix or a path below it ("/admin/teams" is below
 * "/admin", "/administer" is not). */
static int
path_within(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* What the item's aria-current says on this path: "page" on its own
 * page, "true" elsewhere in its section, NULL when it is not current. */
static const char *
nav_current(const struct nav_item *it, const char *path)
{
	size_t i;

	if (strcmp(path, it->href) == 0)
		return "page";
	for (i = 0; i < NELEM(it->within) && it->within[i] != NULL; i++)
		if (path_within(path, it->within[i]))
			return "true";
	return NULL;
}

/* Adds the items of the list this user may use to the header's
 * navigation, the current one marked as GOV.UK's service navigation
 * marks it (the active class, aria-current and a <strong> fallback). */
static int
nav_items(struct req *r, struct view_dict *head, const struct nav_item *list,
    size_t n)
{
	struct view_dict *li;
	const char *current;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!perm_has(r->actor.perms, list[i].perm))
			continue;
		if ((li = view_section(head, "NAV_ITEM")) == NULL ||
		    view_set(li, "HREF", list[i].href) == -1 ||
		    view_set(li, "TEXT", list[i].text) == -1)
			return -1;
		current = nav_current(&list[i], r->path != NULL ? r->path : "");
		if (current != NULL && ((li = view_section(li, "CURRENT")) == NULL ||
		    view_set(li, "ARIA_CURRENT", current) == -1))
			return -1;
	}
	return 0;
}

/* The header's account details and the navigation this user may use. */
static int
layout_user(struct req *r, struct view_dict *d, struct view_dict *head)
{
	const struct session *s = r->session;

	if (s == NULL)
		return nav_items(r, head, nav_public, NELEM(nav_public));
	if (view_show_global(d, "SIGNED_IN") == -1 ||
	    view_set_global(d, "USER_NAME", s->name) == -1 ||
	    view_set_global(d, "USER_AGENCY", s->agency_name) == -1 ||
	    view_set_global(d, "USER_ROLES", s->roles) == -1 ||
	    view_set_global(d, "CSRF", s->csrf) == -1)
		return -1;
	return nav_items(r, head, nav_staff, NELEM(nav_staff));
}

/* Sets what the header and footer templates read. */
static int
layout_globals(struct req *r, struct view_dict *d, const char *title)
{
	struct view_dict *head = view_include(d, "HEAD", "layout_head.tpl");
	int notice = 0;
	const char *flash = flash_take(r, &notice);

	if (head == NULL || layout_user(r, d, head) == -1)
		return -1;
	if (view_set_global(d, "TITLE", title) == -1 ||
	    view_set_global(d, "REQUEST_ID", r->request_id) == -1 ||
	    view_set_global(d, "VERSION", CONCORD_VERSION) == -1 ||
	    view_include(d, "FOOT", "layout_foot.tpl") == NULL)
		return -1;
	if (flash != NULL && (view_set_global(d, "FLASH", flash) == -1 ||
	    view_show_global(d, notice ? "HAS_NOTICE" : "HAS_FLASH") == -1))
		return -1;
	return 0;
}

/* Renders tpl inside the layout as the response, and frees d. A page that
 * cannot be rendered becomes a plain 500, logged with the template name. */
void
page_render(struct req *r, int status, const char *tpl, const char *title,
    struct view_dict *d)
{
	buf_reset(r->resp.body);
	if (d == NULL || layout_globals(r, d, title) == -1 ||
	    view_render(tpl, d, r->resp.body) == -1 || r->resp.body->oom) {
		log_error("template %s could not be rendered", tpl);
		view_dict_free(d);
		resp_text(r, 500, "Sorry, something went wrong. Please try again later.");
		return;
	}
	view_dict_free(d);
	r->resp.status = status;
	r->resp.content_type = "text/html; charset=utf-8";
}

static const char *
error_title(int status)
{
	switch (status) {
	case 400: return "There is a problem with the request";
	case 401: return "You need to sign in";
	case 403: return "You do not have access to this page";
	case 404: return "Page not found";
	case 405: return "That action is not allowed here";
	case 409: return "Someone else changed this first";
	case 413: return "What you sent is too large";
	case 414: return "The web address is too long";
	case 429: return "Too many requests";
	case 431: return "The request headers are too large";
	case 503: return "Sorry, the service is unavailable";
	default: return status >= 500 ? "Sorry, there is a problem with the service" :
	    "There is a problem with the request";
	}
}

/* 401: the page needs a signed-in member of staff. */
void
page_signin_needed(struct req *r, int expired)
{
	page_error(r, 401, expired ?
	    "Your session has ended: sessions end after 30 minutes without "
	    "activity, and 12 hours after signing in. Sign in again to continue." :
	    "This page is for police, council and partner staff. Sign in to "
	    "continue.");
}

/* The 401 page's sign-in button, which brings the member of staff back
 * to the page they asked for (a GET: a form's POST cannot be replayed). */
static int
signin_button(struct req *r, struct view_dict *d)
{
	struct view_dict *s = view_section(d, "SIGN_IN");
	const char *next;

	if (s == NULL)
		return -1;
	if (r->method != METHOD_GET || !signin_next_valid(r->uri))
		return 0;
	if ((next = percent_encode(r, r->uri, strlen(r->uri))) == NULL ||
	    (s = view_section(s, "NEXT")) == NULL)
		return -1;
	return view_set(s, "PATH", next);
}

/* An error page in the layout, with the status and a plain message. */
void
page_error(struct req *r, int status, const char *message)
{
	struct view_dict *d = page_dict(r);
	const char *title = error_title(status);

	if (message == NULL)
		message = status == 404 ? "If you typed the web address, check it is "
		    "correct. If you pasted the web address, check you copied the "
		    "entire address." : "Please try again later.";
	if (d != NULL && status == 401 && signin_button(r, d) == -1) {
		view_dict_free(d);
		d = NULL;
	}
	if (d != NULL && (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "MESSAGE", message) == -1 ||
	    view_set_int(d, "STATUS", status) == -1)) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, status, "error.tpl", title, d);
}
