/* Outages of PostgreSQL or Redis: one line when a store goes away and one
 * when it is back, however many times a second the worker tries it. */
#include <stdarg.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/log.h"
#include "jobs/jobs.h"

/* Records a failed attempt; logs only the first of an outage. */
void
outage_fail(struct outage *o, const char *fmt, ...)
{
	struct buf msg = {0};
	va_list ap;

	if (o->down)
		return;
	o->down = 1;
	o->since = clock_ms();
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	log_error("%s unavailable, retrying every %d ms: %s", o->what,
	    OUTAGE_RETRY_MS, msg.oom ? "(out of memory)" : buf_cstr(&msg));
	buf_free(&msg);
}

/* Records a successful use; logs the end of an outage. */
void
outage_ok(struct outage *o)
{
	if (!o->down)
		return;
	o->down = 0;
	log_info("%s back after %.1f s", o->what, (clock_ms() - o->since) / 1000.0);
}
