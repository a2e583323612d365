#ifndef AUTH_TOTP_H
#define AUTH_TOTP_H

#include <stddef.h>

struct buf;

/* RFC 6238 time-based one-time passwords, as authenticator apps make them:
 * HMAC-SHA1, 30-second steps, 6 digits. */

enum totp_alg {
	TOTP_SHA1,
	TOTP_SHA256,
	TOTP_SHA512
};

#define TOTP_PERIOD		30	/* seconds per step */
#define TOTP_DIGITS		6
#define TOTP_WINDOW		1	/* steps either side accepted for clock drift */
#define TOTP_SECRET_BYTES	20
#define TOTP_SECRET_LEN		32	/* base32 characters, no padding */

int	totp_code(enum totp_alg, const unsigned char *key, size_t keylen,
	    long long step, int digits, char *out);
int	totp_check(const char *secret_b32, const char *code,
	    long long now_epoch, long long last_used_step,
	    long long *matched_step);
int	totp_secret_new(char *b32, size_t len);
int	totp_uri(const char *issuer, const char *account,
	    const char *secret_b32, struct buf *out);

#endif
