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
int		 draft_save(struct req *, struct report_draft *, int seconds);
void		 draft_free(struct report_draft *);
const char	*draft_id(const struct report_draft *);
const char	*draft_get(const struct report_draft *, const char *field);
int		 draft_set(struct report_draft *, const char *field, const char *value);
struct json_object *draft_object(struct report_draft *, const char *field);

#endif

/* ---- One custom question (report_questions.c) ---- */

struct asb_question;
struct form_errors;
struct view_dict;

#define QUESTION_SHORT_MAX	500
#define QUESTION_LONG_MAX	2000

/* What a question's inputs hold: as typed (after an error) or as saved. */
struct question_value {
	const char		*text;			/* text, textarea, radios, time, number */
	const char		*day, *month, *year;	/* date */
	struct json_object	*set;			/* checkboxes: array of values */
};

void	question_value_from_form(struct req *, struct question_value *);
void	question_value_from_saved(struct json_object *answer, struct question_value *);
int	question_dict(struct view_dict *, const struct asb_question *,
	    const struct question_value *, const struct form_errors *);
int	question_read(struct req *, const struct asb_question *, struct form_errors *,
	    struct json_object **answer, const char **display);
int	question_notice_matches(const struct asb_question *, struct json_object *answer);
