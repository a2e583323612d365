/* Administration of users: list (by agency), add with an initial
 * password, change details, agency, team and roles, disable or enable,
 * reset the authenticator, and history. Changes that alter what a user may
 * do, or whether they may sign in, end their sessions at once. */
#include <stdio.h>
#include <string.h>

#include "auth/password.h"
#include "auth/throttle.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/email.h"
#include "domain/admin_agency.h"
#include "domain/admin_role.h"
#include "domain/admin_team.h"
#include "domain/admin_user.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The forms of the add and change page, as typed. */
struct user_form {
	struct user_input	 in;
	const char		*reason;
	const char		*status_reason;	/* disable or enable */
	const char		*totp_reason;	/* reset the authenticator */
	const char		*unlock_reason;	/* unlock sign-in */
};

static int
has_role(const struct user_input *in, long long id)
{
	size_t i;

	for (i = 0; i < in->nroles; i++)
		if (in->role_ids[i] == id)
			return 1;
	return 0;
}

/* The agency, team and role choices, with what the form holds selected. */
static int
choices_dict(struct req *r, struct view_dict *d, const struct user_choices *c,
    const struct user_input *in)
{
	struct view_dict *o, *group = NULL;
	long long group_agency = 0;
	size_t i;

	for (i = 0; i < c->nagencies; i++)
		if ((o = view_section(d, "AGENCY_OPTION")) == NULL ||
		    view_set_int(o, "ID", c->agencies[i].id) == -1 ||
		    view_set(o, "NAME", c->agencies[i].active ? c->agencies[i].name :
		    arena_printf(r->arena, "%s (inactive)", c->agencies[i].name)) == -1 ||
		    (c->agencies[i].id == in->agency_id && view_show(o, "SELECTED") == -1))
			return -1;
	if (in->team_id == 0 && view_show(d, "NO_TEAM") == -1)
		return -1;
	/* Teams come ordered by agency: one group per agency. */
	for (i = 0; i < c->nteams; i++) {
		const struct team *t = &c->teams[i];

		if (group == NULL || t->agency_id != group_agency) {
			if ((group = view_section(d, "TEAM_GROUP")) == NULL ||
			    view_set(group, "LABEL", t->agency_name) == -1)
				return -1;
			group_agency = t->agency_id;
		}
		if ((o = view_section(group, "TEAM_OPTION")) == NULL ||
		    view_set_int(o, "ID", t->id) == -1 ||
		    view_set(o, "NAME", t->active ? t->name :
		    arena_printf(r->arena, "%s (inactive)", t->name)) == -1 ||
		    (t->id == in->team_id && view_show(o, "SELECTED") == -1))
			return -1;
	}
	for (i = 0; i < c->nroles; i++)
		if ((o = view_section(d, "ROLE_OPTION")) == NULL ||
		    view_set(o, "ID", i == 0 ? "roles" : arena_printf(r->arena,
		    "roles-%zu", i + 1)) == -1 ||
		    view_set(o, "VALUE", arena_printf(r->arena, "%lld", c->roles[i].id)) == -1 ||
		    view_set(o, "LABEL", c->roles[i].name) == -1 ||
		    view_set(o, "HINT", c->roles[i].nkinds == 0 ? "Any agency" :
		    arena_printf(r->arena, "Only in: %s", admin_role_kinds(r, &c->roles[i]))) == -1 ||
		    (has_role(in, c->roles[i].id) && view_show(o, "CHECKED") == -1))
			return -1;
	return 0;
}

/* "N minutes" (at least 1), for how long a lock or slow-down lasts. */
static const char *
minutes_text(struct req *r, long long seconds)
{
	long long m = seconds > 60 ? (seconds + 59) / 60 : 1;

	return arena_printf(r->arena, "%lld minute%s", m, m == 1 ? "" : "s");
}

/* The user's sign-in throttling (auth/throttle.h) in the EDITING section:
 * the addresses locked out, the slow-down, the failures; the unlock form
 * when there is anything to unlock. Returns 0 or -1 (out of memory). */
static int
signin_state_dict(struct req *r, struct view_dict *o, const struct user_rec *u)
{
	struct throttle_account st;
	struct view_dict *sec, *row;
	long long now = clock_epoch();
	size_t i;

	if (throttle_account_state(r->rd, u->email, now, &st) == -1)
		return view_show(o, "SIGNIN_UNKNOWN");
	if (st.nlocks == 0 && st.wait == 0 && st.failures == 0)
		return view_show(o, "SIGNIN_CLEAR");
	if (view_show(o, "UNLOCKABLE") == -1)
		return -1;
	if (st.nlocks > 0) {
		if ((sec = view_section(o, "SIGNIN_LOCKED")) == NULL ||
		    view_set(sec, "COUNT", st.nlocks == 1 ? "1 address" :
		    arena_printf(r->arena, "%zu addresses", st.nlocks)) == -1)
			return -1;
		for (i = 0; i < st.nlocks; i++)
			if ((row = view_section(sec, "LOCK")) == NULL ||
			    view_set(row, "ADDRESS", st.locks[i].addr) == -1 ||
			    view_set(row, "FOR", minutes_text(r, st.locks[i].until - now)) == -1)
				return -1;
	}
	if (st.wait > 0 && ((sec = view_section(o, "SIGNIN_SLOWED")) == NULL ||
	    view_set(sec, "WAIT", arena_printf(r->arena, "%lld second%s", st.wait,
	    st.wait == 1 ? "" : "s")) == -1))
		return -1;
	return (sec = view_section(o, "SIGNIN_FAILURES")) == NULL ||
	    view_set(sec, "FAILURES", st.failures == 1 ? "1 failed attempt" :
	    arena_printf(r->arena, "%lld failed attempts", st.failures)) == -1 ? -1 : 0;
}

/* Renders the add page (stored NULL) or the change page with its disable,
 * enable, reset and unlock forms, with what was typed and any problems. */
static void
user_form_page(struct req *r, int status, const struct user_form *f,
    const struct user_rec *stored, const struct form_errors *errs)
{
	struct user_choices c;
	struct view_dict *d, *o;
	const char *title = stored != NULL ? "Change a user" : "Add a user";

	if (user_choices_load(r->pg, r->arena, &r->actor, &c) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		goto fail;
	if (view_set(d, "HEADING", stored != NULL ? arena_printf(r->arena,
	    "Change %s", stored->name) : title) == -1 ||
	    view_set(d, "BUTTON", stored != NULL ? "Save changes" : "Add user") == -1 ||
	    view_set(d, "ACTION", stored != NULL ? arena_printf(r->arena,
	    "/admin/users/%lld", stored->id) : "/admin/users") == -1 ||
	    view_set(d, "EMAIL", f->in.email) == -1 ||
	    view_set(d, "NAME", f->in.name) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    choices_dict(r, d, &c, &f->in) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (stored == NULL) {
		if (view_show(d, "NEW") == -1)
			goto fail;
	} else if ((o = view_section(d, "EDITING")) == NULL ||
	    view_set_int(o, "ID", stored->id) == -1 ||
	    view_set(o, "VERSION", f->in.version) == -1 ||
	    view_set(o, "STATUS_REASON", f->status_reason) == -1 ||
	    view_set(o, "TOTP_REASON", f->totp_reason) == -1 ||
	    view_set(o, "UNLOCK_REASON", f->unlock_reason) == -1 ||
	    view_show(o, stored->disabled ? "DISABLED" : "ENABLED") == -1 ||
	    view_show(o, stored->totp_set ? "TOTP_SET" : "TOTP_NOT_SET") == -1 ||
	    signin_state_dict(r, o, stored) == -1)
		goto fail;
	return page_render(r, status, "admin_user_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_user_form.tpl", title, NULL);
}

/* The change page's forms filled from the stored user. */
static void
user_form_from(struct user_form *f, const struct user_rec *u)
{
	memset(f, 0, sizeof(*f));
	f->in.id = u->id;
	f->in.version = u->version;
	f->in.email = u->email;
	f->in.name = u->name;
	f->in.agency_id = u->agency_id;
	f->in.team_id = u->team_id;
	f->in.role_ids = u->role_ids;
	f->in.nroles = u->nroles;
	f->reason = f->status_reason = f->totp_reason = f->unlock_reason = "";
}

/* Whether an e-mail address looks like one: something@something.tld,
 * without spaces. The real check is the first sign-in. */
static int
email_plausible(const char *s)
{
	const char *at = strchr(s, '@'), *dot;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strpbrk(s, " \t\r\n<>,;\"") != NULL)
		return 0;
	dot = strrchr(at + 1, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Reads and checks the details form (and, when adding, the initial
 * password, which it hashes). Returns 0, or -1 when out of memory. */
static int
user_form_read(struct req *r, struct user_form *f, int adding,
    struct form_errors *errs, char hash[PASSWORD_HASH_MAX])
{
	const char *team = req_form(r, "team"), *pw;
	char why[160], normal[EMAIL_MAX + 1];

	f->in.email = form_text(r, "email", 254, errs, "email",
	    "Enter their email address", "Email address must be 254 characters or fewer");
	if (f->in.email != NULL && *f->in.email != '\0' && strlen(f->in.email) <= EMAIL_MAX) {
		if (!email_plausible(f->in.email))
			form_error(errs, "email", "Enter an email address in the "
			    "correct format, like name@example.org");
		/* Sign-in could never find it (core/email.c). */
		else if (email_normal(f->in.email, normal, sizeof(normal)) == -1)
			form_error(errs, "email", "Enter an email address with only "
			    "the letters a to z, digits and punctuation: no accented "
			    "or look-alike letters");
	}
	f->in.name = form_text(r, "name", 200, errs, "name", "Enter their full name",
	    "Full name must be 200 characters or fewer");
	if (admin_id_value(req_form(r, "agency"), &f->in.agency_id) == -1) {
		f->in.agency_id = 0;
		form_error(errs, "agency", "Select their agency");
	}
	f->in.team_id = 0;
	if (team != NULL && *team != '\0' && admin_id_value(team, &f->in.team_id) == -1)
		form_error(errs, "team", "Select a team from the list, or No team");
	f->in.role_ids = admin_ids(r, "roles", &f->in.nroles);
	f->status_reason = f->totp_reason = f->unlock_reason = "";
	if (adding) {
		pw = req_form(r, "password");
		if (pw == NULL || *pw == '\0')
			form_error(errs, "password", "Enter an initial password");
		else if (!password_acceptable(pw, why, sizeof(why)))
			form_error(errs, "password", arena_printf(r->arena,
			    "Choose a different password. %s", why));
		else if (errs->n == 0 && password_hash(pw, hash, PASSWORD_HASH_MAX) == -1)
			return -1;
		f->in.password_hash = hash;
	}
	f->reason = admin_reason(r, "reason", 0, errs);
	f->in.version = admin_version(r);
	return f->in.email && f->in.name && f->reason ? 0 : -1;
}

/* Turns a refusal of the domain into a field error. Returns 1 when it
 * was one, 0 otherwise. */
static int
user_refusal(struct req *r, enum admin_rc rc, const char *detail,
    struct form_errors *errs)
{
	switch (rc) {
	case ADMIN_BAD_AGENCY:
		form_error(errs, "agency", "Select their agency");
		return 1;
	case ADMIN_BAD_TEAM:
		form_error(errs, "team", "Select one of their agency's teams, or No team");
		return 1;
	case ADMIN_BAD_ROLE:
		form_error(errs, "roles", arena_printf(r->arena, "%s cannot be held in "
		    "this kind of agency: untick it, or choose a different agency",
		    detail != NULL ? detail : "A role"));
		return 1;
	case ADMIN_DUPLICATE:
		form_error(errs, "email", "Another user has this email address "
		    "(upper and lower case count as the same): enter a different one");
		return 1;
	case ADMIN_SELF_ADMIN:
		form_error(errs, "roles", "You cannot remove your own administrator "
		    "role: ask another administrator to do it");
		return 1;
	default:
		return 0;
	}
}

/* Whether each listed user's sign-in is locked from some address or
 * slowed down (THROTTLE_FLAG_*); NULL (the list shows neither) when Redis
 * cannot say. */
static unsigned *
list_signin_flags(struct req *r, const struct user_rec *list, size_t n)
{
	unsigned *flags;
	const char **emails;
	size_t i;

	if (n == 0 || (flags = arena_calloc(r->arena, n, sizeof(*flags))) == NULL ||
	    (emails = arena_calloc(r->arena, n, sizeof(*emails))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		emails[i] = list[i].email;
	return throttle_accounts_flags(r->rd, emails, n, clock_epoch(), flags) == 0 ?
	    flags : NULL;
}

/* GET /admin/users[?agency=ID] */
void
user_list_get(struct req *r)
{
	struct user_rec *list;
	struct agency *agencies;
	struct view_dict *d, *sec, *row, *table = NULL;
	unsigned *flags;
	long long agency = 0;
	size_t i, n, na;

	if (admin_id_value(req_query(r, "agency"), &agency) == -1)
		agency = 0;
	if (user_list(r->pg, r->arena, &r->actor, agency, &list, &n) == -1 ||
	    agency_list(r->pg, r->arena, &r->actor, &agencies, &na) == -1)
		return page_error(r, 500, NULL);
	flags = list_signin_flags(r, list, n);
	if ((d = page_dict(r)) == NULL)
		goto fail;
	if (agency == 0 && view_show(d, "ALL_AGENCIES") == -1)
		goto fail;
	for (i = 0; i < na; i++)
		if ((row = view_section(d, "AGENCY_OPTION")) == NULL ||
		    view_set_int(row, "ID", agencies[i].id) == -1 ||
		    view_set(row, "NAME", agencies[i].name) == -1 ||
		    (agencies[i].id == agency && view_show(row, "SELECTED") == -1))
			goto fail;
	if (n == 0 && view_show(d, "NONE") == -1)
		goto fail;
	if (n > 0 && (table = view_section(d, "USERS")) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((row = view_section(table, "USER")) == NULL ||
		    view_set_int(row, "ID", list[i].id) == -1 ||
		    view_set(row, "NAME", list[i].name) == -1 ||
		    view_set(row, "EMAIL", list[i].email) == -1 ||
		    view_set(row, "AGENCY", list[i].agency_name) == -1 ||
		    view_set(row, "ROLES", *list[i].roles != '\0' ? list[i].roles : "None") == -1 ||
		    view_show(row, list[i].disabled ? "DISABLED" : "ENABLED") == -1 ||
		    (flags != NULL && (flags[i] & THROTTLE_FLAG_LOCKED) &&
		    view_show(row, "SIGNIN_LOCKED") == -1) ||
		    (flags != NULL && (flags[i] & THROTTLE_FLAG_SLOWED) &&
		    view_show(row, "SIGNIN_SLOWED") == -1))
			goto fail;
		if (*list[i].team_name != '\0' && ((sec = view_section(row, "TEAM")) == NULL ||
		    view_set(sec, "TEAM_NAME", list[i].team_name) == -1))
			goto fail;
	}
	return page_render(r, 200, "admin_users.tpl", "Users", d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_users.tpl", "Users", NULL);
}

/* GET /admin/users/new */
void
user_new_get(struct req *r)
{
	struct user_form f = { .in = { .email = "", .name = "" }, .reason = "" };
	struct form_errors errs = {0};

	user_form_page(r, 200, &f, NULL, &errs);
}

/* POST /admin/users: 303 to the list; 400 with the form. */
void
user_create_post(struct req *r)
{
	struct user_form f = {0};
	struct form_errors errs = {0};
	char hash[PASSWORD_HASH_MAX] = "";
	const char *detail = NULL;
	enum admin_rc rc;
	long long id;

	if (user_form_read(r, &f, 1, &errs, hash) == -1)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return user_form_page(r, 400, &f, NULL, &errs);
	rc = user_create(r->pg, r->arena, &r->actor, &f.in, f.reason, &id, &detail);
	if (rc == ADMIN_OK)
		return admin_done(r, arena_printf(r->arena, "%s has been added. They "
		    "set up their authenticator app when they first sign in.",
		    f.in.name), "/admin/users");
	if (user_refusal(r, rc, detail, &errs))
		return user_form_page(r, 400, &f, NULL, &errs);
	page_error(r, 500, NULL);
}

/* GET /admin/users/{id} */
void
user_edit_get(struct req *r)
{
	struct user_rec u;
	struct user_form f;
	struct form_errors errs = {0};
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, user_get(r->pg, r->arena, &r->actor, id, &u)))
		return;
	user_form_from(&f, &u);
	user_form_page(r, 200, &f, &u, &errs);
}

/* POST /admin/users/{id} with action=disable, enable or reset_totp: each
 * needs a reason. 303 back to the user; 400 with the page. */
static void
user_state_post(struct req *r, long long id, const char *action)
{
	struct user_rec u;
	struct user_form f;
	struct form_errors errs = {0};
	struct admin_revoke rv = {0};
	int totp = strcmp(action, "reset_totp") == 0;
	int disable = strcmp(action, "disable") == 0;
	const char *field = totp ? "totp-reason" : "status-reason";
	const char *reason, *back = arena_printf(r->arena, "/admin/users/%lld", id);
	enum admin_rc rc = ADMIN_OK;

	if ((reason = admin_reason(r, field, 1, &errs)) == NULL || back == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		rc = totp ? user_reset_totp(r->pg, r->arena, &r->actor, id, reason, &rv) :
		    user_set_disabled(r->pg, r->arena, &r->actor, id, disable, reason, &rv);
		if (admin_failed(r, rc, "user"))
			return;
	}
	if (errs.n == 0 && rc != ADMIN_SELF_DISABLE) {
		admin_revoke_sessions(r, &rv);
		if (rc == ADMIN_ALREADY)
			return admin_done(r, totp ? "No changes: they had no "
			    "authenticator app set up." : disable ? "No changes: the "
			    "account was already disabled." : "No changes: the account "
			    "was already enabled.", back);
		return admin_done(r, totp ? "Their authenticator app has been reset "
		    "and they have been signed out. They set it up again at their "
		    "next sign-in." : disable ? "The account has been disabled and "
		    "they have been signed out." : "The account has been enabled.", back);
	}
	if (rc == ADMIN_SELF_DISABLE)
		form_error(&errs, field, "You cannot disable your own account: ask "
		    "another administrator to do it");
	if (!admin_found(r, user_get(r->pg, r->arena, &r->actor, id, &u)))
		return;
	user_form_from(&f, &u);
	if (totp)
		f.totp_reason = reason;
	else
		f.status_reason = reason;
	user_form_page(r, 400, &f, &u, &errs);
}

/* POST /admin/users/{id} with action=unlock: ends the sign-in locks and
 * slow-down of the account (auth/throttle.h), with a reason, which is
 * required, and an audit row. 303 back to the user; 400 with the page;
 * 503 when Redis cannot be reached (nothing unlocked, nothing recorded). */
static void
user_unlock_post(struct req *r, long long id)
{
	struct user_rec u;
	struct user_form f;
	struct form_errors errs = {0};
	struct throttle_account st;
	const char *reason, *back = arena_printf(r->arena, "/admin/users/%lld", id);

	if ((reason = admin_reason(r, "unlock-reason", 1, &errs)) == NULL || back == NULL)
		return page_error(r, 500, NULL);
	if (!admin_found(r, user_get(r->pg, r->arena, &r->actor, id, &u)))
		return;
	if (errs.n > 0) {
		user_form_from(&f, &u);
		f.unlock_reason = reason;
		return user_form_page(r, 400, &f, &u, &errs);
	}
	if (throttle_account_state(r->rd, u.email, clock_epoch(), &st) == -1)
		return page_error(r, 503, "Sign-in cannot be unlocked at the moment. "
		    "Try again in a few minutes.");
	if (st.nlocks == 0 && st.wait == 0 && st.failures == 0)
		return admin_done(r, "No changes: their sign-in was not locked or "
		    "slowed down.", back);
	if (throttle_unlock(r->rd, u.email) == -1)
		return page_error(r, 503, "Sign-in cannot be unlocked at the moment. "
		    "Try again in a few minutes.");
	if (admin_failed(r, user_unlock_record(r->pg, &r->actor, id, st.nlocks,
	    st.failures, st.wait > 0, reason), "user"))
		return;
	admin_done(r, arena_printf(r->arena, "Sign-in has been unlocked for %s: "
	    "they can sign in again from any device.", u.name), back);
}

/* POST /admin/users/{id}: action=save (the details form; 409 when someone
 * else changed the user since it was loaded), or one of the state forms. */
void
user_update_post(struct req *r)
{
	struct user_rec u;
	struct user_form f = {0};
	struct form_errors errs = {0};
	struct admin_revoke rv = {0};
	const char *action = req_form(r, "action"), *detail = NULL, *changed;
	enum admin_rc rc;
	long long id;

	if (admin_id_param(r, &id) == -1)
		return;
	if (action != NULL && (strcmp(action, "disable") == 0 ||
	    strcmp(action, "enable") == 0 || strcmp(action, "reset_totp") == 0))
		return user_state_post(r, id, action);
	if (action != NULL && strcmp(action, "unlock") == 0)
		return user_unlock_post(r, id);
	if (action != NULL && strcmp(action, "save") != 0)
		return page_error(r, 400, "The form sent an action Concord does not "
		    "know. Go back, reload the page and try again.");
	if (user_form_read(r, &f, 0, &errs, NULL) == -1)
		return page_error(r, 500, NULL);
	f.in.id = id;
	if (errs.n == 0) {
		rc = user_update(r->pg, r->arena, &r->actor, &f.in, f.reason, &detail, &rv);
		changed = rv.n > 0 ? arena_printf(r->arena, "%s has been changed and "
		    "signed out, so that the change applies at once.", f.in.name) :
		    arena_printf(r->arena, "%s has been changed.", f.in.name);
		if (admin_updated(r, rc, "user", f.in.name, changed, &rv, "/admin/users"))
			return;
		if (!user_refusal(r, rc, detail, &errs))
			return page_error(r, 500, NULL);
	}
	/* The page also shows the account's state, which the form does not send. */
	if (!admin_found(r, user_get(r->pg, r->arena, &r->actor, id, &u)))
		return;
	f.status_reason = f.totp_reason = f.unlock_reason = "";
	user_form_page(r, 400, &f, &u, &errs);
}

/* GET /admin/users/{id}/history */
void
user_history_get(struct req *r)
{
	struct user_rec u;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, user_get(r->pg, r->arena, &r->actor, id, &u)))
		return;
	admin_history(r, arena_printf(r->arena, "History of %s", u.name),
	    "/admin/users", "user", id);
}
