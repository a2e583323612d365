/* Staff incident pages: search, one incident, and changing its status.
 * What an agency may see is decided by the domain (and PostgreSQL); a
 * record one may not see is a 404, exactly like one that does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/incident.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/history.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/reports.h"
#include "view/view.h"

#define PAGE_SIZE	25

static const struct {
	const char *value, *label;
} status_labels[] = {
	{ "new", "New" },
	{ "open", "Open" },
	{ "allocated", "Allocated" },
	{ "in_progress", "In progress" },
	{ "monitoring", "Monitoring" },
	{ "closed", "Closed" },
};

static const char *
status_label(const char *v)
{
	size_t i;

	for (i = 0; i < sizeof(status_labels) / sizeof(status_labels[0]); i++)
		if (strcmp(status_labels[i].value, v) == 0)
			return status_labels[i].label;
	return v;
}

static const char *
sharing_label(const struct incident *in)
{
	if (strcmp(in->sharing, "partnership") == 0)
		return "The partnership (police and council)";
	if (strcmp(in->sharing, "agency") == 0)
		return "Owning agency only";
	return in->shared_names;
}

static int
incident_fields(struct view_dict *d, const struct incident *in)
{
	return view_set(d, "REFERENCE", in->reference) == -1 ||
	    view_set(d, "TYPE", in->type) == -1 ||
	    view_set(d, "STATUS", status_label(in->status)) == -1 ||
	    view_set(d, "DESCRIPTION", in->description) == -1 ||
	    view_set(d, "ADDRESS", in->address) == -1 ||
	    view_set(d, "POSTCODE", in->postcode) == -1 ||
	    view_set(d, "REPORTED", in->reported) == -1 ||
	    view_set(d, "OWNER", in->owner) == -1 ||
	    view_set(d, "SHARING", sharing_label(in)) == -1 ? -1 : 0;
}

/* The page number from ?page=, 1 when absent or nonsense. */
static int
page_number(struct req *r)
{
	const char *v = req_query(r, "page");
	long n = v != NULL ? strtol(v, NULL, 10) : 1;

	return n >= 1 && n <= 10000 ? (int)n : 1;
}

/* GET /staff/incidents?q=…&page=N */
void
incident_list_get(struct req *r)
{
	const char *q = req_query(r, "q");
	struct incident *rows;
	struct view_dict *d, *row;
	size_t n, i;
	int page = page_number(r);

	if (q == NULL || strlen(q) > 100)
		q = "";
	/* One more than a page tells whether there is a next page. */
	if (incident_search(r->pg, r->arena, &r->actor, q, PAGE_SIZE + 1,
	    (page - 1) * PAGE_SIZE, &rows, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	view_set(d, "QUERY", q);
	view_show(d, n > 0 ? "RESULTS" : "NONE");
	for (i = 0; i < n && i < PAGE_SIZE; i++) {
		if ((row = view_section(d, "ROW")) == NULL ||
		    incident_fields(row, &rows[i]) == -1) {
			view_dict_free(d);
			return page_error(r, 500, NULL);
		}
	}
	if (page > 1) {
		row = view_section(d, "PREV");
		view_set_int(row, "PAGE", page - 1);
		view_set(row, "QUERY", q);
	}
	if (n > PAGE_SIZE) {
		row = view_section(d, "NEXT");
		view_set_int(row, "PAGE", page + 1);
		view_set(row, "QUERY", q);
	}
	page_render(r, 200, "incident_list.tpl", "Incidents", d);
}

/* The incident page, with the status form (and its problems, if any). */
static void
incident_page(struct req *r, int status, const struct incident *in,
    const struct form_errors *errs, const char *chosen, const char *reason)
{
	struct view_dict *d = page_dict(r), *opt;
	size_t i;

	if (d == NULL || incident_fields(d, in) == -1 ||
	    reports_of_incident_dict(r, d, in->id) == -1 ||
	    view_set_int(d, "VERSION", (long)in->version) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (perm_has(r->actor.perms, PERM_INCIDENT_UPDATE)) {
		view_show(d, "CAN_UPDATE");
		view_set(d, "REASON", reason != NULL ? reason : "");
		for (i = 0; i < sizeof(status_labels) / sizeof(status_labels[0]); i++) {
			if ((opt = view_section(d, "STATUS_OPTION")) == NULL ||
			    view_set(opt, "VALUE", status_labels[i].value) == -1 ||
			    view_set(opt, "LABEL", status_labels[i].label) == -1)
				goto fail;
			if (strcmp(status_labels[i].value, chosen != NULL ? chosen :
			    in->status) == 0)
				view_show(opt, "SELECTED");
		}
	}
	page_render(r, status, "incident_view.tpl",
	    form_title(r, errs, arena_printf(r->arena, "Incident %s", in->reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/incidents/{ref} */
void
incident_view_get(struct req *r)
{
	struct form_errors errs = {0};
	struct incident in;

	switch (incident_view(r->pg, r->arena, &r->actor, req_param(r, "ref"), &in)) {
	case INCIDENT_OK:
		return incident_page(r, 200, &in, &errs, NULL, NULL);
	case INCIDENT_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}

/* POST /staff/incidents/{ref}/status: 303 back to the incident; 400 with
 * the form when the status or reason is missing; 403 without the right
 * to close; 409 when someone else changed it first. */
void
incident_status_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident in;
	const char *ref = req_param(r, "ref"), *status = req_form(r, "status");
	const char *reason, *ver = req_form(r, "version");
	enum incident_result rc;

	reason = form_text(r, "reason", 2000, &errs, "reason", NULL,
	    "Reason must be 2,000 characters or fewer");
	if (status == NULL || !incident_status_valid(status))
		form_error(&errs, "status", "Select a status");
	if (ver == NULL || *ver == '\0')
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (errs.n == 0) {
		rc = incident_set_status(r->pg, r->arena, &r->actor, ref, status,
		    reason, strtoll(ver, NULL, 10));
		switch (rc) {
		case INCIDENT_OK:
			page_flash(r, "Status changed.");
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/incidents/%s", ref));
		case INCIDENT_UNCHANGED:
			page_flash(r, "No changes: the incident already had that status.");
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/incidents/%s", ref));
		case INCIDENT_NOT_FOUND:
			return page_error(r, 404, NULL);
		case INCIDENT_CONFLICT:
			return page_error(r, 409, "This incident was changed by someone "
			    "else. Reload it and try again.");
		case INCIDENT_NEEDS_CLOSE:
			return page_error(r, 403, "Only a supervisor or manager can close "
			    "an incident or reopen a closed one.");
		case INCIDENT_NEEDS_REASON:
			form_error(&errs, "reason", "Enter why the incident is being "
			    "closed or reopened");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	if (incident_view(r->pg, r->arena, &r->actor, ref, &in) != INCIDENT_OK)
		return page_error(r, 404, NULL);
	incident_page(r, 400, &in, &errs, status, reason);
}

/* GET /staff/incidents/{ref}/history: who did what to it, when and why. */
void
incident_history_get(struct req *r)
{
	const char *ref = req_param(r, "ref");
	struct incident in;

	switch (incident_find(r->pg, r->arena, &r->actor, ref, &in)) {
	case INCIDENT_OK:
		return history_show(r, arena_printf(r->arena, "History of incident %s",
		    in.reference), arena_printf(r->arena, "/staff/incidents/%s",
		    in.reference), "incident", arena_printf(r->arena, "%lld", in.id));
	case INCIDENT_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}
