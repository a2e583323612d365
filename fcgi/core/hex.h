#ifndef CORE_HEX_H
#define CORE_HEX_H

#include <stddef.h>

/* Lower-case hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
void	hex_encode(const unsigned char *in, size_t n, char *out);
/* n bytes read as a stream of width-bit groups (5 for base32, 6 for
 * base64), the last one filled out with zero bits, each group written as
 * alphabet[group]; NUL-terminated, no padding. out must hold
 * (8n + width - 1) / width + 1 bytes. Returns the characters written. */
size_t	bits_encode(const unsigned char *in, size_t n, const char *alphabet,
	    int width, char *out);
/* The hex SHA-256 of len bytes. Returns 0, or -1 when OpenSSL fails. */
int	sha256_hex(const void *data, size_t len, char out[65]);

#endif
