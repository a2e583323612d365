/* A case's Action plan tab (/staff/cases/{ref}/actions), adding an action
 * to it (also from a case panel: ?panel=), one action's page with its
 * breaches (/staff/actions/{id}), changing it, completing or cancelling
 * it, and recording a breach of an enforcement action. The rules are the
 * domain's (domain/case_action.c); the clocks domain/action_clock.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/action_clock.h"
#include "domain/action_type.h"
#include "domain/case_action.h"
#include "domain/case_panel.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/admin.h"
#include "pages/case_action_form.h"
#include "pages/case_page.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static const char *
day_words(struct req *r, const struct action_date *d)
{
	char buf[DATE_WORDS_MAX];

	if (!d->set || date_words(buf, &d->d) == NULL)
		return "";
	return arena_strdup(r->arena, buf);
}

/* "PC Olu Officer, Neighbourhood Policing Team, City of London Police". */
static const char *
owner_words(struct req *r, const struct case_action *a)
{
	return arena_printf(r->arena, "%s%s%s%s%s", a->owner_user,
	    *a->owner_user != '\0' ? ", " : "", a->owner_team,
	    *a->owner_team != '\0' ? ", " : "", a->owner_agency);
}

static const char *
status_words(const char *status)
{
	if (strcmp(status, "done") == 0)
		return "Done";
	return strcmp(status, "cancelled") == 0 ? "Cancelled" : "Open";
}

/* The action's due date and clock: DUE, and the sections OVERDUE (red,
 * with how many days), DUE_TODAY or NO_DUE. */
static int
clock_dict(struct req *r, struct view_dict *d, const struct case_action *a,
    const struct date *today)
{
	struct view_dict *s;
	long late;

	if (view_set(d, "DUE", day_words(r, &a->due)) == -1 ||
	    view_set(d, "STATUS", status_words(a->status)) == -1 ||
	    view_show(d, strcmp(a->status, "open") == 0 ? "OPEN" : "CLOSED") == -1)
		return -1;
	switch (action_clock(a->status, a->due.set ? &a->due.d : NULL, today)) {
	case ACTION_CLOCK_OVERDUE:
		late = action_days_between(&a->due.d, today);
		return (s = view_section(d, "OVERDUE")) == NULL ||
		    view_set(s, "TEXT", arena_printf(r->arena, "Overdue by %ld day%s", late,
		    late == 1 ? "" : "s")) == -1 ? -1 : 0;
	case ACTION_CLOCK_TODAY:
		return view_show(d, "DUE_TODAY");
	case ACTION_CLOCK_NONE:
		return view_show(d, "NO_DUE");
	default:
		return 0;
	}
}

/* GET /staff/cases/{ref}/actions: the plan, open actions first by due date. */
void
case_actions_get(struct req *r)
{
	struct case_action *a;
	struct case_head h;
	struct view_dict *d, *row;
	struct date today;
	size_t n, i;

	if (case_page_load(r, &h) != 0)
		return;
	if (case_action_plan(r->pg, r->arena, &r->actor, h.id, &a, &n, &today) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || case_page_head(r, d, &h, CASE_TAB_ACTIONS) == -1 ||
	    view_set(d, "REFERENCE", h.reference) == -1 ||
	    view_show(d, n > 0 ? "PLAN" : "NO_ACTIONS") == -1)
		goto fail;
	if (strcmp(h.status, "open") == 0 && perm_has(r->actor.perms, PERM_ACTION_MANAGE) &&
	    view_show(d, "CAN_ADD") == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "ACTION")) == NULL ||
		    view_set_int(row, "ID", (long)a[i].id) == -1 ||
		    view_set(row, "TYPE", a[i].type_name) == -1 ||
		    view_set(row, "TITLE", a[i].title) == -1 ||
		    view_set(row, "OWNER", owner_words(r, &a[i])) == -1 ||
		    clock_dict(r, row, &a[i], &today) == -1 ||
		    (a[i].enforcement && view_show(row, "ENFORCEMENT") == -1) ||
		    (a[i].breaches > 0 && view_set(view_section(row, "BREACHES"), "N",
		        arena_printf(r->arena, "%ld breach%s", a[i].breaches,
		        a[i].breaches == 1 ? "" : "es")) == -1) ||
		    (a[i].panel_id > 0 && view_show(row, "FROM_PANEL") == -1))
			goto fail;
	page_render(r, 200, "case_actions.tpl", arena_printf(r->arena, "Action plan of case %s",
	    h.reference), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The action form on the case's page: add (id 0) or change action id. */
static void
form_page(struct req *r, int status, const struct case_head *h, long long id,
    const struct action_form *f, const struct form_errors *errs)
{
	struct action_choices c;
	struct action_type *types;
	struct view_dict *d;
	size_t ntypes;
	const char *heading = id == 0 ? "Add an action" : "Change the action";
	const char *back = id == 0 ? arena_printf(r->arena, "/staff/cases/%s/actions",
	    h->reference) : arena_printf(r->arena, "/staff/actions/%lld", id);

	/* A type no longer offered stays on the action that has it. */
	if (action_types_list(r->pg, r->arena, &r->actor, 0, &types, &ntypes) == -1 ||
	    case_action_choices(r->pg, r->arena, &r->actor, h->id, &c) == -1)
		return page_error(r, 503, NULL);
	if (id == 0) {
		size_t i, k = 0;

		for (i = 0; i < ntypes; i++)
			if (types[i].active)
				types[k++] = types[i];
		ntypes = k;
	}
	if ((d = page_dict(r)) == NULL || case_page_head(r, d, h, CASE_TAB_NONE) == -1 ||
	    view_set(d, "HEADING", heading) == -1 || view_set(d, "BACK_HREF", back) == -1 ||
	    view_set(d, "BACK_TEXT", id == 0 ? "Action plan" : "The action") == -1 ||
	    view_set(d, "BUTTON", id == 0 ? "Add the action" : "Save the changes") == -1 ||
	    view_set(d, "ACTION", id == 0 ? arena_printf(r->arena, "/staff/cases/%s/actions",
	        h->reference) : arena_printf(r->arena, "/staff/actions/%lld", id)) == -1 ||
	    action_form_dict(r, d, f, types, ntypes, &c, errs) == -1)
		goto fail;
	if (id == 0 && f->in.panel_id > 0 && view_set(view_section(d, "FROM_PANEL"),
	    "PANEL_TEXT", arena_printf(r->arena, "panel %lld", f->in.panel_id)) == -1)
		goto fail;
	page_render(r, status, "case_action_form.tpl", form_title(r, errs, arena_printf(
	    r->arena, "%s: case %s", heading, h->reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/cases/{ref}/actions/new[?panel=ID] */
void
case_action_new_get(struct req *r)
{
	struct form_errors errs = {0};
	struct action_form f;
	struct case_head h;
	const char *panel = req_query(r, "panel");
	long long pid = 0;
	int seen;

	memset(&f, 0, sizeof(f));
	f.type = f.agency = f.team = f.person = "";
	if (panel != NULL && *panel != '\0') {
		if (admin_id_value(panel, &pid) == -1)
			return page_error(r, 404, "There is no such case panel.");
		if ((seen = case_panel_exists(r->pg, &r->actor, pid)) != 1)
			return page_error(r, seen == 0 ? 404 : 503, seen == 0 ?
			    "There is no such case panel." : NULL);
	}
	if (case_page_load(r, &h) != 0)
		return;
	if (strcmp(h.status, "open") != 0)
		return page_error(r, 409, "This case is closed: reopen it to add actions.");
	f.in.panel_id = pid;
	/* The lead agency owns it unless the officer chooses another. */
	f.agency = arena_printf(r->arena, "%lld", h.lead_agency_id);
	form_page(r, 200, &h, 0, &f, &errs);
}

/* POST /staff/cases/{ref}/actions: 303 to the new action; 400 with the
 * form; 409 when the case was closed meanwhile. */
void
case_action_new_post(struct req *r)
{
	struct form_errors errs = {0};
	struct action_form f;
	struct case_head h;
	long long id;
	enum case_action_result rc;

	if (action_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	if (case_page_load(r, &h) != 0)
		return;
	if (errs.n == 0) {
		rc = case_action_create(r->pg, r->arena, &r->actor, h.reference, &f.in, &id);
		switch (rc) {
		case CASE_ACTION_OK:
			page_flash(r, arena_printf(r->arena, "Action added: %s.", f.in.title));
			return resp_redirect(r, 303, arena_printf(r->arena, "/staff/actions/%lld",
			    id));
		case CASE_ACTION_NOT_FOUND:
			return page_error(r, 404, NULL);
		case CASE_ACTION_CLOSED:
			return page_error(r, 409, "This case was closed before the action was "
			    "saved: nothing was added. Reopen it to add actions.");
		default:
			if (!action_form_refused(&errs, rc))
				return page_error(r, 503, NULL);
		}
	}
	form_page(r, 400, &h, 0, &f, &errs);
}

/* ---- one action ---- */

/* What the action page's forms show again after a problem. */
struct action_typed {
	const char		*outcome, *why;
	struct typed_date	 occurred;
	const char		*reported_by, *description, *incident, *response;
};

static int
legal_dict(struct req *r, struct view_dict *d, const struct case_action *a,
    const struct date *today)
{
	static const char *const words[] = {
		[ACTION_LEGAL_NOT_SERVED] = "Not served yet",
		[ACTION_LEGAL_IN_FORCE] = "In force",
		[ACTION_LEGAL_REVIEW_DUE] = "In force: its review is due",
		[ACTION_LEGAL_EXPIRED] = "Expired",
	};
	struct view_dict *s = view_section(d, "ENFORCEMENT");
	enum action_legal_state st = action_legal(a->served.set ? &a->served.d : NULL,
	    a->expires.set ? &a->expires.d : NULL, a->review.set ? &a->review.d : NULL, today);

	return s == NULL || view_set(s, "SERVED", day_words(r, &a->served)) == -1 ||
	    view_set(s, "EXPIRES", day_words(r, &a->expires)) == -1 ||
	    view_set(s, "REVIEW", day_words(r, &a->review)) == -1 ||
	    view_set(s, "CONDITIONS", a->conditions) == -1 ||
	    view_set(s, "LEGAL", words[st]) == -1 ||
	    (st == ACTION_LEGAL_REVIEW_DUE && view_show(s, "REVIEW_DUE") == -1) ? -1 : 0;
}

static int
breaches_dict(struct req *r, struct view_dict *d, const struct case_action_breach *b,
    size_t n)
{
	struct view_dict *s;
	char buf[DATE_WORDS_MAX];
	size_t i;

	if (view_show(d, n > 0 ? "HAS_BREACHES" : "NO_BREACHES") == -1)
		return -1;
	for (i = 0; i < n; i++)
		if ((s = view_section(d, "BREACH")) == NULL ||
		    view_set(s, "WHEN", date_words(buf, &b[i].occurred) != NULL ? buf : "") == -1 ||
		    view_set(s, "REPORTED_BY", b[i].reported_by) == -1 ||
		    view_set(s, "DESCRIPTION", b[i].description) == -1 ||
		    view_set(s, "RESPONSE", b[i].response) == -1 ||
		    view_set(s, "RECORDED", b[i].recorded) == -1 ||
		    (*b[i].incident != '\0' && view_set(view_section(s, "INCIDENT"), "REF",
		        b[i].incident) == -1))
			return -1;
	(void)r;
	return 0;
}

/* One action as its pages read it. */
struct action_view {
	struct case_head		 h;
	struct case_action		 a;
	struct case_action_breach	*b;
	size_t				 nb;
	struct date			 today;
};

/* Action id of the path, with its case: 0, or -1 after the 404 or 503. */
static int
action_view_read(struct req *r, long long id, struct action_view *v)
{
	switch (case_action_get(r->pg, r->arena, &r->actor, id, &v->h, &v->a, &v->b, &v->nb,
	    &v->today)) {
	case CASE_ACTION_OK:
		return 0;
	case CASE_ACTION_NOT_FOUND:
		page_error(r, 404, NULL);
		return -1;
	default:
		page_error(r, 503, NULL);
		return -1;
	}
}

/* The action page, with its forms as typed (t, NULL for none). */
static void
action_page(struct req *r, int status, long long id, const struct action_typed *t,
    const struct form_errors *errs)
{
	static const struct action_typed blank = { "", "", { "", "", "" }, "", "", "", "" };
	struct action_view *v = arena_calloc(r->arena, 1, sizeof(*v));
	struct view_dict *d;
	int can;

	if (t == NULL)
		t = &blank;
	if (v == NULL)
		return page_error(r, 500, NULL);
	if (action_view_read(r, id, v) == -1)
		return;
	can = strcmp(v->h.status, "open") == 0 && perm_has(r->actor.perms, PERM_ACTION_MANAGE);
	if ((d = page_dict(r)) == NULL || case_page_head(r, d, &v->h, CASE_TAB_NONE) == -1 ||
	    view_set(d, "REFERENCE", v->h.reference) == -1 ||
	    view_set_int(d, "ID", (long)v->a.id) == -1 ||
	    view_set_int(d, "VERSION", (long)v->a.version) == -1 ||
	    view_set(d, "TYPE", v->a.type_name) == -1 || view_set(d, "TITLE", v->a.title) == -1 ||
	    view_set(d, "DETAIL", v->a.detail) == -1 ||
	    view_set(d, "OWNER", owner_words(r, &v->a)) == -1 ||
	    view_set(d, "CREATED", v->a.created) == -1 ||
	    view_set(d, "OUTCOME", v->a.outcome) == -1 ||
	    view_set(d, "CLOSED_WHEN", v->a.closed) == -1 ||
	    view_set(d, "F_OUTCOME", t->outcome) == -1 || view_set(d, "F_WHY", t->why) == -1 ||
	    view_set(d, "F_REPORTED_BY", t->reported_by) == -1 ||
	    view_set(d, "F_DESCRIPTION", t->description) == -1 ||
	    view_set(d, "F_INCIDENT", t->incident) == -1 ||
	    view_set(d, "F_RESPONSE", t->response) == -1 ||
	    clock_dict(r, d, &v->a, &v->today) == -1 ||
	    (*v->a.panel != '\0' && view_set(view_section(d, "PANEL"), "TEXT", v->a.panel) == -1) ||
	    (v->a.panel_id > 0 && view_set_int(d, "PANEL_ID", (long)v->a.panel_id) == -1) ||
	    (*v->a.closed != '\0' && view_show(d, strcmp(v->a.status, "done") == 0 ? "DONE" :
	        "CANCELLED") == -1) ||
	    (v->a.enforcement && (legal_dict(r, d, &v->a, &v->today) == -1 ||
	        breaches_dict(r, d, v->b, v->nb) == -1 || view_show(d, "BREACHES") == -1)) ||
	    (can && strcmp(v->a.status, "open") == 0 && view_show(d, "CAN_CHANGE") == -1) ||
	    (can && v->a.enforcement && (view_show(d, "CAN_BREACH") == -1 ||
	        action_date_dict(r, d, "OCCURRED_DATE", "occurred", "When was it breached?",
	        "For example, 27 3 2027", &t->occurred, errs) == -1)) ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	page_render(r, status, "case_action.tpl", form_title(r, errs, arena_printf(r->arena,
	    "%s: case %s", v->a.title, v->h.reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The {id} of the path: 0, or -1 after the 404. */
static int
action_id(struct req *r, long long *id)
{
	return admin_id_param(r, id);
}

/* GET /staff/actions/{id} */
void
action_get(struct req *r)
{
	long long id;

	if (action_id(r, &id) == 0)
		action_page(r, 200, id, NULL, &(struct form_errors){0});
}

/* GET /staff/actions/{id}/edit */
void
action_edit_get(struct req *r)
{
	struct form_errors errs = {0};
	struct action_view *v = arena_calloc(r->arena, 1, sizeof(*v));
	struct action_form f;
	long long id;

	if (action_id(r, &id) == -1)
		return;
	if (v == NULL)
		return page_error(r, 500, NULL);
	if (action_view_read(r, id, v) == -1)
		return;
	if (strcmp(v->a.status, "open") != 0 || strcmp(v->h.status, "open") != 0)
		return page_error(r, 409, "Only an open action of an open case can be changed.");
	action_form_of(r, &v->a, &f);
	form_page(r, 200, &v->h, id, &f, &errs);
}

/* What a change's refusal says when it is not about a field. */
static void
refused(struct req *r, enum case_action_result rc)
{
	switch (rc) {
	case CASE_ACTION_NOT_FOUND:
		return page_error(r, 404, NULL);
	case CASE_ACTION_CLOSED:
		return page_error(r, 409, "This action is no longer open, or its case was "
		    "closed: nothing was changed.");
	default:
		return page_error(r, 503, NULL);
	}
}

/* POST /staff/actions/{id}: the change; 303 to the action; 400 with the
 * form; 409 with what was typed when someone changed it first. */
void
action_edit_post(struct req *r)
{
	struct form_errors errs = {0};
	struct action_view *v;
	struct action_form f;
	enum case_action_result rc;
	long long id;
	int status = 400;

	if (action_id(r, &id) == -1)
		return;
	if (action_form_read(r, &f, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		rc = case_action_update(r->pg, r->arena, &r->actor, id, &f.in);
		if (rc == CASE_ACTION_OK) {
			page_flash(r, arena_printf(r->arena, "Action changed: %s.", f.in.title));
			return resp_redirect(r, 303, arena_printf(r->arena, "/staff/actions/%lld",
			    id));
		}
		if (rc == CASE_ACTION_CONFLICT) {
			status = 409;
			form_error(&errs, "title", "Someone else changed this action since you "
			    "opened this form. What you typed is below: check the action, then "
			    "save again");
		} else if (!action_form_refused(&errs, rc))
			return refused(r, rc);
	}
	if ((v = arena_calloc(r->arena, 1, sizeof(*v))) == NULL)
		return page_error(r, 500, NULL);
	/* After a conflict the next save is against the version there is now. */
	if (action_view_read(r, id, v) == -1)
		return;
	if (status == 409)
		f.in.version = v->a.version;
	form_page(r, status, &v->h, id, &f, &errs);
}

/* Complete (done) or cancel: outcome or why required. */
static void
close_post(struct req *r, const char *status)
{
	struct form_errors errs = {0};
	struct action_typed t = { "", "", { "", "", "" }, "", "", "", "" };
	int done = strcmp(status, "done") == 0;
	const char *text;
	enum case_action_result rc;
	long long id;

	if (action_id(r, &id) == -1)
		return;
	text = form_long_text(r, done ? "outcome" : "why", CASE_ACTION_TEXT_MAX, &errs,
	    done ? "outcome" : "why", done ? "Enter the outcome of the action" :
	    "Enter why the action is cancelled", done ? "Outcome must be 10,000 characters "
	    "or fewer" : "Reason must be 10,000 characters or fewer");
	if (text == NULL)
		return page_error(r, 500, NULL);
	if (done)
		t.outcome = text;
	else
		t.why = text;
	if (errs.n == 0) {
		rc = case_action_close(r->pg, r->arena, &r->actor, id,
		    strtoll(admin_version(r), NULL, 10), status, text);
		if (rc == CASE_ACTION_OK) {
			page_flash(r, done ? "Action completed." : "Action cancelled.");
			return resp_redirect(r, 303, arena_printf(r->arena, "/staff/actions/%lld",
			    id));
		}
		if (rc != CASE_ACTION_CONFLICT)
			return refused(r, rc);
		form_error(&errs, done ? "outcome" : "why", "Someone else changed this "
		    "action since you opened the page. Check it, then try again");
		return action_page(r, 409, id, &t, &errs);
	}
	action_page(r, 400, id, &t, &errs);
}

/* POST /staff/actions/{id}/complete */
void
action_complete_post(struct req *r)
{
	close_post(r, "done");
}

/* POST /staff/actions/{id}/cancel */
void
action_cancel_post(struct req *r)
{
	close_post(r, "cancelled");
}

/* POST /staff/actions/{id}/breaches: 303 to the action with the breach
 * listed; 400 with the form and what to fix. */
void
action_breach_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_action_breach_input in = {0};
	struct action_typed t = { "", "", { "", "", "" }, "", "", "", "" };
	struct action_date on;
	enum case_action_result rc;
	long long id;

	if (action_id(r, &id) == -1)
		return;
	if (action_date_read(r, "occurred", "Date of the breach", "Enter the date of the breach",
	    &t.occurred, &on, &errs) == -1 ||
	    (t.reported_by = form_text(r, "reported-by", CASE_ACTION_WHO_MAX, &errs,
	    "reported-by", "Enter who reported the breach",
	    "Who reported it must be 200 characters or fewer")) == NULL ||
	    (t.description = form_long_text(r, "description", CASE_ACTION_TEXT_MAX, &errs,
	    "description", "Enter what happened",
	    "What happened must be 10,000 characters or fewer")) == NULL ||
	    (t.incident = form_text(r, "incident", 40, &errs, "incident", NULL,
	    "Enter an incident reference like ASB-2026-000123")) == NULL ||
	    (t.response = form_long_text(r, "response", CASE_ACTION_TEXT_MAX, &errs,
	    "response", NULL, "The response must be 10,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		in.occurred = on.d;
		in.reported_by = t.reported_by;
		in.description = t.description;
		in.incident = t.incident;
		in.response = t.response;
		rc = case_action_breach_add(r->pg, r->arena, &r->actor, id, &in);
		switch (rc) {
		case CASE_ACTION_OK:
			page_flash(r, "Breach recorded.");
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/actions/%lld#breaches", id));
		case CASE_ACTION_BAD_INCIDENT:
			form_error(&errs, "incident", "There is no incident with that reference "
			    "that you can see");
			break;
		case CASE_ACTION_NOT_ENFORCEMENT:
			return page_error(r, 409, "Breaches are recorded for enforcement actions "
			    "only.");
		default:
			return refused(r, rc);
		}
	}
	action_page(r, 400, id, &t, &errs);
}
