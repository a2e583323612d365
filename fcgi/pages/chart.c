/* Horizontal bar charts as SVG (pages/chart.h): the scale and geometry
 * here, the drawing in views/chart_bar.tpl. */
#include <math.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "pages/chart.h"
#include "view/view.h"

/* A round step (1, 2 or 5 times a power of ten) that cuts max into at
 * most 5 parts; whole numbers only when integer. An empty or zero chart
 * gets an axis from 0 to 1. */
void
chart_scale(double max, int integer, struct chart_scale *s)
{
	static const double nice[] = { 1, 2, 5, 10 };
	double raw, mag, step = 1;
	size_t i;

	if (!(max > 0) || !isfinite(max))
		max = 1;
	raw = max / 5;
	mag = pow(10, floor(log10(raw)));
	for (i = 0; i < sizeof(nice) / sizeof(nice[0]); i++) {
		step = nice[i] * mag;
		if (step >= raw)
			break;
	}
	if (integer && step < 1)
		step = 1;
	s->step = step;
	s->nsteps = (int)ceil(max / step - 1e-9);
	if (s->nsteps < 1)
		s->nsteps = 1;
	s->top = step * s->nsteps;
}

/* A bar's length in user units: value's share of the axis, at least 1
 * for a value above 0 so that it shows. */
int
chart_length(double value, const struct chart_scale *s)
{
	long n;

	if (!(value > 0) || !(s->top > 0))
		return 0;
	n = lround(value / s->top * CHART_PLOT);
	if (n < 1)
		n = 1;
	return n > CHART_PLOT ? CHART_PLOT : (int)n;
}

/* The label as drawn: at most CHART_LABEL_MAX characters (UTF-8), the
 * rest cut to an ellipsis. NULL when out of memory. */
const char *
chart_label(struct arena *ar, const char *label)
{
	size_t i, chars = 0;

	for (i = 0; label[i] != '\0'; i++) {
		if (((unsigned char)label[i] & 0xc0) == 0x80)
			continue;
		if (chars++ == CHART_LABEL_MAX - 1)
			return arena_printf(ar, "%.*s\xe2\x80\xa6", (int)i, label);
	}
	return label;
}

/* A tick's number: no decimals for whole numbers, else as few as show it. */
const char *
chart_number(struct arena *ar, double v)
{
	if (fabs(v - round(v)) < 1e-9)
		return arena_printf(ar, "%.0f", v);
	if (fabs(v * 10 - round(v * 10)) < 1e-9)
		return arena_printf(ar, "%.1f", v);
	return arena_printf(ar, "%.2f", v);
}

/* The chart's description: each bar in words. */
static const char *
chart_desc(struct arena *ar, const struct chart *c)
{
	struct buf b = {0};
	const char *out;
	size_t i;

	if (c->nbars == 0)
		return arena_printf(ar, "A bar chart with no bars: there is nothing "
		    "to show. The table after it says the same.");
	buf_printf(&b, "A bar chart of %zu bar%s, %s: ", c->nbars, c->nbars == 1 ? "" : "s",
	    c->axis);
	for (i = 0; i < c->nbars; i++)
		buf_printf(&b, "%s %s%s", c->bars[i].label, c->bars[i].value_text,
		    i + 1 < c->nbars ? "; " : ".");
	buf_puts(&b, " The same figures are in the table after the chart.");
	out = b.oom ? NULL : arena_strdup(ar, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The chart as an include `name` of parent (views/chart_bar.tpl). 0, or
 * -1 when out of memory. */
int
chart_dict(struct arena *ar, struct view_dict *parent, const char *name,
    const struct chart *c)
{
	struct view_dict *d = view_include(parent, name, "chart_bar.tpl"), *s;
	struct chart_scale sc;
	double max = 0;
	const char *desc, *label;
	int k, x, y, plot_h, len;
	size_t i;

	for (i = 0; i < c->nbars; i++)
		if (c->bars[i].value > max)
			max = c->bars[i].value;
	chart_scale(max, c->integer, &sc);
	plot_h = (int)(c->nbars > 0 ? c->nbars : 1) * CHART_PITCH;
	if (d == NULL || (desc = chart_desc(ar, c)) == NULL ||
	    view_set(d, "ID", c->id) == -1 || view_set(d, "TITLE", c->title) == -1 ||
	    view_set(d, "DESC", desc) == -1 || view_set(d, "AXIS", c->axis) == -1 ||
	    view_set_int(d, "WIDTH", CHART_WIDTH) == -1 ||
	    view_set_int(d, "HEIGHT", CHART_TOP + plot_h + CHART_BOTTOM) == -1 ||
	    view_set_int(d, "AXIS_X", CHART_LEFT) == -1 ||
	    view_set_int(d, "AXIS_Y1", CHART_TOP) == -1 ||
	    view_set_int(d, "AXIS_Y2", CHART_TOP + plot_h) == -1 ||
	    view_set_int(d, "AXIS_END", CHART_LEFT + CHART_PLOT) == -1 ||
	    view_set_int(d, "TITLE_X", CHART_LEFT + CHART_PLOT / 2) == -1 ||
	    view_set_int(d, "TITLE_Y", CHART_TOP + plot_h + 38) == -1)
		return -1;
	for (k = 0; k <= sc.nsteps; k++) {
		x = CHART_LEFT + chart_length(sc.step * k, &sc);
		if ((s = view_section(d, "TICK")) == NULL || view_set_int(s, "X", x) == -1 ||
		    view_set_int(s, "Y1", CHART_TOP) == -1 ||
		    view_set_int(s, "Y2", CHART_TOP + plot_h + 4) == -1 ||
		    view_set_int(s, "TY", CHART_TOP + plot_h + 18) == -1 ||
		    view_set(s, "TEXT", chart_number(ar, sc.step * k)) == -1)
			return -1;
	}
	if (c->nbars == 0)
		return view_show(d, "EMPTY") == -1 ||
		    view_set_int(d, "EMPTY_Y", CHART_TOP + CHART_PITCH / 2 + 5) == -1 ? -1 : 0;
	for (i = 0; i < c->nbars; i++) {
		y = CHART_TOP + (int)i * CHART_PITCH + (CHART_PITCH - CHART_BAR) / 2;
		len = chart_length(c->bars[i].value, &sc);
		if ((label = chart_label(ar, c->bars[i].label)) == NULL ||
		    (s = view_section(d, "BAR")) == NULL ||
		    view_set(s, "LABEL", label) == -1 ||
		    view_set(s, "FULL_LABEL", c->bars[i].label) == -1 ||
		    view_set(s, "VALUE_TEXT", c->bars[i].value_text) == -1 ||
		    view_set_int(s, "LX", CHART_LEFT - 8) == -1 ||
		    view_set_int(s, "X", CHART_LEFT) == -1 ||
		    view_set_int(s, "Y", y) == -1 ||
		    view_set_int(s, "W", len) == -1 ||
		    view_set_int(s, "H", CHART_BAR) == -1 ||
		    view_set_int(s, "VX", CHART_LEFT + len + 6) == -1 ||
		    view_set_int(s, "TY", y + CHART_BAR / 2 + 5) == -1)
			return -1;
	}
	return 0;
}
