#ifndef DOMAIN_DASH_OPS_H
#define DOMAIN_DASH_OPS_H

#include <stddef.h>

struct actor;
struct arena;
struct config;
struct pg;

extern const struct pg_stmts dash_ops_statements;

/* The weekly operational dashboard's figures, read from the reporting
 * views only (sql/migrations/0056 and 0058) with the reader's row
 * security: for a chosen Monday-to-Sunday week (London) and the seven
 * before it, the clocks from report to triage and from triage to first
 * action; the actions overdue now by team and by agency; and the repeat
 * incidents by 100 m square, by area and by time band. */

#define DASH_WEEKS	8	/* the chosen week and the 7 before it */
#define DASH_DAYS	7	/* Monday .. Sunday (reported_dow 1..7) */
#define DASH_BANDS	4	/* 00-06, 06-12, 12-18, 18-24 (reported_hour / 6) */
#define DASH_WEEK_FIRST	10959	/* day number of Monday 3 January 2000 */

/* What the figures are filtered by; 0 (and an empty area) is "all". */
struct dash_filter {
	long long	 beat_id;	/* area "beat:ID" */
	long long	 la_area_id;	/* area "la_area:ID" */
	long long	 team_id;
	long long	 type_id;
	long		 week;		/* day number (core/london.h) of its Monday */
	/* The hotspot dashboard's period (dash_period_parse): a month or a
	 * quarter, and the one of the same length before it. */
	int		 p_year, p_month;	/* its first month */
	int		 p_months;		/* 1 or 3 */
	long		 from, to;		/* first day; the day after the last */
	long		 prev_from;		/* the period before: prev_from .. from */
};

/* Why a filter was refused, in words for the 400 page. */
enum dash_refusal {
	DASH_OK,
	DASH_BAD_AREA,
	DASH_BAD_TEAM,
	DASH_BAD_TYPE,
	DASH_BAD_WEEK,
	DASH_BAD_PERIOD,
};

long		 dash_last_week(long today);
enum dash_refusal dash_filter_parse(const char *area, const char *team,
		    const char *type, const char *week, long today,
		    struct dash_filter *);
enum dash_refusal dash_period_parse(const char *period, long today,
		    struct dash_filter *);
void		 dash_period_of(int year, int month, int months, struct dash_filter *);
const char	*dash_refusal_words(enum dash_refusal);
/* A filter's id as a query parameter into buf: NULL (no filter) for 0. */
const char	*dash_id_param(char *buf, size_t len, long long id);
/* A day number (core/date.h) as a YYYY-MM-DD parameter. */
void		 dash_day_param(char out[16], long day);

/* One choice of a filter's select. */
struct dash_option {
	const char	*value;		/* "beat:12", "7" */
	const char	*label;
};

/* The filters' choices: the areas, teams and types the reader may pick. */
struct dash_choices {
	struct dash_option	*areas, *teams, *types;
	size_t			 nareas, nteams, ntypes;
};

/* Inside the reader's transaction: the choices. 0; DASH_BAD_AREA, _TEAM
 * or _TYPE when f names one not among them; -1 on a database error. */
int	dash_choices_read(struct pg *, struct arena *, const struct dash_filter *,
	    struct dash_choices *);

/* One week of one clock: the allocations measured (the clock stopped),
 * their median and 90th percentile in hours (PostgreSQL's percentile_cont)
 * and how many stopped within their target. */
struct dash_clock {
	int	 n;
	int	 within;
	double	 median, p90;	/* valid when n > 0 */
};

struct dash_week {
	long			 monday;	/* day number */
	int			 allocations;	/* made for incidents reported that week */
	struct dash_clock	 triage;	/* report to triage */
	struct dash_clock	 action;	/* triage to first action */
};

/* Overdue actions of one team (or agency): how many, their mean and
 * longest days overdue. */
struct dash_overdue {
	const char	*name;
	const char	*agency;	/* the team's agency ("" by agency) */
	int		 count;
	double		 mean_days;
	int		 max_days;
};

struct dash_square {
	int	 easting, northing;	/* south-west corner, metres */
	int	 count;
};

struct dash_area_count {
	const char	*name;		/* "Cheap (beat)", "No area" */
	int		 count;
};

struct dash_ops {
	struct dash_choices	 ch;
	struct dash_week	 weeks[DASH_WEEKS];	/* oldest first */
	struct dash_overdue	*overdue_teams, *overdue_agencies;
	size_t			 noverdue_teams, noverdue_agencies;
	int			 overdue_total;
	struct dash_square	*squares;
	size_t			 nsquares;
	struct dash_area_count	*rep_areas;
	size_t			 nrep_areas;
	int			 bands[DASH_DAYS][DASH_BANDS];
	int			 repeats;	/* repeat incidents of the 8 weeks */
	int			 repeats_unplaced;	/* of them, with no point */
};

/* In one read transaction as the actor: the filters' choices and the
 * figures. 0; DASH_BAD_AREA, _TEAM or _TYPE when the filter names one that
 * is not among the actor's choices; -1 on a database error. */
int	dash_ops_load(struct pg *, struct arena *, const struct config *,
	    const struct actor *, const struct dash_filter *, struct dash_ops *);

#endif
