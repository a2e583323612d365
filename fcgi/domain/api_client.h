#ifndef DOMAIN_API_CLIENT_H
#define DOMAIN_API_CLIENT_H

#include <stddef.h>

#include "domain/perm.h"

struct arena;
struct config;
struct pg;

/* A CAD client as one of its keys names it (sql/migrations/0046_cad_api.sql):
 * who it acts as, what its scopes allow, where its webhooks go and how its
 * codes map to Concord's. */

#define API_SCOPE_READ		"incidents.read"
#define API_SCOPE_WRITE		"incidents.write"

enum api_key_state {
	API_KEY_LIVE,
	API_KEY_REVOKED,	/* the key, or its whole client */
	API_KEY_EXPIRED,	/* a rotated key after its overlap */
};

struct api_caller {
	long long	 client_id;
	long long	 key_row;		/* api_key.id */
	const char	*name;
	const char	*key_id;
	const char	*salt;
	const char	*secret_hash;
	enum api_key_state state;
	long long	 agency_id;
	long long	 user_id;		/* its service account */
	int		 core_partner;		/* its agency's */
	perm_set	 perms;			/* from its scopes */
	const char	*scopes;		/* as stored: a Postgres text[] literal */
	const char	*webhook_url;		/* or NULL */
	const char	*mappings;		/* jsonb text: domain/api_mapping.h */
};

extern const struct pg_stmts api_caller_statements;

/* The client whose key is key_id, strings in ar. 1 found, 0 no such key,
 * -1 on a database error. */
int		api_caller_find(struct pg *, struct arena *, const char *key_id,
		    struct api_caller *);
/* The same for a client of another kind ("odata": an analyst's key). */
int		api_caller_find_kind(struct pg *, struct arena *, const char *key_id,
		    const char *kind, struct api_caller *);
/* Whether the text[] literal (as scopes) holds word. */
int		api_scopes_have(const char *pg_array, const char *word);
/* The server's API key file (auth/api_sign.h), read on first use and kept
 * for the process: to derive the secrets of new keys and check old ones.
 * 0 with *key and *len, or -1 logged. */
int		api_master_get(const struct config *, const unsigned char **key,
		    size_t *len);
/* The secret of the caller's key (auth/api_sign.h) into secret
 * (API_SECRET_LEN + 1 bytes), from the configuration's API key file (read
 * once a process): to check its requests and to sign its webhooks. 0, or
 * -1 logged (no key file, or a key made with another one). */
int		api_secret_of(const struct config *, const struct api_caller *,
		    char *secret);
/* Notes that the key was used (at most once a minute a key). 0, or -1. */
int		api_key_used(struct pg *, const struct api_caller *);
/* The permissions a client's scopes give (a Postgres text[] literal). */
perm_set	api_scopes_perms(const char *pg_array);

#endif
