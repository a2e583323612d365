/* base32 (auth/base32.c): TOTP secrets typed in by people. */
#include "fuzz.h"

#include <ctype.h>

#include "auth/base32.h"

/* What decoding accepted, as the encoder would write it: upper case, no
 * white space, no padding. */
static void
normalise(const char *in, char *out)
{
	for (; *in != '\0'; in++)
		if (*in != ' ' && *in != '\t' && *in != '\r' && *in != '\n' && *in != '=')
			*out++ = (char)toupper((unsigned char)*in);
	*out = '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *s = fuzz_string(data, n), *enc, *norm;
	unsigned char *dec;
	size_t len, elen, dn, pad;

	/* Any text: decoded, bounded, and canonical. */
	len = strlen(s);
	dec = malloc(base32_decoded_max(len));
	enc = malloc(base32_encoded_len(base32_decoded_max(len), 1) + 1);
	norm = malloc(len + 1);
	if (dec == NULL || enc == NULL || norm == NULL)
		abort();
	if (base32_decode(s, dec, base32_decoded_max(len), &dn) == 0) {
		CHECK(dn <= base32_decoded_max(len));
		CHECK(base32_encode(dec, dn, 0, enc, base32_encoded_len(dn, 0) + 1) == 0);
		normalise(s, norm);
		CHECK(strcmp(enc, norm) == 0);
	}
	free(enc);
	free(dec);
	free(norm);

	/* Any bytes: decode(encode(x)) == x, padded and not. */
	for (pad = 0; pad <= 1; pad++) {
		elen = base32_encoded_len(n, (int)pad);
		enc = malloc(elen + 1);
		dec = malloc(base32_decoded_max(elen));
		if (enc == NULL || dec == NULL)
			abort();
		CHECK(base32_encode(data, n, (int)pad, enc, elen + 1) == 0);
		CHECK(strlen(enc) == elen);
		/* One byte short is refused, never overrun. */
		CHECK(base32_encode(data, n, (int)pad, enc, elen) == -1);
		CHECK(base32_decode(enc, dec, base32_decoded_max(elen), &dn) == 0);
		CHECK(dn == n && (n == 0 || memcmp(dec, data, n) == 0));
		free(enc);
		free(dec);
	}
	free(s);
	return 0;
}
