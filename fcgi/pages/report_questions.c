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
#include "domain/answer_detail.h"
#include "domain/asb_catalogue.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/report_draft.h"
#include "view/view.h"

/* An option's follow-up is input "detail-<the option's value>". */
#define DETAIL_PREFIX	"detail-"

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
	v->details = json_object_new_object();
	for (i = 0; v->set != NULL && v->details != NULL && i < r->form.n; i++) {
		const char *k = r->form.v[i].key;

		if (strcmp(k, "answer") == 0)
			json_object_array_add(v->set,
			    json_object_new_string(r->form.v[i].val));
		else if (strncmp(k, DETAIL_PREFIX, strlen(DETAIL_PREFIX)) == 0)
			json_object_object_add(v->details, k + strlen(DETAIL_PREFIX),
			    json_object_new_string(trimmed(r, r->form.v[i].val)));
	}
}

void
question_value_free(struct question_value *v)
{
	if (v->set != NULL)
		json_object_put(v->set);
	if (v->details != NULL)
		json_object_put(v->details);
	v->set = v->details = NULL;
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
	if (json_object_object_get_ex(saved, "detail", &v->details))
		json_object_get(v->details);
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

/* What goes in an option's conditional reveal: the follow-up it asks
 * (with what was typed, and its error), and the notice its answer calls
 * for ("If you are in danger now, call 999"), shown at once. */
static int
option_reveal(struct view_dict *item, const struct asb_question *q, const char *value,
    const struct question_value *v, const struct form_errors *errs, struct arena *a)
{
	struct answer_detail det;
	struct view_dict *s, *e;
	const char *typed = "", *name;
	struct json_object *t;
	int has, notice = q->notice_answer[0] != '\0' && q->notice_text[0] != '\0' &&
	    strcmp(q->notice_answer, value) == 0;
	size_t i;

	if ((has = answer_detail_of(a, q, value, &det)) == -1)
		return -1;
	if (!has && !notice)
		return 0;
	if (view_show(item, "REVEAL") == -1)
		return -1;
	if (notice && view_set(view_section(item, "OPTION_NOTICE"), "TEXT",
	    q->notice_text) == -1)
		return -1;
	if (!has)
		return 0;
	if (v->details != NULL && json_object_object_get_ex(v->details, value, &t))
		typed = json_object_get_string(t);
	if ((name = arena_printf(a, DETAIL_PREFIX "%s", value)) == NULL ||
	    (s = view_section(item, "DETAIL")) == NULL ||
	    view_set(s, "NAME", name) == -1 || view_set(s, "PROMPT", det.prompt) == -1 ||
	    view_set(s, "TEXT", typed) == -1)
		return -1;
	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, name) == 0 &&
		    ((e = view_section(s, "DETAIL_ERROR")) == NULL ||
		    view_set(e, "MESSAGE", errs->e[i].message) == -1))
			return -1;
	return 0;
}

/* Adds one OPTION section per choice to sec. */
static int
options_dict(struct view_dict *sec, const struct asb_question *q,
    const struct question_value *v, int multiple, const struct form_errors *errs,
    struct arena *a)
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
		    view_set(item, "LABEL", json_object_get_string(lab)) == -1 ||
		    option_reveal(item, q, json_object_get_string(val), v, errs, a) == -1)
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
question_dict(struct arena *a, struct view_dict *d, const struct asb_question *q,
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
	/* The message goes inside the kind's own markup (a follow-up's goes
	 * with its option: options_dict). */
	if (errs->n > 0 && strncmp(errs->e[0].field, DETAIL_PREFIX, strlen(DETAIL_PREFIX)) != 0 &&
	    ((h = view_section(sec, "ERROR")) == NULL ||
	    view_set(h, "MESSAGE", errs->e[0].message) == -1))
		return -1;
	/* A date's parts in error, marked in its own section. */
	if (strcmp(section, "DATE") == 0 && form_date_parts_dict(sec, "answer", errs) == -1)
		return -1;
	if ((multiple || strcmp(section, "RADIOS") == 0) &&
	    options_dict(sec, q, v, multiple, errs, a) == -1)
		return -1;
	return 0;
}

/* The follow-ups of the options chosen, each checked by the intake's own
 * checker (domain/answer_detail.c): into *details ({value: text}, NULL
 * when none) and added to *display. 0; -1 with the problem in errs, or
 * when out of memory. */
static int
option_details(struct req *r, const struct asb_question *q, const struct question_value *v,
    struct form_errors *errs, struct json_object **answer, const char **display,
    struct json_object **details)
{
	struct answer_detail det;
	struct json_object *t;
	const char *value, *text, *why, *shown = *display;
	size_t i, n;
	int rc;

	if (*answer == NULL)
		return 0;
	n = json_object_is_type(*answer, json_type_array) ? json_object_array_length(*answer) : 1;
	for (i = 0; i < n; i++) {
		value = json_object_get_string(json_object_is_type(*answer, json_type_array) ?
		    json_object_array_get_idx(*answer, i) : *answer);
		if ((rc = answer_detail_of(r->arena, q, value, &det)) != 1) {
			if (rc == -1)
				return -1;
			continue;
		}
		text = v->details != NULL && json_object_object_get_ex(v->details, value, &t) ?
		    json_object_get_string(t) : "";
		if ((why = answer_detail_check(&det, text)) != NULL) {
			form_error(errs, arena_printf(r->arena, DETAIL_PREFIX "%s", value), why);
			continue;
		}
		if ((*details == NULL && (*details = json_object_new_object()) == NULL) ||
		    (shown = arena_printf(r->arena, "%s (%s)", shown, text)) == NULL)
			return -1;
		json_object_object_add(*details, value, json_object_new_string(text));
	}
	if (errs->n > 0) {
		json_object_put(*details);
		*details = NULL;
		return -1;
	}
	*display = shown;
	return 0;
}

/* Reads the answer to q and checks it with the checker Open311 uses
 * too (domain/answer.c). Returns 0 with *answer (a string, an array, or
 * NULL when an optional question was left blank) and *display for the
 * check page; -1 with the problem in errs. */
int
question_read(struct req *r, const struct asb_question *q, struct form_errors *errs,
    struct json_object **answer, const char **display, struct json_object **details)
{
	struct date_refusal refusal;
	struct question_value v;
	struct answer ans;
	struct date d;
	const char **vals, *why;
	size_t i, n = 0;
	int rc;

	*answer = NULL;
	*display = "";
	*details = NULL;
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
			if (rc == 1)
				form_error_date(r, errs, "answer", "answer", refusal.parts,
				    refusal.message);
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
	if (option_details(r, q, &v, errs, answer, display, details) == -1) {
		json_object_put(*answer);
		*answer = NULL;
		goto fail;
	}
	question_value_free(&v);
	return 0;
fail:
	question_value_free(&v);
	return -1;
}
