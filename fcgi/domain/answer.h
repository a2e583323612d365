#ifndef DOMAIN_ANSWER_H
#define DOMAIN_ANSWER_H

#include <stddef.h>
#include <time.h>

struct arena;
struct asb_question;
struct json_object;

/* The one checker of an answer to a custom question, by the question's
 * kind: every channel (the public form, Open311) hands it the values as
 * sent and gets back the same verdict, and the same words for a person
 * when the answer is refused. */

#define ANSWER_SHORT_MAX	500	/* characters of a short_text answer */
#define ANSWER_LONG_MAX		2000	/* characters of a long_text answer */
#define ANSWER_NUMBER_MAX	100000	/* a number answer is 0..this */

/* Whose date the words of a refused date answer name, as core/date.c's
 * date_input_check: "The date must include a month". The question is the
 * page's heading on the form and the attribute's code on Open311. */
#define ANSWER_DATE_NAME	"The date"

/* An answer that passed. */
struct answer {
	struct json_object	*value;		/* a string, or an array for
						 * multiple_choice; NULL when an
						 * optional question was left blank */
	const char		*display;	/* the answer in words; "" when blank */
};

int	answer_check(struct arena *, const struct asb_question *,
	    const char *const *vals, size_t nvals, time_t now, struct answer *,
	    const char **why);
int	answer_time_parse(const char *);

#endif
