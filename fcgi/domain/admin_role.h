#ifndef DOMAIN_ADMIN_ROLE_H
#define DOMAIN_ADMIN_ROLE_H

#include "domain/admin.h"
#include "domain/perm.h"

struct actor;
struct arena;
struct pg;

/* A role: a named set of permissions, and the kinds of agency whose users
 * may hold it (none listed: any). */
struct role {
	long long	 id;
	const char	*code;		/* [a-z0-9_]{2,32}, unique */
	const char	*name;
	const char	**kinds;	/* agency kind codes, in agency_kinds order */
	size_t		 nkinds;
	perm_set	 perms;
	long long	 holders;	/* users holding it (lists only) */
	const char	*version;
};

extern const struct pg_stmts admin_role_statements;

int		role_list(struct pg *, struct arena *, const struct actor *,
		    struct role **, size_t *n);
int		role_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct role *);
int		role_allows_kind(const struct role *, const char *kind);
enum admin_rc	role_create(struct pg *, struct arena *, const struct actor *,
		    const struct role *, const char *reason, long long *id);
enum admin_rc	role_update(struct pg *, struct arena *, const struct actor *,
		    const struct role *, const char *reason, struct admin_revoke *);

#endif
