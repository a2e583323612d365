/* Administration of agencies: list, add, change, history. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/admin_agency.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The form as typed: core_partner and active are -1 when not chosen. */
struct agency_form {
	struct agency	 ag;
	int		 core_partner;
	int		 active;
	const char	*reason;
};

/* Renders the add or change form with what was typed and any problems. */
static void
agency_form_page(struct req *r, int status, const struct agency_form *f,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *o;
	int editing = f->ag.id != 0;
	const char *title = editing ? "Change an agency" : "Add an agency";
	size_t i;

	if (d == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BUTTON", editing ? "Save changes" : "Add agency") == -1 ||
	    view_set(d, "ACTION", editing ? arena_printf(r->arena,
	    "/admin/agencies/%lld", f->ag.id) : "/admin/agencies") == -1 ||
	    view_set(d, "CODE", f->ag.code) == -1 ||
	    view_set(d, "NAME", f->ag.name) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    admin_yes_no_dict(d, "CORE", f->core_partner) == -1 ||
	    admin_yes_no_dict(d, "ACTIVE", f->active) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (editing && ((o = view_section(d, "EDITING")) == NULL ||
	    view_set_int(o, "ID", f->ag.id) == -1 ||
	    view_set(o, "VERSION", f->ag.version) == -1))
		goto fail;
	for (i = 0; i < AGENCY_KINDS_N; i++)
		if ((o = view_section(d, "KIND_OPTION")) == NULL ||
		    view_set(o, "ID", i == 0 ? "kind" : arena_printf(r->arena,
		    "kind-%zu", i + 1)) == -1 ||
		    view_set(o, "VALUE", agency_kinds[i].code) == -1 ||
		    view_set(o, "LABEL", agency_kinds[i].label) == -1 ||
		    (f->ag.kind != NULL && strcmp(f->ag.kind, agency_kinds[i].code) == 0 &&
		    view_show(o, "CHECKED") == -1))
			goto fail;
	return page_render(r, status, "admin_agency_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_agency_form.tpl", title, NULL);
}

/* Reads and checks the form. Returns 0, or -1 when out of memory. */
static int
agency_form_read(struct req *r, struct agency_form *f, struct form_errors *errs)
{
	const char *kind = req_form(r, "kind");
	size_t i;

	f->ag.code = admin_code(r, '-', "Code must be 2 to 32 lower-case letters, "
	    "digits and hyphens, like city-police", errs);
	f->ag.name = form_text(r, "name", 200, errs, "name", "Enter the agency's name",
	    "Name must be 200 characters or fewer");
	f->ag.kind = NULL;
	for (i = 0; kind != NULL && i < AGENCY_KINDS_N; i++)
		if (strcmp(kind, agency_kinds[i].code) == 0)
			f->ag.kind = agency_kinds[i].code;
	if (f->ag.kind == NULL)
		form_error(errs, "kind", "Select the kind of agency");
	f->core_partner = admin_yes_no(r, "core_partner", errs, "core-partner",
	    "Select yes if the agency is a core partner");
	f->active = admin_yes_no(r, "active", errs, "active",
	    "Select yes if the agency is active");
	f->ag.core_partner = f->core_partner == 1;
	f->ag.active = f->active == 1;
	f->reason = admin_reason(r, "reason", 0, errs);
	f->ag.version = admin_version(r);
	return f->ag.code && f->ag.name && f->reason ? 0 : -1;
}

/* GET /admin/agencies */
void
agency_list_get(struct req *r)
{
	struct agency *list;
	struct view_dict *d, *row;
	size_t i, n;

	if (agency_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_render(r, 500, "admin_agencies.tpl", "Agencies", NULL);
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "AGENCY")) == NULL ||
		    view_set_int(row, "ID", list[i].id) == -1 ||
		    view_set(row, "NAME", list[i].name) == -1 ||
		    view_set(row, "CODE", list[i].code) == -1 ||
		    view_set(row, "KIND", agency_kind_label(list[i].kind)) == -1 ||
		    view_set(row, "CORE", list[i].core_partner ? "Yes" : "No") == -1 ||
		    view_show(row, list[i].active ? "ACTIVE" : "INACTIVE") == -1) {
			view_dict_free(d);
			d = NULL;
			break;
		}
	page_render(r, 200, "admin_agencies.tpl", "Agencies", d);
}

/* GET /admin/agencies/new */
void
agency_new_get(struct req *r)
{
	struct agency_form f = { .ag = { .code = "", .name = "" },
	    .core_partner = -1, .active = 1, .reason = "" };
	struct form_errors errs = {0};

	agency_form_page(r, 200, &f, &errs);
}

/* POST /admin/agencies: 303 to the list; 400 with the form. */
void
agency_create_post(struct req *r)
{
	struct agency_form f = {0};
	struct form_errors errs = {0};
	long long id;

	if (agency_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return agency_form_page(r, 400, &f, &errs);
	switch (agency_create(r->pg, &r->actor, &f.ag, f.reason, &id)) {
	case ADMIN_OK:
		return admin_done(r, arena_printf(r->arena, "%s has been added.",
		    f.ag.name), "/admin/agencies");
	case ADMIN_DUPLICATE:
		form_error(&errs, "code", "Another agency has this code: enter a different code");
		return agency_form_page(r, 400, &f, &errs);
	default:
		return page_error(r, 500, NULL);
	}
}

/* GET /admin/agencies/{id} */
void
agency_edit_get(struct req *r)
{
	struct agency_form f = { .reason = "" };
	struct form_errors errs = {0};
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, agency_get(r->pg, r->arena, &r->actor, id, &f.ag)))
		return;
	f.core_partner = f.ag.core_partner;
	f.active = f.ag.active;
	agency_form_page(r, 200, &f, &errs);
}

/* POST /admin/agencies/{id}: 303 to the list; 400 with the form; 409 when
 * someone else changed the agency since the form was loaded. */
void
agency_update_post(struct req *r)
{
	struct agency_form f = {0};
	struct form_errors errs = {0};
	struct admin_revoke rv = {0};
	enum admin_rc rc;
	long long id;

	if (admin_id_param(r, &id) == -1)
		return;
	if (agency_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	f.ag.id = id;
	if (errs.n > 0)
		return agency_form_page(r, 400, &f, &errs);
	rc = agency_update(r->pg, r->arena, &r->actor, &f.ag, f.reason, &rv);
	if (admin_updated(r, rc, "agency", f.ag.name, arena_printf(r->arena,
	    "%s has been changed.", f.ag.name), &rv, "/admin/agencies"))
		return;
	if (rc != ADMIN_DUPLICATE)
		return page_error(r, 500, NULL);
	form_error(&errs, "code", "Another agency has this code: enter a different code");
	agency_form_page(r, 400, &f, &errs);
}

/* GET /admin/agencies/{id}/history */
void
agency_history_get(struct req *r)
{
	struct agency ag;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, agency_get(r->pg, r->arena, &r->actor, id, &ag)))
		return;
	admin_history(r, arena_printf(r->arena, "History of %s", ag.name),
	    "/admin/agencies", "agency", id);
}
