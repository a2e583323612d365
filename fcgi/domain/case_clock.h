#ifndef DOMAIN_CASE_CLOCK_H
#define DOMAIN_CASE_CLOCK_H

#include <stddef.h>
#include <time.h>

#include "core/date.h"

/* The clocks of a monitored case's victim contact and supervisor reviews
 * (README "Victim contact and supervisor reviews"), in London calendar
 * days. sql/migrations/0052 computes the same for case_work: the two are
 * checked against each other by tests/integration/test_case_contact.py. */

#define CASE_CADENCE_MAX	16	/* days one risk level's cadence lists */

/* The next contact due under a plan from `starts` every `every_days`
 * days: the London day of `last` (the latest contact on or after the
 * plan's start; 0 for none) plus the days, or the start itself. */
void	case_contact_due_on(const struct date *starts, int every_days, time_t last,
	    struct date *out);
/* The moment something due on a day becomes overdue: the end of that day,
 * Europe/London. */
time_t	case_day_overdue_at(const struct date *due);
/* The London days since the due day at now: 1 the day after it; 0 while
 * it is not overdue. */
int	case_days_overdue(const struct date *due, time_t now);

/* The first day of a review cadence (days from opened, increasing; after
 * the last, every last gap — the last day itself when there is one) after
 * the day `after`. 1 with *out; 0 when the cadence is empty. */
int	case_review_due_on(const struct date *opened, const int *days, size_t n,
	    const struct date *after, struct date *out);

#endif
