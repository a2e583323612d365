/* Random bytes from getrandom(2): ids, tokens, nonces. */
#include <errno.h>
#include <sys/random.h>

#include "core/hex.h"
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
	unsigned char b[64];

	if (n > sizeof(b) || random_bytes(b, n) == -1)
		return -1;
	hex_encode(b, n, out);
	return 0;
}
