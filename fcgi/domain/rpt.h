#ifndef DOMAIN_RPT_H
#define DOMAIN_RPT_H

#include "core/config.h"
#include "store/pg.h"

/* The reporting views (sql/migrations/0056_reporting_views.sql) show
 * people only as pseudonyms, HMAC-SHA256 under the partnership's key
 * (config pseudonym_key_file). This hands the key to the open
 * transaction (it lasts until its end), so the pseudonymised views
 * (rpt_incident_person, rpt_case_person) can be read in it; call it
 * after tx_begin. 0, or -1 (logged) when the key file cannot be read
 * or PostgreSQL fails. */
int	rpt_pseudonym_begin(struct pg *, const struct config *);

extern const struct pg_stmts rpt_statements;

#endif
