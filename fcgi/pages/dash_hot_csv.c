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
#include "pages/dash_csv.h"
#include "pages/dash_hot_page.h"
#include "pages/layout.h"
#include "pages/pages.h"

static void
concentration_csv(struct req *r, struct buf *b, const struct dash_hot *h)
{
	static const char *const head[] = { "period", "first_day", "last_day", "incidents",
	    "incidents_with_point", "cells", "top_cells", "top_cell_incidents",
	    "top_share_percent", "change_points" };
	const struct dash_concentration *c[2] = { &h->now, &h->before };
	int k;

	dash_csv_row(b, head, sizeof(head) / sizeof(head[0]));
	for (k = 0; k < 2; k++) {
		const char *v[] = { k == 0 ? "this" : "before", dash_csv_made(r, hot_day_iso(r, c[k]->from)),
		    dash_csv_made(r, hot_day_iso(r, c[k]->to - 1)), dash_csv_num(r, c[k]->incidents),
		    dash_csv_num(r, c[k]->placed), dash_csv_num(r, c[k]->cells), dash_csv_num(r, c[k]->top_cells),
		    dash_csv_num(r, c[k]->top_incidents),
		    c[k]->placed ? dash_csv_real(r, "%.6f", 100 * c[k]->share) : "",
		    k == 0 && h->now.placed && h->before.placed ?
		    dash_csv_real(r, "%.6f", 100 * (h->now.share - h->before.share)) : "" };

		dash_csv_row(b, v, sizeof(v) / sizeof(v[0]));
	}
}

static void
cells_csv(struct req *r, struct buf *b, const struct dash_hot *h)
{
	static const char *const head[] = { "cell_x", "cell_y", "easting", "northing",
	    "latitude", "longitude", "incidents", "incidents_with_neighbours", "z_score",
	    "band" };
	size_t i;

	dash_csv_row(b, head, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < h->ncells; i++) {
		const struct dash_cell *c = &h->cells[i];
		const char *v[] = { dash_csv_num(r, c->cx), dash_csv_num(r, c->cy), dash_csv_num(r, (long)c->cx * DASH_CELL),
		    dash_csv_num(r, (long)c->cy * DASH_CELL), dash_csv_real(r, "%.6f", c->lat),
		    dash_csv_real(r, "%.6f", c->lon), dash_csv_num(r, c->count), dash_csv_num(r, c->around),
		    c->has_z ? dash_csv_real(r, "%.9f", c->z) : "", hot_band_names[c->band] };

		dash_csv_row(b, v, sizeof(v) / sizeof(v[0]));
	}
}

void
dash_hot_csv_get(struct req *r)
{
	struct dash_filter f;
	struct dash_hot *h;
	struct buf *b = r->resp.body;
	int t;

	if ((t = dash_csv_table(req_query(r, "table"), hot_table_names, HOT_TABLES)) == -1)
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
