/* When a victim contact and a supervisor review of a case fall due
 * (domain/case_clock.h): pure day arithmetic over London days. */
#include "core/london.h"
#include "domain/case_clock.h"

void
case_contact_due_on(const struct date *starts, int every_days, time_t last,
    struct date *out)
{
	struct date d;

	if (last == 0 || london_date(last, &d) == -1 || day_number(&d) < day_number(starts)) {
		*out = *starts;
		return;
	}
	day_from_number(day_number(&d) + every_days, out);
}

time_t
case_day_overdue_at(const struct date *due)
{
	struct date next;

	day_from_number(day_number(due) + 1, &next);
	return london_day_start(&next);
}

int
case_days_overdue(const struct date *due, time_t now)
{
	struct date today;

	if (now < case_day_overdue_at(due) || london_date(now, &today) == -1)
		return 0;
	return (int)(day_number(&today) - day_number(due));
}

int
case_review_due_on(const struct date *opened, const int *days, size_t n,
    const struct date *after, struct date *out)
{
	long o = day_number(opened), a = day_number(after), last, gap;
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (o + days[i] > a) {
			day_from_number(o + days[i], out);
			return 1;
		}
	last = o + days[n - 1];
	gap = n > 1 ? days[n - 1] - days[n - 2] : days[0];
	day_from_number(last + gap * ((a - last) / gap + 1), out);
	return 1;
}
