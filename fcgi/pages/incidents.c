/* Staff incident pages: search, one incident, changing its status and
 * adding updates.
 * What an agency may see is decided by the domain (and PostgreSQL); a
 * record one may not see is a 404, exactly like one that does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/asb_catalogue.h"
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

struct choice {
	const char *value, *label;
};

static const struct choice status_labels[] = {
	{ "new", "New" },
	{ "open", "Open" },
	{ "allocated", "Allocated" },
	{ "in_progress", "In progress" },
	{ "monitoring", "Monitoring" },
	{ "closed", "Closed" },
};

#define NCHOICES(t)	(sizeof(t) / sizeof((t)[0]))

/* The choice whose value is v, or -1. */
static int
choice_find(const struct choice *c, size_t n, const char *v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].value, v) == 0)
			return (int)i;
	return -1;
}

static const char *
choice_label(const struct choice *c, size_t n, const char *v)
{
	int i = choice_find(c, n, v);

	return i >= 0 ? c[i].label : v;
}

static const char *
status_label(const char *v)
{
	return choice_label(status_labels, NCHOICES(status_labels), v);
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

static const struct choice risk_choices[] = {
	{ "high", "High" }, { "medium", "Medium" }, { "standard", "Standard" },
};

static const struct choice flag_choices[] = {
	{ "vulnerable", "Vulnerable victim" },
	{ "repeat_victim", "Repeat victim" },
	{ "repeat_location", "Repeat location" },
};

/* Indexed by enum incident_sort. */
static const struct choice sort_choices[] = {
	{ "newest", "Newest first" },
	{ "oldest", "Oldest first" },
	{ "risk", "Highest risk first" },
	{ "updated", "Recently changed first" },
	{ "reference", "Reference" },
};

/* ?name=, NULL when absent or empty. */
static const char *
query_value(struct req *r, const char *name)
{
	const char *v = req_query(r, name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* The options of a filter's select, the one matching selected marked. */
static int
options_dict(struct view_dict *d, const char *section, const struct choice *c,
    size_t n, const char *selected)
{
	struct view_dict *o;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((o = view_section(d, section)) == NULL ||
		    view_set(o, "VALUE", c[i].value) == -1 ||
		    view_set(o, "LABEL", c[i].label) == -1)
			return -1;
		if (selected != NULL && strcmp(selected, c[i].value) == 0 &&
		    view_show(o, "SELECTED") == -1)
			return -1;
	}
	return 0;
}

static size_t utf8_length(const char *);

/* The list's filters as typed (for the form and the page links) and as
 * checked (for the search); an unknown value is an error, not ignored. */
struct list_form {
	const char		*q, *status, *type, *risk, *flag, *area, *from, *to, *sort;
	struct incident_filter	 filter;
	struct choice		*types, *areas;
	size_t			 ntypes, nareas;
};

/* A YYYY-MM-DD date of a filter, or an error on field. */
static const char *
date_value(const char *v, struct form_errors *errs, const char *field,
    const char *message)
{
	struct date dt;
	const char *e;

	if (v == NULL)
		return NULL;
	if ((e = date_parse(v, &dt)) == NULL || *e != '\0')
		form_error(errs, field, message);
	return v;
}

/* The ASB types and the areas, as choices of the filter selects. 0 or -1. */
static int
list_choices(struct req *r, struct list_form *f)
{
	struct asb_type_item *t;
	struct incident_area *ar;
	size_t n, i;

	if (asb_types_list(r->pg, r->arena, &t, &n) == -1 ||
	    (f->types = arena_calloc(r->arena, n + 1, sizeof(*f->types))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		f->types[i].value = t[i].code;
		f->types[i].label = *t[i].parent != '\0' ?
		    arena_printf(r->arena, "— %s", t[i].name) : t[i].name;
	}
	f->ntypes = n;
	if (incident_search_areas(r->pg, r->arena, &ar, &n) == -1 ||
	    (f->areas = arena_calloc(r->arena, n + 1, sizeof(*f->areas))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		f->areas[i].value = arena_printf(r->arena, "%s:%s", ar[i].kind, ar[i].code);
		f->areas[i].label = arena_printf(r->arena, "%s (%s)", ar[i].name,
		    strcmp(ar[i].kind, "beat") == 0 ? "police beat" : "council area");
		if (f->areas[i].value == NULL || f->areas[i].label == NULL)
			return -1;
	}
	f->nareas = n;
	return 0;
}

/* Reads and checks ?q=&status=&type=&risk=&flag=&area=&from=&to=&sort=.
 * Problems go into errs; the search must not run when there are any. */
static void
list_form_read(struct req *r, struct list_form *f, struct form_errors *errs)
{
	struct incident_filter *fl = &f->filter;
	const char *q = req_query(r, "q");
	int i;

	f->q = q != NULL ? q : "";
	/* A search of nothing but spaces is no search. */
	fl->query = q != NULL && q[strspn(q, " \t\r\n")] != '\0' ? q : NULL;
	if (fl->query != NULL && (strlen(q) > INCIDENT_QUERY_MAX * 4 ||
	    utf8_length(q) > INCIDENT_QUERY_MAX))
		form_error(errs, "q", "Search must be 200 characters or fewer");
	if ((f->status = fl->status = query_value(r, "status")) != NULL &&
	    !incident_status_valid(f->status))
		form_error(errs, "status", "Select a status from the list");
	if ((f->type = fl->type = query_value(r, "type")) != NULL &&
	    choice_find(f->types, f->ntypes, f->type) == -1)
		form_error(errs, "type", "Select a type of behaviour from the list");
	if ((f->risk = fl->risk = query_value(r, "risk")) != NULL &&
	    choice_find(risk_choices, NCHOICES(risk_choices), f->risk) == -1)
		form_error(errs, "risk", "Select a risk level from the list");
	if ((f->flag = fl->flag = query_value(r, "flag")) != NULL &&
	    choice_find(flag_choices, NCHOICES(flag_choices), f->flag) == -1)
		form_error(errs, "flag", "Select a flag from the list");
	if ((f->area = query_value(r, "area")) != NULL) {
		if (choice_find(f->areas, f->nareas, f->area) == -1)
			form_error(errs, "area", "Select an area from the list");
		else if (strncmp(f->area, "beat:", 5) == 0)
			fl->beat = f->area + 5;
		else
			fl->area = f->area + 5;
	}
	f->from = fl->from = date_value(query_value(r, "from"), errs, "from",
	    "Reported from must be a real date, for example 2026-03-27");
	f->to = fl->to = date_value(query_value(r, "to"), errs, "to",
	    "Reported to must be a real date, for example 2026-03-27");
	if (errs->n == 0 && f->from != NULL && f->to != NULL && strcmp(f->from, f->to) > 0)
		form_error(errs, "to", "Reported to must be the same as or after "
		    "reported from");
	f->sort = query_value(r, "sort");
	i = f->sort != NULL ? choice_find(sort_choices, NCHOICES(sort_choices), f->sort) : 0;
	if (i == -1)
		form_error(errs, "sort", "Select an order from the list");
	fl->sort = i > 0 ? (enum incident_sort)i : INCIDENT_SORT_NEWEST;
}

/* The filter form, as typed. 0 or -1. */
static int
list_form_dict(struct view_dict *d, const struct list_form *f)
{
	return view_set(d, "QUERY", f->q) == -1 ||
	    view_set(d, "F_STATUS", f->status != NULL ? f->status : "") == -1 ||
	    view_set(d, "F_TYPE", f->type != NULL ? f->type : "") == -1 ||
	    view_set(d, "F_RISK", f->risk != NULL ? f->risk : "") == -1 ||
	    view_set(d, "F_FLAG", f->flag != NULL ? f->flag : "") == -1 ||
	    view_set(d, "F_AREA", f->area != NULL ? f->area : "") == -1 ||
	    view_set(d, "F_FROM", f->from != NULL ? f->from : "") == -1 ||
	    view_set(d, "F_TO", f->to != NULL ? f->to : "") == -1 ||
	    view_set(d, "F_SORT", f->sort != NULL ? f->sort : "") == -1 ||
	    options_dict(d, "STATUS_OPTION", status_labels,
	        NCHOICES(status_labels), f->status) == -1 ||
	    options_dict(d, "TYPE_OPTION", f->types, f->ntypes, f->type) == -1 ||
	    options_dict(d, "RISK_OPTION", risk_choices, NCHOICES(risk_choices),
	        f->risk) == -1 ||
	    options_dict(d, "FLAG_OPTION", flag_choices, NCHOICES(flag_choices),
	        f->flag) == -1 ||
	    options_dict(d, "AREA_OPTION", f->areas, f->nareas, f->area) == -1 ||
	    options_dict(d, "SORT_OPTION", sort_choices, NCHOICES(sort_choices),
	        f->sort != NULL ? f->sort : "newest") == -1 ? -1 : 0;
}

/* One row of the results: the incident, its risk and its flags. */
static int
hit_dict(struct view_dict *row, const struct incident_hit *h)
{
	struct view_dict *fl;
	const int on[] = { h->vulnerable, h->repeat_victim, h->repeat_location };
	size_t i;

	if (incident_fields(row, &h->in) == -1 ||
	    view_set(row, "RISK", *h->risk != '\0' ?
	        choice_label(risk_choices, NCHOICES(risk_choices), h->risk) :
	        "Not assessed") == -1)
		return -1;
	for (i = 0; i < NCHOICES(flag_choices); i++)
		if (on[i] && ((fl = view_section(row, "FLAG")) == NULL ||
		    view_set(fl, "LABEL", flag_choices[i].label) == -1))
			return -1;
	return 0;
}

/* The GOV.UK pagination: previous, the first and last pages, those near
 * this one with an ellipsis for a gap, and next. Each link keeps the
 * filters (the template adds them). 0 or -1. */
static int
pagination_dict(struct view_dict *d, int page, long long total)
{
	struct view_dict *s;
	int pages = (int)((total + PAGE_SIZE - 1) / PAGE_SIZE), i, gap = 0;

	if (pages <= 1)
		return 0;
	if (view_show(d, "PAGINATION") == -1)
		return -1;
	if (page > 1 && ((s = view_section(d, "PREV")) == NULL ||
	    view_set_int(s, "PAGE", page - 1) == -1))
		return -1;
	for (i = 1; i <= pages; i++) {
		if (i != 1 && i != pages && (i < page - 2 || i > page + 2)) {
			if (!gap && ((s = view_section(d, "PAGE_ITEM")) == NULL ||
			    view_show(s, "ELLIPSIS") == -1))
				return -1;
			gap = 1;
			continue;
		}
		gap = 0;
		if ((s = view_section(d, "PAGE_ITEM")) == NULL ||
		    view_show(s, i == page ? "CURRENT" : "LINK") == -1 ||
		    view_set_int(s, "PAGE", i) == -1)
			return -1;
	}
	if (page < pages && ((s = view_section(d, "NEXT")) == NULL ||
	    view_set_int(s, "PAGE", page + 1) == -1))
		return -1;
	return 0;
}

/* GET /staff/incidents?q=&status=&type=&risk=&flag=&area=&from=&to=&sort=&page=
 * 200 with the results; 400 with the form and an error summary when a
 * value is unknown or the search too long (nothing is searched then). */
void
incident_list_get(struct req *r)
{
	struct list_form f = {0};
	struct form_errors errs = {0};
	struct incident_hit *hits = NULL;
	struct view_dict *d, *row;
	long long total = 0;
	size_t n = 0, i;
	int page = page_number(r);

	if (list_choices(r, &f) == -1)
		return page_error(r, 503, NULL);
	list_form_read(r, &f, &errs);
	if (errs.n == 0 && incident_search(r->pg, r->arena, &r->actor, &f.filter,
	    PAGE_SIZE, (page - 1) * PAGE_SIZE, &hits, &n, &total) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (list_form_dict(d, &f) == -1 || form_errors_dict(d, &errs) == -1)
		goto fail;
	if (errs.n == 0) {
		/* Past the last page the count is unknown: say so, not "0". */
		view_show(d, "SEARCHED");
		view_set(d, "FOUND", n == 0 && page > 1 ? "No incidents on this page" :
		    total == 1 ? "1 incident found" :
		    arena_printf(r->arena, "%lld incidents found", total));
		view_set(d, "SORTED", sort_choices[f.filter.sort].label);
		view_show(d, n > 0 ? "RESULTS" : "NONE");
	}
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "ROW")) == NULL || hit_dict(row, &hits[i]) == -1)
			goto fail;
	if (errs.n == 0 && pagination_dict(d, page, total) == -1)
		goto fail;
	page_render(r, errs.n > 0 ? 400 : 200, "incident_list.tpl",
	    form_title(r, &errs, "Incidents"), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
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
	struct view_dict *d = page_dict(r);

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
		if (options_dict(d, "STATUS_OPTION", status_labels, NCHOICES(status_labels),
		    f->status != NULL ? f->status : in->status) == -1)
			goto fail;
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
