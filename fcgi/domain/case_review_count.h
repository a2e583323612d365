#ifndef DOMAIN_CASE_REVIEW_COUNT_H
#define DOMAIN_CASE_REVIEW_COUNT_H

#include <stddef.h>
#include <time.h>

#include "domain/case_review_rule.h"

struct actor;
struct arena;
struct config;
struct pg;

extern const struct pg_stmts case_review_count_statements;

/* A victim's ASB Case Review count, for the incident page's prompt and the
 * Case Review decision: the facts from sql/migrations/0055 (every
 * agency's incidents, ids and times only), the rule domain/case_review_rule.h. */

/* One complaint and what the rule said of it. */
struct case_review_complaint {
	long long	 incident_id;
	const char	*reference;	/* "" when the actor may not see the incident */
	const char	*agency;	/* the receiving agency's name */
	time_t		 behaviour_at, complained_at;
	int		 hate;
	int		 diary_entries;
	enum cr_why	 why;
	const char	*why_text;	/* in words, naming the incident counted instead */
};

struct case_review_count {
	struct cr_tally	 r;	/* count, met and which rule, state */
	struct cr_rules		 rules;	/* what it was counted against */
	time_t			 at;	/* counted to */
	struct case_review_complaint *complaints;	/* oldest first */
	size_t			 ncomplaints;
};

/* In its own read transaction as the actor: person_id's count of
 * qualifying complaints up to `at` (the application's receipt, or now).
 * 0, or -1 on error. */
int	case_review_count(struct pg *, struct arena *, const struct config *,
	    const struct actor *, long long person_id, time_t at,
	    struct case_review_count *);
/* The same inside the caller's transaction (its actor already set). */
int	case_review_count_in(struct pg *, struct arena *, const struct config *,
	    long long person_id, time_t at, struct case_review_count *);

#endif
