#ifndef DOMAIN_CASE_SUPERVISION_H
#define DOMAIN_CASE_SUPERVISION_H

#include <stddef.h>
#include <time.h>

#include "core/date.h"
#include "domain/case.h"

struct actor;
struct arena;
struct config;
struct pg;

/* Supervisor reviews of a monitored case on the cadence its risk level
 * sets (config case_review_cadence_*, domain/case_clock.h; README "Victim
 * contact and supervisor reviews"): the reviews done, the one due and
 * those after it, and recording one (case.supervise) with a note and a
 * decision — continue, change the risk level (which takes the new level's
 * cadence from the opening), or recommend closing. */
extern const struct pg_stmts case_supervision_statements;

#define CASE_SUPERVISION_NOTE_MAX	4000	/* characters of a review's note */
#define CASE_SUPERVISION_AHEAD		3	/* reviews after the due one shown */

/* A risk level's cadence from the configuration (n 0: none). */
const int *case_cadence_days(const struct config *, const char *risk_level, size_t *n);
/* The decision's words ("Continue"); NULL for a code 0052 does not allow. */
const char *case_supervision_decision_word(const char *code);

struct case_supervision_done {
	const char	*when, *by, *decision, *risk_before, *risk_after, *note;
	const char	*due;		/* the review it counted for, in words, or "" */
};

struct case_supervision {
	struct case_supervision_done *done;	/* newest first */
	size_t		 ndone;
	long long	 last_id;	/* the newest review's id; 0: none */
	int		 has_due;	/* 0: the cadence has none (standard) */
	struct date	 due;
	int		 days_overdue;
	struct date	 ahead[CASE_SUPERVISION_AHEAD];	/* the ones after it */
};

/* The Reviews tab of case h (its risk level's cadence from cfg) at now. */
enum case_result case_supervision_load(struct pg *, struct arena *, const struct actor *,
	    const struct config *, const struct case_head *, time_t now,
	    struct case_supervision *);

struct case_supervision_in {
	long long	 seen_last;	/* the newest review the form saw; 0: none */
	const char	*seen_risk;	/* the level the form saw */
	const char	*decision;	/* continue, change_risk, close_recommended */
	const char	*risk_after;	/* the new level for change_risk */
	const char	*note;
};

/* Records a review of the open case `reference` at now: CASE_CONFLICT
 * when another review was recorded or the risk level changed since the
 * form was opened; CASE_CLOSED for a closed case. */
enum case_result case_supervision_record(struct pg *, struct arena *, const struct actor *,
	    const struct config *, const char *reference, time_t now,
	    const struct case_supervision_in *);

/* Writes the configuration's cadences into case_review_cadence (what the
 * case_work_review view reads), auditing any change. 0, or -1. */
int	case_cadence_sync(struct pg *, const struct config *);

#endif
