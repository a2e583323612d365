#ifndef AUTH_THROTTLE_H
#define AUTH_THROTTLE_H

struct rd;

/* Failed sign-ins allowed per window, per account and per client address. */
#define THROTTLE_ACCOUNT_MAX	5
#define THROTTLE_ADDRESS_MAX	20
#define THROTTLE_WINDOW		(15 * 60)

int	throttle_blocked(struct rd *, const char *email, const char *addr);
int	throttle_fail(struct rd *, const char *email, const char *addr);
int	throttle_clear(struct rd *, const char *email);

#endif
