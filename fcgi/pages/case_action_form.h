#ifndef PAGES_CASE_ACTION_FORM_H
#define PAGES_CASE_ACTION_FORM_H

#include <stddef.h>

#include "domain/case_action.h"

struct action_type;
struct form_errors;
struct req;
struct view_dict;

/* The action form (add, change, and add from a case panel) and the date
 * inputs the action pages share: read, checked, and shown again as typed. */

/* A GOV.UK date input as typed. */
struct typed_date {
	const char	*day, *month, *year;
};

struct action_form {
	struct case_action_input in;
	const char		*type, *agency, *team, *person;	/* as typed */
	struct typed_date	 due, served, expires, review;
};

/* Reads the date input <prefix>-day/-month/-year: blank is unset (or an
 * error when required), any real date is taken. 0, or -1 out of memory. */
int	action_date_read(struct req *, const char *prefix, const char *name,
	    const char *blank, struct typed_date *, struct action_date *,
	    struct form_errors *);
/* The include `key` (case_action_date.tpl) for the date input prefix. */
int	action_date_dict(struct req *, struct view_dict *, const char *key,
	    const char *prefix, const char *legend, const char *hint,
	    const struct typed_date *, const struct form_errors *);
/* The typed form of a date that is set, for a form opened on a record. */
struct typed_date action_date_typed(struct req *, const struct action_date *);

int	action_form_read(struct req *, struct action_form *, struct form_errors *);
/* The form as action a has it, for changing it. */
void	action_form_of(struct req *, const struct case_action *, struct action_form *);
int	action_form_dict(struct req *, struct view_dict *, const struct action_form *,
	    const struct action_type *, size_t, const struct action_choices *,
	    const struct form_errors *);
/* The words of the domain's refusal of a form, on the field it is about;
 * 0 when it is no refusal of the form (the caller answers it). */
int	action_form_refused(struct form_errors *, enum case_action_result);

#endif
