#ifndef DOMAIN_CASE_REVIEW_H
#define DOMAIN_CASE_REVIEW_H

#include <stddef.h>
#include <time.h>

/* The ASB Case Review register (README "The ASB Case Review"): an
 * application however it was made (case_review_apply, the one function
 * every channel calls), the threshold decision, the milestones with their
 * due dates on the working-day calendar (core/workday.h over the
 * bank_holiday table), the review held, and the links to a victim and a
 * monitored case. Every change is audited (entity "case_review", the
 * application's id) and, when the application is linked to a case, on
 * that case's timeline. Row security (0049) shows the register to the
 * core partners and to the agency that received an application. */

struct actor;
struct arena;
struct config;
struct pg;

extern const struct pg_stmts case_review_apply_statements;
extern const struct pg_stmts case_review_register_statements;
extern const struct pg_stmts case_review_decide_statements;

/* The longest of each field, as the table (0049) allows it. */
#define CR_NAME_MAX		200
#define CR_EMAIL_MAX		254
#define CR_PHONE_MAX		40
#define CR_ADDRESS_MAX		500
#define CR_POSTCODE_MAX		10
#define CR_BEHAVIOUR_MAX	10000	/* characters */
#define CR_REPORTED_MAX		2000	/* characters */
#define CR_REASONS_MAX		10000	/* characters */
#define CR_NOTE_MAX		2000	/* characters */
#define CR_MILESTONES		6

/* What the configuration says of the register (its config keys). */
struct case_review_rules {
	const char	*team;		/* The co-ordinator team's code */
	const char	*agency;	/* online applications' agency code; "" */
	int		 acknowledge, decide;	/* working days from receipt */
	int		 review;		/* calendar days from the decision */
	int		 recommendations, outcome;	/* working days from the review */
	int		 appeal;		/* working days from the outcome letter */
};

void	case_review_rules_of(const struct config *, struct case_review_rules *);

/* An application, from any channel. Strings are never NULL ("" for
 * none); received_on "" is today (Europe/London). */
struct case_review_input {
	const char	*channel;	/* online, phone, paper, in_person */
	const char	*received_on;	/* YYYY-MM-DD, staff channels only */
	const char	*applicant_name, *applicant_email, *applicant_phone;
	const char	*applicant_address, *applicant_postcode;
	int		 on_behalf;	/* for someone else: the victim */
	const char	*victim_name, *relationship;
	const char	*behaviour;	/* what has been happening */
	const char	*reported_to;	/* who they reported it to, and when */
};

/* One thing wrong with an input: the field (the input's name on every
 * form: applicant-name, applicant-email, applicant-phone, applicant-address,
 * applicant-postcode, on-behalf, victim-name, relationship, behaviour,
 * reported-to, channel) and the words for the person. */
struct case_review_problem {
	const char	*field, *message;
};

#define CR_PROBLEMS_MAX	12

/* The rules every channel's input is held to: the same verdict on the
 * same values whoever typed them. Returns the number of problems (0: it
 * may be applied). An online application needs a way to reach the
 * applicant (an email address, a phone number or an address); staff may
 * take one with a name only. */
size_t	case_review_check(const struct case_review_input *,
	    struct case_review_problem out[CR_PROBLEMS_MAX]);

enum cr_result {
	CR_OK,
	CR_NOT_FOUND,		/* or not the actor's to see: the same answer */
	CR_BAD,			/* case_review_check refused the input */
	CR_CONFLICT,		/* changed by someone else since it was read */
	CR_WRONG_STATE,		/* not at a step that allows this */
	CR_NOT_SET_UP,		/* no agency receives online applications */
	CR_ERROR,
};

/* Records an application in one transaction: its reference
 * (CR-YYYY-NNNN, the year of receipt), the acknowledge and decide
 * milestones due so many working days from receipt, the audit row. The
 * receiving agency is the actor's (staff channels) or the one the rules
 * name (online, the actor the public); the co-ordinator team is that
 * agency's team with the rules' code. *reference is in the arena. */
enum cr_result case_review_apply(struct pg *, struct arena *, const struct actor *,
	    const struct case_review_rules *, const struct case_review_input *,
	    const char **reference);

/* ---- The register ---- */

struct case_review_milestone {
	const char	*kind;		/* acknowledge, decide, review, ... */
	const char	*label;		/* what it asks, for people */
	const char	*due_on;	/* YYYY-MM-DD */
	const char	*due_words;	/* "3 December 2026" */
	int		 overdue;	/* not done, and the due day has passed */
	int		 done;
	const char	*done_words;	/* "4 December 2026 by Morgan Manager" */
	const char	*note;
};

struct case_review_application {
	long long	 id;
	const char	*reference, *channel, *status;
	const char	*received_words, *received_by, *agency, *team;
	const char	*applicant_name, *applicant_email, *applicant_phone;
	const char	*applicant_address, *applicant_postcode;
	int		 on_behalf;
	const char	*victim_name, *relationship, *behaviour, *reported_to;
	long long	 victim_person_id;	/* 0: none linked */
	const char	*victim_person_name;	/* "" */
	const char	*case_reference;	/* "" */
	int		 decided, threshold_met;
	int		 complaints;		/* -1: none recorded */
	const char	*decision_reasons, *decided_words;
	int		 review_held;
	const char	*review_held_words;
	int		 victim_invited, recommendations;	/* -1: not recorded */
	const char	*outcome;
	long long	 version;
	time_t		 received_at;	/* what a victim's complaints are counted to */
	struct case_review_milestone m[CR_MILESTONES];
	size_t		 nm;
};

/* One application, by reference, auditing the view ("view"; a miss is a
 * "not_found" row): CR_OK, CR_NOT_FOUND or CR_ERROR. */
enum cr_result case_review_view(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct case_review_application *);

struct case_review_row {
	const char	*reference, *received_words, *channel, *status, *applicant;
	const char	*next_label, *next_due_words;	/* "" when nothing is due */
	int		 overdue;
};

struct case_review_due {
	const char	*label, *due_words, *path;
	int		 overdue;
};

struct case_review_list {
	struct case_review_row	*rows;
	size_t			 n;
	long long		 total;
	struct case_review_due	*due;	/* due in the next 7 days, or overdue */
	size_t			 ndue;
};

#define CR_PAGE_SIZE	50

/* The register, newest first: status "" for any (or one of the statuses),
 * overdue 1 for only those with an overdue milestone; page from 1.
 * Audited as a search. CR_OK or CR_ERROR. */
enum cr_result case_review_list(struct pg *, struct arena *, const struct actor *,
	    const char *status, int overdue, int page, struct case_review_list *);

/* ---- Changes (each: version is the form's; CR_CONFLICT when stale) ---- */

/* The threshold decision: met or not, the qualifying complaints the
 * decider confirms, the reasons (required). Marks "decide" done; met
 * makes the review due `review` calendar days from today, with the
 * recommendations and the outcome letter after it; not met makes the
 * outcome letter (the decision and how to appeal) due `outcome` working
 * days from today. CR_WRONG_STATE once decided. */
enum cr_result case_review_decide(struct pg *, struct arena *, const struct actor *,
	    const struct case_review_rules *, const char *reference, long long version,
	    int met, int complaints, const char *reasons);

/* Marks a milestone done with a note. The outcome letter's makes the
 * appeal milestone due `appeal` working days from today; the appeal's
 * closes the application. CR_WRONG_STATE when already done or not there. */
enum cr_result case_review_milestone_done(struct pg *, struct arena *, const struct actor *,
	    const struct case_review_rules *, const char *reference, long long version,
	    const char *kind, const char *note);

/* The review held (after a "met" decision): its date (YYYY-MM-DD, not
 * after today), whether the victim was invited, whether it made
 * recommendations, its outcome. Marks "review" done and moves the
 * recommendations' and outcome letter's due dates to count from the day
 * it was held; no recommendations marks that milestone done. */
enum cr_result case_review_review_held(struct pg *, struct arena *, const struct actor *,
	    const struct case_review_rules *, const char *reference, long long version,
	    const char *held_on, int victim_invited, int recommendations,
	    const char *outcome);

/* Links the victim (a person id the actor may see; 0 unlinks) and a
 * monitored case (its reference, "" unlinks). CR_BAD when either is not
 * there or not the actor's to see. */
enum cr_result case_review_link(struct pg *, struct arena *, const struct actor *, const char *reference,
	    long long version, long long person_id, const char *case_reference);

/* Words for a status and a channel. */
const char	*case_review_status_words(const char *status);
const char	*case_review_channel_words(const char *channel);

#endif
