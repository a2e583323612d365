/* The hotspot dashboard, GET /dashboards/hotspots (staff with
 * reporting.view): for a month or a quarter and the one before it, how
 * concentrated incidents are in 250 m cells (the share in the top 10% of
 * cells), and the cells that are hotspots by Getis-Ord Gi*, as a table
 * of the hottest and an SVG grid map (pages/hot_grid.c), each table with
 * a CSV (pages/dash_hot_csv.c). The figures are domain/dash_hot.c's. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/london.h"
#include "http/request.h"
#include "pages/dash_hot_page.h"
#include "pages/dash_ops_page.h"
#include "pages/hot_grid.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define PERIOD_MONTHS_SHOWN	24	/* months offered, the last first */
#define PERIOD_QUARTERS_SHOWN	8

const char *const hot_table_names[HOT_TABLES] = {
	[HOT_T_CONCENTRATION] = "concentration",
	[HOT_T_CELLS] = "cells",
};

const char *const hot_band_names[3] = {
	[DASH_BAND_NONE] = "Not significant",
	[DASH_BAND_95] = "95%",
	[DASH_BAND_99] = "99%",
};

static const char *const month_names[12] = { "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December" };

const char *
hot_period_iso(struct req *r, int year, int month, int months)
{
	if (months == 3)
		return arena_printf(r->arena, "%04d-Q%d", year, (month - 1) / 3 + 1);
	return arena_printf(r->arena, "%04d-%02d", year, month);
}

/* "November 2026", "October to December 2026". */
const char *
hot_period_words(struct req *r, int year, int month, int months)
{
	if (months == 3)
		return arena_printf(r->arena, "%s to %s %d", month_names[month - 1],
		    month_names[month + 1], year);
	return arena_printf(r->arena, "%s %d", month_names[month - 1], year);
}

const char *
hot_day_iso(struct req *r, long day)
{
	struct date d;

	day_from_number(day, &d);
	return arena_printf(r->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

int
dash_hot_of(struct req *r, struct dash_filter *f, struct dash_hot *h)
{
	enum dash_refusal why;
	struct date today;
	int rc;

	if (london_date(time(NULL), &today) == -1) {
		page_error(r, 500, NULL);
		return -1;
	}
	why = dash_filter_parse(req_query(r, "area"), req_query(r, "team"),
	    req_query(r, "type"), NULL, day_number(&today), f);
	if (why == DASH_OK)
		why = dash_period_parse(req_query(r, "period"), day_number(&today), f);
	if (why == DASH_OK) {
		rc = dash_hot_load(r->pg, r->arena, &r->actor, f, h);
		if (rc == -1) {
			page_error(r, 503, NULL);
			return -1;
		}
		why = (enum dash_refusal)rc;
	}
	if (why != DASH_OK) {
		page_error(r, 400, dash_refusal_words(why));
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The filters' form                                                   */

static int
period_option(struct req *r, struct view_dict *d, int year, int month, int months,
    const char *chosen)
{
	const char *v = hot_period_iso(r, year, month, months);
	const char *label = months == 3 ? arena_printf(r->arena, "%s (quarter %d)",
	    hot_period_words(r, year, month, months), (month - 1) / 3 + 1) :
	    hot_period_words(r, year, month, months);
	struct view_dict *s;

	if (v == NULL || label == NULL || (s = view_section(d, "PERIOD_OPTION")) == NULL ||
	    view_set(s, "VALUE", v) == -1 || view_set(s, "LABEL", label) == -1 ||
	    (strcmp(v, chosen) == 0 && view_show(s, "SELECTED") == -1))
		return -1;
	return 0;
}

/* The last months and quarters that have ended, and the chosen period
 * first if it is older. */
static int
periods_dict(struct req *r, struct view_dict *d, const struct dash_filter *f,
    const char *chosen)
{
	struct dash_filter p;
	struct date today;
	int k, y, m, shown = 0;
	long now;

	if (london_date(time(NULL), &today) == -1)
		return -1;
	now = day_number(&today);
	for (k = 1; k <= PERIOD_MONTHS_SHOWN; k++) {
		y = today.year;
		m = today.month - k;
		while (m < 1) {
			m += 12;
			y--;
		}
		if (period_option(r, d, y, m, 1, chosen) == -1)
			return -1;
		shown |= f->p_months == 1 && y == f->p_year && m == f->p_month;
	}
	for (k = 0, y = today.year, m = ((today.month - 1) / 3) * 3 + 1;
	    k < PERIOD_QUARTERS_SHOWN; ) {
		dash_period_of(y, m, 3, &p);
		if (p.to <= now) {
			if (period_option(r, d, y, m, 3, chosen) == -1)
				return -1;
			shown |= f->p_months == 3 && y == f->p_year && m == f->p_month;
			k++;
		}
		if ((m -= 3) < 1) {
			m += 12;
			y--;
		}
	}
	if (!shown && period_option(r, d, f->p_year, f->p_month, f->p_months, chosen) == -1)
		return -1;
	return 0;
}

/* The filters as the form and every CSV link carry them. */
static int
filters_dict(struct req *r, struct view_dict *d, const struct dash_filter *f,
    const struct dash_hot *h)
{
	const char *period = hot_period_iso(r, f->p_year, f->p_month, f->p_months);

	if (period == NULL || view_set_global(d, "F_PERIOD", period) == -1 ||
	    dash_place_filters_dict(r, d, f, &h->ch) == -1)
		return -1;
	return periods_dict(r, d, f, period);
}

/* ------------------------------------------------------------------ */
/* The figures                                                         */

static const char *
share_text(struct req *r, const struct dash_concentration *c)
{
	return c->placed == 0 ? "none" : arena_printf(r->arena, "%.1f%%", 100 * c->share);
}

static int
concentration_row(struct req *r, struct view_dict *d, const char *key, const char *words,
    const struct dash_concentration *c)
{
	struct view_dict *s = view_section(d, "CONC_ROW");

	return s == NULL || view_set(s, "KEY", key) == -1 ||
	    view_set(s, "PERIOD", words) == -1 ||
	    view_set_int(s, "INCIDENTS", c->incidents) == -1 ||
	    view_set_int(s, "PLACED", c->placed) == -1 ||
	    view_set_int(s, "CELLS", c->cells) == -1 ||
	    view_set_int(s, "TOP_CELLS", c->top_cells) == -1 ||
	    view_set_int(s, "TOP_INCIDENTS", c->top_incidents) == -1 ||
	    view_set(s, "SHARE", share_text(r, c)) == -1 ? -1 : 0;
}

static int
concentration_dict(struct req *r, struct view_dict *d, const struct dash_filter *f,
    const struct dash_hot *h)
{
	const char *change, *trend;
	double pp = 100 * (h->now.share - h->before.share);
	int py = f->p_year, pm = f->p_month - f->p_months;

	if (pm < 1) {
		pm += 12;
		py--;
	}
	if (h->now.placed == 0 || h->before.placed == 0) {
		change = "none";
		trend = "There is nothing to compare: one of the periods has no incident with a "
		    "point.";
	} else {
		change = arena_printf(r->arena, "%+.1f", pp);
		trend = pp > 0.05 ? "Harm is concentrating: a larger share of incidents is in "
		    "the busiest cells than in the period before." : pp < -0.05 ? "Harm is "
		    "dispersing: a smaller share of incidents is in the busiest cells than in "
		    "the period before." : "The share in the busiest cells is as it was in the "
		    "period before.";
	}
	return concentration_row(r, d, "now", hot_period_words(r, f->p_year, f->p_month,
	    f->p_months), &h->now) == -1 ||
	    concentration_row(r, d, "before", hot_period_words(r, py, pm, f->p_months),
	    &h->before) == -1 ||
	    change == NULL || view_set(d, "CHANGE", change) == -1 ||
	    view_set(d, "TREND", trend) == -1 ? -1 : 0;
}

static int
cells_dict(struct req *r, struct view_dict *d, const struct dash_hot *h)
{
	struct view_dict *s;
	size_t i;

	for (i = 0; i < h->ncells && i < DASH_HOT_TOP; i++) {
		const struct dash_cell *c = &h->cells[i];

		if ((s = view_section(d, "CELL_ROW")) == NULL ||
		    view_set(s, "CELL", arena_printf(r->arena, "%d,%d", c->cx, c->cy)) == -1 ||
		    view_set_int(s, "EASTING", c->cx * DASH_CELL) == -1 ||
		    view_set_int(s, "NORTHING", c->cy * DASH_CELL) == -1 ||
		    view_set(s, "LAT", arena_printf(r->arena, "%.5f", c->lat)) == -1 ||
		    view_set(s, "LON", arena_printf(r->arena, "%.5f", c->lon)) == -1 ||
		    view_set_int(s, "COUNT", c->count) == -1 ||
		    view_set(s, "Z", c->has_z ? arena_printf(r->arena, "%.2f", c->z) :
		    "none") == -1 ||
		    view_set(s, "BAND", hot_band_names[c->band]) == -1)
			return -1;
	}
	if (h->ncells == 0 && view_show(d, "CELL_ROW_NONE") == -1)
		return -1;
	return view_set_int(d, "NCELLS", (long)h->ncells) == -1 ||
	    view_set_int(d, "HOT95", h->hot95) == -1 ||
	    view_set_int(d, "HOT99", h->hot99) == -1 ||
	    view_set_int(d, "STUDY_N", h->n) == -1 ? -1 : 0;
}

/* GET /dashboards/hotspots[?period=&area=&team=&type=]: 400 for a filter
 * the form does not offer. */
void
dash_hot_get(struct req *r)
{
	struct dash_filter f;
	struct dash_hot *h = arena_calloc(r->arena, 1, sizeof(*h));
	struct view_dict *d;

	if (h == NULL)
		return page_error(r, 500, NULL);
	if (dash_hot_of(r, &f, h) == -1)
		return;
	if ((d = page_dict(r)) == NULL ||
	    view_set(d, "PERIOD_WORDS", hot_period_words(r, f.p_year, f.p_month,
	    f.p_months)) == -1 ||
	    filters_dict(r, d, &f, h) == -1 || concentration_dict(r, d, &f, h) == -1 ||
	    cells_dict(r, d, h) == -1 || hot_grid_dict(r->arena, d, "HOT_GRID", h) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "dash_hot.tpl", "Hotspot dashboard", d);
}
