/* The ASB types and custom questions the public form offers: the form
 * reads them on every step, so an administrator's edit shows at once.
 * Each worker keeps the last read of each type too, with the catalogue's
 * version (0036): a report's transaction checks that version, so what is
 * kept is used only while it is current. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/asb_catalogue.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "catalogue_types",
	  "SELECT t.code, t.name, t.category::text, coalesce(t.hint, ''), "
	  "coalesce(p.code, ''), EXISTS (SELECT 1 FROM asb_type c "
	  "  WHERE c.parent_id = t.id AND c.active) "
	  "FROM asb_type t LEFT JOIN asb_type p ON p.id = t.parent_id "
	  "WHERE t.active AND (p.id IS NULL OR p.active) "
	  "ORDER BY t.sort_order, t.name" },
	/* The type on every row, and one row without a question when it has
	 * none: the form's last step reads both in one round trip. */
	{ "catalogue_questions",
	  "SELECT t.id, t.category::text, t.name, q.key, q.label, coalesce(q.hint, ''), "
	  "q.kind::text, q.options::text, q.required, coalesce(q.notice->>'answer', ''), "
	  "coalesce(q.notice->>'text', ''), q.version, "
	  "(SELECT n FROM catalogue_version) "
	  "FROM asb_type t LEFT JOIN question q ON q.asb_type_id = t.id AND q.active "
	  "WHERE t.code = $1 AND t.active "
	  "ORDER BY q.sort_order, q.id" },
};

const struct pg_stmts asb_catalogue_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *
col(struct arena *a, PGresult *res, int row, int c)
{
	return arena_strdup(a, PQgetvalue(res, row, c));
}

/* Every active type, in the administrator's order. Returns 0, or -1 when
 * the database fails or memory runs out. */
int
asb_types_list(struct pg *pg, struct arena *a, struct asb_type_item **out, size_t *n)
{
	PGresult *res = pg_exec(pg, "catalogue_types", 0, NULL);
	struct asb_type_item *t;
	int i, rows, rc = -1;

	if (res == NULL)
		return -1;
	rows = PQntuples(res);
	if ((t = arena_calloc(a, (size_t)rows + 1, sizeof(*t))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		t[i].code = col(a, res, i, 0);
		t[i].name = col(a, res, i, 1);
		t[i].category = col(a, res, i, 2);
		t[i].hint = col(a, res, i, 3);
		t[i].parent = col(a, res, i, 4);
		t[i].has_children = PQgetvalue(res, i, 5)[0] == 't';
		if (t[i].code == NULL || t[i].name == NULL || t[i].category == NULL ||
		    t[i].hint == NULL || t[i].parent == NULL)
			goto out;
	}
	*out = t;
	*n = (size_t)rows;
	rc = 0;
out:
	PQclear(res);
	return rc;
}

/* What a worker keeps of one type: its own arena holds it all. */
struct kept {
	struct arena		*ar;
	struct asb_type_ref	 type;
	struct asb_question	*q;
	size_t			 n;
};

/* Enough for every type a partnership has; beyond, the oldest goes. */
static struct kept kept[64];
static size_t kept_next;

static void
kept_clear(struct kept *k)
{
	arena_free(k->ar);
	memset(k, 0, sizeof(*k));
}

/* Copies a type and its questions from one arena to another. 0 or -1. */
static int
copy_type(struct arena *a, const struct asb_type_ref *from_type,
    const struct asb_question *from, size_t n, struct asb_type_ref *type,
    struct asb_question **out)
{
	struct asb_question *q;
	size_t i;

	*type = *from_type;
	if ((type->code = arena_strdup(a, from_type->code)) == NULL ||
	    (type->category = arena_strdup(a, from_type->category)) == NULL ||
	    (type->name = arena_strdup(a, from_type->name)) == NULL ||
	    (q = arena_calloc(a, n + 1, sizeof(*q))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		q[i] = from[i];
		if ((q[i].key = arena_strdup(a, from[i].key)) == NULL ||
		    (q[i].label = arena_strdup(a, from[i].label)) == NULL ||
		    (q[i].hint = arena_strdup(a, from[i].hint)) == NULL ||
		    (q[i].kind = arena_strdup(a, from[i].kind)) == NULL ||
		    (q[i].options = arena_strdup(a, from[i].options)) == NULL ||
		    (q[i].notice_answer = arena_strdup(a, from[i].notice_answer)) == NULL ||
		    (q[i].notice_text = arena_strdup(a, from[i].notice_text)) == NULL)
			return -1;
	}
	*out = q;
	return 0;
}

static struct kept *
kept_find(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		if (kept[i].ar != NULL && strcmp(kept[i].type.code, code) == 0)
			return &kept[i];
	return NULL;
}

/* Keeps a read; a failure only means the next report reads it again. A
 * read of the version already kept changes nothing: the version moves
 * with every change to a type or a question. */
static void
kept_store(const struct asb_type_ref *type, const struct asb_question *q, size_t n)
{
	struct kept *k = kept_find(type->code);

	if (k != NULL && k->type.catalogue == type->catalogue)
		return;
	if (k == NULL) {
		k = &kept[kept_next];
		kept_next = (kept_next + 1) % (sizeof(kept) / sizeof(kept[0]));
	}
	kept_clear(k);
	if ((k->ar = arena_new(4096)) == NULL)
		return;
	if (copy_type(k->ar, type, q, n, &k->type, &k->q) == -1) {
		kept_clear(k);
		return;
	}
	k->n = n;
}

void
asb_catalogue_forget(void)
{
	size_t i;

	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		kept_clear(&kept[i]);
}

/* The active type of a code and its active questions, in order, as the
 * database has them now: type->id 0 and no questions for an unknown or
 * inactive type. Returns 0, or -1 when the database fails or memory runs
 * out. */
int
asb_type_questions(struct pg *pg, struct arena *a, const char *type_code,
    struct asb_type_ref *type, struct asb_question **out, size_t *n)
{
	enum { T_ID, T_CATEGORY, T_NAME, Q, Q_LAST = Q + 8, C_CATALOGUE };
	const char *params[1] = { type_code };
	PGresult *res = pg_exec(pg, "catalogue_questions", 1, params);
	struct asb_question *q;
	struct asb_type_ref t;
	int i, rows, rc = -1;
	size_t k = 0;

	memset(&t, 0, sizeof(t));
	if (type != NULL)
		memset(type, 0, sizeof(*type));
	if (res == NULL)
		return -1;
	rows = PQntuples(res);
	if ((q = arena_calloc(a, (size_t)rows + 1, sizeof(*q))) == NULL)
		goto out;
	if (rows > 0) {
		t.id = strtoll(PQgetvalue(res, 0, T_ID), NULL, 10);
		t.code = arena_strdup(a, type_code);
		t.category = col(a, res, 0, T_CATEGORY);
		t.name = col(a, res, 0, T_NAME);
		t.catalogue = strtoll(PQgetvalue(res, 0, C_CATALOGUE), NULL, 10);
		if (t.code == NULL || t.category == NULL || t.name == NULL)
			goto out;
	}
	for (i = 0; i < rows; i++) {
		if (PQgetisnull(res, i, Q))
			continue;	/* the type has no question */
		q[k].key = col(a, res, i, Q);
		q[k].label = col(a, res, i, Q + 1);
		q[k].hint = col(a, res, i, Q + 2);
		q[k].kind = col(a, res, i, Q + 3);
		q[k].options = col(a, res, i, Q + 4);
		q[k].required = PQgetvalue(res, i, Q + 5)[0] == 't';
		q[k].notice_answer = col(a, res, i, Q + 6);
		q[k].notice_text = col(a, res, i, Q + 7);
		q[k].version = atoi(PQgetvalue(res, i, Q_LAST));
		if (q[k].key == NULL || q[k].label == NULL || q[k].hint == NULL ||
		    q[k].kind == NULL || q[k].options == NULL ||
		    q[k].notice_answer == NULL || q[k].notice_text == NULL)
			goto out;
		k++;
	}
	if (t.id != 0)
		kept_store(&t, q, k);
	if (type != NULL)
		*type = t;
	*out = q;
	*n = k;
	rc = 0;
out:
	PQclear(res);
	return rc;
}

/* As asb_type_questions, but what this worker kept when it has the type:
 * for a caller that checks type->catalogue in its transaction. */
int
asb_type_questions_kept(struct pg *pg, struct arena *a, const char *type_code,
    struct asb_type_ref *type, struct asb_question **out, size_t *n)
{
	struct kept *k = kept_find(type_code);

	if (k == NULL)
		return asb_type_questions(pg, a, type_code, type, out, n);
	if (copy_type(a, &k->type, k->q, k->n, type, out) == -1)
		return -1;
	*n = k->n;
	return 0;
}

/* The active questions of one type, in order (none for an unknown type).
 * Returns 0, or -1 when the database fails or memory runs out. */
int
asb_questions_list(struct pg *pg, struct arena *a, const char *type_code,
    struct asb_question **out, size_t *n)
{
	return asb_type_questions(pg, a, type_code, NULL, out, n);
}
