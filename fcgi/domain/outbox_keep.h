#ifndef DOMAIN_OUTBOX_KEEP_H
#define DOMAIN_OUTBOX_KEEP_H

struct pg;

/* What the outbox keeps of a job once it is done. These run as
 * concord-worker's role (db_worker): the web role may only add jobs. */
extern const struct pg_stmts outbox_keep_statements;

int	outbox_delivered(struct pg *, const char *id);
long	outbox_prune(struct pg *, int keep_days);

#endif
