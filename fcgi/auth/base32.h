#ifndef AUTH_BASE32_H
#define AUTH_BASE32_H

#include <stddef.h>

/* RFC 4648 base32 (the A-Z2-7 alphabet), as authenticator apps use it. */

/* Characters needed to encode n bytes, not counting the NUL. */
size_t	base32_encoded_len(size_t n, int pad);
/* Bytes that decoding at most this many characters can produce. */
size_t	base32_decoded_max(size_t chars);
int	base32_encode(const unsigned char *in, size_t n, int pad,
	    char *out, size_t outlen);
int	base32_decode(const char *in, unsigned char *out, size_t outlen,
	    size_t *n);

#endif
