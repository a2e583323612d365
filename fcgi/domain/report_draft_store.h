#ifndef DOMAIN_REPORT_DRAFT_STORE_H
#define DOMAIN_REPORT_DRAFT_STORE_H

/* What the public form keeps in Redis while a report is filled in and
 * sent: the drafts (one JSON value a key), the submit lock on a draft's
 * idempotency key, and the count of reports from one address. The pages
 * call these; none of them talks to Redis itself. */

#include <stddef.h>

struct json_object;
struct rd;

/* Reports an hour from one address before the form refuses more. */
#define REPORT_SUBMIT_LIMIT	10
#define REPORT_SUBMIT_WINDOW	3600
/* The submit lock only saves a second transaction; the database's unique
 * idempotency key is what prevents a second report. Longer than a report
 * takes to write, short enough that a lock left behind strands no one. */
#define REPORT_SUBMIT_LOCK_SECONDS	10

/* The Redis key of a draft's token (64 lower-case hex digits, from the
 * browser's cookie): prefix and the token's SHA-256 in hex, into key.
 * 0, or -1 when the token is not one of ours or key is too small. The
 * report's draft and the Case Review application's use it. */
int	draft_store_key(const char *token, const char *prefix, char *key, size_t len);
int	draft_store_load(struct rd *, const char *key, struct json_object **doc);
int	draft_store_save(struct rd *, const char *key, const char *json, int seconds);
int	report_submit_lock(struct rd *, const char *idem);
void	report_submit_unlock(struct rd *, const char *idem);
int	report_submit_busy(struct rd *, const char *idem);
int	report_submit_limited(struct rd *, const char *addr);

#endif
