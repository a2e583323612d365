/* The step of the public form that asks the chosen type's own questions,
 * one a page. Their fields come from the database, not a table here: how
 * each kind of question is shown and read is in report_questions.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/asb_catalogue.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

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
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_QUESTIONS, n, ql, change), change, errs);

	if (dict == NULL || view_set(dict, "ACTION",
	    arena_printf(r->arena, "/report/questions/%zu", n)) == -1 ||
	    view_set_int(dict, "NUMBER", (long)n) == -1 ||
	    view_set_int(dict, "TOTAL", (long)ql->n) == -1 ||
	    question_dict(r->arena, dict, &ql->q[n - 1], v, errs) == -1) {
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
	if (questions_of(r, d, ql, 0) == -1) {
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
	if ((answers = draft_value(&d, DK_ANSWERS)) != NULL)
		json_object_object_get_ex(answers, ql.q[n - 1].key, &saved);
	question_value_from_saved(saved, &v);
	question_form(r, &d, 200, &ql, n, &v, &errs);
	question_value_free(&v);
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
	struct json_object *answers, *answer, *rec, *details;
	const struct asb_question *q;
	const char *display;
	struct qlist ql;
	size_t n;

	if ((n = question_enter(r, &d, &ql)) == 0)
		return;
	q = &ql.q[n - 1];
	if (question_read(r, q, &errs, &answer, &display, &details) == -1) {
		question_value_from_form(r, &v);
		question_form(r, &d, 400, &ql, n, &v, &errs);
		question_value_free(&v);
		goto out;
	}
	if ((answers = draft_object(&d, DK_ANSWERS)) == NULL)
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
		if (details != NULL)
			json_object_object_add(rec, "detail", json_object_get(details));
		json_object_object_add(answers, q->key, rec);
	}
	json_object_put(details);
	json_object_put(answer);
	draft_next(r, &d, step_after(r, &d, STEP_QUESTIONS, n, &ql, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
