/* The first steps of the public form: the start page, the type of
 * problem, and its sub-type when it has some. One radio each, whose
 * choices come from the catalogue in the database: no table of fields. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>


#include "auth/session.h"
#include "core/arena.h"
#include "domain/asb_catalogue.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

/* ------------------------------------------------------------------ */
/* 1. Start                                                            */

/* GET /report: what can be reported here, and the way in. */
void
report_start_get(struct req *r)
{
	struct view_dict *d = page_dict(r);
	int partner = report_partner_on(r);

	if (d != NULL && (view_show(d, partner ? "FOR_PARTNER" : "FOR_PUBLIC") == -1 ||
	    (partner && view_set(d, "AGENCY", r->session->agency_name) == -1))) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
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

/* A type's name as it reads inside a sentence: "Noise" → "noise". Names
 * that start with an acronym ("CCTV …") are left as they are. */
static const char *
lowered(struct req *r, const char *name)
{
	char *s;

	if (name[0] == '\0' || isupper((unsigned char)name[1]) ||
	    (s = arena_strdup(r->arena, name)) == NULL)
		return name;
	s[0] = (char)tolower((unsigned char)s[0]);
	return s;
}

/* The type page (parent "") or the sub-type page of parent. */
static void
type_form(struct req *r, struct report_draft *d, int status, const char *parent,
    const char *chosen, const struct form_errors *errs)
{
	struct asb_type_item *t;
	struct view_dict *dict, *cat, *item;
	const char *parent_name = "", *heading;
	size_t n, i, c, shown = 0;
	int change = changing(r), sub = *parent != '\0';
	char id[16];

	if (asb_types_list(r->pg, r->arena, &t, &n) == -1)
		return draft_unavailable(r);
	for (i = 0; i < n; i++)
		if (sub && strcmp(t[i].code, parent) == 0)
			parent_name = t[i].name;
	dict = step_dict(r, sub ? (change ? "/report/type?change=1" : "/report/type") :
	    step_before(r, d, STEP_TYPE, 0, NULL, change), change, errs);
	if (dict == NULL)
		return page_error(r, 500, NULL);
	/* The page's title and its heading are one string. */
	heading = sub ? arena_printf(r->arena, "What kind of %s is it?",
	    lowered(r, parent_name)) : "What do you want to report?";
	if (heading == NULL ||
	    view_set(dict, "ACTION", sub ? "/report/subtype" : "/report/type") == -1 ||
	    view_set(dict, "PAGE_HEADING", heading) == -1 ||
	    (sub && view_show(dict, "SUB") == -1) ||
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
	page_render(r, status, "report_type.tpl", form_title(r, errs, heading), dict);
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
	if (rc == DRAFT_NONE || draft_value(&d, DK_RESULT) != NULL) {
		draft_free(&d);
		if (draft_new(r, &d) == -1 || draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1) {
			draft_free(&d);
			return draft_unavailable(r);
		}
	}
	type_form(r, &d, 200, "", draft_get(&d, DK_TOP), &errs);
	draft_free(&d);
}

/* Forgets the custom answers when the type changes: they were another
 * type's questions. */
static int
type_choose(struct report_draft *d, const char *type)
{
	if (strcmp(draft_get(d, DK_TYPE), type) != 0) {
		draft_del(d, DK_ANSWERS);
	}
	return draft_set(d, DK_TYPE, type);
}

/* Whether choosing `code` would drop answers the draft holds, and the
 * person has not yet said to go on: the type's questions are another
 * type's, and their answers go with it. */
static int
drop_unconfirmed(struct req *r, struct report_draft *d, const char *was, const char *code)
{
	struct json_object *answers = draft_value(d, DK_ANSWERS);
	const char *confirm = req_form(r, "confirm");

	return answers != NULL && json_object_object_length(answers) > 0 &&
	    *was != '\0' && strcmp(was, code) != 0 &&
	    (confirm == NULL || strcmp(confirm, "yes") != 0);
}

/* "Are you sure?": the answers that would go, and the way back. */
static void
drop_confirm(struct req *r, struct report_draft *d, const char *action,
    const struct asb_type_item *to)
{
	struct json_object *answers = draft_value(d, DK_ANSWERS), *q;
	struct form_errors none = {0};
	struct view_dict *dict, *s;
	int change = changing(r);

	dict = step_dict(r, change ? "/report/check" : action, change, &none);
	if (dict == NULL || view_set(dict, "ACTION", action) == -1 ||
	    view_set(dict, "CODE", to->code) == -1 || view_set(dict, "TO", to->name) == -1 ||
	    view_set(dict, "CANCEL", change ? "/report/check" : action) == -1)
		goto oom;
	json_object_object_foreach(answers, key, rec) {
		(void)key;
		if (json_object_object_get_ex(rec, "question", &q) &&
		    ((s = view_section(dict, "DROPPED")) == NULL ||
		    view_set(s, "QUESTION", json_object_get_string(q)) == -1))
			goto oom;
	}
	page_render(r, 200, "report_type_confirm.tpl",
	    "Are you sure you want to change what you are reporting?", dict);
	return;
oom:
	view_dict_free(dict);
	page_error(r, 500, NULL);
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
	if (drop_unconfirmed(r, &d, draft_get(&d, DK_TOP), t->code)) {
		drop_confirm(r, &d, "/report/type", t);
		goto out;
	}
	was = strcmp(draft_get(&d, DK_TOP), t->code) == 0;
	if (draft_set(&d, DK_TOP, t->code) == -1 ||
	    draft_set(&d, DK_HAS_SUB, t->has_children ? "1" : "0") == -1 ||
	    (!t->has_children && type_choose(&d, t->code) == -1) ||
	    (t->has_children && !was && draft_set(&d, DK_TYPE, "") == -1))
		goto unavailable;
	if (questions_of(r, &d, &ql, 0) == -1)
		goto unavailable;
	/* Changing to the same type from the check page: nothing to re-ask. */
	draft_next(r, &d, change && was && *draft_get(&d, DK_TYPE) != '\0' ?
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
	if (draft_get(&d, DK_HAS_SUB)[0] != '1')
		resp_redirect(r, 303, "/report/type");
	else
		type_form(r, &d, 200, draft_get(&d, DK_TOP), draft_get(&d, DK_TYPE), &errs);
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
	if (draft_get(&d, DK_HAS_SUB)[0] != '1') {
		resp_redirect(r, 303, "/report/type");
		goto out;
	}
	t = type_find(r, req_form(r, "type"), draft_get(&d, DK_TOP), &failed);
	if (failed)
		goto unavailable;
	if (t == NULL) {
		form_error(&errs, "type", "Select the kind of problem");
		type_form(r, &d, 400, draft_get(&d, DK_TOP), "", &errs);
		goto out;
	}
	if (drop_unconfirmed(r, &d, draft_get(&d, DK_TYPE), t->code)) {
		drop_confirm(r, &d, "/report/subtype", t);
		goto out;
	}
	was = strcmp(draft_get(&d, DK_TYPE), t->code) == 0;
	if (type_choose(&d, t->code) == -1 || questions_of(r, &d, &ql, 0) == -1)
		goto unavailable;
	draft_next(r, &d, change && was ? "/report/check" :
	    step_after(r, &d, STEP_SUBTYPE, 0, &ql, change));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
