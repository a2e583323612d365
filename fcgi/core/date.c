/* Calendar dates: parsing "YYYY-M-D", checking a date is real, the
 * words of GOV.UK's date input for what is wrong with one typed as day,
 * month and year (design-system.service.gov.uk/components/date-input),
 * and dates and times of day in words as GOV.UK writes them. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December" };

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

/* Exactly two digits at s, as a number, or -1. */
static int
two_digits(const char *s)
{
	const char *e = s;
	int v = number(&e, 2);

	return e - s == 2 ? v : -1;
}

int
date_rfc3339_utc(const char *s, char out[DATE_RFC3339_LEN])
{
	int h, mi, sec, oh = 0, om = 0, sign = 0;
	struct date d;
	struct tm tm = {0};
	const char *t;
	time_t at;

	/* The date as every date is read, with RFC 3339's two-digit month
	 * and day. */
	if (s == NULL || (t = date_parse(s, &d)) == NULL || t - s != 10)
		return -1;
	if ((*t != 'T' && *t != 't') || (h = two_digits(t + 1)) < 0 || t[3] != ':' ||
	    (mi = two_digits(t + 4)) < 0 || t[6] != ':' || (sec = two_digits(t + 7)) < 0 ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	t += 9;
	if (*t == '.') {
		if (!isdigit((unsigned char)*++t))
			return -1;
		while (isdigit((unsigned char)*t))
			t++;
	}
	if (*t == 'Z' || *t == 'z') {
		t++;
	} else if (*t == '+' || *t == '-') {
		sign = *t == '-' ? -1 : 1;
		if ((oh = two_digits(t + 1)) < 0 || t[3] != ':' ||
		    (om = two_digits(t + 4)) < 0 || oh > 23 || om > 59)
			return -1;
		t += 6;
	} else {
		return -1;
	}
	if (*t != '\0')
		return -1;
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec == 60 ? 59 : sec;
	if ((at = timegm(&tm)) == (time_t)-1)
		return -1;
	at -= (time_t)sign * (oh * 3600 + om * 60);
	if (gmtime_r(&at, &tm) == NULL ||
	    strftime(out, DATE_RFC3339_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) != DATE_RFC3339_LEN - 1)
		return -1;
	return 0;
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

/* ------------------------------------------------------------------ */
/* A date typed as day, month and year                                 */

/* The value of s when it is 1..max digits and nothing else, or -1. */
static int
digits(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max || strspn(s, "0123456789") != n)
		return -1;
	return number(&s, (int)max);
}

/* The refusal *why: message (NULL out of memory) and parts. 1, or -1
 * when out of memory. */
static int
refused(struct date_refusal *why, const char *message, int parts)
{
	why->message = message;
	why->parts = parts;
	return message != NULL ? 1 : -1;
}

/* Checks a date typed as day, month and year (each trimmed, "" when left
 * blank), in GOV.UK's order and words, for a date that must be today or
 * in the past (with date_after_today's day of grace). name says whose
 * date it is ("Date it happened"); blank is the whole message when all
 * three are blank ("Enter the date it happened").
 *   "<name> must include a month" (or "a day and year"…: the parts
 *   missing), "Year must include 4 numbers", "<name> must be a real date",
 *   "<name> must be today or in the past".
 * Returns 0 with the date in *out; 1 with *why; -1 out of memory. */
int
date_input_check(struct arena *a, const char *day, const char *month,
    const char *year, const char *name, const char *blank, time_t now,
    struct date *out, struct date_refusal *why)
{
	/* The missing parts in words, by their set. */
	static const char *const include[DATE_WHOLE] = {
		[DATE_DAY] = "a day", [DATE_MONTH] = "a month", [DATE_YEAR] = "a year",
		[DATE_DAY | DATE_MONTH] = "a day and month",
		[DATE_DAY | DATE_YEAR] = "a day and year",
		[DATE_MONTH | DATE_YEAR] = "a month and year",
	};
	struct date d;
	int missing = 0, wrong = 0;

	missing |= *day == '\0' ? DATE_DAY : 0;
	missing |= *month == '\0' ? DATE_MONTH : 0;
	missing |= *year == '\0' ? DATE_YEAR : 0;
	if (missing == DATE_WHOLE)
		return refused(why, blank, DATE_WHOLE);
	if (missing != 0)
		return refused(why, arena_printf(a, "%s must include %s", name,
		    include[missing]), missing);
	if ((d.year = digits(year, 4)) < 0 || strlen(year) != 4)
		return refused(why, "Year must include 4 numbers", DATE_YEAR);
	d.month = digits(month, 2);
	d.day = digits(day, 2);
	wrong |= d.day < 1 || d.day > 31 ? DATE_DAY : 0;
	wrong |= d.month < 1 || d.month > 12 ? DATE_MONTH : 0;
	wrong |= d.year < DATE_YEAR_MIN ? DATE_YEAR : 0;
	/* One part wrong is highlighted, several are the whole date; a day
	 * the month does not have (31 April, 29 February 2025) is the day's. */
	if (wrong == 0 && !date_real(d.year, d.month, d.day))
		wrong = DATE_DAY;
	if (wrong != 0)
		return refused(why, arena_printf(a, "%s must be a real date", name),
		    wrong == DATE_DAY || wrong == DATE_MONTH || wrong == DATE_YEAR ?
		    wrong : DATE_WHOLE);
	if (date_after_today(&d, now))
		return refused(why, arena_printf(a, "%s must be today or in the past",
		    name), DATE_WHOLE);
	*out = d;
	return 0;
}

/* A date sent as one "YYYY-M-D" (Open311, the intake), checked as the
 * three parts it holds by date_input_check, so that every channel gets
 * the same words: "2026-3-" is a date without a day. Not three parts
 * is not a real date. Returns as date_input_check. */
int
date_iso_check(struct arena *a, const char *s, const char *name, time_t now,
    struct date *out, struct date_refusal *why)
{
	const char *m, *d, *real;
	char *year, *month;

	if ((real = arena_printf(a, "%s must be a real date", name)) == NULL)
		return -1;
	if ((m = strchr(s, '-')) == NULL || (d = strchr(m + 1, '-')) == NULL ||
	    strchr(d + 1, '-') != NULL)
		return refused(why, real, DATE_WHOLE);
	if ((year = arena_strndup(a, s, (size_t)(m - s))) == NULL ||
	    (month = arena_strndup(a, m + 1, (size_t)(d - m - 1))) == NULL)
		return -1;
	return date_input_check(a, d + 1, month, year, name, real, now, out, why);
}

/* The name of the first part in parts ("day", "month" or "year"), for
 * the id of the input an error links to. */
const char *
date_part_name(int parts)
{
	if (parts & DATE_DAY)
		return "day";
	return parts & DATE_MONTH ? "month" : "year";
}

/* ------------------------------------------------------------------ */
/* In words                                                            */

/* "1 December 2026": no leading zero, the month's name. */
char *
date_words(char out[DATE_WORDS_MAX], const struct date *d)
{
	if (!date_real(d->year, d->month, d->day))
		return NULL;
	snprintf(out, DATE_WORDS_MAX, "%d %s %d", d->day, month_names[d->month - 1],
	    d->year);
	return out;
}

/* minutes after midnight on the 12-hour clock, GOV.UK style: "9:05am",
 * "11:55pm", "9pm" (no ":00"), "12pm" for midday and "12am" for
 * midnight. */
char *
clock_words(char out[CLOCK_WORDS_MAX], int minutes)
{
	const char *half;
	int h, m;

	if (minutes < 0 || minutes >= 24 * 60)
		return NULL;
	h = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12;
	m = minutes % 60;
	half = minutes < 12 * 60 ? "am" : "pm";
	if (m == 0)
		snprintf(out, CLOCK_WORDS_MAX, "%d%s", h, half);
	else
		snprintf(out, CLOCK_WORDS_MAX, "%d:%02d%s", h, m, half);
	return out;
}
