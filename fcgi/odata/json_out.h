#ifndef ODATA_JSON_OUT_H
#define ODATA_JSON_OUT_H

#include "core/buf.h"
#include "odata/odata.h"

/* Writing the feed's JSON by hand, a value at a time: a page holds
 * thousands of rows, and building a json-c tree for each would cost more
 * than the query. */

/* s as a JSON string, quotes included (UTF-8 passed through; control
 * characters, quote and backslash escaped). */
void	odata_json_string(struct buf *, const char *s);
/* The same for n bytes (no NUL inside). */
void	odata_json_string_n(struct buf *, const char *s, size_t n);

/* One value of a column of type t as PostgreSQL's text gives it (NULL
 * for SQL NULL): numbers bare, booleans true/false, dates and times
 * (written ISO by the SQL) and strings quoted. A Double's or Decimal's NaN and
 * infinities are the strings OData uses ("NaN", "INF", "-INF"). */
void	odata_json_value(struct buf *, enum odata_type t, const char *text);
/* The same for text of n bytes, as libpq gives its length. */
void	odata_json_value_n(struct buf *, enum odata_type t, const char *text, size_t n);

#endif
