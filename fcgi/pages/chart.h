#ifndef PAGES_CHART_H
#define PAGES_CHART_H

#include <stddef.h>

struct arena;
struct view_dict;

/* Horizontal bar charts drawn server-side as SVG through
 * views/chart_bar.tpl: a label and a bar a row, the value written after
 * the bar, a value axis with round ticks and its title below. Every text
 * goes into the template, which escapes it. The SVG is role="img", named
 * by its <title> and described by its <desc> (every bar in words); the
 * page's table beside it holds the same numbers. */

#define CHART_WIDTH	680	/* SVG user units */
#define CHART_LEFT	250	/* the labels' column */
#define CHART_PLOT	340	/* the bars' full length */
#define CHART_TOP	32	/* the title drawn above the bars */
#define CHART_PITCH	26	/* a row */
#define CHART_BAR	18
#define CHART_BOTTOM	46	/* the ticks and the axis title */
#define CHART_LABEL_MAX	34	/* characters of a label drawn; all in <title> */

struct chart_bar {
	const char	*label;
	double		 value;		/* >= 0 */
	const char	*value_text;	/* as written after the bar, e.g. "3.5" */
};

struct chart {
	const char		*id;	/* unique on the page, [a-z0-9-] */
	const char		*title;
	const char		*axis;	/* the value axis' title, e.g. "Hours" */
	int			 integer;	/* counts: ticks at whole numbers */
	const struct chart_bar	*bars;
	size_t			 nbars;
};

/* The value axis: its end (a round number at or above max) and the step
 * between ticks, so that there are 2 to 6 steps. */
struct chart_scale {
	double	 top, step;
	int	 nsteps;
};

void		 chart_scale(double max, int integer, struct chart_scale *);
int		 chart_length(double value, const struct chart_scale *);
const char	*chart_label(struct arena *, const char *label);
const char	*chart_number(struct arena *, double);
int		 chart_dict(struct arena *, struct view_dict *parent, const char *name,
		    const struct chart *);

#endif
