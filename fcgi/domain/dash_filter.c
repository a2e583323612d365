/* The dashboards' filters as the pages' GET forms send them: area
 * ("beat:ID" or "la_area:ID", an rpt_area id), team and ASB type (ids),
 * the operational dashboard's week (the date of its Monday, YYYY-MM-DD)
 * and the hotspot dashboard's period (YYYY-MM or YYYY-Qn). Pure: whether
 * an id is one the reader may choose is dash_ops_load's question. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/london.h"
#include "domain/dash_ops.h"

/* The Monday of the last complete Monday-to-Sunday week before the day
 * numbered today (1 January 1970, day 0, was a Thursday). */
long
dash_last_week(long today)
{
	long dow = (today + 3) % 7;	/* 0 Monday .. 6 Sunday */

	return today - dow - 7;
}

/* A positive id in decimal, at most 18 digits. 0, or -1. */
static int
id_parse(const char *s, long long *out)
{
	size_t n = strlen(s);
	long long v = 0;
	size_t i;

	if (n == 0 || n > 18 || strspn(s, "0123456789") != n)
		return -1;
	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	if (v <= 0)
		return -1;
	*out = v;
	return 0;
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* The filters from their values (NULL or "" for all, and for the last
 * complete week); today is London's day number. DASH_OK and f filled, or
 * the first value that is not one the form offers. */
enum dash_refusal
dash_filter_parse(const char *area, const char *team, const char *type,
    const char *week, long today, struct dash_filter *f)
{
	struct date d;
	const char *end;

	memset(f, 0, sizeof(*f));
	f->week = dash_last_week(today);
	if (!empty(area)) {
		if (strncmp(area, "beat:", 5) == 0) {
			if (id_parse(area + 5, &f->beat_id) == -1)
				return DASH_BAD_AREA;
		} else if (strncmp(area, "la_area:", 8) == 0) {
			if (id_parse(area + 8, &f->la_area_id) == -1)
				return DASH_BAD_AREA;
		} else
			return DASH_BAD_AREA;
	}
	if (!empty(team) && id_parse(team, &f->team_id) == -1)
		return DASH_BAD_TEAM;
	if (!empty(type) && id_parse(type, &f->type_id) == -1)
		return DASH_BAD_TYPE;
	if (!empty(week)) {
		long n;

		if ((end = date_parse(week, &d)) == NULL || *end != '\0' ||
		    strlen(week) != 10)
			return DASH_BAD_WEEK;
		n = day_number(&d);
		/* A Monday, from 2000 to the last week that has ended. */
		if ((n + 3) % 7 != 0 || n < DASH_WEEK_FIRST || n > f->week)
			return DASH_BAD_WEEK;
		f->week = n;
	}
	return DASH_OK;
}

/* The day number of the first of a month (month may run past 12). */
static long
month_first(int year, int month)
{
	struct date d;

	year += (month - 1) / 12;
	month = (month - 1) % 12 + 1;
	d.year = year;
	d.month = month;
	d.day = 1;
	return day_number(&d);
}

/* The period of `months` months from the first of year-month, and the
 * one of the same length just before it, into f. */
void
dash_period_of(int year, int month, int months, struct dash_filter *f)
{
	int py = year, pm = month - months;

	if (pm < 1) {
		pm += 12;
		py--;
	}
	f->p_year = year;
	f->p_month = month;
	f->p_months = months;
	f->from = month_first(year, month);
	f->to = month_first(year, month + months);
	f->prev_from = month_first(py, pm);
}

/* Up to 4 decimal digits exactly, as a number; -1 if not. */
static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The hotspot dashboard's period: "YYYY-MM" a month, "YYYY-Qn" a quarter
 * (Q1 January to March), from 2000 to the last one that has ended before
 * today (London's day number); NULL or "" for the last complete calendar
 * month. DASH_OK and f's period filled, or DASH_BAD_PERIOD. */
enum dash_refusal
dash_period_parse(const char *period, long today, struct dash_filter *f)
{
	struct date d;
	int year, month, months;

	day_from_number(today, &d);
	if (empty(period)) {
		if (d.month == 1)
			dash_period_of(d.year - 1, 12, 1, f);
		else
			dash_period_of(d.year, d.month - 1, 1, f);
		return DASH_OK;
	}
	if (strlen(period) != 7 || period[4] != '-' || (year = digits(period, 4)) < 2000)
		return DASH_BAD_PERIOD;
	if (period[5] == 'Q') {
		if (period[6] < '1' || period[6] > '4')
			return DASH_BAD_PERIOD;
		month = (period[6] - '1') * 3 + 1;
		months = 3;
	} else {
		if ((month = digits(period + 5, 2)) < 1 || month > 12)
			return DASH_BAD_PERIOD;
		months = 1;
	}
	dash_period_of(year, month, months, f);
	if (f->to > today)
		return DASH_BAD_PERIOD;
	return DASH_OK;
}

/* What is wrong with a refused filter, for the 400 page. */
const char *
dash_refusal_words(enum dash_refusal why)
{
	switch (why) {
	case DASH_BAD_AREA:
		return "There is no such area. Choose an area from the list.";
	case DASH_BAD_TEAM:
		return "There is no such team. Choose a team from the list.";
	case DASH_BAD_TYPE:
		return "There is no such type of anti-social behaviour. Choose a type "
		    "from the list.";
	case DASH_BAD_WEEK:
		return "The week must be the date of a Monday (for example 2026-11-23), "
		    "from 3 January 2000 to the last week that has ended. Choose a week "
		    "from the list.";
	case DASH_BAD_PERIOD:
		return "The period must be a month (for example 2026-10) or a quarter "
		    "(for example 2026-Q3), from January 2000 to the last one that has "
		    "ended. Choose a period from the list.";
	default:
		return "";
	}
}

const char *
dash_id_param(char *buf, size_t len, long long id)
{
	if (id == 0)
		return NULL;
	snprintf(buf, len, "%lld", id);
	return buf;
}

void
dash_day_param(char out[16], long day)
{
	struct date d;

	day_from_number(day, &d);
	snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
}
