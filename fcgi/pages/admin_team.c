/* Administration of teams: list, add, change, history. A team's agency is
 * chosen when it is added. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/admin_agency.h"
#include "domain/admin_team.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The form as typed: specialist and active are -1 when not chosen. */
struct team_form {
	struct team	 t;
	int		 specialist;
	int		 active;
	const char	*reason;
};

/* The agency select of a new team, with the chosen one selected. */
static int
agency_options(struct req *r, struct view_dict *d, long long chosen)
{
	struct agency *list;
	struct view_dict *sec, *o;
	size_t i, n;

	if (agency_list(r->pg, r->arena, &r->actor, &list, &n) == -1 ||
	    (sec = view_section(d, "CHOOSE_AGENCY")) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if ((o = view_section(sec, "AGENCY_OPTION")) == NULL ||
		    view_set_int(o, "ID", list[i].id) == -1 ||
		    view_set(o, "NAME", list[i].active ? list[i].name :
		    arena_printf(r->arena, "%s (inactive)", list[i].name)) == -1 ||
		    (list[i].id == chosen && view_show(o, "SELECTED") == -1))
			return -1;
	return 0;
}

/* Renders the add or change form with what was typed and any problems. */
static void
team_form_page(struct req *r, int status, const struct team_form *f,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *o;
	int editing = f->t.id != 0;
	const char *title = editing ? "Change a team" : "Add a team";

	if (d == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BUTTON", editing ? "Save changes" : "Add team") == -1 ||
	    view_set(d, "ACTION", editing ? arena_printf(r->arena,
	    "/admin/teams/%lld", f->t.id) : "/admin/teams") == -1 ||
	    view_set(d, "CODE", f->t.code) == -1 ||
	    view_set(d, "NAME", f->t.name) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    admin_yes_no_dict(d, "SPECIALIST", f->specialist) == -1 ||
	    admin_yes_no_dict(d, "ACTIVE", f->active) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (editing) {
		if ((o = view_section(d, "EDITING")) == NULL ||
		    view_set_int(o, "ID", f->t.id) == -1 ||
		    view_set(o, "VERSION", f->t.version) == -1 ||
		    view_set(o, "AGENCY_NAME", f->t.agency_name) == -1)
			goto fail;
	} else if (agency_options(r, d, f->t.agency_id) == -1)
		goto fail;
	return page_render(r, status, "admin_team_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_team_form.tpl", title, NULL);
}

/* The change form again (400) with what was typed and its problems, and
 * the team's agency, which the form does not send; 404 or 500 when the
 * team cannot be read. */
static void
team_form_again(struct req *r, struct team_form *f, const struct form_errors *errs)
{
	struct team cur;

	if (!admin_found(r, team_get(r->pg, r->arena, &r->actor, f->t.id, &cur)))
		return;
	f->t.agency_name = cur.agency_name;
	team_form_page(r, 400, f, errs);
}

/* Reads and checks the form (the agency only when adding). Returns 0, or
 * -1 when out of memory. */
static int
team_form_read(struct req *r, struct team_form *f, int adding,
    struct form_errors *errs)
{
	if (adding && admin_id_value(req_form(r, "agency"), &f->t.agency_id) == -1) {
		f->t.agency_id = 0;
		form_error(errs, "agency", "Select the agency that owns the team");
	}
	f->t.code = admin_code(r, '-', "Code must be 2 to 32 lower-case letters, "
	    "digits and hyphens, like asb-hub", errs);
	f->t.name = form_text(r, "name", 200, errs, "name", "Enter the team's name",
	    "Name must be 200 characters or fewer");
	f->specialist = admin_yes_no(r, "specialist", errs, "specialist",
	    "Select yes if it is a specialist team");
	f->active = admin_yes_no(r, "active", errs, "active",
	    "Select yes if the team is active");
	f->t.specialist = f->specialist == 1;
	f->t.active = f->active == 1;
	f->reason = admin_reason(r, "reason", 0, errs);
	f->t.version = admin_version(r);
	return f->t.code && f->t.name && f->reason ? 0 : -1;
}

/* GET /admin/teams */
void
team_list_get(struct req *r)
{
	struct team *list;
	struct view_dict *d, *row;
	size_t i, n;

	if (team_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_render(r, 500, "admin_teams.tpl", "Teams", NULL);
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "TEAM")) == NULL ||
		    view_set_int(row, "ID", list[i].id) == -1 ||
		    view_set(row, "AGENCY", list[i].agency_name) == -1 ||
		    view_set(row, "NAME", list[i].name) == -1 ||
		    view_set(row, "CODE", list[i].code) == -1 ||
		    view_set(row, "SPECIALIST", list[i].specialist ? "Yes" : "No") == -1 ||
		    view_show(row, list[i].active ? "ACTIVE" : "INACTIVE") == -1) {
			view_dict_free(d);
			d = NULL;
			break;
		}
	page_render(r, 200, "admin_teams.tpl", "Teams", d);
}

/* GET /admin/teams/new[?agency=ID] */
void
team_new_get(struct req *r)
{
	struct team_form f = { .t = { .code = "", .name = "" },
	    .specialist = -1, .active = 1, .reason = "" };
	struct form_errors errs = {0};

	if (admin_id_value(req_query(r, "agency"), &f.t.agency_id) == -1)
		f.t.agency_id = 0;
	team_form_page(r, 200, &f, &errs);
}

/* POST /admin/teams: 303 to the list; 400 with the form. */
void
team_create_post(struct req *r)
{
	struct team_form f = {0};
	struct form_errors errs = {0};
	long long id;

	if (team_form_read(r, &f, 1, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return team_form_page(r, 400, &f, &errs);
	switch (team_create(r->pg, &r->actor, &f.t, f.reason, &id)) {
	case ADMIN_OK:
		return admin_done(r, arena_printf(r->arena, "%s has been added.",
		    f.t.name), "/admin/teams");
	case ADMIN_BAD_AGENCY:
		form_error(&errs, "agency", "Select the agency that owns the team");
		return team_form_page(r, 400, &f, &errs);
	case ADMIN_DUPLICATE:
		form_error(&errs, "code", "The agency already has a team with this "
		    "code: enter a different code");
		return team_form_page(r, 400, &f, &errs);
	default:
		return page_error(r, 500, NULL);
	}
}

/* GET /admin/teams/{id} */
void
team_edit_get(struct req *r)
{
	struct team_form f = { .reason = "" };
	struct form_errors errs = {0};
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, team_get(r->pg, r->arena, &r->actor, id, &f.t)))
		return;
	f.specialist = f.t.specialist;
	f.active = f.t.active;
	team_form_page(r, 200, &f, &errs);
}

/* POST /admin/teams/{id}: 303 to the list; 400 with the form; 409 when
 * someone else changed the team since the form was loaded. */
void
team_update_post(struct req *r)
{
	struct team_form f = {0};
	struct form_errors errs = {0};
	enum admin_rc rc;
	long long id;

	if (admin_id_param(r, &id) == -1)
		return;
	if (team_form_read(r, &f, 0, &errs) == -1)
		return page_error(r, 500, NULL);
	f.t.id = id;
	if (errs.n > 0)
		return team_form_again(r, &f, &errs);
	rc = team_update(r->pg, r->arena, &r->actor, &f.t, f.reason);
	if (admin_updated(r, rc, "team", f.t.name, arena_printf(r->arena,
	    "%s has been changed.", f.t.name), NULL, "/admin/teams"))
		return;
	if (rc != ADMIN_DUPLICATE)
		return page_error(r, 500, NULL);
	form_error(&errs, "code", "The agency already has a team with this "
	    "code: enter a different code");
	team_form_again(r, &f, &errs);
}

/* GET /admin/teams/{id}/history */
void
team_history_get(struct req *r)
{
	struct team t;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, team_get(r->pg, r->arena, &r->actor, id, &t)))
		return;
	admin_history(r, arena_printf(r->arena, "History of %s (%s)", t.name,
	    t.agency_name), "/admin/teams", "team", id);
}
