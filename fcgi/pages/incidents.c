/* Staff incident pages: search, one incident, changing its status and
 * adding updates.
 * What an agency may see is decided by the domain (and PostgreSQL); a
 * record one may not see is a 404, exactly like one that does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/incident.h"
#include "domain/incident_update.h"
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

/* What was typed into the incident page's forms, to show again. */
struct incident_forms {
	const char	*status, *reason;	/* the status form */
	const char	*text, *shared;		/* the update form; shared "yes"/"no" */
};

/* Adds one `section` (with TEXT) per paragraph of text, as a line break
 * typed into a textarea starts a new paragraph; the staff page and the
 * tracking page show updates this way. Returns 0 or -1. */
int
text_paragraphs_dict(struct arena *a, struct view_dict *d, const char *section,
    const char *text)
{
	struct view_dict *p;
	const char *e;
	char *line;

	for (; text != NULL && *text != '\0'; text = *e != '\0' ? e + 1 : e) {
		e = text + strcspn(text, "\n");
		if (e == text)
			continue;
		if ((p = view_section(d, section)) == NULL ||
		    (line = arena_strndup(a, text, (size_t)(e - text))) == NULL ||
		    view_set(p, "TEXT", line) == -1)
			return -1;
	}
	return 0;
}

/* The incident's updates, newest first, shared ones marked. 0 or -1. */
static int
updates_dict(struct req *r, struct view_dict *d, long long incident_id)
{
	struct incident_update *u;
	struct view_dict *s, *by;
	size_t n, i;

	if (incident_update_list(r->pg, r->arena, &r->actor, incident_id, &u, &n) == -1)
		return -1;
	if (n == 0)
		return view_show(d, "NO_UPDATES");
	for (i = 0; i < n; i++) {
		if ((s = view_section(d, "INCIDENT_UPDATE")) == NULL ||
		    view_set(s, "WHEN", u[i].when) == -1 ||
		    view_show(s, u[i].shared ? "SHARED" : "INTERNAL") == -1 ||
		    text_paragraphs_dict(r->arena, s, "PARAGRAPH", u[i].text) == -1)
			return -1;
		if (*u[i].by != '\0' && ((by = view_section(s, "BY")) == NULL ||
		    view_set(by, "NAME", u[i].by) == -1))
			return -1;
	}
	return 0;
}

/* The incident page, with its updates, the status form and the update
 * form (and their problems and what was typed, if any). */
static void
incident_page(struct req *r, int status, const struct incident *in,
    const struct form_errors *errs, const struct incident_forms *f)
{
	struct view_dict *d = page_dict(r), *opt;
	size_t i;

	if (d == NULL || incident_fields(d, in) == -1 ||
	    reports_of_incident_dict(r, d, in->id) == -1 ||
	    updates_dict(r, d, in->id) == -1 ||
	    view_set_int(d, "VERSION", (long)in->version) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (perm_has(r->actor.perms, PERM_INCIDENT_UPDATE)) {
		view_show(d, "CAN_UPDATE");
		view_set(d, "REASON", f->reason != NULL ? f->reason : "");
		view_set(d, "UPDATE_TEXT", f->text != NULL ? f->text : "");
		if (f->shared != NULL)
			view_show(d, strcmp(f->shared, "yes") == 0 ? "SHARED_YES" : "SHARED_NO");
		for (i = 0; i < sizeof(status_labels) / sizeof(status_labels[0]); i++) {
			if ((opt = view_section(d, "STATUS_OPTION")) == NULL ||
			    view_set(opt, "VALUE", status_labels[i].value) == -1 ||
			    view_set(opt, "LABEL", status_labels[i].label) == -1)
				goto fail;
			if (strcmp(status_labels[i].value, f->status != NULL ? f->status :
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
	struct incident_forms forms = {0};
	struct incident in;

	switch (incident_view(r->pg, r->arena, &r->actor, req_param(r, "ref"), &in)) {
	case INCIDENT_OK:
		return incident_page(r, 200, &in, &errs, &forms);
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
	struct incident_forms forms = {0};
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
			page_flash(r, "Status changed. The people who reported this "
			    "will see it, in plain words, on their tracking page.");
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
	forms.status = status;
	forms.reason = reason;
	incident_page(r, 400, &in, &errs, &forms);
}

/* The text as typed, with the browser's CRLF line ends as LF, so that
 * 2,000 characters typed are 2,000 stored. NULL when out of memory. */
static char *
text_unix(struct req *r, const char *text)
{
	char *out = arena_strdup(r->arena, text), *o = out;

	for (; out != NULL && *text != '\0'; text++)
		if (!(text[0] == '\r' && text[1] == '\n'))
			*o++ = *text;
	if (out != NULL)
		*o = '\0';
	return out;
}

/* Characters (not bytes) in a UTF-8 string, as PostgreSQL counts them. */
static size_t
utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* POST /staff/incidents/{ref}/updates: 303 back to the incident; 400 with
 * the form and what was typed when the text or the choice is missing or
 * the text too long; 409, with it kept, when someone else changed the
 * incident first; 404 for one the actor may not see. */
void
incident_update_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	struct incident in;
	const char *ref = req_param(r, "ref"), *ver = req_form(r, "version");
	const char *text, *shared = req_form(r, "shared");
	int status = 400;

	/* Bytes first (four per character at most), then characters. */
	text = form_text(r, "text", INCIDENT_UPDATE_MAX * 4, &errs, "update-text",
	    "Enter the update", "Update must be 2,000 characters or fewer");
	if (text == NULL || (text = text_unix(r, text)) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0 && utf8_length(text) > INCIDENT_UPDATE_MAX)
		form_error(&errs, "update-text", "Update must be 2,000 characters or fewer");
	if (shared == NULL || (strcmp(shared, "yes") != 0 && strcmp(shared, "no") != 0)) {
		shared = NULL;
		form_error(&errs, "update-shared", "Select whether to share this update "
		    "with the people who reported this");
	}
	if (ver == NULL || *ver == '\0')
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (errs.n == 0) {
		switch (incident_update_add(r->pg, r->arena, &r->actor, ref, text,
		    strcmp(shared, "yes") == 0, strtoll(ver, NULL, 10))) {
		case INCIDENT_OK:
			page_flash(r, strcmp(shared, "yes") == 0 ? "Update added and "
			    "shared with the people who reported this." :
			    "Update added (for staff only).");
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/incidents/%s", ref));
		case INCIDENT_NOT_FOUND:
			return page_error(r, 404, NULL);
		case INCIDENT_CONFLICT:
			status = 409;
			form_error(&errs, "update-text", "This incident was changed by "
			    "someone else while you were writing. Check it below, then "
			    "add your update again");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	if (incident_view(r->pg, r->arena, &r->actor, ref, &in) != INCIDENT_OK)
		return page_error(r, 404, NULL);
	forms.text = text;
	forms.shared = shared;
	incident_page(r, status, &in, &errs, &forms);
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
