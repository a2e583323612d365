#ifndef DOMAIN_USERS_H
#define DOMAIN_USERS_H

#include "domain/perm.h"

struct actor;
struct pg;

/* What sign-in needs to know about a member of staff. */
struct user_auth {
	long long	 id;
	long long	 agency_id;
	char		 email[255];
	char		 name[201];
	char		 agency_name[201];
	char		 roles[256];
	char		 password_hash[256];
	char		 totp_secret[64];
	long long	 totp_last_step;
	int		 disabled;
	int		 core_partner;
	perm_set	 perms;
};

extern const struct pg_stmts users_statements;

int	user_auth_by_email(struct pg *, const char *email, struct user_auth *);
int	user_auth_by_id(struct pg *, long long id, struct user_auth *);
int	user_totp_consume(struct pg *, const struct actor *, long long user_id,
	    long long step);
int	user_totp_enrol(struct pg *, const struct actor *, long long user_id,
	    const char *secret, long long step);
int	user_password_set(struct pg *, const struct actor *, long long user_id,
	    const char *hash);

#endif
