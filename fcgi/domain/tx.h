#ifndef DOMAIN_TX_H
#define DOMAIN_TX_H

struct actor;
struct pg;

extern const struct pg_stmts tx_statements;

int	tx_begin(struct pg *, const struct actor *);
int	tx_actor(struct pg *, const struct actor *);

#endif
