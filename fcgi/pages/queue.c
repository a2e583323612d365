/* The team queues (README "Allocation and queues"): the queues a member
 * of staff may work with their counts (/staff/queues), a team's open items
 * filtered and sorted by a GET form (/staff/queues/{team}, the team's code
 * in the user's own agency), their *my work* by due time
 * (/staff/queues/mine) and, for supervisors, their people's workload
 * (/staff/queues/workload). Acting on an item is pages/queue_item.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/arena.h"
#include "domain/case_core.h"
#include "domain/flags.h"
#include "domain/queue.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/queue_page.h"
#include "view/view.h"

#define QUEUE_PAGE_SIZE	50

/* Indexed by enum queue_clock_filter, _assigned_filter and _sort. */
static const struct choice clock_choices[] = {
	{ "", "Any" }, { "due", "Due, not overdue" }, { "overdue", "Overdue" },
	{ "triaged", "Triaged" }, { "untriaged", "Not triaged" },
};
static const struct choice assigned_choices[] = {
	{ "", "Anyone or nobody" }, { "me", "Me" }, { "nobody", "Nobody" },
};
static const struct choice sort_choices[] = {
	{ "due", "Due time, overdue first" }, { "risk", "Highest risk first" },
	{ "age", "Oldest first" },
};

/* ---- /staff/queues ---- */

/* The "Case work" line (case_work: for the user or their team), for
 * those who work cases. */
static int
case_work_dict(struct req *r, struct view_dict *d)
{
	struct view_dict *s;
	long open, overdue;

	if (!perm_has(r->actor.perms, PERM_CASE_MANAGE))
		return 0;
	if (case_work_counts(r->pg, &r->actor, &open, &overdue) == -1)
		return -1;
	return (s = view_section(d, "CASE_WORK")) == NULL ||
	    view_set_int(s, "OPEN", open) == -1 || view_set_int(s, "OVERDUE", overdue) == -1 ?
	    -1 : 0;
}

/* GET /staff/queues: *my work*, the user's own team's queue and, for a
 * supervisor, every team of their agency, with their counts. */
void
queues_get(struct req *r)
{
	struct queue_team *q;
	struct view_dict *d, *row;
	size_t n, i;

	if (queue_teams(r->pg, r->arena, r->cfg, &r->actor, &q, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	for (i = 0; i < n; i++)
		if ((row = view_section(d, "QUEUE")) == NULL ||
		    view_set(row, "HREF", q[i].id == 0 ? "mine" : q[i].code) == -1 ||
		    view_set(row, "NAME", q[i].id == 0 ? "My work" : q[i].name) == -1 ||
		    view_set_int(row, "OPEN", q[i].open) == -1 ||
		    view_set_int(row, "UNTRIAGED", q[i].untriaged) == -1 ||
		    view_set_int(row, "OVERDUE", q[i].overdue) == -1 ||
		    (q[i].own && view_show(row, "OWN") == -1) ||
		    (q[i].id == 0 && view_show(row, "MINE") == -1))
			goto fail;
	if (n < 2 && view_show(d, "NO_TEAM") == -1)
		goto fail;
	if (case_work_dict(r, d) == -1)
		goto fail;
	if (perm_has(r->actor.perms, PERM_INCIDENT_REALLOCATE) &&
	    view_show(d, "WORKLOAD") == -1)
		goto fail;
	page_render(r, 200, "queues.tpl", "Queues", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* ---- a queue's items ---- */

/* ?name=, "" when absent. */
static const char *
query_value(struct req *r, const char *name)
{
	const char *v = req_query(r, name);

	return v != NULL ? v : "";
}

/* The queue's filters as typed (for the form and the page links) and as
 * checked; an unknown value is an error, not ignored. */
struct queue_form {
	const char		*risk, *flag, *clock, *assigned, *sort;
	int			 page;
	struct queue_filter	 filter;
};

/* The index of v among the choices ("" is the first), or an error on field. */
static int
choice_of(const struct choice *c, size_t n, const char *v, struct form_errors *errs,
    const char *field, const char *message)
{
	int i = *v == '\0' ? 0 : choice_find(c, n, v);

	if (i == -1)
		form_error(errs, field, message);
	return i > 0 ? i : 0;
}

/* Reads and checks ?risk=&flag=&clock=&assigned=&sort=&page=. */
static void
queue_form_read(struct req *r, struct queue_form *f, struct form_errors *errs)
{
	struct choice flags[FLAGS];
	struct queue_filter *fl = &f->filter;
	const char *page = query_value(r, "page");
	long pg;

	f->risk = query_value(r, "risk");
	f->flag = query_value(r, "flag");
	f->clock = query_value(r, "clock");
	f->assigned = query_value(r, "assigned");
	f->sort = query_value(r, "sort");
	if (*f->risk != '\0' && choice_find(risk_labels, risk_labels_n, f->risk) == -1)
		form_error(errs, "risk", "Select a risk level from the list");
	fl->risk = *f->risk != '\0' ? f->risk : NULL;
	flag_choices(flags);
	fl->flag = *f->flag != '\0' ? choice_find(flags, FLAGS, f->flag) : -1;
	if (*f->flag != '\0' && fl->flag == -1)
		form_error(errs, "flag", "Select a flag from the list");
	fl->clock = (enum queue_clock_filter)choice_of(clock_choices,
	    NCHOICES(clock_choices), f->clock, errs, "clock", "Select a clock state from the list");
	fl->assigned = (enum queue_assigned_filter)choice_of(assigned_choices,
	    NCHOICES(assigned_choices), f->assigned, errs, "assigned",
	    "Select who it is assigned to from the list");
	fl->sort = (enum queue_sort)choice_of(sort_choices, NCHOICES(sort_choices),
	    f->sort, errs, "sort", "Select an order from the list");
	pg = strtol(page, NULL, 10);
	f->page = pg >= 1 && pg <= 10000 ? (int)pg : 1;
}

/* The filters as typed, for the pages' links. */
static int
queue_form_values(struct view_dict *d, const struct queue_form *f)
{
	return view_set(d, "F_RISK", f->risk) == -1 ||
	    view_set(d, "F_FLAG", f->flag) == -1 ||
	    view_set(d, "F_CLOCK", f->clock) == -1 ||
	    view_set(d, "F_ASSIGNED", f->assigned) == -1 ||
	    view_set(d, "F_SORT", f->sort) == -1 ? -1 : 0;
}

/* The filter form (a team's queue only), as typed. */
static int
queue_form_dict(struct view_dict *d, const struct queue_form *f)
{
	struct choice flags[FLAGS];

	flag_choices(flags);
	return d == NULL || options_dict(d, "RISK_OPTION", risk_labels, risk_labels_n, f->risk) == -1 ||
	    options_dict(d, "FLAG_OPTION", flags, FLAGS, f->flag) == -1 ||
	    options_dict(d, "CLOCK_OPTION", clock_choices + 1, NCHOICES(clock_choices) - 1,
	        f->clock) == -1 ||
	    options_dict(d, "ASSIGNED_OPTION", assigned_choices + 1,
	        NCHOICES(assigned_choices) - 1, f->assigned) == -1 ||
	    options_dict(d, "SORT_OPTION", sort_choices, NCHOICES(sort_choices),
	        *f->sort != '\0' ? f->sort : "due") == -1 ? -1 : 0;
}

/* One item of a queue, with the claim button when it is not the user's. */
static int
item_dict(struct req *r, struct view_dict *d, const struct queue_item *it, int mine)
{
	struct view_dict *row, *s;
	int me = it->assigned_to == r->actor.user_id;

	if ((row = view_section(d, "ROW")) == NULL ||
	    incident_fields(row, &it->in) == -1 ||
	    view_set_int(row, "ID", (long)it->allocation_id) == -1 ||
	    view_set(row, "WHERE", *it->where != '\0' ? it->where :
	        it->location_to_confirm ? "" : "No location") == -1 ||
	    view_set(row, "RISK", *it->risk != '\0' ? risk_label(it->risk) :
	        "Not assessed") == -1 ||
	    view_set(row, "AGE", queue_age_words(r->arena, it->age)) == -1 ||
	    view_set(row, "REASON", it->reason) == -1 ||
	    view_set(row, "ASSIGNED", me ? "You" : *it->assigned != '\0' ? it->assigned :
	        "Nobody") == -1 ||
	    view_set(row, "TRIAGE", queue_triage_words(it->triage)) == -1 ||
	    incident_flags_dict(row, it->in.flags) == -1 ||
	    queue_clock_dict(r->arena, row, it->triage, it->acted, it->triage_due,
	        it->triage_late, it->action_due, it->action_late) == -1 ||
	    (it->location_to_confirm && view_show(row, "TO_CONFIRM") == -1) ||
	    (mine && view_set(view_section(row, "IN_TEAM"), "NAME", it->team_name) == -1))
		return -1;
	if (me || !perm_has(r->actor.perms, PERM_INCIDENT_UPDATE))
		return 0;
	return (s = view_section(row, "CLAIM")) == NULL ||
	    view_set_int(s, "ASSIGNED_ID", (long)it->assigned_to) == -1 ||
	    view_set(s, "FROM", mine ? "mine" : "queue") == -1 ? -1 : 0;
}

/* Previous and next pages, when there are any. */
static int
pages_dict(struct arena *a, struct view_dict *d, int page, long long total)
{
	long long pages = (total + QUEUE_PAGE_SIZE - 1) / QUEUE_PAGE_SIZE;

	if (pages <= 1)
		return 0;
	if (view_set(d, "PAGE_OF", arena_printf(a, "Page %d of %lld", page, pages)) == -1 ||
	    (page > 1 && view_set_int(view_section(d, "PREV"), "PAGE", page - 1) == -1) ||
	    (page < pages && view_set_int(view_section(d, "NEXT"), "PAGE", page + 1) == -1))
		return -1;
	return 0;
}

/* How many items, in words. */
static const char *
found_words(struct arena *a, size_t n, int page, long long total)
{
	if (n == 0 && page > 1)
		return "No items on this page";
	return total == 1 ? "1 item" : arena_printf(a, "%lld items", total);
}

/* A queue's page: the team's (team set) or *my work*, its filters (a team's
 * only), its items and their pages. 400 with the form when a filter is
 * unknown (nothing is listed then). */
static void
items_page(struct req *r, const struct queue_team *team)
{
	struct queue_form f = {0};
	struct form_errors errs = {0};
	struct queue_item *items = NULL;
	struct view_dict *d;
	long long total = 0;
	size_t n = 0, i;

	queue_form_read(r, &f, &errs);
	if (team == NULL) {
		/* My work: by due time, whatever was asked. */
		memset(&f.filter, 0, sizeof(f.filter));
		f.filter.flag = -1;
		errs.n = 0;
	}
	if (errs.n == 0 && queue_items(r->pg, r->arena, r->cfg, &r->actor,
	    team != NULL ? team->id : 0, &f.filter, QUEUE_PAGE_SIZE,
	    (f.page - 1) * QUEUE_PAGE_SIZE, &items, &n, &total) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (view_set(d, "QUEUE_NAME", team != NULL ? team->name : "My work") == -1 ||
	    view_set(d, "QUEUE_PATH", team != NULL ? team->code : "mine") == -1 ||
	    /* A claim comes back to the queue as it was filtered. */
	    view_set(d, "BACK_QUERY", r->query_string != NULL ? r->query_string : "") == -1 ||
	    (team != NULL ? queue_form_dict(view_section(d, "TEAM"), &f) :
	    view_show(d, "MINE")) == -1 || queue_form_values(d, &f) == -1 ||
	    form_errors_dict(d, &errs) == -1)
		goto fail;
	if (errs.n == 0 && (view_set(d, "FOUND", found_words(r->arena, n, f.page,
	    total)) == -1 || view_show(d, n > 0 ? "RESULTS" : "NONE") == -1 ||
	    pages_dict(r->arena, d, f.page, total) == -1))
		goto fail;
	for (i = 0; i < n; i++)
		if (item_dict(r, d, &items[i], team == NULL) == -1)
			goto fail;
	page_render(r, errs.n > 0 ? 400 : 200, "queue.tpl", form_title(r, &errs,
	    team != NULL ? arena_printf(r->arena, "Queue: %s", team->name) : "My work"), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/queues/{team}?risk=&flag=&clock=&assigned=&sort=&page=: the
 * team of the user's agency with that code. 404 for any other. */
void
queue_team_get(struct req *r)
{
	struct queue_team t;
	const char *code = req_param(r, "team");

	switch (queue_team_find(r->pg, r->arena, &r->actor, code, &t)) {
	case 1:
		return items_page(r, &t);
	case 0:
		return page_error(r, 404, arena_printf(r->arena, "No team of %s has the "
		    "code \u201c%s\u201d. You can open the queues of your own agency's "
		    "teams only: see the queues you can work at /staff/queues.",
		    r->session->agency_name, code));
	default:
		return page_error(r, 503, NULL);
	}
}

/* GET /staff/queues/mine: what is assigned to the user, the next target
 * first (overdue at the top). */
void
queue_mine_get(struct req *r)
{
	items_page(r, NULL);
}

/* ---- /staff/queues/workload ---- */

/* GET /staff/queues/workload: for a supervisor, each person of their
 * agency's teams with their open, untriaged and overdue items and the
 * age of the oldest; then what nobody has. */
void
queue_workload_get(struct req *r)
{
	struct queue_load *l;
	struct view_dict *d, *row;
	size_t n, i;

	if (queue_workload(r->pg, r->arena, r->cfg, &r->actor, &l, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	for (i = 0; i < n; i++)
		if ((row = view_section(d, l[i].user_id != 0 ? "PERSON" : "NOBODY")) == NULL ||
		    view_set(row, "NAME", l[i].name) == -1 ||
		    view_set(row, "TEAM", *l[i].team != '\0' ? l[i].team : "No team") == -1 ||
		    view_set_int(row, "OPEN", l[i].open) == -1 ||
		    view_set_int(row, "UNTRIAGED", l[i].untriaged) == -1 ||
		    view_set_int(row, "OVERDUE", l[i].overdue) == -1 ||
		    view_set(row, "OLDEST", l[i].open > 0 ?
		        queue_age_words(r->arena, l[i].oldest) : "None") == -1)
			goto fail;
	page_render(r, 200, "queue_workload.tpl", "Your people's workload", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}
