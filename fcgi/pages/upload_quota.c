/* The public's upload quotas (pages/upload_quota.h). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "http/request.h"
#include "pages/upload_quota.h"
#include "store/counter.h"
#include "store/redis.h"

/* The four quotas of this draft and this request's address: their keys
 * and limits, nothing counted yet. */
void
quota_init(struct req *r, struct quota *q, const char *draft)
{
	static const char *const names[Q_N] = { "draft:%s:bytes", "draft:%s:files",
	    "address:%s:bytes", "address:%s:files" };
	const char *addr = r->remote_addr != NULL ? r->remote_addr : "-";
	char name[160];
	int i;

	memset(q, 0, sizeof(*q));
	q->over = -1;
	q->limit[Q_DRAFT_BYTES] = (long long)r->cfg->upload_draft_bytes_hour;
	q->limit[Q_DRAFT_FILES] = r->cfg->upload_draft_files_hour;
	q->limit[Q_ADDR_BYTES] = (long long)r->cfg->upload_address_bytes_hour;
	q->limit[Q_ADDR_FILES] = r->cfg->upload_address_files_hour;
	for (i = 0; i < Q_N; i++) {
		snprintf(name, sizeof(name), names[i], i < Q_ADDR_BYTES ? draft : addr);
		snprintf(q->key[i], sizeof(q->key[i]), "concord:quota:upload:%s", name);
	}
}

/* Counts n more bytes (files 0) or files (files 1) against the draft's
 * and the address's quota. Returns 0 when both allow it, 1 when one is
 * reached (q->over and q->ttl say which and for how long), -1 when Redis
 * cannot say. What is counted stays counted until quota_settle. */
int
quota_take(struct rd *rd, struct quota *q, int files, long long n)
{
	struct rd_window w;
	int i;

	for (i = files ? Q_DRAFT_FILES : Q_DRAFT_BYTES; i < Q_N; i += 2) {
		if (rd_window_add(rd, q->key[i], QUOTA_WINDOW, n, &w) == -1)
			return -1;
		q->taken[i] += n;
		if (w.count > q->limit[i]) {
			q->over = i;
			q->ttl = w.ttl;
			return 1;
		}
	}
	return 0;
}

/* Gives back what this request counted beyond what it stored. */
void
quota_settle(struct rd *rd, struct quota *q, long long bytes, long long files)
{
	struct rd_window w;
	long long back;
	int i;

	for (i = 0; i < Q_N; i++) {
		back = q->taken[i] - (i == Q_DRAFT_FILES || i == Q_ADDR_FILES ? files : bytes);
		if (back > 0 && rd_window_add(rd, q->key[i], QUOTA_WINDOW, -back, &w) == -1)
			log_warn("evidence: quota %s not given back: %s", q->key[i],
			    rd_error(rd));
	}
}

/* Which quota was reached and when to try again, in words. */
const char *
quota_problem(struct req *r, const struct quota *q)
{
	long long minutes = q->ttl > 0 ? (q->ttl + 59) / 60 : 60;
	unsigned long long mb = (unsigned long long)q->limit[q->over] / (1000 * 1000);
	const char *when = arena_printf(r->arena, "Try again in %lld minute%s", minutes,
	    minutes == 1 ? "" : "s");

	switch (q->over) {
	case Q_DRAFT_BYTES:
		return arena_printf(r->arena, "You have added %llu MB of files to this "
		    "report in the last hour, the most it can take. %s, or continue "
		    "without adding more", mb, when);
	case Q_DRAFT_FILES:
		return arena_printf(r->arena, "You have added %lld files to this report "
		    "in the last hour, the most it can take. %s, or continue without "
		    "adding more", q->limit[q->over], when);
	case Q_ADDR_BYTES:
		return arena_printf(r->arena, "%llu MB of files have been sent from your "
		    "connection in the last hour, the most we can take. %s", mb, when);
	default:
		return arena_printf(r->arena, "%lld files have been sent from your "
		    "connection in the last hour, the most we can take. %s",
		    q->limit[q->over], when);
	}
}
