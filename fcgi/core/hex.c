/* Bytes as text: hex, hex SHA-256 digests (token hashes, keys, checksums),
 * and the bit-group encodings under base32 and base64. */
#include <openssl/evp.h>

#include "core/hex.h"

void
hex_encode(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

int
sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n;

	if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1 || n != 32)
		return -1;
	hex_encode(md, n, out);
	return 0;
}

size_t
bits_encode(const unsigned char *in, size_t n, const char *alphabet, int width,
    char *out)
{
	unsigned int acc = 0, mask = (1u << width) - 1;
	size_t i, o = 0;
	int bits = 0;

	for (i = 0; i < n; i++) {
		acc = (acc << 8) | in[i];
		bits += 8;
		while (bits >= width) {
			bits -= width;
			out[o++] = alphabet[(acc >> bits) & mask];
		}
		acc &= (1u << bits) - 1;
	}
	if (bits > 0)
		out[o++] = alphabet[(acc << (width - bits)) & mask];
	out[o] = '\0';
	return o;
}
