#ifndef DOMAIN_INTAKE_DEDUP_H
#define DOMAIN_INTAKE_DEDUP_H

struct pg;
struct rd;
struct report_input;

/* Whether a report from the public channels repeats an open incident
 * (same type, within REPORT_DEDUP_METRES and REPORT_DEDUP_SECONDS): the
 * lock on its neighbourhood, the look-up, and the fast index that the
 * next report looks in. Each inside the report's transaction. */

extern const struct pg_stmts intake_dedup_statements;

int	intake_dedup_lock(struct pg *, const struct report_input *, long long type_id);
int	intake_dedup_find(struct pg *, struct rd *, const struct report_input *,
	    long long type_id, long long own, long long *join, long long *join_owner);
void	intake_dedup_remember(struct rd *, const struct report_input *,
	    long long incident_id);

#endif
