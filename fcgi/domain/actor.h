#ifndef DOMAIN_ACTOR_H
#define DOMAIN_ACTOR_H

#include "domain/perm.h"

/* Who is acting: written on every audit row and set in each transaction
 * for PostgreSQL's row-level security. */
struct actor {
	long long	 user_id;	/* 0: nobody signed in (public, system) */
	long long	 agency_id;	/* 0: none */
	perm_set	 perms;
	int		 core_partner;	/* the agency sees partnership-level records */
	const char	*request_id;	/* nginx's $request_id, or NULL */
	const char	*client_addr;	/* or NULL */
};

#endif
