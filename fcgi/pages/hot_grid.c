/* The hotspot dashboard's SVG grid map (pages/hot_grid.h): the geometry
 * here, the drawing in views/hot_grid.tpl. */
#include "core/arena.h"
#include "domain/dash_hot.h"
#include "pages/hot_grid.h"
#include "view/view.h"

/* Fills that meet WCAG 2.2's 3:1 for graphics against the white page
 * (the pale one is outlined in a dark grey that does), GOV.UK colours. */
static const char *const band_fill[] = {
	[DASH_BAND_NONE] = "#f3f2f1",
	[DASH_BAND_95] = "#f47738",
	[DASH_BAND_99] = "#d4351c",
};

static const char *const band_words[] = {
	[DASH_BAND_NONE] = "not a hotspot",
	[DASH_BAND_95] = "hotspot at 95% confidence",
	[DASH_BAND_99] = "hotspot at 99% confidence",
};

/* A cell's side in SVG units for a grid of cols x rows cells: as large
 * as HOT_GRID_CELL and the width allow, at least 2. */
int
hot_grid_side(int cols, int rows)
{
	int side = HOT_GRID_CELL;

	if (cols < 1)
		cols = 1;
	if (rows < 1)
		rows = 1;
	if (side * cols > HOT_GRID_WIDTH)
		side = HOT_GRID_WIDTH / cols;
	if (side * rows > HOT_GRID_WIDTH)
		side = HOT_GRID_WIDTH / rows;
	return side < 2 ? 2 : side;
}

static int
legend_dict(struct view_dict *d, int y)
{
	struct view_dict *s;
	int b;

	for (b = DASH_BAND_NONE; b <= DASH_BAND_99; b++)
		if ((s = view_section(d, "LEGEND")) == NULL ||
		    view_set_int(s, "X", 200 * b) == -1 ||
		    view_set_int(s, "Y", y) == -1 ||
		    view_set_int(s, "TX", 200 * b + 22) == -1 ||
		    view_set_int(s, "TY", y + 13) == -1 ||
		    view_set(s, "FILL", band_fill[b]) == -1 ||
		    view_set(s, "TEXT", band_words[b]) == -1)
			return -1;
	return 0;
}

/* The map as an include `name` of parent. 0, or -1 when out of memory. */
int
hot_grid_dict(struct arena *ar, struct view_dict *parent, const char *name,
    const struct dash_hot *h)
{
	struct view_dict *d = view_include(parent, name, "hot_grid.tpl"), *s;
	int cols = h->max_cx - h->min_cx + 1, rows = h->max_cy - h->min_cy + 1;
	int side = hot_grid_side(cols, rows), height;
	const char *desc;
	size_t i;

	if (h->ncells == 0)
		cols = rows = 1;
	height = HOT_GRID_TOP + side * rows + HOT_GRID_LEGEND;
	desc = arena_printf(ar, "A grid of the %zu cells of 250 metres with at least one "
	    "incident, north at the top, %d cells across and %d down: %d are hotspots at 95%% "
	    "confidence, %d of them at 99%%. The hottest cells are in the table after the "
	    "map.", h->ncells, cols, rows, h->hot95, h->hot99);
	if (d == NULL || desc == NULL ||
	    view_set(d, "DESC", desc) == -1 ||
	    view_set_int(d, "WIDTH", side * cols > 600 ? side * cols : 600) == -1 ||
	    view_set_int(d, "HEIGHT", height) == -1 ||
	    legend_dict(d, HOT_GRID_TOP + side * rows + 20) == -1)
		return -1;
	if (h->ncells == 0)
		return view_show(d, "EMPTY") == -1 ||
		    view_set_int(d, "EMPTY_Y", HOT_GRID_TOP + 16) == -1 ? -1 : 0;
	for (i = 0; i < h->ncells; i++) {
		const struct dash_cell *c = &h->cells[i];
		const char *title = arena_printf(ar, "Cell %d, %d: %d incidents, %s", c->cx,
		    c->cy, c->count, band_words[c->band]);

		if (title == NULL || (s = view_section(d, "CELL")) == NULL ||
		    view_set_int(s, "X", (c->cx - h->min_cx) * side) == -1 ||
		    view_set_int(s, "Y", HOT_GRID_TOP + (h->max_cy - c->cy) * side) == -1 ||
		    view_set_int(s, "SIDE", side) == -1 ||
		    view_set(s, "FILL", band_fill[c->band]) == -1 ||
		    view_set(s, "BAND", c->band == DASH_BAND_99 ? "99" :
		    c->band == DASH_BAND_95 ? "95" : "none") == -1 ||
		    view_set(s, "TITLE", title) == -1)
			return -1;
	}
	return 0;
}
