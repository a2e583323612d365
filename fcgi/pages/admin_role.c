/* Administration of roles: list, add, change, history. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/admin_role.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

struct role_form {
	struct role	 ro;
	const char	*reason;
};

/* The labels of a role's permissions, joined. */
static const char *
perms_text(struct req *r, perm_set perms)
{
	struct buf b = {0};
	const char *s;
	int p;

	for (p = PERM_INCIDENT_CREATE; p < PERM__MAX; p++)
		if (perm_has(perms, (enum perm)p))
			buf_printf(&b, "%s%s", b.len > 0 ? "; " : "", perm_label((enum perm)p));
	if (b.len == 0) {
		buf_free(&b);
		return "None";
	}
	s = b.oom ? NULL : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return s != NULL ? s : "";
}

/* Renders the add or change form with what was typed and any problems. */
static void
role_form_page(struct req *r, int status, const struct role_form *f,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *o;
	int editing = f->ro.id != 0;
	const char *title = editing ? "Change a role" : "Add a role";
	size_t i, k;
	int p;

	if (d == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BUTTON", editing ? "Save changes" : "Add role") == -1 ||
	    view_set(d, "ACTION", editing ? arena_printf(r->arena,
	    "/admin/roles/%lld", f->ro.id) : "/admin/roles") == -1 ||
	    view_set(d, "CODE", f->ro.code) == -1 ||
	    view_set(d, "NAME", f->ro.name) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (editing && ((o = view_section(d, "EDITING")) == NULL ||
	    view_set_int(o, "ID", f->ro.id) == -1 ||
	    view_set(o, "VERSION", f->ro.version) == -1))
		goto fail;
	for (i = 0; i < AGENCY_KINDS_N; i++) {
		if ((o = view_section(d, "KIND_OPTION")) == NULL ||
		    view_set(o, "ID", i == 0 ? "agency-kinds" : arena_printf(r->arena,
		    "agency-kinds-%zu", i + 1)) == -1 ||
		    view_set(o, "VALUE", agency_kinds[i].code) == -1 ||
		    view_set(o, "LABEL", agency_kinds[i].label) == -1)
			goto fail;
		for (k = 0; k < f->ro.nkinds; k++)
			if (strcmp(f->ro.kinds[k], agency_kinds[i].code) == 0 &&
			    view_show(o, "CHECKED") == -1)
				goto fail;
	}
	for (p = PERM_INCIDENT_CREATE; p < PERM__MAX; p++)
		if ((o = view_section(d, "PERM_OPTION")) == NULL ||
		    view_set(o, "ID", p == PERM_INCIDENT_CREATE ? "permissions" :
		    arena_printf(r->arena, "permissions-%d", p - PERM_INCIDENT_CREATE + 1)) == -1 ||
		    view_set(o, "VALUE", perm_name((enum perm)p)) == -1 ||
		    view_set(o, "LABEL", perm_label((enum perm)p)) == -1 ||
		    (perm_has(f->ro.perms, (enum perm)p) && view_show(o, "CHECKED") == -1))
			goto fail;
	return page_render(r, status, "admin_role_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_role_form.tpl", title, NULL);
}

/* Reads and checks the form. Returns 0, or -1 when out of memory. */
static int
role_form_read(struct req *r, struct role_form *f, struct form_errors *errs)
{
	size_t i, k;
	enum perm p;
	int unknown = 0;

	f->ro.code = admin_code(r, '_', "Code must be 2 to 32 lower-case letters, "
	    "digits and underscores, like police_officer", errs);
	f->ro.name = form_text(r, "name", 200, errs, "name", "Enter the role's name",
	    "Name must be 200 characters or fewer");
	if ((f->ro.kinds = arena_calloc(r->arena, AGENCY_KINDS_N, sizeof(*f->ro.kinds))) == NULL)
		return -1;
	f->ro.nkinds = 0;
	f->ro.perms = 0;
	for (i = 0; i < r->form.n; i++) {
		const char *key = r->form.v[i].key, *val = r->form.v[i].val;

		if (strcmp(key, "agency_kinds") == 0) {
			for (k = 0; k < AGENCY_KINDS_N &&
			    strcmp(val, agency_kinds[k].code) != 0; k++)
				;
			if (k == AGENCY_KINDS_N)
				unknown = 1;
		} else if (strcmp(key, "permissions") == 0) {
			if (perm_from_name(val, &p) == -1)
				form_error(errs, "permissions", "Select permissions "
				    "from the list");
			else
				f->ro.perms |= PERM_BIT(p);
		}
	}
	/* Kinds in their canonical order, each once. */
	for (k = 0; k < AGENCY_KINDS_N; k++)
		for (i = 0; i < r->form.n; i++)
			if (strcmp(r->form.v[i].key, "agency_kinds") == 0 &&
			    strcmp(r->form.v[i].val, agency_kinds[k].code) == 0) {
				f->ro.kinds[f->ro.nkinds++] = agency_kinds[k].code;
				break;
			}
	if (unknown)
		form_error(errs, "agency-kinds", "Select kinds of agency from the list");
	f->reason = admin_reason(r, "reason", 0, errs);
	f->ro.version = admin_version(r);
	return f->ro.code && f->ro.name && f->reason ? 0 : -1;
}

/* GET /admin/roles */
void
role_list_get(struct req *r)
{
	struct role *list;
	struct view_dict *d, *row;
	size_t i, n;

	if (role_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_render(r, 500, "admin_roles.tpl", "Roles", NULL);
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "ROLE")) == NULL ||
		    view_set_int(row, "ID", list[i].id) == -1 ||
		    view_set(row, "NAME", list[i].name) == -1 ||
		    view_set(row, "CODE", list[i].code) == -1 ||
		    view_set(row, "KINDS", admin_role_kinds(r, &list[i])) == -1 ||
		    view_set(row, "PERMISSIONS", perms_text(r, list[i].perms)) == -1 ||
		    view_set_int(row, "HOLDERS", list[i].holders) == -1) {
			view_dict_free(d);
			d = NULL;
			break;
		}
	page_render(r, 200, "admin_roles.tpl", "Roles", d);
}

/* GET /admin/roles/new */
void
role_new_get(struct req *r)
{
	struct role_form f = { .ro = { .code = "", .name = "" }, .reason = "" };
	struct form_errors errs = {0};

	role_form_page(r, 200, &f, &errs);
}

/* POST /admin/roles: 303 to the list; 400 with the form. */
void
role_create_post(struct req *r)
{
	struct role_form f = {0};
	struct form_errors errs = {0};
	long long id;

	if (role_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return role_form_page(r, 400, &f, &errs);
	switch (role_create(r->pg, r->arena, &r->actor, &f.ro, f.reason, &id)) {
	case ADMIN_OK:
		return admin_done(r, arena_printf(r->arena, "%s has been added.",
		    f.ro.name), "/admin/roles");
	case ADMIN_DUPLICATE:
		form_error(&errs, "code", "Another role has this code: enter a different code");
		return role_form_page(r, 400, &f, &errs);
	default:
		return page_error(r, 500, NULL);
	}
}

/* GET /admin/roles/{id} */
void
role_edit_get(struct req *r)
{
	struct role_form f = { .reason = "" };
	struct form_errors errs = {0};
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, role_get(r->pg, r->arena, &r->actor, id, &f.ro)))
		return;
	role_form_page(r, 200, &f, &errs);
}

/* POST /admin/roles/{id}: 303 to the list; 400 with the form; 409 when
 * someone else changed the role since the form was loaded. A change of
 * permissions signs out everyone holding the role. */
void
role_update_post(struct req *r)
{
	struct role_form f = {0};
	struct form_errors errs = {0};
	struct admin_revoke rv = {0};
	const char *changed;
	enum admin_rc rc;
	long long id;

	if (admin_id_param(r, &id) == -1)
		return;
	if (role_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	f.ro.id = id;
	if (errs.n > 0)
		return role_form_page(r, 400, &f, &errs);
	rc = role_update(r->pg, r->arena, &r->actor, &f.ro, f.reason, &rv);
	changed = rv.n == 0 ? arena_printf(r->arena, "%s has been changed.",
	    f.ro.name) : arena_printf(r->arena, "%s has been changed. Its %zu "
	    "users have been signed out, so that the new permissions apply.",
	    f.ro.name, rv.n);
	if (admin_updated(r, rc, "role", f.ro.name, changed, &rv, "/admin/roles"))
		return;
	switch (rc) {
	case ADMIN_DUPLICATE:
		form_error(&errs, "code", "Another role has this code: enter a different code");
		return role_form_page(r, 400, &f, &errs);
	case ADMIN_SELF_ADMIN:
		form_error(&errs, "permissions", "You cannot take \"Manage users and "
		    "roles\" away from a role you need for it: ask another "
		    "administrator to do it");
		return role_form_page(r, 400, &f, &errs);
	default:
		return page_error(r, 500, NULL);
	}
}

/* GET /admin/roles/{id}/history */
void
role_history_get(struct req *r)
{
	struct role ro;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, role_get(r->pg, r->arena, &r->actor, id, &ro)))
		return;
	admin_history(r, arena_printf(r->arena, "History of the %s role", ro.name),
	    "/admin/roles", "role", id);
}
