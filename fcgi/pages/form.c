/* Form validation results in the GOV.UK pattern: an error summary that
 * links to each field, and a message above each field in error. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/chars.h"
#include "core/date.h"
#include "domain/answer.h"
#include "domain/intake_check.h"
#include "http/request.h"
#include "pages/form.h"
#include "view/view.h"

/* Records that field is wrong, in words for the person. */
void
form_error(struct form_errors *f, const char *field, const char *message)
{
	form_error_in(f, NULL, field, message);
}

/* Records that field, one input of a group shown as one (a date's day,
 * month and year), is wrong: the error summary links to field, the
 * group's section shows the message. */
void
form_error_in(struct form_errors *f, const char *group, const char *field,
    const char *message)
{
	if (f->n < FORM_ERRORS_MAX) {
		f->e[f->n].field = field;
		f->e[f->n].group = group;
		f->e[f->n].message = message;
		f->e[f->n].parts = 0;
		f->n++;
	}
}

/* Records that the date input whose parts are <prefix>-day, -month and
 * -year is wrong in `parts` (core/date.h's refusal): the summary links to
 * the first of them, the group's section shows the message, and only the
 * parts in error are marked (form_date_parts_dict), as GOV.UK's date input
 * asks. */
void
form_error_date(struct req *r, struct form_errors *f, const char *prefix,
    const char *group, int parts, const char *message)
{
	const char *field = arena_printf(r->arena, "%s-%s", prefix, date_part_name(parts));

	form_error_in(f, group, field != NULL ? field : group, message);
	if (f->n > 0 && f->e[f->n - 1].message == message)
		f->e[f->n - 1].parts = parts;
}

/* Shows <PREFIX>_DAY_PART, _MONTH_PART and _YEAR_PART in d for the parts
 * an error on field (<prefix>-<part>) marks. 0, or -1 out of memory. */
static int
parts_dict(struct view_dict *d, const char *field, int parts)
{
	static const struct {
		int		 bit;
		const char	*name;
	} names[] = { { DATE_DAY, "DAY" }, { DATE_MONTH, "MONTH" }, { DATE_YEAR, "YEAR" } };
	char sec[64];
	size_t j, k;

	for (k = 0; field[k] != '\0' && field[k] != '-' && k < sizeof(sec) - 16; k++)
		sec[k] = (char)toupper((unsigned char)field[k]);
	for (j = 0; j < sizeof(names) / sizeof(names[0]); j++) {
		if (!(parts & names[j].bit))
			continue;
		snprintf(sec + k, sizeof(sec) - k, "_%s_PART", names[j].name);
		if (view_show(d, sec) == -1)
			return -1;
	}
	return 0;
}

/* The same in d for every date error of the input `prefix` (a section of
 * its own holds the date: report_question.tpl). 0, or -1 out of memory. */
int
form_date_parts_dict(struct view_dict *d, const char *prefix, const struct form_errors *f)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < f->n; i++)
		if (f->e[i].parts != 0 && strncmp(f->e[i].field, prefix, n) == 0 &&
		    f->e[i].field[n] == '-' && parts_dict(d, f->e[i].field, f->e[i].parts) == -1)
			return -1;
	return 0;
}

/* The message recorded for field, or NULL when it has none. */
const char *
form_error_of(const struct form_errors *f, const char *field)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->e[i].field, field) == 0)
			return f->e[i].message;
	return NULL;
}

/* Fills the ERROR_SUMMARY include (error_summary.tpl: one ERROR per
 * problem with FIELD and MESSAGE) and, for each field (or its group),
 * shows the section <FIELD>_ERROR with MESSAGE in d. Returns -1 when out
 * of memory. */
int
form_errors_dict(struct view_dict *d, const struct form_errors *f)
{
	struct view_dict *item, *sec, *sum;
	char name[80];
	const char *g;
	size_t i, k;

	if ((sum = view_include(d, "ERROR_SUMMARY", "error_summary.tpl")) == NULL)
		return -1;
	if (f->n == 0)
		return 0;
	if (view_show(sum, "ERRORS") == -1)
		return -1;
	for (i = 0; i < f->n; i++) {
		if ((item = view_section(sum, "ERROR")) == NULL ||
		    view_set(item, "FIELD", f->e[i].field) == -1 ||
		    view_set(item, "MESSAGE", f->e[i].message) == -1)
			return -1;
		g = f->e[i].group != NULL ? f->e[i].group : f->e[i].field;
		for (k = 0; g[k] != '\0' && k < sizeof(name) - 7; k++)
			name[k] = g[k] == '-' ? '_' : (char)toupper((unsigned char)g[k]);
		memcpy(name + k, "_ERROR", 7);
		if ((sec = view_section(d, name)) == NULL ||
		    view_set(sec, "MESSAGE", f->e[i].message) == -1)
			return -1;
		if (f->e[i].parts != 0 && parts_dict(d, f->e[i].field, f->e[i].parts) == -1)
			return -1;
	}
	return 0;
}

/* The page title, with "Error: " in front when the form has errors, as
 * screen reader users hear the title first. */
const char *
form_title(struct req *r, const struct form_errors *f, const char *title)
{
	if (f->n == 0)
		return title;
	return arena_printf(r->arena, "Error: %s", title);
}

/* The field as sent, trimmed; "" when absent, NULL out of memory. */
static const char *
trimmed(struct req *r, const char *name)
{
	const char *v = req_form(r, name), *e;

	if (v == NULL)
		v = "";
	while (isspace((unsigned char)*v))
		v++;
	e = v + strlen(v);
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	return arena_strndup(r->arena, v, (size_t)(e - v));
}

/* A trimmed text field. Records `missing` when it is empty (unless missing
 * is NULL: optional) and `too_long` when it is over max bytes, with how
 * many characters too many (core/chars.c) when it is over max in those
 * too. max stays in bytes: callers check a value's form only when it is
 * within max bytes, and count on this to have refused it otherwise.
 * Returns the value ("" when absent), never NULL except out of memory. */
const char *
form_text(struct req *r, const char *name, size_t max, struct form_errors *f,
    const char *field, const char *missing, const char *too_long)
{
	const char *v = trimmed(r, name);

	if (v == NULL)
		return NULL;
	if (*v == '\0' && missing != NULL)
		form_error(f, field, missing);
	else if (strlen(v) > max)
		form_error(f, field, chars_too_many(r->arena, too_long, v, max));
	return v;
}

/* Characters (not bytes) in a UTF-8 string, as PostgreSQL counts them. */
size_t
form_chars(const char *s)
{
	return chars_count(s);
}

/* A trimmed textarea as form_text, with the browser's CRLF line ends as
 * LF and max counted in characters, so that 2,000 characters typed are
 * 2,000 stored; too_long gets how many characters too many. NULL only
 * when out of memory. */
const char *
form_long_text(struct req *r, const char *name, size_t max, struct form_errors *f,
    const char *field, const char *missing, const char *too_long)
{
	const char *v = trimmed(r, name);
	char *out, *o;

	if (v == NULL || (out = arena_strdup(r->arena, v)) == NULL)
		return NULL;
	for (o = out; *v != '\0'; v++)
		if (!(v[0] == '\r' && v[1] == '\n'))
			*o++ = *v;
	*o = '\0';
	if (*out == '\0' && missing != NULL)
		form_error(f, field, missing);
	else if (!chars_fit(out, max))
		form_error(f, field, chars_too_many(r->arena, too_long, out, max));
	return out;
}

/* A moment typed as a date input (<prefix>-day, -month, -year) and an
 * optional time of day, not later than now: the date by the date input's
 * checker (name and blank as date_input_check's), the time by the
 * intake's (the verdict every channel gives). *at is what PostgreSQL
 * reads as the moment (London time; noon without a time), or NULL with
 * what to fix in errs: on <prefix>-time for the time, the date's group
 * <prefix>-day for the rest. */
void
form_when_past(struct req *r, const char *prefix, const char *day, const char *month,
    const char *year, const char *time_of_day, const char *name, const char *blank,
    time_t now, struct form_errors *errs, const char **at)
{
	const char *group = arena_printf(r->arena, "%s-day", prefix), *ymd, *why;
	const char *tfield = arena_printf(r->arena, "%s-time", prefix);
	struct date_refusal no;
	struct date dt;
	int rc;

	*at = NULL;
	if (group == NULL || tfield == NULL)
		return form_error(errs, prefix, blank);
	rc = date_input_check(r->arena, day, month, year, name, blank, now, &dt, &no);
	if (rc == 1)
		return form_error_date(r, errs, prefix, group, no.parts, no.message);
	if (rc != 0 || (ymd = arena_printf(r->arena, "%04d-%02d-%02d", dt.year, dt.month,
	    dt.day)) == NULL)
		return form_error(errs, group, blank);
	/* Not a time, or one still to come (the intake's words). */
	if (strlen(time_of_day) > FORM_TIME_MAX ||
	    (*time_of_day != '\0' && answer_time_parse(time_of_day) < 0))
		why = "Enter a real time, for example 9:30pm or 21:30";
	else
		why = intake_when_check(r->arena, ymd, time_of_day, now, at);
	if (why == NULL)
		return;
	*at = NULL;
	if (*time_of_day != '\0')
		form_error(errs, tfield, why);
	else
		form_error_date(r, errs, prefix, group, DATE_WHOLE, why);
}
