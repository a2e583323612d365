/* The statement tables of every domain file, in one list for store/pg.c. */
#include "domain/health.h"
#include "domain/outbox.h"
#include "domain/statements.h"
#include "store/pg.h"

const struct pg_stmts *const domain_statements[] = {
	&health_statements,
	&outbox_statements,
};
const size_t domain_statements_n =
    sizeof(domain_statements) / sizeof(domain_statements[0]);
