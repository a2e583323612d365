#ifndef DOMAIN_CASE_H
#define DOMAIN_CASE_H

struct actor;
struct arena;
struct pg;

/* Monitored cases (README "Monitored cases"). A case is seen by its lead
 * agency and the agencies working it (monitored_case.shared_with, row
 * security in 0049); every part of it — people, places, incidents,
 * actions, contacts, reviews — is seen through it. */

extern const struct pg_stmts case_head_statements;

/* What every page of a case shows at its top, and what its parts check. */
struct case_head {
	long long	 id;
	const char	*reference;	/* CASE-2026-000001 */
	const char	*title;
	const char	*status;	/* open, closed */
	const char	*origin;	/* incidents, repeat_victim, repeat_location, case_review */
	long long	 lead_agency_id;
	const char	*lead_agency;	/* its name */
	long long	 lead_user_id;
	const char	*lead_name;	/* the single point of contact */
	long long	 lead_team_id;	/* 0: none */
	const char	*lead_team;	/* "" when none */
	const char	*risk_level;	/* standard, medium, high */
	const char	*opened;	/* Europe/London, for people */
	const char	*outcome;	/* "" while open */
	long long	 version;
	int		 lead;		/* the actor's agency leads it */
};

enum case_result {
	CASE_OK,
	CASE_NOT_FOUND,		/* or not the actor's to see: the same answer */
	CASE_CONFLICT,		/* changed by someone else since it was read */
	CASE_CLOSED,		/* the change needs an open case */
	CASE_ERROR,
};

/* One case within the caller's transaction (tx_begin'd with the actor). */
enum case_result case_head_load(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct case_head *);
/* The same in a transaction of its own, auditing the view (entity
 * "monitored_case", action "view"; a miss is a "not_found" row). */
enum case_result case_head_view(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct case_head *);
/* Adds a row to the case's timeline within the caller's transaction.
 * personal: the summary names a victim or witness (left out for an
 * agency without their consent). detail may be NULL. */
int	case_event_add(struct pg *, const struct actor *, long long case_id,
	    const char *kind, const char *summary, int personal, const char *detail_json);
/* Marks the case changed within the caller's transaction if it is still
 * at version: CASE_OK or CASE_CONFLICT. */
enum case_result case_touch(struct pg *, long long case_id, long long version);

#endif
