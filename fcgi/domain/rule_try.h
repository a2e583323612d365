#ifndef DOMAIN_RULE_TRY_H
#define DOMAIN_RULE_TRY_H

#include <stddef.h>

#include "domain/area.h"

struct actor;
struct arena;
struct pg;

/* The rules page's "try it" box: where a made-up incident would go and
 * why, by the intake's own steps: area_locate finds the beat and council
 * area of a point (a point outside the partnership is refused, as the
 * intake refuses it), and allocation_plan says which queues, exactly as
 * allocate_incident asks it at creation. Nothing is written. */

enum rule_try_where {
	TRY_POINT,		/* a longitude and latitude */
	TRY_ADDRESS,		/* an address and no point: location to confirm */
	TRY_NONE,		/* no location at all */
};

struct rule_try_in {
	enum rule_try_where	 where;
	double			 lon, lat;	/* TRY_POINT */
	const char		*type;		/* an asb_type code */
	const char		*flags[8];	/* rule_flags codes */
	size_t			 nflags;
	const char		*channel;	/* a rule_channels code */
	long long		 agency;	/* the reporting agency */
};

/* One queue the incident would be in. */
struct rule_try_queue {
	const char	*kind;		/* neighbourhood, council, triage, specialist */
	const char	*team, *agency;
	long long	 rule_id;	/* 0: not a rule's */
	int		 location_to_confirm;
	const char	*reason;
};

#define RULE_TRY_MAX	40

struct rule_try_out {
	struct area_location	 where;		/* TRY_POINT: what area_locate found */
	const char		*refused;	/* the intake's words, or NULL */
	struct rule_try_queue	 q[RULE_TRY_MAX];
	size_t			 n;
};

int	rule_try(struct pg *, struct arena *, const struct actor *,
	    const struct rule_try_in *, struct rule_try_out *);

extern const struct pg_stmts rule_try_statements;

#endif
