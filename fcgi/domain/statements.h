#ifndef DOMAIN_STATEMENTS_H
#define DOMAIN_STATEMENTS_H

#include <stddef.h>

struct pg_stmts;

/* Every statement the web workers use, prepared on each new connection. */
extern const struct pg_stmts *const domain_statements[];
extern const size_t domain_statements_n;

#endif
