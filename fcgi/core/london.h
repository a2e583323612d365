#ifndef CORE_LONDON_H
#define CORE_LONDON_H

#include <time.h>

#include "core/date.h"

/* Calendar days in Europe/London, for clocks that fall due on a day:
 * GMT, or BST (GMT+1) from 01:00 UTC on the last Sunday of March to 01:00
 * UTC on the last Sunday of October. Pure: no TZ environment is read. */

/* The London day the moment falls on. 0, or -1 when out of range. */
int	london_date(time_t, struct date *);
/* The moment the London day starts (its 00:00 local). */
time_t	london_day_start(const struct date *);
/* Days since 1970-01-01 of a calendar date, and back. */
long	day_number(const struct date *);
void	day_from_number(long, struct date *);

#endif
