#ifndef DOMAIN_CASE_CONTACT_H
#define DOMAIN_CASE_CONTACT_H

#include <stddef.h>
#include <time.h>

#include "core/date.h"
#include "domain/case.h"

struct actor;
struct arena;
struct pg;

/* Victim contact on a monitored case (README "Victim contact and
 * supervisor reviews"): per victim, the contact plan agreed with them and
 * the log of contacts, and when the next contact is due
 * (domain/case_clock.h). Victims are read through case_people, so an
 * agency without a victim's consent gets "Victim 1" and none of their
 * contact plan's or log's details, and may not record either. */
extern const struct pg_stmts case_contact_statements;

#define CASE_CONTACT_TOLD_MAX	4000	/* characters of what they were told */
#define CASE_CONTACT_LOG_MAX	500	/* contacts the tab shows */
#define CASE_VICTIMS_MAX	100

/* The words of a code in a table of {code, words} pairs; NULL for a code
 * not in it. */
const char *case_code_word(const char *const (*table)[2], size_t n, const char *code);
/* A plan's method and a contact's outcome in words ("by phone", "spoke
 * to them"); NULL for a code 0052 does not allow. */
const char *case_contact_method_word(const char *code);
const char *case_contact_outcome_word(const char *code);

struct case_contact_entry {
	time_t		 at;
	const char	*when;		/* Europe/London, for people */
	const char	*method, *outcome, *told, *by;
	int		 consulted;	/* on the action plan */
};

struct case_victim_contact {
	long long	 person_id;
	const char	*name;		/* as case_people names them */
	int		 shown;		/* the actor may see their details */
	int		 has_plan;
	long long	 plan_id;
	int		 every_days;
	const char	*method;
	struct date	 starts;
	const char	*agreed;	/* "3 December 2026 by PC Olu Officer" */
	struct date	 due;		/* the next contact, with a plan */
	int		 days_overdue;	/* 0: not overdue */
	int		 consulted;	/* ever consulted on the action plan */
	struct case_contact_entry *log;	/* newest first; none when not shown */
	size_t		 nlog;
};

/* The Victim contact tab of case h at now, in a read-only transaction. */
enum case_result case_contact_load(struct pg *, struct arena *, const struct actor *,
	    const struct case_head *, time_t now, struct case_victim_contact **, size_t *);
/* One victim of the case as the tab shows them: CASE_NOT_FOUND when the
 * person is not a victim on it, or not shown to the actor. */
enum case_result case_contact_victim(struct pg *, struct arena *, const struct actor *,
	    const struct case_head *, long long person_id, time_t now,
	    struct case_victim_contact *);

struct case_contact_plan_in {
	long long	 person_id;
	long long	 seen_plan;	/* the plan the form replaced; 0: none */
	int		 every_days;	/* 1..365 */
	const char	*method;
	struct date	 starts;
};

/* Agrees (or replaces) a victim's plan on the open case `reference`:
 * CASE_CONFLICT when their plan changed since the form was opened,
 * CASE_CLOSED when the case is, CASE_NOT_FOUND as case_contact_victim. */
enum case_result case_contact_plan_set(struct pg *, struct arena *, const struct actor *,
	    const char *reference, const struct case_contact_plan_in *);

struct case_contact_in {
	long long	 person_id;
	const char	*contacted_at;	/* what PostgreSQL reads as the moment */
	const char	*method, *outcome, *told;
	int		 consulted;
};

/* Records a contact with a victim of the open case `reference`. */
enum case_result case_contact_record(struct pg *, struct arena *, const struct actor *,
	    const char *reference, const struct case_contact_in *);

#endif
