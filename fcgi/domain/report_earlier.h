#ifndef DOMAIN_REPORT_EARLIER_H
#define DOMAIN_REPORT_EARLIER_H

#include <libpq-fe.h>

struct pg;
struct report_result;

/* A report sent before with the same idempotency key (a double click, a
 * resubmitted form, or another request that won the race), for
 * domain/report.c; report_find is in domain/report.h. */

extern const struct pg_stmts report_earlier_statements;

int	report_earlier_row(struct pg *, PGresult *, int col, const char *token,
	    struct report_result *);

#endif
