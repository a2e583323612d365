#ifndef DOMAIN_CASE_ACTION_H
#define DOMAIN_CASE_ACTION_H

#include <stddef.h>

#include "core/date.h"
#include "domain/case.h"

struct actor;
struct arena;
struct pg;

/* A case's action plan (README "Action plans and case panels"): actions
 * with a type (domain/action_type.h), an owner — an agency working the
 * case and a team or a person of it —, a due date, a status (open, done,
 * cancelled) and an outcome; an enforcement action's legal dates
 * (served, expires, review), conditions and breaches. Seen through the
 * case (row security, 0051). Every change is audited on the case (entity
 * "monitored_case") and written to its timeline. */
extern const struct pg_stmts case_action_statements;

#define CASE_ACTION_TITLE_MAX	200
#define CASE_ACTION_TEXT_MAX	10000
#define CASE_ACTION_WHO_MAX	200
#define CASE_ACTION_PLAN_MAX	500	/* actions one plan page shows */

/* A date that may be unset. */
struct action_date {
	int		 set;
	struct date	 d;
};

struct case_action {
	long long	 id;
	long long	 case_id;
	const char	*case_reference;
	long long	 type_id;
	const char	*type_name;
	int		 enforcement;
	const char	*title;
	const char	*detail;
	long long	 owner_agency_id, owner_team_id, owner_user_id;	/* 0: none */
	const char	*owner_agency, *owner_team, *owner_user;	/* "" for none */
	struct action_date due, served, expires, review;
	const char	*conditions;
	const char	*status;	/* open, done, cancelled */
	const char	*outcome;
	const char	*closed;	/* "3 Dec 2026 at 14:05 by PC Olu Officer", or "" */
	const char	*created;	/* the same, of its creation */
	long long	 panel_id;	/* 0: not from a panel */
	const char	*panel;		/* "3 December 2026, Guildhall", or "" */
	long		 breaches;
	long long	 version;
	struct date	 today;		/* London's, when it was read */
};

struct case_action_breach {
	struct date	 occurred;
	const char	*reported_by;
	const char	*description;
	const char	*incident;	/* its reference, or "" */
	const char	*response;
	const char	*recorded;	/* when and by whom */
};

/* What the action form offers: the agencies working the case, their
 * active teams and the people of them who may work actions. */
struct action_owner {
	long long	 id;
	long long	 agency_id;	/* a team's or a person's agency */
	const char	*name;
};

struct action_choices {
	struct action_owner	*agencies, *teams, *people;
	size_t			 nagencies, nteams, npeople;
};

/* What an officer sends to add or change an action. */
struct case_action_input {
	long long		 type_id;
	const char		*title, *detail, *conditions;
	long long		 owner_agency_id, owner_team_id, owner_user_id;
	struct action_date	 due, served, expires, review;
	long long		 panel_id;	/* create only; 0: none */
	long long		 version;	/* update only */
};

struct case_action_breach_input {
	struct date	 occurred;
	const char	*reported_by, *description, *response;
	const char	*incident;	/* a reference, or "" */
};

enum case_action_result {
	CASE_ACTION_OK,
	CASE_ACTION_NOT_FOUND,		/* the case or action, or not the actor's to see */
	CASE_ACTION_CONFLICT,		/* changed by someone else first */
	CASE_ACTION_CLOSED,		/* the case is closed, or the action not open */
	CASE_ACTION_BAD_TYPE,		/* no such active type */
	CASE_ACTION_BAD_AGENCY,		/* not an agency working the case */
	CASE_ACTION_BAD_TEAM,		/* not an active team of that agency */
	CASE_ACTION_BAD_PERSON,		/* not someone of that agency who works actions */
	CASE_ACTION_NO_OWNER,		/* neither a team nor a person */
	CASE_ACTION_BAD_PANEL,		/* no such panel the actor sees */
	CASE_ACTION_NOT_ENFORCEMENT,	/* a breach of an action that is not */
	CASE_ACTION_BAD_INCIDENT,	/* no such incident the actor sees */
	CASE_ACTION_ERROR,
};

/* The plan of case case_id, in a transaction of its own, and today's
 * London date (when there are actions). 0 or -1. */
int	case_action_plan(struct pg *, struct arena *, const struct actor *,
	    long long case_id, struct case_action **, size_t *, struct date *today);
/* The owners the form offers for the case. 0 or -1. */
int	case_action_choices(struct pg *, struct arena *, const struct actor *,
	    long long case_id, struct action_choices *);
enum case_action_result	case_action_create(struct pg *, struct arena *,
	    const struct actor *, const char *case_reference,
	    const struct case_action_input *, long long *id);
/* One action with its case's heading and its breaches, auditing the view
 * (entity "monitored_case", action "view_action"). */
enum case_action_result	case_action_get(struct pg *, struct arena *,
	    const struct actor *, long long id, struct case_head *, struct case_action *,
	    struct case_action_breach **, size_t *, struct date *today);
enum case_action_result	case_action_update(struct pg *, struct arena *,
	    const struct actor *, long long id, const struct case_action_input *);
/* Completes (status "done", with its outcome) or cancels ("cancelled",
 * with why) action id if it is open and at version. */
enum case_action_result	case_action_close(struct pg *, struct arena *,
	    const struct actor *, long long id, long long version, const char *status,
	    const char *outcome);
enum case_action_result	case_action_breach_add(struct pg *, struct arena *,
	    const struct actor *, long long id, const struct case_action_breach_input *);

#endif
