#ifndef AUTH_SIGNIN_H
#define AUTH_SIGNIN_H

struct req;

enum signin_step {
	SIGNIN_FAILED,		/* wrong e-mail, password or code: say nothing more */
	SIGNIN_THROTTLED,	/* too many failures from this address: wait */
	SIGNIN_SLOWED,		/* many failures against this account: wait a little */
	SIGNIN_UNAVAILABLE,	/* a store is down */
	SIGNIN_NEED_CODE,	/* password good: ask for the TOTP code */
	SIGNIN_NEED_ENROL,	/* password good, no TOTP yet: enrol first */
	SIGNIN_EXPIRED,		/* the half-finished sign-in has timed out */
	SIGNIN_DONE,		/* signed in: session cookie set */
};

/* The state between the password and the code, kept in Redis. */
struct signin_pending {
	char		 key[65];
	long long	 user_id;
	char		 email[255];
	char		 secret[64];	/* the new secret, while enrolling */
	char		 next[513];	/* the page to land on once signed in, or "" */
	int		 enrolling;
};

/* *wait: the seconds to wait when SIGNIN_THROTTLED or SIGNIN_SLOWED. */
enum signin_step signin_password(struct req *, const char *email, const char *password,
		    const char *next, long long *wait);
enum signin_step signin_code(struct req *, const char *code, long long *wait);
int		 signin_pending_load(struct req *, struct signin_pending *);
void		 signin_out(struct req *);
int		 signin_next_valid(const char *);

#endif
