#ifndef PAGES_FORM_H
#define PAGES_FORM_H

#include <stddef.h>
#include <time.h>

struct req;
struct view_dict;

#define FORM_ERRORS_MAX	24

/* What is wrong with a submitted form, field by field, in the order the
 * fields appear, for the GOV.UK error summary and the inline messages. */
struct form_errors {
	size_t	n;
	struct {
		const char	*field;	/* the input's id, e.g. "email" */
		const char	*group;	/* the inputs' group that shows the
					 * message, e.g. "occurred-day" for a
					 * date's three; NULL: the field */
		const char	*message;
		int		 parts;	/* a date's: the DATE_DAY, _MONTH, _YEAR
					 * in error (core/date.h); 0 */
	} e[FORM_ERRORS_MAX];
};

void		 form_error(struct form_errors *, const char *field, const char *message);
void		 form_error_in(struct form_errors *, const char *group, const char *field,
		    const char *message);
void		 form_error_date(struct req *, struct form_errors *, const char *prefix,
		    const char *group, int parts, const char *message);
int		 form_date_parts_dict(struct view_dict *, const char *prefix,
		    const struct form_errors *);
const char	*form_error_of(const struct form_errors *, const char *field);
int		 form_errors_dict(struct view_dict *, const struct form_errors *);
const char	*form_title(struct req *, const struct form_errors *, const char *title);
const char	*form_text(struct req *, const char *name, size_t max,
		    struct form_errors *, const char *field, const char *missing,
		    const char *too_long);
size_t		 form_chars(const char *);
const char	*form_long_text(struct req *, const char *name, size_t max_chars,
		    struct form_errors *, const char *field, const char *missing,
		    const char *too_long);

#define FORM_TIME_MAX	10	/* bytes of a time of day typed: "11:30pm", "21:30" */

void		 form_when_past(struct req *, const char *prefix, const char *day,
		    const char *month, const char *year, const char *time_of_day,
		    const char *name, const char *blank, time_t now, struct form_errors *,
		    const char **at);

#endif
