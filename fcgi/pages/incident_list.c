/* The staff list of incidents: the search form, its results and their
 * pages (README "Finding incidents").
 * What an agency may see is decided by the domain (and PostgreSQL). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/asb_catalogue.h"
#include "domain/flags.h"
#include "domain/incident.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define PAGE_SIZE	25

/* The page number from ?page=, 1 when absent or nonsense. */
static int
page_number(struct req *r)
{
	const char *v = req_query(r, "page");
	long n = v != NULL ? strtol(v, NULL, 10) : 1;

	return n >= 1 && n <= 10000 ? (int)n : 1;
}

/* An incident's stored flags as GOV.UK tags, a FLAG section with LABEL
 * each, wherever incidents are listed. -1 when out of memory. */
int
incident_flags_dict(struct view_dict *d, unsigned flags)
{
	struct view_dict *fl;
	int i;

	for (i = 0; i < FLAGS; i++)
		if ((flags & FLAG_BIT(i)) != 0 && ((fl = view_section(d, "FLAG")) == NULL ||
		    view_set(fl, "LABEL", flag_label(i)) == -1))
			return -1;
	return 0;
}

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
	struct choice flags[FLAGS];
	int i;

	f->q = q != NULL ? q : "";
	/* A search of nothing but spaces is no search. */
	fl->query = q != NULL && q[strspn(q, " \t\r\n")] != '\0' ? q : NULL;
	if (fl->query != NULL && (strlen(q) > INCIDENT_QUERY_MAX * 4 ||
	    form_chars(q) > INCIDENT_QUERY_MAX))
		form_error(errs, "q", "Search must be 200 characters or fewer");
	if ((f->status = fl->status = query_value(r, "status")) != NULL &&
	    !incident_status_valid(f->status))
		form_error(errs, "status", "Select a status from the list");
	if ((f->type = fl->type = query_value(r, "type")) != NULL &&
	    choice_find(f->types, f->ntypes, f->type) == -1)
		form_error(errs, "type", "Select a type of behaviour from the list");
	if ((f->risk = fl->risk = query_value(r, "risk")) != NULL &&
	    choice_find(risk_labels, risk_labels_n, f->risk) == -1)
		form_error(errs, "risk", "Select a risk level from the list");
	flag_choices(flags);
	if ((f->flag = fl->flag = query_value(r, "flag")) != NULL &&
	    choice_find(flags, FLAGS, f->flag) == -1)
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
	struct choice flags[FLAGS];

	flag_choices(flags);
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
	        status_labels_n, f->status) == -1 ||
	    options_dict(d, "TYPE_OPTION", f->types, f->ntypes, f->type) == -1 ||
	    options_dict(d, "RISK_OPTION", risk_labels, risk_labels_n,
	        f->risk) == -1 ||
	    options_dict(d, "FLAG_OPTION", flags, FLAGS, f->flag) == -1 ||
	    options_dict(d, "AREA_OPTION", f->areas, f->nareas, f->area) == -1 ||
	    options_dict(d, "SORT_OPTION", sort_choices, NCHOICES(sort_choices),
	        f->sort != NULL ? f->sort : "newest") == -1 ? -1 : 0;
}

/* One row of the results: the incident, its risk and its flags, and
 * whether its place is still to confirm. */
static int
hit_dict(struct view_dict *row, const struct incident_hit *h)
{
	if (incident_fields(row, &h->in) == -1 ||
	    view_set(row, "RISK", *h->risk != '\0' ?
	        risk_label(h->risk) :
	        "Not assessed") == -1 ||
	    (h->in.location_to_confirm && view_show(row, "TO_CONFIRM") == -1))
		return -1;
	return incident_flags_dict(row, h->in.flags);
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
