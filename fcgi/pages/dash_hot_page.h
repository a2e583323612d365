#ifndef PAGES_DASH_HOT_PAGE_H
#define PAGES_DASH_HOT_PAGE_H

#include "domain/dash_hot.h"

struct req;

/* The hotspot dashboard's page (pages/dash_hot.c) and its CSV
 * (pages/dash_hot_csv.c) share the reading of the filters and the
 * figures, and the words of what they show. */

/* The tables, each a CSV: ?table= names one. */
enum hot_table {
	HOT_T_CONCENTRATION,
	HOT_T_CELLS,
	HOT_TABLES
};

extern const char *const hot_table_names[HOT_TABLES];
extern const char *const hot_band_names[3];	/* by enum dash_band */

/* The filters asked for and the figures of them: 0, or -1 with the
 * answer (400 for a bad filter, 503) already given. */
int		 dash_hot_of(struct req *, struct dash_filter *, struct dash_hot *);
const char	*hot_period_iso(struct req *, int year, int month, int months);	/* "2026-11", "2026-Q4" */
const char	*hot_period_words(struct req *, int year, int month, int months);
const char	*hot_day_iso(struct req *, long day);

#endif
