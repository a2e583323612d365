/* An action's clocks on London calendar dates (domain/action_clock.h). */
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "domain/action_clock.h"

/* The date as a number that orders as the calendar does. */
static long
ymd(const struct date *d)
{
	return d->year * 10000L + d->month * 100L + d->day;
}

long
action_days_between(const struct date *a, const struct date *b)
{
	struct tm ta = {0}, tb = {0};

	ta.tm_year = a->year - 1900;
	ta.tm_mon = a->month - 1;
	ta.tm_mday = a->day;
	tb.tm_year = b->year - 1900;
	tb.tm_mon = b->month - 1;
	tb.tm_mday = b->day;
	/* timegm: calendar arithmetic in UTC, where every day is 86400 s. */
	return (long)((timegm(&tb) - timegm(&ta)) / 86400);
}

enum action_clock_state
action_clock(const char *status, const struct date *due, const struct date *today)
{
	if (status == NULL || strcmp(status, "open") != 0)
		return ACTION_CLOCK_CLOSED;
	if (due == NULL)
		return ACTION_CLOCK_NONE;
	if (ymd(today) > ymd(due))
		return ACTION_CLOCK_OVERDUE;
	return ymd(today) == ymd(due) ? ACTION_CLOCK_TODAY : ACTION_CLOCK_DUE;
}

enum action_legal_state
action_legal(const struct date *served, const struct date *expires,
    const struct date *review, const struct date *today)
{
	if (served == NULL || ymd(served) > ymd(today))
		return ACTION_LEGAL_NOT_SERVED;
	/* An order lasts to the end of its expiry day. */
	if (expires != NULL && ymd(today) > ymd(expires))
		return ACTION_LEGAL_EXPIRED;
	if (review != NULL && ymd(today) >= ymd(review))
		return ACTION_LEGAL_REVIEW_DUE;
	return ACTION_LEGAL_IN_FORCE;
}

const char *
action_legal_dates_check(const struct date *served, const struct date *expires,
    const struct date *review, const char **field)
{
	if (served != NULL && expires != NULL && ymd(expires) < ymd(served)) {
		*field = "expires";
		return "Expiry date must be the same as or after the date it was served";
	}
	if (served != NULL && review != NULL && ymd(review) < ymd(served)) {
		*field = "review";
		return "Review date must be the same as or after the date it was served";
	}
	if (expires != NULL && review != NULL && ymd(review) > ymd(expires)) {
		*field = "review";
		return "Review date must be the same as or before the expiry date";
	}
	return NULL;
}
