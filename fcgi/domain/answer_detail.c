/* The follow-ups of a choice question's options (domain/answer_detail.h). */
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/answer_detail.h"
#include "domain/asb_catalogue.h"

static const char *
member(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* The follow-up of q's option `value` into *out (copied into a). 1 when
 * it has one; 0 when not; -1 when out of memory. */
int
answer_detail_of(struct arena *a, const struct asb_question *q, const char *value,
    struct answer_detail *out)
{
	struct json_object *opts, *o;
	const char *v, *prompt;
	size_t i, n;
	int rc = 0;

	out->prompt = out->missing = NULL;
	if (value == NULL || (opts = json_tokener_parse(q->options)) == NULL)
		return 0;
	n = json_object_is_type(opts, json_type_array) ? json_object_array_length(opts) : 0;
	for (i = 0; i < n && rc == 0; i++) {
		o = json_object_array_get_idx(opts, i);
		if ((v = member(o, "value")) == NULL || strcmp(v, value) != 0 ||
		    (prompt = member(o, "detail")) == NULL)
			continue;
		out->prompt = arena_strdup(a, prompt);
		out->missing = arena_strdup(a, member(o, "detail_missing") != NULL ?
		    member(o, "detail_missing") : "Enter your answer");
		rc = out->prompt != NULL && out->missing != NULL ? 1 : -1;
	}
	json_object_put(opts);
	return rc;
}

/* The words for a person when the follow-up's text (trimmed) will not
 * do; NULL when it will. */
const char *
answer_detail_check(const struct answer_detail *d, const char *text)
{
	if (text == NULL || *text == '\0')
		return d->missing;
	if (strlen(text) > ANSWER_DETAIL_MAX)
		return "Your answer must be 500 characters or fewer";
	return NULL;
}

/* Every follow-up of the options chosen in answer (a string or an array
 * of them), each looked up in details ({value: text}, or NULL): the words
 * of the first problem, or NULL when all are given. "" when out of
 * memory. */
const char *
answer_details_check(struct arena *a, const struct asb_question *q,
    struct json_object *answer, struct json_object *details)
{
	struct answer_detail d;
	const char *value, *why;
	size_t i, n;
	int rc;

	if (answer == NULL)
		return NULL;
	n = json_object_is_type(answer, json_type_array) ? json_object_array_length(answer) : 1;
	for (i = 0; i < n; i++) {
		value = json_object_get_string(json_object_is_type(answer, json_type_array) ?
		    json_object_array_get_idx(answer, i) : answer);
		if ((rc = answer_detail_of(a, q, value, &d)) == -1)
			return "";
		if (rc == 1 && (why = answer_detail_check(&d, member(details, value))) != NULL)
			return why;
	}
	return NULL;
}
