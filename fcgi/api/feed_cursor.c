/* The change feed's cursor (api/feed_cursor.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/feed_cursor.h"
#include "core/hex.h"

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Two 20-digit numbers, a dot and a NUL: 42 bytes, 56 characters. */
#define PLAIN_MAX	42

void
feed_cursor_encode(const struct api_feed_pos *p, char out[FEED_CURSOR_MAX])
{
	char plain[PLAIN_MAX];
	int n = snprintf(plain, sizeof(plain), "%llu.%lld", p->xid, p->id);

	bits_encode((const unsigned char *)plain, (size_t)n, b64url, 6, out);
}

/* The decimal digits of s up to end, as a number no larger than max.
 * 0, or -1. */
static int
digits(const char *s, const char *end, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (s == end || end - s > 20 || (*s == '0' && end - s > 1))
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9' || v > (max - (unsigned)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned)(*s - '0');
	}
	*out = v;
	return 0;
}

int
feed_cursor_decode(const char *s, struct api_feed_pos *p)
{
	char plain[PLAIN_MAX];
	const char *c, *dot;
	unsigned long long xid, id;
	unsigned bits = 0, have = 0;
	size_t n = 0, len;

	if (s == NULL || (len = strlen(s)) >= FEED_CURSOR_MAX)
		return -1;
	for (; *s != '\0'; s++) {
		if ((c = strchr(b64url, *s)) == NULL)
			return -1;
		bits = (bits << 6) | (unsigned)(c - b64url);
		if ((have += 6) >= 8) {
			have -= 8;
			if (n == PLAIN_MAX - 1)
				return -1;
			plain[n++] = (char)((bits >> have) & 0xff);
		}
		bits &= (1u << have) - 1;
	}
	/* The fill bits of the last group are zero in a cursor we wrote, and
	 * no character stands for none of the bytes. */
	if (bits != 0 || len != (8 * n + 5) / 6)
		return -1;
	plain[n] = '\0';
	if (strlen(plain) != n || (dot = strchr(plain, '.')) == NULL ||
	    digits(plain, dot, 0xffffffffffffffffULL, &xid) == -1 ||
	    digits(dot + 1, plain + n, 0x7fffffffffffffffULL, &id) == -1)
		return -1;
	p->xid = xid;
	p->id = (long long)id;
	return 0;
}
