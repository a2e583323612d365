/* Staff risk pages: assessing and reassessing an incident with the active
 * questionnaire, the history of its assessments (each with the questions
 * as its own version asked them), the reviews due and recording a review.
 * Scoring, recording and due dates are the domain's (domain/risk*.c). */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/incident.h"
#include "domain/risk.h"
#include "domain/risk_record.h"
#include "domain/risk_review.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define RISK_REASON_MAX	2000	/* characters of a reassessment's reason */
#define HISTORY_VERSIONS_MAX	16	/* versions one history page loads */

static const char *const level_words[RISK_LEVELS] = { "Standard", "Medium", "High" };
static const char *const answer_words[] = { "No", "Yes", "Don't know" };

static const char *
level_word(enum risk_level l)
{
	return (unsigned)l < RISK_LEVELS ? level_words[l] : "";
}

/* A question's radios' name and first radio's id. */
static const char *
question_field(struct req *r, const struct risk_question *q)
{
	return arena_printf(r->arena, "q-%s", q->key);
}

/* The question a forcing key names, for people: its label. */
static const char *
question_label(const struct risk_questionnaire *q, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < q->n; i++)
		if (strcmp(q->questions[i].key, key) == 0)
			return q->questions[i].label;
	return key;
}

/* ------------------------------------------------------------------ */
/* Assess and reassess                                                 */

/* What the assessment form shows again after a problem. */
struct assess_form {
	struct json_object	*answers;	/* {key: "yes"|"no"|"unknown"} */
	const char		*reason;
	long long		 version;	/* the incident's, for the next try */
};

/* The message of the field, if it has one. */
static const char *
field_error(const struct form_errors *errs, const char *field)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, field) == 0)
			return errs->e[i].message;
	return NULL;
}

static int
question_dict(struct req *r, struct view_dict *d, const struct risk_question *q,
    struct json_object *answers, const struct form_errors *errs)
{
	static const char *const shown[] = { "YES", "NO", "UNKNOWN" };
	static const enum risk_answer order[] = { RISK_ANSWER_YES, RISK_ANSWER_NO,
	    RISK_ANSWER_UNKNOWN };
	struct view_dict *s, *e;
	struct json_object *v;
	enum risk_answer a;
	const char *field = question_field(r, q), *msg;
	size_t i;

	if (field == NULL || (s = view_section(d, "QUESTION")) == NULL ||
	    view_set(s, "FIELD", field) == -1 || view_set(s, "LABEL", q->label) == -1)
		return -1;
	if (*q->hint != '\0' && ((e = view_section(s, "HINT")) == NULL ||
	    view_set(e, "TEXT", q->hint) == -1))
		return -1;
	if ((msg = field_error(errs, field)) != NULL &&
	    ((e = view_section(s, "ERROR")) == NULL || view_set(e, "MESSAGE", msg) == -1))
		return -1;
	if (answers != NULL && json_object_object_get_ex(answers, q->key, &v) &&
	    risk_answer_parse(json_object_get_string(v), &a) == 0)
		for (i = 0; i < 3; i++)
			if (order[i] == a && view_show(s, shown[i]) == -1)
				return -1;
	return 0;
}

/* The assessment form for an incident, with the active questionnaire,
 * the latest assessment (a reassessment then asks why) and what was sent. */
static void
assess_page(struct req *r, int status, const struct incident *in,
    const struct risk_questionnaire *q, const struct risk_assessment *last,
    const struct assess_form *f, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *s;
	size_t i;

	if (d == NULL || view_set(d, "REFERENCE", in->reference) == -1 ||
	    view_set(d, "TYPE", in->type) == -1 ||
	    view_set_int(d, "VERSION", (long)f->version) == -1 ||
	    view_set_int(d, "QUESTIONNAIRE", q->version) == -1 ||
	    view_set(d, "QUESTIONNAIRE_NAME", q->name) == -1 ||
	    view_set(d, "REASON", f->reason != NULL ? f->reason : "") == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	for (i = 0; i < q->n; i++)
		if (question_dict(r, d, &q->questions[i], f->answers, errs) == -1)
			goto fail;
	if (last != NULL) {
		if ((s = view_section(d, "LAST")) == NULL ||
		    view_set(s, "LEVEL", level_word(last->level)) == -1 ||
		    view_set_int(s, "SCORE", last->score) == -1 ||
		    view_set(s, "WHEN", last->when) == -1 ||
		    view_show(d, "REASSESS") == -1)
			goto fail;
	} else if (view_show(d, "FIRST") == -1)
		goto fail;
	page_render(r, status, "risk_assess.tpl", form_title(r, errs, arena_printf(
	    r->arena, "%s the risk of incident %s", last != NULL ? "Reassess" : "Assess",
	    in->reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The incident of the page's {ref}, if the actor may see it (reading it
 * for its risk is not a view). 0; or -1 after the 404 or 503 page. */
static int
incident_of_page(struct req *r, struct incident *in)
{
	switch (incident_find(r->pg, r->arena, &r->actor, req_param(r, "ref"), in)) {
	case INCIDENT_OK:
		return 0;
	case INCIDENT_NOT_FOUND:
		page_error(r, 404, NULL);
		return -1;
	default:
		page_error(r, 503, NULL);
		return -1;
	}
}

/* The incident, the active questionnaire and the latest assessment (NULL
 * for none). 0; or -1 after rendering the error page. */
static int
assess_load(struct req *r, struct incident *in, struct risk_questionnaire *q,
    const struct risk_assessment **last)
{
	struct risk_assessment *as;
	size_t n;

	if (incident_of_page(r, in) == -1)
		return -1;
	if (risk_questionnaire_get(r->pg, r->arena, &r->actor, 0, q) != RISK_OK ||
	    risk_history(r->pg, r->arena, &r->actor, in->reference, &as, &n) != RISK_OK) {
		page_error(r, 503, NULL);
		return -1;
	}
	*last = n > 0 ? &as[0] : NULL;
	return 0;
}

/* GET /staff/incidents/{ref}/risk */
void
risk_assess_get(struct req *r)
{
	struct form_errors errs = {0};
	struct risk_questionnaire q;
	const struct risk_assessment *last;
	struct assess_form f = {0};
	struct incident in;

	if (assess_load(r, &in, &q, &last) == -1)
		return;
	f.version = in.version;
	assess_page(r, 200, &in, &q, last, &f, &errs);
}

/* Reads each question's answer into f->answers; a question left blank is
 * a problem (an officer says "don't know" rather than skipping it). */
static int
answers_read(struct req *r, const struct risk_questionnaire *q,
    struct assess_form *f, struct form_errors *errs)
{
	enum risk_answer a;
	const char *field, *v;
	size_t i;

	if ((f->answers = json_object_new_object()) == NULL)
		return -1;
	for (i = 0; i < q->n; i++) {
		if ((field = question_field(r, &q->questions[i])) == NULL)
			return -1;
		v = req_form(r, field);
		if (v == NULL || risk_answer_parse(v, &a) == -1) {
			form_error(errs, field, arena_printf(r->arena, "Select yes, no or "
			    "don't know for: %s", q->questions[i].label));
			continue;
		}
		json_object_object_add(f->answers, q->questions[i].key,
		    json_object_new_string(risk_answer_name(a)));
	}
	return 0;
}

/* The banner after an assessment: the score, the level and what raised it. */
static const char *
result_words(struct req *r, const struct risk_questionnaire *q,
    const struct risk_assessment *as, const char *forced_by)
{
	if (forced_by != NULL)
		return arena_printf(r->arena, "Risk assessment recorded: score %d, level "
		    "%s. The level was raised to %s by the answer to \"%s\".", as->score,
		    level_word(as->level), level_word(as->level),
		    question_label(q, forced_by));
	return arena_printf(r->arena, "Risk assessment recorded: score %d, level %s.",
	    as->score, level_word(as->level));
}

/* POST /staff/incidents/{ref}/risk: 303 to the history with the result;
 * 400 with the form and what to fix; 409 (the answers kept) when the
 * incident or the questionnaire changed since the form was opened. */
void
risk_assess_post(struct req *r)
{
	struct form_errors errs = {0};
	struct risk_questionnaire q;
	const struct risk_assessment *last;
	struct risk_assessment out;
	struct risk_result res;
	struct assess_form f = {0};
	struct incident in;
	const char *ver = req_form(r, "version"), *qver = req_form(r, "questionnaire");
	const char *bad;
	int status = 400;

	if (ver == NULL || *ver == '\0' || qver == NULL || *qver == '\0')
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (assess_load(r, &in, &q, &last) == -1)
		return;
	f.version = strtoll(ver, NULL, 10);
	if (answers_read(r, &q, &f, &errs) == -1)
		goto oom;
	f.reason = form_long_text(r, "reason", RISK_REASON_MAX, &errs, "reason",
	    last != NULL ? "Enter why you are reassessing the risk" : NULL,
	    "Reason must be 2,000 characters or fewer");
	if (f.reason == NULL)
		goto oom;
	if (atoi(qver) != q.version) {
		/* A new version was published while the form was open: its
		 * questions may differ, so the officer checks before saving. */
		status = 409;
		f.version = in.version;
		form_error(&errs, q.n > 0 ? question_field(r, &q.questions[0]) : "reason",
		    "The questionnaire has changed since you opened this form. Check "
		    "your answers to the questions below, then save again");
	}
	if (errs.n == 0) {
		switch (risk_assess(r->pg, r->arena, &r->actor, in.reference, f.version,
		    f.answers, f.reason, &out, &bad)) {
		case RISK_OK:
			/* The score again, for the banner's forcing question. */
			if (risk_score(&q, f.answers, &res, &bad) != RISK_OK)
				res.forced_by = NULL;
			page_flash(r, result_words(r, &q, &out, res.forced_by));
			json_object_put(f.answers);
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/incidents/%s/risk/history", in.reference));
		case RISK_NOT_FOUND:
			json_object_put(f.answers);
			return page_error(r, 404, NULL);
		case RISK_CONFLICT:
			status = 409;
			f.version = in.version;
			form_error(&errs, q.n > 0 ? question_field(r, &q.questions[0]) :
			    "reason", "This incident was changed by someone else since you "
			    "opened this form. Your answers are below: check them, then "
			    "save again");
			break;
		case RISK_BAD_KEY:
		case RISK_BAD_ANSWER:
			form_error(&errs, "reason", "The form does not match the "
			    "questionnaire. Reload the page");
			break;
		default:
			json_object_put(f.answers);
			return page_error(r, 503, NULL);
		}
	}
	assess_page(r, status, &in, &q, last, &f, &errs);
	json_object_put(f.answers);
	return;
oom:
	json_object_put(f.answers);
	page_error(r, 500, NULL);
}

/* ------------------------------------------------------------------ */
/* History                                                             */

/* The versions a history needs, each loaded once. */
struct version_cache {
	struct risk_questionnaire q[HISTORY_VERSIONS_MAX];
	size_t	n;
};

static const struct risk_questionnaire *
version_of(struct req *r, struct version_cache *c, int version)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->q[i].version == version)
			return &c->q[i];
	if (c->n == HISTORY_VERSIONS_MAX || risk_questionnaire_get(r->pg, r->arena,
	    &r->actor, version, &c->q[c->n]) != RISK_OK)
		return NULL;
	return &c->q[c->n++];
}

/* One assessment with the questions as its version asked them. */
static int
assessment_dict(struct req *r, struct view_dict *d, struct version_cache *c,
    const struct risk_assessment *as)
{
	const struct risk_questionnaire *q;
	struct json_object *answers, *v;
	struct view_dict *s, *row;
	enum risk_answer a;
	size_t i;
	int rc = 0;

	if ((q = version_of(r, c, as->version)) == NULL ||
	    (s = view_section(d, "ASSESSMENT")) == NULL ||
	    view_set(s, "WHEN", as->when) == -1 ||
	    view_set(s, "WHO", *as->by_name != '\0' ? as->by_name : "Concord") == -1 ||
	    view_set(s, "LEVEL", level_word(as->level)) == -1 ||
	    view_set_int(s, "SCORE", as->score) == -1 ||
	    view_set_int(s, "QUESTIONNAIRE", as->version) == -1 ||
	    view_set(s, "QUESTIONNAIRE_NAME", q->name) == -1 ||
	    view_set_int(s, "ID", (long)as->id) == -1)
		return -1;
	if (*as->reason != '\0' && ((row = view_section(s, "REASON")) == NULL ||
	    view_set(row, "TEXT", as->reason) == -1))
		return -1;
	if ((answers = json_tokener_parse(as->answers)) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < q->n; i++) {
		a = RISK_ANSWER_UNKNOWN;
		if (json_object_object_get_ex(answers, q->questions[i].key, &v))
			(void)risk_answer_parse(json_object_get_string(v), &a);
		if ((row = view_section(s, "ANSWER")) == NULL ||
		    view_set(row, "QUESTION", q->questions[i].label) == -1 ||
		    view_set(row, "VALUE", answer_words[a]) == -1)
			rc = -1;
	}
	json_object_put(answers);
	return rc;
}

/* GET /staff/incidents/{ref}/risk/history: every assessment, newest first. */
void
risk_history_get(struct req *r)
{
	struct risk_assessment *as;
	struct version_cache *c;
	struct view_dict *d;
	struct incident in;
	size_t n, i;

	if (incident_of_page(r, &in) == -1)
		return;
	if (risk_history(r->pg, r->arena, &r->actor, in.reference, &as, &n) != RISK_OK ||
	    (c = arena_calloc(r->arena, 1, sizeof(*c))) == NULL)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || view_set(d, "REFERENCE", in.reference) == -1 ||
	    view_set(d, "TYPE", in.type) == -1)
		goto fail;
	if (perm_has(r->actor.perms, PERM_RISK_ASSESS) &&
	    view_show(d, n > 0 ? "CAN_REASSESS" : "CAN_ASSESS") == -1)
		goto fail;
	if (n == 0 && view_show(d, "NONE") == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if (assessment_dict(r, d, c, &as[i]) == -1)
			goto fail;
	page_render(r, 200, "risk_history.tpl", arena_printf(r->arena,
	    "Risk assessments of incident %s", in.reference), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* ------------------------------------------------------------------ */
/* Reviews                                                             */

/* GET /staff/risk-reviews: the reviews due and overdue, oldest first. */
void
risk_reviews_get(struct req *r)
{
	struct risk_review_due *due;
	struct view_dict *d, *s, *late;
	size_t n, i;

	if (risk_reviews_due(r->pg, r->arena, &r->actor, time(NULL), &due, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || view_set_int(d, "COUNT", (long)n) == -1 ||
	    view_show(d, n > 0 ? "DUE" : "NONE_DUE") == -1)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((s = view_section(d, "ROW")) == NULL ||
		    view_set(s, "REFERENCE", due[i].reference) == -1 ||
		    view_set(s, "TYPE", due[i].type) == -1 ||
		    view_set(s, "DUE", due[i].due_text) == -1)
			goto fail;
		if (due[i].awaiting) {
			if (view_show(s, "AWAITING") == -1)
				goto fail;
		} else if (view_set(s, "LEVEL", level_word(due[i].level)) == -1 ||
		    view_set(s, "ASSESSED", due[i].assessed_text) == -1 ||
		    view_show(s, "ASSESSED_ROW") == -1)
			goto fail;
		if (due[i].overdue_days == 0 ? view_show(s, "DUE_TODAY") == -1 :
		    ((late = view_section(s, "OVERDUE")) == NULL ||
		    view_set(late, "TEXT", arena_printf(r->arena, "Overdue by %d day%s",
		    due[i].overdue_days, due[i].overdue_days == 1 ? "" : "s")) == -1))
			goto fail;
	}
	page_render(r, 200, "risk_reviews.tpl", "Risk reviews due", d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* What the review form shows again after a problem. */
struct review_form {
	const char	*level, *note;
	long long	 version;
};

static void
review_page(struct req *r, int status, const struct risk_review_subject *s,
    const struct review_form *f, const struct form_errors *errs)
{
	static const char *const shown[RISK_LEVELS] = { "STANDARD", "MEDIUM", "HIGH" };
	struct view_dict *d = page_dict(r);
	enum risk_level chosen = s->level;

	if (f->level != NULL && risk_level_parse(f->level, &chosen) == -1)
		chosen = s->level;
	if (d == NULL || view_set(d, "REFERENCE", s->reference) == -1 ||
	    view_set(d, "TYPE", s->type) == -1 ||
	    view_set(d, "LEVEL", level_word(s->level)) == -1 ||
	    view_set(d, "ASSESSED", s->assessed_text) == -1 ||
	    view_set(d, "DUE", s->due_text) == -1 ||
	    view_set_int(d, "VERSION", (long)f->version) == -1 ||
	    view_set(d, "NOTE", f->note != NULL ? f->note : "") == -1 ||
	    view_show(d, shown[chosen]) == -1 ||
	    view_show(d, *s->due_text != '\0' ? "HAS_DUE" : "NO_DUE") == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	page_render(r, status, "risk_review.tpl", form_title(r, errs, arena_printf(
	    r->arena, "Review the risk of incident %s", s->reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The incident under review: 0; or -1 after the error page (404 also when
 * there is no assessment to review: it needs assessing first). */
static int
review_load(struct req *r, struct risk_review_subject *s)
{
	switch (risk_review_get(r->pg, r->arena, &r->actor, req_param(r, "ref"), s)) {
	case RISK_OK:
		break;
	case RISK_NOT_FOUND:
		page_error(r, 404, NULL);
		return -1;
	default:
		page_error(r, 503, NULL);
		return -1;
	}
	if (!s->assessed) {
		page_error(r, 404, "This incident has no risk assessment to review yet. "
		    "Assess its risk first.");
		return -1;
	}
	return 0;
}

/* GET /staff/incidents/{ref}/risk/review */
void
risk_review_get_page(struct req *r)
{
	struct form_errors errs = {0};
	struct risk_review_subject s;
	struct review_form f = {0};

	if (review_load(r, &s) == -1)
		return;
	f.version = s.version;
	review_page(r, 200, &s, &f, &errs);
}

/* POST /staff/incidents/{ref}/risk/review: 303 to the reviews due; 400
 * with the form when the level or the note is missing; 409 (the note
 * kept) when someone changed the incident first. */
void
risk_review_post(struct req *r)
{
	struct form_errors errs = {0};
	struct risk_review_subject s;
	struct review_form f = {0};
	enum risk_level after = RISK_STANDARD;
	const char *ver = req_form(r, "version");
	int status = 400;

	if (ver == NULL || *ver == '\0')
		return page_error(r, 400, "The form is missing its version. Reload the page.");
	if (review_load(r, &s) == -1)
		return;
	f.version = strtoll(ver, NULL, 10);
	f.level = req_form(r, "level");
	if (f.level == NULL || risk_level_parse(f.level, &after) == -1) {
		f.level = NULL;
		form_error(&errs, "level", "Select the level of risk now");
	}
	if ((f.note = form_long_text(r, "note", RISK_REVIEW_NOTE_MAX, &errs, "note",
	    "Enter a note of the review", "Note must be 2,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		switch (risk_review_record(r->pg, r->arena, &r->actor, s.reference,
		    f.version, after, f.note)) {
		case RISK_OK:
			page_flash(r, after == s.level ? arena_printf(r->arena, "Review of "
			    "%s recorded: the level stays %s.", s.reference,
			    level_word(after)) : arena_printf(r->arena, "Review of %s "
			    "recorded: the level is now %s.", s.reference, level_word(after)));
			return resp_redirect(r, 303, "/staff/risk-reviews");
		case RISK_NOT_FOUND:
			return page_error(r, 404, NULL);
		case RISK_CONFLICT:
			status = 409;
			f.version = s.version;
			form_error(&errs, "note", "This incident was changed by someone else "
			    "since you opened this form. Check it, then save your review again");
			break;
		default:
			return page_error(r, 503, NULL);
		}
	}
	review_page(r, status, &s, &f, &errs);
}
