#ifndef CORE_HEX_H
#define CORE_HEX_H

#include <stddef.h>

/* Lower-case hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
void	hex_encode(const unsigned char *in, size_t n, char *out);
/* The hex SHA-256 of len bytes. Returns 0, or -1 when OpenSSL fails. */
int	sha256_hex(const void *data, size_t len, char out[65]);

#endif
