#ifndef DOMAIN_ROUTING_H
#define DOMAIN_ROUTING_H

#include <stddef.h>

struct arena;

/* The allocation plan: which queues an incident goes to, and why. Pure:
 * the facts come from the database (domain/allocate.c), the plan is this.
 *
 *   1. its beat's neighbourhood team ("In beat Cheap (E05009298): its
 *      neighbourhood team");
 *   2. its council area's council team; with an address and no point, that
 *      team has it marked location to confirm;
 *   3. no beat team takes it — no location, or a point outside every beat
 *      (or in one whose team is inactive) — and no council team takes an
 *      address without a point: the force's manual triage queue;
 *   4. the routing rules, in order of position: a rule matches when every
 *      condition it has holds (an empty list is no condition; within a
 *      list any one value will do; every flag listed must be raised), and
 *      every matching rule adds its teams, up to and including the first
 *      matching rule that says stop.
 * Each team once: the first reason to send it there is the one kept. */

enum route_flag {
	ROUTE_YOUTH,
	ROUTE_HATE,
	ROUTE_VULNERABLE,
	ROUTE_REPEAT_LOCATION,
	ROUTE_REPEAT_VICTIM,
	ROUTE_URGENT,
	ROUTE_FLAGS
};
#define ROUTE_BIT(f)	(1u << (f))

/* The flags' names as routing_rule.flags has them, and in words. */
extern const char *const route_flag_names[ROUTE_FLAGS];
extern const char *const route_flag_words[ROUTE_FLAGS];

#define ROUTE_LIST_MAX	64	/* values in one condition */
#define ROUTE_TEAMS_MAX	20	/* routing_rule's limit */

struct route_rule {
	long long	 id;
	int		 position;
	const char	*name;
	const char	*types[ROUTE_LIST_MAX];		/* asb_type codes */
	size_t		 ntypes;
	const char	*categories[ROUTE_LIST_MAX];
	size_t		 ncategories;
	unsigned	 flags;				/* ROUTE_BIT()s, all needed */
	const char	*channels[ROUTE_LIST_MAX];
	size_t		 nchannels;
	long long	 agencies[ROUTE_LIST_MAX];
	size_t		 nagencies;
	const char	*areas[ROUTE_LIST_MAX];		/* beat or council area codes */
	size_t		 nareas;
	long long	 teams[ROUTE_TEAMS_MAX];	/* active ones only */
	size_t		 nteams;
	int		 stop;
};

/* A beat or council area the incident is in, with its team (0: none, or
 * inactive). id 0: in none. */
struct route_area {
	long long	 id;
	const char	*code, *name;
	long long	 team;
};

struct route_facts {
	struct route_area	 beat, area;
	long long		 triage_team;	/* 0: the force has none */
	int			 has_point, has_address;
	const char		*type_code, *category, *channel;
	unsigned		 flags;		/* ROUTE_BIT()s */
	long long		 agency;	/* the reporting agency */
	const char		*agency_name;
	const struct route_rule	*rules;		/* in order of position */
	size_t			 nrules;
};

#define ROUTES_MAX	24

struct route {
	long long	 team;
	const char	*kind;		/* neighbourhood, council, triage, specialist */
	long long	 beat, area;	/* the area that sent it there, or 0 */
	long long	 rule;		/* the rule that did, or 0 */
	int		 location_to_confirm;
	const char	*reason;	/* in words, in the arena */
};

struct route_plan {
	struct route	 r[ROUTES_MAX];
	size_t		 n;
};

int	route_flag_parse(const char *name);		/* enum route_flag, or -1 */
int	route_rule_matches(const struct route_rule *, const struct route_facts *);
/* The plan for these facts into *out (reasons in ar). 0, or -1 when out
 * of memory. */
int	route_plan(struct arena *, const struct route_facts *, struct route_plan *out);

#endif
