#ifndef DOMAIN_ADMIN_USER_H
#define DOMAIN_ADMIN_USER_H

#include "domain/admin.h"

struct actor;
struct agency;
struct arena;
struct pg;
struct role;
struct team;

/* A member of staff as administrators see them. */
struct user_rec {
	long long	 id;
	const char	*email;
	const char	*name;
	long long	 agency_id;
	const char	*agency_name;
	long long	 team_id;	/* 0: none */
	const char	*team_name;	/* "" when none */
	int		 disabled;
	int		 totp_set;	/* has set up an authenticator */
	long long	*role_ids;	/* roles held in their agency */
	size_t		 nroles;
	const char	*roles;		/* their names, for lists */
	const char	*version;
};

/* What a user form offers: agencies, teams and roles. */
struct user_choices {
	struct agency	*agencies;
	size_t		 nagencies;
	struct team	*teams;
	size_t		 nteams;
	struct role	*roles;
	size_t		 nroles;
};

/* A user as the form sent them. */
struct user_input {
	long long	 id;		/* updates */
	const char	*version;	/* updates */
	const char	*email;
	const char	*name;
	long long	 agency_id;
	long long	 team_id;	/* 0: none */
	const long long	*role_ids;	/* no repeats */
	size_t		 nroles;
	const char	*password_hash;	/* creation only */
};

extern const struct pg_stmts admin_user_statements;

int		user_list(struct pg *, struct arena *, const struct actor *,
		    long long agency_id, struct user_rec **, size_t *n);
int		user_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct user_rec *);
int		user_choices_load(struct pg *, struct arena *, const struct actor *,
		    struct user_choices *);
enum admin_rc	user_create(struct pg *, struct arena *, const struct actor *,
		    const struct user_input *, const char *reason, long long *id,
		    const char **detail);
enum admin_rc	user_update(struct pg *, struct arena *, const struct actor *,
		    const struct user_input *, const char *reason,
		    const char **detail, struct admin_revoke *);
enum admin_rc	user_set_disabled(struct pg *, struct arena *, const struct actor *,
		    long long id, int disable, const char *reason,
		    struct admin_revoke *);
enum admin_rc	user_reset_totp(struct pg *, struct arena *, const struct actor *,
		    long long id, const char *reason, struct admin_revoke *);
enum admin_rc	user_unlock_record(struct pg *, const struct actor *, long long id,
		    size_t locked, long long failures, int slowed, const char *reason);

#endif
