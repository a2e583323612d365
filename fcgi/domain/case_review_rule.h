#ifndef DOMAIN_CASE_REVIEW_RULE_H
#define DOMAIN_CASE_REVIEW_RULE_H

#include <stddef.h>
#include <time.h>

#include "domain/flags.h"

struct config;

/* The ASB Case Review threshold (section 104 of the 2014 Act), counted per
 * victim across every agency: one pure rule over the complaint facts a
 * caller gathered (domain/case_review_count.c). No SQL, no clock. Every
 * edge is inclusive.
 *
 * - A complaint is an incident where the person is the victim or the
 *   reporter; the reports that joined it and the diary entries on them
 *   are that one complaint, never more.
 * - It qualifies when it was made at most within_days (31) after the
 *   behaviour: 31 days, not a calendar month, so that every month's last
 *   day is covered and the edge does not move with the month's length.
 *   An incident with no known time of behaviour counts as complained of
 *   when it happened.
 * - It is counted when it was made in the `days` (183) up to and
 *   including the moment counted to (the application, or now).
 * - One behaviour counts once: complaints whose incidents are linked
 *   (incident_link), or that are of the same ASB type, happened at most
 *   CR_SAME_HOURS apart and were received by different agencies (the one
 *   behaviour reported to several agencies). Within one agency the intake
 *   joins repeat reports to one incident and staff link the rest.
 * - Met: at least `threshold` counted complaints; or, as local extra
 *   conditions, one counted hate-motivated complaint (hate_single), or
 *   several_reports reports from at least several_people people (each
 *   person's report of one behaviour once; 0 disables). */

#define CR_SAME_HOURS	24
#define CR_FACTS_MAX	500

struct cr_rules {
	int	 days;			/* case_review_days */
	int	 within_days;		/* case_review_complaint_within_days */
	int	 prompt_at;		/* case_review_prompt_at */
	int	 threshold;		/* case_review_threshold */
	int	 hate_single;		/* case_review_hate_single */
	int	 several_reports;	/* case_review_several_reports, 0 off */
	int	 several_people;	/* case_review_several_people */
};

/* One complaint: an incident, as the facts give it (ids, times, yes/no). */
struct cr_complaint {
	long long	 incident_id;
	time_t		 behaviour_at;	/* when it happened */
	time_t		 complained_at;	/* when it was reported */
	long long	 agency_id;	/* the agency that received it */
	long long	 type_id;	/* the ASB type: what behaviour */
	int		 hate;		/* hate-motivated */
	int		 diary_entries;	/* on its reports: no more complaints */
	const long long	*reporters;	/* people who reported it (none: unknown) */
	size_t		 nreporters;
	const long long	*linked;	/* incidents linked to it */
	size_t		 nlinked;
};

enum cr_why {
	CR_COUNTED,		/* a qualifying complaint, counted */
	CR_SAME_BEHAVIOUR,	/* the same behaviour as a counted one */
	CR_LATE,		/* made more than within_days after the behaviour */
	CR_BEFORE_WINDOW,	/* made before the window */
	CR_AFTER,		/* made after the moment counted to */
};

enum cr_met {
	CR_MET_NO,
	CR_MET_COUNT,		/* threshold qualifying complaints */
	CR_MET_HATE,		/* one hate-motivated complaint */
	CR_MET_SEVERAL,		/* several reports from several people */
};

/* What the rule said of one complaint, in the order of the facts. */
struct cr_verdict {
	enum cr_why	 why;
	long long	 same_as;	/* CR_SAME_BEHAVIOUR: the counted incident */
};

struct cr_tally {
	int		 count;		/* qualifying complaints, each behaviour once */
	int		 reports;	/* each person's report of a behaviour once */
	int		 people;	/* different people among them */
	int		 hate;		/* a counted behaviour was hate-motivated */
	enum cr_met	 met;
	enum case_review state;	/* prompt at prompt_at, THRESHOLD when met */
};

void		 cr_rules_default(struct cr_rules *);
void		 cr_rules_from_config(const struct config *, struct cr_rules *);
const char	*cr_why_text(enum cr_why);
const char	*cr_met_text(enum cr_met);
/* Applies the rule counting to `at`. `out` has room for n verdicts (may
 * be NULL). 0, or -1 when n is over CR_FACTS_MAX. */
int		 cr_count(const struct cr_rules *, time_t at, const struct cr_complaint *,
		    size_t n, struct cr_verdict *out, struct cr_tally *);

#endif
