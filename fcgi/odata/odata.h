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
 * support ($expand, $search, $apply, lambda operators, ...); 500 only
 * when memory ran out. at is the byte offset in the decoded option value
 * the error is at (for the ABNF cases' FailAt), or -1; query_at, set by
 * odata_query_parse only, the same place as a byte offset in the raw
 * (still percent-encoded) query string, or -1.
 *
 * Codes: "syntax", "unknown_property", "unknown_function", "unknown_option",
 * "repeated_option", "type", "arity", "too_many", "too_deep",
 * "too_many_values", "skiptoken" (400); "not_supported" (501);
 * "memory", "no_entity", "no_key" (500: the caller's mistake). */
struct odata_error {
	int		 status;	/* 400 or 501 (500: out of memory) */
	const char	*code;		/* short word: "syntax", "unknown_property", "type", "not_supported", ... */
	const char	*option;	/* "$filter", "$orderby", ..., or NULL */
	long		 at;
	char		 message[240];	/* for a person: what to fix */
	long		 query_at;	/* offset in the raw query string, or -1 */
};

/* Parses a raw (percent-encoded, '&'-separated) query string for entity.
 * Options other than the system ones ($...) are ignored, except that a
 * repeated system option is a 400. 0, or -1 with err filled.
 *
 * OData 4.0, Intermediate conformance: system option names are
 * case-sensitive and start with '$' (a name without one, e.g. "filter",
 * is a custom option and ignored, as the feed's own key parameter is).
 * $filter, $select, $orderby, $top, $skip, $count, $skiptoken and
 * $format are read; $expand, $search, $apply, $compute, $levels and
 * $index are 501; any other $name is 400. $skiptoken and $format are
 * stored as sent (decoded): the feed judges them. $select is * or a
 * comma list of properties (one named twice is selected once); $orderby
 * a comma list of "property [asc|desc]" (ordering by an expression is
 * 501), at most ODATA_MAX_ORDER; $top and $skip whole numbers from 0;
 * $count true or false.
 *
 * Decoding: %XX is a byte (%00 and a malformed % are 400); a raw '+' is a
 * space (form encoding) except where it is a date-time offset's sign:
 * a '+' after a digit and before two digits and ':' ("10:00:00+01:00")
 * stays '+'. Power BI sends the sign as %2B, which is always '+'.
 *
 * entity == NULL is syntax-only mode (the ABNF cases use it): any
 * odataIdentifier is a property of unknown type and no type is checked,
 * so only the grammar is tested. */
int	odata_query_parse(struct arena *, const struct odata_entity *,
	    const char *query, struct odata_query *out, struct odata_error *err);

/* Parses one decoded $filter value alone (the ABNF tests and the fuzz
 * harness use it); entity NULL is syntax-only mode, as above. 0, or -1
 * with err filled.
 *
 * Supported: eq ne gt ge lt le, and or not, ( ), add sub mul div mod and
 * negation, in ( list ), null (eq null is IS NULL, ne null IS NOT NULL;
 * ne is IS DISTINCT FROM and not is IS NOT TRUE, so a null compares as
 * OData says, never as SQL's unknown), contains startswith endswith
 * length tolower toupper trim concat indexof substring, year month day
 * hour minute second date now, round floor ceiling. Operator words and
 * true/false/null are case-insensitive; function names are not.
 *
 * Date parts and date() of an Edm.DateTimeOffset are taken in
 * Europe/London (AT TIME ZONE 'Europe/London'), the feed's local time,
 * whatever offset the value was written with; now() is the database's.
 *
 * Literals: 'strings' ('' is a quote), integers (Int32, else Int64, else
 * Decimal), decimals, doubles with an exponent, INF, -INF, NaN, true,
 * false, null, dates YYYY-MM-DD and date-times with Z or +hh:mm / -hh:mm
 * and fractional seconds. Guid, duration, binary, enumeration, time of
 * day and geographic literals are checked (400 when malformed; a
 * geographic or enumeration one only for its closing quote) and 501;
 * so are dates outside the years 0001 to 9999. 501 also for any/all,
 * paths (A/B), $it, $root, $this, $count, parameter aliases, has, isof,
 * cast, divby, JSON arrays and objects, geo.* and the other standard
 * functions; an unknown function is 400 "unknown_function". Leading and
 * trailing spaces are a 400, as in the ABNF; so is a string that is not
 * UTF-8 or a Double out of range, which the database would refuse.
 * div and mod by zero give null (the row does not match) rather than a
 * failed statement; substring with a negative length is ''.
 * The tree and its literals live in the arena. */
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
 * key (what the next page's skip token needs), FROM the view WHERE the
 * filter AND, when after is given, the keyset condition "rows after the one whose order values
 * and key were after[0..norder] (text, NULL for SQL NULL)", ORDER BY the
 * order then the key, LIMIT limit; OFFSET only for the client's own
 * $skip on a first page (after == NULL). Date-time values are written
 * by the SQL as ISO 8601 with an offset (the feed's JSON needs no
 * conversion): the compiler wraps DateTimeOffset columns accordingly.
 * 0, or -1 with err filled (e.g. too many parameters: 400).
 *
 * What the SQL writes: an Edm.DateTimeOffset column as UTC with
 * milliseconds, to_char(col AT TIME ZONE 'UTC',
 * 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'); an Edm.Date as to_char(col,
 * 'YYYY-MM-DD'); others as they are. The order and key columns come
 * after them, named odata_order_0 ... and odata_key, as lossless text a
 * parameter casts back: col::text, a date as YYYY-MM-DD, a date-time as
 * UTC with microseconds. nafter must be norder + 1 (else 400
 * "skiptoken"). Ascending is NULLS FIRST and descending NULLS LAST (OData
 * puts null before any value), and the keyset condition is an OR of
 * (equal on the entries before i) AND (strictly after on entry i) written
 * for the after values given, with IS NULL where a value is NULL. Every
 * value is a parameter cast to its type ($1::bigint, $2::timestamptz,
 * ...). limit < 0 writes no LIMIT.
 *
 * The query must have been parsed with an entity (500 "no_entity") whose
 * key is one of its columns (500 "no_key"). params point at the parsed
 * literals (in the arena) and at the caller's after values: keep both
 * until the statement has run. */
int	odata_sql_select(struct arena *, const struct odata_query *,
	    const char *const *after, size_t nafter, long long limit,
	    struct odata_sql *out, struct odata_error *err);

/* SELECT count(*) FROM the view WHERE the filter. */
int	odata_sql_count(struct arena *, const struct odata_query *,
	    struct odata_sql *out, struct odata_error *err);

void	odata_sql_free(struct odata_sql *);

#endif
