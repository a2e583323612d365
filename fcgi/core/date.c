/* Calendar dates: parsing "YYYY-M-D" and checking a date is real. */
#include <ctype.h>
#include <time.h>

#include "core/date.h"

/* Up to max digits at *s as a number, moving *s past them; -1 when there
 * are none. */
static int
number(const char **s, int max)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)**s)) {
		v = v * 10 + (*(*s)++ - '0');
		n++;
	}
	return n > 0 ? v : -1;
}

/* 1 when year-month-day is a day of the Gregorian calendar from
 * DATE_YEAR_MIN on, 0 otherwise. */
int
date_real(int year, int month, int day)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (year < DATE_YEAR_MIN || year > 9999 || month < 1 || month > 12 || day < 1)
		return 0;
	return day <= days[month - 1] + (month == 2 && leap);
}

/* A real date at the start of s: four digits of year, then a month and a
 * day of one or two digits, each after a "-". Returns where the date ends
 * in s (the caller decides what may follow), or NULL when s does not
 * start with a real date. */
const char *
date_parse(const char *s, struct date *out)
{
	int y, m, d;

	if ((y = number(&s, 4)) < 0 || *s != '-')
		return NULL;
	s++;
	if ((m = number(&s, 2)) < 0 || *s++ != '-' || (d = number(&s, 2)) < 0 ||
	    isdigit((unsigned char)*s) || !date_real(y, m, d))
		return NULL;
	out->year = y;
	out->month = m;
	out->day = d;
	return s;
}

/* 1 when the date comes after tomorrow as the UTC calendar has it at
 * now: a day's grace for a reporter whose day starts earlier than UTC's.
 * 1 also when the clock cannot be read, so nothing unchecked gets in. */
int
date_after_today(const struct date *d, time_t now)
{
	struct tm t;
	time_t tomorrow = now + 86400;

	if (gmtime_r(&tomorrow, &t) == NULL)
		return 1;
	return d->year * 10000L + d->month * 100 + d->day >
	    (t.tm_year + 1900L) * 10000 + (t.tm_mon + 1) * 100 + t.tm_mday;
}
