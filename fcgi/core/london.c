/* London's calendar days (core/london.h) by the UK summer-time rule, so
 * that a due day is the same whatever the machine's time zone is. */
#include "core/london.h"

#define DAY	86400L

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
long
day_number(const struct date *d)
{
	long y = d->year - (d->month <= 2), era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d->month + (d->month > 2 ? -3 : 9)) + 2) / 5 + d->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The date of a day number (civil_from_days). */
void
day_from_number(long z, struct date *out)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(yoe + era * 400 + (out->month <= 2));
}

/* The day number of the last Sunday of March or October of a year. */
static long
last_sunday(int year, int month)
{
	struct date d = { year, month, 31 };
	long n = day_number(&d);

	/* 1970-01-01 was a Thursday: (n + 4) % 7 is 0 on a Sunday. */
	return n - ((n + 4) % 7 + 7) % 7;
}

/* Whether summer time is in force at the UTC moment t of year `year`. */
static int
summer(time_t t, int year)
{
	time_t start = (time_t)(last_sunday(year, 3) * DAY + 3600);
	time_t end = (time_t)(last_sunday(year, 10) * DAY + 3600);

	return t >= start && t < end;
}

int
london_date(time_t t, struct date *out)
{
	struct date utc;
	long n;

	n = (long)(t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY));
	day_from_number(n, &utc);
	if (utc.year < DATE_YEAR_MIN || utc.year > 9999)
		return -1;
	if (summer(t, utc.year))
		n = (long)((t + 3600) >= 0 ? (t + 3600) / DAY : -((-(t + 3600) + DAY - 1) / DAY));
	day_from_number(n, out);
	return 0;
}

time_t
london_day_start(const struct date *d)
{
	time_t utc = (time_t)(day_number(d) * DAY);

	/* Midnight is never inside the changeover hour (01:00 UTC), so the
	 * offset at the GMT reading of it is the offset in force. */
	return summer(utc - 3600, d->year) ? utc - 3600 : utc;
}
