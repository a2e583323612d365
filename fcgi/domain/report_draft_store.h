#ifndef DOMAIN_REPORT_DRAFT_STORE_H
#define DOMAIN_REPORT_DRAFT_STORE_H

/* What the public form keeps in Redis while a report is filled in and
 * sent: the drafts (one JSON value a key), the submit lock on a draft's
 * idempotency key, and the count of reports from one address. The pages
 * call these; none of them talks to Redis itself. */

struct json_object;
struct rd;

/* Reports an hour from one address before the form refuses more. */
#define REPORT_SUBMIT_LIMIT	10
#define REPORT_SUBMIT_WINDOW	3600
/* The submit lock only saves a second transaction; the database's unique
 * idempotency key is what prevents a second report. Longer than a report
 * takes to write, short enough that a lock left behind strands no one. */
#define REPORT_SUBMIT_LOCK_SECONDS	10

int	draft_store_load(struct rd *, const char *key, struct json_object **doc);
int	draft_store_save(struct rd *, const char *key, const char *json, int seconds);
int	report_submit_lock(struct rd *, const char *idem);
void	report_submit_unlock(struct rd *, const char *idem);
int	report_submit_busy(struct rd *, const char *idem);
int	report_submit_limited(struct rd *, const char *what, const char *addr);

#endif
