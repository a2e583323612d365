#ifndef PAGES_CASE_REVIEW_ONLINE_H
#define PAGES_CASE_REVIEW_ONLINE_H

/* What the online Case Review application's pages share
 * (pages/case_review_online.c: the start and the questions;
 * pages/case_review_send.c: check your answers, send, confirmation). It
 * is one question a page, like /report, on the same draft storage
 * (pages/report_draft.h) under a cookie of its own, and the same step
 * helpers (pages/report_flow.h). */

struct case_review_input;
struct report_draft;
struct req;

#define CR_DRAFT_COOKIE	"concord_case_review"

enum cr_step { CS_WHO, CS_YOU, CS_VICTIM, CS_BEHAVIOUR, CS_REPORTED, CS_CHECK };

extern const char *const cr_agencies[];	/* the "who you told" checkboxes */
const char	*cr_agency_words(const char *code);
const char	*cr_step_path(enum cr_step);
const char	*cr_change_path(enum cr_step);

/* Loads the draft for a page after the start: 1, or 0 when the response
 * is made (start again, 503, or the confirmation of one already sent). */
int	cr_enter(struct req *, struct report_draft *);
void	cr_unavailable(struct req *);
void	cr_lost(struct req *);
/* The draft as an application (channel online); strings in the arena or
 * the draft. NULL fields never. 0 or -1 (out of memory). */
int	cr_input_of(struct req *, const struct report_draft *, struct case_review_input *);
/* The step to answer before the application can be sent (its change
 * path), NULL when there is none; "" out of memory. */
const char *cr_missing(struct req *, const struct report_draft *);

#endif
