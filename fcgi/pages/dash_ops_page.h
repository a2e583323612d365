#ifndef PAGES_DASH_OPS_PAGE_H
#define PAGES_DASH_OPS_PAGE_H

#include "domain/dash_ops.h"

struct req;
struct view_dict;

/* The operational dashboard's page (pages/dash_ops.c) and its CSV
 * (pages/dash_ops_csv.c) share the reading of the filters and the
 * figures, and the words of what they show. */

/* The tables, each a CSV: ?table= names one. */
enum dash_table {
	DASH_T_CLOCKS,
	DASH_T_OVERDUE_TEAMS,
	DASH_T_OVERDUE_AGENCIES,
	DASH_T_REPEAT_SQUARES,
	DASH_T_REPEAT_AREAS,
	DASH_T_REPEAT_BANDS,
	DASH_TABLES
};

extern const char *const dash_table_names[DASH_TABLES];
extern const char *const dash_day_names[DASH_DAYS];
extern const char *const dash_band_names[DASH_BANDS];

/* The filters asked for and the figures of them: 0, or -1 with the
 * answer (400 for a bad filter, 503) already given. */
int		 dash_ops_of(struct req *, struct dash_filter *, struct dash_ops *);
const char	*dash_week_words(struct req *, long monday);	/* "Monday 24 November 2026" */
const char	*dash_week_iso(struct req *, long monday);	/* "2026-11-24" */
int		 dash_options_dict(struct view_dict *, const char *section,
		    const struct dash_option *, size_t n, const char *chosen);
const char	*dash_share(struct req *, int within, int n);	/* "75%" or "none" */
/* The area, team and type filters as every dashboard's form and CSV links
 * carry them (F_AREA, F_TEAM, F_TYPE and their selects' options). 0 or -1. */
int		 dash_place_filters_dict(struct req *, struct view_dict *,
		    const struct dash_filter *, const struct dash_choices *);

#endif
