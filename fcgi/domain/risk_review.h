#ifndef DOMAIN_RISK_REVIEW_H
#define DOMAIN_RISK_REVIEW_H

#include <stddef.h>
#include <time.h>

#include "domain/risk.h"

struct actor;
struct arena;
struct pg;

/* Risk reviews (sql/migrations/0032_risk_review.sql): which assessed
 * incidents are due for review by their questionnaire version's cadence
 * (domain/risk.c risk_review_next), which await a first assessment past
 * incident.assessment_due, and a supervisor's review, which confirms or
 * changes the level with a note. */
extern const struct pg_stmts risk_review_statements;

#define RISK_REVIEW_NOTE_MAX	2000	/* bytes of a review's note */
#define RISK_REVIEW_LIST_MAX	500	/* incidents the due list shows */

struct risk_review_due {
	const char	*reference;
	const char	*type;
	int		 awaiting;	/* 1: no assessment yet, past assessment_due */
	enum risk_level	 level;		/* unset when awaiting */
	time_t		 assessed_at;	/* 0 when awaiting */
	time_t		 due;
	int		 overdue_days;	/* whole days since due; 0: due today */
	const char	*assessed_text, *due_text;	/* Europe/London dates */
};

/* What the review form shows. */
struct risk_review_subject {
	const char	*reference;
	const char	*type;
	long long	 version;	/* the incident's, for stale forms */
	enum risk_level	 level;		/* now: the assessment's or the last review's */
	time_t		 assessed_at, due;
	int		 assessed;	/* 0: nothing to review yet */
	const char	*assessed_text, *due_text;	/* Europe/London; "" if none */
};

int		risk_review_due_at(const struct risk_questionnaire *, enum risk_level,
		    time_t assessed, time_t reviewed, time_t now, time_t *due);
int		risk_review_overdue_days(time_t due, time_t now);
int		risk_reviews_due(struct pg *, struct arena *, const struct actor *,
		    time_t now, struct risk_review_due **, size_t *);
enum risk_rc	risk_review_get(struct pg *, struct arena *, const struct actor *,
		    const char *reference, struct risk_review_subject *);
enum risk_rc	risk_review_record(struct pg *, struct arena *, const struct actor *,
		    const char *reference, long long version, enum risk_level after,
		    const char *note);

#endif
