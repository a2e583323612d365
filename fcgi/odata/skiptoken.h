#ifndef ODATA_SKIPTOKEN_H
#define ODATA_SKIPTOKEN_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"

/*
 * The feed's skip token: where the next page starts — the order values
 * and the key of the last row sent (text, as odata_sql_select returns
 * them; NULL for SQL NULL) — and a check of the query it belongs to (the
 * entity set, $filter and $orderby), so that a token is never applied to
 * another query's order. Opaque to clients: base64url of a JSON array
 * ["q1", check, value, ...].
 */

#define ODATA_TOKEN_MAX		4096	/* longer is not one of ours */

/* The check of a query: set, $filter and $orderby as sent (NULL: none). */
unsigned long long odata_token_check(const char *set, const char *filter,
		    const char *orderby);

/* The token for values[0..n) into out. 0, or -1 out of memory. */
int	odata_token_encode(struct buf *out, unsigned long long check,
	    const char *const *values, size_t n);

/* The n values a token holds, in the arena, when it is one of ours for
 * this check and has exactly n values. 0, or -1 (not a token of this query). */
int	odata_token_decode(struct arena *, const char *token, unsigned long long check,
	    size_t n, const char ***values);

#endif
