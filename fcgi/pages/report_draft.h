#ifndef PAGES_REPORT_DRAFT_H
#define PAGES_REPORT_DRAFT_H

/* A public report being filled in, kept in Redis between the steps of
 * the form for REPORT_DRAFT_SECONDS: one JSON value under
 * concord:draft:<sha256 of the token>, the token in the concord_draft
 * cookie. Plain fields are strings ("" when unanswered); "answers" holds
 * the custom questions' answers as {key: {"question", "answer",
 * "version", "kind", "display"}}; "result" the reference and tracking
 * token once submitted. */

#define REPORT_DRAFT_COOKIE	"concord_draft"
#define REPORT_DRAFT_SECONDS	86400
#define REPORT_DONE_SECONDS	3600	/* a submitted draft, kept for resubmissions */

struct json_object;
struct req;

/* The draft's members. Their names in the JSON are draft_keys[] in
 * report_draft.c; a renamed member strands the drafts in flight. */
enum draft_key {
	DK_TYPE,		/* the type reported: the top type or its sub-type */
	DK_TOP,			/* the type chosen on the first page */
	DK_HAS_SUB,		/* "1" when the top type has sub-types */
	DK_ANSWERS,		/* object: the custom questions' answers */
	DK_WHEN, DK_OCCURRED_DATE, DK_OCCURRED_TIME, DK_HOW_OFTEN, DK_TIMES,
	DK_ADDRESS_LINE1, DK_TOWN, DK_POSTCODE, DK_LON, DK_LAT,
	DK_WHERE_PROBLEM,	/* why the submit step sent the place back */
	DK_IMPACT, DK_FEELS_UNSAFE, DK_VULNERABLE, DK_TARGETED, DK_HAPPENED_BEFORE,
	DK_IDENTITY, DK_GIVEN_NAME, DK_FAMILY_NAME, DK_EMAIL, DK_PHONE, DK_CONTACT,
	DK_FOR_SOMEONE_ELSE, DK_SHARE, DK_UPDATES,
	DK_DESCRIPTION,		/* what happened, in their words */
	DK_HAPPENING_NOW,	/* "yes": urgent */
	DK_POSTAL_ADDRESS,	/* the reporter's, when they chose post */
	DK_OTHER_NAME, DK_OTHER_RELATION,	/* the person they report for */
	/* A partner's: whether those affected and those responsible are
	 * their tenants (yes, no, unknown), and who they are, in words. */
	DK_AFFECTED, DK_AFFECTED_WHO, DK_RESPONSIBLE, DK_RESPONSIBLE_WHO,
	DK_TRAP,		/* "1": the honeypot was filled in */
	DK_PARTNER_REFERENCE, DK_TENANCY_REFERENCE, DK_TENANTS,
	DK_EVIDENCE,		/* array: the files added */
	DK_IDEM, DK_TRACK,	/* the idempotency key and tracking token */
	DK_RESULT,		/* object: reference and token once sent */
	/* The online Case Review application's own (pages/case_review_online.c;
	 * it keeps the rest in the members above that mean the same). */
	DK_APPLICANT_NAME, DK_REPORTED_AGENCIES, DK_REPORTED_WHEN, DK_REPORTED_TO,
	DK__COUNT
};

struct report_draft {
	char			 key[80];	/* concord:draft:<sha256 hex> */
	struct json_object	*doc;
};

enum draft_rc {
	DRAFT_OK,
	DRAFT_NONE,	/* no cookie, or expired */
	DRAFT_ERROR,	/* Redis failed, or out of memory */
};

int		 draft_new(struct req *, struct report_draft *);
enum draft_rc	 draft_load(struct req *, struct report_draft *);
/* The same for another public form's draft, under a cookie of its own
 * (the Case Review application's), so that one form's draft never
 * replaces the other's. */
int		 draft_new_in(struct req *, struct report_draft *, const char *cookie);
enum draft_rc	 draft_load_in(struct req *, struct report_draft *, const char *cookie);
int		 draft_save(struct req *, struct report_draft *, int seconds);
void		 draft_free(struct report_draft *);
const char	*draft_id(const struct report_draft *);
const char	*draft_key_name(enum draft_key);
const char	*draft_get(const struct report_draft *, enum draft_key);
int		 draft_set(struct report_draft *, enum draft_key, const char *value);
struct json_object *draft_value(const struct report_draft *, enum draft_key);
int		 draft_put(struct report_draft *, enum draft_key, struct json_object *);
void		 draft_del(struct report_draft *, enum draft_key);
struct json_object *draft_object(struct report_draft *, enum draft_key);

/* ---- One custom question (report_questions.c) ---- */

struct arena;
struct asb_question;
struct form_errors;
struct view_dict;


/* What a question's inputs hold: as typed (after an error) or as saved. */
struct question_value {
	const char		*text;			/* text, textarea, radios, time, number */
	const char		*day, *month, *year;	/* date */
	struct json_object	*set;			/* checkboxes: array of values */
	struct json_object	*details;		/* an option's follow-up: {value: text} */
};

void	question_value_free(struct question_value *);

void	question_value_from_form(struct req *, struct question_value *);
void	question_value_from_saved(struct json_object *answer, struct question_value *);
int	question_dict(struct arena *, struct view_dict *, const struct asb_question *,
	    const struct question_value *, const struct form_errors *);
int	question_read(struct req *, const struct asb_question *, struct form_errors *,
	    struct json_object **answer, const char **display,
	    struct json_object **details);

#endif
