#ifndef DOMAIN_ACTION_CLOCK_H
#define DOMAIN_ACTION_CLOCK_H

struct date;

/* An action's clocks (README "Action plans and case panels"), as pure
 * rules on calendar dates in London: the caller gives today's London date
 * (SQL's (now() AT TIME ZONE 'Europe/London')::date). The same rule as
 * SQL's case_action_due_at (0051), which the queue and the overdue sweep
 * use: an open action is overdue from the day after its due date. */

enum action_clock_state {
	ACTION_CLOCK_NONE,	/* open, no due date */
	ACTION_CLOCK_DUE,	/* open, due later */
	ACTION_CLOCK_TODAY,	/* open, due today: not yet overdue */
	ACTION_CLOCK_OVERDUE,	/* open, today is after its due date */
	ACTION_CLOCK_CLOSED,	/* done or cancelled: never overdue */
};

/* An enforcement action's legal state on today. */
enum action_legal_state {
	ACTION_LEGAL_NOT_SERVED,	/* no served date, or served later */
	ACTION_LEGAL_IN_FORCE,		/* served, not expired, no review due */
	ACTION_LEGAL_REVIEW_DUE,	/* in force, its review date reached */
	ACTION_LEGAL_EXPIRED,		/* today is after its expiry date */
};

/* status "open", "done" or "cancelled"; due NULL for none. */
enum action_clock_state	action_clock(const char *status, const struct date *due,
			    const struct date *today);
/* Whole days from a to b (negative when b is before a). */
long			action_days_between(const struct date *a, const struct date *b);
/* Each date may be NULL (not set). */
enum action_legal_state	action_legal(const struct date *served, const struct date *expires,
			    const struct date *review, const struct date *today);
/* Whether the legal dates fit together: expiry and review on or after
 * service, review on or before expiry. NULL when they do, else the words
 * for the person and *field the input to mark ("expires", "review"). */
const char		*action_legal_dates_check(const struct date *served,
			    const struct date *expires, const struct date *review,
			    const char **field);

#endif
