/* The evidence retention purge, run by the worker every few hours (and
 * soon after it starts): rows past their date, files no row names,
 * uploads that never finished and the files of expired drafts
 * (domain/evidence_purge.c). */
#include "core/clock.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/evidence_purge.h"
#include "jobs/jobs.h"

#define RETENTION_FIRST_MS	(60 * 1000)
#define RETENTION_EVERY_MS	(6 * 60 * 60 * 1000.0)
#define RETENTION_RETRY_MS	(5 * 60 * 1000)

void
retention_tick(struct worker *w)
{
	struct purge_result r;
	double now = clock_ms();

	if (w->retention_next == 0) {
		w->retention_next = now + RETENTION_FIRST_MS;
		return;
	}
	if (now < w->retention_next)
		return;
	if (evidence_purge(w->pg, w->rd, w->cfg->evidence_dir, EVIDENCE_GRACE_SECONDS,
	    &r) == -1) {
		w->retention_next = now + RETENTION_RETRY_MS;
		return;
	}
	w->retention_next = now + RETENTION_EVERY_MS;
	if (r.rows > 0 || r.files > 0 || r.tmp > 0 || r.drafts > 0)
		log_info("evidence retention: %ld rows past their date deleted, %ld "
		    "stored files removed, %ld unfinished uploads removed, %ld "
		    "files of expired drafts removed", r.rows, r.files, r.tmp, r.drafts);
}
