/* A monitored case's Patterns tab (GET /staff/cases/{ref}/patterns): its
 * incidents by time band as an SVG heat map drawn here from a template
 * (views/case_patterns_svg.tpl) with the same counts as a table, its
 * incidents' points on a map (views/static/map.js; the table of them is
 * the page without JavaScript), and the subjects seen together. The
 * counting is the domain's (domain/case_pattern.c). */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/case_pattern.h"
#include "http/request.h"
#include "pages/case_page.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The heat map's geometry, in SVG user units. */
#define HEAT_LEFT	88	/* the day names */
#define HEAT_TOP	20	/* the hours */
#define HEAT_CELL	22
#define HEAT_PITCH	24
#define HEAT_LEGEND	16	/* between the grid and the legend */

static const char *const day_names[PATTERN_DAYS] = { "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday" };

/* Each shade's fill and the ink of a count on it: GOV.UK's light grey,
 * then blues to its dark blue; white ink on the two darkest (contrast
 * 5:1 and more). */
static const char *const shade_fill[PATTERN_SHADES] = { "#f3f2f1", "#c5dcf0", "#7fb0dd",
    "#1d70b8", "#003078" };
static const char *const shade_ink[PATTERN_SHADES] = { "#0b0c0c", "#0b0c0c", "#0b0c0c",
    "#ffffff", "#ffffff" };

static const char *
incidents_words(struct req *r, int n)
{
	return arena_printf(r->arena, "%d incident%s", n, n == 1 ? "" : "s");
}

/* The heat map: a cell a band, its count written in it, and the legend. */
static int
heat_dict(struct req *r, struct view_dict *d, const struct pattern_bands *b)
{
	struct view_dict *svg = view_include(d, "HEATMAP", "case_patterns_svg.tpl"), *s, *c;
	int day, hour, shade, lo, hi, x, legend_y = HEAT_TOP + PATTERN_DAYS * HEAT_PITCH +
	    HEAT_LEGEND;

	if (svg == NULL || view_set_int(svg, "WIDTH", HEAT_LEFT + PATTERN_HOURS * HEAT_PITCH) == -1 ||
	    view_set_int(svg, "HEIGHT", legend_y + HEAT_CELL + 4) == -1 ||
	    view_set(svg, "DESC", arena_printf(r->arena, "A grid of the %s of this case: a "
	    "row for each day of the week from Monday, a column for each hour of the day "
	    "from midnight, London time, each square darker the more incidents began in "
	    "that hour. The busiest hour had %s. The same counts are in the table after "
	    "the picture.", incidents_words(r, b->total), incidents_words(r, b->max))) == -1)
		return -1;
	for (hour = 0; hour < PATTERN_HOURS; hour += 3)
		if ((s = view_section(svg, "HOUR_LABEL")) == NULL ||
		    view_set_int(s, "X", HEAT_LEFT + hour * HEAT_PITCH + HEAT_CELL / 2) == -1 ||
		    view_set_int(s, "Y", HEAT_TOP - 6) == -1 ||
		    view_set(s, "TEXT", arena_printf(r->arena, "%02d:00", hour)) == -1)
			return -1;
	for (day = 0; day < PATTERN_DAYS; day++) {
		if ((s = view_section(svg, "DAY")) == NULL ||
		    view_set(s, "NAME", day_names[day]) == -1 ||
		    view_set_int(s, "Y", HEAT_TOP + day * HEAT_PITCH + HEAT_CELL / 2 + 4) == -1)
			return -1;
		for (hour = 0; hour < PATTERN_HOURS; hour++) {
			int n = b->count[day][hour];

			shade = pattern_shade(b, n);
			if ((c = view_section(s, "CELL")) == NULL ||
			    view_set_int(c, "X", HEAT_LEFT + hour * HEAT_PITCH) == -1 ||
			    view_set_int(c, "Y", HEAT_TOP + day * HEAT_PITCH) == -1 ||
			    view_set_int(c, "TX", HEAT_LEFT + hour * HEAT_PITCH + HEAT_CELL / 2) == -1 ||
			    view_set_int(c, "TY", HEAT_TOP + day * HEAT_PITCH + HEAT_CELL / 2 + 4) == -1 ||
			    view_set(c, "DAY", day_names[day]) == -1 ||
			    view_set_int(c, "HOUR", hour) == -1 ||
			    view_set_int(c, "COUNT", n) == -1 ||
			    view_set_int(c, "SHADE", shade) == -1 ||
			    view_set(c, "FILL", shade_fill[shade]) == -1 ||
			    view_set(c, "INK", shade_ink[shade]) == -1 ||
			    view_set(c, "LABEL", arena_printf(r->arena, "%s %02d:00 to %02d:00: %s",
			    day_names[day], hour, (hour + 1) % 24, incidents_words(r, n))) == -1)
				return -1;
			if (n > 0 && view_show(c, "SOME") == -1)
				return -1;
		}
	}
	/* The legend: "None", then each shade that some count has. */
	if ((s = view_section(svg, "LEGEND")) == NULL || view_set_int(s, "X", HEAT_LEFT) == -1 ||
	    view_set_int(s, "Y", legend_y) == -1 || view_set(s, "FILL", shade_fill[0]) == -1 ||
	    view_set_int(s, "TX", HEAT_LEFT + HEAT_PITCH + 2) == -1 ||
	    view_set_int(s, "TY", legend_y + HEAT_CELL / 2 + 4) == -1 ||
	    view_set(s, "TEXT", "None") == -1)
		return -1;
	for (x = HEAT_LEFT + 3 * HEAT_PITCH, shade = 1; shade < PATTERN_SHADES; shade++) {
		if (pattern_shade_range(b, shade, &lo, &hi) == -1)
			continue;
		if ((s = view_section(svg, "LEGEND")) == NULL || view_set_int(s, "X", x) == -1 ||
		    view_set_int(s, "Y", legend_y) == -1 ||
		    view_set(s, "FILL", shade_fill[shade]) == -1 ||
		    view_set_int(s, "SHADE", shade) == -1 ||
		    view_set_int(s, "TX", x + HEAT_PITCH + 2) == -1 ||
		    view_set_int(s, "TY", legend_y + HEAT_CELL / 2 + 4) == -1 ||
		    view_set(s, "TEXT", lo == hi ? arena_printf(r->arena, "%d", lo) :
		    arena_printf(r->arena, "%d to %d", lo, hi)) == -1)
			return -1;
		x += 4 * HEAT_PITCH;
	}
	return 0;
}

/* The same counts as a table: a row a day, a column an hour, totals. */
static int
table_dict(struct req *r, struct view_dict *d, const struct pattern_bands *b)
{
	struct view_dict *s, *c;
	int day, hour;

	for (hour = 0; hour < PATTERN_HOURS; hour++)
		if ((s = view_section(d, "HOUR")) == NULL ||
		    view_set(s, "LABEL", arena_printf(r->arena, "%02d", hour)) == -1 ||
		    view_set(s, "WORDS", arena_printf(r->arena, "%02d:00 to %02d:59", hour,
		    hour)) == -1 || (c = view_section(d, "HOUR_TOTAL")) == NULL ||
		    view_set_int(c, "HOUR", hour) == -1 ||
		    view_set_int(c, "TOTAL", b->hour_total[hour]) == -1)
			return -1;
	for (day = 0; day < PATTERN_DAYS; day++) {
		if ((s = view_section(d, "DAY")) == NULL ||
		    view_set(s, "NAME", day_names[day]) == -1 ||
		    view_set_int(s, "TOTAL", b->day_total[day]) == -1)
			return -1;
		for (hour = 0; hour < PATTERN_HOURS; hour++)
			if ((c = view_section(s, "CELL")) == NULL ||
			    view_set_int(c, "HOUR", hour) == -1 ||
			    view_set_int(c, "COUNT", b->count[day][hour]) == -1)
				return -1;
	}
	return view_set_int(d, "TOTAL", b->total);
}

/* The map (with a tile server) and the table of points and places. */
static int
map_dict_case(struct req *r, struct view_dict *d, const struct case_patterns *p)
{
	const struct config *cfg = r->cfg;
	struct view_dict *s, *at;
	size_t i, with_point = 0;

	for (i = 0; i < p->npoints; i++) {
		const struct pattern_point *pt = &p->points[i];

		if ((s = view_section(d, "POINT")) == NULL ||
		    view_set(s, "REFERENCE", pt->reference) == -1 ||
		    view_set(s, "TYPE", pt->type) == -1 ||
		    view_set(s, "WHEN", pt->when) == -1 ||
		    view_set(s, "ADDRESS", *pt->address != '\0' ? pt->address :
		    "No address given") == -1)
			return -1;
		if (pt->when_reported && view_show(s, "REPORTED") == -1)
			return -1;
		if (*pt->lat == '\0') {
			if (view_show(s, "NO_POINT") == -1)
				return -1;
			continue;
		}
		with_point++;
		if ((at = view_section(s, "AT")) == NULL || view_set(at, "LAT", pt->lat) == -1 ||
		    view_set(at, "LON", pt->lon) == -1)
			return -1;
	}
	for (i = 0; i < p->nplaces; i++) {
		const struct pattern_place *pl = &p->places[i];
		const char *where = *pl->address != '\0' && *pl->postcode != '\0' ?
		    arena_printf(r->arena, "%s, %s", pl->address, pl->postcode) :
		    *pl->address != '\0' ? pl->address : pl->postcode;

		if ((s = view_section(d, "PLACE")) == NULL ||
		    view_set(s, "LABEL", pl->label) == -1 ||
		    view_set(s, "ADDRESS", *where != '\0' ? where : "No address given") == -1)
			return -1;
		if (*pl->lat == '\0') {
			if (view_show(s, "NO_POINT") == -1)
				return -1;
			continue;
		}
		with_point++;
		if ((at = view_section(s, "AT")) == NULL || view_set(at, "LAT", pl->lat) == -1 ||
		    view_set(at, "LON", pl->lon) == -1 ||
		    view_set_int(at, "RADIUS", pl->radius_m) == -1)
			return -1;
	}
	if (p->npoints > 0 && view_show(d, "POINTS") == -1)
		return -1;
	if (p->nplaces > 0 && view_show(d, "PLACES") == -1)
		return -1;
	if (with_point == 0 || cfg == NULL || cfg->map_tile_url[0] == '\0')
		return 0;
	if ((s = view_section(d, "MAP")) == NULL ||
	    view_set(s, "MAP_TILES", cfg->map_tile_url) == -1 ||
	    view_set(s, "MAP_ATTRIBUTION", cfg->map_attribution) == -1 ||
	    view_set_int(s, "MAP_ZOOM", cfg->map_zoom > 16 ? cfg->map_zoom : 16) == -1)
		return -1;
	return 0;
}

/* The points ordered by incident id, for the references of the subjects'
 * incidents. */
static int
point_id_cmp(const void *a, const void *b)
{
	long long x = (*(const struct pattern_point *const *)a)->id;
	long long y = (*(const struct pattern_point *const *)b)->id;

	return x < y ? -1 : x > y;
}

static const char *
reference_of(const struct pattern_point **by_id, size_t n, long long id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (by_id[mid]->id == id)
			return by_id[mid]->reference;
		if (by_id[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* One table (PAIRS or GROUPS) of subjects together. */
static int
together_dict(struct view_dict *d, const char *name,
    const struct case_patterns *p, const struct pattern_point **by_id,
    const struct pattern_together *t, size_t n)
{
	struct view_dict *tab, *row, *s;
	const char *ref;
	size_t i, j;

	if (n == 0)
		return 0;
	if ((tab = view_section(d, name)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if ((row = view_section(tab, "ROW")) == NULL ||
		    view_set_int(row, "COUNT", (long)t[i].nincidents) == -1)
			return -1;
		for (j = 0; j < t[i].nsubjects; j++)
			if ((s = view_section(row, "WHO")) == NULL ||
			    view_set(s, "NAME", case_pattern_name(p, t[i].subjects[j])) == -1)
				return -1;
		for (j = 0; j < t[i].nincidents; j++) {
			/* An incident beyond the ones read is not linked. */
			if ((ref = reference_of(by_id, p->npoints, t[i].incidents[j])) == NULL)
				continue;
			if ((s = view_section(row, "INCIDENT")) == NULL ||
			    view_set(s, "REFERENCE", ref) == -1)
				return -1;
		}
	}
	return 0;
}

static int
company_dict(struct req *r, struct view_dict *d, const struct case_patterns *p)
{
	const struct pattern_point **by_id = NULL;
	struct view_dict *s;
	size_t i;

	if (p->company.npairs == 0)
		return view_show(d, p->nsubjects < 2 ? "FEW_SUBJECTS" : "NO_TOGETHER");
	if ((by_id = arena_alloc(r->arena, p->npoints * sizeof(*by_id))) == NULL)
		return -1;
	for (i = 0; i < p->npoints; i++)
		by_id[i] = &p->points[i];
	qsort(by_id, p->npoints, sizeof(*by_id), point_id_cmp);
	if (together_dict(d, "PAIRS", p, by_id, p->company.pairs, p->company.npairs) == -1 ||
	    together_dict(d, "GROUPS", p, by_id, p->company.groups, p->company.ngroups) == -1)
		return -1;
	if (p->company.truncated && ((s = view_section(d, "TRUNCATED")) == NULL ||
	    view_set_int(s, "LIMIT", PATTERN_GROUPS_MAX) == -1))
		return -1;
	return 0;
}

/* GET /staff/cases/{ref}/patterns: 404 when the case is not the actor's
 * to see, 503 when the database failed. */
void
case_patterns_get(struct req *r)
{
	struct case_head h;
	struct case_patterns *p;
	struct view_dict *d, *s;
	size_t i, reported = 0;

	if (case_page_load(r, &h) != 0)
		return;
	if ((p = arena_calloc(r->arena, 1, sizeof(*p))) == NULL)
		return page_error(r, 500, NULL);
	if (case_pattern_load(r->pg, r->arena, &r->actor, h.id, p) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || case_page_head(r, d, &h, CASE_TAB_PATTERNS) == -1)
		goto fail;
	if (p->more && view_set_int(d, "MORE", PATTERN_INCIDENTS_MAX) == -1)
		goto fail;
	if (p->npoints == 0) {
		if (view_show(d, "NO_INCIDENTS") == -1)
			goto fail;
	} else {
		for (i = 0; i < p->npoints; i++)
			reported += (size_t)p->points[i].when_reported;
		if ((s = view_section(d, "BANDS")) == NULL ||
		    view_set(s, "TOTAL_TEXT", incidents_words(r, p->bands.total)) == -1 ||
		    heat_dict(r, s, &p->bands) == -1 || table_dict(r, s, &p->bands) == -1)
			goto fail;
		if (reported > 0 && view_set(s, "REPORTED", arena_printf(r->arena, "%zu of "
		    "them %s no time it happened, so %s counted at the time %s reported.",
		    reported, reported == 1 ? "has" : "have", reported == 1 ? "it is" :
		    "they are", reported == 1 ? "it was" : "they were")) == -1)
			goto fail;
	}
	if (map_dict_case(r, d, p) == -1 || company_dict(r, d, p) == -1)
		goto fail;
	page_render(r, 200, "case_patterns.tpl", arena_printf(r->arena, "Patterns: case %s",
	    h.reference), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}
