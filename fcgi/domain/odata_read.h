#ifndef DOMAIN_ODATA_READ_H
#define DOMAIN_ODATA_READ_H

#include <libpq-fe.h>

#include "odata/odata.h"

struct actor;
struct config;
struct pg;

/* Reading the reporting views for the OData feed: one compiled query
 * (odata/odata.h), run as the analyst — their row security — in a READ
 * ONLY transaction that holds the partnership's pseudonym key, so the
 * pseudonymised views answer too and nothing the feed runs can write. */

enum odata_read_rc {
	ODATA_READ_OK = 0,
	ODATA_READ_BAD_VALUE,	/* PostgreSQL refused a value (out of range, ...): a 400 */
	ODATA_READ_ERROR,	/* the database failed or timed out: a 503 */
};

/* The rows into *out (PQclear them). On ODATA_READ_BAD_VALUE, why says
 * what PostgreSQL found wrong, for the client. */
enum odata_read_rc odata_read(struct pg *, const struct config *, const struct actor *,
		    const struct odata_sql *, PGresult **out, char *why, size_t whylen);

#endif
