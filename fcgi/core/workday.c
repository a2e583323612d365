/* The working-day calendar: weekends and the bank holidays it is given. */
#include <stdlib.h>

#include "core/workday.h"

#define WORKDAY_MAX	3650	/* no milestone is ten years of working days away */

/* Howard Hinnant's days_from_civil: exact over the proleptic Gregorian
 * calendar, with no time zone and no time_t in the way. */
long
date_days(const struct date *d)
{
	long y = d->year - (d->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* civil_from_days, its inverse. */
void
date_of_days(long z, struct date *out)
{
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(y + (out->month <= 2));
}

void
date_add_days(const struct date *d, long n, struct date *out)
{
	date_of_days(date_days(d) + n, out);
}

int
date_weekday(const struct date *d)
{
	long z = date_days(d);

	/* 1 January 1970 was a Thursday (4). */
	return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int
workday_is_days(long z, const long *holidays, size_t n)
{
	long wd = ((z % 7) + 7 + 3) % 7 + 1;

	if (wd >= 6)
		return 0;
	return n == 0 || bsearch(&z, holidays, n, sizeof(*holidays), cmp_long) == NULL;
}

int
workday_is(const struct date *d, const long *holidays, size_t n)
{
	return workday_is_days(date_days(d), holidays, n);
}

int
workday_add(const struct date *d, int n, const long *holidays, size_t nh,
    struct date *out)
{
	long z = date_days(d);

	if (n < 0 || n > WORKDAY_MAX)
		return -1;
	while (n > 0) {
		z++;
		if (workday_is_days(z, holidays, nh))
			n--;
	}
	date_of_days(z, out);
	return 0;
}
