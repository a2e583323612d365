#ifndef DOMAIN_ADMIN_TEAM_H
#define DOMAIN_ADMIN_TEAM_H

#include "domain/admin.h"

struct actor;
struct arena;
struct pg;

/* A team: a queue of work owned by one agency. Its agency is chosen when
 * it is created and does not change (its users and work belong there). */
struct team {
	long long	 id;
	long long	 agency_id;
	const char	*agency_name;
	const char	*agency_code;	/* for the audit trail */
	const char	*code;		/* [a-z0-9-]{2,32}, unique in the agency */
	const char	*name;
	int		 specialist;
	int		 active;
	const char	*version;
};

extern const struct pg_stmts admin_team_statements;

int		team_list(struct pg *, struct arena *, const struct actor *,
		    struct team **, size_t *n);
int		team_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct team *);
enum admin_rc	team_create(struct pg *, const struct actor *, const struct team *,
		    const char *reason, long long *id);
enum admin_rc	team_update(struct pg *, struct arena *, const struct actor *,
		    const struct team *, const char *reason);

#endif
