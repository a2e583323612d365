#ifndef PAGES_REPORT_FLOW_H
#define PAGES_REPORT_FLOW_H

#include <stddef.h>

/* What the steps of the reporting form share (pages/report.c), for the
 * steps that live in files of their own (report_evidence.c,
 * report_partner.c). */

struct asb_question;
struct form_errors;
struct json_object;
struct report_draft;
struct req;
struct view_dict;

/* The steps, in order (the paths are in report.c's step_paths). */
enum step {
	STEP_TYPE, STEP_SUBTYPE, STEP_QUESTIONS, STEP_WHEN, STEP_WHERE,
	STEP_IMPACT, STEP_ABOUT, STEP_PARTNER, STEP_EVIDENCE, STEP_CHECK,
};

/* The custom questions of the draft's type; n is 0 when there are none. */
struct qlist {
	struct asb_question	*q;
	size_t			 n;
};

int		 questions_of(struct req *, struct report_draft *, struct qlist *);
const char	*step_after(struct req *, struct report_draft *, enum step from,
		    size_t n, const struct qlist *, int change);
const char	*step_before(struct req *, struct report_draft *, enum step at,
		    size_t n, const struct qlist *, int change);
int		 changing(struct req *);
void		 draft_unavailable(struct req *);
int		 draft_enter(struct req *, struct report_draft *, int need_type);
void		 draft_next(struct req *, struct report_draft *, const char *next);
struct view_dict *step_dict(struct req *, struct report_draft *, const char *back,
		    int change, const struct form_errors *);
int		 keep(struct view_dict *, const char *key, const char *value);
int		 checked(struct view_dict *, const char *name, const char *value);
const char	*field(struct req *, const char *name);
const char	*yes_no(struct req *, const char *name, struct form_errors *,
		    const char *missing);
const char	*file_field(struct json_object *, const char *key);

#endif
