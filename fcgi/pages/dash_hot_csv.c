/* GET /dashboards/hotspots.csv?table=NAME&period=&area=&team=&type=: one
 * table of the hotspot dashboard, with the same filters, as RFC 4180 CSV
 * (core/csv.h): the concentration of both periods, or every non-empty
 * cell with its Gi* z-score (unrounded where the page rounds). 400 for a
 * table or filter the page does not offer. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/dash_hot_page.h"
#include "pages/layout.h"
#include "pages/pages.h"

/* The table ?table= names, or -1. */
static int
table_parse(const char *s)
{
	int t;

	for (t = 0; s != NULL && t < HOT_TABLES; t++)
		if (strcmp(s, hot_table_names[t]) == 0)
			return t;
	return -1;
}

static void
row(struct buf *b, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		csv_put(b, v[i], i + 1 == n);
}

/* A field made in the arena; out of memory marks the body so that the
 * answer is a 500, not a short file. */
static const char *
made(struct req *r, const char *s)
{
	if (s == NULL) {
		r->resp.body->oom = 1;
		return "";
	}
	return s;
}

static const char *
num(struct req *r, long n)
{
	return made(r, arena_printf(r->arena, "%ld", n));
}

static const char *
real(struct req *r, const char *fmt, double v)
{
	return made(r, arena_printf(r->arena, fmt, v));
}

static void
concentration_csv(struct req *r, struct buf *b, const struct dash_hot *h)
{
	static const char *const head[] = { "period", "first_day", "last_day", "incidents",
	    "incidents_with_point", "cells", "top_cells", "top_cell_incidents",
	    "top_share_percent", "change_points" };
	const struct dash_concentration *c[2] = { &h->now, &h->before };
	int k;

	row(b, head, sizeof(head) / sizeof(head[0]));
	for (k = 0; k < 2; k++) {
		const char *v[] = { k == 0 ? "this" : "before", made(r, hot_day_iso(r, c[k]->from)),
		    made(r, hot_day_iso(r, c[k]->to - 1)), num(r, c[k]->incidents),
		    num(r, c[k]->placed), num(r, c[k]->cells), num(r, c[k]->top_cells),
		    num(r, c[k]->top_incidents),
		    c[k]->placed ? real(r, "%.6f", 100 * c[k]->share) : "",
		    k == 0 && h->now.placed && h->before.placed ?
		    real(r, "%.6f", 100 * (h->now.share - h->before.share)) : "" };

		row(b, v, sizeof(v) / sizeof(v[0]));
	}
}

static void
cells_csv(struct req *r, struct buf *b, const struct dash_hot *h)
{
	static const char *const head[] = { "cell_x", "cell_y", "easting", "northing",
	    "latitude", "longitude", "incidents", "incidents_with_neighbours", "z_score",
	    "band" };
	size_t i;

	row(b, head, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < h->ncells; i++) {
		const struct dash_cell *c = &h->cells[i];
		const char *v[] = { num(r, c->cx), num(r, c->cy), num(r, (long)c->cx * DASH_CELL),
		    num(r, (long)c->cy * DASH_CELL), real(r, "%.6f", c->lat),
		    real(r, "%.6f", c->lon), num(r, c->count), num(r, c->around),
		    c->has_z ? real(r, "%.9f", c->z) : "", hot_band_names[c->band] };

		row(b, v, sizeof(v) / sizeof(v[0]));
	}
}

void
dash_hot_csv_get(struct req *r)
{
	struct dash_filter f;
	struct dash_hot *h;
	struct buf *b = r->resp.body;
	int t;

	if ((t = table_parse(req_query(r, "table"))) == -1)
		return page_error(r, 400, "There is no such table. The tables are concentration "
		    "and cells: use a link on the dashboard.");
	if ((h = arena_calloc(r->arena, 1, sizeof(*h))) == NULL)
		return page_error(r, 500, NULL);
	if (dash_hot_of(r, &f, h) == -1)
		return;
	buf_reset(b);
	if (t == HOT_T_CONCENTRATION)
		concentration_csv(r, b, h);
	else
		cells_csv(r, b, h);
	if (b->oom)
		return page_error(r, 500, NULL);
	if (resp_header(r, "Content-Disposition", arena_printf(r->arena,
	    "attachment; filename=\"hotspots-%s-%s.csv\"", hot_table_names[t],
	    hot_period_iso(r, f.p_year, f.p_month, f.p_months))) == -1)
		return page_error(r, 500, NULL);
	r->resp.status = 200;
	r->resp.content_type = "text/csv; charset=utf-8; header=present";
}
