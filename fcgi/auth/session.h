#ifndef AUTH_SESSION_H
#define AUTH_SESSION_H

#include "domain/perm.h"

struct rd;

#define SESSION_IDLE_SECONDS		(30 * 60)
#define SESSION_ABSOLUTE_SECONDS	(12 * 60 * 60)
#define SESSION_TOKEN_LEN		64	/* hex of 32 random bytes */

/* A signed-in member of staff. Redis keeps this under the SHA-256 of the
 * token; the token itself exists only in the browser's cookie. */
struct session {
	char		 key[65];	/* hex SHA-256 of the token */
	long long	 user_id;
	long long	 agency_id;
	long long	 created;
	perm_set	 perms;
	int		 core_partner;
	char		 csrf[65];
	char		 name[201];
	char		 agency_name[201];
	char		 roles[256];	/* role names, for the header */
};

int	session_create(struct rd *, struct session *, long long now,
	    char token[SESSION_TOKEN_LEN + 1]);
int	session_load(struct rd *, const char *token, long long now, struct session *);
int	session_destroy(struct rd *, const struct session *);
int	session_revoke_user(struct rd *, long long user_id);

#endif
