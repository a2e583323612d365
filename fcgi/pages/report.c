/* The public reporting form at /report, one question per page (the GOV.UK
 * pattern), working without JavaScript. Each step is a GET that shows the
 * form and a POST that checks it, saves the answers into the draft
 * (pages/report_draft.c) and sends the browser on (303). The check page
 * submits the draft as one report through report_submit. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/actor.h"
#include "domain/area.h"
#include "domain/asb_catalogue.h"
#include "domain/evidence_store.h"
#include "domain/report.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "store/counter.h"
#include "store/redis.h"
#include "view/view.h"

#define IMPACT_MAX		2000
#define NAME_MAX_LEN		100
#define EMAIL_MAX		254
#define PHONE_MAX		30
#define ADDRESS_MAX		200
#define TOWN_MAX		100
#define SUBMIT_LIMIT		10	/* reports an hour from one address */
#define SUBMIT_WINDOW		3600
/* The submit lock only saves a second transaction; the database's unique
 * idempotency key is what prevents a second report. Longer than a report
 * takes to write, short enough that a lock left behind strands no one. */
#define SUBMIT_LOCK_SECONDS	10

/* ------------------------------------------------------------------ */
/* The steps, in order. A step with no path is not offered yet.        */

static const char *const step_paths[] = {
	[STEP_TYPE] = "/report/type",
	[STEP_SUBTYPE] = "/report/subtype",
	[STEP_QUESTIONS] = "/report/questions",
	[STEP_WHEN] = "/report/when",
	[STEP_WHERE] = "/report/where",
	[STEP_IMPACT] = "/report/impact",
	[STEP_ABOUT] = "/report/about-you",
	[STEP_PARTNER] = "/report/partner",	/* partners only, instead of about-you */
	[STEP_EVIDENCE] = "/report/evidence",
	[STEP_CHECK] = "/report/check",
};

int
questions_of(struct req *r, struct report_draft *d, struct qlist *ql)
{
	const char *type = draft_get(d, "type");

	ql->q = NULL;
	ql->n = 0;
	if (*type == '\0')
		return 0;
	return asb_questions_list(r->pg, r->arena, type, &ql->q, &ql->n);
}

/* Whether step s is offered to this person: a signed-in partner reporter
 * gives their organisation's details instead of "About you". */
static int
step_offered(struct req *r, enum step s)
{
	if (s == STEP_ABOUT || s == STEP_PARTNER)
		return (s == STEP_PARTNER) == (report_partner_on(r) != 0);
	return step_paths[s] != NULL;
}

/* The path of the step after `from` (question n, when from is
 * STEP_QUESTIONS); in change mode, the check page. */
const char *
step_after(struct req *r, struct report_draft *d, enum step from, size_t n,
    const struct qlist *ql, int change)
{
	enum step s;

	if (from == STEP_TYPE && draft_get(d, "has_sub")[0] == '1')
		return change ? "/report/subtype?change=1" : "/report/subtype";
	if (from == STEP_TYPE || from == STEP_SUBTYPE || from == STEP_QUESTIONS) {
		size_t next = from == STEP_QUESTIONS ? n + 1 : 1;

		if (next <= ql->n)
			return arena_printf(r->arena, "/report/questions/%zu%s", next,
			    change ? "?change=1" : "");
		if (change)
			return "/report/check";
		return step_paths[STEP_WHEN];
	}
	if (change)
		return "/report/check";
	for (s = from + 1; s < STEP_CHECK && !step_offered(r, s); s++)
		;
	return step_paths[s];
}

/* The path of the step before `at`, for the Back link. */
const char *
step_before(struct req *r, struct report_draft *d, enum step at, size_t n,
    const struct qlist *ql, int change)
{
	enum step s;

	if (change)
		return "/report/check";
	if (at == STEP_TYPE)
		return "/report";
	if (at == STEP_SUBTYPE)
		return "/report/type";
	if (at == STEP_QUESTIONS && n > 1)
		return arena_printf(r->arena, "/report/questions/%zu", n - 1);
	if (at == STEP_QUESTIONS || (at == STEP_WHEN && ql->n == 0))
		return draft_get(d, "has_sub")[0] == '1' ? "/report/subtype" : "/report/type";
	if (at == STEP_WHEN)
		return arena_printf(r->arena, "/report/questions/%zu", ql->n);
	for (s = at - 1; s > STEP_WHEN && !step_offered(r, s); s--)
		;
	return step_paths[s];
}

/* ------------------------------------------------------------------ */
/* Shared by every step                                                */

int
changing(struct req *r)
{
	const char *c = r->method == METHOD_POST ? req_form(r, "change") :
	    req_query(r, "change");

	return c != NULL && strcmp(c, "1") == 0;
}

/* Back to the start when the draft has gone. */
static void
draft_lost(struct req *r)
{
	page_notice(r, "Your report was not saved because you did not continue "
	    "it for 24 hours, or your browser did not keep it. Please start again.");
	resp_redirect(r, 303, "/report");
}

void
draft_unavailable(struct req *r)
{
	page_error(r, 503, "Sorry, we cannot take reports at the moment. Please "
	    "try again later. If you are in danger now, call 999.");
}

/* Loads the draft for a step after the first. Returns 1 when the step may
 * go on; 0 when the response is already made (start again, 503, or the
 * confirmation of a report already sent). */
int
draft_enter(struct req *r, struct report_draft *d, int need_type)
{
	switch (draft_load(r, d)) {
	case DRAFT_ERROR:
		draft_unavailable(r);
		return 0;
	case DRAFT_NONE:
		draft_lost(r);
		return 0;
	default:
		break;
	}
	if (json_object_object_get_ex(d->doc, "result", NULL)) {
		draft_free(d);
		resp_redirect(r, 303, "/report/done");
		return 0;
	}
	if (need_type && *draft_get(d, "type") == '\0') {
		draft_free(d);
		resp_redirect(r, 303, "/report/type");
		return 0;
	}
	return 1;
}

/* Saves the draft and sends the browser to `next`. */
void
draft_next(struct req *r, struct report_draft *d, const char *next)
{
	if (draft_save(r, d, REPORT_DRAFT_SECONDS) == -1)
		return draft_unavailable(r);
	resp_redirect(r, 303, next);
}

/* A new page dictionary with what every step's template reads: the CSRF
 * token, the Back link, change mode and the pending notice. */
struct view_dict *
step_dict(struct req *r, struct report_draft *d, const char *back, int change,
    const struct form_errors *errs)
{
	struct view_dict *dict = page_dict(r), *s;
	const char *notice = d != NULL ? draft_get(d, "notice") : "";

	if (dict == NULL)
		return NULL;
	if (view_set_global(dict, "CSRF", csrf_token(r)) == -1 ||
	    view_set(dict, "BACK", back) == -1 ||
	    form_errors_dict(dict, errs) == -1 ||
	    (change && view_show(dict, "CHANGE") == -1) ||
	    (*notice != '\0' && ((s = view_section(dict, "NOTICE")) == NULL ||
	    view_set(s, "TEXT", notice) == -1))) {
		view_dict_free(dict);
		return NULL;
	}
	return dict;
}

/* Sets key to the form's value when the dictionary is being filled from
 * the form, or to the draft's otherwise. */
int
keep(struct view_dict *dict, const char *key, const char *value)
{
	return view_set(dict, key, value != NULL ? value : "");
}

/* Shows section `name`_<VALUE> (e.g. FEELS_UNSAFE_YES) for a radio. */
int
checked(struct view_dict *dict, const char *name, const char *value)
{
	char sec[64];
	size_t i, n;

	if (value == NULL || *value == '\0' || strlen(name) + strlen(value) + 2 > sizeof(sec))
		return 0;
	n = (size_t)snprintf(sec, sizeof(sec), "%s_%s", name, value);
	for (i = 0; i < n; i++)
		sec[i] = sec[i] == '-' ? '_' : (char)toupper((unsigned char)sec[i]);
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)sec[i]) && sec[i] != '_')
			return 0;
	return view_show(dict, sec);
}

/* A trimmed form field ("" when absent); NULL only when out of memory. */
const char *
field(struct req *r, const char *name)
{
	struct form_errors none = {0};

	return form_text(r, name, (size_t)-1, &none, name, NULL, NULL);
}

/* A yes/no radio: "yes", "no", or "" (recording `missing`). */
const char *
yes_no(struct req *r, const char *name, struct form_errors *errs, const char *missing)
{
	const char *v = req_form(r, name);

	if (v != NULL && (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0))
		return v;
	form_error(errs, name, missing);
	return "";
}

static int
one_of(const char *v, const char *const *allowed)
{
	for (; v != NULL && *allowed != NULL; allowed++)
		if (strcmp(v, *allowed) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* 1. Start                                                            */

/* GET /report: what can be reported here, and the way in. */
void
report_start_get(struct req *r)
{
	struct view_dict *d = page_dict(r);

	page_render(r, 200, "report_start.tpl", "Report anti-social behaviour", d);
}

/* ------------------------------------------------------------------ */
/* 2. The type, and the sub-type                                        */

static const struct {
	const char *code, *heading;
} categories[] = {
	{ "personal", "Aimed at you or someone else" },
	{ "nuisance", "Affecting the community" },
	{ "environmental", "Damage to places or the environment" },
};

/* The type page (parent "") or the sub-type page of parent. */
static void
type_form(struct req *r, struct report_draft *d, int status, const char *parent,
    const char *chosen, const struct form_errors *errs)
{
	struct asb_type_item *t;
	struct view_dict *dict, *cat, *item;
	const char *parent_name = "";
	size_t n, i, c, shown = 0;
	int change = changing(r), sub = *parent != '\0';
	char id[16];

	if (asb_types_list(r->pg, r->arena, &t, &n) == -1)
		return draft_unavailable(r);
	for (i = 0; i < n; i++)
		if (sub && strcmp(t[i].code, parent) == 0)
			parent_name = t[i].name;
	dict = step_dict(r, d, sub ? (change ? "/report/type?change=1" : "/report/type") :
	    step_before(r, d, STEP_TYPE, 0, NULL, change), change, errs);
	if (dict == NULL)
		return page_error(r, 500, NULL);
	if (view_set(dict, "ACTION", sub ? "/report/subtype" : "/report/type") == -1 ||
	    (sub && (view_show(dict, "SUB") == -1 ||
	    view_set(dict, "PARENT", parent_name) == -1)) ||
	    (!sub && view_show(dict, "TOP") == -1))
		goto oom;
	for (c = 0; c < (sub ? 1 : sizeof(categories) / sizeof(categories[0])); c++) {
		if ((cat = view_section(dict, "CATEGORY")) == NULL)
			goto oom;
		if (!sub && view_set(view_section(cat, "HEADING"), "TEXT",
		    categories[c].heading) == -1)
			goto oom;
		for (i = 0; i < n; i++) {
			if (strcmp(t[i].parent, parent) != 0 ||
			    (!sub && strcmp(t[i].category, categories[c].code) != 0))
				continue;
			snprintf(id, sizeof(id), shown == 0 ? "type" : "type-%zu", shown + 1);
			shown++;
			if ((item = view_section(cat, "OPTION")) == NULL ||
			    view_set(item, "ID", id) == -1 ||
			    view_set(item, "VALUE", t[i].code) == -1 ||
			    view_set(item, "LABEL", t[i].name) == -1 ||
			    view_set(item, "HINT", t[i].hint) == -1 ||
			    (strcmp(chosen, t[i].code) == 0 && view_show(item, "CHECKED") == -1))
				goto oom;
		}
	}
	page_render(r, status, "report_type.tpl", form_title(r, errs, sub ?
	    "What kind of problem is it?" : "What do you want to report?"), dict);
	return;
oom:
	view_dict_free(dict);
	page_error(r, 500, NULL);
}

/* The type named code, when it is active and its parent is `parent`. */
static const struct asb_type_item *
type_find(struct req *r, const char *code, const char *parent, int *failed)
{
	struct asb_type_item *t;
	size_t n, i;

	*failed = 0;
	if (asb_types_list(r->pg, r->arena, &t, &n) == -1) {
		*failed = 1;
		return NULL;
	}
	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(t[i].code, code) == 0 && strcmp(t[i].parent, parent) == 0)
			return &t[i];
	return NULL;
}

/* GET /report/type: the first step; starts a draft when there is none. */
void
report_type_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	enum draft_rc rc = draft_load(r, &d);

	if (rc == DRAFT_ERROR)
		return draft_unavailable(r);
	if (rc == DRAFT_NONE || json_object_object_get_ex(d.doc, "result", NULL)) {
		draft_free(&d);
		if (draft_new(r, &d) == -1 || draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1) {
			draft_free(&d);
			return draft_unavailable(r);
		}
	}
	type_form(r, &d, 200, "", draft_get(&d, "top"), &errs);
	draft_free(&d);
}

/* Forgets the custom answers when the type changes: they were another
 * type's questions. */
static int
type_choose(struct report_draft *d, const char *type)
{
	if (strcmp(draft_get(d, "type"), type) != 0) {
		json_object_object_del(d->doc, "answers");
		json_object_object_del(d->doc, "notice");
	}
	return draft_set(d, "type", type);
}

/* POST /report/type */
void
report_type_post(struct req *r)
{
	struct form_errors errs = {0};
	const struct asb_type_item *t;
	struct report_draft d;
	struct qlist ql;
	const char *code = req_form(r, "type");
	int failed, change = changing(r), was;

	if (!draft_enter(r, &d, 0))
		return;
	t = type_find(r, code, "", &failed);
	if (failed)
		goto unavailable;
	if (t == NULL) {
		form_error(&errs, "type", "Select what you want to report");
		type_form(r, &d, 400, "", "", &errs);
		goto out;
	}
	was = strcmp(draft_get(&d, "top"), t->code) == 0;
	if (draft_set(&d, "top", t->code) == -1 ||
	    draft_set(&d, "has_sub", t->has_children ? "1" : "0") == -1 ||
	    (!t->has_children && type_choose(&d, t->code) == -1) ||
	    (t->has_children && !was && draft_set(&d, "type", "") == -1))
		goto unavailable;
	if (questions_of(r, &d, &ql) == -1)
		goto unavailable;
	/* Changing to the same type from the check page: nothing to re-ask. */
	draft_next(r, &d, change && was && *draft_get(&d, "type") != '\0' ?
	    "/report/check" : step_after(r, &d, STEP_TYPE, 0, &ql, change));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* GET /report/subtype */
void
report_subtype_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;

	if (!draft_enter(r, &d, 0))
		return;
	if (draft_get(&d, "has_sub")[0] != '1')
		resp_redirect(r, 303, "/report/type");
	else
		type_form(r, &d, 200, draft_get(&d, "top"), draft_get(&d, "type"), &errs);
	draft_free(&d);
}

/* POST /report/subtype */
void
report_subtype_post(struct req *r)
{
	struct form_errors errs = {0};
	const struct asb_type_item *t;
	struct report_draft d;
	struct qlist ql;
	int failed, change = changing(r), was;

	if (!draft_enter(r, &d, 0))
		return;
	if (draft_get(&d, "has_sub")[0] != '1') {
		resp_redirect(r, 303, "/report/type");
		goto out;
	}
	t = type_find(r, req_form(r, "type"), draft_get(&d, "top"), &failed);
	if (failed)
		goto unavailable;
	if (t == NULL) {
		form_error(&errs, "type", "Select the kind of problem");
		type_form(r, &d, 400, draft_get(&d, "top"), "", &errs);
		goto out;
	}
	was = strcmp(draft_get(&d, "type"), t->code) == 0;
	if (type_choose(&d, t->code) == -1 || questions_of(r, &d, &ql) == -1)
		goto unavailable;
	draft_next(r, &d, change && was ? "/report/check" :
	    step_after(r, &d, STEP_SUBTYPE, 0, &ql, change));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 3. The type's own questions, one a page                              */

/* The question number in the path, 1..ql->n; 0 when there is none. */
static size_t
question_number(struct req *r, const struct qlist *ql)
{
	const char *p = req_param(r, "id");
	char *end;
	long n;

	if (p == NULL || !isdigit((unsigned char)*p) || strlen(p) > 4)
		return 0;
	n = strtol(p, &end, 10);
	return *end == '\0' && n >= 1 && (size_t)n <= ql->n ? (size_t)n : 0;
}

static void
question_form(struct req *r, struct report_draft *d, int status, const struct qlist *ql,
    size_t n, const struct question_value *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r, d,
	    step_before(r, d, STEP_QUESTIONS, n, ql, change), change, errs);

	if (dict == NULL || view_set(dict, "ACTION",
	    arena_printf(r->arena, "/report/questions/%zu", n)) == -1 ||
	    view_set_int(dict, "NUMBER", (long)n) == -1 ||
	    view_set_int(dict, "TOTAL", (long)ql->n) == -1 ||
	    question_dict(dict, &ql->q[n - 1], v, errs) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_question.tpl",
	    form_title(r, errs, ql->q[n - 1].label), dict);
}

/* Loads the draft, the questions and n. Returns n, or 0 when the response
 * is made. */
static size_t
question_enter(struct req *r, struct report_draft *d, struct qlist *ql)
{
	size_t n;

	if (!draft_enter(r, d, 1))
		return 0;
	if (questions_of(r, d, ql) == -1) {
		draft_unavailable(r);
		draft_free(d);
		return 0;
	}
	if ((n = question_number(r, ql)) == 0) {
		page_error(r, 404, NULL);
		draft_free(d);
	}
	return n;
}

/* GET /report/questions/{n} */
void
report_question_get(struct req *r)
{
	struct form_errors errs = {0};
	struct question_value v;
	struct report_draft d;
	struct json_object *answers, *saved = NULL;
	struct qlist ql;
	size_t n;

	if ((n = question_enter(r, &d, &ql)) == 0)
		return;
	if (json_object_object_get_ex(d.doc, "answers", &answers))
		json_object_object_get_ex(answers, ql.q[n - 1].key, &saved);
	question_value_from_saved(saved, &v);
	question_form(r, &d, 200, &ql, n, &v, &errs);
	if (v.set != NULL)
		json_object_put(v.set);
	draft_free(&d);
}

/* POST /report/questions/{n}: the answer is kept with the question's
 * wording and version, so a later edit never rewrites what was asked. */
void
report_question_post(struct req *r)
{
	struct form_errors errs = {0};
	struct question_value v;
	struct report_draft d;
	struct json_object *answers, *answer, *rec;
	const struct asb_question *q;
	const char *display;
	struct qlist ql;
	size_t n;

	if ((n = question_enter(r, &d, &ql)) == 0)
		return;
	q = &ql.q[n - 1];
	if (question_read(r, q, &errs, &answer, &display) == -1) {
		question_value_from_form(r, &v);
		question_form(r, &d, 400, &ql, n, &v, &errs);
		if (v.set != NULL)
			json_object_put(v.set);
		goto out;
	}
	if ((answers = draft_object(&d, "answers")) == NULL)
		goto unavailable;
	if (answer == NULL) {
		json_object_object_del(answers, q->key);
	} else {
		if ((rec = json_object_new_object()) == NULL) {
			json_object_put(answer);
			goto unavailable;
		}
		json_object_object_add(rec, "question", json_object_new_string(q->label));
		json_object_object_add(rec, "answer", json_object_get(answer));
		json_object_object_add(rec, "version", json_object_new_int(q->version));
		json_object_object_add(rec, "kind", json_object_new_string(q->kind));
		json_object_object_add(rec, "display", json_object_new_string(display));
		json_object_object_add(answers, q->key, rec);
	}
	if (draft_set(&d, "notice", question_notice_matches(q, answer) ?
	    q->notice_text : "") == -1) {
		if (answer != NULL)
			json_object_put(answer);
		goto unavailable;
	}
	if (answer != NULL)
		json_object_put(answer);
	draft_next(r, &d, step_after(r, &d, STEP_QUESTIONS, n, &ql, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

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
	size_t i;

	if (questions_of(r, d, &ql) == -1)
		return draft_unavailable(r);
	dict = step_dict(r, d, step_before(r, d, STEP_WHEN, 0, &ql, change), change, errs);
	if (dict == NULL || keep(dict, "DAY", f->day) == -1 ||
	    keep(dict, "MONTH", f->month) == -1 || keep(dict, "YEAR", f->year) == -1 ||
	    keep(dict, "TIME", f->time) == -1 || checked(dict, "WHEN", f->when) == -1 ||
	    checked(dict, "OFTEN", f->how_often) == -1)
		goto oom;
	for (i = 0; times_of_day[i] != NULL; i++)
		if (f->times != NULL && strstr(f->times, times_of_day[i]) != NULL &&
		    checked(dict, "TIMES", times_of_day[i]) == -1)
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
	date = draft_get(&d, "occurred_date");
	if (strlen(date) == 10) {
		snprintf(y, sizeof(y), "%.4s", date);
		snprintf(m, sizeof(m), "%d", atoi(date + 5));
		snprintf(dd, sizeof(dd), "%d", atoi(date + 8));
		f.day = dd;
		f.month = m;
		f.year = y;
	}
	f.when = draft_get(&d, "when");
	f.time = draft_get(&d, "occurred_time");
	f.how_often = draft_get(&d, "how_often");
	f.times = draft_get(&d, "times");
	when_render(r, &d, 200, &f, &errs);
	draft_free(&d);
}

/* Day, month and year as a real date not in the future; -1 otherwise. */
static int
date_check(const char *day, const char *month, const char *year, char out[64])
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long d, m, y;
	char *e1, *e2, *e3;
	time_t now = time(NULL);
	struct tm t;
	int leap;

	if (!*day || !*month || !*year || strlen(year) != 4 || strlen(day) > 2 ||
	    strlen(month) > 2)
		return -1;
	d = strtol(day, &e1, 10);
	m = strtol(month, &e2, 10);
	y = strtol(year, &e3, 10);
	if (*e1 || *e2 || *e3 || m < 1 || m > 12 || d < 1 || y < 1900)
		return -1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > days[m - 1] + (m == 2 && leap))
		return -1;
	gmtime_r(&now, &t);
	if (y * 10000 + m * 100 + d > (t.tm_year + 1900L) * 10000 +
	    (t.tm_mon + 1) * 100 + t.tm_mday + 1)
		return -1;
	snprintf(out, 64, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
	return 0;
}

/* "21:30", "9:30pm", "9pm" → "HH:MM" in out; -1 when it is not a time. */
static int
time_check(const char *s, char out[64])
{
	int h = 0, m = 0, nd = 0;

	while (isdigit((unsigned char)*s) && nd < 2) {
		h = h * 10 + (*s++ - '0');
		nd++;
	}
	if (nd == 0)
		return -1;
	if (*s == ':' || *s == '.') {
		if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]))
			return -1;
		m = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
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
	snprintf(out, 64, "%02d:%02d", h, m);
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
	char date[64] = "", hhmm[64] = "", *times;
	size_t i, k, ntimes = 0;

	if (!draft_enter(r, &d, 1))
		return;
	memset(&f, 0, sizeof(f));
	f.when = req_form(r, "when");
	f.day = field(r, "occurred-day");
	f.month = field(r, "occurred-month");
	f.year = field(r, "occurred-year");
	f.time = field(r, "occurred-time");
	f.how_often = req_form(r, "how-often");
	if ((times = arena_alloc(r->arena, 64)) == NULL)
		goto unavailable;
	times[0] = '\0';
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, "times") != 0)
			continue;
		for (k = 0; times_of_day[k] != NULL; k++)
			if (strcmp(r->form.v[i].val, times_of_day[k]) == 0 &&
			    strstr(times, times_of_day[k]) == NULL) {
				if (ntimes++ > 0)
					strcat(times, ",");
				strcat(times, times_of_day[k]);
			}
	}
	f.times = times;
	if (f.when == NULL || (strcmp(f.when, "once") != 0 && strcmp(f.when, "ongoing") != 0)) {
		form_error(&errs, "when", "Select whether it happened once or keeps happening");
	} else if (strcmp(f.when, "once") == 0) {
		if (!*f.day && !*f.month && !*f.year)
			form_error(&errs, "occurred-day", "Enter the date it happened");
		else if (date_check(f.day, f.month, f.year, date) == -1)
			form_error(&errs, "occurred-day", "Date it happened must be a real "
			    "date, today or in the past, for example 27 3 2026");
		if (*f.time != '\0' && (strlen(f.time) > 10 || time_check(f.time, hhmm) == -1))
			form_error(&errs, "occurred-time", "Enter a real time, for example "
			    "9:30pm or 21:30");
	} else {
		if (!one_of(f.how_often, how_often))
			form_error(&errs, "how-often", "Select how often it happens");
		if (ntimes == 0)
			form_error(&errs, "times", "Select the times of day it happens");
	}
	if (errs.n > 0) {
		when_render(r, &d, 400, &f, &errs);
		goto out;
	}
	if (draft_set(&d, "when", f.when) == -1 ||
	    draft_set(&d, "occurred_date", strcmp(f.when, "once") == 0 ? date : "") == -1 ||
	    draft_set(&d, "occurred_time", strcmp(f.when, "once") == 0 ? hhmm : "") == -1 ||
	    draft_set(&d, "how_often", strcmp(f.when, "ongoing") == 0 ? f.how_often : "") == -1 ||
	    draft_set(&d, "times", strcmp(f.when, "ongoing") == 0 ? f.times : "") == -1 ||
	    draft_set(&d, "notice", "") == -1 || questions_of(r, &d, &ql) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_WHEN, 0, &ql, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 5. Where                                                            */

struct where_form {
	const char	*line1, *town, *postcode, *lon, *lat;
};

/* The map picker (views/static/map.js), only when a tile server is
 * configured: where it opens and whose tiles it shows. Returns 0 or -1. */
static int
where_map(struct req *r, struct view_dict *dict)
{
	const struct config *cfg = r->cfg;
	struct view_dict *map;
	const char *lon, *lat;

	if (cfg == NULL || cfg->map_tile_url[0] == '\0')
		return 0;
	lon = arena_printf(r->arena, "%.6f", cfg->map_lon);
	lat = arena_printf(r->arena, "%.6f", cfg->map_lat);
	if (lon == NULL || lat == NULL || (map = view_section(dict, "MAP")) == NULL ||
	    view_set(map, "MAP_TILES", cfg->map_tile_url) == -1 ||
	    view_set(map, "MAP_ATTRIBUTION", cfg->map_attribution) == -1 ||
	    view_set(map, "MAP_LON", lon) == -1 || view_set(map, "MAP_LAT", lat) == -1 ||
	    view_set_int(map, "MAP_ZOOM", cfg->map_zoom) == -1)
		return -1;
	return 0;
}

static void
where_render(struct req *r, struct report_draft *d, int status,
    const struct where_form *f, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r, d,
	    step_before(r, d, STEP_WHERE, 0, NULL, change), change, errs);

	if (dict == NULL || keep(dict, "LINE1", f->line1) == -1 ||
	    keep(dict, "TOWN", f->town) == -1 || keep(dict, "POSTCODE", f->postcode) == -1 ||
	    keep(dict, "LON", f->lon) == -1 || keep(dict, "LAT", f->lat) == -1 ||
	    where_map(r, dict) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_where.tpl",
	    form_title(r, errs, "Where did it happen?"), dict);
}

/* GET /report/where */
void
report_where_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct where_form f;
	const char *problem;

	if (!draft_enter(r, &d, 1))
		return;
	f.line1 = draft_get(&d, "address_line1");
	f.town = draft_get(&d, "town");
	f.postcode = draft_get(&d, "postcode");
	f.lon = draft_get(&d, "lon");
	f.lat = draft_get(&d, "lat");
	/* Sent back by the submit step: the place is not ours. */
	problem = draft_get(&d, "where_problem");
	if (*problem != '\0')
		form_error(&errs, "address-line-1", problem);
	where_render(r, &d, *problem != '\0' ? 400 : 200, &f, &errs);
	draft_free(&d);
}

/* A UK postcode's shape, upper-cased with one space, in out; -1 when it
 * is not one. */
static int
postcode_check(const char *in, char out[9])
{
	char s[9];
	size_t n = 0, i;

	for (; *in != '\0'; in++) {
		if (*in == ' ')
			continue;
		if (!isalnum((unsigned char)*in) || n >= 7)
			return -1;
		s[n++] = (char)toupper((unsigned char)*in);
	}
	if (n < 5)
		return -1;
	/* Inward code: digit, letter, letter. */
	if (!isdigit((unsigned char)s[n - 3]) || !isalpha((unsigned char)s[n - 2]) ||
	    !isalpha((unsigned char)s[n - 1]))
		return -1;
	/* Outward code: a letter or two, a digit, then a digit or letter. */
	if (!isalpha((unsigned char)s[0]))
		return -1;
	i = isalpha((unsigned char)s[1]) ? 2 : 1;
	if (!isdigit((unsigned char)s[i]) || n - 3 < i + 1 || n - 3 > i + 2)
		return -1;
	memcpy(out, s, n - 3);
	out[n - 3] = ' ';
	memcpy(out + n - 2, s + n - 3, 3);
	out[n + 1] = '\0';
	return 0;
}

/* A number in s within [lo, hi]; -1 when it is not. */
static int
coord(const char *s, double lo, double hi, double *out)
{
	char *end;

	if (s == NULL || *s == '\0' || strlen(s) > 32)
		return -1;
	*out = strtod(s, &end);
	return *end == '\0' && isfinite(*out) && *out >= lo && *out <= hi ? 0 : -1;
}

/* The message for a place outside the partnership. */
static const char *
outside_message(struct req *r, const struct area_location *where)
{
	if (where->council[0] != '\0' && where->area.id != 0)
		return arena_printf(r->arena, "This is in %s. Report it to %s instead.",
		    where->area.name, where->council);
	if (where->council[0] != '\0')
		return arena_printf(r->arena, "This is outside the area we cover. "
		    "Report it to %s instead.", where->council);
	return "This is outside the area we cover. Report it to the local council "
	    "for that place instead, or call 101 if you are not sure who to ask.";
}

/* POST /report/where */
void
report_where_post(struct req *r)
{
	struct form_errors errs = {0};
	struct area_location where;
	struct report_draft d;
	struct where_form f;
	double lon = 0, lat = 0;
	char pc[9] = "";
	int point = 0;

	if (!draft_enter(r, &d, 1))
		return;
	f.line1 = form_text(r, "address-line-1", ADDRESS_MAX, &errs, "address-line-1",
	    NULL, "Building and street must be 200 characters or fewer");
	f.town = form_text(r, "address-town", TOWN_MAX, &errs, "address-town",
	    NULL, "Town or city must be 100 characters or fewer");
	f.postcode = form_text(r, "address-postcode", 16, &errs, "address-postcode",
	    NULL, "Enter a real postcode, like SW1A 1AA");
	f.lon = field(r, "lon");
	f.lat = field(r, "lat");
	if (f.line1 == NULL || f.town == NULL || f.postcode == NULL || f.lon == NULL ||
	    f.lat == NULL)
		goto unavailable;
	if (*f.lon != '\0' || *f.lat != '\0') {
		if (coord(f.lon, -180, 180, &lon) == -1 || coord(f.lat, -90, 90, &lat) == -1)
			form_error(&errs, "address-line-1", "The place chosen on the map "
			    "is not valid. Choose it again, or enter the address");
		else
			point = 1;
	}
	if (!point && *f.line1 == '\0')
		form_error(&errs, "address-line-1", "Enter the building and street, "
		    "or the nearest street or landmark");
	if (*f.postcode != '\0' && strlen(f.postcode) <= 16 &&
	    postcode_check(f.postcode, pc) == -1)
		form_error(&errs, "address-postcode", "Enter a real postcode, like SW1A 1AA");
	if (errs.n == 0 && point) {
		switch (area_locate(r->pg, lon, lat, &where)) {
		case AREA_OK:
			if (!where.in_partnership)
				form_error(&errs, "address-line-1", outside_message(r, &where));
			break;
		case AREA_BAD_POINT:
			form_error(&errs, "address-line-1", "The place chosen on the map "
			    "is not valid. Choose it again, or enter the address");
			break;
		default:
			goto unavailable;
		}
	}
	if (errs.n > 0) {
		where_render(r, &d, 400, &f, &errs);
		goto out;
	}
	if (draft_set(&d, "address_line1", f.line1) == -1 ||
	    draft_set(&d, "town", f.town) == -1 || draft_set(&d, "postcode", pc) == -1 ||
	    draft_set(&d, "lon", point ? f.lon : "") == -1 ||
	    draft_set(&d, "lat", point ? f.lat : "") == -1 ||
	    draft_set(&d, "where_problem", "") == -1 || draft_set(&d, "notice", "") == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_WHERE, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 6. Impact                                                           */

struct impact_form {
	const char	*impact, *unsafe, *vulnerable, *targeted, *before;
};

static void
impact_render(struct req *r, struct report_draft *d, int status,
    const struct impact_form *f, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r, d,
	    step_before(r, d, STEP_IMPACT, 0, NULL, change), change, errs);

	if (dict == NULL || keep(dict, "IMPACT", f->impact) == -1 ||
	    checked(dict, "UNSAFE", f->unsafe) == -1 ||
	    checked(dict, "VULNERABLE", f->vulnerable) == -1 ||
	    checked(dict, "TARGETED", f->targeted) == -1 ||
	    checked(dict, "BEFORE", f->before) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_impact.tpl",
	    form_title(r, errs, "How is this affecting you?"), dict);
}

/* GET /report/impact */
void
report_impact_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct impact_form f;

	if (!draft_enter(r, &d, 1))
		return;
	f.impact = draft_get(&d, "impact");
	f.unsafe = draft_get(&d, "feels_unsafe");
	f.vulnerable = draft_get(&d, "vulnerable");
	f.targeted = draft_get(&d, "targeted");
	f.before = draft_get(&d, "happened_before");
	impact_render(r, &d, 200, &f, &errs);
	draft_free(&d);
}

/* POST /report/impact */
void
report_impact_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct impact_form f;

	if (!draft_enter(r, &d, 1))
		return;
	f.impact = form_text(r, "impact", IMPACT_MAX, &errs, "impact",
	    "Tell us how this is affecting you", "How this is affecting you must be "
	    "2000 characters or fewer");
	f.unsafe = yes_no(r, "feels-unsafe", &errs, "Select yes if you feel unsafe in your home");
	f.vulnerable = yes_no(r, "vulnerable", &errs, "Select yes if anyone in your "
	    "household is vulnerable");
	f.targeted = yes_no(r, "targeted", &errs, "Select yes if you think you are "
	    "targeted because of who you are");
	f.before = yes_no(r, "happened-before", &errs, "Select yes if this has "
	    "happened before");
	if (f.impact == NULL)
		goto unavailable;
	if (errs.n > 0) {
		impact_render(r, &d, 400, &f, &errs);
		goto out;
	}
	if (draft_set(&d, "impact", f.impact) == -1 ||
	    draft_set(&d, "feels_unsafe", f.unsafe) == -1 ||
	    draft_set(&d, "vulnerable", f.vulnerable) == -1 ||
	    draft_set(&d, "targeted", f.targeted) == -1 ||
	    draft_set(&d, "happened_before", f.before) == -1 ||
	    draft_set(&d, "notice", "") == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_IMPACT, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 7. About you                                                        */

static const char *const contacts[] = { "email", "phone", "post", "none", NULL };

struct about_form {
	const char	*identity, *given, *family, *email, *phone, *contact;
	const char	*for_other, *share, *updates;
};

static void
about_render(struct req *r, struct report_draft *d, int status,
    const struct about_form *f, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r, d,
	    step_before(r, d, STEP_ABOUT, 0, NULL, change), change, errs);

	if (dict == NULL || keep(dict, "GIVEN", f->given) == -1 ||
	    keep(dict, "FAMILY", f->family) == -1 || keep(dict, "EMAIL", f->email) == -1 ||
	    keep(dict, "PHONE", f->phone) == -1 ||
	    checked(dict, "IDENTITY", f->identity) == -1 ||
	    checked(dict, "CONTACT", f->contact) == -1 ||
	    checked(dict, "OTHER", f->for_other) == -1 ||
	    checked(dict, "SHARE", f->share) == -1 ||
	    checked(dict, "UPDATES", f->updates) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_about.tpl",
	    form_title(r, errs, "About you"), dict);
}

/* GET /report/about-you */
void
report_about_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct about_form f;

	if (!draft_enter(r, &d, 1))
		return;
	f.identity = draft_get(&d, "identity");
	f.given = draft_get(&d, "given_name");
	f.family = draft_get(&d, "family_name");
	f.email = draft_get(&d, "email");
	f.phone = draft_get(&d, "phone");
	f.contact = draft_get(&d, "contact");
	f.for_other = draft_get(&d, "for_someone_else");
	f.share = draft_get(&d, "share");
	f.updates = draft_get(&d, "updates");
	about_render(r, &d, 200, &f, &errs);
	draft_free(&d);
}

/* An e-mail address's shape: something@something.something, no spaces. */
static int
email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at > s && strchr(at + 1, '@') == NULL &&
	    strchr(at, '.') != NULL && at[1] != '.' && s[strlen(s) - 1] != '.' &&
	    strpbrk(s, " \t<>,;\"") == NULL;
}

/* A phone number: digits, spaces, brackets, dashes and a leading +; 10 to
 * 15 digits. */
static int
phone_ok(const char *s)
{
	int digits = 0;
	const char *p;

	for (p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!(*p == ' ' || *p == '(' || *p == ')' || *p == '-' ||
		    (*p == '+' && p == s)))
			return 0;
	}
	return digits >= 10 && digits <= 15;
}

/* POST /report/about-you. A filled-in honeypot ("website", hidden from
 * people) marks the draft: the submit then pretends and saves nothing. */
void
report_about_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct about_form f;
	const char *trap;
	int anon, named;

	if (!draft_enter(r, &d, 1))
		return;
	memset(&f, 0, sizeof(f));
	f.identity = req_form(r, "identity");
	if (f.identity == NULL || (strcmp(f.identity, "named") != 0 &&
	    strcmp(f.identity, "anonymous") != 0)) {
		form_error(&errs, "identity", "Select whether you want to give your "
		    "details or report anonymously");
		f.identity = "";
	}
	anon = strcmp(f.identity, "anonymous") == 0;
	named = strcmp(f.identity, "named") == 0;
	f.given = form_text(r, "given-name", NAME_MAX_LEN, &errs, "given-name",
	    named ? "Enter your first name" : NULL,
	    "First name must be 100 characters or fewer");
	f.family = form_text(r, "family-name", NAME_MAX_LEN, &errs, "family-name",
	    named ? "Enter your last name" : NULL,
	    "Last name must be 100 characters or fewer");
	f.email = form_text(r, "email", EMAIL_MAX, &errs, "email", NULL,
	    "Email address must be 254 characters or fewer");
	f.phone = form_text(r, "phone", PHONE_MAX, &errs, "phone", NULL,
	    "Phone number must be 30 characters or fewer");
	f.contact = req_form(r, "contact");
	f.updates = req_form(r, "updates");
	trap = field(r, "website");
	if (f.given == NULL || f.family == NULL || f.email == NULL || f.phone == NULL ||
	    trap == NULL)
		goto unavailable;
	if (named) {
		if (*f.email != '\0' && strlen(f.email) <= EMAIL_MAX && !email_ok(f.email))
			form_error(&errs, "email", "Enter an email address in the correct "
			    "format, like name@example.com");
		if (*f.phone != '\0' && strlen(f.phone) <= PHONE_MAX && !phone_ok(f.phone))
			form_error(&errs, "phone", "Enter a telephone number, like 01632 960 001 "
			    "or +44 7700 900 982");
		if (!one_of(f.contact, contacts)) {
			form_error(&errs, "contact", "Select how you would like us to contact you");
			f.contact = "";
		} else if (strcmp(f.contact, "email") == 0 && *f.email == '\0') {
			form_error(&errs, "email", "Enter your email address, as you want us "
			    "to contact you by email");
		} else if (strcmp(f.contact, "phone") == 0 && *f.phone == '\0') {
			form_error(&errs, "phone", "Enter your phone number, as you want us "
			    "to contact you by phone");
		}
		if (f.updates != NULL && strcmp(f.updates, "yes") == 0 && *f.email == '\0')
			form_error(&errs, "updates", "Enter your email address to get "
			    "updates by email, or untick the box");
	}
	f.for_other = yes_no(r, "for-someone-else", &errs, "Select yes if you are "
	    "reporting for someone else");
	f.share = yes_no(r, "share", &errs, "Select yes if we may share your report "
	    "with our partner agencies");
	if (errs.n > 0) {
		about_render(r, &d, 400, &f, &errs);
		goto out;
	}
	if (draft_set(&d, "identity", f.identity) == -1 ||
	    draft_set(&d, "given_name", anon ? "" : f.given) == -1 ||
	    draft_set(&d, "family_name", anon ? "" : f.family) == -1 ||
	    draft_set(&d, "email", anon ? "" : f.email) == -1 ||
	    draft_set(&d, "phone", anon ? "" : f.phone) == -1 ||
	    draft_set(&d, "contact", anon ? "none" : f.contact) == -1 ||
	    draft_set(&d, "updates", !anon && f.updates != NULL &&
	    strcmp(f.updates, "yes") == 0 ? "yes" : "") == -1 ||
	    draft_set(&d, "for_someone_else", f.for_other) == -1 ||
	    draft_set(&d, "share", f.share) == -1 || draft_set(&d, "notice", "") == -1 ||
	    (*trap != '\0' && draft_set(&d, "trap", "1") == -1))
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_ABOUT, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 9. Check your answers                                               */

/* One summary-list row in section `card`. */
static int
row(struct view_dict *dict, const char *key, const char *value, const char *change,
    const char *hidden)
{
	struct view_dict *s = view_section(dict, "ROW");

	return s == NULL || view_set(s, "KEY", key) == -1 ||
	    view_set(s, "VALUE", value != NULL && *value != '\0' ? value : "Not given") == -1 ||
	    view_set(s, "CHANGE", change) == -1 ||
	    view_set(s, "HIDDEN", hidden != NULL ? hidden : key) == -1 ? -1 : 0;
}

static const char *
words_yes(const char *v)
{
	return strcmp(v, "yes") == 0 ? "Yes" : strcmp(v, "no") == 0 ? "No" : "";
}

static const char *
often_words(const char *v)
{
	if (strcmp(v, "every_day") == 0)
		return "Every day";
	if (strcmp(v, "several_times_a_week") == 0)
		return "Several times a week";
	if (strcmp(v, "weekly") == 0)
		return "About once a week";
	if (strcmp(v, "less_often") == 0)
		return "Less often than once a week";
	return v;
}

/* "When" in words. */
static const char *
when_words(struct req *r, struct report_draft *d)
{
	const char *date = draft_get(d, "occurred_date"), *t = draft_get(d, "occurred_time");

	if (strcmp(draft_get(d, "when"), "ongoing") == 0)
		return arena_printf(r->arena, "It keeps happening: %s, in the %s",
		    often_words(draft_get(d, "how_often")), draft_get(d, "times"));
	if (strlen(date) != 10)
		return "";
	return arena_printf(r->arena, "%d/%d/%.4s%s%s", atoi(date + 8), atoi(date + 5),
	    date, *t ? " at " : "", t);
}

static const char *
where_words(struct req *r, struct report_draft *d)
{
	const char *l = draft_get(d, "address_line1"), *t = draft_get(d, "town"),
	    *p = draft_get(d, "postcode");

	if (*l == '\0' && *draft_get(d, "lon") != '\0')
		return arena_printf(r->arena, "The place chosen on the map%s%s",
		    *p ? ", " : "", p);
	return arena_printf(r->arena, "%s%s%s%s%s", l, *t ? ", " : "", t, *p ? ", " : "", p);
}

/* The type's name (with its parent's), for people. */
static const char *
type_words(struct req *r, struct report_draft *d)
{
	struct asb_type_item *t;
	const char *top = "", *sub = "";
	size_t n, i;

	if (asb_types_list(r->pg, r->arena, &t, &n) == -1)
		return draft_get(d, "type");
	for (i = 0; i < n; i++) {
		if (strcmp(t[i].code, draft_get(d, "top")) == 0)
			top = t[i].name;
		if (strcmp(t[i].code, draft_get(d, "type")) == 0)
			sub = t[i].name;
	}
	if (strcmp(draft_get(d, "top"), draft_get(d, "type")) == 0 || *top == '\0')
		return sub;
	return arena_printf(r->arena, "%s: %s", top, sub);
}

/* The files added, one row each. */
static int
evidence_rows(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct json_object *files = NULL;
	struct view_dict *s;
	size_t i, n;

	if ((s = view_section(dict, "EVIDENCE")) == NULL)
		return -1;
	if (!json_object_object_get_ex(d->doc, "evidence", &files) ||
	    (n = json_object_array_length(files)) == 0)
		return row(s, "Files", "None added", "/report/evidence?change=1",
		    "photos, recordings or documents");
	for (i = 0; i < n; i++) {
		if (row(s, arena_printf(r->arena, "File %zu", i + 1),
		    file_field(json_object_array_get_idx(files, i), "name"),
		    "/report/evidence?change=1", "photos, recordings or documents") == -1)
			return -1;
	}
	return 0;
}

/* The "About you" card of the check page. 0 or -1. */
static int
about_rows(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct view_dict *s;
	int anon = strcmp(draft_get(d, "identity"), "anonymous") == 0;
	const char *name;

	if ((s = view_section(dict, "ABOUT")) == NULL)
		return -1;
	name = anon ? "You are reporting anonymously" : arena_printf(r->arena, "%s %s",
	    draft_get(d, "given_name"), draft_get(d, "family_name"));
	if (row(s, "Name", name, "/report/about-you?change=1", "your name") == -1)
		return -1;
	if (!anon && (row(s, "Email", draft_get(d, "email"), "/report/about-you?change=1",
	    "your email address") == -1 ||
	    row(s, "Phone", draft_get(d, "phone"), "/report/about-you?change=1",
	    "your phone number") == -1 ||
	    row(s, "How to contact you", draft_get(d, "contact"),
	    "/report/about-you?change=1", "how to contact you") == -1 ||
	    row(s, "Email updates", *draft_get(d, "updates") ? "Yes" : "No",
	    "/report/about-you?change=1", "email updates") == -1))
		return -1;
	if (row(s, "Reporting for someone else", words_yes(draft_get(d, "for_someone_else")),
	    "/report/about-you?change=1", "whether you are reporting for someone else") == -1 ||
	    row(s, "We may share it with partner agencies", words_yes(draft_get(d, "share")),
	    "/report/about-you?change=1", "sharing with partner agencies") == -1)
		return -1;
	return 0;
}

/* The draft's answers as summary lists, one card per part of the form. */
static int
check_dict(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct json_object *answers = NULL, *a, *disp;
	struct view_dict *s;
	struct qlist ql;
	size_t i;

	if (questions_of(r, d, &ql) == -1)
		return -1;
	json_object_object_get_ex(d->doc, "answers", &answers);
	if ((s = view_section(dict, "REPORT")) == NULL ||
	    row(s, "What you are reporting", type_words(r, d),
	    "/report/type?change=1", "what you are reporting") == -1)
		return -1;
	for (i = 0; i < ql.n; i++) {
		const char *shown = "Not answered";

		if (answers != NULL && json_object_object_get_ex(answers, ql.q[i].key, &a) &&
		    json_object_object_get_ex(a, "display", &disp))
			shown = json_object_get_string(disp);
		if (row(s, ql.q[i].label, shown, arena_printf(r->arena,
		    "/report/questions/%zu?change=1", i + 1), ql.q[i].label) == -1)
			return -1;
	}
	if (row(s, "When", when_words(r, d), "/report/when?change=1", "when it happened") == -1 ||
	    row(s, "Where", where_words(r, d), "/report/where?change=1", "where it happened") == -1)
		return -1;
	if ((s = view_section(dict, "IMPACT")) == NULL ||
	    row(s, "How it affects you", draft_get(d, "impact"), "/report/impact?change=1",
	    "how it affects you") == -1 ||
	    row(s, "You feel unsafe in your home", words_yes(draft_get(d, "feels_unsafe")),
	    "/report/impact?change=1", "whether you feel unsafe in your home") == -1 ||
	    row(s, "Someone in your household is vulnerable",
	    words_yes(draft_get(d, "vulnerable")), "/report/impact?change=1",
	    "whether someone in your household is vulnerable") == -1 ||
	    row(s, "You think you are targeted because of who you are",
	    words_yes(draft_get(d, "targeted")), "/report/impact?change=1",
	    "whether you are targeted because of who you are") == -1 ||
	    row(s, "It has happened before", words_yes(draft_get(d, "happened_before")),
	    "/report/impact?change=1", "whether it has happened before") == -1)
		return -1;
	if (report_partner_on(r) ? report_partner_rows(r, d, dict) == -1 :
	    about_rows(r, d, dict) == -1)
		return -1;
	if (evidence_rows(r, d, dict) == -1)
		return -1;
	return view_set(dict, "IDEMPOTENCY_KEY", draft_get(d, "idem"));
}

/* The first step the draft has not been through; NULL when all are done. */
static const char *
step_missing(struct req *r, struct report_draft *d)
{
	if (*draft_get(d, "type") == '\0')
		return "/report/type";
	if (*draft_get(d, "when") == '\0')
		return "/report/when";
	if (*draft_get(d, "address_line1") == '\0' && *draft_get(d, "lon") == '\0')
		return "/report/where";
	if (*draft_get(d, "feels_unsafe") == '\0')
		return "/report/impact";
	if (report_partner_on(r))
		return report_partner_missing(d);
	if (*draft_get(d, "identity") == '\0')
		return "/report/about-you";
	return NULL;
}

/* The first required question of the type left unanswered (someone may
 * skip a page by typing the address); NULL when there is none, or "" when
 * the database cannot say. */
static const char *
question_missing(struct req *r, struct report_draft *d)
{
	struct json_object *answers = NULL;
	struct qlist ql;
	size_t i;

	if (questions_of(r, d, &ql) == -1)
		return "";
	json_object_object_get_ex(d->doc, "answers", &answers);
	for (i = 0; i < ql.n; i++)
		if (ql.q[i].required && (answers == NULL ||
		    !json_object_object_get_ex(answers, ql.q[i].key, NULL)))
			return arena_printf(r->arena, "/report/questions/%zu", i + 1);
	return NULL;
}

static void
check_render(struct req *r, struct report_draft *d, int status)
{
	struct form_errors errs = {0};
	struct view_dict *dict = step_dict(r, d,
	    step_before(r, d, STEP_CHECK, 0, NULL, 0), 0, &errs);

	if (dict == NULL || check_dict(r, d, dict) == -1) {
		view_dict_free(dict);
		return draft_unavailable(r);
	}
	page_render(r, status, "report_check.tpl", "Check your answers before sending "
	    "your report", dict);
}

/* GET /report/check. The idempotency key is made here, once per draft,
 * with the tracking token the report will have: both are known before the
 * report is sent, so its confirmation can be found again in the database
 * whatever happens to Redis while it is sent. */
void
report_check_get(struct req *r)
{
	struct report_draft d;
	const char *missing;
	char key[33], token[65];

	if (!draft_enter(r, &d, 1))
		return;
	if ((missing = step_missing(r, &d)) != NULL ||
	    (missing = question_missing(r, &d)) != NULL) {
		if (missing == NULL || *missing == '\0')
			draft_unavailable(r);
		else
			resp_redirect(r, 303, missing);
		goto out;
	}
	if (*draft_get(&d, "idem") == '\0' && (random_hex(key, 16) == -1 ||
	    random_hex(token, 32) == -1 || draft_set(&d, "idem", key) == -1 ||
	    draft_set(&d, "track", token) == -1 ||
	    draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)) {
		draft_unavailable(r);
		goto out;
	}
	check_render(r, &d, 200);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 10. Submit                                                          */

/* Counts a report from this address. Returns 1 when it is over the
 * limit, 0 when it may go on, -1 when Redis cannot say. */
static int
submit_limited(struct req *r)
{
	const char *addr = r->remote_addr != NULL ? r->remote_addr : "-";
	char *key = arena_printf(r->arena, "concord:ratelimit:report:%s", addr);
	struct rd_window w;

	if (key == NULL || rd_window_hit(r->rd, key, SUBMIT_WINDOW, &w) == -1)
		return -1;
	return w.count > SUBMIT_LIMIT;
}

/* Holds the idempotency key while one request submits it. Returns 1 when
 * held, 0 when another request holds it, -1 when Redis cannot say. */
static int
submit_lock(struct req *r, const char *idem)
{
	redisReply *reply = rd_command(r->rd, "SET concord:report-submit:%s 1 NX EX %d",
	    idem, SUBMIT_LOCK_SECONDS);
	int rc;

	if (reply == NULL)
		return -1;
	rc = reply->type == REDIS_REPLY_STATUS ? 1 : reply->type == REDIS_REPLY_NIL ? 0 : -1;
	freeReplyObject(reply);
	return rc;
}

/* Keeps the result in the draft, for the confirmation and resubmissions. */
static int
result_keep(struct req *r, struct report_draft *d, const char *reference,
    const char *token)
{
	struct json_object *res = json_object_new_object();

	if (res == NULL)
		return -1;
	json_object_object_add(res, "reference", json_object_new_string(reference));
	json_object_object_add(res, "token", json_object_new_string(token));
	json_object_object_add(d->doc, "result", res);
	return draft_save(r, d, REPORT_DRAFT_SECONDS);
}

/* A yes/no field as report_input has it: 1, 0 or -1. */
static int
flag(struct report_draft *d, const char *f)
{
	const char *v = draft_get(d, f);

	return strcmp(v, "yes") == 0 ? 1 : strcmp(v, "no") == 0 ? 0 : -1;
}

/* A string member of a draft's object, "" when absent. */
const char *
file_field(struct json_object *f, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(f, key, &v) ? json_object_get_string(v) : "";
}

/* The files the evidence step stored, as the report's evidence: each is
 * linked from the draft's unsent files into the evidence store now, before
 * the report that names it is written. */
static int
input_files(struct req *r, struct report_draft *d, struct report_input *in)
{
	struct json_object *files, *f;
	struct report_file *rf;
	struct stored_file *sf;
	size_t i, n;

	if (!json_object_object_get_ex(d->doc, "evidence", &files) ||
	    (n = json_object_array_length(files)) == 0)
		return 0;
	if ((rf = arena_calloc(r->arena, n, sizeof(*rf))) == NULL ||
	    (sf = arena_calloc(r->arena, n, sizeof(*sf))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		f = json_object_array_get_idx(files, i);
		snprintf(sf[i].sha256, sizeof(sf[i].sha256), "%s", file_field(f, "sha256"));
		sf[i].size = strtoull(file_field(f, "size"), NULL, 10);
		if (evidence_store_send(r->cfg->evidence_dir, draft_id(d), &sf[i]) == -1)
			return -1;
		sf[i].media_type = file_field(f, "media_type");
		sf[i].ext = file_field(f, "ext");
		sf[i].category = file_field(f, "category");
		rf[i].stored = &sf[i];
		rf[i].name = file_field(f, "name");
	}
	in->files = rf;
	in->nfiles = n;
	return 0;
}

/* The draft as a report. Returns 0, or -1 when out of memory or one of
 * its files cannot be sent (logged). */
static int
input_make(struct req *r, struct report_draft *d, struct report_input *in,
    struct json_object **recurring)
{
	struct json_object *answers = NULL, *times;
	const char *date = draft_get(d, "occurred_date"), *t = draft_get(d, "occurred_time");
	const char *line1 = draft_get(d, "address_line1"), *town = draft_get(d, "town");
	char *list, *tok, *save;

	memset(in, 0, sizeof(*in));
	*recurring = NULL;
	in->channel = "public";
	in->public_url = r->cfg->public_url;
	in->type_code = draft_get(d, "type");
	in->description = "";
	if (json_object_object_get_ex(d->doc, "answers", &answers))
		in->answers = answers;
	/* London local time: PostgreSQL reads the zone name. */
	if (strlen(date) == 10)
		in->occurred_at = arena_printf(r->arena, "%s %s Europe/London", date,
		    *t ? t : "12:00");
	if (strcmp(draft_get(d, "when"), "ongoing") == 0) {
		if ((*recurring = json_object_new_object()) == NULL ||
		    (times = json_object_new_array()) == NULL ||
		    (list = arena_strdup(r->arena, draft_get(d, "times"))) == NULL)
			return -1;
		json_object_object_add(*recurring, "how_often",
		    json_object_new_string(draft_get(d, "how_often")));
		for (tok = strtok_r(list, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save))
			json_object_array_add(times, json_object_new_string(tok));
		json_object_object_add(*recurring, "times_of_day", times);
		in->recurring = *recurring;
	}
	if (*draft_get(d, "lon") != '\0') {
		in->has_point = 1;
		in->lon = strtod(draft_get(d, "lon"), NULL);
		in->lat = strtod(draft_get(d, "lat"), NULL);
	}
	in->address = arena_printf(r->arena, "%s%s%s", line1, *line1 && *town ? ", " : "", town);
	in->postcode = draft_get(d, "postcode");
	in->impact = draft_get(d, "impact");
	in->feels_unsafe = flag(d, "feels_unsafe");
	in->vulnerable = flag(d, "vulnerable");
	in->targeted = flag(d, "targeted");
	in->happened_before = flag(d, "happened_before");
	in->anonymous = strcmp(draft_get(d, "identity"), "anonymous") == 0;
	in->given_name = draft_get(d, "given_name");
	in->family_name = draft_get(d, "family_name");
	in->email = draft_get(d, "email");
	in->phone = draft_get(d, "phone");
	in->preferred_contact = draft_get(d, "contact");
	in->for_someone_else = flag(d, "for_someone_else");
	in->share_consent = flag(d, "share");
	in->email_updates = *draft_get(d, "updates") != '\0' && *in->email != '\0';
	in->idempotency_key = draft_get(d, "idem");
	in->tracking_token = draft_get(d, "track");
	if (report_partner_on(r))
		report_partner_input(d, in);
	return in->address != NULL && input_files(r, d, in) == 0 ? 0 : -1;
}

static void	done_render(struct req *, const char *reference, const char *token);

/* The confirmation of a saved report. Kept in the draft, it is shown by
 * /report/done; when Redis cannot keep it, it is shown here and now: the
 * report is saved whatever Redis does (and sending the form again finds
 * it in the database by its idempotency key). */
static void
submit_done(struct req *r, struct report_draft *d, const struct report_result *res)
{
	if (result_keep(r, d, res->reference, res->token) == 0)
		return resp_redirect(r, 303, "/report/done");
	log_warn("report: %s saved, but its result could not be kept in the draft",
	    res->reference);
	done_render(r, res->reference, res->token);
}

/* Another request holds the key: no waiting for it (a worker serves one
 * request at a time). Its report, when the database has it; otherwise a
 * page that says it is being sent, with a link to look again. */
static void
submit_pending(struct req *r, struct report_draft *d)
{
	struct report_result res;

	switch (report_find(r->pg, &r->actor, draft_get(d, "idem"),
	    draft_get(d, "track"), &res)) {
	case 1:
		return submit_done(r, d, &res);
	case 0:
		return page_render(r, 202, "report_sending.tpl",
		    "Your report is being sent", page_dict(r));
	default:
		return draft_unavailable(r);
	}
}

/* A made-up reference for a form a robot filled in: it looks like the
 * real thing, and nothing is saved. */
static int
decoy(struct req *r, struct report_draft *d)
{
	unsigned char b[4];
	char token[65];
	time_t now = time(NULL);
	struct tm t;

	gmtime_r(&now, &t);
	if (random_bytes(b, sizeof(b)) == -1 || random_hex(token, 32) == -1)
		return -1;
	return result_keep(r, d, arena_printf(r->arena, "ASB-%d-%06lu",
	    t.tm_year + 1900, (unsigned long)((b[0] << 16 | b[1] << 8 | b[2]) % 1000000)),
	    token);
}

/* POST /report/submit: one report per draft, however often it is sent. */
void
report_submit_post(struct req *r)
{
	struct report_input in;
	struct report_result res;
	struct report_draft d;
	struct json_object *recurring = NULL;
	const char *idem, *missing, *sent;
	int held, limited;

	if (!draft_enter(r, &d, 1))
		return;
	idem = draft_get(&d, "idem");
	sent = req_form(r, "idempotency-key");
	if ((missing = step_missing(r, &d)) != NULL ||
	    (missing = question_missing(r, &d)) != NULL || *idem == '\0') {
		if (missing != NULL && *missing == '\0')
			draft_unavailable(r);
		else
			resp_redirect(r, 303, missing != NULL ? missing : "/report/check");
		goto out;
	}
	if (sent == NULL || strcmp(sent, idem) != 0) {
		/* An old copy of the check page: show the answers as they are. */
		resp_redirect(r, 303, "/report/check");
		goto out;
	}
	/* Without Redis there is no lock: the database's unique key decides. */
	if ((held = submit_lock(r, idem)) == 0) {
		submit_pending(r, &d);
		goto out;
	}
	if (*draft_get(&d, "trap") != '\0') {
		if (decoy(r, &d) == -1)
			goto unavailable;
		resp_redirect(r, 303, "/report/done");
		goto out;
	}
	/* Partner reporters are signed in and answer for what they send; a
	 * whole office may share one address. */
	if ((limited = report_partner_on(r) || held == -1 ? 0 : submit_limited(r)) == -1)
		goto unavailable_unlock;
	if (limited) {
		page_error(r, 429, "There have been too many reports from your "
		    "connection in the last hour. Your answers are saved: try again "
		    "later. If you are in danger now, call 999.");
		goto unlock;
	}
	if (input_make(r, &d, &in, &recurring) == -1)
		goto unavailable_unlock;
	switch (report_submit(r->pg, r->rd, &r->actor, &in, &res)) {
	case REPORT_OK:
		submit_done(r, &d, &res);
		break;
	case REPORT_OUTSIDE:
		if (draft_set(&d, "where_problem", outside_message(r, &res.where)) == -1 ||
		    draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)
			goto unavailable_unlock;
		resp_redirect(r, 303, "/report/where?change=1");
		goto unlock;
	case REPORT_BAD_POINT:
		if (draft_set(&d, "where_problem", "The place chosen on the map is not "
		    "valid. Choose it again, or enter the address") == -1 ||
		    draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)
			goto unavailable_unlock;
		resp_redirect(r, 303, "/report/where?change=1");
		goto unlock;
	case REPORT_BAD_TYPE:
		page_notice(r, "The kind of problem you chose can no longer be "
		    "reported here. Choose another.");
		if (draft_set(&d, "type", "") == -1 || draft_save(r, &d,
		    REPORT_DRAFT_SECONDS) == -1)
			goto unavailable_unlock;
		resp_redirect(r, 303, "/report/type");
		goto unlock;
	default:
		page_error(r, 503, "Sorry, we could not send your report just now. "
		    "Your answers are saved: go back and try again in a few minutes. "
		    "If you are in danger now, call 999.");
		goto unlock;
	}
	goto out;
unavailable_unlock:
	draft_unavailable(r);
unlock:
	{
		redisReply *reply = rd_command(r->rd, "DEL concord:report-submit:%s", idem);

		if (reply != NULL)
			freeReplyObject(reply);
	}
	goto out;
unavailable:
	draft_unavailable(r);
out:
	if (recurring != NULL)
		json_object_put(recurring);
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 11. Done                                                            */

/* The confirmation page: the reference and, when known, the tracking link. */
static void
done_render(struct req *r, const char *reference, const char *token)
{
	struct view_dict *dict;
	const char *link = "";

	/* The same link as in the confirmation mail, from public_url. */
	if (*token != '\0')
		link = arena_printf(r->arena, REPORT_TRACK_LINK, r->cfg->public_url,
		    reference, token);
	dict = page_dict(r);
	if (dict == NULL || link == NULL ||
	    view_set(dict, "REFERENCE", reference) == -1 ||
	    (*link != '\0' && view_set(view_section(dict, "TRACK"), "LINK", link) == -1)) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "report_done.tpl", "Report sent", dict);
}

/* 1 when a request is sending the draft with this key now, 0 when none
 * is, -1 when Redis cannot say. */
static int
submit_busy(struct req *r, const char *idem)
{
	redisReply *reply = rd_command(r->rd, "EXISTS concord:report-submit:%s", idem);
	int rc;

	if (reply == NULL)
		return -1;
	rc = reply->type == REDIS_REPLY_INTEGER ? reply->integer > 0 : -1;
	freeReplyObject(reply);
	return rc;
}

/* A draft sent without its result kept (Redis failed after the commit,
 * or the request sending it has not finished): the report from the
 * database, else the "being sent" page or the check page. Returns 1 with
 * the result in the draft, 0 when the response is made. */
static int
done_from_database(struct req *r, struct report_draft *d)
{
	const char *idem = draft_get(d, "idem");
	struct report_result res;
	int found;

	if (*idem == '\0') {
		draft_lost(r);
		return 0;
	}
	if ((found = report_find(r->pg, &r->actor, idem, draft_get(d, "track"),
	    &res)) == 1) {
		struct json_object *o = json_object_new_object();

		if (o == NULL) {
			draft_unavailable(r);
			return 0;
		}
		json_object_object_add(o, "reference", json_object_new_string(res.reference));
		json_object_object_add(o, "token", json_object_new_string(res.token));
		json_object_object_add(d->doc, "result", o);
		return 1;
	}
	if (found == -1)
		draft_unavailable(r);
	else if (submit_busy(r, idem) != 0)
		page_render(r, 202, "report_sending.tpl", "Your report is being sent",
		    page_dict(r));
	else
		resp_redirect(r, 303, "/report/check");
	return 0;
}

/* GET /report/done: the reference and the private tracking link. The
 * answers are then forgotten; the result stays a while, so that sending
 * the check page again shows this page rather than a second report. */
void
report_done_get(struct req *r)
{
	struct report_draft d;
	struct json_object *res, *ref, *tok, *kept;
	enum draft_rc rc = draft_load(r, &d);

	if (rc == DRAFT_ERROR)
		return draft_unavailable(r);
	if (rc == DRAFT_NONE) {
		draft_free(&d);
		return draft_lost(r);
	}
	if (!json_object_object_get_ex(d.doc, "result", NULL) &&
	    !done_from_database(r, &d)) {
		draft_free(&d);
		return;
	}
	if (!json_object_object_get_ex(d.doc, "result", &res) ||
	    !json_object_object_get_ex(res, "reference", &ref) ||
	    !json_object_object_get_ex(res, "token", &tok)) {
		draft_free(&d);
		return draft_lost(r);
	}
	done_render(r, json_object_get_string(ref), json_object_get_string(tok));
	/* Keep only the result (and the key it answers). */
	if ((kept = json_object_new_object()) != NULL) {
		json_object_object_add(kept, "result", json_object_get(res));
		json_object_object_add(kept, "idem",
		    json_object_new_string(draft_get(&d, "idem")));
		json_object_put(d.doc);
		d.doc = kept;
		if (draft_save(r, &d, REPORT_DONE_SECONDS) == -1)
			log_warn("report: the sent draft could not be cleared");
	}
	draft_free(&d);
}
