/* A parsed OData query compiled to one PostgreSQL statement (odata.h):
 * names from the entity's whitelist, double-quoted; every value a
 * parameter cast to its type; the keyset condition for the next page
 * written for the skip token's values, NULLs included. */
#include <string.h>

#include "odata/odata_impl.h"

/* Date parts and date() of a date-time are London's (odata.h). */
#define LOCAL_ZONE	"'Europe/London'"
#define ISO_MS		"'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'"
#define ISO_US		"'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'"

struct sqlw {
	struct odata_sql	*out;
	struct odata_error	*err;
	int			 failed;
};

const char *
odata_sql_type(enum odata_vtype t)
{
	switch (t) {
	case VT_BOOLEAN: return "boolean";
	case VT_INT32: return "integer";
	case VT_INT64: return "bigint";
	case VT_DECIMAL: return "numeric";
	case VT_DOUBLE: return "double precision";
	case VT_STRING: return "text";
	case VT_DATE: return "date";
	case VT_DATETIME: return "timestamptz";
	case VT_NULL:
	case VT_ANY: break;
	}
	return "text";
}

static void
put(struct sqlw *w, const char *s)
{
	buf_puts(&w->out->sql, s);
}

/* A name from the whitelist, double-quoted (a '.' separates a schema). */
static void
put_name(struct sqlw *w, const char *name)
{
	const char *s;

	buf_putc(&w->out->sql, '"');
	for (s = name; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(&w->out->sql, '"');
		if (*s == '.')
			buf_puts(&w->out->sql, "\".\"");
		else
			buf_putc(&w->out->sql, *s);
	}
	buf_putc(&w->out->sql, '"');
}

/* A new parameter holding v: its number, or -1 (400) past the limit. */
static int
param_add(struct sqlw *w, const char *v)
{
	if (w->out->nparams == ODATA_MAX_PARAMS) {
		if (!w->failed)
			odata_fail(w->err, 400, "too_many_values", "$filter", -1,
			    "more than %d values in the query: ask for fewer",
			    ODATA_MAX_PARAMS);
		w->failed = 1;
		return -1;
	}
	w->out->params[w->out->nparams++] = v;
	return w->out->nparams;
}

static void
put_param(struct sqlw *w, int n, enum odata_vtype t)
{
	if (n > 0)
		buf_printf(&w->out->sql, "$%d::%s", n, odata_sql_type(t));
}

static void put_expr(struct sqlw *, const struct odata_expr *);

static void
put_binary(struct sqlw *w, const struct odata_expr *e, const char *op)
{
	put(w, "(");
	put_expr(w, e->a);
	put(w, op);
	put_expr(w, e->b);
	put(w, ")");
}

static void
put_in(struct sqlw *w, const struct odata_expr *e)
{
	size_t i, nvals = 0;
	int has_null = 0;

	for (i = 0; i < e->nargs; i++) {
		if (e->args[i]->kind == N_NULL)
			has_null = 1;
		else
			nvals++;
	}
	if (e->nargs == 0) {
		put(w, "FALSE");
		return;
	}
	put(w, "(");
	if (nvals > 0) {
		put(w, "(");
		put_expr(w, e->a);
		put(w, " IN (");
		for (i = 0, nvals = 0; i < e->nargs; i++) {
			if (e->args[i]->kind == N_NULL)
				continue;
			if (nvals++ > 0)
				put(w, ", ");
			put_expr(w, e->args[i]);
		}
		put(w, "))");
		if (has_null)
			put(w, " OR ");
	}
	if (has_null) {
		put_expr(w, e->a);
		put(w, " IS NULL");
	}
	put(w, ")");
}

/* A date part: London's for a date-time. */
static void
put_part(struct sqlw *w, const struct odata_expr *arg, const char *field)
{
	int second = strcmp(field, "second") == 0;

	buf_printf(&w->out->sql, "%sextract(%s from ", second ? "floor(" : "", field);
	if (arg->type == VT_DATETIME) {
		put(w, "(");
		put_expr(w, arg);
		put(w, " AT TIME ZONE " LOCAL_ZONE ")");
	} else
		put_expr(w, arg);
	put(w, second ? "))::integer" : ")::integer");
}

static void
put_call(struct sqlw *w, const struct odata_expr *e)
{
	struct odata_expr *const *a = e->args;

	switch (e->fn) {
	case FN_CONTAINS:
		put(w, "(strpos(");
		put_expr(w, a[0]);
		put(w, ", ");
		put_expr(w, a[1]);
		put(w, ") > 0)");
		return;
	case FN_STARTSWITH:
		put(w, "starts_with(");
		put_expr(w, a[0]);
		put(w, ", ");
		put_expr(w, a[1]);
		put(w, ")");
		return;
	case FN_ENDSWITH:
		put(w, "(right(");
		put_expr(w, a[0]);
		put(w, ", length(");
		put_expr(w, a[1]);
		put(w, ")) = ");
		put_expr(w, a[1]);
		put(w, ")");
		return;
	case FN_LENGTH:
	case FN_TOLOWER:
	case FN_TOUPPER:
	case FN_TRIM:
		put(w, e->fn == FN_LENGTH ? "length(" : e->fn == FN_TOLOWER ? "lower(" :
		    e->fn == FN_TOUPPER ? "upper(" : "btrim(");
		put_expr(w, a[0]);
		put(w, ")");
		return;
	case FN_CONCAT:
		put_binary(w, &(struct odata_expr){ .a = a[0], .b = a[1] }, " || ");
		return;
	case FN_INDEXOF:
		put(w, "(strpos(");
		put_expr(w, a[0]);
		put(w, ", ");
		put_expr(w, a[1]);
		put(w, ") - 1)");
		return;
	case FN_SUBSTRING:
		/* OData counts from 0, PostgreSQL from 1 */
		put(w, "substr(");
		put_expr(w, a[0]);
		put(w, ", (");
		put_expr(w, a[1]);
		put(w, ")::integer + 1");
		if (e->nargs == 3) {
			/* a negative length is an empty string, not an error */
			put(w, ", greatest((");
			put_expr(w, a[2]);
			put(w, ")::integer, 0)");
		}
		put(w, ")");
		return;
	case FN_YEAR: put_part(w, a[0], "year"); return;
	case FN_MONTH: put_part(w, a[0], "month"); return;
	case FN_DAY: put_part(w, a[0], "day"); return;
	case FN_HOUR: put_part(w, a[0], "hour"); return;
	case FN_MINUTE: put_part(w, a[0], "minute"); return;
	case FN_SECOND: put_part(w, a[0], "second"); return;
	case FN_DATE:
		put(w, "(");
		put_expr(w, a[0]);
		put(w, " AT TIME ZONE " LOCAL_ZONE ")::date");
		return;
	case FN_NOW:
		put(w, "now()");
		return;
	case FN_ROUND:
	case FN_FLOOR:
	case FN_CEILING:
		if (a[0]->type == VT_INT32 || a[0]->type == VT_INT64) {
			put_expr(w, a[0]);	/* already whole */
			return;
		}
		put(w, e->fn == FN_ROUND ? "round(" : e->fn == FN_FLOOR ? "floor(" : "ceil(");
		put_expr(w, a[0]);
		put(w, ")");
		return;
	}
}

static void
put_expr(struct sqlw *w, const struct odata_expr *e)
{
	const struct odata_expr *other;

	switch (e->kind) {
	case N_LITERAL:
		put_param(w, param_add(w, e->text), e->type);
		return;
	case N_NULL:
		put(w, "NULL");
		return;
	case N_PROPERTY:
		put_name(w, e->column->name);
		return;
	case N_NOT:
		/* two-valued, as OData's: not of null (unknown) is true */
		put(w, "(");
		put_expr(w, e->a);
		put(w, " IS NOT TRUE)");
		return;
	case N_NEGATE:
		put(w, "(-");
		put_expr(w, e->a);
		put(w, ")");
		return;
	case N_AND: put_binary(w, e, " AND "); return;
	case N_OR: put_binary(w, e, " OR "); return;
	case N_EQ:
	case N_NE:
		if (e->a->kind == N_NULL || e->b->kind == N_NULL) {
			other = e->a->kind == N_NULL ? e->b : e->a;
			put(w, "(");
			put_expr(w, other);
			put(w, e->kind == N_EQ ? " IS NULL)" : " IS NOT NULL)");
			return;
		}
		/* ne: a null is not equal to a value, as in OData */
		put_binary(w, e, e->kind == N_EQ ? " = " : " IS DISTINCT FROM ");
		return;
	case N_GT: put_binary(w, e, " > "); return;
	case N_GE: put_binary(w, e, " >= "); return;
	case N_LT: put_binary(w, e, " < "); return;
	case N_LE: put_binary(w, e, " <= "); return;
	case N_ADD: put_binary(w, e, " + "); return;
	case N_SUB: put_binary(w, e, " - "); return;
	case N_MUL: put_binary(w, e, " * "); return;
	case N_DIV:
		/* by zero: null (no row matches), not a failed statement */
		put(w, "(");
		put_expr(w, e->a);
		put(w, " / NULLIF(");
		put_expr(w, e->b);
		put(w, ", 0))");
		return;
	case N_MOD:
		if (e->type == VT_DOUBLE) {
			put(w, "mod((");
			put_expr(w, e->a);
			put(w, ")::numeric, NULLIF(");
			put_expr(w, e->b);
			put(w, ", 0)::numeric)::double precision");
		} else {
			put(w, "mod(");
			put_expr(w, e->a);
			put(w, ", NULLIF(");
			put_expr(w, e->b);
			put(w, ", 0))");
		}
		return;
	case N_IN:
		put_in(w, e);
		return;
	case N_CALL:
		put_call(w, e);
		return;
	}
}

static void
put_column(struct sqlw *w, const struct odata_column *c)
{
	if (c->type == ODATA_DATETIME) {
		put(w, "to_char(");
		put_name(w, c->name);
		put(w, " AT TIME ZONE 'UTC', " ISO_MS ") AS ");
		put_name(w, c->name);
	} else if (c->type == ODATA_DATE) {
		put(w, "to_char(");
		put_name(w, c->name);
		put(w, ", 'YYYY-MM-DD') AS ");
		put_name(w, c->name);
	} else
		put_name(w, c->name);
}

/* The column as text a parameter casts back to the same value. */
static void
put_column_text(struct sqlw *w, const struct odata_column *c)
{
	if (c->type == ODATA_DATETIME) {
		put(w, "to_char(");
		put_name(w, c->name);
		put(w, " AT TIME ZONE 'UTC', " ISO_US ")");
	} else if (c->type == ODATA_DATE) {
		put(w, "to_char(");
		put_name(w, c->name);
		put(w, ", 'YYYY-MM-DD')");
	} else {
		put_name(w, c->name);
		put(w, "::text");
	}
}

static int
start(struct sqlw *w, const struct odata_query *q, struct odata_sql *out,
    struct odata_error *err)
{
	memset(out, 0, sizeof(*out));
	w->out = out;
	w->err = err;
	w->failed = 0;
	if (q->entity == NULL)
		return odata_fail(err, 500, "no_entity", NULL, -1,
		    "a query parsed without an entity cannot be compiled");
	return 0;
}

static int
finish(struct sqlw *w)
{
	if (w->failed) {
		odata_sql_free(w->out);
		return -1;
	}
	if (w->out->sql.oom) {
		odata_sql_free(w->out);
		return odata_fail(w->err, 500, "memory", NULL, -1, "out of memory");
	}
	return 0;
}

/* The entries of the order: the client's, then the key ascending. */
struct entry {
	const struct odata_column *c;
	int desc;
};

/* "After entry i's value": strictly after it in the order. 0 when no
 * row can be (descending after a NULL), else 1 with the SQL written. */
static int
put_after_one(struct sqlw *w, const struct entry *e, int p)
{
	if (!e->desc) {
		put_name(w, e->c->name);
		if (p == 0) {
			put(w, " IS NOT NULL");
			return 1;
		}
		put(w, " > ");
		put_param(w, p, (enum odata_vtype)e->c->type);
		return 1;
	}
	if (p == 0)
		return 0;	/* NULLS LAST: nothing after a NULL */
	if (e->c->nullable)
		put(w, "(");
	put_name(w, e->c->name);
	put(w, " < ");
	put_param(w, p, (enum odata_vtype)e->c->type);
	if (e->c->nullable) {
		put(w, " OR ");
		put_name(w, e->c->name);
		put(w, " IS NULL)");
	}
	return 1;
}

static void
put_keyset(struct sqlw *w, const struct entry *ent, size_t n, const char *const *after)
{
	int p[ODATA_MAX_ORDER + 1];
	size_t i, j;
	int any = 0;

	for (i = 0; i < n; i++)
		p[i] = after[i] == NULL ? 0 : param_add(w, after[i]);
	put(w, "(");
	for (i = 0; i < n; i++) {
		if (ent[i].desc && p[i] == 0)
			continue;
		if (any++)
			put(w, " OR ");
		put(w, "(");
		for (j = 0; j < i; j++) {
			put_name(w, ent[j].c->name);
			if (p[j] == 0)
				put(w, " IS NULL");
			else {
				put(w, " = ");
				put_param(w, p[j], (enum odata_vtype)ent[j].c->type);
			}
			put(w, " AND ");
		}
		put_after_one(w, &ent[i], p[i]);
		put(w, ")");
	}
	if (!any)
		put(w, "FALSE");
	put(w, ")");
}

int
odata_sql_select(struct arena *a, const struct odata_query *q,
    const char *const *after, size_t nafter, long long limit,
    struct odata_sql *out, struct odata_error *err)
{
	struct entry ent[ODATA_MAX_ORDER + 1];
	const struct odata_column *key;
	struct sqlw w;
	size_t i, n, ncols;

	(void)a;
	if (start(&w, q, out, err) == -1)
		return -1;
	key = odata_column_find(q->entity, q->entity->key, strlen(q->entity->key));
	if (key == NULL)
		return odata_fail(err, 500, "no_key", NULL, -1,
		    "the entity's key is not one of its columns");
	n = q->norder < ODATA_MAX_ORDER ? q->norder : ODATA_MAX_ORDER;
	for (i = 0; i < n; i++) {
		ent[i].c = q->order[i].column;
		ent[i].desc = q->order[i].desc;
	}
	ent[n].c = key;
	ent[n].desc = 0;
	n++;
	if (after != NULL && nafter != n)
		return odata_fail(err, 400, "skiptoken", "$skiptoken", -1,
		    "the skip token does not belong to this query: "
		    "follow the nextLink as it was given");
	put(&w, "SELECT ");
	ncols = q->nselect > 0 ? q->nselect : q->entity->ncolumns;
	for (i = 0; i < ncols; i++) {
		put_column(&w, q->nselect > 0 ? q->select[i] : &q->entity->columns[i]);
		put(&w, ", ");
	}
	for (i = 0; i < n; i++) {
		put_column_text(&w, ent[i].c);
		if (i + 1 < n)
			buf_printf(&w.out->sql, " AS \"odata_order_%zu\", ", i);
		else
			put(&w, " AS \"odata_key\"");
	}
	put(&w, " FROM ");
	put_name(&w, q->entity->view);
	if (q->filter != NULL || after != NULL) {
		put(&w, " WHERE ");
		if (q->filter != NULL)
			put_expr(&w, q->filter);
		if (q->filter != NULL && after != NULL)
			put(&w, " AND ");
		if (after != NULL)
			put_keyset(&w, ent, n, after);
	}
	put(&w, " ORDER BY ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			put(&w, ", ");
		put_name(&w, ent[i].c->name);
		/* A column that cannot be NULL (the key) is ordered plainly, so
		 * that an index in its default order serves the page. */
		put(&w, !ent[i].c->nullable ? (ent[i].desc ? " DESC" : " ASC") :
		    ent[i].desc ? " DESC NULLS LAST" : " ASC NULLS FIRST");
	}
	if (limit >= 0)
		buf_printf(&w.out->sql, " LIMIT %lld", limit);
	if (after == NULL && q->skip > 0)
		buf_printf(&w.out->sql, " OFFSET %lld", (long long)q->skip);
	return finish(&w);
}

int
odata_sql_count(struct arena *a, const struct odata_query *q,
    struct odata_sql *out, struct odata_error *err)
{
	struct sqlw w;

	(void)a;
	if (start(&w, q, out, err) == -1)
		return -1;
	put(&w, "SELECT count(*) FROM ");
	put_name(&w, q->entity->view);
	if (q->filter != NULL) {
		put(&w, " WHERE ");
		put_expr(&w, q->filter);
	}
	return finish(&w);
}

void
odata_sql_free(struct odata_sql *s)
{
	if (s == NULL)
		return;
	buf_free(&s->sql);
	s->nparams = 0;
}
