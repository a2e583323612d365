#ifndef DOMAIN_INCIDENT_DETAIL_H
#define DOMAIN_INCIDENT_DETAIL_H

#include <stddef.h>

#include "domain/incident_link.h"
#include "domain/timeline.h"

struct actor;
struct arena;
struct pg;

/* What the incident page shows besides struct incident, read in one
 * transaction: the national qualifier, when it happened, the point and the
 * areas, the log number and officer in charge, the risk, the closure or a
 * request to close, the answers in the order asked, the people in it, the
 * linked incidents and the timeline. Strings are "" when not known; times
 * are Europe/London. */

struct incident_answer {
	const char	*question;	/* as it was asked */
	const char	*answer;	/* the words the reporter chose */
};

struct incident_person_row {
	long long	 person_id;
	const char	*name;		/* "" when the record has none */
	const char	*role;		/* victim, witness, reporter, subject */
	int		 visible;	/* the actor may see the person's record */
};

struct incident_detail {
	const char	*nsir;		/* personal, nuisance, environmental or "" */
	const char	*occurred;	/* "3 Mar 2026 at 21:00", "" */
	const char	*occurred_to;
	const char	*how_often;	/* recurring: every_day ... or "" */
	const char	*times_of_day;	/* "morning, night" */
	int		 has_point;
	double		 lon, lat;
	const char	*beat, *area, *team;
	const char	*log_number;
	const char	*officer;
	int		 assessed;	/* an officer's assessment exists */
	const char	*risk_level;	/* assessed: its level; else provisional or "" */
	int		 risk_score;
	const char	*assessment_due;
	const char	*closed_at, *closed_by, *closure_reason, *outcome;
	const char	*close_requested_at, *close_requested_by, *close_request_reason;
	const char	*seen;		/* updated_at in microseconds (domain/timeline.h) */
	int		 cad_followed;	/* a CAD client hears of its changes (webhooks) */
	struct incident_answer *answers;
	size_t		 nanswers;
	struct incident_person_row *people;
	size_t		 npeople;
	struct incident_linked *links;		/* domain/incident_link.h */
	size_t		 nlinks;
	struct timeline_entry *timeline;	/* domain/timeline.h */
	size_t		 ntimeline;
};

extern const struct pg_stmts incident_detail_statements;

int	incident_detail_load(struct pg *, struct arena *, const struct actor *,
	    long long incident_id, struct incident_detail *);

#endif
