#ifndef PAGES_HOT_GRID_H
#define PAGES_HOT_GRID_H

#include <stddef.h>

struct arena;
struct dash_hot;
struct view_dict;

/* The hotspot dashboard's grid map drawn server-side as SVG through
 * views/hot_grid.tpl: a square per non-empty 250 m cell, north up, filled
 * by its Gi* confidence band (not significant, 95%, 99%), each with a
 * <title> in words, and a legend. The SVG is role="img", named by its
 * <title> and described by its <desc>; the page's table of the hottest
 * cells and the cells' CSV hold the numbers. */

#define HOT_GRID_WIDTH	640	/* SVG user units of the cells' area, at most */
#define HOT_GRID_CELL	24	/* a cell's side, at most */
#define HOT_GRID_TOP	28	/* the title */
#define HOT_GRID_LEGEND	56	/* the legend below the cells */

int	hot_grid_side(int cols, int rows);
int	hot_grid_dict(struct arena *, struct view_dict *parent, const char *name,
	    const struct dash_hot *);

#endif
