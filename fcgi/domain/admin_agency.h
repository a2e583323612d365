#ifndef DOMAIN_ADMIN_AGENCY_H
#define DOMAIN_ADMIN_AGENCY_H

#include "domain/admin.h"

struct actor;
struct arena;
struct pg;

/* An agency of the partnership, as administrators see and edit it. */
struct agency {
	long long	 id;
	const char	*code;		/* [a-z0-9-]{2,32}, unique */
	const char	*name;
	const char	*kind;		/* an agency_kinds code */
	int		 core_partner;	/* sees records shared with the partnership */
	int		 active;
	const char	*version;	/* changes whenever the record does */
};

extern const struct pg_stmts admin_agency_statements;

int		agency_list(struct pg *, struct arena *, const struct actor *,
		    struct agency **, size_t *n);
int		agency_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct agency *);
enum admin_rc	agency_create(struct pg *, const struct actor *,
		    const struct agency *, const char *reason, long long *id);
enum admin_rc	agency_update(struct pg *, struct arena *, const struct actor *,
		    const struct agency *, const char *reason, struct admin_revoke *);

#endif
