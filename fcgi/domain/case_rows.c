/* What the case files share: a query's rows as a table of text for the
 * pages, and a case's audit row built from a few named values. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/case_core.h"
#include "store/pg.h"

/* A cell's text; "" outside the table, so a page never reads past it. */
const char *
case_cell(const struct case_table *t, int row, int col)
{
	if (t == NULL || t->v == NULL || row < 0 || col < 0 || row >= t->rows ||
	    col >= t->cols)
		return "";
	return t->v[row * t->cols + col];
}

/* Runs a prepared statement and copies its rows into the arena. 0, or -1
 * on a database error or out of memory. */
int
case_table_read(struct pg *pg, struct arena *ar, const char *stmt, int n,
    const char *const *params, struct case_table *t)
{
	PGresult *res;
	int r, c, rc = 0;

	memset(t, 0, sizeof(*t));
	if ((res = pg_exec(pg, stmt, n, params)) == NULL)
		return -1;
	t->rows = PQntuples(res);
	t->cols = PQnfields(res);
	if (t->rows > 0 && (t->v = arena_calloc(ar, (size_t)t->rows * (size_t)t->cols,
	    sizeof(*t->v))) == NULL)
		rc = -1;
	for (r = 0; rc == 0 && r < t->rows; r++)
		for (c = 0; rc == 0 && c < t->cols; c++)
			if ((t->v[r * t->cols + c] = arena_strdup(ar,
			    PQgetvalue(res, r, c))) == NULL)
				rc = -1;
	if (rc == -1)
		memset(t, 0, sizeof(*t));
	PQclear(res);
	return rc;
}

/* The first column of a statement's first row, or NULL when there is no
 * row (and *failed set on an error). */
const char *
case_value(struct pg *pg, struct arena *ar, const char *stmt, int n,
    const char *const *params, int *failed)
{
	struct case_table t;

	if (case_table_read(pg, ar, stmt, n, params, &t) == -1) {
		*failed = 1;
		return NULL;
	}
	return t.rows > 0 ? case_cell(&t, 0, 0) : NULL;
}

/* Ids as an SQL array's text, "{1,2,3}"; NULL out of memory. */
const char *
case_ids_array(struct arena *ar, const long long *ids, size_t n)
{
	size_t i, len = 0, cap = 24 * n + 3;
	char *arr = arena_alloc(ar, cap);

	if (arr == NULL)
		return NULL;
	arr[len++] = '{';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(arr + len, cap - len, "%s%lld", i ? "," : "", ids[i]);
	snprintf(arr + len, cap - len, "}");
	return arr;
}

/* Whether v is a record's id: 1 to 18 digits, not starting with 0. */
static int
is_id(const char *v)
{
	size_t n = strspn(v, "0123456789");

	return n > 0 && n <= 18 && v[n] == '\0' && v[0] != '0';
}

/* An audit row on the case (entity monitored_case): after holds the
 * key/value pairs given, strings, up to a NULL key. 0 or -1. */
int
case_audit(struct pg *pg, const struct actor *a, long long case_id, const char *action,
    const char *reason, ...)
{
	struct json_object *after = json_object_new_object();
	const char *k, *v;
	char id[24];
	va_list ap;
	int rc;

	if (after == NULL)
		return -1;
	va_start(ap, reason);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		/* Ids as numbers, so the history names what they stand for. */
		json_object_object_add(after, k, v == NULL ? NULL : is_id(v) ?
		    json_object_new_int64(strtoll(v, NULL, 10)) : json_object_new_string(v));
	}
	va_end(ap);
	snprintf(id, sizeof(id), "%lld", case_id);
	rc = audit_append(pg, a, "monitored_case", id, action, NULL, after, reason);
	json_object_put(after);
	return rc;
}
