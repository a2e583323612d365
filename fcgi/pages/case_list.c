/* The lists of cases: /staff/cases, filtered by status, lead (me),
 * lead agency and the red risk flag, 50 a page; and the lead officer's
 * queue /staff/cases/mine: their open cases with the due and overdue work
 * on each, then the case work for them or their team, overdue first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case_core.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static const struct choice status_choices[] = {
	{ "", "Any" }, { "open", "Open" }, { "closed", "Closed" },
};

static const char *
query(struct req *r, const char *name)
{
	const char *v = req_query(r, name);

	return v != NULL ? v : "";
}

/* The red risk tag and the case's words in one row. */
static int
case_row(struct view_dict *row, const struct case_table *t, int i, int ref, int title,
    int risk, int red)
{
	return view_set(row, "REF", case_cell(t, i, ref)) == -1 ||
	    view_set(row, "TITLE", case_cell(t, i, title)) == -1 ||
	    view_set(row, "RISK", risk_label(case_cell(t, i, risk))) == -1 ||
	    (case_cell(t, i, red)[0] == 't' && view_show(row, "RED") == -1) ? -1 : 0;
}

/* GET /staff/cases?status=&lead=me&agency=&red=1&page= */
void
case_list_get(struct req *r)
{
	struct form_errors errs = {0};
	struct case_filter f = {0};
	struct case_table rows, agencies;
	struct view_dict *d, *s;
	const char *agency = query(r, "agency"), *link;
	long long total;
	long pg;
	int i;

	f.status = query(r, "status");
	if (choice_find(status_choices, NCHOICES(status_choices), f.status) == -1) {
		form_error(&errs, "status", "Select a status from the list");
		f.status = "";
	}
	f.mine = strcmp(query(r, "lead"), "me") == 0;
	f.red = strcmp(query(r, "red"), "1") == 0;
	f.agency_id = strtoll(agency, NULL, 10);
	if (f.agency_id < 0)
		f.agency_id = 0;
	pg = strtol(query(r, "page"), NULL, 10);
	f.page = pg >= 1 && pg <= 10000 ? (int)pg : 1;
	if (case_list(r->pg, r->arena, &r->actor, &f, &rows, &total, &agencies) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || form_errors_dict(d, &errs) == -1 ||
	    options_dict(d, "STATUS_OPTION", status_choices, NCHOICES(status_choices),
	        f.status) == -1 ||
	    (f.mine && view_show(d, "MINE_CHECKED") == -1) ||
	    (f.red && view_show(d, "RED_CHECKED") == -1) ||
	    view_set_int(d, "TOTAL", (long)total) == -1)
		goto fail;
	for (i = 0; i < agencies.rows; i++)
		if ((s = view_section(d, "AGENCY_OPTION")) == NULL ||
		    view_set(s, "VALUE", case_cell(&agencies, i, 0)) == -1 ||
		    view_set(s, "LABEL", case_cell(&agencies, i, 1)) == -1 ||
		    (strcmp(agency, case_cell(&agencies, i, 0)) == 0 &&
		    view_show(s, "SELECTED") == -1))
			goto fail;
	for (i = 0; i < rows.rows; i++)
		if ((s = view_section(d, "CASE")) == NULL ||
		    case_row(s, &rows, i, 0, 1, 5, 7) == -1 ||
		    view_set(s, "STATUS", strcmp(case_cell(&rows, i, 2), "open") == 0 ? "Open" :
		        "Closed") == -1 ||
		    view_set(s, "AGENCY", case_cell(&rows, i, 3)) == -1 ||
		    view_set(s, "LEAD", case_cell(&rows, i, 4)) == -1 ||
		    view_set(s, "OPENED", case_cell(&rows, i, 6)) == -1)
			goto fail;
	if (rows.rows == 0 && view_show(d, "NONE") == -1)
		goto fail;
	link = arena_printf(r->arena, "/staff/cases?status=%s&lead=%s&agency=%lld&red=%s",
	    f.status, f.mine ? "me" : "", f.agency_id, f.red ? "1" : "");
	if (f.page > 1 && view_set(view_section(d, "PREV"), "HREF",
	    arena_printf(r->arena, "%s&page=%d", link, f.page - 1)) == -1)
		goto fail;
	if ((long long)f.page * CASE_LIST_PAGE < total && view_set(view_section(d, "NEXT"),
	    "HREF", arena_printf(r->arena, "%s&page=%d", link, f.page + 1)) == -1)
		goto fail;
	page_render(r, errs.n > 0 ? 400 : 200, "case_list.tpl", "Monitored cases", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/cases/mine */
void
case_mine_get(struct req *r)
{
	struct case_table cases, work;
	struct view_dict *d, *s;
	int i;

	if (case_mine(r->pg, r->arena, &r->actor, &cases, &work) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	for (i = 0; i < cases.rows; i++)
		if ((s = view_section(d, "CASE")) == NULL ||
		    case_row(s, &cases, i, 0, 1, 2, 3) == -1 ||
		    view_set(s, "DUE", case_cell(&cases, i, 4)) == -1 ||
		    view_set(s, "OVERDUE", case_cell(&cases, i, 5)) == -1 ||
		    (strcmp(case_cell(&cases, i, 5), "0") != 0 && view_show(s, "LATE") == -1))
			goto fail;
	for (i = 0; i < work.rows; i++)
		if ((s = view_section(d, "WORK")) == NULL ||
		    view_set(s, "LABEL", case_cell(&work, i, 1)) == -1 ||
		    view_set(s, "DUE", *case_cell(&work, i, 2) != '\0' ? case_cell(&work, i, 2) :
		        "No due time") == -1 ||
		    view_set(s, "PATH", case_cell(&work, i, 3)) == -1 ||
		    view_set(s, "KIND", case_cell(&work, i, 0)) == -1 ||
		    (case_cell(&work, i, 4)[0] == 't' && view_show(s, "OVERDUE") == -1))
			goto fail;
	if (cases.rows == 0 && view_show(d, "NO_CASES") == -1)
		goto fail;
	if (work.rows == 0 && view_show(d, "NO_WORK") == -1)
		goto fail;
	page_render(r, 200, "case_mine.tpl", "My cases", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}
