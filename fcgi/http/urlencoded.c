/* application/x-www-form-urlencoded: query strings and form bodies. */
#include <string.h>

#include "core/arena.h"
#include "http/kv.h"
#include "http/urlencoded.h"

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes len bytes of src into dst (which may be src; the result is never
 * longer) and NUL-terminates it. Returns -1 on a malformed escape, and -2
 * on a NUL byte, which no field of ours may contain. */
int
percent_decode(char *dst, const char *src, size_t len, int plus_is_space,
    size_t *outlen)
{
	size_t i, o = 0;
	int hi, lo;
	unsigned char c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)src[i];
		if (c == '%') {
			if (len - i < 3)
				return -1;
			hi = hexval((unsigned char)src[i + 1]);
			lo = hexval((unsigned char)src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_is_space)
			c = ' ';
		if (c == '\0')
			return -2;
		dst[o++] = (char)c;
	}
	dst[o] = '\0';
	if (outlen != NULL)
		*outlen = o;
	return 0;
}

/* Decodes one key or value into the arena. */
static char *
decode_part(struct arena *a, const char *s, size_t len, size_t max,
    size_t *outlen, enum urlenc_err *err)
{
	char *p;
	int rc;

	if ((p = arena_alloc(a, len + 1)) == NULL) {
		*err = URLENC_NOMEM;
		return NULL;
	}
	if ((rc = percent_decode(p, s, len, 1, outlen)) != 0) {
		*err = rc == -2 ? URLENC_NUL : URLENC_BAD_ESCAPE;
		return NULL;
	}
	if (*outlen > max) {
		*err = URLENC_TOO_LONG;
		return NULL;
	}
	return p;
}

/* Parses `a=1&b=2` into out. Empty pairs are skipped, a key without `=`
 * gets an empty value, repeated keys are all kept. Returns -1 and sets
 * *err on the first problem; the caller answers 400. */
int
urlencoded_parse(struct arena *a, const char *s, size_t len,
    const struct urlenc_limits *lim, struct kvlist *out, enum urlenc_err *err)
{
	const char *end = s + len, *amp, *eq;
	char *key, *val;
	size_t klen, vlen;

	*err = URLENC_OK;
	while (s < end) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		if (amp == s) {
			s++;
			continue;
		}
		if (memchr(s, '\0', (size_t)(amp - s)) != NULL) {
			*err = URLENC_NUL;
			return -1;
		}
		if ((eq = memchr(s, '=', (size_t)(amp - s))) == NULL)
			eq = amp;
		if (out->n >= lim->max_pairs) {
			*err = URLENC_TOO_MANY;
			return -1;
		}
		if ((key = decode_part(a, s, (size_t)(eq - s), lim->max_key,
		    &klen, err)) == NULL)
			return -1;
		if (eq < amp)
			val = decode_part(a, eq + 1, (size_t)(amp - eq - 1),
			    lim->max_val, &vlen, err);
		else
			val = decode_part(a, eq, 0, lim->max_val, &vlen, err);
		if (val == NULL)
			return -1;
		if (klen > 0 && kv_add(a, out, key, val, vlen) == -1) {
			*err = URLENC_NOMEM;
			return -1;
		}
		s = amp;
	}
	return 0;
}

const char *
urlenc_strerror(enum urlenc_err e)
{
	switch (e) {
	case URLENC_OK:		return "no error";
	case URLENC_BAD_ESCAPE:	return "a malformed percent-encoding";
	case URLENC_NUL:	return "a NUL byte";
	case URLENC_TOO_MANY:	return "too many fields";
	case URLENC_TOO_LONG:	return "a field that is too long";
	case URLENC_NOMEM:	return "out of memory";
	}
	return "unknown error";
}
