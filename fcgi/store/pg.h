#ifndef STORE_PG_H
#define STORE_PG_H

#include <libpq-fe.h>

/* One named, parameterised SQL statement. Domain files declare theirs in a
 * table; every table is prepared once on each new connection. */
struct pg_stmt {
	const char	*name;
	const char	*sql;
};

struct pg_stmts {
	const struct pg_stmt	*stmts;
	size_t			 n;
};

struct pg;

struct pg	*pg_open(const char *conninfo, const struct pg_stmts *const *sets,
		    size_t nsets);
void		 pg_close(struct pg *);
int		 pg_ensure(struct pg *);
const char	*pg_error(const struct pg *);
PGresult	*pg_exec(struct pg *, const char *name, int nparams,
		    const char *const *params);
int		 pg_exec_ok(struct pg *, const char *name, int nparams,
		    const char *const *params);
int		 pg_begin(struct pg *);
PGresult	*pg_begin_exec(struct pg *, const char *name, int nparams,
		    const char *const *params);
int		 pg_commit(struct pg *);
void		 pg_rollback(struct pg *);
int		 pg_outer_begin(struct pg *);
int		 pg_outer_end(struct pg *, int commit);
int		 pg_simple(struct pg *, const char *sql);
PGconn		*pg_conn(struct pg *);

#endif
