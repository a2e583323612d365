/* The answer to a custom question, checked and normalised by its kind
 * (sql/migrations/0010_asb_types.sql lists the kinds):
 *
 *   short_text, long_text   trimmed, at most ANSWER_SHORT_MAX / _LONG_MAX
 *                           characters
 *   yes_no                  "yes"/"no" (Open311's "true"/"false" too) → "yes"/"no"
 *   single_choice           one of the option values
 *   multiple_choice         one or more of the option values → an array
 *   date                    a real date, not after tomorrow → "YYYY-MM-DD"
 *   time                    "21:30", "21:30:00", "9:30pm", "9pm" → "HH:MM"
 *   number                  a whole number 0..ANSWER_NUMBER_MAX → its digits
 *
 * The words of a refusal are for the person who typed the value: the
 * public form shows them beside the input, Open311 returns them as the
 * error's description (so they hold no HTML). A required answer left
 * blank names the question, as Open311's error and the form's summary
 * show the words without it; a value that is wrong says what is wrong
 * with it. The display is the answer as the check page shows it: option
 * labels, "Yes", "1 December 2026", "11:55pm". */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/chars.h"
#include "core/date.h"
#include "domain/answer.h"
#include "domain/asb_catalogue.h"

enum kind {
	KIND_SHORT_TEXT,
	KIND_LONG_TEXT,
	KIND_YES_NO,
	KIND_SINGLE_CHOICE,
	KIND_MULTIPLE_CHOICE,
	KIND_DATE,
	KIND_TIME,
	KIND_NUMBER,
	KIND__MAX
};

/* Per kind: its name in the question table; what to say when a required
 * answer is missing, and the word that joins the question's label to it
 * (`Enter your answer to "What make and colour is the vehicle?"`); and
 * what to say when the value given is not one it takes (for a date, when
 * it is not one value: a value gets core/date.c's words). */
static const struct {
	const char	*name;
	const char	*missing;
	const char	*to;
	const char	*wrong;
} kinds[KIND__MAX] = {
	[KIND_SHORT_TEXT] = { "short_text", "Enter your answer", "to",
	    "Your answer must be 500 characters or fewer" },
	[KIND_LONG_TEXT] = { "long_text", "Enter your answer", "to",
	    "Your answer must be 2000 characters or fewer" },
	[KIND_YES_NO] = { "yes_no", "Select yes or no", "for", "Select yes or no" },
	[KIND_SINGLE_CHOICE] = { "single_choice", "Select an option", "for",
	    "Select one of the options shown" },
	[KIND_MULTIPLE_CHOICE] = { "multiple_choice", "Select at least one option", "for",
	    "Select one of the options shown" },
	[KIND_DATE] = { "date", "Enter the date", "for",
	    ANSWER_DATE_NAME " must be a real date" },
	[KIND_TIME] = { "time", "Enter a time", "for",
	    "Enter a real time, for example 9:30pm or 21:30" },
	[KIND_NUMBER] = { "number", "Enter a number", "for",
	    "Enter a whole number from 0 to 100,000, like 3" },
};

/* What to say when a required answer to q of kind k is missing, naming
 * the question; NULL out of memory. */
static const char *
missing(struct arena *a, const struct asb_question *q, enum kind k)
{
	if (q->label == NULL || *q->label == '\0')
		return kinds[k].missing;
	return arena_printf(a, "%s %s \"%s\"", kinds[k].missing, kinds[k].to, q->label);
}

/* s without the white space around it, in a; NULL out of memory. */
static const char *
trim(struct arena *a, const char *s)
{
	const char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return arena_strndup(a, s, (size_t)(e - s));
}

/* The label of the option whose value is v into *label, in a. 0; 1 when
 * q offers no such option; -1 out of memory. */
static int
option_label(struct arena *a, const struct asb_question *q, const char *v,
    const char **label)
{
	struct json_object *opts, *o, *val, *lab;
	size_t i, n;
	int rc = 1;

	if ((opts = json_tokener_parse(q->options)) == NULL)
		return 1;
	n = json_object_is_type(opts, json_type_array) ? json_object_array_length(opts) : 0;
	for (i = 0; i < n && rc == 1; i++) {
		o = json_object_array_get_idx(opts, i);
		if (json_object_object_get_ex(o, "value", &val) &&
		    json_object_object_get_ex(o, "label", &lab) &&
		    strcmp(json_object_get_string(val), v) == 0)
			rc = (*label = arena_strdup(a, json_object_get_string(lab))) != NULL ?
			    0 : -1;
	}
	json_object_put(opts);
	return rc;
}

/* "23:30", "23:30:15", "11:30pm", "9pm", "9.15am" → minutes after
 * midnight (seconds dropped), or -1 when s is not a time of day. */
int
answer_time_parse(const char *s)
{
	int h = 0, m = 0, nd = 0;

	while (isdigit((unsigned char)*s) && nd < 2) {
		h = h * 10 + (*s++ - '0');
		nd++;
	}
	if (nd == 0)
		return -1;
	if (*s == ':' || *s == '.') {
		s++;
		if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
			return -1;
		m = (s[0] - '0') * 10 + (s[1] - '0');
		s += 2;
		if (s[0] == ':') {
			if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) ||
			    (s[1] - '0') * 10 + (s[2] - '0') > 59)
				return -1;
			s += 3;
		}
	}
	while (*s == ' ')
		s++;
	if (*s != '\0') {
		if (strcasecmp(s, "am") != 0 && strcasecmp(s, "pm") != 0)
			return -1;
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (tolower((unsigned char)*s) == 'p' ? 12 : 0);
	}
	if (h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

/* A whole number 0..ANSWER_NUMBER_MAX in s, or -1. */
static long
whole(const char *s)
{
	size_t i, n = strlen(s);
	long v;

	/* Nine digits at most: strtol cannot overflow, leading zeros pass. */
	if (n == 0 || n > 9)
		return -1;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	v = strtol(s, NULL, 10);
	return v <= ANSWER_NUMBER_MAX ? v : -1;
}

/* One value of a kind other than multiple_choice into out's display and
 * *norm. 0; 1 with *why when it is not a value the kind takes; -1 out of
 * memory. */
static int
one_check(struct arena *a, const struct asb_question *q, enum kind k,
    const char *v, time_t now, const char **norm, struct answer *out,
    const char **why)
{
	struct date_refusal refusal = { NULL, 0 };
	char words[DATE_WORDS_MAX > CLOCK_WORDS_MAX ? DATE_WORDS_MAX : CLOCK_WORDS_MAX];
	struct date d;
	long n;
	int t, rc;

	*norm = v;
	out->display = v;
	*why = kinds[k].wrong;
	switch (k) {
	case KIND_SHORT_TEXT:
	case KIND_LONG_TEXT:
		n = k == KIND_SHORT_TEXT ? ANSWER_SHORT_MAX : ANSWER_LONG_MAX;
		if (chars_fit(v, (size_t)n))
			return 0;
		*why = chars_too_many(a, kinds[k].wrong, v, (size_t)n);
		return 1;
	case KIND_YES_NO:
		if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0)
			*norm = "yes";
		else if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0)
			*norm = "no";
		else
			return 1;
		out->display = **norm == 'y' ? "Yes" : "No";
		return 0;
	case KIND_SINGLE_CHOICE:
		return option_label(a, q, v, &out->display);
	case KIND_DATE:
		if ((rc = date_iso_check(a, v, ANSWER_DATE_NAME, now, &d, &refusal)) != 0) {
			*why = refusal.message;
			return rc;
		}
		*norm = arena_printf(a, "%04d-%02d-%02d", d.year, d.month, d.day);
		out->display = date_words(words, &d) != NULL ? arena_strdup(a, words) : NULL;
		break;
	case KIND_TIME:
		if ((t = answer_time_parse(v)) < 0)
			return 1;
		*norm = arena_printf(a, "%02d:%02d", t / 60, t % 60);
		out->display = clock_words(words, t) != NULL ? arena_strdup(a, words) : NULL;
		break;
	case KIND_NUMBER:
		if ((n = whole(v)) < 0)
			return 1;
		*norm = out->display = arena_printf(a, "%ld", n);
		break;
	default:
		return 1;
	}
	return *norm != NULL && out->display != NULL ? 0 : -1;
}

/* Checks the values sent for q (one, or several for multiple_choice;
 * empty ones are ignored, each is trimmed) as of now. Returns 0 with *out
 * filled (out->value NULL when an optional question was left blank); 1
 * with *why the problem in words for the person; -1 when memory runs out
 * or q's kind is unknown. */
int
answer_check(struct arena *a, const struct asb_question *q,
    const char *const *vals, size_t nvals, time_t now, struct answer *out,
    const char **why)
{
	const char **given, *norm, *label;
	enum kind k;
	size_t i, n = 0;
	int rc;

	out->value = NULL;
	out->display = "";
	*why = NULL;
	for (k = 0; k < KIND__MAX; k++)
		if (strcmp(kinds[k].name, q->kind) == 0)
			break;
	if (k == KIND__MAX || (given = arena_calloc(a, nvals + 1, sizeof(*given))) == NULL)
		return -1;
	for (i = 0; i < nvals; i++) {
		if (vals[i] == NULL)
			continue;
		if ((given[n] = trim(a, vals[i])) == NULL)
			return -1;
		if (*given[n] != '\0')
			n++;
	}
	if (n == 0) {
		if (!q->required)
			return 0;
		return (*why = missing(a, q, k)) != NULL ? 1 : -1;
	}
	if (k != KIND_MULTIPLE_CHOICE) {
		if (n > 1) {
			*why = kinds[k].wrong;
			return 1;
		}
		if ((rc = one_check(a, q, k, given[0], now, &norm, out, why)) == 1)
			return 1;
		if (rc == -1 || (out->value = json_object_new_string(norm)) == NULL)
			return -1;
		return 0;
	}
	if ((out->value = json_object_new_array()) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if ((rc = option_label(a, q, given[i], &label)) != 0) {
			json_object_put(out->value);
			out->value = NULL;
			out->display = "";
			*why = rc == 1 ? kinds[k].wrong : NULL;
			return rc;
		}
		out->display = *out->display == '\0' ? label :
		    arena_printf(a, "%s, %s", out->display, label);
		if (out->display == NULL ||
		    json_object_array_add(out->value, json_object_new_string(given[i])) != 0) {
			json_object_put(out->value);
			out->value = NULL;
			return -1;
		}
	}
	return 0;
}
