#ifndef DOMAIN_FLAGS_H
#define DOMAIN_FLAGS_H

#include <stddef.h>
#include <time.h>

struct config;

/* The immediate flags of an incident and its victims (whose ASB Case
 * Review count is domain/case_review_rule.h's), from facts a caller has already gathered (the
 * incident's answers and the incidents related to it by person or place).
 * This part is pure: no SQL, no clock. Every window edge is inclusive:
 * another incident exactly repeat_victim_days away is a repeat, one a
 * second more is not. */

enum flag {
	FLAG_URGENT,		/* an answer that calls for it (a "call 999" notice) */
	FLAG_VULNERABLE,	/* a vulnerable victim, or targeted for who they are */
	FLAG_REPEAT_VICTIM,	/* a victim here was a victim elsewhere, or says it happened before */
	FLAG_REPEAT_LOCATION,	/* repeat_location_count incidents close together */
	FLAG_REPEAT_SUBJECT,	/* a subject here was a subject elsewhere */
	FLAG_HATE,		/* targeted because of who they are */
};
#define FLAGS		6
#define FLAG_BIT(f)	(1u << (f))

enum flag_role { FLAG_VICTIM, FLAG_REPORTER, FLAG_WITNESS, FLAG_SUBJECT };

enum case_review {
	CASE_REVIEW_NONE,
	CASE_REVIEW_PROMPT,	/* tell the victim about the Case Review */
	CASE_REVIEW_THRESHOLD,	/* the threshold for a Case Review is met */
};

/* The windows and counts (config keys of the same names). */
struct flag_windows {
	int	repeat_victim_days;	/* also the repeat-subject window */
	int	repeat_location_metres;
	int	repeat_location_days;
	int	repeat_location_count;	/* incidents, this one included */
	int	case_review_days;
	int	case_review_prompt_at;	/* complaints, this one included */
	int	case_review_threshold;
};

/* Someone in this incident. */
struct flag_person {
	long long	 id;
	enum flag_role	 role;
	int		 vulnerable;	/* the person's record says so */
};

/* A person's part in another incident (not this one). */
struct flag_link {
	long long	 person_id;
	enum flag_role	 role;
	time_t		 at;		/* that incident's report time */
};

/* Another incident with a point, and how far it is from this one's. */
struct flag_place {
	double		 metres;
	time_t		 at;
};

/* What the incident says of itself: > 0 yes, 0 no, -1 not asked. */
struct flag_facts {
	time_t		 at;		/* this incident's report time */
	int		 urgent;
	int		 vulnerable;
	int		 targeted;
	int		 happened_before;
	const struct flag_person *people;
	size_t		 npeople;
	const struct flag_link *links;
	size_t		 nlinks;
	const struct flag_place *places;	/* empty when this one has no point */
	size_t		 nplaces;
};

#define FLAG_VICTIMS_MAX	16

/* A victim of the incident: their Case Review count is the one rule of
 * domain/case_review_rule.h (flag_store.c's flags_load asks it). */
struct flag_victim {
	long long	 person_id;
};

struct flag_result {
	unsigned	 bits;		/* FLAG_BIT(...) */
	int		 location_count;	/* incidents in the place window, this one included */
	struct flag_victim victims[FLAG_VICTIMS_MAX];	/* the first FLAG_VICTIMS_MAX */
	size_t		 nvictims;
};

const char	*flag_name(enum flag);
const char	*case_review_name(enum case_review);
void		 flag_windows_default(struct flag_windows *);
void		 flag_windows_from_config(const struct config *, struct flag_windows *);
int		 flag_answer_urgent(const char *notice_answer, const char *answer);
void		 flags_compute(const struct flag_windows *, const struct flag_facts *,
		    struct flag_result *);

#endif
