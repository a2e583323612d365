#ifndef DOMAIN_QUEUE_H
#define DOMAIN_QUEUE_H

#include <stddef.h>

#include "domain/incident.h"

struct actor;
struct arena;
struct config;
struct pg;

/* Team queues (README "Allocation and queues"). An incident's current
 * allocations (incident_allocation, ended_at NULL: domain/allocate.h) are
 * the items of its teams' queues while it is not closed. In a queue an
 * item is claimed or assigned to a person, triaged (accepted, reallocated
 * to another team with a reason, or no further action with a reason) and
 * gets its first action; each of these is audited and written to the
 * incident's timeline (queue_event). What each item still has to do is
 * measured against the incident's clocks (domain/clocks.h): its triage
 * until triaged, then its first action.
 *
 * Who may do what: row security limits the incidents anyone sees; a
 * member of staff works the queues of their own agency only; the route
 * table asks incident.update to claim, triage and act, incident.reallocate
 * to assign someone else or reallocate. Those with incident.reallocate
 * (supervisors, managers) are offered every team of their agency and see
 * its people's workload; everyone else their own team's queue. */

/* Where an item stands against its clocks (SQL's queue_clock, 0044). */
enum queue_clock {
	QUEUE_CLOCK_DUE,	/* something to do, within its target */
	QUEUE_CLOCK_OVERDUE,	/* its triage or first action is past its target */
	QUEUE_CLOCK_DONE,	/* triaged and acted on */
};

/* The queue page's filters; NULL or QUEUE_ANY for "any". */
enum queue_clock_filter {
	QUEUE_ANY,
	QUEUE_IS_DUE,
	QUEUE_IS_OVERDUE,
	QUEUE_IS_TRIAGED,
	QUEUE_IS_UNTRIAGED,
};

enum queue_assigned_filter {
	QUEUE_ASSIGNED_ANYONE,
	QUEUE_ASSIGNED_ME,
	QUEUE_ASSIGNED_NOBODY,
};

/* The orders; the number is the statement's sort parameter. */
enum queue_sort {
	QUEUE_SORT_DUE,		/* the next target first, overdue at the top */
	QUEUE_SORT_RISK,	/* highest risk first, then by due time */
	QUEUE_SORT_AGE,		/* the oldest report first */
};

struct queue_filter {
	const char			*risk;	/* standard, medium, high */
	int				 flag;	/* an enum flag (domain/flags.h), -1: any */
	enum queue_clock_filter		 clock;
	enum queue_assigned_filter	 assigned;
	enum queue_sort			 sort;
};

/* A queue the member of staff may work, with its counts. */
struct queue_team {
	long long	 id;		/* 0: their own *my work* */
	const char	*code, *name;
	int		 own;		/* their own team's */
	long		 open, untriaged, overdue;
};

/* One item of a queue: the incident and its allocation there. */
struct queue_item {
	struct incident	 in;
	long long	 allocation_id;
	const char	*team_code, *team_name;
	const char	*reason;	/* why it is here */
	const char	*where;		/* its beat's or council area's name, or "" */
	const char	*risk;		/* standard, medium, high, or "" */
	long long	 age;		/* seconds since it was reported */
	long long	 assigned_to;	/* 0: nobody */
	const char	*assigned;	/* their name, or "" */
	const char	*triage;	/* accepted, or "" */
	int		 acted;		/* its first action is recorded */
	const char	*triage_due, *action_due;	/* Europe/London */
	int		 triage_late, action_late;	/* past the target */
	enum queue_clock clock;
	int		 location_to_confirm;
};

/* A person's workload, for their supervisor. */
struct queue_load {
	long long	 user_id;	/* 0: the items nobody has */
	const char	*name, *team;
	long		 open, untriaged, overdue;
	long long	 oldest;	/* seconds since its oldest item was reported */
};

/* One allocation of an incident, current or ended, with what was done in
 * it: for its own page and the incident page's "why it is here". */
struct queue_allocation {
	struct incident	 in;
	long long	 id;
	long long	 team_id, team_agency_id;
	const char	*team_code, *team_name, *team_agency;
	const char	*kind;		/* neighbourhood, council, specialist, triage, reallocated */
	const char	*reason;
	const char	*since;		/* when it came, Europe/London */
	int		 location_to_confirm;
	const char	*risk;		/* the incident's, or "" */
	long long	 assigned_to;
	const char	*assigned, *assigned_at;
	const char	*triage;	/* accepted, nfa, or "" */
	const char	*triaged_at, *triaged_by;
	const char	*first_action_at;	/* "" when none */
	const char	*triage_due, *action_due;
	int		 triage_late, action_late;
	int		 ended;
	const char	*ended_at, *ended_by, *ended_reason;
	const char	*moved_to;	/* the team it was reallocated to, or "" */
};

/* A choice of the assign and reallocate forms. */
struct queue_choice {
	long long	 id;
	const char	*name;		/* a person's; a team's "name (agency)" */
	int		 near;		/* a member of the item's team; its agency's team */
};

/* What a queue action asks for. */
enum queue_action {
	QUEUE_CLAIM,
	QUEUE_ASSIGN,
	QUEUE_ACCEPT,
	QUEUE_REALLOCATE,
	QUEUE_NFA,
	QUEUE_FIRST_ACTION,
};

struct queue_act {
	enum queue_action	 what;
	/* Whom the form showed it assigned to (0: nobody): a claim or an
	 * assignment made since is someone else's, and wins. */
	long long		 seen_assigned;
	long long		 person;	/* QUEUE_ASSIGN */
	long long		 team;		/* QUEUE_REALLOCATE */
	const char		*text;		/* the reason, or the first action's note */
};

#define QUEUE_NOTE_MAX		2000	/* characters of a first action's note */
#define QUEUE_REASON_MAX	1000	/* of a reason: the new allocation's
					 * reason says where it came from too */

enum queue_result {
	QUEUE_OK,
	QUEUE_UNCHANGED,	/* it was so already (claiming one's own) */
	QUEUE_NOT_FOUND,	/* or not this actor's to see */
	QUEUE_NOT_OURS,		/* another agency's queue */
	QUEUE_GONE,		/* it left the queue, or its incident was closed */
	QUEUE_TAKEN,		/* someone else claimed or assigned it first */
	QUEUE_TRIAGED,		/* triaged already */
	QUEUE_ACTED,		/* its first action is recorded already */
	QUEUE_BAD_PERSON,	/* not someone of the agency who may work it */
	QUEUE_BAD_TEAM,		/* not a team that may take it */
	QUEUE_IN_TEAM,		/* the incident is in that team's queue already */
	QUEUE_ERROR,
};

/* What an action did, for the page that follows. */
struct queue_done {
	const char	*reference;	/* the incident's */
	const char	*team_code;	/* the queue it was in */
	int		 closed;	/* no further action closed the incident */
	int		 close_asked;	/* ... or asked a supervisor to close it */
};

extern const struct pg_stmts queue_list_statements, queue_item_statements,
    queue_act_statements;

int	queue_teams(struct pg *, struct arena *, const struct config *,
	    const struct actor *, struct queue_team **, size_t *);
int	queue_team_find(struct pg *, struct arena *, const struct actor *,
	    const char *code, struct queue_team *);
int	queue_items(struct pg *, struct arena *, const struct config *,
	    const struct actor *, long long team_id, const struct queue_filter *,
	    int limit, int offset, struct queue_item **, size_t *, long long *total);
int	queue_workload(struct pg *, struct arena *, const struct config *,
	    const struct actor *, struct queue_load **, size_t *);
enum queue_result queue_allocation_get(struct pg *, struct arena *,
	    const struct config *, const struct actor *, long long id,
	    struct queue_allocation *);
int	queue_allocations_of_incident(struct pg *, struct arena *,
	    const struct config *, const struct actor *, long long incident_id,
	    struct queue_allocation **, size_t *);
int	queue_people(struct pg *, struct arena *, const struct actor *,
	    const struct queue_allocation *, struct queue_choice **, size_t *);
int	queue_targets(struct pg *, struct arena *, const struct actor *,
	    const struct queue_allocation *, struct queue_choice **, size_t *);
enum queue_result queue_act(struct pg *, struct arena *, const struct config *,
	    const struct actor *,
	    long long allocation_id, const struct queue_act *, struct queue_done *);

#endif
