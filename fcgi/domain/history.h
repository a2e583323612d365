#ifndef DOMAIN_HISTORY_H
#define DOMAIN_HISTORY_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* Reading the audit trail back: one record's history, one user's own
 * events, or the events of a supervisor's team. Newest first, a page at a
 * time; every read is itself audited. */

#define HISTORY_PAGE_SIZE	50

/* Where a page starts: at the newest event (both 0), at the events older
 * than `before`, or at the events newer than `after` (audit_event ids). */
struct history_cursor {
	long long	before;
	long long	after;
};

struct history_event {
	long long	 id;
	const char	*when;		/* Europe/London: "27 Nov 2026 at 14:05" */
	const char	*when_iso;	/* UTC, for <time datetime>: "2026-11-27T14:05:09Z" */
	const char	*who;		/* the user's name; "" for the system or the public */
	const char	*agency;	/* the actor's agency's name, or "" */
	const char	*entity;
	const char	*entity_id;	/* "" when none */
	const char	*action;
	const char	*reason;	/* "" when none */
	const char	*before;	/* JSON text of the changed fields, or "" */
	const char	*after;
};

struct history_page {
	struct history_event	*events;
	size_t			 n;
	long long		 older;	/* cursor.before for the next page, or 0 */
	long long		 newer;	/* cursor.after for the previous page, or 0 */
};

/* A supervisor's team, for the activity page's filter. */
struct history_member {
	long long	 id;
	const char	*name;
};

struct history_team {
	long long		 id;		/* 0: the actor is in no team */
	const char		*name;
	struct history_member	*members;
	size_t			 nmembers;
};

extern const struct pg_stmts history_statements;

int	history_of_record(struct pg *, struct arena *, const struct actor *,
	    const char *entity, const char *entity_id,
	    const struct history_cursor *, struct history_page *);
int	history_of_actor(struct pg *, struct arena *, const struct actor *,
	    const struct history_cursor *, struct history_page *);
int	history_of_team(struct pg *, struct arena *, const struct actor *,
	    long long user_id, const struct history_cursor *,
	    struct history_page *, struct history_team *);

#endif
