#ifndef AUTH_API_SIGN_H
#define AUTH_API_SIGN_H

#include <stddef.h>

struct buf;

/*
 * The CAD API's request signatures (README "Signing a request"), used both
 * ways: clients sign their calls to /api/v1/, and Concord signs the
 * webhooks it sends them with the same scheme and key.
 *
 * The string to sign is seven lines joined by "\n", no final newline:
 *
 *   concord-v1
 *   METHOD               upper case: POST
 *   /api/v1/incidents    the path as sent, not decoded
 *   a=1&b=2              the query as sent, or an empty line
 *   1764921600           the Concord-Timestamp header: seconds since 1970
 *   3f1c...              the Concord-Nonce header
 *   e3b0c442...          lower-case hex SHA-256 of the body (of no bytes when none)
 *
 * and the Concord-Signature header is "v1=" and the lower-case hex
 * HMAC-SHA256 of it, keyed by the secret's characters.
 *
 * A secret is never stored: it is the base64url (no padding) HMAC-SHA256,
 * keyed by the server's API key file, of "concord-api-secret\n" key id "\n"
 * salt, so a copy of the database alone cannot sign anything.
 */

#define API_SIGN_SCHEME		"concord-v1"
#define API_SIGN_PREFIX		"v1="
#define API_SECRET_LEN		43	/* base64url of 32 bytes, no padding */
#define API_SIGNATURE_LEN	64	/* hex HMAC-SHA256 */
#define API_MASTER_MIN		32	/* bytes the key file must hold at least */
#define API_MASTER_MAX		256
#define API_NONCE_MIN		16
#define API_NONCE_MAX		64
#define API_CLOCK_SKEW		300	/* seconds either way a timestamp may be off */

struct api_sign_input {
	const char	*method;
	const char	*path;
	const char	*query;		/* NULL: none */
	const char	*timestamp;
	const char	*nonce;
	const void	*body;
	size_t		 body_len;
};

/* Reads the API key file (raw bytes, API_MASTER_MIN to API_MASTER_MAX).
 * 0, or -1 with the reason in err. */
int	api_master_load(const char *path, unsigned char *out, size_t *len,
	    char *err, size_t errlen);
/* The secret of key_id and its salt, NUL-terminated, into out
 * (API_SECRET_LEN + 1 bytes). 0, or -1 when OpenSSL fails. */
int	api_secret_derive(const unsigned char *master, size_t mlen,
	    const char *key_id, const char *salt, char *out);
/* The string to sign (the comment above), into out. 0, or -1. */
int	api_sign_string(struct buf *out, const struct api_sign_input *);
/* The hex signature of in with secret into hex (API_SIGNATURE_LEN + 1
 * bytes). 0, or -1. */
int	api_sign(const char *secret, const struct api_sign_input *in, char *hex);
/* Whether header (the Concord-Signature value) is in's signature with
 * secret; the comparison takes the same time wherever they differ. 1 yes,
 * 0 no, -1 when OpenSSL fails. */
int	api_sign_check(const char *secret, const struct api_sign_input *in,
	    const char *header);
/* A nonce is 16 to 64 of A-Z a-z 0-9 - _. */
int	api_nonce_valid(const char *);

#endif
