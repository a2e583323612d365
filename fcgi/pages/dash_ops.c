/* The weekly operational dashboard, GET /dashboards/operational (staff
 * with reporting.view): the clocks from report to triage and from triage
 * to first action by week, the actions overdue now by team and agency,
 * and the repeat incidents by 100 m square, area and time band, each as
 * an SVG bar chart (pages/chart.c) with a table of the same numbers and
 * a CSV of the table (pages/dash_ops_csv.c). The figures are
 * domain/dash_ops.c's, from the reporting views. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/london.h"
#include "http/request.h"
#include "pages/chart.h"
#include "pages/dash_ops_page.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define CHART_BARS_MAX	10	/* bars of a ranked chart; its table has all */

const char *const dash_table_names[DASH_TABLES] = {
	[DASH_T_CLOCKS] = "clocks",
	[DASH_T_OVERDUE_TEAMS] = "overdue-teams",
	[DASH_T_OVERDUE_AGENCIES] = "overdue-agencies",
	[DASH_T_REPEAT_SQUARES] = "repeat-squares",
	[DASH_T_REPEAT_AREAS] = "repeat-areas",
	[DASH_T_REPEAT_BANDS] = "repeat-bands",
};

const char *const dash_day_names[DASH_DAYS] = { "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday" };

const char *const dash_band_names[DASH_BANDS] = { "00:00 to 06:00", "06:00 to 12:00",
    "12:00 to 18:00", "18:00 to 24:00" };

static const char *const month_names[12] = { "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December" };

const char *
dash_week_words(struct req *r, long monday)
{
	struct date d;

	day_from_number(monday, &d);
	return arena_printf(r->arena, "Monday %d %s %d", d.day, month_names[d.month - 1],
	    d.year);
}

const char *
dash_week_iso(struct req *r, long monday)
{
	struct date d;

	day_from_number(monday, &d);
	return arena_printf(r->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* "Sunday 30 November 2026": the week's last day. */
static const char *
sunday_words(struct req *r, long sunday)
{
	struct date d;

	day_from_number(sunday, &d);
	return arena_printf(r->arena, "Sunday %d %s %d", d.day, month_names[d.month - 1],
	    d.year);
}

/* "Week of 8 Dec 2026": a week on a chart. */
static const char *
week_short(struct req *r, long monday)
{
	struct date d;

	day_from_number(monday, &d);
	return arena_printf(r->arena, "Week of %d %.3s %d", d.day, month_names[d.month - 1],
	    d.year);
}

const char *
dash_share(struct req *r, int within, int n)
{
	if (n == 0)
		return "none measured";
	return arena_printf(r->arena, "%.0f%%", 100.0 * within / n);
}

int
dash_ops_of(struct req *r, struct dash_filter *f, struct dash_ops *o)
{
	enum dash_refusal why;
	struct date today;
	int rc;

	if (london_date(time(NULL), &today) == -1) {
		page_error(r, 500, NULL);
		return -1;
	}
	why = dash_filter_parse(req_query(r, "area"), req_query(r, "team"),
	    req_query(r, "type"), req_query(r, "week"), day_number(&today), f);
	if (why == DASH_OK) {
		rc = dash_ops_load(r->pg, r->arena, r->cfg, &r->actor, f, o);
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

int
dash_options_dict(struct view_dict *d, const char *section, const struct dash_option *opt,
    size_t n, const char *chosen)
{
	struct view_dict *s;
	size_t i;

	for (i = 0; i < n; i++)
		if ((s = view_section(d, section)) == NULL ||
		    view_set(s, "VALUE", opt[i].value) == -1 ||
		    view_set(s, "LABEL", opt[i].label) == -1 ||
		    (strcmp(opt[i].value, chosen) == 0 && view_show(s, "SELECTED") == -1))
			return -1;
	return 0;
}

int
dash_place_filters_dict(struct req *r, struct view_dict *d, const struct dash_filter *f,
    const struct dash_choices *ch)
{
	const char *area = f->beat_id ? arena_printf(r->arena, "beat:%lld", f->beat_id) :
	    f->la_area_id ? arena_printf(r->arena, "la_area:%lld", f->la_area_id) : "";
	const char *team = f->team_id ? arena_printf(r->arena, "%lld", f->team_id) : "";
	const char *type = f->type_id ? arena_printf(r->arena, "%lld", f->type_id) : "";

	return area == NULL || team == NULL || type == NULL ||
	    view_set_global(d, "F_AREA", area) == -1 ||
	    view_set_global(d, "F_TEAM", team) == -1 ||
	    view_set_global(d, "F_TYPE", type) == -1 ||
	    dash_options_dict(d, "AREA_OPTION", ch->areas, ch->nareas, area) == -1 ||
	    dash_options_dict(d, "TEAM_OPTION", ch->teams, ch->nteams, team) == -1 ||
	    dash_options_dict(d, "TYPE_OPTION", ch->types, ch->ntypes, type) == -1 ? -1 : 0;
}

/* The filters as the form and every CSV link carry them. */
static int
filters_dict(struct req *r, struct view_dict *d, const struct dash_filter *f,
    const struct dash_ops *o)
{
	const char *week = dash_week_iso(r, f->week);
	struct date today;
	struct view_dict *s;
	long last, w;
	int shown = 0;

	if (week == NULL || view_set_global(d, "F_WEEK", week) == -1 ||
	    dash_place_filters_dict(r, d, f, &o->ch) == -1)
		return -1;
	/* The last 52 weeks that have ended, and the chosen one if older. */
	if (london_date(time(NULL), &today) == -1)
		return -1;
	last = dash_last_week(day_number(&today));
	for (w = last; w > last - 52 * 7; w -= 7) {
		if ((s = view_section(d, "WEEK_OPTION")) == NULL ||
		    view_set(s, "VALUE", dash_week_iso(r, w)) == -1 ||
		    view_set(s, "LABEL", dash_week_words(r, w)) == -1 ||
		    (w == f->week && view_show(s, "SELECTED") == -1))
			return -1;
		shown |= w == f->week;
	}
	if (!shown && ((s = view_section(d, "WEEK_OPTION")) == NULL ||
	    view_set(s, "VALUE", week) == -1 ||
	    view_set(s, "LABEL", dash_week_words(r, f->week)) == -1 ||
	    view_show(s, "SELECTED") == -1))
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The figures                                                         */

static const char *
hours_text(struct req *r, const struct dash_clock *c, double v)
{
	return c->n == 0 ? "none" : arena_printf(r->arena, "%.1f", v);
}

/* A chart of one clock's weekly medians. */
static int
clock_chart(struct req *r, struct view_dict *d, const char *name, const char *id,
    const char *title, const struct dash_ops *o, int action)
{
	struct chart_bar *bars = arena_calloc(r->arena, DASH_WEEKS, sizeof(*bars));
	struct chart c = { id, title, "Median hours", 0, bars, DASH_WEEKS };
	int i;

	if (bars == NULL)
		return -1;
	for (i = 0; i < DASH_WEEKS; i++) {
		const struct dash_clock *k = action ? &o->weeks[i].action : &o->weeks[i].triage;

		bars[i].label = week_short(r, o->weeks[i].monday);
		bars[i].value = k->n > 0 ? k->median : 0;
		bars[i].value_text = hours_text(r, k, k->median);
		if (bars[i].label == NULL || bars[i].value_text == NULL)
			return -1;
	}
	return chart_dict(r->arena, d, name, &c);
}

static int
clock_cells(struct req *r, struct view_dict *row, const char *section,
    const struct dash_clock *c)
{
	struct view_dict *s = view_section(row, section);

	return s == NULL || view_set_int(s, "N", c->n) == -1 ||
	    view_set(s, "MEDIAN", hours_text(r, c, c->median)) == -1 ||
	    view_set(s, "P90", hours_text(r, c, c->p90)) == -1 ||
	    view_set(s, "WITHIN", dash_share(r, c->within, c->n)) == -1 ? -1 : 0;
}

static int
clocks_dict(struct req *r, struct view_dict *d, const struct dash_ops *o)
{
	const struct config *cfg = r->cfg;
	struct view_dict *s;
	int i;

	if (clock_chart(r, d, "TRIAGE_CHART", "chart-triage",
	    "Report to triage: median hours, by week", o, 0) == -1 ||
	    clock_chart(r, d, "ACTION_CHART", "chart-action",
	    "Triage to first action: median hours, by week", o, 1) == -1 ||
	    view_set(d, "TARGETS", arena_printf(r->arena, "The targets, in hours from the "
	    "report: triage within %d (high risk), %d (medium) or %d (standard and not yet "
	    "assessed); first action within %d, %d or %d.", cfg->triage_hours_high,
	    cfg->triage_hours_medium, cfg->triage_hours_standard, cfg->action_hours_high,
	    cfg->action_hours_medium, cfg->action_hours_standard)) == -1)
		return -1;
	for (i = DASH_WEEKS - 1; i >= 0; i--) {
		const struct dash_week *w = &o->weeks[i];

		if ((s = view_section(d, "CLOCK_ROW")) == NULL ||
		    view_set(s, "WEEK", dash_week_iso(r, w->monday)) == -1 ||
		    view_set(s, "WEEK_WORDS", dash_week_words(r, w->monday)) == -1 ||
		    view_set_int(s, "ALLOCATIONS", w->allocations) == -1 ||
		    clock_cells(r, s, "TRIAGE", &w->triage) == -1 ||
		    clock_cells(r, s, "ACTION", &w->action) == -1)
			return -1;
	}
	return 0;
}

/* The bars of a ranked list: its first CHART_BARS_MAX. */
static struct chart_bar *
ranked_bars(struct req *r, size_t n, size_t *nbars)
{
	*nbars = n > CHART_BARS_MAX ? CHART_BARS_MAX : n;
	return arena_calloc(r->arena, *nbars + 1, sizeof(struct chart_bar));
}

static int
overdue_dict(struct req *r, struct view_dict *d, const char *chart_name,
    const char *id, const char *title, const char *rows, const char *none,
    const struct dash_overdue *v, size_t n)
{
	struct chart c = { id, title, "Actions overdue", 1, NULL, 0 };
	struct chart_bar *bars = ranked_bars(r, n, &c.nbars);
	struct view_dict *s;
	size_t i;

	if (bars == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const char *label = *v[i].agency != '\0' ? arena_printf(r->arena, "%s (%s)",
		    v[i].name, v[i].agency) : v[i].name;

		if (i < c.nbars) {
			bars[i].label = label;
			bars[i].value = v[i].count;
			bars[i].value_text = arena_printf(r->arena, "%d", v[i].count);
		}
		if (label == NULL || (s = view_section(d, rows)) == NULL ||
		    view_set(s, "NAME", v[i].name) == -1 ||
		    view_set(s, "AGENCY", v[i].agency) == -1 ||
		    view_set_int(s, "COUNT", v[i].count) == -1 ||
		    view_set(s, "MEAN", arena_printf(r->arena, "%.1f", v[i].mean_days)) == -1 ||
		    view_set_int(s, "MAX", v[i].max_days) == -1)
			return -1;
	}
	c.bars = bars;
	if (n == 0 && view_show(d, none) == -1)
		return -1;
	return chart_dict(r->arena, d, chart_name, &c);
}

static int
squares_dict(struct req *r, struct view_dict *d, const struct dash_ops *o)
{
	struct chart c = { "chart-squares", "Repeat incidents by 100 metre square",
	    "Repeat incidents", 1, NULL, 0 };
	struct chart_bar *bars = ranked_bars(r, o->nsquares, &c.nbars);
	struct view_dict *s;
	size_t i;

	if (bars == NULL)
		return -1;
	for (i = 0; i < o->nsquares; i++) {
		const struct dash_square *q = &o->squares[i];
		const char *label = arena_printf(r->arena, "Square E %d, N %d", q->easting,
		    q->northing);

		if (i < c.nbars) {
			bars[i].label = label;
			bars[i].value = q->count;
			bars[i].value_text = arena_printf(r->arena, "%d", q->count);
		}
		if ((s = view_section(d, "SQUARE_ROW")) == NULL ||
		    view_set_int(s, "EASTING", q->easting) == -1 ||
		    view_set_int(s, "NORTHING", q->northing) == -1 ||
		    view_set_int(s, "COUNT", q->count) == -1)
			return -1;
	}
	c.bars = bars;
	if (o->nsquares == 0 && view_show(d, "SQUARE_ROW_NONE") == -1)
		return -1;
	if (o->repeats_unplaced > 0 && view_set_int(d, "UNPLACED", o->repeats_unplaced) == -1)
		return -1;
	return chart_dict(r->arena, d, "SQUARES_CHART", &c);
}

static int
areas_dict(struct req *r, struct view_dict *d, const struct dash_ops *o)
{
	struct chart c = { "chart-areas", "Repeat incidents by area", "Repeat incidents", 1,
	    NULL, 0 };
	struct chart_bar *bars = ranked_bars(r, o->nrep_areas, &c.nbars);
	struct view_dict *s;
	size_t i;

	if (bars == NULL)
		return -1;
	for (i = 0; i < o->nrep_areas; i++) {
		if (i < c.nbars) {
			bars[i].label = o->rep_areas[i].name;
			bars[i].value = o->rep_areas[i].count;
			bars[i].value_text = arena_printf(r->arena, "%d", o->rep_areas[i].count);
		}
		if ((s = view_section(d, "AREA_ROW")) == NULL ||
		    view_set(s, "NAME", o->rep_areas[i].name) == -1 ||
		    view_set_int(s, "COUNT", o->rep_areas[i].count) == -1)
			return -1;
	}
	c.bars = bars;
	if (o->nrep_areas == 0 && view_show(d, "AREA_ROW_NONE") == -1)
		return -1;
	return chart_dict(r->arena, d, "AREAS_CHART", &c);
}

static int
bands_dict(struct req *r, struct view_dict *d, const struct dash_ops *o)
{
	struct chart_bar bars[DASH_BANDS];
	struct chart c = { "chart-bands", "Repeat incidents by time of day reported",
	    "Repeat incidents", 1, bars, DASH_BANDS };
	int total[DASH_BANDS] = {0}, day, b, sum;
	struct view_dict *s, *cell;

	for (day = 0; day < DASH_DAYS; day++) {
		if ((s = view_section(d, "BAND_ROW")) == NULL ||
		    view_set(s, "DAY", dash_day_names[day]) == -1)
			return -1;
		for (sum = 0, b = 0; b < DASH_BANDS; b++) {
			total[b] += o->bands[day][b];
			sum += o->bands[day][b];
			if ((cell = view_section(s, "CELL")) == NULL ||
			    view_set(cell, "BAND", dash_band_names[b]) == -1 ||
			    view_set_int(cell, "COUNT", o->bands[day][b]) == -1)
				return -1;
		}
		if (view_set_int(s, "TOTAL", sum) == -1)
			return -1;
	}
	for (b = 0; b < DASH_BANDS; b++) {
		bars[b].label = dash_band_names[b];
		bars[b].value = total[b];
		bars[b].value_text = arena_printf(r->arena, "%d", total[b]);
		if ((s = view_section(d, "BAND_HEAD")) == NULL ||
		    view_set(s, "BAND", dash_band_names[b]) == -1 ||
		    (s = view_section(d, "BAND_TOTAL")) == NULL ||
		    view_set(s, "BAND", dash_band_names[b]) == -1 ||
		    view_set_int(s, "COUNT", total[b]) == -1)
			return -1;
	}
	return view_set_int(d, "REPEATS", o->repeats) == -1 ? -1 :
	    chart_dict(r->arena, d, "BANDS_CHART", &c);
}

/* GET /dashboards/operational[?area=&team=&type=&week=]: 400 for a
 * filter the form does not offer. */
void
dash_ops_get(struct req *r)
{
	struct dash_filter f;
	struct dash_ops *o = arena_calloc(r->arena, 1, sizeof(*o));
	struct view_dict *d;

	if (o == NULL)
		return page_error(r, 500, NULL);
	if (dash_ops_of(r, &f, o) == -1)
		return;
	if ((d = page_dict(r)) == NULL ||
	    view_set(d, "WEEK_WORDS", dash_week_words(r, f.week)) == -1 ||
	    view_set(d, "FIRST_WEEK_WORDS", dash_week_words(r, f.week - 49)) == -1 ||
	    view_set(d, "SUNDAY", sunday_words(r, f.week + 6)) == -1 ||
	    filters_dict(r, d, &f, o) == -1 || clocks_dict(r, d, o) == -1 ||
	    view_set_int(d, "OVERDUE_TOTAL", o->overdue_total) == -1 ||
	    overdue_dict(r, d, "OVERDUE_TEAMS_CHART", "chart-overdue-teams",
	    "Actions overdue now, by team", "OVERDUE_TEAM", "OVERDUE_TEAM_NONE", o->overdue_teams,
	    o->noverdue_teams) == -1 ||
	    overdue_dict(r, d, "OVERDUE_AGENCIES_CHART", "chart-overdue-agencies",
	    "Actions overdue now, by agency", "OVERDUE_AGENCY", "OVERDUE_AGENCY_NONE",
	    o->overdue_agencies,
	    o->noverdue_agencies) == -1 ||
	    squares_dict(r, d, o) == -1 || areas_dict(r, d, o) == -1 ||
	    bands_dict(r, d, o) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "dash_ops.tpl", "Weekly operational dashboard", d);
}
