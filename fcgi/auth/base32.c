/* RFC 4648 base32: TOTP secrets shown to people and read by authenticator
 * apps. Decoding forgives what people type (lower case, spaces, no padding)
 * but nothing outside the alphabet. */
#include <string.h>

#include "auth/base32.h"
#include "core/hex.h"

static const char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* The 5-bit value of c, or -1 when c is not a base32 character. */
static int
b32_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= '2' && c <= '7')
		return c - '2' + 26;
	return -1;
}

static int
b32_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Length of the encoding of n bytes: padded to a multiple of 8 when pad is
 * set. Returns 0 when the length would not fit in a size_t. */
size_t
base32_encoded_len(size_t n, int pad)
{
	size_t groups, rest;

	groups = n / 5;
	rest = n % 5;
	if (groups > (((size_t)-1) - 8) / 8)
		return 0;
	if (pad)
		return (groups + (rest > 0)) * 8;
	/* 1..4 trailing bytes need 2, 4, 5 or 7 characters. */
	return groups * 8 + (rest * 8 + 4) / 5;
}

/* An upper bound on the bytes decoded from chars characters. */
size_t
base32_decoded_max(size_t chars)
{
	return chars / 8 * 5 + 5;
}

/* Encodes n bytes of in into out, NUL-terminated; pad adds '=' to a multiple
 * of 8 characters. Returns -1 when out (outlen bytes) is too small. */
int
base32_encode(const unsigned char *in, size_t n, int pad, char *out,
    size_t outlen)
{
	size_t need, o;

	need = base32_encoded_len(n, pad);
	if ((need == 0 && n > 0) || outlen <= need)
		return -1;
	o = bits_encode(in, n, b32_alphabet, 5, out);
	while (pad && o < need)
		out[o++] = '=';
	out[o] = '\0';
	return 0;
}

/* Decodes the NUL-terminated in into out (outlen bytes) and sets *n to the
 * number of bytes written. Lower case, white space and missing padding are
 * accepted. Returns -1 on a character outside the alphabet, '=' anywhere
 * but at the end, padding to other than a multiple of 8, a length no
 * encoder produces, non-zero unused bits, or out too small. */
int
base32_decode(const char *in, unsigned char *out, size_t outlen, size_t *n)
{
	size_t chars, pads, o;
	unsigned int acc;
	int bits, v;

	*n = 0;
	chars = pads = o = 0;
	acc = 0;
	bits = 0;
	for (; *in != '\0'; in++) {
		if (b32_is_space(*in))
			continue;
		if (*in == '=') {
			pads++;
			continue;
		}
		if (pads > 0 || (v = b32_value(*in)) == -1)
			return -1;
		chars++;
		acc = (acc << 5) | (unsigned int)v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			if (o >= outlen)
				return -1;
			out[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (pads > 0 && ((chars + pads) % 8 != 0 || pads >= 8))
		return -1;
	/* 1, 3 or 6 characters left over cannot come from whole bytes. */
	switch (chars % 8) {
	case 1:
	case 3:
	case 6:
		return -1;
	}
	if (acc != 0)
		return -1;
	*n = o;
	return 0;
}
