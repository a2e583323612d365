#ifndef DOMAIN_RULE_TRY_H
#define DOMAIN_RULE_TRY_H

#include <stddef.h>

#include "domain/allocate.h"
#include "domain/area.h"

struct actor;
struct arena;
struct pg;
struct rule_refs;

/* The rules page's "try it" box: where a made-up incident would go and
 * why, by the intake's own steps. allocation_try (domain/allocate.c)
 * finds the beat and council area of the point and makes the plan with
 * the same facts and the same domain/routing.c the intake uses; a point
 * outside the partnership is refused, as the intake refuses it. Nothing
 * is written. */

/* One queue the incident would be in, with its team's names. */
struct rule_try_queue {
	const struct route	*route;		/* kind, rule, reason ... */
	const char		*team, *agency;
};

struct rule_try_out {
	struct area_location	 where;		/* with a point: what was found */
	const char		*refused;	/* the intake's words, or NULL */
	struct route_plan	 plan;
	struct rule_try_queue	 q[ROUTES_MAX];
	size_t			 n;
};

int	rule_try(struct pg *, struct arena *, const struct actor *,
	    const struct allocation_query *, const struct rule_refs *,
	    struct rule_try_out *);

#endif
