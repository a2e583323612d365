#ifndef DOMAIN_CASE_REVIEW_DUE_H
#define DOMAIN_CASE_REVIEW_DUE_H

/* When an application received today will be acknowledged and decided,
 * by the rules case_review_apply sets its first two milestones with: for
 * the public confirmation page, as the public may not read an application
 * back (0049's policies). */

struct actor;
struct arena;
struct case_review_rules;
struct pg;

extern const struct pg_stmts case_review_due_statements;

/* The two due dates (YYYY-MM-DD). 0 or -1. */
int	case_review_first_due(struct pg *, struct arena *, const struct actor *,
	    const struct case_review_rules *, char acknowledge[11], char decide[11]);

#endif
