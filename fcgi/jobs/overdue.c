/* Overdue notices, swept by the worker every minute (and soon after it
 * starts): items that went past their triage or first-action target are
 * told to their team once (domain/overdue.c). */
#include "core/clock.h"
#include "core/log.h"
#include "domain/overdue.h"
#include "jobs/jobs.h"
#include "store/pg.h"

#define OVERDUE_FIRST_MS	(2 * 1000)
#define OVERDUE_EVERY_MS	(60 * 1000)

void
overdue_tick(struct worker *w)
{
	struct overdue_result r;
	double now = clock_ms();

	if (w->overdue_next == 0) {
		w->overdue_next = now + OVERDUE_FIRST_MS;
		return;
	}
	if (now < w->overdue_next)
		return;
	/* Whether it worked or not, the next try is a minute away: a store
	 * that is down is the relay's to report. */
	w->overdue_next = now + OVERDUE_EVERY_MS;
	if (overdue_sweep(w->pg, w->cfg, &r) == -1) {
		log_warn("overdue sweep: %s", pg_error(w->pg));
		return;
	}
	if (r.teams > 0)
		log_info("overdue sweep: %ld items told to %ld teams in %ld notify jobs",
		    r.items, r.teams, r.jobs);
}
