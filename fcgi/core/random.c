/* Random bytes from getrandom(2): ids, tokens, nonces. */
#include <errno.h>
#include <sys/random.h>

#include "core/random.h"

int
random_bytes(void *p, size_t n)
{
	unsigned char *c = p;
	ssize_t got;

	while (n > 0) {
		got = getrandom(c, n, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += got;
		n -= (size_t)got;
	}
	return 0;
}

int
random_hex(char *out, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[64];
	size_t i;

	if (n > sizeof(b) || random_bytes(b, n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * n] = '\0';
	return 0;
}
