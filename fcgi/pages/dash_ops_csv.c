/* GET /dashboards/operational.csv?table=NAME&area=&team=&type=&week=: one
 * table of the operational dashboard, with the same filters, as RFC 4180
 * CSV (core/csv.h). Numbers unrounded where the page rounds them: hours to
 * two decimals, shares as the counts they come from. 400 for a table or
 * filter the page does not offer. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/dash_csv.h"
#include "pages/dash_ops_page.h"
#include "pages/layout.h"
#include "pages/pages.h"

/* An hours figure, or "" when nothing was measured. */
static const char *
hours(struct req *r, int n, double v)
{
	return n == 0 ? "" : dash_csv_made(r, arena_printf(r->arena, "%.2f", v));
}

static void
clocks_csv(struct req *r, struct buf *b, const struct dash_ops *o)
{
	static const char *const head[] = { "week_start", "allocations",
	    "triaged", "triage_median_hours", "triage_p90_hours", "triaged_within_target",
	    "actioned", "action_median_hours", "action_p90_hours", "actioned_within_target" };
	int i;

	dash_csv_row(b, head, sizeof(head) / sizeof(head[0]));
	for (i = DASH_WEEKS - 1; i >= 0; i--) {
		const struct dash_week *w = &o->weeks[i];
		const char *v[] = { dash_csv_made(r, dash_week_iso(r, w->monday)), dash_csv_num(r, w->allocations),
		    dash_csv_num(r, w->triage.n), hours(r, w->triage.n, w->triage.median),
		    hours(r, w->triage.n, w->triage.p90), dash_csv_num(r, w->triage.within),
		    dash_csv_num(r, w->action.n), hours(r, w->action.n, w->action.median),
		    hours(r, w->action.n, w->action.p90), dash_csv_num(r, w->action.within) };

		dash_csv_row(b, v, sizeof(v) / sizeof(v[0]));
	}
}

static void
overdue_csv(struct req *r, struct buf *b, const struct dash_overdue *v, size_t n,
    int teams)
{
	static const char *const team_head[] = { "team", "agency", "overdue_actions",
	    "mean_days_overdue", "max_days_overdue" };
	static const char *const agency_head[] = { "agency", "overdue_actions",
	    "mean_days_overdue", "max_days_overdue" };
	size_t i;

	if (teams)
		dash_csv_row(b, team_head, 5);
	else
		dash_csv_row(b, agency_head, 4);
	for (i = 0; i < n; i++) {
		const char *f[] = { v[i].name, v[i].agency, dash_csv_num(r, v[i].count),
		    dash_csv_made(r, arena_printf(r->arena, "%.1f", v[i].mean_days)), dash_csv_num(r, v[i].max_days) };

		if (teams)
			dash_csv_row(b, f, 5);
		else {
			f[1] = f[0];
			dash_csv_row(b, f + 1, 4);
		}
	}
}

static void
repeats_csv(struct req *r, struct buf *b, const struct dash_ops *o, enum dash_table t)
{
	static const char *const sq_head[] = { "easting", "northing", "repeat_incidents" };
	static const char *const area_head[] = { "area", "repeat_incidents" };
	static const char *const band_head[] = { "weekday", "time_band", "repeat_incidents" };
	size_t i;
	int d, k;

	if (t == DASH_T_REPEAT_SQUARES) {
		dash_csv_row(b, sq_head, 3);
		for (i = 0; i < o->nsquares; i++) {
			const char *v[] = { dash_csv_num(r, o->squares[i].easting),
			    dash_csv_num(r, o->squares[i].northing), dash_csv_num(r, o->squares[i].count) };

			dash_csv_row(b, v, 3);
		}
	} else if (t == DASH_T_REPEAT_AREAS) {
		dash_csv_row(b, area_head, 2);
		for (i = 0; i < o->nrep_areas; i++) {
			const char *v[] = { o->rep_areas[i].name, dash_csv_num(r, o->rep_areas[i].count) };

			dash_csv_row(b, v, 2);
		}
	} else {
		dash_csv_row(b, band_head, 3);
		for (d = 0; d < DASH_DAYS; d++)
			for (k = 0; k < DASH_BANDS; k++) {
				const char *v[] = { dash_day_names[d], dash_band_names[k],
				    dash_csv_num(r, o->bands[d][k]) };

				dash_csv_row(b, v, 3);
			}
	}
}

void
dash_ops_csv_get(struct req *r)
{
	struct dash_filter f;
	struct dash_ops *o;
	struct buf *b = r->resp.body;
	int t;

	if ((t = dash_csv_table(req_query(r, "table"), dash_table_names, DASH_TABLES)) == -1)
		return page_error(r, 400, "There is no such table. The tables are clocks, "
		    "overdue-teams, overdue-agencies, repeat-squares, repeat-areas and "
		    "repeat-bands: use a link on the dashboard.");
	if ((o = arena_calloc(r->arena, 1, sizeof(*o))) == NULL)
		return page_error(r, 500, NULL);
	if (dash_ops_of(r, &f, o) == -1)
		return;
	buf_reset(b);
	switch ((enum dash_table)t) {
	case DASH_T_CLOCKS:
		clocks_csv(r, b, o);
		break;
	case DASH_T_OVERDUE_TEAMS:
		overdue_csv(r, b, o->overdue_teams, o->noverdue_teams, 1);
		break;
	case DASH_T_OVERDUE_AGENCIES:
		overdue_csv(r, b, o->overdue_agencies, o->noverdue_agencies, 0);
		break;
	default:
		repeats_csv(r, b, o, (enum dash_table)t);
		break;
	}
	if (b->oom)
		return page_error(r, 500, NULL);
	if (resp_header(r, "Content-Disposition", arena_printf(r->arena,
	    "attachment; filename=\"operational-%s-%s.csv\"", dash_table_names[t],
	    dash_week_iso(r, f.week))) == -1)
		return page_error(r, 500, NULL);
	r->resp.status = 200;
	r->resp.content_type = "text/csv; charset=utf-8; header=present";
}
