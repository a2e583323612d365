/* The "When did it happen?" step of the public form. It has no table of
 * fields: the date is three inputs kept as one ISO date, the times of day
 * are checkboxes kept as one list, and which fields are asked depends on
 * whether it happened once or keeps happening. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/answer.h"
#include "domain/intake_check.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

/* ------------------------------------------------------------------ */
/* 4. When                                                             */

static const char *const how_often[] = {
	"every_day", "several_times_a_week", "weekly", "less_often", NULL };
static const char *const times_of_day[] = {
	"morning", "afternoon", "evening", "night", NULL };

/* The form's values: typed (after an error) or from the draft. */
struct when_form {
	const char	*when, *day, *month, *year, *time, *how_often, *times;
};

static void
when_render(struct req *r, struct report_draft *d, int status,
    const struct when_form *f, const struct form_errors *errs)
{
	struct qlist ql;
	struct view_dict *dict;
	int change = changing(r);

	if (questions_of(r, d, &ql, 0) == -1)
		return draft_unavailable(r);
	dict = step_dict(r, step_before(r, d, STEP_WHEN, 0, &ql, change), change, errs);
	if (dict == NULL || keep(dict, "DAY", f->day) == -1 ||
	    keep(dict, "MONTH", f->month) == -1 || keep(dict, "YEAR", f->year) == -1 ||
	    keep(dict, "TIME", f->time) == -1 || checked(dict, "WHEN", f->when) == -1 ||
	    checked(dict, "OFTEN", f->how_often) == -1 ||
	    checked_list_dict(dict, "TIMES", f->times, times_of_day) == -1)
		goto oom;
	page_render(r, status, "report_when.tpl",
	    form_title(r, errs, "When did it happen?"), dict);
	return;
oom:
	view_dict_free(dict);
	page_error(r, 500, NULL);
}

/* GET /report/when */
void
report_when_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct when_form f;
	const char *date;
	static char y[5], m[3], dd[3];

	if (!draft_enter(r, &d, 1))
		return;
	memset(&f, 0, sizeof(f));
	date = draft_get(&d, DK_OCCURRED_DATE);
	if (strlen(date) == 10) {
		snprintf(y, sizeof(y), "%.4s", date);
		snprintf(m, sizeof(m), "%d", atoi(date + 5));
		snprintf(dd, sizeof(dd), "%d", atoi(date + 8));
		f.day = dd;
		f.month = m;
		f.year = y;
	}
	f.when = draft_get(&d, DK_WHEN);
	f.time = draft_get(&d, DK_OCCURRED_TIME);
	f.how_often = draft_get(&d, DK_HOW_OFTEN);
	f.times = draft_get(&d, DK_TIMES);
	when_render(r, &d, 200, &f, &errs);
	draft_free(&d);
}

/* Day, month and year as a real date not in the future (core/date.c, the
 * checker the date questions use too) → "YYYY-MM-DD" in out. 0; 1 with
 * GOV.UK's words for what is wrong in errs, linked to the first part in
 * error; -1 out of memory. */
static int
date_check(struct req *r, const char *day, const char *month, const char *year,
    char out[64], struct form_errors *errs)
{
	struct date_refusal why;
	struct date d;
	int rc;

	rc = date_input_check(r->arena, day, month, year, "Date it happened",
	    "Enter the date it happened", time(NULL), &d, &why);
	/* The message by occurred-day's section; the parts in error marked. */
	if (rc == 1)
		form_error_date(r, errs, "occurred", "occurred-day", why.parts, why.message);
	if (rc != 0)
		return rc;
	snprintf(out, 64, "%04d-%02d-%02d", d.year, d.month, d.day);
	return 0;
}

/* "21:30", "9:30pm", "9pm" → "HH:MM" in out (the time questions' parser);
 * -1 when it is not a time. */
static int
time_check(const char *s, char out[64])
{
	int minutes = answer_time_parse(s);

	if (minutes < 0)
		return -1;
	snprintf(out, 64, "%02d:%02d", minutes / 60, minutes % 60);
	return 0;
}

/* POST /report/when */
void
report_when_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct when_form f;
	struct qlist ql;
	char date[64] = "", hhmm[64] = "";
	const char *why, *at;

	if (!draft_enter(r, &d, 1))
		return;
	memset(&f, 0, sizeof(f));
	f.when = req_form(r, "when");
	f.day = field(r, "occurred-day");
	f.month = field(r, "occurred-month");
	f.year = field(r, "occurred-year");
	f.time = field(r, "occurred-time");
	f.how_often = req_form(r, "how-often");
	if ((f.times = checked_list(r, "times", times_of_day)) == NULL)
		goto unavailable;
	if (f.when == NULL || (strcmp(f.when, "once") != 0 && strcmp(f.when, "ongoing") != 0)) {
		form_error(&errs, "when", "Select whether it happened once or keeps happening");
	} else if (strcmp(f.when, "once") == 0) {
		if (date_check(r, f.day, f.month, f.year, date, &errs) == -1)
			goto unavailable;
		if (*f.time != '\0' && (strlen(f.time) > 10 || time_check(f.time, hhmm) == -1))
			form_error(&errs, "occurred-time", "Enter a real time, for example "
			    "9:30pm or 21:30");
		/* Today at a time still to come: the intake's rule, here at once. */
		else if (*hhmm != '\0' && *date != '\0' &&
		    (why = intake_when_check(r->arena, date, hhmm, time(NULL), &at)) != NULL)
			form_error(&errs, "occurred-time", why);
	} else {
		if (!one_of(f.how_often, how_often))
			form_error(&errs, "how-often", "Select how often it happens");
		if (*f.times == '\0')
			form_error(&errs, "times", "Select the times of day it happens");
	}
	if (errs.n > 0) {
		when_render(r, &d, 400, &f, &errs);
		goto out;
	}
	if (draft_set(&d, DK_WHEN, f.when) == -1 ||
	    draft_set(&d, DK_OCCURRED_DATE, strcmp(f.when, "once") == 0 ? date : "") == -1 ||
	    draft_set(&d, DK_OCCURRED_TIME, strcmp(f.when, "once") == 0 ? hhmm : "") == -1 ||
	    draft_set(&d, DK_HOW_OFTEN, strcmp(f.when, "ongoing") == 0 ? f.how_often : "") == -1 ||
	    draft_set(&d, DK_TIMES, strcmp(f.when, "ongoing") == 0 ? f.times : "") == -1 ||
	    questions_of(r, &d, &ql, 0) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_WHEN, 0, &ql, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
