/* One custom question of the public form, rendered and validated by its
 * kind (short_text, long_text, yes_no, single_choice, multiple_choice,
 * date, time, number). The inputs are named "answer" (and answer-day,
 * answer-month, answer-year for a date); the error links to "answer", or
 * for a date to the first of its parts in error. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/answer.h"
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
	static char day[12], month[12], year[12];
	const char *s, *end;
	struct date dt;

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
	if ((end = date_parse(s, &dt)) != NULL && *end == '\0') {
		snprintf(year, sizeof(year), "%04d", dt.year);
		snprintf(month, sizeof(month), "%d", dt.month);
		snprintf(day, sizeof(day), "%d", dt.day);
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
	    ANSWER_LONG_MAX : ANSWER_SHORT_MAX) == -1)
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

/* Reads the answer to q and checks it with the checker Open311 uses
 * too (domain/answer.c). Returns 0 with *answer (a string, an array, or
 * NULL when an optional question was left blank) and *display for the
 * check page; -1 with the problem in errs. */
int
question_read(struct req *r, const struct asb_question *q, struct form_errors *errs,
    struct json_object **answer, const char **display)
{
	struct date_refusal refusal;
	struct question_value v;
	struct answer ans;
	struct date d;
	const char **vals, *why, *part;
	size_t i, n = 0;
	int rc;

	*answer = NULL;
	*display = "";
	question_value_from_form(r, &v);
	if ((vals = arena_calloc(r->arena, r->form.n + 1, sizeof(*vals))) == NULL)
		goto fail;
	if (strcmp(q->kind, "date") == 0) {
		/* All three boxes blank is no answer, for answer_check to say
		 * whether that will do. Otherwise the three are checked apart,
		 * so that the words and the link say which is wrong, with the
		 * words answer_check gives Open311 for the same date. */
		if (*v.day != '\0' || *v.month != '\0' || *v.year != '\0') {
			rc = date_input_check(r->arena, v.day, v.month, v.year,
			    ANSWER_DATE_NAME, NULL, time(NULL), &d, &refusal);
			if (rc == 1 && (part = arena_printf(r->arena, "answer-%s",
			    date_part_name(refusal.parts))) != NULL)
				form_error_in(errs, "answer", part, refusal.message);
			if (rc != 0 || (vals[n++] = arena_printf(r->arena,
			    "%04d-%02d-%02d", d.year, d.month, d.day)) == NULL)
				goto fail;
		}
	} else if (strcmp(q->kind, "multiple_choice") == 0) {
		for (i = 0; v.set != NULL && i < json_object_array_length(v.set); i++)
			vals[n++] = json_object_get_string(json_object_array_get_idx(v.set, i));
	} else
		vals[n++] = v.text;
	rc = answer_check(r->arena, q, vals, n, time(NULL), &ans, &why);
	if (rc == 1)
		form_error(errs, strcmp(q->kind, "date") == 0 ? "answer-day" : "answer", why);
	if (rc != 0)
		goto fail;
	*answer = ans.value;
	*display = ans.display;
	if (v.set != NULL)
		json_object_put(v.set);
	return 0;
fail:
	if (v.set != NULL)
		json_object_put(v.set);
	return -1;
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
