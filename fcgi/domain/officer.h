#ifndef DOMAIN_OFFICER_H
#define DOMAIN_OFFICER_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* The members of staff an incident can be given to as its officer in
 * charge: the actor's agency's active users. */

extern const struct pg_stmts officer_statements;

struct officer {
	long long	 id;
	const char	*name;
};

int	officer_list(struct pg *, struct arena *, const struct actor *,
	    struct officer **, size_t *);

#endif
