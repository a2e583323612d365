#ifndef DOMAIN_ANSWER_DETAIL_H
#define DOMAIN_ANSWER_DETAIL_H

struct arena;
struct asb_question;
struct json_object;

/* The follow-up an option of a choice question may ask (its "detail" in
 * the question's options, sql/migrations/0039_report_form.sql): "Yes, I
 * know their name" asks the name, "Something else" asks what. The form
 * shows it with the option; the intake checks it by these, for every
 * channel that asks it. */

#define ANSWER_DETAIL_MAX	500	/* bytes, as a short_text answer */

struct answer_detail {
	const char	*prompt;	/* "What is their name?" */
	const char	*missing;	/* "Enter their name" */
};

int		 answer_detail_of(struct arena *, const struct asb_question *,
		    const char *value, struct answer_detail *);
const char	*answer_detail_check(const struct answer_detail *, const char *text);
const char	*answer_details_check(struct arena *, const struct asb_question *,
		    struct json_object *answer, struct json_object *details);

#endif
