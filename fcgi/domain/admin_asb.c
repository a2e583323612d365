/* ASB types and their custom questions: listing, creating and changing
 * them, each change audited with the fields it changed. Editing a question
 * bumps its version; the reports already made keep the wording they were
 * given (report.answers holds it), so nothing here touches a report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin_asb.h"
#include "domain/tx.h"
#include "store/pg.h"

const struct asb_def asb_categories[ASB_CATEGORIES_N] = {
	{ "personal", "Personal" },
	{ "nuisance", "Nuisance" },
	{ "environmental", "Environmental" },
};

const struct asb_def asb_kinds[ASB_KINDS_N] = {
	{ "short_text", "Short text" },
	{ "long_text", "Long text" },
	{ "yes_no", "Yes or no" },
	{ "single_choice", "Single choice" },
	{ "multiple_choice", "Multiple choice" },
	{ "date", "Date" },
	{ "time", "Time" },
	{ "number", "Number" },
};

#define TYPE_COLS \
	"SELECT t.id, t.code, t.name, t.category::text, coalesce(t.parent_id, 0), " \
	"coalesce(p.code, ''), coalesce(p.name, ''), coalesce(t.hint, ''), " \
	"t.retention_days, t.sort_order, t.active, " \
	"(SELECT count(*) FROM asb_type c WHERE c.parent_id = t.id), " \
	"(SELECT count(*) FROM question q WHERE q.asb_type_id = t.id), " \
	"(SELECT count(*) FROM question q WHERE q.asb_type_id = t.id AND q.active), " \
	"md5(row(t.code, t.name, t.category, t.parent_id, t.hint, t.retention_days, " \
	"t.sort_order, t.active)::text) " \
	"FROM asb_type t LEFT JOIN asb_type p ON p.id = t.parent_id "

#define QUESTION_COLS \
	"SELECT q.id, q.asb_type_id, t.code, t.name, q.key, q.label, " \
	"coalesce(q.hint, ''), q.kind::text, q.options::text, q.required, " \
	"q.triage_weight, coalesce(q.notice->>'answer', ''), " \
	"coalesce(q.notice->>'text', ''), q.sort_order, q.active, q.version " \
	"FROM question q JOIN asb_type t ON t.id = q.asb_type_id "

static const struct pg_stmt stmts[] = {
	/* Each top-level type followed by its sub-types, as the public form
	 * offers them. */
	{ "asb_type_list", TYPE_COLS
	  "ORDER BY coalesce(p.sort_order, t.sort_order), coalesce(p.name, t.name), "
	  "coalesce(p.id, t.id), t.parent_id IS NOT NULL, t.sort_order, t.name, t.id" },
	{ "asb_type_get", TYPE_COLS "WHERE t.id = $1::bigint" },
	{ "asb_type_get_lock", TYPE_COLS "WHERE t.id = $1::bigint FOR UPDATE OF t" },
	/* A parent must be a top-level type other than the type itself; the
	 * lock keeps it one until the change commits. */
	{ "asb_type_parent",
	  "SELECT code FROM asb_type WHERE id = $1::bigint AND parent_id IS NULL "
	  "AND id <> $2::bigint FOR UPDATE" },
	{ "asb_type_insert",
	  "INSERT INTO asb_type (code, name, category, parent_id, hint, "
	  "retention_days, sort_order, active) VALUES ($1, $2, $3::asb_category, "
	  "$4::bigint, nullif($5, ''), $6::integer, $7::integer, $8::boolean) "
	  "ON CONFLICT (code) DO NOTHING RETURNING id" },
	{ "asb_type_update",
	  "UPDATE asb_type SET name = $2, category = $3::asb_category, "
	  "parent_id = $4::bigint, hint = nullif($5, ''), retention_days = $6::integer, "
	  "sort_order = $7::integer, active = $8::boolean WHERE id = $1::bigint" },

	{ "type_question_list", QUESTION_COLS
	  "WHERE q.asb_type_id = $1::bigint ORDER BY q.sort_order, q.id" },
	{ "type_question_get", QUESTION_COLS "WHERE q.id = $1::bigint" },
	{ "type_question_get_lock", QUESTION_COLS "WHERE q.id = $1::bigint FOR UPDATE OF q" },
	{ "type_question_type", "SELECT code FROM asb_type WHERE id = $1::bigint FOR SHARE" },
	{ "type_question_insert",
	  "INSERT INTO question (asb_type_id, key, label, hint, kind, options, "
	  "required, triage_weight, notice, sort_order, active) VALUES ($1::bigint, "
	  "$2, $3, nullif($4, ''), $5::question_kind, $6::jsonb, $7::boolean, "
	  "$8::integer, $9::jsonb, $10::integer, $11::boolean) "
	  "ON CONFLICT (asb_type_id, key) DO NOTHING RETURNING id" },
	/* Every edit is a new version of the question: answers name the
	 * version they were given to. */
	{ "type_question_update",
	  "UPDATE question SET label = $2, hint = nullif($3, ''), "
	  "kind = $4::question_kind, options = $5::jsonb, required = $6::boolean, "
	  "triage_weight = $7::integer, notice = $8::jsonb, sort_order = $9::integer, "
	  "active = $10::boolean, version = version + 1 WHERE id = $1::bigint" },
};

const struct pg_stmts admin_asb_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* ---- Categories, kinds, codes ---- */

static const char *
def_label(const struct asb_def *defs, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(defs[i].code, code) == 0)
			return defs[i].label;
	return code;
}

/* The label of a category, or the code itself when unknown. */
const char *
asb_category_label(const char *code)
{
	return def_label(asb_categories, ASB_CATEGORIES_N, code);
}

/* The label of a question kind, or the code itself when unknown. */
const char *
asb_kind_label(const char *code)
{
	return def_label(asb_kinds, ASB_KINDS_N, code);
}

/* Whether answers of the kind are chosen from the question's options. */
int
asb_kind_is_choice(const char *kind)
{
	return strcmp(kind, "single_choice") == 0 || strcmp(kind, "multiple_choice") == 0;
}

/* Whether s can be a type's code (asb_type.code's CHECK). */
int
asb_type_code_valid(const char *s)
{
	return admin_word_valid(s, 2, ASB_TYPE_CODE_MAX, '-');
}

/* Whether s can be a question's key, or a choice's value (question.key's
 * CHECK: answers are filed under both). */
int
asb_question_key_valid(const char *s)
{
	return admin_word_valid(s, 1, ASB_QUESTION_KEY_MAX, '_');
}

/* ---- Types ---- */

/* Reads row i of a TYPE_COLS result into a struct asb_type_rec (an
 * admin_read_fn). Returns 0 or -1 (out of memory). */
static int
type_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct asb_type_rec *t = out;

	t->id = admin_col_id(res, i, 0);
	t->code = admin_col(ar, res, i, 1);
	t->name = admin_col(ar, res, i, 2);
	t->category = admin_col(ar, res, i, 3);
	t->parent_id = admin_col_id(res, i, 4);
	t->parent_code = admin_col(ar, res, i, 5);
	t->parent_name = admin_col(ar, res, i, 6);
	t->hint = admin_col(ar, res, i, 7);
	t->retention_days = atoi(PQgetvalue(res, i, 8));
	t->sort_order = atoi(PQgetvalue(res, i, 9));
	t->active = admin_col_bool(res, i, 10);
	t->nchildren = atoi(PQgetvalue(res, i, 11));
	t->nquestions = atoi(PQgetvalue(res, i, 12));
	t->nactive = atoi(PQgetvalue(res, i, 13));
	t->version = admin_col(ar, res, i, 14);
	return t->code && t->name && t->category && t->parent_code &&
	    t->parent_name && t->hint && t->version ? 0 : -1;
}

/* What the audit trail records of a type (its parent by code). */
static struct json_object *
type_json(const struct asb_type_rec *t, const char *code, const char *parent_code)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "code", json_object_new_string(code));
	json_object_object_add(o, "name", json_object_new_string(t->name));
	json_object_object_add(o, "category", json_object_new_string(t->category));
	json_object_object_add(o, "parent", *parent_code != '\0' ?
	    json_object_new_string(parent_code) : NULL);
	json_object_object_add(o, "hint", json_object_new_string(t->hint));
	json_object_object_add(o, "retention_days", json_object_new_int(t->retention_days));
	json_object_object_add(o, "sort_order", json_object_new_int(t->sort_order));
	json_object_object_add(o, "active", json_object_new_boolean(t->active));
	return o;
}

/* Every type, each top-level one followed by its sub-types. Returns 0 or -1. */
int
asb_type_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct asb_type_rec **out, size_t *n)
{
	void *recs;
	int rc;

	rc = admin_rows(pg, ar, a, "asb_type_list", 0, NULL, sizeof(**out),
	    type_read, &recs, n);
	*out = recs;
	return rc;
}

/* One type. Returns 1, 0 when there is none with that id, or -1. */
int
asb_type_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct asb_type_rec *t)
{
	return admin_row(pg, ar, a, "asb_type_get", id, sizeof(*t), type_read, t);
}

/* The code of the type with the id (as text) when it may be the parent of
 * the type self (as text; "0" for a new one), locked; into code. Returns
 * ADMIN_OK, ADMIN_STALE when it may not (it gained a parent, or went,
 * since the form was made), or ADMIN_ERROR. */
static enum admin_rc
type_parent(struct pg *pg, const char *pid, const char *self, char code[64])
{
	const char *p[2] = { pid, self };
	PGresult *res;
	int rows;

	if ((res = pg_exec(pg, "asb_type_parent", 2, p)) == NULL)
		return ADMIN_ERROR;
	if ((rows = PQntuples(res)) == 1)
		snprintf(code, 64, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return rows == 1 ? ADMIN_OK : ADMIN_STALE;
}

/* The statement parameters of a type: id (as text, or NULL for a new one),
 * then name, category, parent, hint, retention, order, active. Numbers
 * are written into the caller's buffers. */
static void
type_params(const struct asb_type_rec *t, const char *first, char pid[24],
    char days[16], char order[16], const char *p[8])
{
	admin_id_text(t->parent_id, pid);
	snprintf(days, 16, "%d", t->retention_days);
	snprintf(order, 16, "%d", t->sort_order);
	p[0] = first;
	p[1] = t->name;
	p[2] = t->category;
	p[3] = t->parent_id != 0 ? pid : NULL;
	p[4] = t->hint;
	p[5] = days;
	p[6] = order;
	p[7] = t->active ? "true" : "false";
}

/* A new type and its audit row ("create"). *id is its id on ADMIN_OK;
 * ADMIN_DUPLICATE when its code is taken, ADMIN_STALE when its parent may
 * no longer be one. */
enum admin_rc
asb_type_create(struct pg *pg, const struct actor *a, const struct asb_type_rec *t,
    const char *reason, long long *id)
{
	char pid[24], days[16], order[16], parent_code[64] = "";
	const char *p[8];
	enum admin_rc rc;

	/* $1 is the code here: a new type has no id yet. */
	type_params(t, t->code, pid, days, order, p);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if (t->parent_id != 0 &&
	    (rc = type_parent(pg, pid, "0", parent_code)) != ADMIN_OK)
		goto out;
	if ((rc = admin_insert(pg, "asb_type_insert", 8, p, id)) != ADMIN_OK)
		goto out;
	rc = admin_created(pg, a, "asb_type", *id, type_json(t, t->code, parent_code),
	    reason);
out:
	return admin_tx_end(pg, rc);
}

/* Changes a type (not its code, which Open311 clients and reports in
 * progress know it by) that still has the version the form was made
 * from. ADMIN_UNCHANGED writes nothing; ADMIN_STALE when it changed
 * meanwhile, or the parent may not be one (a type with sub-types takes no
 * parent). */
enum admin_rc
asb_type_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct asb_type_rec *t, const char *reason)
{
	char sid[24], pid[24], days[16], order[16], parent_code[64] = "";
	const char *p[8];
	struct asb_type_rec old;
	enum admin_rc rc;

	admin_id_text(t->id, sid);
	type_params(t, sid, pid, days, order, p);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_lock(pg, ar, "asb_type_get_lock", sid, type_read, &old)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(old.version, t->version) != 0 ||
	    (t->parent_id != 0 && old.nchildren > 0))
		goto out;
	if (t->parent_id != 0 &&
	    (rc = type_parent(pg, pid, sid, parent_code)) != ADMIN_OK)
		goto out;
	rc = admin_update_audited(pg, a, "asb_type", t->id,
	    type_json(&old, old.code, old.parent_code),
	    type_json(t, old.code, parent_code), reason, "asb_type_update", 8, p);
out:
	return admin_tx_end(pg, rc);
}

/* ---- Questions ---- */

/* Reads a question's options (JSON [{"value", "label", "detail",
 * "detail_missing"}], the last two optional) into q. Returns
 * 0, or -1 when out of memory; options that are not of that shape are
 * left out. */
static int
options_read(struct arena *ar, const char *text, struct question_rec *q)
{
	struct json_object *arr = json_tokener_parse(text), *o, *v, *l, *d, *m;
	size_t i, n;
	int rc = -1;

	q->options = NULL;
	q->noptions = 0;
	if (arr == NULL || !json_object_is_type(arr, json_type_array) ||
	    (n = json_object_array_length(arr)) == 0) {
		rc = 0;
		goto out;
	}
	if ((q->options = arena_calloc(ar, n, sizeof(*q->options))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		o = json_object_array_get_idx(arr, i);
		if (!json_object_object_get_ex(o, "value", &v) ||
		    !json_object_object_get_ex(o, "label", &l))
			continue;
		q->options[q->noptions].value = arena_strdup(ar, json_object_get_string(v));
		q->options[q->noptions].label = arena_strdup(ar, json_object_get_string(l));
		q->options[q->noptions].detail = arena_strdup(ar,
		    json_object_object_get_ex(o, "detail", &d) ? json_object_get_string(d) : "");
		q->options[q->noptions].detail_missing = arena_strdup(ar,
		    json_object_object_get_ex(o, "detail_missing", &m) ?
		    json_object_get_string(m) : "");
		if (q->options[q->noptions].value == NULL ||
		    q->options[q->noptions].label == NULL ||
		    q->options[q->noptions].detail == NULL ||
		    q->options[q->noptions].detail_missing == NULL)
			goto out;
		q->noptions++;
	}
	rc = 0;
out:
	json_object_put(arr);
	return rc;
}

/* Reads row i of a QUESTION_COLS result into a struct question_rec (an
 * admin_read_fn). Returns 0 or -1 (out of memory). */
static int
question_read_row(struct arena *ar, PGresult *res, int i, void *out)
{
	struct question_rec *q = out;

	q->id = admin_col_id(res, i, 0);
	q->type_id = admin_col_id(res, i, 1);
	q->type_code = admin_col(ar, res, i, 2);
	q->type_name = admin_col(ar, res, i, 3);
	q->key = admin_col(ar, res, i, 4);
	q->label = admin_col(ar, res, i, 5);
	q->hint = admin_col(ar, res, i, 6);
	q->kind = admin_col(ar, res, i, 7);
	q->required = admin_col_bool(res, i, 9);
	q->triage_weight = atoi(PQgetvalue(res, i, 10));
	q->notice_answer = admin_col(ar, res, i, 11);
	q->notice_text = admin_col(ar, res, i, 12);
	q->sort_order = atoi(PQgetvalue(res, i, 13));
	q->active = admin_col_bool(res, i, 14);
	q->version = admin_col(ar, res, i, 15);
	if (options_read(ar, PQgetvalue(res, i, 8), q) == -1)
		return -1;
	return q->type_code && q->type_name && q->key && q->label && q->hint &&
	    q->kind && q->notice_answer && q->notice_text && q->version ? 0 : -1;
}

/* A question's options as stored: [{"value", "label"}, with "detail" and
 * "detail_missing" when the option asks a follow-up], none unless its
 * kind is a choice. NULL when out of memory. */
static char *
options_json(struct arena *ar, const struct question_rec *q)
{
	struct json_object *arr = json_object_new_array(), *o;
	char *s = NULL;
	size_t i;

	if (arr == NULL)
		return NULL;
	for (i = 0; asb_kind_is_choice(q->kind) && i < q->noptions; i++) {
		if ((o = json_object_new_object()) == NULL)
			goto out;
		json_object_object_add(o, "value", json_object_new_string(q->options[i].value));
		json_object_object_add(o, "label", json_object_new_string(q->options[i].label));
		if (q->options[i].detail != NULL && *q->options[i].detail != '\0') {
			json_object_object_add(o, "detail",
			    json_object_new_string(q->options[i].detail));
			json_object_object_add(o, "detail_missing", json_object_new_string(
			    q->options[i].detail_missing != NULL && *q->options[i].detail_missing ?
			    q->options[i].detail_missing : "Enter your answer"));
		}
		json_object_array_add(arr, o);
	}
	s = arena_strdup(ar, json_object_to_json_string_ext(arr, JSON_C_TO_STRING_PLAIN));
out:
	json_object_put(arr);
	return s;
}

/* A question's notice as stored ({"answer", "text"}), or NULL when it has
 * none; *oom is set when memory ran out. */
static char *
notice_json(struct arena *ar, const struct question_rec *q, int *oom)
{
	struct json_object *o;
	char *s;

	*oom = 0;
	if (*q->notice_answer == '\0')
		return NULL;
	if ((o = json_object_new_object()) == NULL) {
		*oom = 1;
		return NULL;
	}
	json_object_object_add(o, "answer", json_object_new_string(q->notice_answer));
	json_object_object_add(o, "text", json_object_new_string(q->notice_text));
	s = arena_strdup(ar, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* What the audit trail records of a question (its type by code, its
 * options as "value|label", as an administrator types them). */
static struct json_object *
question_json(const struct question_rec *q, const char *type_code, const char *key)
{
	struct json_object *o = json_object_new_object(), *opts;
	char line[1024];
	size_t i;

	if (o == NULL)
		return NULL;
	if ((opts = json_object_new_array()) == NULL) {
		json_object_put(o);
		return NULL;
	}
	for (i = 0; asb_kind_is_choice(q->kind) && i < q->noptions; i++) {
		snprintf(line, sizeof(line), "%s|%s", q->options[i].value,
		    q->options[i].label);
		json_object_array_add(opts, json_object_new_string(line));
	}
	json_object_object_add(o, "type", json_object_new_string(type_code));
	json_object_object_add(o, "key", json_object_new_string(key));
	json_object_object_add(o, "label", json_object_new_string(q->label));
	json_object_object_add(o, "hint", json_object_new_string(q->hint));
	json_object_object_add(o, "kind", json_object_new_string(q->kind));
	json_object_object_add(o, "options", opts);
	json_object_object_add(o, "required", json_object_new_boolean(q->required));
	json_object_object_add(o, "triage_weight", json_object_new_int(q->triage_weight));
	json_object_object_add(o, "notice_answer", json_object_new_string(q->notice_answer));
	json_object_object_add(o, "notice_text", json_object_new_string(q->notice_text));
	json_object_object_add(o, "sort_order", json_object_new_int(q->sort_order));
	json_object_object_add(o, "active", json_object_new_boolean(q->active));
	return o;
}

/* The questions of a type, in the order the public form asks them
 * (inactive ones too). Returns 0 or -1. */
int
type_question_list(struct pg *pg, struct arena *ar, const struct actor *a,
    long long type_id, struct question_rec **out, size_t *n)
{
	char sid[24];
	const char *p[1] = { sid };
	void *recs;
	int rc;

	admin_id_text(type_id, sid);
	rc = admin_rows(pg, ar, a, "type_question_list", 1, p, sizeof(**out),
	    question_read_row, &recs, n);
	*out = recs;
	return rc;
}

/* One question. Returns 1, 0 when there is none with that id, or -1. */
int
type_question_get(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, struct question_rec *q)
{
	return admin_row(pg, ar, a, "type_question_get", id, sizeof(*q),
	    question_read_row, q);
}

/* The nine columns a question's form sets, in the order of the insert and
 * update statements (after the id, and the key for an insert); weight and
 * order are the caller's buffers. 0, or -1 when out of memory. */
static int
question_params(struct arena *ar, const struct question_rec *q, char weight[16],
    char order[16], const char *p[9])
{
	int oom;

	snprintf(weight, 16, "%d", q->triage_weight);
	snprintf(order, 16, "%d", q->sort_order);
	p[0] = q->label;
	p[1] = q->hint;
	p[2] = q->kind;
	p[3] = options_json(ar, q);
	p[4] = q->required ? "true" : "false";
	p[5] = weight;
	p[6] = notice_json(ar, q, &oom);
	p[7] = order;
	p[8] = q->active ? "true" : "false";
	return p[3] == NULL || oom ? -1 : 0;
}

/* A new question of the type q->type_id, and its audit row ("create").
 * *id is its id on ADMIN_OK; ADMIN_NOT_FOUND when there is no such type,
 * ADMIN_DUPLICATE when the type has a question with the key already. */
enum admin_rc
type_question_create(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct question_rec *q, const char *reason, long long *id)
{
	char tid[24], weight[16], order[16], type_code[64];
	const char *p[11], *tp[1] = { tid };
	PGresult *res;
	enum admin_rc rc;

	admin_id_text(q->type_id, tid);
	p[0] = tid;
	p[1] = q->key;
	if (question_params(ar, q, weight, order, p + 2) == -1)
		return ADMIN_ERROR;
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	rc = ADMIN_ERROR;
	if ((res = pg_exec(pg, "type_question_type", 1, tp)) == NULL)
		goto out;
	if (PQntuples(res) == 1) {
		snprintf(type_code, sizeof(type_code), "%s", PQgetvalue(res, 0, 0));
		rc = ADMIN_OK;
	} else
		rc = ADMIN_NOT_FOUND;
	PQclear(res);
	if (rc != ADMIN_OK)
		goto out;
	if ((rc = admin_insert(pg, "type_question_insert", 11, p, id)) != ADMIN_OK)
		goto out;
	rc = admin_created(pg, a, "question", *id, question_json(q, type_code, q->key),
	    reason);
out:
	return admin_tx_end(pg, rc);
}

/* Changes a question (not its key or type) that still has the version the
 * form was made from, and makes it the next version: answers given from
 * now on carry the new wording, those already given keep theirs.
 * ADMIN_UNCHANGED writes nothing (and keeps the version). */
enum admin_rc
type_question_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct question_rec *q, const char *reason)
{
	char sid[24], weight[16], order[16];
	const char *p[10];
	struct json_object *before = NULL, *after = NULL;
	struct question_rec old;
	enum admin_rc rc;
	int version;

	admin_id_text(q->id, sid);
	p[0] = sid;
	if (question_params(ar, q, weight, order, p + 1) == -1)
		return ADMIN_ERROR;
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_lock(pg, ar, "type_question_get_lock", sid, question_read_row,
	    &old)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(old.version, q->version) != 0)
		goto out;
	rc = ADMIN_ERROR;
	if ((before = question_json(&old, old.type_code, old.key)) == NULL ||
	    (after = question_json(q, old.type_code, old.key)) == NULL)
		goto out;
	/* The version changes with anything else, never on its own. */
	if (json_object_equal(before, after)) {
		rc = ADMIN_UNCHANGED;
		goto out;
	}
	version = atoi(old.version);
	json_object_object_add(before, "version", json_object_new_int(version));
	json_object_object_add(after, "version", json_object_new_int(version + 1));
	rc = admin_update_audited(pg, a, "question", q->id, before, after, reason,
	    "type_question_update", 10, p);
	before = after = NULL;
out:
	json_object_put(before);
	json_object_put(after);
	return admin_tx_end(pg, rc);
}
