#ifndef DOMAIN_DASH_HOT_H
#define DOMAIN_DASH_HOT_H

#include <stddef.h>

#include "domain/dash_ops.h"

struct actor;
struct arena;
struct pg;

extern const struct pg_stmts dash_hot_statements;

/* The hotspot dashboard's figures, read from rpt_incident alone with the
 * reader's row security, for a month or a quarter (struct dash_filter's
 * period) and the period of the same length before it. Incidents are
 * counted in square cells of DASH_CELL metres of the British National
 * Grid: the cell of an incident is that of the centre of its 100 m
 * square, (floor((easting + 50) / 250), floor((northing + 50) / 250)), so
 * a 100 m square lies in one cell only. */

#define DASH_CELL	250	/* metres */
#define DASH_HOT_TOP	20	/* cells of the table, by z-score */
#define DASH_Z95	1.96
#define DASH_Z99	2.58

/* How concentrated one period's incidents are: of those with a point,
 * the share that fall in the top 10% of the non-empty cells (ceil(0.1 x
 * cells) of them, ranked by count, ties by cell: easting index then
 * northing index, lowest first). */
struct dash_concentration {
	long	 from, to;	/* day numbers: first day, the day after the last */
	int	 incidents;	/* all reported in the period */
	int	 placed;	/* of them, with a point */
	int	 cells;		/* non-empty cells */
	int	 top_cells;	/* ceil(0.1 x cells) */
	int	 top_incidents;	/* in those cells */
	double	 share;		/* top_incidents / placed, 0..1; 0 if none placed */
};

enum dash_band { DASH_BAND_NONE, DASH_BAND_95, DASH_BAND_99 };

/* One non-empty cell of the period, with its Getis-Ord Gi* z-score. */
struct dash_cell {
	int		 cx, cy;	/* cell indices: easting / 250, northing / 250 */
	int		 count;
	int		 around;	/* incidents in the cell and its 8 neighbours */
	double		 z;		/* valid when has_z */
	int		 has_z;		/* not when the study area is one cell and its ring */
	enum dash_band	 band;
	double		 lat, lon;	/* WGS84, of the cell's centre */
};

struct dash_hot {
	struct dash_choices		 ch;
	struct dash_concentration	 now, before;
	int				 n;		/* cells of the study area */
	double				 mean, sd;	/* of their counts */
	struct dash_cell		*cells;		/* by z-score, highest first */
	size_t				 ncells;
	int				 hot95, hot99;	/* cells at 1.96 or more, 2.58 */
	int				 min_cx, max_cx, min_cy, max_cy;
};

enum dash_band	 dash_band_of(double z, int has_z);

/* In one read transaction as the actor: the filters' choices and the
 * figures. 0; DASH_BAD_AREA, _TEAM or _TYPE when the filter names one
 * that is not among the actor's choices; -1 on a database error. */
int	dash_hot_load(struct pg *, struct arena *, const struct actor *,
	    const struct dash_filter *, struct dash_hot *);

#endif
