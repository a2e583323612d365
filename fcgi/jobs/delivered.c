/* What the outbox keeps of a job once it is done: its payload (addresses,
 * links) is cleared as soon as it is delivered, and the job itself is
 * deleted outbox_keep_days later (domain/outbox_keep.c). A clearing that
 * failed because the database was away is tried again on later turns. */
#include <stdio.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/outbox_keep.h"
#include "jobs/jobs.h"
#include "store/pg.h"

#define PRUNE_FIRST_MS	(60 * 1000)
#define PRUNE_EVERY_MS	(60 * 60 * 1000.0)
#define PRUNE_RETRY_MS	(5 * 60 * 1000)

#define UNCLEARED_MAX	(sizeof(((struct worker *)0)->uncleared) / \
			    sizeof(((struct worker *)0)->uncleared[0]))

/* After a job of outbox id `id` succeeded: clears its payload, or keeps
 * the id to try again. */
void
delivered_mark(struct worker *w, const char *id)
{
	if (outbox_delivered(w->pg, id) == 0)
		return;
	if (w->uncleared_n == UNCLEARED_MAX) {
		log_error("outbox %s delivered, payload not cleared (%s), and too "
		    "many waiting: it stays until an operator clears it", id,
		    pg_error(w->pg));
		return;
	}
	log_warn("outbox %s delivered, payload not cleared yet: %s", id, pg_error(w->pg));
	w->uncleared[w->uncleared_n++] = strtoll(id, NULL, 10);
}

/* The clearings that failed, while the database answers. */
static void
uncleared_retry(struct worker *w)
{
	char id[24];

	/* The relay notices when the database comes back. */
	if (w->pg_down.down)
		return;
	while (w->uncleared_n > 0) {
		snprintf(id, sizeof(id), "%lld", w->uncleared[w->uncleared_n - 1]);
		if (outbox_delivered(w->pg, id) == -1)
			return;
		w->uncleared_n--;
	}
}

/* Every turn of the loop: the clearings that wait, and every hour (the
 * first a minute after start) the delivered jobs past outbox_keep_days. */
void
delivered_tick(struct worker *w)
{
	double now = clock_ms();
	long n;

	uncleared_retry(w);
	if (w->prune_next == 0) {
		w->prune_next = now + PRUNE_FIRST_MS;
		return;
	}
	if (now < w->prune_next)
		return;
	if ((n = outbox_prune(w->pg, w->cfg->outbox_keep_days)) == -1) {
		log_warn("outbox prune: %s", pg_error(w->pg));
		w->prune_next = now + PRUNE_RETRY_MS;
		return;
	}
	w->prune_next = now + PRUNE_EVERY_MS;
	if (n > 0)
		log_info("outbox: %ld jobs delivered more than %d days ago deleted", n,
		    w->cfg->outbox_keep_days);
}
