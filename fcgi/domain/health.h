#ifndef DOMAIN_HEALTH_H
#define DOMAIN_HEALTH_H

struct pg;
struct rd;

/* Whether the stores answer, and the schema version the database is at. */
struct health {
	int	db_ok;
	int	redis_ok;
	long	schema;
	char	db_error[256];
	char	redis_error[256];
};

extern const struct pg_stmts health_statements;

void	health_check(struct pg *, struct rd *, struct health *);

#endif
