#ifndef PAGES_CASE_REVIEW_FORM_H
#define PAGES_CASE_REVIEW_FORM_H

#include <stddef.h>

#include "domain/case_review.h"

struct form_errors;
struct req;
struct view_dict;

/* What the Case Review's forms share (pages/case_review_*.c): the
 * domain's problems as the form's errors, a date typed as day, month and
 * year, the application's fields on a page. */

/* Adds each of the check's problems (domain/case_review.h) to errs, the
 * field's name being the input's id. */
void	cr_problems_errors(const struct case_review_problem *, size_t n,
	    struct form_errors *);
/* A date input <prefix>-day/-month/-year, not after today: "" when all
 * three are blank and blank_ok, else YYYY-MM-DD; NULL with the error
 * recorded (or out of memory). *day, *month, *year are as typed. */
const char *cr_date_read(struct req *, const char *prefix, const char *name,
	    int blank_ok, struct form_errors *, const char **day, const char **month,
	    const char **year);
/* The last part of the request's path: the step or milestone a route
 * of several with one handler names. */
const char *cr_path_last(struct req *);
/* Sets the input's fields on d as APPLICANT_NAME, ... (the values typed). */
int	cr_input_dict(struct view_dict *, const struct case_review_input *);

#endif
