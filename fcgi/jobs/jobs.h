#ifndef JOBS_JOBS_H
#define JOBS_JOBS_H

#include <signal.h>
#include <stddef.h>

/*
 * concord-worker: relays the outbox table into a Redis stream and consumes
 * that stream in a consumer group.
 *
 *   outbox (PostgreSQL) --relay.c--> concord:jobs --consumer.c--> handler
 *                                        ^    |
 *                  queue.c (promote) ----+    +-- queue.c: retry --> concord:jobs:retry
 *                                             +-- queue.c: dead  --> concord:jobs:dead
 *                                             +-- reclaim.c: XAUTOCLAIM from dead consumers
 *
 * A stream entry has the fields id (the outbox id), type, payload (JSON) and
 * attempt (1 for the first try). Delivery is at least once: handlers must be
 * idempotent by outbox id.
 */
#define JOBS_STREAM		"concord:jobs"
#define JOBS_GROUP		"concord-workers"
#define JOBS_RETRY		"concord:jobs:retry"	/* sorted set, scored by due time (ms) */
#define JOBS_DEAD		"concord:jobs:dead"

#define JOB_MAX_ATTEMPTS	5	/* then the job is dead-lettered */
#define JOB_BACKOFF_MS		1000	/* first retry; doubles each attempt */
#define JOB_BACKOFF_MAX_MS	3600000
#define JOB_MAX_DELIVERIES	3	/* a job that keeps killing its worker */
#define JOB_READ_COUNT		10
#define JOB_BLOCK_MS		100	/* so the relay, webhooks and signals get a turn */
#define JOB_RECLAIM_IDLE_MS	30000
#define JOB_RECLAIM_EVERY_MS	5000
#define JOB_PROMOTE_COUNT	100

#define RELAY_BATCH		100
#define RELAY_POLL_MS		250	/* how often the relay looks at the outbox */
#define OUTAGE_RETRY_MS		1000

/* CAD clients' webhooks (webhook.c): deliveries queued by the database
 * (sql/migrations/0046_cad_api.sql), looked for every WEBHOOK_POLL_MS and
 * sent WEBHOOK_BATCH at a time, in parallel. */
#define WEBHOOK_BATCH		64	/* a batch costs two commits, whatever its size */
#define WEBHOOK_POLL_MS		100
#define WEBHOOK_MAX_ATTEMPTS	8	/* then the delivery is dead */
#define WEBHOOK_CONNECT_MS	2000
#define WEBHOOK_TIMEOUT_MS	5000	/* the whole exchange */
/* A claimed delivery is not looked at again for this long: another worker
 * sends it again only if this one died while sending. */
#define WEBHOOK_LEASE_MS	60000
#define WEBHOOK_HEADERS_MAX	10


struct config;
struct pg;
struct rd;
struct redisReply;

/* Set by SIGTERM and SIGINT: finish the job in hand, then leave. */
extern volatile sig_atomic_t jobs_stop;

/* A store that is down is logged when it goes and when it comes back,
 * not on every failed attempt. */
struct outage {
	const char	*what;
	int		 down;
	double		 since;
};

void	outage_fail(struct outage *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	outage_ok(struct outage *);

/* One job as read from the stream; the strings point into the reply. */
struct job {
	const char	*entry;		/* stream entry id */
	const char	*id;		/* outbox id */
	const char	*type;
	const char	*payload;
	size_t		 payload_len;
	int		 attempt;
};

enum job_result {
	JOB_OK,
	JOB_RETRY,	/* may work later: back off and try again */
	JOB_FAIL	/* never will: dead-letter at once */
};

struct worker;

typedef enum job_result (*job_fn)(struct worker *, const struct job *,
    char *err, size_t errlen);

struct relay {
	double		 next;		/* ms: the next look or retry */
};

struct worker {
	const struct config	*cfg;
	struct pg		*pg;
	struct rd		*rd;
	char			 consumer[300];	/* host-pid */
	int			 group_ready;
	struct relay		 relay;
	double			 reclaim_next;
	double			 retention_next;
	double			 overdue_next;
	double			 prune_next;
	double			 webhook_next;
	/* Delivered jobs whose payload could not be cleared yet (the
	 * database was away): tried again by delivered_tick. */
	long long		 uncleared[64];
	size_t			 uncleared_n;
	char			 reclaim_cursor[64];
	struct outage		 pg_down;
	struct outage		 rd_down;
};

/* retention.c */
void	retention_tick(struct worker *);

/* overdue.c: overdue items told to their teams */
void	overdue_tick(struct worker *);

/* delivered.c: what the outbox keeps of a job once it is done */
void	delivered_mark(struct worker *, const char *id);
void	delivered_tick(struct worker *);

/* relay.c */
extern const struct pg_stmts relay_statements;
void	relay_tick(struct worker *);

/* consumer.c */
int	consumer_tick(struct worker *);
void	consumer_leave(struct worker *);
int	consumer_group(struct worker *);
void	job_run(struct worker *, struct job *);
int	job_parse(struct job *, const struct redisReply *entry);

/* queue.c: atomic moves between the stream, the retry set and the dead letters */
int	queue_finish(struct worker *, const struct job *);
int	queue_retry(struct worker *, const struct job *, long long delay_ms);
int	queue_dead(struct worker *, const struct job *, const char *error);
int	queue_requeue(struct worker *, const struct job *);
int	queue_promote(struct worker *);
long long job_backoff_ms(int attempt);

/* reclaim.c */
int	reclaim_tick(struct worker *);

/* webhook.c: finds the due deliveries, signs and sends them, records
 * each attempt */
extern const struct pg_stmts webhook_statements;
void	webhook_tick(struct worker *);

/* webhook_send.c: the POSTs themselves (libcurl) */
struct webhook_post {
	const char	*url;
	const char	*body;
	size_t		 body_len;
	const char	*headers[WEBHOOK_HEADERS_MAX];	/* "Name: value" */
	size_t		 nheaders;
	int		 skip;		/* could not be made: error says why */
	/* What became of it. */
	int		 ok;		/* a 2xx answer */
	long		 status;	/* 0: no answer */
	int		 duration_ms;
	char		 error[512];
	char		 curl_error[256];	/* CURL_ERROR_SIZE */
};

int	webhook_wire_init(void);
void	webhook_wire_close(void);
int	webhook_target(const char *url, char *path, size_t pathlen, char *query,
	    size_t querylen, char *err, size_t errlen);
void	webhook_send(struct webhook_post *const *, size_t n);

/* notify.c */
enum job_result notify_run(struct worker *, const struct job *, char *, size_t);

/* mail.c */
struct buf;
struct mail {
	const char	*from;
	const char	*to;
	const char	*subject;
	const char	*body;
	const char	*message_id;
	long long	 date;		/* seconds since the epoch */
};

int	mail_addr_valid(const char *);
int	mail_format(struct buf *, const struct mail *);

#endif
