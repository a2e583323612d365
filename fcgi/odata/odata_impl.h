#ifndef ODATA_ODATA_IMPL_H
#define ODATA_ODATA_IMPL_H

/*
 * Inside the OData query language (odata.h): the tokens of an
 * expression (lex.c), the typed tree a $filter parses into (filter.c)
 * and what the options reader (options.c) and the SQL compiler (sql.c)
 * share. Not for the feed: it uses odata.h only.
 */

#include <stddef.h>
#include <stdint.h>

#include "odata/odata.h"

/* The type of an expression: the column types, then two more. */
enum odata_vtype {
	VT_BOOLEAN = ODATA_BOOLEAN,
	VT_INT32 = ODATA_INT32,
	VT_INT64 = ODATA_INT64,
	VT_DECIMAL = ODATA_DECIMAL,
	VT_DOUBLE = ODATA_DOUBLE,
	VT_STRING = ODATA_STRING,
	VT_DATE = ODATA_DATE,
	VT_DATETIME = ODATA_DATETIME,
	VT_NULL,		/* the null literal */
	VT_ANY,			/* syntax-only mode: a property of unknown type */
};

/* ---- tokens (lex.c) ---- */

enum odata_tok {
	TOK_END,
	TOK_OPEN,		/* ( */
	TOK_CLOSE,		/* ) */
	TOK_COMMA,
	TOK_SLASH,
	TOK_COLON,
	TOK_MINUS,		/* negation (a '-' not starting a number) */
	TOK_STAR,
	TOK_NAME,		/* odataIdentifier, or a qualified name with dots */
	TOK_DOLLAR,		/* $it, $root, $this, $count, ... */
	TOK_ALIAS,		/* @name */
	TOK_JSON,		/* [ or { : a JSON array or object (OData 4.01) */
	TOK_STRING,		/* 'text' (value unescaped) */
	TOK_INT,		/* digits, with an optional sign */
	TOK_DECIMAL,		/* with a fraction */
	TOK_DOUBLE,		/* with an exponent, or INF / NaN */
	TOK_DATE,		/* YYYY-MM-DD */
	TOK_DATETIME,		/* YYYY-MM-DDThh:mm[:ss[.f]](Z|+hh:mm|-hh:mm) */
	TOK_UNSUPPORTED,	/* guid, duration, binary, enum, geo and time-of-day literals */
	TOK_SPACE,		/* one or more spaces or tabs */
};

struct odata_token {
	enum odata_tok	 kind;
	size_t		 at;		/* offset in the decoded text */
	size_t		 len;		/* bytes of the text it covers */
	const char	*text;		/* STRING: the value; numbers, dates: the literal as SQL takes it */
	const char	*what;		/* UNSUPPORTED: what kind of literal */
};

struct odata_lexer {
	struct arena	*arena;
	const char	*s;		/* the decoded text */
	size_t		 n;
	size_t		 pos;
	struct odata_error *err;
	const char	*option;	/* "$filter", "$orderby", ... for messages */
};

/* Reads the token at lx->pos into t and moves past it. 0, or -1 with
 * lx->err filled (400 for a malformed literal). */
int	odata_lex(struct odata_lexer *lx, struct odata_token *t);

/* Looks at the token at lx->pos without moving. */
int	odata_peek(struct odata_lexer *lx, struct odata_token *t);

/* Fills err (status, code, option, at) with a message; returns -1. */
int	odata_fail(struct odata_error *err, int status, const char *code,
	    const char *option, long at, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/* ---- the expression tree (filter.c) ---- */

enum odata_node {
	N_LITERAL,		/* text is the parameter's value; vtype its type */
	N_NULL,
	N_PROPERTY,
	N_NOT,
	N_NEGATE,
	N_AND,
	N_OR,
	N_EQ, N_NE, N_GT, N_GE, N_LT, N_LE,
	N_ADD, N_SUB, N_MUL, N_DIV, N_MOD,
	N_IN,			/* a IN (args) */
	N_CALL,			/* fn(args) */
};

enum odata_fn {
	FN_CONTAINS, FN_STARTSWITH, FN_ENDSWITH, FN_LENGTH, FN_TOLOWER,
	FN_TOUPPER, FN_TRIM, FN_CONCAT, FN_INDEXOF, FN_SUBSTRING,
	FN_YEAR, FN_MONTH, FN_DAY, FN_HOUR, FN_MINUTE, FN_SECOND,
	FN_DATE, FN_NOW, FN_ROUND, FN_FLOOR, FN_CEILING,
};

struct odata_expr {
	enum odata_node	 kind;
	enum odata_vtype type;
	size_t		 at;		/* where it starts in the $filter text */
	const char	*text;		/* LITERAL: parameter value */
	const struct odata_column *column; /* PROPERTY (NULL in syntax-only mode) */
	const char	*name;		/* PROPERTY: as written */
	enum odata_fn	 fn;		/* CALL */
	struct odata_expr *a, *b;	/* operands */
	struct odata_expr **args;	/* CALL's arguments, IN's list */
	size_t		 nargs;
};

/* The parser over one decoded option value: $filter, or one $orderby
 * item (which stops before " asc", " desc", ',' or the end). */
struct odata_parser {
	struct odata_lexer lx;
	const struct odata_entity *entity; /* NULL: syntax-only */
	int		 depth;
	const char	*last_op;	/* the last operator read, for messages */
};

/* Parses one commonExpr from p->lx.pos; leaves the position after it.
 * NULL with the error filled. */
struct odata_expr *odata_parse_expr(struct odata_parser *p);

/* The entity's column called name (n bytes), or NULL. */
const struct odata_column *odata_column_find(const struct odata_entity *,
	    const char *name, size_t n);

/* The SQL type a value of type t is cast to ($1::bigint, ...). */
const char *odata_sql_type(enum odata_vtype t);

/* Nesting deeper than this is refused (400): the parser recurses. */
#define ODATA_MAX_DEPTH	100

#endif
