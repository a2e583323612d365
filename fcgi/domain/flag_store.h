#ifndef DOMAIN_FLAG_STORE_H
#define DOMAIN_FLAG_STORE_H

#include <stddef.h>
#include <time.h>

#include "domain/case_review_rule.h"
#include "domain/flags.h"

struct actor;
struct arena;
struct config;
struct pg;

extern const struct pg_stmts flag_store_statements;

/* The immediate flags of an incident kept up to date in the database:
 * gathers the facts domain/flags.c needs (the incident's answers, its
 * people and their parts in other incidents, the incidents near its
 * point), computes, and stores the flag columns of the incident
 * (urgent, vulnerable, repeat_victim, repeat_location, repeat_subject,
 * hate). Called by the intake at creation and by every change of links
 * (people added or removed, incidents linked or unlinked), for each
 * incident the change touches. */

/* A victim's ASB Case Review state, as the incident page shows it. */
struct flag_victim_view {
	long long	 person_id;
	const char	*name;		/* "" when the actor may not see who */
	int		 complaints;	/* qualifying, up to now (case_review_rule.h) */
	enum case_review state;
	enum cr_met	 met;		/* which rule met the threshold */
	int		 told;		/* staff recorded telling them about the Case Review */
	const char	*told_at;	/* Europe/London, or NULL */
	const char	*told_by;	/* a name, or NULL */
};

struct incident_flags {
	unsigned		 bits;		/* FLAG_BIT(...) */
	int			 location_count;
	struct flag_victim_view	 victims[FLAG_VICTIMS_MAX];
	size_t			 nvictims;
};

/* Inside the caller's transaction (its actor already set): recompute and
 * store the flags of one incident. 0, or -1 on error. `out` may be NULL. */
int	flags_refresh(struct pg *, const struct config *, long long incident_id,
	    struct incident_flags *out);
/* The same, for every incident linked to this one by a person or a link:
 * what a change of links calls after flags_refresh of the incident itself. */
int	flags_refresh_related(struct pg *, const struct config *, long long incident_id);
/* flags_refresh and then flags_refresh_related, in two statements at most
 * (one read of every fact, one write of the flags that changed). */
int	flags_refresh_all(struct pg *, const struct config *, long long incident_id,
	    struct incident_flags *out);
/* Inside the caller's transaction: adds these FLAG_BITs to the incident's
 * stored flags, taking none away: all a report that joins an incident
 * changes (sql/migrations/0035_join_cost.sql). 0, or -1 on error. */
int	flags_add(struct pg *, long long report_id, unsigned bits);
/* For display, in its own read transaction: the flags and each victim's
 * Case Review state. 0, or -1 on error. */
int	flags_load(struct pg *, struct arena *, const struct config *,
	    const struct actor *, long long incident_id, struct incident_flags *);
/* Staff told a victim about the ASB Case Review (how: phone, email,
 * letter, in_person). 1 done, 0 no such incident or person in it, -1 error. */
int	case_review_told(struct pg *, const struct actor *, const char *reference,
	    long long person_id, const char *how, const char *note);

#endif
