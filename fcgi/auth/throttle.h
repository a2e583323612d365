#ifndef AUTH_THROTTLE_H
#define AUTH_THROTTLE_H

#include <stddef.h>

struct rd;

/* Failed sign-ins (a wrong password or code, or an unknown account) are
 * counted in windows of THROTTLE_WINDOW seconds that start at the first:
 *  - per account and address: THROTTLE_PAIR_MAX lock that address out of
 *    that account until the window ends; other addresses are not locked,
 *    so a stranger cannot lock out a colleague;
 *  - per account from every address: after THROTTLE_ACCOUNT_FREE, each
 *    failure makes every address wait before the next attempt, 2 s doubling
 *    up to THROTTLE_DELAY_MAX (a slow-down, never a lock);
 *  - per address across accounts: THROTTLE_ADDRESS_MAX lock that address
 *    out of every account (password spraying).
 * A refused attempt checks no password and is not counted. */
#define THROTTLE_WINDOW		(15 * 60)
#define THROTTLE_PAIR_MAX	5
#define THROTTLE_ACCOUNT_FREE	10
#define THROTTLE_DELAY_MAX	60
#define THROTTLE_ADDRESS_MAX	20

enum throttle_verdict {
	THROTTLE_OPEN,		/* try the password */
	THROTTLE_LOCKED,	/* this address is locked out (of this account or all) */
	THROTTLE_SLOWED,	/* this account must wait a little */
};

/* What administrators see of an account's throttling. */
#define THROTTLE_LOCKS_SHOWN	10
struct throttle_lock {
	char		 addr[64];
	long long	 until;		/* epoch seconds */
};
struct throttle_account {
	struct throttle_lock	 locks[THROTTLE_LOCKS_SHOWN];
	size_t			 nlocks;	/* of them shown */
	long long		 failures;	/* in the window, from every address */
	long long		 wait;		/* seconds of slow-down left; 0: none */
};

int	throttle_check(struct rd *, const char *email, const char *addr,
	    long long *wait);
int	throttle_fail(struct rd *, const char *email, const char *addr);
int	throttle_clear(struct rd *, const char *email, const char *addr);
int	throttle_account_state(struct rd *, const char *email, long long now,
	    struct throttle_account *);
int	throttle_unlock(struct rd *, const char *email);
#define THROTTLE_FLAG_LOCKED	1u	/* an address is locked out of it */
#define THROTTLE_FLAG_SLOWED	2u	/* it is slowed down */
int	throttle_accounts_flags(struct rd *, const char *const *emails, size_t n,
	    long long now, unsigned *flags);

#endif
