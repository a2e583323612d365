#ifndef PAGES_REPORT_FLOW_H
#define PAGES_REPORT_FLOW_H

#include <stddef.h>

#include "domain/asb_catalogue.h"
#include "pages/report_draft.h"

/* What the steps of the reporting form share (pages/report_step.c); each
 * step lives in a file of its own. */

struct area_location;
struct form_errors;
struct json_object;
struct report_draft;
struct req;
struct view_dict;

/* The steps, in order (the paths are in report_step.c's step_paths). */
enum step {
	STEP_TYPE, STEP_SUBTYPE, STEP_QUESTIONS, STEP_DESCRIPTION, STEP_TRIAGE,
	STEP_WHEN, STEP_WHERE, STEP_IMPACT, STEP_ABOUT, STEP_PARTNER, STEP_EVIDENCE,
	STEP_CHECK,
};

/* The custom questions of the draft's type; n is 0 when there are none. */
struct qlist {
	struct asb_question	*q;
	size_t			 n;
	struct asb_type_ref	 type;	/* id 0: the draft's type is no longer offered */
};

/* One field of a step, as the step's table lists it (the kcgi way): the
 * steps whose fields are alike read, keep and show them through the
 * step_fields_* functions below, each value at its field's index. */
enum step_field_kind {
	SF_TEXT,	/* text input; template key `dict` holds it */
	SF_LONG_TEXT,	/* textarea: as SF_TEXT, max in characters, CRLF as LF */
	SF_YES_NO,	/* "yes"/"no" radios; section `dict`_YES or _NO is shown */
	SF_CHOICE,	/* radios the step checks itself; shown like SF_YES_NO */
};

struct step_field {
	const char		*name;		/* the form's name, and the input's id */
	enum draft_key		 key;		/* where the draft keeps it */
	const char		*dict;		/* the template's key */
	enum step_field_kind	 kind;
	size_t			 max;		/* the longest value: SF_TEXT bytes,
						 * SF_LONG_TEXT characters */
	const char		*missing;	/* the message when empty; NULL: optional */
	const char		*too_long;	/* text: the message when over max */
};

void	step_fields_saved(const struct report_draft *, const struct step_field *,
	    size_t n, const char **v);
int	step_fields_read(struct req *, const struct step_field *, size_t n,
	    struct form_errors *, const char **v);
int	step_fields_dict(struct view_dict *, const struct step_field *, size_t n,
	    const char *const *v);
int	step_fields_save(struct report_draft *, const struct step_field *, size_t n,
	    const char *const *v);

/* A step that is only its table of fields (pages/report_table_step.c):
 * its fields, and the same fields as a partner is asked them (NULL: the
 * same words), its template and titles, and the longest text it takes in
 * characters, for the template's MAXLEN (0: none). */
struct table_step {
	enum step		 step;
	const struct step_field	*fields, *partner_fields;
	size_t			 n;
	const char		*template;
	const char		*title, *partner_title;	/* NULL: the same title */
	size_t			 max;
};

void	table_step_get(struct req *, const struct table_step *);
void	table_step_post(struct req *, const struct table_step *);

int		 questions_of(struct req *, struct report_draft *, struct qlist *, int kept);
/* pages/report_check.c: what the draft skipped, for the check page and
 * the submit. */
const char	*step_missing(struct req *, struct report_draft *);
const char	*question_missing(struct req *, struct report_draft *, struct qlist *,
		    int kept);
const char	*step_after(struct req *, struct report_draft *, enum step from,
		    size_t n, const struct qlist *, int change);
const char	*step_before(struct req *, struct report_draft *, enum step at,
		    size_t n, const struct qlist *, int change);
int		 changing(struct req *);
int		 changing_all(struct req *);
void		 draft_unavailable(struct req *);
void		 draft_lost(struct req *);
int		 draft_enter(struct req *, struct report_draft *, int need_type);
void		 draft_next(struct req *, struct report_draft *, const char *next);
struct view_dict *step_dict(struct req *, const char *back,
		    int change, const struct form_errors *);
int		 keep(struct view_dict *, const char *key, const char *value);
int		 checked(struct view_dict *, const char *name, const char *value);
const char	*field(struct req *, const char *name);
const char	*yes_no(struct req *, const char *name, struct form_errors *,
		    const char *missing);
const char	*file_field(struct json_object *, const char *key);
int		 one_of(const char *, const char *const *allowed);
/* Checkboxes: the allowed values the form ticked under `name`, as one
 * comma-separated list in the order sent ("" for none; NULL out of
 * memory); and section `name`_<VALUE> shown for each value in a list. */
const char	*checked_list(struct req *, const char *name, const char *const *allowed);
int		 checked_list_dict(struct view_dict *, const char *name, const char *list,
		    const char *const *allowed);
const char	*outside_message(struct req *, const struct area_location *);

#endif
