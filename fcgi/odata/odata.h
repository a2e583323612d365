#ifndef ODATA_ODATA_H
#define ODATA_ODATA_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"

/*
 * The OData v4 feed's query language: what an entity set may be asked
 * (odata_entity, the whitelist of a reporting view's columns), the
 * parsed system query options (odata_query) and the SQL they compile to
 * (odata_sql). Pure: no libpq, no FastCGI, so the URL parser is tested
 * against the OASIS ABNF cases and fuzzed on its own.
 *
 * Values never enter the SQL text: every literal is a parameter ($n)
 * and every name is one of the entity's columns, written from the
 * whitelist, never from the request.
 */

enum odata_type {
	ODATA_BOOLEAN,		/* Edm.Boolean */
	ODATA_INT32,		/* Edm.Int32 */
	ODATA_INT64,		/* Edm.Int64 */
	ODATA_DECIMAL,		/* Edm.Decimal (numeric) */
	ODATA_DOUBLE,		/* Edm.Double */
	ODATA_STRING,		/* Edm.String */
	ODATA_DATE,		/* Edm.Date, YYYY-MM-DD */
	ODATA_DATETIME,		/* Edm.DateTimeOffset, always with an offset */
};

struct odata_column {
	const char	*name;		/* the OData property and the view's column */
	enum odata_type	 type;
	int		 nullable;
	const char	*doc;		/* one line, for $metadata's Core.Description */
};

struct odata_entity {
	const char	*set;		/* entity set, e.g. "Incidents" */
	const char	*type;		/* entity type, e.g. "Incident" */
	const char	*view;		/* the reporting view, e.g. "rpt_incident" */
	const char	*scope;		/* what a key must be allowed, e.g. "rpt_incident" */
	const struct odata_column *columns;
	size_t		 ncolumns;
	const char	*key;		/* the one key column (bigint or text, unique, not null) */
};

/* The system query options of one request. */
struct odata_expr;			/* a parsed $filter (opaque) */

struct odata_order {
	const struct odata_column *column;
	int		 desc;
};

#define ODATA_MAX_SELECT	64
#define ODATA_MAX_ORDER		8

struct odata_query {
	const struct odata_entity *entity;
	struct odata_expr *filter;	/* NULL: none */
	const struct odata_column *select[ODATA_MAX_SELECT];
	size_t		 nselect;	/* 0: every column */
	struct odata_order order[ODATA_MAX_ORDER];
	size_t		 norder;	/* the key is always added last by the compiler */
	int64_t		 top;		/* -1: none */
	int64_t		 skip;		/* 0: none */
	int		 count;		/* $count=true */
	const char	*skiptoken;	/* $skiptoken as sent (decoded by the feed), or NULL */
	const char	*format;	/* $format as sent, or NULL */
};

/* Why a request cannot be answered: 400 when it does not parse (or names
 * what is not there), 501 when it parses but asks what the feed does not
 * support ($expand, $search, $apply, lambda operators, ...). at is the
 * byte offset in the decoded option value the error is at (for the ABNF
 * cases' FailAt), or -1. */
struct odata_error {
	int		 status;	/* 400 or 501 */
	const char	*code;		/* short word: "syntax", "unknown_property", "type", "not_supported", ... */
	const char	*option;	/* "$filter", "$orderby", ..., or NULL */
	long		 at;
	char		 message[240];	/* for a person: what to fix */
};

/* Parses a raw (percent-encoded, '&'-separated) query string for entity.
 * Options other than the system ones ($...) are ignored, except that a
 * repeated system option is a 400. 0, or -1 with err filled. */
int	odata_query_parse(struct arena *, const struct odata_entity *,
	    const char *query, struct odata_query *out, struct odata_error *err);

/* Parses one decoded $filter value alone (the ABNF tests and the fuzz
 * harness use it). 0, or -1 with err filled. */
int	odata_filter_parse(struct arena *, const struct odata_entity *,
	    const char *filter, struct odata_expr **out, struct odata_error *err);

/* SQL with its parameters, text form (libpq's paramValues). */
#define ODATA_MAX_PARAMS	256

struct odata_sql {
	struct buf	 sql;
	const char	*params[ODATA_MAX_PARAMS];
	int		 nparams;
};

/* SELECT the selected columns (in $select's order, or the entity's when
 * nselect is 0), then one text column per order entry and one for the
 * key (what the next page's skip token needs), FROM the view WHERE the filter AND, when after
 * is given, the keyset condition "rows after the one whose order values
 * and key were after[0..norder] (text, NULL for SQL NULL)", ORDER BY the
 * order then the key, LIMIT limit; OFFSET only for the client's own
 * $skip on a first page (after == NULL). Date-time values are written
 * by the SQL as ISO 8601 with an offset (the feed's JSON needs no
 * conversion): the compiler wraps DateTimeOffset columns accordingly.
 * 0, or -1 with err filled (e.g. too many parameters: 400). */
int	odata_sql_select(struct arena *, const struct odata_query *,
	    const char *const *after, size_t nafter, long long limit,
	    struct odata_sql *out, struct odata_error *err);

/* SELECT count(*) FROM the view WHERE the filter. */
int	odata_sql_count(struct arena *, const struct odata_query *,
	    struct odata_sql *out, struct odata_error *err);

void	odata_sql_free(struct odata_sql *);

#endif
