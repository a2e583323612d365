/* The staff home page: who you are signed in as, your own work (the
 * incidents you worked on, the new reports waiting, your organisation's
 * partner reports) and where your role lets you go. */
#include <time.h>

#include "auth/session.h"
#include "domain/incident.h"
#include "domain/incident_status.h"
#include "domain/incident_update.h"
#include "domain/partner_reports.h"
#include "domain/report_list.h"
#include "domain/risk_review.h"
#include "http/request.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define HOME_ROWS	5

/* The incidents the member of staff created, reported or updated. */
static int
mine_dict(struct req *r, struct view_dict *d)
{
	struct incident *rows;
	struct view_dict *s, *row;
	size_t n, i;

	if (incident_mine(r->pg, r->arena, &r->actor, HOME_ROWS, &rows, &n) == -1 ||
	    (s = view_section(d, "MINE")) == NULL)
		return -1;
	if (n == 0)
		return view_show(s, "NONE");
	for (i = 0; i < n; i++)
		if ((row = view_section(s, "ROW")) == NULL ||
		    view_set(row, "REFERENCE", rows[i].reference) == -1 ||
		    view_set(row, "TYPE", rows[i].type) == -1 ||
		    view_set(row, "REPORTED", rows[i].reported) == -1 ||
		    incident_flags_dict(row, rows[i].flags) == -1)
			return -1;
	return 0;
}

/* The newest reports waiting for the agency, as /staff/reports lists them. */
static int
waiting_dict(struct req *r, struct view_dict *d)
{
	struct report_row *rows;
	struct view_dict *s, *row, *place;
	size_t n, i;

	if (report_list_new(r->pg, r->arena, &r->actor, HOME_ROWS, 0, &rows, &n) == -1 ||
	    (s = view_section(d, "WAITING")) == NULL)
		return -1;
	if (n == 0)
		return view_show(s, "NONE");
	for (i = 0; i < n; i++)
		if ((row = view_section(s, "ROW")) == NULL ||
		    view_set(row, "REFERENCE", rows[i].reference) == -1 ||
		    view_set(row, "INCIDENT", rows[i].incident_reference) == -1 ||
		    view_set(row, "TYPE", rows[i].type) == -1 ||
		    (*rows[i].place != '\0' && ((place = view_section(row, "PLACE")) == NULL ||
		    view_set(place, "TEXT", rows[i].place) == -1)) ||
		    view_set(row, "REPORTED", rows[i].reported) == -1 ||
		    incident_flags_dict(row, rows[i].incident_flags) == -1)
			return -1;
	return 0;
}

/* The partner reporter's organisation's latest reports. */
static int
partner_dict(struct req *r, struct view_dict *d)
{
	struct partner_report *rows;
	struct view_dict *s, *row;
	size_t n, i;

	if (partner_reports_list(r->pg, r->arena, &r->actor, HOME_ROWS, 0, &rows, &n) == -1 ||
	    (s = view_section(d, "PARTNER")) == NULL)
		return -1;
	if (n == 0)
		return view_show(s, "NONE");
	for (i = 0; i < n; i++)
		if ((row = view_section(s, "ROW")) == NULL ||
		    view_set(row, "REFERENCE", rows[i].reference) == -1 ||
		    view_set(row, "TYPE", rows[i].type) == -1 ||
		    view_set(row, "STATUS", incident_status_words(rows[i].status)) == -1 ||
		    view_set(row, "REPORTED", rows[i].reported) == -1)
			return -1;
	return 0;
}

/* How many risk reviews are due, for a supervisor (/staff/risk-reviews). */
static int
reviews_dict(struct req *r, struct view_dict *d)
{
	struct risk_review_due *due;
	struct view_dict *s;
	size_t n;

	if (risk_reviews_due(r->pg, r->arena, &r->actor, time(NULL), &due, &n) == -1 ||
	    (s = view_section(d, "RISK_REVIEWS")) == NULL)
		return -1;
	return view_set_int(s, "COUNT", (long)n);
}

/* For a supervisor: the incidents someone asked them to close, oldest
 * request first (domain/incident_status.c). */
static int
close_requests_dict(struct req *r, struct view_dict *d)
{
	struct close_request *rows;
	struct view_dict *s, *row;
	size_t n, i;

	if (incident_close_requests(r->pg, r->arena, &r->actor, HOME_ROWS, &rows, &n) == -1 ||
	    (s = view_section(d, "CLOSE_REQUESTS")) == NULL)
		return -1;
	if (n == 0)
		return view_show(s, "NONE");
	for (i = 0; i < n; i++)
		if ((row = view_section(s, "ROW")) == NULL ||
		    view_set(row, "REFERENCE", rows[i].reference) == -1 ||
		    view_set(row, "TYPE", rows[i].type) == -1 ||
		    view_set(row, "BY", rows[i].by) == -1 ||
		    view_set(row, "WHEN", rows[i].at) == -1 ||
		    view_set(row, "REASON", rows[i].reason) == -1)
			return -1;
	return 0;
}

/* The administration pages the role may open, each as the route table
 * guards it. */
static int
admin_dict(struct view_dict *d, perm_set p)
{
	static const struct {
		enum perm need;
		const char *href, *label;
	} links[] = {
		{ PERM_ADMIN_AGENCIES, "/admin/agencies", "Agencies" },
		{ PERM_ADMIN_AGENCIES, "/admin/teams", "Teams" },
		{ PERM_ADMIN_USERS, "/admin/users", "Users" },
		{ PERM_ADMIN_USERS, "/admin/roles", "Roles" },
		{ PERM_ADMIN_TYPES, "/admin/types", "Types of anti-social behaviour and their questions" },
		{ PERM_ADMIN_API_CLIENTS, "/admin/api-clients", "API clients" },
	};
	struct view_dict *s = NULL, *row;
	size_t i;

	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		if (!perm_has(p, links[i].need))
			continue;
		if ((s == NULL && (s = view_section(d, "ADMIN")) == NULL) ||
		    (row = view_section(s, "LINK")) == NULL ||
		    view_set(row, "HREF", links[i].href) == -1 ||
		    view_set(row, "LABEL", links[i].label) == -1)
			return -1;
	}
	return 0;
}

/* GET /staff */
void
staff_home_get(struct req *r)
{
	struct view_dict *d = page_dict(r);
	perm_set p = r->actor.perms;

	if (d == NULL)
		return page_error(r, 500, NULL);
	if (view_set(d, "NAME", r->session->name) == -1 ||
	    view_set(d, "AGENCY", r->session->agency_name) == -1 ||
	    view_set(d, "ROLES", r->session->roles) == -1 ||
	    (perm_has(p, PERM_AUDIT_TEAM) && view_show(d, "ACTIVITY") == -1) ||
	    (perm_has(p, PERM_REPORTING_VIEW) && view_show(d, "REPORTING") == -1) ||
	    (perm_has(p, PERM_INCIDENT_CREATE) && view_show(d, "CREATE") == -1) ||
	    admin_dict(d, p) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	if ((perm_has(p, PERM_INCIDENT_VIEW) && (view_show(d, "INCIDENTS") == -1 ||
	    mine_dict(r, d) == -1 || waiting_dict(r, d) == -1)) ||
	    (perm_has(p, PERM_REPORT_PARTNER) && partner_dict(r, d) == -1) ||
	    (perm_has(p, PERM_INCIDENT_CLOSE) && close_requests_dict(r, d) == -1) ||
	    (perm_has(p, PERM_RISK_REVIEW) && reviews_dict(r, d) == -1)) {
		view_dict_free(d);
		return page_error(r, 503, NULL);
	}
	page_render(r, 200, "staff_home.tpl", "Your work", d);
}
