/* The administration home page, and what the administration pages share:
 * reading ids, codes, yes/no radios and checkbox lists, answering the
 * outcome of a change, ending the sessions a change made stale, and a
 * record's history. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/log.h"
#include "domain/admin_role.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/history.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* GET /admin: the sections this administrator may use. */
void
admin_home_get(struct req *r)
{
	struct view_dict *d = page_dict(r);
	perm_set p = r->actor.perms;

	if (d != NULL && ((perm_has(p, PERM_ADMIN_AGENCIES) &&
	    view_show(d, "AGENCIES") == -1) ||
	    (perm_has(p, PERM_ADMIN_USERS) && view_show(d, "USERS") == -1) ||
	    (perm_has(p, PERM_ADMIN_TYPES) && view_show(d, "TYPES") == -1) ||
	    (perm_has(p, PERM_ADMIN_ROUTING) && view_show(d, "ROUTING") == -1) ||
	    (perm_has(p, PERM_ADMIN_API_CLIENTS) && view_show(d, "API_CLIENTS") == -1))) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 200, "admin_home.tpl", "Administration", d);
}

/* A positive decimal id, digits only. Returns 0, or -1 when s is not one. */
int
admin_id_value(const char *s, long long *id)
{
	size_t n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 18)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	*id = strtoll(s, NULL, 10);
	return *id > 0 ? 0 : -1;
}

/* Whether s is a code: 2 to 32 lower-case letters, digits and `extra`
 * (agencies and teams use hyphens, roles underscores). */
int
admin_code_valid(const char *s, char extra)
{
	return admin_word_valid(s, 2, 32, extra);
}

/* The {id} of the route. Returns 0, or -1 after answering 404. */
int
admin_id_param(struct req *r, long long *id)
{
	if (admin_id_value(req_param(r, "id"), id) == -1) {
		page_error(r, 404, NULL);
		return -1;
	}
	return 0;
}

/* Answers what a *_get returned (got) when it did not find the record:
 * 404 for 0, 500 for -1. Returns 1 when it found it (got 1), else 0. */
int
admin_found(struct req *r, int got)
{
	if (got == 1)
		return 1;
	page_error(r, got == 0 ? 404 : 500, NULL);
	return 0;
}

/* The "code" field, with `invalid` recorded against it when it is not
 * one (see admin_code_valid). NULL only when out of memory. */
const char *
admin_code(struct req *r, char extra, const char *invalid, struct form_errors *errs)
{
	const char *code = form_text(r, "code", 32, errs, "code", "Enter a code",
	    "Code must be 32 characters or fewer");

	if (code != NULL && *code != '\0' && strlen(code) <= 32 &&
	    !admin_code_valid(code, extra))
		form_error(errs, "code", invalid);
	return code;
}

/* The "version" field: what the record was when the form was made; ""
 * when the form did not send one. */
const char *
admin_version(struct req *r)
{
	const char *v = req_form(r, "version");

	return v != NULL ? v : "";
}

/* A yes/no radio group: 1 for "yes", 0 for "no", or -1 (and `missing`
 * recorded against field) when neither was chosen. */
int
admin_yes_no(struct req *r, const char *name, struct form_errors *errs,
    const char *field, const char *missing)
{
	const char *v = req_form(r, name);

	if (v != NULL && strcmp(v, "yes") == 0)
		return 1;
	if (v != NULL && strcmp(v, "no") == 0)
		return 0;
	form_error(errs, field, missing);
	return -1;
}

/* Shows <prefix>_YES or <prefix>_NO (checked radios) for a value from
 * admin_yes_no; neither for -1. Returns 0 or -1. */
int
admin_yes_no_dict(struct view_dict *d, const char *prefix, int value)
{
	char name[64];

	if (value == -1)
		return 0;
	snprintf(name, sizeof(name), "%s_%s", prefix, value ? "YES" : "NO");
	return view_show(d, name);
}

/* The "reason" field, trimmed; required or not. Never NULL but when out
 * of memory. */
const char *
admin_reason(struct req *r, const char *field, int required, struct form_errors *errs)
{
	return form_text(r, "reason", ADMIN_REASON_MAX, errs, field,
	    required ? "Enter the reason for this change" : NULL,
	    "Reason must be 1000 characters or fewer");
}

/* The ids ticked in a group of checkboxes called name, without repeats and
 * ignoring anything that is not an id. NULL with *n 0 when none. */
long long *
admin_ids(struct req *r, const char *name, size_t *n)
{
	long long *ids, id;
	size_t i, k, count = kv_count(&r->form, name);

	*n = 0;
	if (count == 0 || (ids = arena_calloc(r->arena, count, sizeof(*ids))) == NULL)
		return NULL;
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, name) != 0 ||
		    admin_id_value(r->form.v[i].val, &id) == -1)
			continue;
		for (k = 0; k < *n && ids[k] != id; k++)
			;
		if (k == *n)
			ids[(*n)++] = id;
	}
	return ids;
}

/* Who may hold a role: "Police, Local authority", or "Any agency". */
const char *
admin_role_kinds(struct req *r, const struct role *ro)
{
	struct buf b = {0};
	const char *s;
	size_t i;

	if (ro->nkinds == 0)
		return "Any agency";
	for (i = 0; i < ro->nkinds; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", agency_kind_label(ro->kinds[i]));
	s = b.oom ? NULL : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return s != NULL ? s : "";
}

/* Ends the sessions of every user a committed change listed. A failure is
 * logged: the change stands, and sign-in and the session's own expiry
 * still apply. */
void
admin_revoke_sessions(struct req *r, const struct admin_revoke *rv)
{
	size_t i;

	for (i = 0; i < rv->n; i++)
		if (session_revoke_user(r->rd, rv->ids[i]) == -1)
			log_error("could not end the sessions of user %lld", rv->ids[i]);
}

/* Answers the outcomes that need no form: not found (404), changed by
 * someone else (409), a database failure (500). Returns 1 when it
 * answered, 0 when the caller must (a field error or success). */
int
admin_failed(struct req *r, enum admin_rc rc, const char *what)
{
	switch (rc) {
	case ADMIN_NOT_FOUND:
		page_error(r, 404, NULL);
		return 1;
	case ADMIN_STALE:
		page_error(r, 409, arena_printf(r->arena, "This %s was changed by "
		    "someone else after you opened it, so your changes have not "
		    "been saved. Reload the page to see the changes, then make "
		    "yours again.", what));
		return 1;
	case ADMIN_ERROR:
		page_error(r, 500, NULL);
		return 1;
	default:
		return 0;
	}
}

/* Answers an update that needs no form again: 404, 409 or 500 (as
 * admin_failed), or 303 to location with `changed` as the message once
 * the sessions in rv (may be NULL) have ended (ADMIN_OK), or with "No
 * changes were made to <name>." (ADMIN_UNCHANGED). Returns 1 when it
 * answered, 0 when the caller must (a field error). */
int
admin_updated(struct req *r, enum admin_rc rc, const char *what,
    const char *name, const char *changed, const struct admin_revoke *rv,
    const char *location)
{
	if (admin_failed(r, rc, what))
		return 1;
	if (rc == ADMIN_OK) {
		if (rv != NULL)
			admin_revoke_sessions(r, rv);
		admin_done(r, changed, location);
		return 1;
	}
	if (rc == ADMIN_UNCHANGED) {
		admin_done(r, arena_printf(r->arena, "No changes were made to %s.",
		    name), location);
		return 1;
	}
	return 0;
}

/* 303 to location with a message shown there. */
void
admin_done(struct req *r, const char *message, const char *location)
{
	page_flash(r, message);
	resp_redirect(r, 303, location);
}

/* GET <base>/{id}/history: the audit rows of the record, with a link back
 * to <base>/{id}. */
void
admin_history(struct req *r, const char *title, const char *base,
    const char *entity, long long id)
{
	history_show(r, title, arena_printf(r->arena, "%s/%lld", base, id), entity,
	    arena_printf(r->arena, "%lld", id));
}
