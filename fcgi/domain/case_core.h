#ifndef DOMAIN_CASE_CORE_H
#define DOMAIN_CASE_CORE_H

#include <stddef.h>

#include "domain/case.h"

struct actor;
struct arena;
struct config;
struct pg;

/* Monitored cases, the core (README "Monitored cases"): making a case,
 * its overview, the changes to what it links (incidents, people, places,
 * agencies and consent), its lead, closure and reopening, and the lists
 * and queue of cases. Each change is one transaction: the case is read
 * (row security: its lead agency and the agencies working it), its
 * version checked (a stale form is CASE_CONFLICT), the change made, an
 * audit row (entity monitored_case) and a timeline row written. */
extern const struct pg_stmts case_open_statements, case_overview_statements,
	    case_change_statements, case_list_statements;

#define CASE_TITLE_MAX		200	/* characters */
#define CASE_SUMMARY_MAX	10000
#define CASE_NOTE_MAX		2000
#define CASE_REFS_MAX		50	/* incidents a new case is made from */
#define CASE_LIST_PAGE		50

/* Rows of a query as text, cell by cell, for a page to show. */
struct case_table {
	int		 rows, cols;
	const char	**v;
};

const char	*case_cell(const struct case_table *, int row, int col);
/* Internal to the case files: a statement's rows into a table; an audit
 * row on the case with string fields (key, value, ..., NULL). 0 or -1. */
int	case_table_read(struct pg *, struct arena *, const char *stmt, int n,
	    const char *const *params, struct case_table *);
const char *case_value(struct pg *, struct arena *, const char *stmt, int n,
	    const char *const *params, int *failed);
const char *case_ids_array(struct arena *, const long long *ids, size_t n);
int	case_audit(struct pg *, const struct actor *, long long case_id,
	    const char *action, const char *reason, ...);

/* A change only the lead agency may make (its sharing and its lead). */
#define CASE_NOT_LEAD	((enum case_result)(CASE_ERROR + 1))

/* The incident is on the case already. */
#define CASE_LINKED	((enum case_result)(CASE_ERROR + 3))

/* A new case. refs: incidents typed by reference; from: the incident a
 * flag was raised on (origin repeat_victim, repeat_location, case_review:
 * the flagged incidents are linked with it). */
struct case_new {
	const char	*title, *summary, *risk, *origin, *from;
	const char	*refs[CASE_REFS_MAX];
	size_t		 nrefs;
	long long	 lead_user_id;		/* 0: the creator */
};

/* Makes the case: CASE_OK with *reference; CASE_NOT_FOUND with *bad the
 * reference not found (or not the actor's); CASE_CONFLICT when the lead
 * officer is not an active case officer of the actor's agency. */
enum case_result case_open(struct pg *, struct arena *, const struct config *,
	    const struct actor *, const struct case_new *, const char **reference,
	    const char **bad);
/* The incidents a flag on `from` links (for the new-case form), as
 * references: 0 or -1. */
int	case_flagged(struct pg *, struct arena *, const struct config *,
	    const struct actor *, const char *origin, const char *from,
	    struct case_table *out);

/* The overview page. Columns are named in case_overview.c. */
struct case_overview {
	struct case_head	h;
	struct case_table	people, places, incidents, suggestions, agencies,
				consent, addable, officers, closures;
	int			red;	/* a victim without a current assessment */
};

enum case_result case_overview_view(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct case_overview *);

/* One consent answer asked when an agency is added. */
struct case_consent_answer {
	long long	 person_id;
	int		 consented;
	const char	*how;
};

/* The outcomes a case closes with (domain/case_rules.c). */
struct case_outcome {
	const char	*code, *label;
};
extern const struct case_outcome	case_outcomes[];
extern const size_t			case_outcomes_n;
const char	*case_outcome_label(const char *code);
int		 case_victim_red(const char *state);
#define CASE_REF_MAX	40	/* bytes of a typed incident reference */
int		 case_refs_split(struct arena *, const char *text, const char **out,
		    size_t max);

struct case_closing {
	const char	*outcome, *note, *told_on, *told_how, *told_what, *public_reason;
};

enum case_result case_link(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, const char *incident, int suggested);
enum case_result case_dismiss(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, const char *incident,
	    const char *reason);
enum case_result case_person_add(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, long long person_id,
	    const char *role);
enum case_result case_group_add(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, const char *name,
	    const long long *members, size_t nmembers);
enum case_result case_place_add(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, const char *label,
	    const char *address, const char *postcode, double lat, double lon,
	    int has_point, int radius_m);
/* Every victim on the case must have an answer: CASE_UNANSWERED with the
 * ids of those without one in *missing (a table of one column). */
#define CASE_UNANSWERED	((enum case_result)(CASE_ERROR + 2))
enum case_result case_agency_add(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, long long agency_id,
	    const struct case_consent_answer *, size_t, struct case_table *missing);
enum case_result case_agency_remove(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, long long agency_id);
enum case_result case_lead_change(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, long long user_id);
enum case_result case_close(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, const struct case_closing *);
enum case_result case_reopen(struct pg *, struct arena *, const struct actor *,
	    const char *reference, long long version, const char *reason);

/* The cases list's filters. */
struct case_filter {
	const char	*status;	/* "", open, closed */
	int		 mine;		/* lead officer is the actor */
	long long	 agency_id;	/* lead agency; 0 any */
	int		 red;		/* only cases with a victim in red */
	int		 page;		/* from 1 */
};

int	case_list(struct pg *, struct arena *, const struct actor *,
	    const struct case_filter *, struct case_table *rows, long long *total,
	    struct case_table *agencies);
/* The lead officer's queue: their open cases with due and overdue work,
 * then the case work for them or their team, overdue first. */
int	case_mine(struct pg *, struct arena *, const struct actor *,
	    struct case_table *cases, struct case_table *work);
/* Case work for the actor (or their team): how much, how much overdue. */
int	case_work_counts(struct pg *, const struct actor *, long *open, long *overdue);
/* Who may lead a new case: the actor's agency's active case officers. */
int	case_officers(struct pg *, struct arena *, const struct actor *,
	    struct case_table *);
/* The cases an incident is linked to that the actor may see. */
int	case_of_incident(struct pg *, struct arena *, const struct actor *,
	    long long incident_id, struct case_table *);

#endif
