/* The ASB types and custom questions the public form offers: the form
 * reads them on every step, so an administrator's edit shows at once. */
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
	  "coalesce(q.notice->>'text', ''), q.version "
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

/* The active type of a code and its active questions, in order: type->id
 * 0 and no questions for an unknown or inactive type. `type` may be NULL.
 * Returns 0, or -1 when the database fails or memory runs out. */
int
asb_type_questions(struct pg *pg, struct arena *a, const char *type_code,
    struct asb_type_ref *type, struct asb_question **out, size_t *n)
{
	enum { T_ID, T_CATEGORY, T_NAME, Q };
	const char *params[1] = { type_code };
	PGresult *res = pg_exec(pg, "catalogue_questions", 1, params);
	struct asb_question *q;
	int i, rows, rc = -1;
	size_t k = 0;

	if (type != NULL)
		memset(type, 0, sizeof(*type));
	if (res == NULL)
		return -1;
	rows = PQntuples(res);
	if ((q = arena_calloc(a, (size_t)rows + 1, sizeof(*q))) == NULL)
		goto out;
	if (rows > 0 && type != NULL) {
		type->id = strtoll(PQgetvalue(res, 0, T_ID), NULL, 10);
		type->code = arena_strdup(a, type_code);
		type->category = col(a, res, 0, T_CATEGORY);
		type->name = col(a, res, 0, T_NAME);
		if (type->code == NULL || type->category == NULL || type->name == NULL)
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
		q[k].version = atoi(PQgetvalue(res, i, Q + 8));
		if (q[k].key == NULL || q[k].label == NULL || q[k].hint == NULL ||
		    q[k].kind == NULL || q[k].options == NULL ||
		    q[k].notice_answer == NULL || q[k].notice_text == NULL)
			goto out;
		k++;
	}
	*out = q;
	*n = k;
	rc = 0;
out:
	PQclear(res);
	return rc;
}

/* The active questions of one type, in order (none for an unknown type).
 * Returns 0, or -1 when the database fails or memory runs out. */
int
asb_questions_list(struct pg *pg, struct arena *a, const char *type_code,
    struct asb_question **out, size_t *n)
{
	return asb_type_questions(pg, a, type_code, NULL, out, n);
}
