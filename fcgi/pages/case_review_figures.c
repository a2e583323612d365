/* The ASB Case Review's annual figures, public: /case-review/figures (a
 * year's numbers per agency, each a link to the applications behind it)
 * and /case-review/figures.csv. Numbers, references, dates and outcomes:
 * nothing personal. Staff with case_review.manage get each reference as a
 * link to the application. The figures are domain/case_review_figures.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "domain/case_review_figures.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* "1 April 2025 to 31 March 2026" */
static const char *
year_words(struct req *r, int year)
{
	return arena_printf(r->arena, "1 April %d to 31 March %d", year, year + 1);
}

/* The year asked for and the figures of it; the page's answer (404 or
 * 503) already given when it returns -1. */
static int
figures_of(struct req *r, struct crf_year *y)
{
	const char *ys = req_query(r, "year");
	int want = 0;

	if (ys != NULL && *ys != '\0') {
		if (strlen(ys) != 4 || strspn(ys, "0123456789") != 4)
			goto none;
		want = atoi(ys);
	}
	if (case_review_figures_load(r->pg, r->arena, &r->actor, want, y) == -1) {
		page_error(r, 503, NULL);
		return -1;
	}
	if (crf_year_parse(ys, y->first_year, y->current_year, &want) == 0)
		return 0;
none:
	page_error(r, 404, "There are no ASB Case Review figures for that year. "
	    "Choose a year on the figures page.");
	return -1;
}

/* The choice of years, newest first. -1 when out of memory. */
static int
years_dict(struct req *r, struct view_dict *d, const struct crf_year *y)
{
	struct view_dict *o;
	int year;

	for (year = y->current_year; year >= y->first_year; year--)
		if ((o = view_section(d, "YEAR_OPTION")) == NULL ||
		    view_set_int(o, "VALUE", year) == -1 ||
		    view_set(o, "LABEL", arena_printf(r->arena, "%d to %d", year,
		    year + 1)) == -1 ||
		    (year == y->year && view_show(o, "SELECTED") == -1))
			return -1;
	return 0;
}

/* One number of the table: a link to its list, or 0. */
static int
cell_dict(struct view_dict *row, const char *section, int m, int count,
    long long agency_id)
{
	struct view_dict *c = view_section(row, section), *l;

	if (c == NULL || view_set(c, "CODE", crf_measure_code(m)) == -1)
		return -1;
	if (count == 0)
		return view_show(c, "ZERO");
	return (l = view_section(c, "LINK")) == NULL ||
	    view_set_int(l, "COUNT", count) == -1 ||
	    view_set(l, "LABEL", crf_measure_name(m)) == -1 ||
	    view_set_int(l, "AGENCY_ID", (long)agency_id) == -1 ? -1 : 0;
}

static int
table_dict(struct view_dict *d, const struct crf_year *y)
{
	struct view_dict *s;
	size_t i;
	int m;

	for (m = 0; m < CRF_MEASURES; m++)
		if ((s = view_section(d, "MEASURE_HEAD")) == NULL ||
		    view_set(s, "NAME", crf_measure_name(m)) == -1 ||
		    cell_dict(d, "TOTAL", m, y->total[m], 0) == -1)
			return -1;
	for (i = 0; i < y->nagencies; i++) {
		if ((s = view_section(d, "AGENCY")) == NULL ||
		    view_set_int(s, "ID", (long)y->agencies[i].id) == -1 ||
		    view_set(s, "NAME", y->agencies[i].name) == -1)
			return -1;
		for (m = 0; m < CRF_MEASURES; m++)
			if (cell_dict(s, "CELL", m, y->agencies[i].count[m],
			    y->agencies[i].id) == -1)
				return -1;
	}
	return 0;
}

/* The applications behind one number (?measure=, and ?agency= or all). */
static int
list_dict(struct req *r, struct view_dict *d, const struct crf_year *y,
    int m, long long agency_id)
{
	int staff = perm_has(r->actor.perms, PERM_CASE_REVIEW_MANAGE), n = 0;
	const char *of = "all agencies";
	struct view_dict *l, *rows = NULL, *a;
	const struct crf_application *app;
	size_t i, j;

	if ((l = view_section(d, "LIST")) == NULL)
		return -1;
	for (i = 0; i < y->nagencies; i++) {
		if (agency_id != 0 && y->agencies[i].id != agency_id)
			continue;
		if (agency_id != 0)
			of = y->agencies[i].name;
		for (j = 0; j < y->agencies[i].napps; j++) {
			app = &y->agencies[i].apps[j];
			if (!(app->measures & CRF_BIT(m)))
				continue;
			if ((rows == NULL && (rows = view_section(l, "ROWS")) == NULL) ||
			    (a = view_section(rows, "APP")) == NULL ||
			    view_set(a, "REFERENCE", app->reference) == -1 ||
			    view_set(a, "RECEIVED", app->received_on) == -1 ||
			    view_set(a, "AGENCY", y->agencies[i].name) == -1 ||
			    view_set(a, "OUTCOME", app->outcome) == -1 ||
			    view_show(a, staff ? "STAFF" : "PUBLIC") == -1)
				return -1;
			n++;
		}
	}
	if (view_set(l, "HEADING", arena_printf(r->arena, "%s: %s, %s",
	    crf_measure_name(m), of, year_words(r, y->year))) == -1)
		return -1;
	if (rows == NULL)
		return view_show(l, "NONE");
	return view_set_int(rows, "COUNT", n) == -1 ||
	    view_set(rows, "PLURAL", n == 1 ? "" : "s") == -1 ? -1 : 0;
}

/* The list asked for: 1 and the measure and agency, 0 none asked, -1 a
 * measure or agency that is not one of the page's. */
static int
list_asked(struct req *r, const struct crf_year *y, int *m, long long *agency_id)
{
	const char *ms = req_query(r, "measure"), *as = req_query(r, "agency");
	char *end;
	size_t i;

	*agency_id = 0;
	if ((ms == NULL || *ms == '\0') && (as == NULL || *as == '\0'))
		return 0;
	if ((*m = crf_measure_parse(ms)) == -1)
		return -1;
	if (as == NULL || *as == '\0')
		return 1;
	*agency_id = strtoll(as, &end, 10);
	for (i = 0; *end == '\0' && *agency_id > 0 && i < y->nagencies; i++)
		if (y->agencies[i].id == *agency_id)
			return 1;
	return -1;
}

/* GET /case-review/figures[?year=YYYY][&measure=...&agency=ID]: the
 * year's figures; with a measure, the applications behind it. 404 for a
 * year, measure or agency the page does not offer. */
void
case_review_figures_get(struct req *r)
{
	struct view_dict *d;
	struct crf_year y;
	long long agency_id;
	int m = 0, asked;

	if (figures_of(r, &y) == -1)
		return;
	if ((asked = list_asked(r, &y, &m, &agency_id)) == -1)
		return page_error(r, 404, "There is no such list of applications. "
		    "Choose a number on the figures page.");
	if ((d = page_dict(r)) == NULL ||
	    view_set_int(d, "YEAR", y.year) == -1 ||
	    view_set(d, "YEAR_WORDS", year_words(r, y.year)) == -1 ||
	    (y.year == y.current_year && view_show(d, "TO_DATE") == -1) ||
	    years_dict(r, d, &y) == -1 || table_dict(d, &y) == -1 ||
	    (asked && list_dict(r, d, &y, m, agency_id) == -1)) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "case_review_figures.tpl", "ASB Case Review figures", d);
}

/* GET /case-review/figures.csv[?year=YYYY]: the same numbers, one row an
 * agency and one for all of them, as RFC 4180 CSV. */
void
case_review_figures_csv_get(struct req *r)
{
	struct crf_year y;
	char n[16], year[16];
	size_t i;
	int m;

	if (figures_of(r, &y) == -1)
		return;
	snprintf(year, sizeof(year), "%d-%02d", y.year, (y.year + 1) % 100);
	buf_reset(r->resp.body);
	csv_put(r->resp.body, "year", 0);
	csv_put(r->resp.body, "agency", 0);
	for (m = 0; m < CRF_MEASURES; m++)
		csv_put(r->resp.body, crf_measure_name(m), m == CRF_MEASURES - 1);
	for (i = 0; i <= y.nagencies; i++) {
		csv_put(r->resp.body, year, 0);
		csv_put(r->resp.body, i < y.nagencies ? y.agencies[i].name : "All agencies", 0);
		for (m = 0; m < CRF_MEASURES; m++) {
			snprintf(n, sizeof(n), "%d", i < y.nagencies ?
			    y.agencies[i].count[m] : y.total[m]);
			csv_put(r->resp.body, n, m == CRF_MEASURES - 1);
		}
	}
	if (r->resp.body->oom)
		return page_error(r, 500, NULL);
	if (resp_header(r, "Content-Disposition", arena_printf(r->arena,
	    "attachment; filename=\"case-review-figures-%s.csv\"", year)) == -1)
		return page_error(r, 500, NULL);
	r->resp.status = 200;
	r->resp.content_type = "text/csv; charset=utf-8; header=present";
}
