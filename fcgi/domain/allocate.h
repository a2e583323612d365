#ifndef DOMAIN_ALLOCATE_H
#define DOMAIN_ALLOCATE_H

#include <stddef.h>

#include "domain/area.h"
#include "domain/routing.h"

struct actor;
struct arena;
struct pg;

/* Allocation: the queues an incident goes to and why. The facts come
 * from the database (sql/migrations/0041_allocation.sql:
 * allocation_incident_facts, allocation_area_facts), the plan is
 * domain/routing.c, and allocation_write records it. Every channel's
 * intake allocates the incident it creates in the transaction that
 * creates it; setting the point of an incident whose location was to be
 * confirmed allocates it again; the rules page's "try it" box and
 * concordctl allocate ask what would happen, with the same plan. */

#define ALLOCATIONS_MAX	ROUTES_MAX

/* One allocation made. */
struct allocation {
	long long	 id;		/* incident_allocation.id */
	long long	 team_id;
	long long	 rule_id;	/* 0: an area's team or triage */
	const char	*kind;		/* neighbourhood, council, specialist, triage */
	const char	*reason;
	int		 location_to_confirm;
};

struct allocations {
	struct allocation	 a[ALLOCATIONS_MAX];
	size_t			 n;
};

/* What would happen to an incident with these facts ("try it"). */
struct allocation_query {
	int		 has_point;
	double		 lon, lat;	/* WGS 84, when has_point */
	int		 has_address;
	const char	*type_code;	/* an asb_type code */
	unsigned	 flags;		/* ROUTE_BIT()s */
	const char	*channel;	/* incident_channel's name */
	long long	 agency;	/* the reporting agency, or 0 */
};

extern const struct pg_stmts allocate_statements;

/* Allocates incident_id, with its audit row, in the caller's transaction
 * (actor a set). ending_reason: NULL at creation; when the point of an
 * incident whose location was to be confirmed is set, why its
 * location-to-confirm allocations end. *out (strings in ar): what was
 * allocated now (nothing for a team that holds it already). 0, or -1 with
 * pg_error set (or out of memory). */
int	allocate_incident(struct pg *, struct arena *, const struct actor *a,
	    long long incident_id, const char *ending_reason, struct allocations *out);

/* The plan for an incident that is not there: *where gets the beat and
 * council area of the point (area_locate's rule; zero without a point),
 * *out the queues and why. AREA_OK, AREA_BAD_POINT, or AREA_ERROR with
 * pg_error set. */
enum area_result allocation_try(struct pg *, struct arena *,
	    const struct allocation_query *, struct area_location *where,
	    struct route_plan *out);

#endif
