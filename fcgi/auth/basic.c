/* Basic credentials: "Basic " and base64 of "user:password". */
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "auth/basic.h"

static int
b64_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '+' || c == '/';
}

int
basic_decode(struct arena *ar, const char *h, const char **user, const char **password)
{
	size_t n, i, pad = 0;
	unsigned char *out;
	char *colon;
	int len;

	if (strncasecmp(h, "Basic ", 6) != 0)
		return -1;
	h += 6;
	while (*h == ' ')
		h++;
	n = strlen(h);
	while (n > 0 && h[n - 1] == ' ')
		n--;
	if (n == 0 || n % 4 != 0 || n > BASIC_MAX)
		return -1;
	/* EVP_DecodeBlock skips blanks and takes '=' anywhere: only the
	 * alphabet, then at most two '=' at the end. */
	while (pad < 2 && h[n - 1 - pad] == '=')
		pad++;
	for (i = 0; i < n - pad; i++)
		if (!b64_char(h[i]))
			return -1;
	if ((out = arena_alloc(ar, n / 4 * 3 + 1)) == NULL ||
	    (len = EVP_DecodeBlock(out, (const unsigned char *)h, (int)n)) < 0)
		return -1;
	/* It counts the padding's zero bytes in. */
	len -= (int)pad;
	out[len] = '\0';
	if (strlen((char *)out) != (size_t)len || (colon = strchr((char *)out, ':')) == NULL)
		return -1;
	*colon = '\0';
	*user = (char *)out;
	*password = colon + 1;
	return 0;
}
