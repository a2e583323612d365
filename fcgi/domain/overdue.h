#ifndef DOMAIN_OVERDUE_H
#define DOMAIN_OVERDUE_H

struct config;
struct pg;

/* Overdue notices: items in a team's queue (its current allocations) that
 * went past their triage or first-action target are told to the team once,
 * in one notify job per team (and recipient) per sweep listing them, with
 * a link to the team's queue. The rule, the marking and the jobs are one
 * SQL function (sql/migrations/0045_overdue_notices.sql, overdue_sweep),
 * given the config's targets (domain/clocks.h). concord-worker runs it
 * (jobs/overdue.c). */

struct overdue_result {
	long	 teams;		/* teams told */
	long	 items;		/* items told of */
	long	 jobs;		/* notify jobs queued */
};

extern const struct pg_stmts overdue_statements;

/* One sweep, in a statement of its own (it commits). 0, or -1 with
 * pg_error set. */
int	overdue_sweep(struct pg *, const struct config *, struct overdue_result *);

#endif
