/* The Victim contact tab of a monitored case and its two forms: a
 * victim's contact plan (how often, how, from when) and a contact with
 * them (when, how, the outcome, what they were told, whether they were
 * consulted on the action plan). The clocks and the records are the
 * domain's (domain/case_contact.c); victims are named as case_people
 * names them. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/case_contact.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/case_page.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define FIELD_MAX	64	/* bytes of a short field: a number, a date part */

/* A plan's method, a contact's outcome, a plan's frequency: the code and
 * its radio's section in the templates. */
static const struct choice method_sections[] = {
	{ "phone", "PHONE" }, { "email", "EMAIL" }, { "letter", "LETTER" },
	{ "in_person", "IN_PERSON" }, { "text", "TEXT" },
};
static const struct choice outcome_sections[] = {
	{ "spoke", "SPOKE" }, { "message", "MESSAGE_LEFT" }, { "no_answer", "NO_ANSWER" },
	{ "letter_sent", "LETTER_SENT" }, { "visit", "VISIT" },
};
static const struct choice every_sections[] = {
	{ "7", "EVERY_7" }, { "14", "EVERY_14" }, { "28", "EVERY_28" },
	{ "other", "EVERY_OTHER" },
};

/* The section of the radio chosen (code), or NULL for none. */
static const char *
chosen_section(const struct choice *t, size_t n, const char *code)
{
	int i = code != NULL ? choice_find(t, n, code) : -1;

	return i >= 0 ? t[i].label : NULL;
}

static int
keep(struct view_dict *d, const char *key, const char *value)
{
	return view_set(d, key, value != NULL ? value : "");
}

static const char *
date_text(struct req *r, const struct date *d)
{
	char words[DATE_WORDS_MAX];

	return arena_strdup(r->arena, date_words(words, d));
}

/* A word of a sentence ("by phone") as a table's cell starts it. */
static const char *
capital(struct req *r, const char *s)
{
	char *out;

	if (s == NULL || (out = arena_strdup(r->arena, s)) == NULL)
		return "";
	if (*out >= 'a' && *out <= 'z')
		*out = (char)(*out - 'a' + 'A');
	return out;
}

/* The {id} of the path: a victim's person id, or 0. */
static long long
person_of_path(struct req *r)
{
	const char *v = req_param(r, "id");
	char *end;
	long long id;

	if (v == NULL || *v < '1' || *v > '9' || strlen(v) > 18)
		return 0;
	id = strtoll(v, &end, 10);
	return *end == '\0' ? id : 0;
}

/* The method radios (views/case_contact_method.tpl), with the one chosen
 * and the field's message. */
static int
method_dict(struct view_dict *d, const char *chosen, const struct form_errors *errs,
    const char *legend)
{
	struct view_dict *inc = view_include(d, "METHOD", "case_contact_method.tpl"), *e;
	const char *sec = chosen_section(method_sections, NCHOICES(method_sections), chosen);
	size_t i;

	if (inc == NULL || view_set(inc, "LEGEND", legend) == -1 ||
	    (sec != NULL && view_show(inc, sec) == -1))
		return -1;
	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, "method") == 0 &&
		    ((e = view_section(inc, "METHOD_ERROR")) == NULL ||
		    view_set(e, "MESSAGE", errs->e[i].message) == -1 ||
		    view_show(inc, "METHOD_ERROR_CLASS") == -1))
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The tab                                                             */

static int
victim_dict(struct req *r, struct view_dict *d, const struct case_head *h,
    const struct case_victim_contact *v, int can_work)
{
	struct view_dict *s = view_section(d, "VICTIM"), *p, *row;
	const char *base = arena_printf(r->arena, "/staff/cases/%s/contact/%lld",
	    h->reference, v->person_id);
	size_t i;

	if (s == NULL || base == NULL || view_set(s, "NAME", v->name) == -1 ||
	    view_set_int(s, "PERSON", (long)v->person_id) == -1 || keep(s, "BASE", base) == -1)
		return -1;
	if (!v->has_plan) {
		if (view_show(s, "NO_PLAN") == -1)
			return -1;
	} else if ((p = view_section(s, "PLAN")) == NULL ||
	    view_set(p, "EVERY", arena_printf(r->arena, "Every %d day%s %s", v->every_days,
	    v->every_days == 1 ? "" : "s", case_contact_method_word(v->method))) == -1 ||
	    keep(p, "STARTS", date_text(r, &v->starts)) == -1 ||
	    keep(p, "AGREED", v->agreed) == -1 || keep(p, "DUE", date_text(r, &v->due)) == -1 ||
	    (v->days_overdue > 0 && ((row = view_section(p, "OVERDUE")) == NULL ||
	    view_set(row, "TEXT", arena_printf(r->arena, "Overdue by %d day%s",
	    v->days_overdue, v->days_overdue == 1 ? "" : "s")) == -1)))
		return -1;
	if (!v->shown)
		return view_show(s, "HIDDEN");
	if (view_show(s, v->consulted ? "CONSULTED" : "NOT_CONSULTED") == -1 ||
	    (can_work && strcmp(h->status, "open") == 0 &&
	    (view_show(s, "CAN_WORK") == -1 ||
	    view_show(s, v->has_plan ? "CHANGE_PLAN" : "AGREE_PLAN") == -1)))
		return -1;
	if (v->nlog == 0)
		return view_show(s, "NO_LOG");
	if (view_show(s, "LOG") == -1)
		return -1;
	for (i = 0; i < v->nlog; i++)
		if ((row = view_section(s, "ROW")) == NULL ||
		    view_set(row, "WHEN", v->log[i].when) == -1 ||
		    view_set(row, "METHOD", capital(r, case_contact_method_word(
		    v->log[i].method))) == -1 ||
		    view_set(row, "OUTCOME", capital(r, case_contact_outcome_word(
		    v->log[i].outcome))) == -1 ||
		    view_set(row, "TOLD", v->log[i].told) == -1 ||
		    view_set(row, "BY", v->log[i].by) == -1 ||
		    view_set(row, "CONSULTED", v->log[i].consulted ? "Yes" : "No") == -1)
			return -1;
	return 0;
}

/* GET /staff/cases/{ref}/contact */
void
case_contact_get(struct req *r)
{
	struct case_victim_contact *v;
	struct case_head h;
	struct view_dict *d;
	size_t n, i;

	if (case_page_load(r, &h) != 0)
		return;
	if (case_contact_load(r->pg, r->arena, &r->actor, &h, time(NULL), &v, &n) != CASE_OK)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || case_page_head(r, d, &h, CASE_TAB_CONTACT) == -1 ||
	    (n == 0 && view_show(d, "NONE") == -1))
		goto fail;
	for (i = 0; i < n; i++)
		if (victim_dict(r, d, &h, &v[i], perm_has(r->actor.perms, PERM_CASE_MANAGE)) == -1)
			goto fail;
	page_render(r, 200, "case_contact.tpl", arena_printf(r->arena,
	    "Victim contact: case %s", h.reference), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The case and the victim of a form's path: 0; or -1 after the error
 * page (404 for someone not a victim on it, or not shown to the actor;
 * 409 when the case is closed). */
static int
form_load(struct req *r, struct case_head *h, struct case_victim_contact *v)
{
	long long person = person_of_path(r);

	if (case_page_load(r, h) != 0)
		return -1;
	if (person == 0) {
		page_error(r, 404, NULL);
		return -1;
	}
	switch (case_contact_victim(r->pg, r->arena, &r->actor, h, person, time(NULL), v)) {
	case CASE_OK:
		break;
	case CASE_NOT_FOUND:
		page_error(r, 404, "This person is not a victim on this case, or their "
		    "details are not shared with your agency.");
		return -1;
	default:
		page_error(r, 503, NULL);
		return -1;
	}
	if (strcmp(h->status, "open") != 0) {
		page_error(r, 409, "This case is closed: reopen it to record contact.");
		return -1;
	}
	return 0;
}

/* Answers a form's save: 303 to the tab with the flash when it was
 * saved, the error page for a case gone or a database down (0 for both);
 * else the status to give the form again with, and the message on field. */
static int
saved(struct req *r, enum case_result rc, const struct case_head *h, const char *flash,
    struct form_errors *errs, const char *field, const char *conflict)
{
	switch (rc) {
	case CASE_OK:
		page_flash(r, flash);
		resp_redirect(r, 303, arena_printf(r->arena, "/staff/cases/%s/contact",
		    h->reference));
		return 0;
	case CASE_CONFLICT:
		form_error(errs, field, conflict);
		return 409;
	case CASE_CLOSED:
		form_error(errs, field, "This case was closed while you were filling in the "
		    "form. What you typed is below; reopen the case to save it");
		return 409;
	case CASE_NOT_FOUND:
		page_error(r, 404, NULL);
		return 0;
	default:
		page_error(r, 503, NULL);
		return 0;
	}
}

/* ------------------------------------------------------------------ */
/* The contact plan                                                    */

struct plan_form {
	const char	*every, *every_days, *method, *day, *month, *year;
	long long	 seen_plan;
};

static void
plan_page(struct req *r, int status, const struct case_head *h,
    const struct case_victim_contact *v, const struct plan_form *f,
    const struct form_errors *errs)
{
	const char *sec = chosen_section(every_sections, NCHOICES(every_sections), f->every);
	struct view_dict *d = page_dict(r);

	if (d == NULL || case_page_head(r, d, h, CASE_TAB_NONE) == -1 ||
	    form_errors_dict(d, errs) == -1 || form_date_parts_dict(d, "starts", errs) == -1 ||
	    view_set(d, "NAME", v->name) == -1 ||
	    view_set(d, "REFERENCE", h->reference) == -1 ||
	    view_set_int(d, "PERSON", (long)v->person_id) == -1 ||
	    view_set(d, "SEEN_PLAN", arena_printf(r->arena, "%lld", f->seen_plan)) == -1 ||
	    keep(d, "EVERY_DAYS", f->every_days) == -1 || keep(d, "DAY", f->day) == -1 ||
	    keep(d, "MONTH", f->month) == -1 || keep(d, "YEAR", f->year) == -1 ||
	    (sec != NULL && view_show(d, sec) == -1) ||
	    method_dict(d, f->method, errs, "How will you contact them?") == -1 ||
	    view_show(d, v->has_plan ? "CHANGING" : "AGREEING") == -1 ||
	    (sec != NULL && strcmp(sec, "EVERY_OTHER") != 0 && view_show(d, "OTHER_HIDDEN") == -1) ||
	    (sec == NULL && view_show(d, "OTHER_HIDDEN") == -1))
		goto fail;
	page_render(r, status, "case_contact_plan.tpl", form_title(r, errs, arena_printf(
	    r->arena, "Contact plan for %s", v->name)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/cases/{ref}/contact/{id}/plan: the plan as it is, or
 * a new one from today. */
void
case_contact_plan_get(struct req *r)
{
	struct form_errors errs = {0};
	struct case_victim_contact v;
	struct plan_form f = {0};
	struct case_head h;
	struct date s;

	if (form_load(r, &h, &v) == -1)
		return;
	f.seen_plan = v.plan_id;
	f.method = v.method;
	f.every_days = "";
	if (v.has_plan) {
		s = v.starts;
		f.every = v.every_days == 7 || v.every_days == 14 || v.every_days == 28 ?
		    arena_printf(r->arena, "%d", v.every_days) : "other";
		if (strcmp(f.every, "other") == 0)
			f.every_days = arena_printf(r->arena, "%d", v.every_days);
		f.day = arena_printf(r->arena, "%d", s.day);
		f.month = arena_printf(r->arena, "%d", s.month);
		f.year = arena_printf(r->arena, "%d", s.year);
	}
	plan_page(r, 200, &h, &v, &f, &errs);
}

/* Reads the plan's form into f and in; what to fix in errs. */
static void
plan_read(struct req *r, struct plan_form *f, struct case_contact_plan_in *in,
    struct form_errors *errs)
{
	struct form_errors none = {0};
	struct date_refusal why;
	const char *seen = req_form(r, "plan");
	char *end;
	long n = 0;
	int rc;

	f->seen_plan = seen != NULL ? strtoll(seen, NULL, 10) : 0;
	in->seen_plan = f->seen_plan;
	f->every = form_text(r, "every", FIELD_MAX, &none, "", NULL, NULL);
	f->every_days = form_text(r, "every-days", FIELD_MAX, &none, "", NULL, NULL);
	f->method = form_text(r, "method", FIELD_MAX, &none, "", NULL, NULL);
	f->day = form_text(r, "starts-day", FIELD_MAX, &none, "", NULL, NULL);
	f->month = form_text(r, "starts-month", FIELD_MAX, &none, "", NULL, NULL);
	f->year = form_text(r, "starts-year", FIELD_MAX, &none, "", NULL, NULL);
	if (f->every == NULL || f->every_days == NULL || f->method == NULL || f->day == NULL ||
	    f->month == NULL || f->year == NULL) {
		memset(f, 0, sizeof(*f));
		form_error(errs, "every", "Select how often they will be contacted");
		return;
	}
	if (strcmp(f->every, "7") == 0 || strcmp(f->every, "14") == 0 ||
	    strcmp(f->every, "28") == 0)
		n = atol(f->every);
	else if (strcmp(f->every, "other") != 0)
		form_error(errs, "every", "Select how often they will be contacted");
	else if (*f->every_days == '\0')
		form_error(errs, "every-days", "Enter the number of days between contacts");
	else if ((n = strtol(f->every_days, &end, 10)) < 1 || n > 365 || *end != '\0' ||
	    f->every_days[0] < '0' || f->every_days[0] > '9')
		form_error(errs, "every-days", "Number of days must be a whole number from "
		    "1 to 365");
	in->every_days = (int)n;
	if (case_contact_method_word(f->method) == NULL)
		form_error(errs, "method", "Select how they will be contacted");
	in->method = f->method;
	/* From when: any real date, past or to come — the date input's own
	 * checker, with a "today" past any date it could be given. */
	rc = date_input_check(r->arena, f->day, f->month, f->year, "Start date",
	    "Enter the date the plan starts from", (time_t)253402300799LL, &in->starts, &why);
	if (rc == 1)
		form_error_date(r, errs, "starts", "starts-day", why.parts, why.message);
	else if (rc == -1)
		form_error(errs, "starts-day", "Enter the date the plan starts from");
}

/* POST /staff/cases/{ref}/contact/{id}/plan: 303 to the tab; the form
 * again with what to fix (400), or with what changed first (409). */
void
case_contact_plan_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_contact_plan_in in = {0};
	struct case_victim_contact v;
	struct plan_form f = {0};
	struct case_head h;
	int status = 400;

	if (form_load(r, &h, &v) == -1)
		return;
	in.person_id = v.person_id;
	plan_read(r, &f, &in, &errs);
	if (errs.n == 0) {
		if ((status = saved(r, case_contact_plan_set(r->pg, r->arena, &r->actor,
		    h.reference, &in), &h, arena_printf(r->arena, "Contact plan for %s saved",
		    v.name), &errs, "every", "Someone else changed this contact plan since "
		    "you opened the form. Check the plan on the Victim contact tab and your "
		    "choices below, then save again")) == 0)
			return;
		f.seen_plan = v.plan_id;
	}
	plan_page(r, status, &h, &v, &f, &errs);
}

/* ------------------------------------------------------------------ */
/* A contact                                                           */

struct log_form {
	const char	*day, *month, *year, *time, *method, *outcome, *told;
	int		 consulted;
};

static void
log_page(struct req *r, int status, const struct case_head *h,
    const struct case_victim_contact *v, const struct log_form *f,
    const struct form_errors *errs)
{
	const char *sec = chosen_section(outcome_sections, NCHOICES(outcome_sections),
	    f->outcome);
	struct view_dict *d = page_dict(r);

	if (d == NULL || case_page_head(r, d, h, CASE_TAB_NONE) == -1 ||
	    form_errors_dict(d, errs) == -1 ||
	    form_date_parts_dict(d, "contacted", errs) == -1 ||
	    view_set(d, "NAME", v->name) == -1 ||
	    view_set(d, "REFERENCE", h->reference) == -1 ||
	    view_set_int(d, "PERSON", (long)v->person_id) == -1 ||
	    keep(d, "DAY", f->day) == -1 || keep(d, "MONTH", f->month) == -1 ||
	    keep(d, "YEAR", f->year) == -1 || keep(d, "TIME", f->time) == -1 ||
	    keep(d, "TOLD", f->told) == -1 ||
	    view_set_int(d, "TOLD_MAX", CASE_CONTACT_TOLD_MAX) == -1 ||
	    (sec != NULL && view_show(d, sec) == -1) ||
	    (f->consulted && view_show(d, "CONSULTED") == -1) ||
	    method_dict(d, f->method, errs, "How did you contact them?") == -1)
		goto fail;
	page_render(r, status, "case_contact_log.tpl", form_title(r, errs, arena_printf(
	    r->arena, "Record a contact with %s", v->name)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/cases/{ref}/contact/{id}/log: today, by the plan's way. */
void
case_contact_log_get(struct req *r)
{
	struct form_errors errs = {0};
	struct case_victim_contact v;
	struct log_form f = {0};
	struct case_head h;

	if (form_load(r, &h, &v) == -1)
		return;
	f.method = v.method;
	log_page(r, 200, &h, &v, &f, &errs);
}

static void
log_read(struct req *r, struct log_form *f, struct case_contact_in *in,
    struct form_errors *errs)
{
	struct form_errors none = {0};
	const char *c;

	f->day = form_text(r, "contacted-day", FIELD_MAX, &none, "", NULL, NULL);
	f->month = form_text(r, "contacted-month", FIELD_MAX, &none, "", NULL, NULL);
	f->year = form_text(r, "contacted-year", FIELD_MAX, &none, "", NULL, NULL);
	f->time = form_text(r, "contacted-time", FIELD_MAX, &none, "", NULL, NULL);
	f->method = form_text(r, "method", FIELD_MAX, &none, "", NULL, NULL);
	f->outcome = form_text(r, "outcome", FIELD_MAX, &none, "", NULL, NULL);
	c = req_form(r, "consulted");
	f->consulted = in->consulted = c != NULL && strcmp(c, "yes") == 0;
	if (f->day == NULL || f->month == NULL || f->year == NULL || f->time == NULL ||
	    f->method == NULL || f->outcome == NULL) {
		memset(f, 0, sizeof(*f));
		form_error(errs, "contacted-day", "Enter the date of the contact");
	} else
		form_when_past(r, "contacted", f->day, f->month, f->year, f->time,
		    "Date of the contact", "Enter the date of the contact", time(NULL), errs,
		    &in->contacted_at);
	if (case_contact_method_word(f->method) == NULL)
		form_error(errs, "method", "Select how you contacted them");
	if (case_contact_outcome_word(f->outcome) == NULL)
		form_error(errs, "outcome", "Select what happened");
	in->method = f->method;
	in->outcome = f->outcome;
	in->told = f->told = form_long_text(r, "told", CASE_CONTACT_TOLD_MAX, errs, "told",
	    NULL, arena_printf(r->arena, "What they were told must be %d characters or fewer",
	    CASE_CONTACT_TOLD_MAX));
	if (in->told == NULL)
		in->told = f->told = "";
}

/* POST /staff/cases/{ref}/contact/{id}/log: 303 to the tab, whose
 * next contact due has moved on; the form again with what to fix. */
void
case_contact_log_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_contact_in in = {0};
	struct case_victim_contact v;
	struct log_form f = {0};
	struct case_head h;
	int status = 400;

	if (form_load(r, &h, &v) == -1)
		return;
	in.person_id = v.person_id;
	log_read(r, &f, &in, &errs);
	if (errs.n == 0 && (status = saved(r, case_contact_record(r->pg, r->arena,
	    &r->actor, h.reference, &in), &h, arena_printf(r->arena, "Contact with %s "
	    "recorded", v.name), &errs, "contacted-day", "This case changed while you "
	    "were filling in the form. Check it, then save again")) == 0)
		return;
	log_page(r, status, &h, &v, &f, &errs);
}
