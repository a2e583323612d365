#ifndef DOMAIN_WEBHOOK_ADMIN_H
#define DOMAIN_WEBHOOK_ADMIN_H

#include <stddef.h>

#include "domain/admin.h"

struct actor;
struct arena;
struct pg;

/* What an administrator sees of a CAD client's webhooks (sent by
 * concord-worker, jobs/webhook.c): its recent deliveries with every
 * attempt, its dead letters, and the replay of a dead one. Times are
 * Europe/London, "3 Dec 2026 at 14:05:09". */

#define WEBHOOK_RECENT		50	/* deliveries on the page */
#define WEBHOOK_DEAD_MAX	200	/* dead letters on the page */

struct webhook_client {
	long long	 id;
	const char	*name;
	const char	*webhook_url;	/* "" when none */
};

struct webhook_try {
	int		 attempt;
	const char	*at;
	int		 duration_ms;
	int		 http_status;	/* 0: no answer */
	const char	*error;		/* "" when none */
};

struct webhook_rec {
	long long	 id;
	const char	*event;		/* allocation, risk, status, update */
	const char	*state;		/* pending, delivered, dead */
	const char	*reference;	/* the incident's */
	const char	*created_at;
	const char	*next_at;	/* the next try of a pending one, else "" */
	const char	*delivered_at;	/* or "" */
	const char	*dead_at;	/* or "" */
	const char	*replayed_at;	/* or "" */
	const char	*replayed_by;	/* the administrator's name, or "" */
	int		 attempts;	/* since it was queued or replayed */
	struct webhook_try *tries;	/* every attempt, the first first */
	size_t		 ntries;
};

extern const struct pg_stmts webhook_admin_statements;

/* The CAD client with the id: 1, 0 when there is none, or -1. */
int		webhook_client_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct webhook_client *);
/* The client's WEBHOOK_RECENT newest deliveries, newest first, with their
 * attempts. 0 or -1. */
int		webhook_recent(struct pg *, struct arena *, const struct actor *,
		    long long client_id, struct webhook_rec **, size_t *n);
/* The client's dead letters (at most WEBHOOK_DEAD_MAX), the latest to die
 * first, with their attempts. 0 or -1. */
int		webhook_dead(struct pg *, struct arena *, const struct actor *,
		    long long client_id, struct webhook_rec **, size_t *n);
/* Sends a dead delivery of the client again: pending from its first
 * attempt, with who replayed it and when, and the audit row
 * ("webhook_delivery", "replay"). ADMIN_OK, ADMIN_NOT_FOUND (not the
 * client's), ADMIN_ALREADY (not dead: delivered, or pending already) or
 * ADMIN_ERROR. */
enum admin_rc	webhook_replay(struct pg *, const struct actor *, long long client_id,
		    long long delivery_id);

#endif
