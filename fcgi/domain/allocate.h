#ifndef DOMAIN_ALLOCATE_H
#define DOMAIN_ALLOCATE_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* Allocation: the queues an incident goes to and why. The rule is SQL
 * (sql/migrations/0041_allocation.sql, allocation_plan): the beat's
 * neighbourhood team, the council area's council team, the force's manual
 * triage queue when no beat takes it (no point, or a point outside every
 * beat), and the specialist queues of the routing rules that match, each
 * with its reason in words. Every channel's intake allocates the incident
 * it creates in the transaction that creates it; setting the point of an
 * incident whose location was to be confirmed allocates it again. */

#define ALLOCATIONS_MAX	24

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

extern const struct pg_stmts allocate_statements;

/* Allocates incident_id as the plan says, with its audit row, in the
 * caller's transaction (actor a set). ending_reason: NULL at creation;
 * when the point of an incident whose location was to be confirmed is set,
 * why its location-to-confirm allocations end. *out (strings in ar): what
 * was allocated now (nothing when the incident is in those queues
 * already). 0, or -1 with pg_error set. */
int	allocate_incident(struct pg *, struct arena *, const struct actor *a,
	    long long incident_id, const char *ending_reason, struct allocations *out);

#endif
