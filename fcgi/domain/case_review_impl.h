#ifndef DOMAIN_CASE_REVIEW_IMPL_H
#define DOMAIN_CASE_REVIEW_IMPL_H

#include <stddef.h>

/* What the register's domain files share (domain/case_review_*.c). */

struct arena;
struct json_object;
struct pg;

/* The England and Wales bank holidays as day numbers (core/workday.h),
 * sorted, into the arena. 0 or -1. */
int	cr_holidays(struct pg *, struct arena *, long **out, size_t *n);
/* The date (YYYY-MM-DD) n working days after `from` (YYYY-MM-DD), or n
 * calendar days after it when calendar is set. 0 or -1. */
int	cr_due(const long *holidays, size_t nh, const char *from, int n, int calendar,
	    char out[11]);
/* Adds a milestone due on due_on. 0 or -1. */
int	cr_milestone_add(struct pg *, long long application_id, const char *kind,
	    const char *due_on);
/* The audit row of a change on an application (entity "case_review");
 * takes the references to before and after. 0 or -1. */
int	cr_audit(struct pg *, const struct actor *, long long id, const char *action,
	    struct json_object *before, struct json_object *after);

#endif
