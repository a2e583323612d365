#ifndef DOMAIN_HISTORY_H
#define DOMAIN_HISTORY_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* Reading the audit trail back: one record's history, one user's own
 * events, or the events of a supervisor's team. Newest first, a page at a
 * time, with the records they name resolved to references and names;
 * every read is itself audited. */

#define HISTORY_PAGE_SIZE	50
#define HISTORY_NAMES_MAX	200	/* records named on one page */

/* Which page (from 1), whether looking (views, searches, look-ups,
 * downloads) is left out so that only changes show, and the newest event
 * of this reading (0: now), so that events added while someone pages
 * through do not push the pages along. */
struct history_cursor {
	int		page;
	int		hide_views;
	long long	upto;
};

struct history_event {
	long long	 id;
	const char	*when;		/* Europe/London: "27 Nov 2026 at 14:05" */
	const char	*when_iso;	/* UTC, for <time datetime>: "2026-11-27T14:05:09Z" */
	const char	*who;		/* the user's name; "" for the system or the public */
	const char	*agency;	/* the actor's agency's name, or "" */
	const char	*entity;
	const char	*entity_id;	/* "" when none */
	const char	*record;	/* the record's reference or name; "" when
					 * none or not the reader's to see */
	const char	*action;
	const char	*reason;	/* "" when none */
	const char	*before;	/* JSON text of the changed fields, or "" */
	const char	*after;
};

/* A record named in the events' changes: what an id or a code stands for
 * (kind "agency", "team", "user", "asb_type", "role", "person" or
 * "incident"; see history_field_kind). */
struct history_name {
	const char	*kind;
	long long	 id;
	const char	*code;		/* "" when the kind has none */
	const char	*name;
};

struct history_page {
	struct history_event	*events;
	size_t			 n;
	long long		 total;	/* events in all pages */
	int			 page;	/* the page shown, from 1 */
	int			 pages;
	long long		 upto;	/* the cursor's, or the newest event shown */
	struct history_name	*names;
	size_t			 nnames;
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

const char *history_field_kind(const char *field);
const char *history_name_of(const struct history_page *, const char *kind,
	    long long id, const char *code);
int	history_of_record(struct pg *, struct arena *, const struct actor *,
	    const char *entity, const char *entity_id,
	    const struct history_cursor *, struct history_page *);
int	history_of_actor(struct pg *, struct arena *, const struct actor *,
	    const struct history_cursor *, struct history_page *);
int	history_of_team(struct pg *, struct arena *, const struct actor *,
	    long long user_id, const struct history_cursor *,
	    struct history_page *, struct history_team *);

#endif
