/* $filter: a decoded expression parsed into a typed tree (odata_impl.h),
 * by precedence: or, and, eq/ne, gt/ge/lt/le, add/sub, mul/div/mod,
 * negation and not, then in ( ... ) and the primaries. Type checks run
 * as each node is built, unless the entity is NULL (syntax-only mode). */
#include <string.h>
#include <strings.h>

#include "odata/odata_impl.h"

#define OPT(p)	((p)->lx.option)

/* The supported functions: name, arguments (min, max), what they take. */
struct fn_def {
	const char	*name;
	enum odata_fn	 fn;
	int		 min, max;
};

static const struct fn_def fns[] = {
	{ "contains", FN_CONTAINS, 2, 2 },
	{ "startswith", FN_STARTSWITH, 2, 2 },
	{ "endswith", FN_ENDSWITH, 2, 2 },
	{ "length", FN_LENGTH, 1, 1 },
	{ "tolower", FN_TOLOWER, 1, 1 },
	{ "toupper", FN_TOUPPER, 1, 1 },
	{ "trim", FN_TRIM, 1, 1 },
	{ "concat", FN_CONCAT, 2, 2 },
	{ "indexof", FN_INDEXOF, 2, 2 },
	{ "substring", FN_SUBSTRING, 2, 3 },
	{ "year", FN_YEAR, 1, 1 },
	{ "month", FN_MONTH, 1, 1 },
	{ "day", FN_DAY, 1, 1 },
	{ "hour", FN_HOUR, 1, 1 },
	{ "minute", FN_MINUTE, 1, 1 },
	{ "second", FN_SECOND, 1, 1 },
	{ "date", FN_DATE, 1, 1 },
	{ "now", FN_NOW, 0, 0 },
	{ "round", FN_ROUND, 1, 1 },
	{ "floor", FN_FLOOR, 1, 1 },
	{ "ceiling", FN_CEILING, 1, 1 },
};

/* OData's other standard functions and function-like operators: they
 * parse as calls and are 501, where an unknown name is a 400. */
static const char *const fns_unsupported[] = {
	"any", "all", "isof", "cast", "matchesPattern", "fractionalseconds",
	"maxdatetime", "mindatetime", "time", "totaloffsetminutes",
	"totalseconds", "hassubset", "hassubsequence", "case", "has",
};

static const char *
type_name(enum odata_vtype t)
{
	switch (t) {
	case VT_BOOLEAN: return "Edm.Boolean";
	case VT_INT32: return "Edm.Int32";
	case VT_INT64: return "Edm.Int64";
	case VT_DECIMAL: return "Edm.Decimal";
	case VT_DOUBLE: return "Edm.Double";
	case VT_STRING: return "Edm.String";
	case VT_DATE: return "Edm.Date";
	case VT_DATETIME: return "Edm.DateTimeOffset";
	case VT_NULL: return "null";
	case VT_ANY: break;
	}
	return "a value";
}

static int
is_num(enum odata_vtype t)
{
	return t == VT_INT32 || t == VT_INT64 || t == VT_DECIMAL || t == VT_DOUBLE;
}

static int
num_rank(enum odata_vtype t)
{
	switch (t) {
	case VT_INT32: return 0;
	case VT_INT64: return 1;
	case VT_DECIMAL: return 2;
	default: return 3;
	}
}

static struct odata_expr *
node(struct odata_parser *p, enum odata_node kind, size_t at)
{
	struct odata_expr *e = arena_calloc(p->lx.arena, 1, sizeof(*e));

	if (e == NULL) {
		odata_fail(p->lx.err, 500, "memory", OPT(p), -1, "out of memory");
		return NULL;
	}
	e->kind = kind;
	e->at = at;
	e->type = VT_ANY;
	return e;
}

static struct odata_expr *
fail(struct odata_parser *p, int status, const char *code, size_t at,
    const char *what)
{
	odata_fail(p->lx.err, status, code, OPT(p), (long)at, "%s", what);
	return NULL;
}

/* Appends e to the arena array *list of *n (room for *cap). 0, or -1. */
static int
push(struct odata_parser *p, struct odata_expr ***list, size_t *n, size_t *cap,
    struct odata_expr *e)
{
	struct odata_expr **grown;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		if ((grown = arena_alloc(p->lx.arena, *cap * sizeof(*grown))) == NULL)
			return -1;
		if (*n > 0)
			memcpy(grown, *list, *n * sizeof(*grown));
		*list = grown;
	}
	(*list)[(*n)++] = e;
	return 0;
}

static struct odata_expr *
type_fail(struct odata_parser *p, size_t at, const char *op,
    const struct odata_expr *a, const struct odata_expr *b)
{
	if (b == NULL)
		odata_fail(p->lx.err, 400, "type", OPT(p), (long)at,
		    "'%s' cannot take %s", op, type_name(a->type));
	else
		odata_fail(p->lx.err, 400, "type", OPT(p), (long)at,
		    "'%s' cannot take %s and %s: compare values of one kind",
		    op, type_name(a->type), type_name(b->type));
	return NULL;
}

/* A numeric literal takes the other operand's type where its value
 * surely fits (an integer any number type, a decimal or a double the
 * decimal or double types), so the column is compared as it is. */
static void
literal_adopt(struct odata_expr *lit, const struct odata_expr *other)
{
	if (lit->kind != N_LITERAL || other->kind == N_LITERAL || !is_num(lit->type) ||
	    !is_num(other->type))
		return;
	if (lit->type == VT_INT32 || lit->type == VT_INT64) {
		if (num_rank(other->type) >= num_rank(lit->type))
			lit->type = other->type;
	} else if (other->type == VT_DECIMAL || other->type == VT_DOUBLE)
		lit->type = other->type;
}

static enum odata_vtype
num_promote(const struct odata_expr *a, const struct odata_expr *b)
{
	return num_rank(a->type) >= num_rank(b->type) ? a->type : b->type;
}

/* Two operands that may be compared: numbers with numbers, or the same
 * type; null with anything for eq and ne. */
static int
comparable(struct odata_expr *a, struct odata_expr *b, int equality)
{
	if (a->type == VT_NULL || b->type == VT_NULL)
		return equality;
	if (is_num(a->type) && is_num(b->type)) {
		literal_adopt(a, b);
		literal_adopt(b, a);
		return 1;
	}
	return a->type == b->type;
}

/* ---- tokens ---- */

static int
peek(struct odata_parser *p, struct odata_token *t)
{
	return odata_peek(&p->lx, t);
}

static int
next(struct odata_parser *p, struct odata_token *t)
{
	return odata_lex(&p->lx, t);
}

/* Optional spaces (BWS). */
static int
bws(struct odata_parser *p)
{
	struct odata_token t;

	if (peek(p, &t) == -1)
		return -1;
	if (t.kind == TOK_SPACE)
		p->lx.pos += t.len;
	return 0;
}

/* A space or tab next (looked at as a byte: what follows an operand
 * may not be a token at all). */
static int
at_space(const struct odata_parser *p)
{
	return p->lx.pos < p->lx.n &&
	    (p->lx.s[p->lx.pos] == ' ' || p->lx.s[p->lx.pos] == '\t');
}

struct op_def {
	const char	*word;
	enum odata_node	 kind;
};

/* A binary operator of this level ahead (spaces, one of words, spaces):
 * consumes it and returns 1, 0 when none is, -1 on error. */
static int
binop(struct odata_parser *p, const struct op_def *ops, size_t nops,
    enum odata_node *kind, size_t *at)
{
	struct odata_token sp, w, after;
	size_t save = p->lx.pos, i;

	if (!at_space(p))
		return 0;
	if (peek(p, &sp) == -1)
		return -1;
	if (sp.kind != TOK_SPACE)
		return 0;
	p->lx.pos += sp.len;
	if (peek(p, &w) == -1) {
		p->lx.pos = save;
		/* what follows the space is judged by the caller */
		return 0;
	}
	if (w.kind == TOK_NAME)
		for (i = 0; i < nops; i++) {
			if (strlen(ops[i].word) != w.len ||
			    strncasecmp(w.text, ops[i].word, w.len) != 0)
				continue;
			p->lx.pos += w.len;
			if (peek(p, &after) == -1)
				return -1;
			if (after.kind != TOK_SPACE) {
				odata_fail(p->lx.err, 400, "syntax", OPT(p), (long)after.at,
				    "expected a space after '%s'", ops[i].word);
				return -1;
			}
			p->lx.pos += after.len;
			p->last_op = ops[i].word;
			*kind = ops[i].kind;
			*at = w.at;
			return 1;
		}
	p->lx.pos = save;
	return 0;
}

/* 4.01 and unsupported binary operators: 501 when one is ahead. */
static int
binop_unsupported(struct odata_parser *p)
{
	static const char *const words[] = { "has", "divby" };
	struct odata_token sp, w;
	size_t save = p->lx.pos, i;

	if (!at_space(p))
		return 0;
	if (peek(p, &sp) == -1 || sp.kind != TOK_SPACE)
		return 0;
	p->lx.pos += sp.len;
	if (peek(p, &w) == -1 || w.kind != TOK_NAME) {
		p->lx.pos = save;
		return 0;
	}
	p->lx.pos = save;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == w.len && strncasecmp(w.text, words[i], w.len) == 0) {
			odata_fail(p->lx.err, 501, "not_supported", OPT(p), (long)w.at,
			    "the '%s' operator is not supported", words[i]);
			return -1;
		}
	return 0;
}

static struct odata_expr *parse_or(struct odata_parser *);
static struct odata_expr *parse_unary(struct odata_parser *);

static struct odata_expr *
expected_value(struct odata_parser *p, const struct odata_token *t)
{
	if (t->kind == TOK_END && p->last_op != NULL)
		odata_fail(p->lx.err, 400, "syntax", OPT(p), (long)t->at,
		    "expected a value after '%s'", p->last_op);
	else if (t->kind == TOK_END)
		odata_fail(p->lx.err, 400, "syntax", OPT(p), (long)t->at,
		    "expected a value, the expression ends here");
	else if (t->kind == TOK_SPACE)
		odata_fail(p->lx.err, 400, "syntax", OPT(p), (long)t->at,
		    "unexpected space: remove it (spaces go only between words)");
	else
		odata_fail(p->lx.err, 400, "syntax", OPT(p), (long)t->at,
		    "expected a value (a property, a literal or a function call)");
	return NULL;
}

/* ---- functions ---- */

static int
want_type(struct odata_parser *p, const struct odata_expr *a, const char *fn,
    int (*ok)(enum odata_vtype))
{
	if (p->entity == NULL || ok(a->type))
		return 0;
	odata_fail(p->lx.err, 400, "type", OPT(p), (long)a->at,
	    "%s() cannot take %s here", fn, type_name(a->type));
	return -1;
}

static int t_string(enum odata_vtype t) { return t == VT_STRING; }
static int t_int(enum odata_vtype t) { return t == VT_INT32 || t == VT_INT64; }
static int t_num(enum odata_vtype t) { return is_num(t); }
static int t_dated(enum odata_vtype t) { return t == VT_DATE || t == VT_DATETIME; }
static int t_datetime(enum odata_vtype t) { return t == VT_DATETIME; }

/* Checks a call's arguments and sets its type. */
static int
call_check(struct odata_parser *p, struct odata_expr *e, const char *name)
{
	struct odata_expr **a = e->args;
	size_t i;

	switch (e->fn) {
	case FN_CONTAINS:
	case FN_STARTSWITH:
	case FN_ENDSWITH:
	case FN_CONCAT:
	case FN_INDEXOF:
		for (i = 0; i < 2; i++)
			if (want_type(p, a[i], name, t_string) == -1)
				return -1;
		e->type = e->fn == FN_CONCAT ? VT_STRING :
		    e->fn == FN_INDEXOF ? VT_INT32 : VT_BOOLEAN;
		return 0;
	case FN_LENGTH:
	case FN_TOLOWER:
	case FN_TOUPPER:
	case FN_TRIM:
		if (want_type(p, a[0], name, t_string) == -1)
			return -1;
		e->type = e->fn == FN_LENGTH ? VT_INT32 : VT_STRING;
		return 0;
	case FN_SUBSTRING:
		if (want_type(p, a[0], name, t_string) == -1)
			return -1;
		for (i = 1; i < e->nargs; i++)
			if (want_type(p, a[i], name, t_int) == -1)
				return -1;
		e->type = VT_STRING;
		return 0;
	case FN_YEAR:
	case FN_MONTH:
	case FN_DAY:
		if (want_type(p, a[0], name, t_dated) == -1)
			return -1;
		e->type = VT_INT32;
		return 0;
	case FN_HOUR:
	case FN_MINUTE:
	case FN_SECOND:
		if (want_type(p, a[0], name, t_datetime) == -1)
			return -1;
		e->type = VT_INT32;
		return 0;
	case FN_DATE:
		if (want_type(p, a[0], name, t_datetime) == -1)
			return -1;
		e->type = VT_DATE;
		return 0;
	case FN_NOW:
		e->type = VT_DATETIME;
		return 0;
	case FN_ROUND:
	case FN_FLOOR:
	case FN_CEILING:
		if (want_type(p, a[0], name, t_num) == -1)
			return -1;
		e->type = a[0]->type;
		return 0;
	}
	return 0;
}

/* name( args ) with the name at t. */
static struct odata_expr *
parse_call(struct odata_parser *p, const struct odata_token *name)
{
	const struct fn_def *def = NULL;
	struct odata_expr *e, *arg, **args;
	struct odata_token t;
	size_t i, n = 0, cap = 0;

	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		if (strcmp(fns[i].name, name->text) == 0)
			def = &fns[i];
	if (def == NULL) {
		for (i = 0; i < sizeof(fns_unsupported) / sizeof(fns_unsupported[0]); i++)
			if (strcmp(fns_unsupported[i], name->text) == 0) {
				odata_fail(p->lx.err, 501, "not_supported", OPT(p), (long)name->at,
				    "the function %s() is not supported", name->text);
				return NULL;
			}
		if (strchr(name->text, '.') != NULL) {
			odata_fail(p->lx.err, 501, "not_supported", OPT(p), (long)name->at,
			    "%s() is not supported: the feed has no geographic or bound functions",
			    name->text);
			return NULL;
		}
		if (p->entity == NULL) {
			/* syntax-only: may be a key access or a bound function */
			odata_fail(p->lx.err, 501, "not_supported", OPT(p), (long)name->at,
			    "%s( ... ) is not supported", name->text);
			return NULL;
		}
		odata_fail(p->lx.err, 400, "unknown_function", OPT(p), (long)name->at,
		    "there is no function %s(): use contains, startswith, endswith, "
		    "length, tolower, toupper, trim, concat, indexof, substring, "
		    "year, month, day, hour, minute, second, date, now, round, floor "
		    "or ceiling", name->text);
		return NULL;
	}
	if ((e = node(p, N_CALL, name->at)) == NULL)
		return NULL;
	e->fn = def->fn;
	if (next(p, &t) == -1 || bws(p) == -1 || peek(p, &t) == -1)	/* ( */
		return NULL;
	args = NULL;
	if (t.kind == TOK_CLOSE)
		p->lx.pos += t.len;
	else
		for (;;) {
			if ((arg = parse_or(p)) == NULL)
				return NULL;
			if (push(p, &args, &n, &cap, arg) == -1)
				return fail(p, 500, "memory", 0, "out of memory");
			if (bws(p) == -1 || next(p, &t) == -1)
				return NULL;
			if (t.kind == TOK_CLOSE)
				break;
			if (t.kind != TOK_COMMA)
				return fail(p, 400, "syntax", t.at,
				    "expected ',' or ')' in the function's arguments");
			if (bws(p) == -1)
				return NULL;
		}
	e->args = args;
	e->nargs = n;
	if ((int)n < def->min || (int)n > def->max) {
		if (def->min == def->max)
			odata_fail(p->lx.err, 400, "arity", OPT(p), (long)name->at,
			    "%s() takes %d argument%s, not %zu", def->name, def->min,
			    def->min == 1 ? "" : "s", n);
		else
			odata_fail(p->lx.err, 400, "arity", OPT(p), (long)name->at,
			    "%s() takes %d or %d arguments, not %zu", def->name,
			    def->min, def->max, n);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (p->entity != NULL && args[i]->type == VT_NULL)
			return fail(p, 400, "type", args[i]->at,
			    "null is not a function's argument here");
	if (call_check(p, e, def->name) == -1)
		return NULL;
	return e;
}

/* ---- primaries ---- */

static struct odata_expr *
literal(struct odata_parser *p, const struct odata_token *t, enum odata_vtype type)
{
	struct odata_expr *e = node(p, N_LITERAL, t->at);

	if (e == NULL)
		return NULL;
	e->text = t->text;
	e->type = type;
	return e;
}

static struct odata_expr *
parse_name(struct odata_parser *p, struct odata_token *t)
{
	struct odata_token after;
	struct odata_expr *e;

	if (odata_peek(&p->lx, &after) == -1)
		return NULL;
	if (after.kind == TOK_OPEN)
		return parse_call(p, t);
	if (after.kind == TOK_SLASH)
		return fail(p, 501, "not_supported", after.at,
		    "paths (A/B) are not supported: the feed's entities have no "
		    "navigation or complex properties");
	if (strchr(t->text, '.') != NULL)
		return fail(p, 400, "syntax", after.at,
		    "expected '(' after the qualified function name");
	if (t->len == 4 && strncasecmp(t->text, "true", 4) == 0) {
		t->text = "true";
		return literal(p, t, VT_BOOLEAN);
	}
	if (t->len == 5 && strncasecmp(t->text, "false", 5) == 0) {
		t->text = "false";
		return literal(p, t, VT_BOOLEAN);
	}
	if (t->len == 4 && strncasecmp(t->text, "null", 4) == 0) {
		if ((e = node(p, N_NULL, t->at)) != NULL)
			e->type = VT_NULL;
		return e;
	}
	if ((e = node(p, N_PROPERTY, t->at)) == NULL)
		return NULL;
	e->name = t->text;
	if (p->entity == NULL)
		return e;
	if ((e->column = odata_column_find(p->entity, t->text, t->len)) == NULL) {
		odata_fail(p->lx.err, 400, "unknown_property", OPT(p), (long)t->at,
		    "%s has no property '%s'", p->entity->set ? p->entity->set : "this entity set",
		    t->text);
		return NULL;
	}
	e->type = (enum odata_vtype)e->column->type;
	return e;
}

static struct odata_expr *
parse_primary(struct odata_parser *p)
{
	struct odata_token t;
	struct odata_expr *e;

	if (next(p, &t) == -1)
		return NULL;
	switch (t.kind) {
	case TOK_OPEN:
		if (bws(p) == -1 || (e = parse_or(p)) == NULL || bws(p) == -1)
			return NULL;
		if (next(p, &t) == -1)
			return NULL;
		if (t.kind != TOK_CLOSE)
			return fail(p, 400, "syntax", t.at,
			    "expected ')' to close the '(' before");
		return e;
	case TOK_STRING:
		return literal(p, &t, VT_STRING);
	case TOK_INT:
		return literal(p, &t, t.what != NULL ? VT_INT64 : VT_INT32);
	case TOK_DECIMAL:
		return literal(p, &t, VT_DECIMAL);
	case TOK_DOUBLE:
		return literal(p, &t, VT_DOUBLE);
	case TOK_DATE:
		return literal(p, &t, VT_DATE);
	case TOK_DATETIME:
		return literal(p, &t, VT_DATETIME);
	case TOK_UNSUPPORTED:
		odata_fail(p->lx.err, 501, "not_supported", OPT(p), (long)t.at,
		    "%s are not supported", t.what);
		return NULL;
	case TOK_JSON:
		return fail(p, 501, "not_supported", t.at,
		    "JSON arrays and objects in an expression are not supported");
	case TOK_DOLLAR:
		odata_fail(p->lx.err, 501, "not_supported", OPT(p), (long)t.at,
		    "%s is not supported in an expression", t.text);
		return NULL;
	case TOK_ALIAS:
		return fail(p, 501, "not_supported", t.at,
		    "parameter aliases (@name) are not supported");
	case TOK_NAME:
		return parse_name(p, &t);
	default:
		return expected_value(p, &t);
	}
}

/* A literal for an in-list: a literal or null. */
static int
is_literal(const struct odata_expr *e)
{
	return e->kind == N_LITERAL || e->kind == N_NULL;
}

/* primary [ in ( list ) ] */
static struct odata_expr *
parse_postfix(struct odata_parser *p)
{
	static const struct op_def in_op[] = { { "in", N_IN } };
	struct odata_expr *a, *e, *item, **list = NULL;
	struct odata_token t;
	enum odata_node kind;
	size_t at, n = 0, cap = 0, i;
	int r;

	if ((a = parse_primary(p)) == NULL)
		return NULL;
	if ((r = binop(p, in_op, 1, &kind, &at)) <= 0)
		return r == 0 ? a : NULL;
	if ((e = node(p, N_IN, a->at)) == NULL)
		return NULL;
	e->a = a;
	if (next(p, &t) == -1)
		return NULL;
	if (t.kind == TOK_JSON)
		return fail(p, 501, "not_supported", t.at,
		    "in [ ... ] (a JSON array) is not supported: write in ( ... )");
	if (t.kind != TOK_OPEN)
		return fail(p, 400, "syntax", t.at, "expected '(' after 'in'");
	if (bws(p) == -1 || peek(p, &t) == -1)
		return NULL;
	if (t.kind == TOK_CLOSE)
		p->lx.pos += t.len;
	else
		for (;;) {
			if ((item = parse_or(p)) == NULL)
				return NULL;
			if (n > 0 && !is_literal(item))
				return fail(p, 400, "syntax", item->at,
				    "an in ( ... ) list holds literals only");
			if (push(p, &list, &n, &cap, item) == -1)
				return fail(p, 500, "memory", 0, "out of memory");
			if (bws(p) == -1 || next(p, &t) == -1)
				return NULL;
			if (t.kind == TOK_CLOSE)
				break;
			if (t.kind != TOK_COMMA)
				return fail(p, 400, "syntax", t.at,
				    "expected ',' or ')' in the in ( ... ) list");
			if (!is_literal(list[0]))
				return fail(p, 400, "syntax", t.at,
				    "an in ( ... ) list holds literals only");
			if (bws(p) == -1)
				return NULL;
		}
	e->args = list;
	e->nargs = n;
	e->type = VT_BOOLEAN;
	if (p->entity != NULL)
		for (i = 0; i < n; i++)
			if (!comparable(a, list[i], 1) || a->type == VT_NULL)
				return type_fail(p, list[i]->at, "in", a, list[i]);
	return e;
}

static struct odata_expr *
parse_unary(struct odata_parser *p)
{
	struct odata_token t, after;
	struct odata_expr *e, *a;

	if (++p->depth > ODATA_MAX_DEPTH)
		return fail(p, 400, "too_deep", p->lx.pos,
		    "the expression is nested too deeply");
	if (peek(p, &t) == -1)
		return NULL;
	if (t.kind == TOK_MINUS) {
		p->lx.pos += t.len;
		if (bws(p) == -1 || (a = parse_unary(p)) == NULL)
			return NULL;
		if ((e = node(p, N_NEGATE, t.at)) == NULL)
			return NULL;
		e->a = a;
		if (p->entity != NULL && !is_num(a->type))
			return type_fail(p, t.at, "-", a, NULL);
		e->type = a->type;
		p->depth--;
		return e;
	}
	if (t.kind == TOK_NAME && t.len == 3 && strncasecmp(t.text, "not", 3) == 0) {
		p->lx.pos += t.len;
		if (peek(p, &after) == -1)
			return NULL;
		if (after.kind == TOK_SPACE)
			p->lx.pos += after.len;
		else if (after.kind != TOK_OPEN) {
			p->lx.pos = t.at;
			goto primary;
		}
		if ((a = parse_unary(p)) == NULL)
			return NULL;
		if ((e = node(p, N_NOT, t.at)) == NULL)
			return NULL;
		e->a = a;
		if (p->entity != NULL && a->type != VT_BOOLEAN)
			return type_fail(p, t.at, "not", a, NULL);
		e->type = VT_BOOLEAN;
		p->depth--;
		return e;
	}
primary:
	e = parse_postfix(p);
	p->depth--;
	return e;
}

/* One level of left-associative binary operators over sub. */
static struct odata_expr *
parse_level(struct odata_parser *p, const struct op_def *ops, size_t nops,
    struct odata_expr *(*sub)(struct odata_parser *))
{
	struct odata_expr *a, *b, *e;
	enum odata_node kind;
	size_t at;
	int r;

	if ((a = sub(p)) == NULL)
		return NULL;
	for (;;) {
		if (binop_unsupported(p) == -1)
			return NULL;
		if ((r = binop(p, ops, nops, &kind, &at)) == -1)
			return NULL;
		if (r == 0)
			return a;
		if ((b = sub(p)) == NULL)
			return NULL;
		if ((e = node(p, kind, a->at)) == NULL)
			return NULL;
		e->a = a;
		e->b = b;
		if (p->entity != NULL) {
			const char *word = "";
			size_t i;

			for (i = 0; i < nops; i++)
				if (ops[i].kind == kind)
					word = ops[i].word;
			switch (kind) {
			case N_AND:
			case N_OR:
				if (a->type != VT_BOOLEAN || b->type != VT_BOOLEAN)
					return type_fail(p, at, word, a, b);
				e->type = VT_BOOLEAN;
				break;
			case N_EQ:
			case N_NE:
				if (!comparable(a, b, 1))
					return type_fail(p, at, word, a, b);
				e->type = VT_BOOLEAN;
				break;
			case N_GT:
			case N_GE:
			case N_LT:
			case N_LE:
				if (!comparable(a, b, 0))
					return type_fail(p, at, word, a, b);
				e->type = VT_BOOLEAN;
				break;
			default:	/* arithmetic */
				if (!is_num(a->type) || !is_num(b->type))
					return type_fail(p, at, word, a, b);
				literal_adopt(a, b);
				literal_adopt(b, a);
				e->type = num_promote(a, b);
				break;
			}
		}
		a = e;
	}
}

static struct odata_expr *
parse_mul(struct odata_parser *p)
{
	static const struct op_def ops[] = {
		{ "mul", N_MUL }, { "div", N_DIV }, { "mod", N_MOD },
	};

	return parse_level(p, ops, 3, parse_unary);
}

static struct odata_expr *
parse_add(struct odata_parser *p)
{
	static const struct op_def ops[] = { { "add", N_ADD }, { "sub", N_SUB } };

	return parse_level(p, ops, 2, parse_mul);
}

static struct odata_expr *
parse_rel(struct odata_parser *p)
{
	static const struct op_def ops[] = {
		{ "gt", N_GT }, { "ge", N_GE }, { "lt", N_LT }, { "le", N_LE },
	};

	return parse_level(p, ops, 4, parse_add);
}

static struct odata_expr *
parse_eq(struct odata_parser *p)
{
	static const struct op_def ops[] = { { "eq", N_EQ }, { "ne", N_NE } };

	return parse_level(p, ops, 2, parse_rel);
}

static struct odata_expr *
parse_and(struct odata_parser *p)
{
	static const struct op_def ops[] = { { "and", N_AND } };

	return parse_level(p, ops, 1, parse_eq);
}

static struct odata_expr *
parse_or(struct odata_parser *p)
{
	static const struct op_def ops[] = { { "or", N_OR } };

	return parse_level(p, ops, 1, parse_and);
}

struct odata_expr *
odata_parse_expr(struct odata_parser *p)
{
	return parse_or(p);
}

const struct odata_column *
odata_column_find(const struct odata_entity *ent, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < ent->ncolumns; i++)
		if (strlen(ent->columns[i].name) == n &&
		    strncmp(ent->columns[i].name, name, n) == 0)
			return &ent->columns[i];
	return NULL;
}

int
odata_filter_parse(struct arena *a, const struct odata_entity *ent,
    const char *filter, struct odata_expr **out, struct odata_error *err)
{
	struct odata_parser p;
	struct odata_expr *e;

	memset(&p, 0, sizeof(p));
	p.lx.arena = a;
	p.lx.s = filter;
	p.lx.n = strlen(filter);
	p.lx.err = err;
	p.lx.option = "$filter";
	p.entity = ent;
	*out = NULL;
	if (p.lx.n == 0)
		return odata_fail(err, 400, "syntax", "$filter", 0,
		    "the filter is empty: give an expression, e.g. Name eq 'x'");
	if ((e = odata_parse_expr(&p)) == NULL)
		return -1;
	/* What follows is judged by its bytes, not read as a token: a
	 * token's own error would be at the wrong place. */
	if (p.lx.pos < p.lx.n) {
		size_t at = p.lx.pos, w = at;

		while (w < p.lx.n && (filter[w] == ' ' || filter[w] == '\t'))
			w++;
		if (w == p.lx.n)
			return odata_fail(err, 400, "syntax", "$filter", (long)at,
			    "a space at the end: remove it");
		if (w > at)
			return odata_fail(err, 400, "syntax", "$filter", (long)w,
			    "expected an operator here (eq, ne, gt, ge, lt, le, and, "
			    "or, add, sub, mul, div, mod, in)");
		return odata_fail(err, 400, "syntax", "$filter", (long)at,
		    "unexpected text here: the expression ended before it");
	}
	if (ent != NULL && e->type != VT_BOOLEAN)
		return odata_fail(err, 400, "type", "$filter", 0,
		    "the filter is %s, not true or false for each row: compare it, "
		    "e.g. with eq", type_name(e->type));
	*out = e;
	return 0;
}
