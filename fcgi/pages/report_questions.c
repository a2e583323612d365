/* One custom question of the public form, rendered and validated by its
 * kind (short_text, long_text, yes_no, single_choice, multiple_choice,
 * date, time, number). The inputs are named "answer" (and answer-day,
 * answer-month, answer-year for a date); the error links to "answer" or
 * "answer-day". */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/asb_catalogue.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/report_draft.h"
#include "view/view.h"

static const char *
trimmed(struct req *r, const char *v)
{
	const char *e;

	if (v == NULL)
		return "";
	while (isspace((unsigned char)*v))
		v++;
	e = v + strlen(v);
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	v = arena_strndup(r->arena, v, (size_t)(e - v));
	return v != NULL ? v : "";
}

/* The inputs as the person typed them, to show again after an error. */
void
question_value_from_form(struct req *r, struct question_value *v)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	v->text = trimmed(r, req_form(r, "answer"));
	v->day = trimmed(r, req_form(r, "answer-day"));
	v->month = trimmed(r, req_form(r, "answer-month"));
	v->year = trimmed(r, req_form(r, "answer-year"));
	/* The set belongs to the caller's request only: freed on the next
	 * question_value_from_form of the same request is not needed, as
	 * each request reads one form. */
	v->set = json_object_new_array();
	for (i = 0; v->set != NULL && i < r->form.n; i++)
		if (strcmp(r->form.v[i].key, "answer") == 0)
			json_object_array_add(v->set,
			    json_object_new_string(r->form.v[i].val));
}

/* The inputs filled from a saved answer ({"answer": ...}), or empty. */
void
question_value_from_saved(struct json_object *saved, struct question_value *v)
{
	struct json_object *a;
	static char day[3], month[3], year[5];
	const char *s;

	memset(v, 0, sizeof(*v));
	v->text = v->day = v->month = v->year = "";
	if (saved == NULL || !json_object_object_get_ex(saved, "answer", &a))
		return;
	if (json_object_is_type(a, json_type_array)) {
		v->set = json_object_get(a);
		return;
	}
	s = json_object_get_string(a);
	v->text = s;
	/* A date is saved as YYYY-MM-DD. */
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		snprintf(year, sizeof(year), "%.4s", s);
		snprintf(month, sizeof(month), "%d", atoi(s + 5));
		snprintf(day, sizeof(day), "%d", atoi(s + 8));
		v->day = day;
		v->month = month;
		v->year = year;
	}
}

static int
in_set(struct json_object *set, const char *value)
{
	size_t i, n;

	if (set == NULL)
		return 0;
	n = json_object_array_length(set);
	for (i = 0; i < n; i++)
		if (strcmp(json_object_get_string(json_object_array_get_idx(set, i)),
		    value) == 0)
			return 1;
	return 0;
}

/* Adds one OPTION section per choice to sec. */
static int
options_dict(struct view_dict *sec, const struct asb_question *q,
    const struct question_value *v, int multiple)
{
	struct json_object *opts = NULL, *o, *val, *lab;
	struct view_dict *item;
	char id[32];
	size_t i, n;
	int rc = -1;

	if (strcmp(q->kind, "yes_no") == 0)
		opts = json_tokener_parse("[{\"value\":\"yes\",\"label\":\"Yes\"},"
		    "{\"value\":\"no\",\"label\":\"No\"}]");
	else
		opts = json_tokener_parse(q->options);
	if (opts == NULL || !json_object_is_type(opts, json_type_array))
		goto out;
	n = json_object_array_length(opts);
	for (i = 0; i < n; i++) {
		o = json_object_array_get_idx(opts, i);
		if (!json_object_object_get_ex(o, "value", &val) ||
		    !json_object_object_get_ex(o, "label", &lab))
			continue;
		snprintf(id, sizeof(id), i == 0 ? "answer" : "answer-%zu", i + 1);
		if ((item = view_section(sec, "OPTION")) == NULL ||
		    view_set(item, "ID", id) == -1 ||
		    view_set(item, "VALUE", json_object_get_string(val)) == -1 ||
		    view_set(item, "LABEL", json_object_get_string(lab)) == -1)
			goto out;
		if ((multiple ? in_set(v->set, json_object_get_string(val)) :
		    v->text != NULL && strcmp(v->text, json_object_get_string(val)) == 0) &&
		    view_show(item, "CHECKED") == -1)
			goto out;
	}
	rc = 0;
out:
	if (opts != NULL)
		json_object_put(opts);
	return rc;
}

/* Fills report_question.tpl's section for q's kind: LABEL, HINT and the
 * inputs' values, and the problem in ERROR. Returns 0, or -1 when out of memory. */
int
question_dict(struct view_dict *d, const struct asb_question *q,
    const struct question_value *v, const struct form_errors *errs)
{
	const char *k = q->kind, *section;
	struct view_dict *sec, *h;
	int multiple = 0;

	if (strcmp(k, "short_text") == 0)
		section = "SHORT_TEXT";
	else if (strcmp(k, "long_text") == 0)
		section = "LONG_TEXT";
	else if (strcmp(k, "yes_no") == 0 || strcmp(k, "single_choice") == 0)
		section = "RADIOS";
	else if (strcmp(k, "multiple_choice") == 0) {
		section = "CHECKBOXES";
		multiple = 1;
	} else if (strcmp(k, "date") == 0)
		section = "DATE";
	else if (strcmp(k, "time") == 0)
		section = "TIME";
	else
		section = "NUMBER";
	if ((sec = view_section(d, section)) == NULL ||
	    view_set(sec, "LABEL", q->label) == -1 ||
	    view_set(sec, "VALUE", v->text != NULL ? v->text : "") == -1 ||
	    view_set(sec, "DAY", v->day != NULL ? v->day : "") == -1 ||
	    view_set(sec, "MONTH", v->month != NULL ? v->month : "") == -1 ||
	    view_set(sec, "YEAR", v->year != NULL ? v->year : "") == -1 ||
	    view_set_int(sec, "MAXLEN", strcmp(k, "long_text") == 0 ?
	    QUESTION_LONG_MAX : QUESTION_SHORT_MAX) == -1)
		return -1;
	if (q->hint[0] != '\0' && ((h = view_section(sec, "HAS_HINT")) == NULL ||
	    view_set(h, "HINT", q->hint) == -1))
		return -1;
	if (!q->required && view_show(sec, "OPTIONAL") == -1)
		return -1;
	/* The message goes inside the kind's own markup. */
	if (errs->n > 0 && ((h = view_section(sec, "ERROR")) == NULL ||
	    view_set(h, "MESSAGE", errs->e[0].message) == -1))
		return -1;
	if ((multiple || strcmp(section, "RADIOS") == 0) &&
	    options_dict(sec, q, v, multiple) == -1)
		return -1;
	return 0;
}

/* The label of a choice's value, or the value itself. */
static const char *
option_label(struct req *r, const struct asb_question *q, const char *value,
    int *found)
{
	struct json_object *opts, *o, *val, *lab;
	const char *out = value;
	size_t i, n;

	*found = 0;
	if ((opts = json_tokener_parse(q->options)) == NULL)
		return value;
	n = json_object_is_type(opts, json_type_array) ? json_object_array_length(opts) : 0;
	for (i = 0; i < n; i++) {
		o = json_object_array_get_idx(opts, i);
		if (json_object_object_get_ex(o, "value", &val) &&
		    json_object_object_get_ex(o, "label", &lab) &&
		    strcmp(json_object_get_string(val), value) == 0) {
			out = arena_strdup(r->arena, json_object_get_string(lab));
			*found = 1;
			break;
		}
	}
	json_object_put(opts);
	return out != NULL ? out : value;
}

/* A whole number 0..max in s, or -1. */
static long
whole(const char *s, long max)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0' || strlen(s) > 9)
		return -1;
	for (end = (char *)s; *end != '\0'; end++)
		if (!isdigit((unsigned char)*end))
			return -1;
	v = strtol(s, &end, 10);
	return v <= max ? v : -1;
}

/* "23:30", "11:30pm", "9pm", "9.15am" → minutes after midnight, or -1. */
static int
time_parse(const char *s)
{
	int h = 0, m = 0, nd = 0;
	char ap[3] = "";

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
	}
	while (*s == ' ')
		s++;
	if (*s != '\0') {
		if (strlen(s) != 2)
			return -1;
		ap[0] = (char)tolower((unsigned char)s[0]);
		ap[1] = (char)tolower((unsigned char)s[1]);
		if (strcmp(ap, "am") != 0 && strcmp(ap, "pm") != 0)
			return -1;
		if (h < 1 || h > 12)
			return -1;
		if (h == 12)
			h = 0;
		if (ap[0] == 'p')
			h += 12;
	}
	if (h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

/* 1 when y-m-d is a real date not after today (UTC). */
static int
date_valid_past(long y, long m, long d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	time_t now = time(NULL);
	struct tm t;
	long today, that;

	if (y < 1900 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1] + (m == 2 && leap))
		return 0;
	gmtime_r(&now, &t);
	today = (t.tm_year + 1900L) * 10000 + (t.tm_mon + 1) * 100 + t.tm_mday;
	that = y * 10000 + m * 100 + d;
	return that <= today + 1;	/* a day's grace for time zones */
}

/* Reads and checks the answer to q. Returns 0 with *answer (a string, an
 * array, or NULL when an optional question was left blank) and *display
 * for the check page; -1 with the problem in errs. */
int
question_read(struct req *r, const struct asb_question *q, struct form_errors *errs,
    struct json_object **answer, const char **display)
{
	struct question_value v;
	const char *k = q->kind, *label;
	char buf[72];
	int found, rc = -1;
	long y, m, d, n;
	size_t i, len;

	*answer = NULL;
	*display = "";
	question_value_from_form(r, &v);
	if (strcmp(k, "multiple_choice") == 0) {
		len = v.set != NULL ? json_object_array_length(v.set) : 0;
		if (len == 0) {
			if (q->required)
				form_error(errs, "answer", "Select at least one option");
			else
				rc = 0;
			goto out;
		}
		for (i = 0; i < len; i++) {
			label = option_label(r, q, json_object_get_string(
			    json_object_array_get_idx(v.set, i)), &found);
			if (!found) {
				form_error(errs, "answer", "Select one of the options shown");
				goto out;
			}
			*display = **display == '\0' ? label :
			    arena_printf(r->arena, "%s, %s", *display, label);
		}
		*answer = json_object_get(v.set);
		rc = 0;
		goto out;
	}
	if (strcmp(k, "date") == 0) {
		if (*v.day == '\0' && *v.month == '\0' && *v.year == '\0') {
			if (q->required)
				form_error(errs, "answer-day", "Enter a date");
			else
				rc = 0;
			goto out;
		}
		d = whole(v.day, 31);
		m = whole(v.month, 12);
		y = whole(v.year, 9999);
		if (d < 0 || m < 0 || y < 0 || strlen(v.year) != 4 ||
		    !date_valid_past(y, m, d)) {
			form_error(errs, "answer-day", "Enter a real date in the past, "
			    "for example 27 3 2026");
			goto out;
		}
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", (int)y, (int)m, (int)d);
		*answer = json_object_new_string(buf);
		*display = arena_printf(r->arena, "%ld/%ld/%ld", d, m, y);
		rc = *answer != NULL ? 0 : -1;
		goto out;
	}
	if (*v.text == '\0') {
		if (!q->required)
			rc = 0;
		else if (strcmp(k, "yes_no") == 0)
			form_error(errs, "answer", "Select yes or no");
		else if (strcmp(k, "single_choice") == 0)
			form_error(errs, "answer", "Select an option");
		else
			form_error(errs, "answer", "Enter your answer");
		goto out;
	}
	if (strcmp(k, "short_text") == 0 || strcmp(k, "long_text") == 0) {
		size_t max = k[0] == 'l' ? QUESTION_LONG_MAX : QUESTION_SHORT_MAX;

		if (strlen(v.text) > max) {
			form_error(errs, "answer", k[0] == 'l' ?
			    "Your answer must be 2000 characters or fewer" :
			    "Your answer must be 500 characters or fewer");
			goto out;
		}
		*display = v.text;
	} else if (strcmp(k, "yes_no") == 0) {
		if (strcmp(v.text, "yes") != 0 && strcmp(v.text, "no") != 0) {
			form_error(errs, "answer", "Select yes or no");
			goto out;
		}
		*display = v.text[0] == 'y' ? "Yes" : "No";
	} else if (strcmp(k, "single_choice") == 0) {
		*display = option_label(r, q, v.text, &found);
		if (!found) {
			form_error(errs, "answer", "Select one of the options shown");
			goto out;
		}
	} else if (strcmp(k, "time") == 0) {
		int t = time_parse(v.text);

		if (t < 0) {
			form_error(errs, "answer", "Enter a real time, for example 9:30pm or 21:30");
			goto out;
		}
		snprintf(buf, sizeof(buf), "%02d:%02d", t / 60, t % 60);
		v.text = arena_strdup(r->arena, buf);
		*display = v.text;
	} else {
		if ((n = whole(v.text, 100000)) < 0) {
			form_error(errs, "answer", "Enter a whole number, like 3");
			goto out;
		}
		*display = v.text;
	}
	if (v.text == NULL)
		goto out;
	*answer = json_object_new_string(v.text);
	rc = *answer != NULL ? 0 : -1;
out:
	if (v.set != NULL)
		json_object_put(v.set);
	return rc;
}

/* 1 when the answer is the one the question's notice is for. */
int
question_notice_matches(const struct asb_question *q, struct json_object *answer)
{
	if (q->notice_answer[0] == '\0' || q->notice_text[0] == '\0' || answer == NULL)
		return 0;
	if (json_object_is_type(answer, json_type_array))
		return in_set(answer, q->notice_answer);
	return strcmp(json_object_get_string(answer), q->notice_answer) == 0;
}
