/* Administration of ASB types and their custom questions: list, add,
 * change, history. A type's code and a question's key are fixed once they
 * exist (Open311 clients, drafts in progress and answers already given
 * use them); changing a question makes a new version of it, and reports
 * already made keep the words they were asked in. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/admin_asb.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/admin_options.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The type form as typed: numbers as text, radios -1 when not chosen. */
struct type_form {
	struct asb_type_rec	 t;
	const char		*parent;	/* the select's value: "" for none */
	const char		*retention;
	const char		*order;
	int			 active;
	const char		*reason;
};

/* The question form as typed. */
struct question_form {
	struct question_rec	 q;
	const char		*options;	/* "value|label", one a line */
	const char		*weight;
	const char		*order;
	int			 required;
	int			 active;
	const char		*reason;
};

/* ---- Shared ---- */

/* A whole-number field from min to max into *out; records `missing` when
 * it is empty and `invalid` when it is not such a number. Returns the text
 * as typed (never NULL but when out of memory). */
static const char *
int_field(struct req *r, const char *name, long min, long max, int *out,
    struct form_errors *errs, const char *missing, const char *invalid)
{
	const char *s = form_text(r, name, 12, errs, name, missing, invalid);
	const char *d;
	char *end;
	long v;

	*out = 0;
	if (s == NULL || *s == '\0' || strlen(s) > 12)
		return s;
	d = *s == '-' ? s + 1 : s;
	v = strtol(s, &end, 10);
	if (*d < '0' || *d > '9' || *end != '\0' || v < min || v > max) {
		form_error(errs, name, invalid);
		return s;
	}
	*out = (int)v;
	return s;
}

/* Radios from a table of definitions (ids "<field>", "<field>-2" ...), the
 * one whose code is chosen checked. Returns 0 or -1. */
static int
def_radios(struct req *r, struct view_dict *d, const char *section,
    const char *field, const struct asb_def *defs, size_t n, const char *chosen)
{
	struct view_dict *o;
	size_t i;

	for (i = 0; i < n; i++)
		if ((o = view_section(d, section)) == NULL ||
		    view_set(o, "ID", i == 0 ? field : arena_printf(r->arena,
		    "%s-%zu", field, i + 1)) == -1 ||
		    view_set(o, "VALUE", defs[i].code) == -1 ||
		    view_set(o, "LABEL", defs[i].label) == -1 ||
		    (chosen != NULL && strcmp(chosen, defs[i].code) == 0 &&
		    view_show(o, "CHECKED") == -1))
			return -1;
	return 0;
}

/* The code of a definition chosen in a radio group, or "" (and `missing`
 * recorded) when none of them was. */
static const char *
def_chosen(struct req *r, const char *name, const struct asb_def *defs, size_t n,
    struct form_errors *errs, const char *missing)
{
	const char *v = req_form(r, name);
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		if (strcmp(v, defs[i].code) == 0)
			return defs[i].code;
	form_error(errs, name, missing);
	return "";
}

/* ---- Types ---- */

/* Whether the type with the id may be the parent of the type self (0 for
 * a new one): a top-level type other than itself. */
static int
parent_allowed(const struct asb_type_rec *list, size_t n, long long id, long long self)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].parent_id == 0 && id != self;
	return 0;
}

/* The parent select: every top-level type but the type itself. */
static int
parent_options(struct req *r, struct view_dict *d, const struct asb_type_rec *list,
    size_t n, const struct type_form *f)
{
	struct view_dict *sec, *o;
	size_t i;

	if ((sec = view_section(d, "CHOOSE_PARENT")) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (list[i].parent_id != 0 || list[i].id == f->t.id)
			continue;
		if ((o = view_section(sec, "PARENT_OPTION")) == NULL ||
		    view_set_int(o, "ID", list[i].id) == -1 ||
		    view_set(o, "NAME", list[i].active ? list[i].name :
		    arena_printf(r->arena, "%s (inactive)", list[i].name)) == -1 ||
		    (strcmp(f->parent, arena_printf(r->arena, "%lld", list[i].id)) == 0 &&
		    view_show(o, "SELECTED") == -1))
			return -1;
	}
	return 0;
}

/* The questions table of a type's page. */
static int
questions_dict(struct req *r, struct view_dict *d, long long type_id)
{
	struct question_rec *qs;
	struct view_dict *sec, *row;
	size_t i, n;

	if (type_question_list(r->pg, r->arena, &r->actor, type_id, &qs, &n) == -1 ||
	    (sec = view_section(d, "QUESTIONS")) == NULL ||
	    view_set_int(sec, "TYPE_ID", type_id) == -1)
		return -1;
	if (n == 0)
		return view_show(sec, "NO_QUESTIONS");
	if ((sec = view_section(sec, "QUESTION_TABLE")) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if ((row = view_section(sec, "QUESTION")) == NULL ||
		    view_set_int(row, "ID", qs[i].id) == -1 ||
		    view_set_int(row, "ORDER", qs[i].sort_order) == -1 ||
		    view_set(row, "LABEL", qs[i].label) == -1 ||
		    view_set(row, "KEY", qs[i].key) == -1 ||
		    view_set(row, "KIND", asb_kind_label(qs[i].kind)) == -1 ||
		    view_set(row, "REQUIRED", qs[i].required ? "Yes" : "No") == -1 ||
		    view_set_int(row, "WEIGHT", qs[i].triage_weight) == -1 ||
		    view_set(row, "VERSION", qs[i].version) == -1 ||
		    view_show(row, qs[i].active ? "ACTIVE" : "INACTIVE") == -1)
			return -1;
	return 0;
}

/* Renders the add or change form of a type with what was typed and any
 * problems; cur is the type as stored when changing one. */
static void
type_form_page(struct req *r, int status, const struct type_form *f,
    const struct asb_type_rec *cur, const struct form_errors *errs)
{
	struct asb_type_rec *list;
	struct view_dict *d = NULL, *o;
	const char *title = cur != NULL ? "Change an ASB type" : "Add an ASB type";
	size_t n;

	if (asb_type_list(r->pg, r->arena, &r->actor, &list, &n) == -1 ||
	    (d = page_dict(r)) == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BUTTON", cur != NULL ? "Save changes" : "Add type") == -1 ||
	    view_set(d, "ACTION", cur != NULL ? arena_printf(r->arena,
	    "/admin/types/%lld", cur->id) : "/admin/types") == -1 ||
	    view_set(d, "NAME", f->t.name) == -1 ||
	    view_set(d, "HINT", f->t.hint) == -1 ||
	    view_set(d, "RETENTION", f->retention) == -1 ||
	    view_set(d, "ORDER", f->order) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    def_radios(r, d, "CATEGORY_OPTION", "category", asb_categories,
	    ASB_CATEGORIES_N, f->t.category) == -1 ||
	    admin_yes_no_dict(d, "ACTIVE", f->active) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (cur == NULL) {
		if ((o = view_section(d, "NEW")) == NULL ||
		    view_set(o, "CODE", f->t.code) == -1)
			goto fail;
	} else if ((o = view_section(d, "EDITING")) == NULL ||
	    view_set_int(o, "ID", cur->id) == -1 ||
	    view_set(o, "CODE", cur->code) == -1 ||
	    view_set(o, "VERSION", f->t.version) == -1 ||
	    questions_dict(r, d, cur->id) == -1)
		goto fail;
	if (cur != NULL && cur->nchildren > 0) {
		if ((o = view_section(d, "HAS_CHILDREN")) == NULL ||
		    view_set_int(o, "N", cur->nchildren) == -1)
			goto fail;
	} else if (parent_options(r, d, list, n, f) == -1)
		goto fail;
	return page_render(r, status, "admin_type_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_type_form.tpl", title, NULL);
}

/* Reads and checks the type form; cur is the type as stored when changing
 * one (its code is not on the form). Returns 0, or -1 when out of memory
 * or the database failed (the parent is checked against the types). */
static int
type_form_read(struct req *r, struct type_form *f, const struct asb_type_rec *cur,
    struct form_errors *errs)
{
	struct asb_type_rec *list;
	size_t n;

	if (cur == NULL) {
		f->t.code = form_text(r, "code", ASB_TYPE_CODE_MAX, errs, "code",
		    "Enter a code", "Code must be 48 characters or fewer");
		if (f->t.code != NULL && *f->t.code != '\0' &&
		    strlen(f->t.code) <= ASB_TYPE_CODE_MAX &&
		    !asb_type_code_valid(f->t.code))
			form_error(errs, "code", "Code must be 2 to 48 lower-case "
			    "letters, digits and hyphens, like noise-alarms");
	} else
		f->t.code = cur->code;
	f->t.name = form_text(r, "name", ASB_TYPE_NAME_MAX, errs, "name",
	    "Enter the type's name", "Name must be 200 characters or fewer");
	f->t.category = def_chosen(r, "category", asb_categories, ASB_CATEGORIES_N,
	    errs, "Select the category");
	f->parent = form_text(r, "parent", 24, errs, "parent", NULL,
	    "Select a parent type from the list, or none");
	if (f->parent == NULL)
		return -1;
	f->t.parent_id = 0;
	if (*f->parent != '\0') {
		if (cur != NULL && cur->nchildren > 0)
			form_error(errs, "parent", "This type has sub-types, so it "
			    "cannot be a sub-type itself");
		else if (admin_id_value(f->parent, &f->t.parent_id) == -1)
			form_error(errs, "parent", "Select a top-level type as the "
			    "parent, or none");
		else if (asb_type_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
			return -1;
		else if (!parent_allowed(list, n, f->t.parent_id, cur != NULL ? cur->id : 0))
			form_error(errs, "parent", "Select a top-level type as the "
			    "parent, or none");
	}
	f->t.hint = form_text(r, "hint", ASB_HINT_MAX, errs, "hint", NULL,
	    "Hint must be 1000 characters or fewer");
	f->retention = int_field(r, "retention-days", 1, ASB_RETENTION_MAX,
	    &f->t.retention_days, errs, "Enter how many days evidence is kept",
	    "Days evidence is kept must be a whole number from 1 to 36500");
	f->order = int_field(r, "sort-order", 0, ASB_SORT_MAX, &f->t.sort_order,
	    errs, "Enter the order", "Order must be a whole number from 0 to 100000");
	f->active = admin_yes_no(r, "active", errs, "active",
	    "Select yes if the type is offered to people reporting");
	f->t.active = f->active == 1;
	f->reason = admin_reason(r, "reason", 0, errs);
	f->t.version = admin_version(r);
	return f->t.code && f->t.name && f->t.hint && f->retention && f->order &&
	    f->reason ? 0 : -1;
}

/* GET /admin/types */
void
asb_type_list_get(struct req *r)
{
	struct asb_type_rec *list;
	struct view_dict *d, *row;
	size_t i, n;
	int bad = 0;

	if (asb_type_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_render(r, 500, "admin_types.tpl", "ASB types", NULL);
	for (i = 0; i < n && !bad; i++) {
		const struct asb_type_rec *t = &list[i];

		bad = (row = view_section(d, "TYPE")) == NULL ||
		    view_set_int(row, "ID", t->id) == -1 ||
		    view_set(row, "NAME", t->name) == -1 ||
		    view_set(row, "CODE", t->code) == -1 ||
		    view_set(row, "CATEGORY", asb_category_label(t->category)) == -1 ||
		    view_set(row, "PARENT", t->parent_id != 0 ? t->parent_name : "None") == -1 ||
		    view_set(row, "QUESTIONS", t->nactive == t->nquestions ?
		    arena_printf(r->arena, "%d", t->nquestions) :
		    arena_printf(r->arena, "%d (%d inactive)", t->nquestions,
		    t->nquestions - t->nactive)) == -1 ||
		    (t->parent_id != 0 && view_show(row, "SUBTYPE") == -1) ||
		    view_show(row, t->active ? "ACTIVE" : "INACTIVE") == -1;
	}
	if (bad) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, bad ? 500 : 200, "admin_types.tpl", "ASB types", d);
}

/* GET /admin/types/new */
void
asb_type_new_get(struct req *r)
{
	struct type_form f = { .t = { .code = "", .name = "", .category = "",
	    .hint = "" }, .parent = "", .retention = "730", .order = "",
	    .active = 1, .reason = "" };
	struct form_errors errs = {0};
	struct asb_type_rec *list;
	size_t i, n;
	int max = 0;

	/* A new type goes last unless the administrator says otherwise. */
	if (asb_type_list(r->pg, r->arena, &r->actor, &list, &n) == -1)
		return page_error(r, 500, NULL);
	for (i = 0; i < n; i++)
		if (list[i].parent_id == 0 && list[i].sort_order > max)
			max = list[i].sort_order;
	f.order = arena_printf(r->arena, "%d", max + 10 > ASB_SORT_MAX ?
	    ASB_SORT_MAX : max + 10);
	type_form_page(r, 200, &f, NULL, &errs);
}

/* POST /admin/types: 303 to the list; 400 with the form. */
void
asb_type_create_post(struct req *r)
{
	struct type_form f = {0};
	struct form_errors errs = {0};
	long long id;

	if (type_form_read(r, &f, NULL, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return type_form_page(r, 400, &f, NULL, &errs);
	switch (asb_type_create(r->pg, &r->actor, &f.t, f.reason, &id)) {
	case ADMIN_OK:
		return admin_done(r, arena_printf(r->arena, "%s has been added.",
		    f.t.name), "/admin/types");
	case ADMIN_DUPLICATE:
		form_error(&errs, "code", "Another type has this code: enter a "
		    "different code");
		return type_form_page(r, 400, &f, NULL, &errs);
	case ADMIN_STALE:
		form_error(&errs, "parent", "Select a top-level type as the parent, "
		    "or none");
		return type_form_page(r, 400, &f, NULL, &errs);
	default:
		return page_error(r, 500, NULL);
	}
}

/* GET /admin/types/{id}: the type's form and its questions. */
void
asb_type_edit_get(struct req *r)
{
	struct type_form f = { .reason = "" };
	struct form_errors errs = {0};
	struct asb_type_rec cur;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, asb_type_get(r->pg, r->arena, &r->actor, id, &cur)))
		return;
	f.t = cur;
	f.parent = cur.parent_id != 0 ? arena_printf(r->arena, "%lld", cur.parent_id) : "";
	f.retention = arena_printf(r->arena, "%d", cur.retention_days);
	f.order = arena_printf(r->arena, "%d", cur.sort_order);
	f.active = cur.active;
	if (f.parent == NULL || f.retention == NULL || f.order == NULL)
		return page_error(r, 500, NULL);
	type_form_page(r, 200, &f, &cur, &errs);
}

/* POST /admin/types/{id}: 303 to the list; 400 with the form; 409 when
 * someone else changed the type since the form was loaded. */
void
asb_type_update_post(struct req *r)
{
	struct type_form f = {0};
	struct form_errors errs = {0};
	struct asb_type_rec cur;
	enum admin_rc rc;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, asb_type_get(r->pg, r->arena, &r->actor, id, &cur)))
		return;
	if (type_form_read(r, &f, &cur, &errs) == -1)
		return page_error(r, 500, NULL);
	f.t.id = id;
	if (errs.n > 0)
		return type_form_page(r, 400, &f, &cur, &errs);
	rc = asb_type_update(r->pg, r->arena, &r->actor, &f.t, f.reason);
	if (!admin_updated(r, rc, "type", f.t.name, arena_printf(r->arena,
	    "%s has been changed.", f.t.name), NULL, "/admin/types"))
		page_error(r, 500, NULL);
}

/* GET /admin/types/{id}/history */
void
asb_type_history_get(struct req *r)
{
	struct asb_type_rec t;
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, asb_type_get(r->pg, r->arena, &r->actor, id, &t)))
		return;
	admin_history(r, arena_printf(r->arena, "History of %s", t.name),
	    "/admin/types", "asb_type", id);
}

/* ---- Questions ---- */

/* Checks the notice: both parts or neither, and an answer the question
 * can be given. */
static void
notice_check(const struct question_rec *q, struct form_errors *errs)
{
	size_t i;

	if (*q->notice_answer == '\0') {
		if (*q->notice_text != '\0')
			form_error(errs, "notice-answer", "Enter the answer that shows "
			    "the notice, or clear the notice");
		return;
	}
	if (*q->kind == '\0')
		return;
	if (strcmp(q->kind, "yes_no") == 0) {
		if (strcmp(q->notice_answer, "yes") != 0 &&
		    strcmp(q->notice_answer, "no") != 0)
			form_error(errs, "notice-answer", "The answer that shows the "
			    "notice must be yes or no");
	} else if (asb_kind_is_choice(q->kind)) {
		for (i = 0; i < q->noptions; i++)
			if (strcmp(q->options[i].value, q->notice_answer) == 0)
				break;
		if (i == q->noptions && q->noptions > 0)
			form_error(errs, "notice-answer", "The answer that shows the "
			    "notice must be the value of one of the options");
	} else
		form_error(errs, "notice-answer", "Only yes or no and choice "
		    "questions can show a notice: clear the answer and the notice");
	if (*q->notice_text == '\0')
		form_error(errs, "notice-text", "Enter the notice to show, like If "
		    "you are in danger now, call 999");
}

/* Reads and checks the question form; cur is the question as stored when
 * changing one (its key and type are not on the form). Returns 0, or -1
 * when out of memory. */
static int
question_form_read(struct req *r, struct question_form *f,
    const struct question_rec *cur, struct form_errors *errs)
{
	if (cur == NULL) {
		f->q.key = form_text(r, "key", ASB_QUESTION_KEY_MAX, errs, "key",
		    "Enter a key", "Key must be 48 characters or fewer");
		if (f->q.key != NULL && *f->q.key != '\0' &&
		    strlen(f->q.key) <= ASB_QUESTION_KEY_MAX &&
		    !asb_question_key_valid(f->q.key))
			form_error(errs, "key", "Key must be 1 to 48 lower-case "
			    "letters, digits and underscores, like noise_source");
	} else
		f->q.key = cur->key;
	f->q.label = form_text(r, "label", ASB_QUESTION_LABEL_MAX, errs, "label",
	    "Enter the question", "Question must be 500 characters or fewer");
	f->q.hint = form_text(r, "hint", ASB_HINT_MAX, errs, "hint", NULL,
	    "Hint must be 1000 characters or fewer");
	f->q.kind = def_chosen(r, "kind", asb_kinds, ASB_KINDS_N, errs,
	    "Select the kind of answer");
	f->options = form_text(r, "options", 20000, errs, "options", NULL,
	    "Enter 30 options or fewer");
	if (f->options == NULL || f->q.hint == NULL)
		return -1;
	if (strlen(f->options) <= 20000 && admin_options_parse(r, f->options, &f->q, errs) == -1)
		return -1;
	f->required = admin_yes_no(r, "required", errs, "required",
	    "Select yes if the question must be answered");
	f->q.required = f->required == 1;
	f->weight = int_field(r, "triage-weight", 0, ASB_WEIGHT_MAX,
	    &f->q.triage_weight, errs, "Enter a triage weight, 0 if answers do "
	    "not add to the risk score", "Triage weight must be a whole number "
	    "from 0 to 100");
	f->q.notice_answer = form_text(r, "notice-answer", ASB_QUESTION_KEY_MAX, errs,
	    "notice-answer", NULL, "The answer that shows the notice must be 48 "
	    "characters or fewer");
	f->q.notice_text = form_text(r, "notice-text", ASB_NOTICE_MAX, errs,
	    "notice-text", NULL, "Notice must be 500 characters or fewer");
	if (f->q.notice_answer == NULL || f->q.notice_text == NULL)
		return -1;
	notice_check(&f->q, errs);
	f->order = int_field(r, "sort-order", 0, ASB_SORT_MAX, &f->q.sort_order,
	    errs, "Enter the order", "Order must be a whole number from 0 to 100000");
	f->active = admin_yes_no(r, "active", errs, "active",
	    "Select yes if the question is asked");
	f->q.active = f->active == 1;
	f->reason = admin_reason(r, "reason", 0, errs);
	f->q.version = admin_version(r);
	return f->q.key && f->q.label && f->weight && f->order && f->reason ? 0 : -1;
}

/* Renders the add or change form of a question of the type t with what
 * was typed and any problems; cur is the question as stored when changing
 * one. */
static void
question_form_page(struct req *r, int status, const struct question_form *f,
    const struct asb_type_rec *t, const struct question_rec *cur,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *o;
	const char *title = cur != NULL ? "Change a question" : "Add a question";

	if (d == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BUTTON", cur != NULL ? "Save changes" : "Add question") == -1 ||
	    view_set(d, "ACTION", cur != NULL ? arena_printf(r->arena,
	    "/admin/questions/%lld", cur->id) : arena_printf(r->arena,
	    "/admin/types/%lld/questions", t->id)) == -1 ||
	    view_set_int(d, "TYPE_ID", t->id) == -1 ||
	    view_set(d, "TYPE_NAME", t->name) == -1 ||
	    view_set(d, "LABEL", f->q.label) == -1 ||
	    view_set(d, "HINT", f->q.hint) == -1 ||
	    view_set(d, "OPTIONS", f->options) == -1 ||
	    view_set(d, "WEIGHT", f->weight) == -1 ||
	    view_set(d, "NOTICE_ANSWER", f->q.notice_answer) == -1 ||
	    view_set(d, "NOTICE_TEXT", f->q.notice_text) == -1 ||
	    view_set(d, "ORDER", f->order) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    def_radios(r, d, "KIND_OPTION", "kind", asb_kinds, ASB_KINDS_N,
	    f->q.kind) == -1 ||
	    admin_yes_no_dict(d, "REQUIRED", f->required) == -1 ||
	    admin_yes_no_dict(d, "ACTIVE", f->active) == -1 ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	if (cur == NULL) {
		if ((o = view_section(d, "NEW")) == NULL ||
		    view_set(o, "KEY", f->q.key) == -1)
			goto fail;
	} else if ((o = view_section(d, "EDITING")) == NULL ||
	    view_set_int(o, "ID", cur->id) == -1 ||
	    view_set(o, "KEY", cur->key) == -1 ||
	    view_set(o, "CURRENT_VERSION", cur->version) == -1 ||
	    view_set(o, "VERSION", f->q.version) == -1)
		goto fail;
	return page_render(r, status, "admin_question_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_question_form.tpl", title, NULL);
}

/* GET /admin/types/{id}/questions/new */
void
question_new_get(struct req *r)
{
	struct question_form f = { .q = { .key = "", .label = "", .hint = "",
	    .kind = "", .notice_answer = "", .notice_text = "" }, .options = "",
	    .weight = "0", .required = -1, .active = 1, .reason = "" };
	struct form_errors errs = {0};
	struct question_rec *qs;
	struct asb_type_rec t;
	long long id;
	size_t i, n;
	int max = 0;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, asb_type_get(r->pg, r->arena, &r->actor, id, &t)))
		return;
	/* A new question is asked last unless the administrator says otherwise. */
	if (type_question_list(r->pg, r->arena, &r->actor, id, &qs, &n) == -1)
		return page_error(r, 500, NULL);
	for (i = 0; i < n; i++)
		if (qs[i].sort_order > max)
			max = qs[i].sort_order;
	f.order = arena_printf(r->arena, "%d", max + 10 > ASB_SORT_MAX ?
	    ASB_SORT_MAX : max + 10);
	question_form_page(r, 200, &f, &t, NULL, &errs);
}

/* POST /admin/types/{id}/questions: 303 to the type; 400 with the form. */
void
question_create_post(struct req *r)
{
	struct question_form f = {0};
	struct form_errors errs = {0};
	struct asb_type_rec t;
	long long id, qid;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, asb_type_get(r->pg, r->arena, &r->actor, id, &t)))
		return;
	if (question_form_read(r, &f, NULL, &errs) == -1)
		return page_error(r, 500, NULL);
	f.q.type_id = id;
	if (errs.n > 0)
		return question_form_page(r, 400, &f, &t, NULL, &errs);
	switch (type_question_create(r->pg, r->arena, &r->actor, &f.q, f.reason, &qid)) {
	case ADMIN_OK:
		return admin_done(r, arena_printf(r->arena, "The question %s has been "
		    "added to %s.", f.q.key, t.name), arena_printf(r->arena,
		    "/admin/types/%lld", id));
	case ADMIN_DUPLICATE:
		form_error(&errs, "key", "This type already has a question with this "
		    "key: enter a different key");
		return question_form_page(r, 400, &f, &t, NULL, &errs);
	case ADMIN_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 500, NULL);
	}
}

/* The question with the route's {id} and its type into q and t. Returns 0,
 * or -1 after answering 404 or 500. */
static int
question_and_type(struct req *r, struct question_rec *q, struct asb_type_rec *t)
{
	long long id;

	if (admin_id_param(r, &id) == -1 ||
	    !admin_found(r, type_question_get(r->pg, r->arena, &r->actor, id, q)) ||
	    !admin_found(r, asb_type_get(r->pg, r->arena, &r->actor, q->type_id, t)))
		return -1;
	return 0;
}

/* GET /admin/questions/{id} */
void
question_edit_get(struct req *r)
{
	struct question_form f = { .reason = "" };
	struct form_errors errs = {0};
	struct question_rec cur;
	struct asb_type_rec t;

	if (question_and_type(r, &cur, &t) == -1)
		return;
	f.q = cur;
	f.options = admin_options_text(r, &cur);
	f.weight = arena_printf(r->arena, "%d", cur.triage_weight);
	f.order = arena_printf(r->arena, "%d", cur.sort_order);
	f.required = cur.required;
	f.active = cur.active;
	if (f.options == NULL || f.weight == NULL || f.order == NULL)
		return page_error(r, 500, NULL);
	question_form_page(r, 200, &f, &t, &cur, &errs);
}

/* POST /admin/questions/{id}: 303 to its type; 400 with the form; 409
 * when someone else changed the question since the form was loaded. */
void
question_update_post(struct req *r)
{
	struct question_form f = {0};
	struct form_errors errs = {0};
	struct question_rec cur;
	struct asb_type_rec t;
	enum admin_rc rc;

	if (question_and_type(r, &cur, &t) == -1)
		return;
	if (question_form_read(r, &f, &cur, &errs) == -1)
		return page_error(r, 500, NULL);
	f.q.id = cur.id;
	f.q.type_id = cur.type_id;
	if (errs.n > 0)
		return question_form_page(r, 400, &f, &t, &cur, &errs);
	rc = type_question_update(r->pg, r->arena, &r->actor, &f.q, f.reason);
	if (!admin_updated(r, rc, "question", arena_printf(r->arena,
	    "the question %s", cur.key), arena_printf(r->arena, "The question %s "
	    "has been changed. Answers already given keep the words they were "
	    "asked in.", cur.key), NULL, arena_printf(r->arena,
	    "/admin/types/%lld", t.id)))
		page_error(r, 500, NULL);
}

/* GET /admin/questions/{id}/history */
void
question_history_get(struct req *r)
{
	struct question_rec q;
	struct asb_type_rec t;

	if (question_and_type(r, &q, &t) == -1)
		return;
	admin_history(r, arena_printf(r->arena, "History of the question %s (%s)",
	    q.key, t.name), "/admin/questions", "question", q.id);
}
