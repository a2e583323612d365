#ifndef CORE_DATE_H
#define CORE_DATE_H

#include <time.h>

/* A calendar date, and the one parser every date of an answer goes
 * through (the public form's day, month and year, Open311's ISO 8601). */

#define DATE_YEAR_MIN	1900

struct date {
	int	year;	/* DATE_YEAR_MIN..9999 */
	int	month;	/* 1..12 */
	int	day;	/* 1..31, as the month allows */
};

const char *date_parse(const char *s, struct date *out);
int	date_real(int year, int month, int day);
int	date_after_today(const struct date *, time_t now);

#endif
