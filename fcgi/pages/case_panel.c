/* Case panels (domain/case_panel.h): the list (/staff/panels), a new
 * panel (when, where, who came from each agency), one panel with the
 * cases it discussed and their decisions, adding a case discussed, and a
 * link per case to the action form "from this panel" (pages/case_action.c,
 * ?panel=ID), whose actions the panel page lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/answer.h"
#include "domain/case_panel.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/admin.h"
#include "pages/case_action_form.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* GET /staff/panels: the panels the user's agency organised or attended,
 * newest first. */
void
panels_get(struct req *r)
{
	struct case_panel *p;
	struct view_dict *d, *row;
	size_t n, i;

	if (case_panels_list(r->pg, r->arena, &r->actor, &p, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || view_show(d, n > 0 ? "PANELS" : "NO_PANELS") == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "PANEL")) == NULL ||
		    view_set_int(row, "ID", (long)p[i].id) == -1 ||
		    view_set(row, "HELD", p[i].held) == -1 ||
		    view_set(row, "LOCATION", p[i].location) == -1 ||
		    view_set(row, "ORGANISER", p[i].organiser) == -1 ||
		    view_set_int(row, "CASES", p[i].cases) == -1)
			goto fail;
	page_render(r, 200, "case_panels.tpl", "Case panels", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* What the new panel form shows again. */
struct panel_form {
	struct typed_date	 day;
	const char		*time, *location;
	const char		**attendees;	/* per agency of the list, as typed */
};

/* An agency's attendees field's message, in its own section. */
static int
attendee_error(struct req *r, struct view_dict *s, long long agency,
    const struct form_errors *errs)
{
	const char *field = arena_printf(r->arena, "attendees-%lld", agency);
	size_t i;

	for (i = 0; field != NULL && i < errs->n; i++)
		if (strcmp(errs->e[i].field, field) == 0)
			return view_set(view_section(s, "ATTENDEES_ERROR"), "MESSAGE",
			    errs->e[i].message);
	return field != NULL ? 0 : -1;
}

static void
panel_new_page(struct req *r, int status, const struct panel_form *f,
    const struct case_panel_agency *g, size_t ng, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *s;
	size_t i;

	if (d == NULL || view_set(d, "TIME", f->time) == -1 ||
	    view_set(d, "LOCATION", f->location) == -1 ||
	    action_date_dict(r, d, "HELD_DATE", "held", "Date of the panel",
	        "For example, 27 3 2027", &f->day, errs) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	for (i = 0; i < ng; i++)
		if ((s = view_section(d, "AGENCY")) == NULL ||
		    view_set_int(s, "ID", (long)g[i].id) == -1 ||
		    view_set(s, "NAME", g[i].name) == -1 ||
		    view_set(s, "ATTENDEES", f->attendees != NULL && f->attendees[i] != NULL ?
		        f->attendees[i] : "") == -1 ||
		    attendee_error(r, s, g[i].id, errs) == -1)
			goto fail;
	page_render(r, status, "case_panel_new.tpl", form_title(r, errs,
	    "Record a case panel"), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/panels/new */
void
panel_new_get(struct req *r)
{
	struct form_errors errs = {0};
	struct case_panel_agency *g;
	struct panel_form f = { { "", "", "" }, "", "", NULL };
	size_t ng;

	if (case_panel_agencies(r->pg, r->arena, &r->actor, &g, &ng) == -1)
		return page_error(r, 503, NULL);
	panel_new_page(r, 200, &f, g, ng, &errs);
}

/* POST /staff/panels: 303 to the new panel; 400 with the form. */
void
panel_new_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_panel_agency *g;
	struct case_panel_input in = {0};
	struct panel_form f = { { "", "", "" }, "", "", NULL };
	struct action_date day;
	const char *v;
	long long id;
	size_t ng, i;

	if (case_panel_agencies(r->pg, r->arena, &r->actor, &g, &ng) == -1)
		return page_error(r, 503, NULL);
	if ((f.attendees = arena_calloc(r->arena, ng + 1, sizeof(*f.attendees))) == NULL ||
	    (in.attended = arena_calloc(r->arena, ng + 1, sizeof(*in.attended))) == NULL ||
	    action_date_read(r, "held", "Date of the panel", "Enter the date of the panel",
	    &f.day, &day, &errs) == -1 ||
	    (f.time = form_text(r, "time", 10, &errs, "time", "Enter the time it started, "
	    "for example 14:30", "Enter a time like 14:30 or 2:30pm")) == NULL ||
	    (f.location = form_text(r, "location", CASE_PANEL_LOCATION_MAX, &errs, "location",
	    "Enter where the panel met", "Where must be 200 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (*f.time != '\0' && (in.minutes = answer_time_parse(f.time)) < 0)
		form_error(&errs, "time", "Enter a time like 14:30 or 2:30pm");
	for (i = 0; i < ng; i++) {
		v = form_long_text(r, arena_printf(r->arena, "attendees-%lld", g[i].id),
		    CASE_PANEL_ATTENDEES_MAX, &errs, arena_printf(r->arena, "attendees-%lld",
		    g[i].id), NULL, "Attendees must be 2,000 characters or fewer");
		if ((f.attendees[i] = v) == NULL)
			return page_error(r, 500, NULL);
		if (*v != '\0') {
			in.attended[in.nattended].agency_id = g[i].id;
			in.attended[in.nattended++].attendees = v;
		}
	}
	if (in.nattended == 0 && ng > 0)
		form_error(&errs, arena_printf(r->arena, "attendees-%lld", g[0].id),
		    "Enter who came from at least one agency");
	if (errs.n == 0) {
		in.day = day.d;
		in.location = f.location;
		switch (case_panel_create(r->pg, r->arena, &r->actor, &in, &id)) {
		case CASE_PANEL_OK:
			page_flash(r, "Case panel recorded. Add the cases it discussed.");
			return resp_redirect(r, 303, arena_printf(r->arena, "/staff/panels/%lld",
			    id));
		case CASE_PANEL_BAD_AGENCY:
			form_error(&errs, "location", "An agency on the form is no longer active. "
			    "Check the agencies, then save again");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	panel_new_page(r, 400, &f, g, ng, &errs);
}

/* One panel, with the case form as typed. */
static void
panel_page(struct req *r, int status, long long id, const char *reference,
    const char *decisions, const struct form_errors *errs)
{
	struct case_panel_detail p;
	struct view_dict *d, *s;
	size_t i;

	switch (case_panel_get(r->pg, r->arena, &r->actor, id, &p)) {
	case CASE_PANEL_OK:
		break;
	case CASE_PANEL_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
	if ((d = page_dict(r)) == NULL || view_set_int(d, "ID", (long)id) == -1 ||
	    view_set(d, "HELD", p.panel.held) == -1 ||
	    view_set(d, "LOCATION", p.panel.location) == -1 ||
	    view_set(d, "ORGANISER", p.panel.organiser) == -1 ||
	    view_set(d, "F_REFERENCE", reference) == -1 ||
	    view_set(d, "F_DECISIONS", decisions) == -1 ||
	    view_show(d, p.ncases > 0 ? "CASES" : "NO_CASES") == -1 ||
	    (p.nactions > 0 && view_show(d, "ACTIONS") == -1) ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	for (i = 0; i < p.nattended; i++)
		if ((s = view_section(d, "ATTENDED")) == NULL ||
		    view_set(s, "AGENCY", p.attended[i].agency) == -1 ||
		    view_set(s, "ATTENDEES", p.attended[i].attendees) == -1)
			goto fail;
	for (i = 0; i < p.ncases; i++)
		if ((s = view_section(d, "CASE")) == NULL ||
		    view_set(s, "REFERENCE", p.cases[i].reference) == -1 ||
		    view_set(s, "TITLE", p.cases[i].title) == -1 ||
		    view_set(s, "DECISIONS", p.cases[i].decisions) == -1 ||
		    (perm_has(r->actor.perms, PERM_ACTION_MANAGE) &&
		        view_show(s, "CAN_ACT") == -1))
			goto fail;
	for (i = 0; i < p.nactions; i++)
		if ((s = view_section(d, "ACTION")) == NULL ||
		    view_set_int(s, "AID", (long)p.actions[i].id) == -1 ||
		    view_set(s, "REFERENCE", p.actions[i].reference) == -1 ||
		    view_set(s, "TITLE", p.actions[i].title) == -1 ||
		    view_set(s, "TYPE", p.actions[i].type) == -1 ||
		    view_set(s, "OWNER", p.actions[i].owner) == -1 ||
		    view_set(s, "STATUS", strcmp(p.actions[i].status, "open") == 0 ? "Open" :
		        strcmp(p.actions[i].status, "done") == 0 ? "Done" : "Cancelled") == -1)
			goto fail;
	page_render(r, status, "case_panel.tpl", form_title(r, errs, arena_printf(r->arena,
	    "Case panel of %s", p.panel.held)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/panels/{id} */
void
panel_get(struct req *r)
{
	long long id;

	if (admin_id_param(r, &id) == 0)
		panel_page(r, 200, id, "", "", &(struct form_errors){0});
}

/* POST /staff/panels/{id}/cases: a case discussed and the decisions; 303
 * to the panel; 400 with the form when the case is not one the user sees. */
void
panel_case_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *ref, *decisions;
	long long id;

	if (admin_id_param(r, &id) == -1)
		return;
	if ((ref = form_text(r, "reference", 40, &errs, "reference",
	    "Enter the case reference, for example CASE-2026-000123",
	    "Enter a case reference like CASE-2026-000123")) == NULL ||
	    (decisions = form_long_text(r, "decisions", CASE_PANEL_DECISIONS_MAX, &errs,
	    "decisions", "Enter what the panel decided about this case",
	    "Decisions must be 10,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		switch (case_panel_case_add(r->pg, r->arena, &r->actor, id, ref, decisions)) {
		case CASE_PANEL_OK:
			page_flash(r, arena_printf(r->arena, "Case %s added to the panel.", ref));
			return resp_redirect(r, 303, arena_printf(r->arena, "/staff/panels/%lld",
			    id));
		case CASE_PANEL_NOT_FOUND:
			return page_error(r, 404, NULL);
		case CASE_PANEL_NO_CASE:
			form_error(&errs, "reference", "There is no case with that reference that "
			    "your agency works");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	panel_page(r, 400, id, ref, decisions, &errs);
}
