#ifndef DOMAIN_RULE_CHECK_H
#define DOMAIN_RULE_CHECK_H

#include <stddef.h>

#include "domain/routing_rule.h"

struct arena;

/* What is wrong with routing rules, worked out from the rules and what
 * they may name (struct rule_refs) alone: no database, so that every case
 * has a unit test (tests/unit/test_rule_check.c).
 *
 * A saved rule can go wrong as the catalogue, the areas, the agencies and
 * the teams change under it: rule_problems_find says which rules can never
 * match, are never reached, or send to a team that is gone. A rule being
 * saved must name only what exists and is active, and types its categories
 * allow: rule_invalid_find says what the form must put right. */

enum rule_problem_kind {
	RULE_TYPE_GONE,		/* a type code not in the catalogue */
	RULE_TYPE_INACTIVE,
	RULE_CATEGORIES_EXCLUDE,	/* its categories leave out every type it lists */
	RULE_AREA_GONE,		/* no current beat or council area has the code */
	RULE_AGENCY_GONE,
	RULE_AGENCY_INACTIVE,
	RULE_UNREACHABLE,	/* an earlier stop rule matches all it does */
	RULE_TEAM_GONE,
	RULE_TEAM_INACTIVE,
};

struct rule_problem {
	size_t			 rule;		/* the index in the rules given */
	enum rule_problem_kind	 kind;
	const char		*message;	/* in words, for the rules page */
};

struct rule_problems {
	struct rule_problem	*v;
	size_t			 n;
	size_t			 nrules;	/* rules with at least one */
};

int	rule_words_has(const struct rule_words *, const char *);
int	rule_ids_has(const struct rule_ids *, long long);
int	rule_problems_find(struct arena *, const struct routing_rule *, size_t n,
	    const struct rule_refs *, struct rule_problems *);
int	rule_never_matches(const struct routing_rule *, const struct rule_refs *);
int	rule_covers(const struct routing_rule *earlier, const struct routing_rule *later,
	    const struct rule_refs *);

/* A field of the rule form in error: its id (the first input of its
 * group: "types", "categories", "flags", "channels", "agencies", "areas",
 * "teams") and what to do. */
struct rule_invalid {
	const char	*field;
	const char	*message;
};

int	rule_invalid_find(struct arena *, const struct routing_rule *,
	    const struct rule_refs *, struct rule_invalid *, size_t max);

#endif
