#ifndef AUTH_PASSWORD_H
#define AUTH_PASSWORD_H

#include <stddef.h>

/* Staff passwords, stored as scrypt hashes in one self-describing string:
 *	$scrypt$ln=15,r=8,p=1$<salt, base64>$<hash, base64>
 * (standard alphabet, no padding; 16-byte salt, 32-byte hash). The cost is
 * read back from the string, so hashes made at an older cost still verify;
 * password_needs_rehash says when to store a new one after a sign-in. */

#define PASSWORD_MIN		12	/* characters */
#define PASSWORD_MAX		256	/* characters */
#define PASSWORD_HASH_MAX	160	/* bytes, NUL included: room for a stored string */

/* The cost new hashes get: N = 2^15, r = 8, p = 1 (32 MiB, ~0.15 s here). */
#define PASSWORD_SCRYPT_LN	15
#define PASSWORD_SCRYPT_R	8
#define PASSWORD_SCRYPT_P	1

int	password_hash(const char *password, char *out, size_t outlen);
int	password_verify(const char *password, const char *stored);
int	password_needs_rehash(const char *stored);
int	password_acceptable(const char *password, char *why, size_t whylen);

#endif
