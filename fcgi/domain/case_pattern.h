#ifndef DOMAIN_CASE_PATTERN_H
#define DOMAIN_CASE_PATTERN_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* A monitored case's patterns (README "Patterns"): when its incidents
 * happen, by hour of day and day of week, and which of its subjects turn
 * up together. The counting here is pure (tests/unit/test_case_pattern.c);
 * case_pattern_load reads the facts it counts. */

extern const struct pg_stmts case_pattern_statements;

#define PATTERN_DAYS		7	/* Monday first */
#define PATTERN_HOURS		24
#define PATTERN_SHADES		5	/* 0: no incident; 1..4 by quarters of the busiest */
#define PATTERN_INCIDENTS_MAX	2000	/* a case's incidents the page reads */
#define PATTERN_GROUPS_MAX	200	/* pairs, and groups, the page lists */

/* The time bands: count[day][hour], day 0 Monday, London time. */
struct pattern_bands {
	int	count[PATTERN_DAYS][PATTERN_HOURS];
	int	day_total[PATTERN_DAYS];
	int	hour_total[PATTERN_HOURS];
	int	total;
	int	max;		/* the busiest band's count */
};

/* One incident with the case's subjects on it (person ids, any order,
 * repeats allowed). */
struct pattern_incident {
	long long		 id;
	const long long		*subjects;
	size_t			 nsubjects;
};

/* Subjects who were together (each on every one of the incidents), with
 * those incidents; both lists ascending. */
struct pattern_together {
	long long	*subjects;
	size_t		 nsubjects;
	long long	*incidents;
	size_t		 nincidents;
};

struct pattern_company {
	struct pattern_together	*pairs;		/* every two on two or more incidents */
	size_t			 npairs;
	struct pattern_together	*groups;	/* three or more: see pattern_together */
	size_t			 ngroups;
	int			 truncated;	/* more than PATTERN_GROUPS_MAX of either */
};

/* Counts one incident in the band of ISO day of week (1 Monday .. 7
 * Sunday) and hour (0..23). 0, or -1 (nothing counted) out of range. */
int	pattern_band_add(struct pattern_bands *, int isodow, int hour);
/* The shade of a band of count incidents: 0 for none, else 1..4, the
 * quarter of the busiest band's count it falls in (ceil(4 count / max)). */
int	pattern_shade(const struct pattern_bands *, int count);
/* The counts shade s (1..4) covers, *lo..*hi; 0, or -1 when no count
 * has that shade (a busiest band of fewer than 4 leaves some out). */
int	pattern_shade_range(const struct pattern_bands *, int shade, int *lo, int *hi);

/* Who was together: every pair of subjects both on at least two of the
 * incidents, and every group of three or more subjects all on the same
 * two or more incidents, taken whole (a group is everyone who was on all
 * of its incidents, so a group inside a larger one is listed only when
 * it was together on more incidents). Each list most incidents first,
 * then largest, then by the subjects' ids. 0, or -1 out of memory. */
int	pattern_together(struct arena *, const struct pattern_incident *, size_t n,
	    struct pattern_company *);

/* What the Patterns tab shows, read as the actor (row security: the
 * incidents they may see; names through case_people). */
struct pattern_point {
	long long	 id;
	const char	*reference;
	const char	*type;
	const char	*when;		/* Europe/London, for people */
	int		 when_reported;	/* 1: no time it happened, so when reported */
	const char	*address;	/* "" when none */
	const char	*lat, *lon;	/* "" when the incident has no point */
};

struct pattern_place {
	const char	*label, *address, *postcode;
	const char	*lat, *lon;	/* "" when the place has no point */
	int		 radius_m;
};

struct pattern_subject {
	long long	 person_id;
	const char	*name;		/* as case_people names them for the actor */
};

struct case_patterns {
	struct pattern_bands	 bands;
	struct pattern_point	*points;	/* every incident, first to last */
	size_t			 npoints;
	struct pattern_place	*places;
	size_t			 nplaces;
	struct pattern_subject	*subjects;
	size_t			 nsubjects;
	struct pattern_company	 company;
	int			 more;		/* more than PATTERN_INCIDENTS_MAX incidents */
};

/* The patterns of the case case_id (already loaded by case_head, so
 * seen by the actor), in a transaction of its own. 0, or -1 on a
 * database failure. */
int	case_pattern_load(struct pg *, struct arena *, const struct actor *,
	    long long case_id, struct case_patterns *);
/* The name of a subject of p, or "Subject" when not among them. */
const char *case_pattern_name(const struct case_patterns *, long long person_id);

#endif
