#ifndef CORE_WORKDAY_H
#define CORE_WORKDAY_H

#include <stddef.h>

#include "core/date.h"

/* Working days: Monday to Friday that are not bank holidays. The Case
 * Review's milestones are due so many working days after an event
 * (README "The ASB Case Review"); the holidays come from the bank_holiday
 * table (migration 0053), sorted, and these functions only count. */

/* The day number of a date (days since 1 January 1970) and back. */
long	date_days(const struct date *);
void	date_of_days(long days, struct date *out);
/* The date n calendar days after d (n may be negative). */
void	date_add_days(const struct date *d, long n, struct date *out);
/* 1 Monday .. 7 Sunday. */
int	date_weekday(const struct date *);
/* Whether d is a working day: not a Saturday or Sunday, and not one of
 * the holidays (sorted by date_days, oldest first). */
int	workday_is(const struct date *d, const long *holidays, size_t n);
/* The n-th working day after d (d itself never counts, whether or not it
 * is a working day: an application received on a Saturday is
 * acknowledged within 3 working days from the Monday, so by Wednesday).
 * n 0 is d itself. 0, or -1 when n is negative or out of range. */
int	workday_add(const struct date *d, int n, const long *holidays, size_t nh,
	    struct date *out);

#endif
