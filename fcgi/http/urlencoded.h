#ifndef HTTP_URLENCODED_H
#define HTTP_URLENCODED_H

#include <stddef.h>

struct arena;
struct kvlist;

enum urlenc_err {
	URLENC_OK = 0,
	URLENC_BAD_ESCAPE,	/* % not followed by two hex digits */
	URLENC_NUL,		/* an encoded or raw NUL byte */
	URLENC_TOO_MANY,	/* more pairs than allowed */
	URLENC_TOO_LONG,	/* a key or value over its limit */
	URLENC_NOMEM,
};

struct urlenc_limits {
	size_t	max_pairs;
	size_t	max_key;
	size_t	max_val;
};

int		 percent_decode(char *dst, const char *src, size_t len,
		    int plus_is_space, size_t *outlen);
int		 urlencoded_parse(struct arena *, const char *s, size_t len,
		    const struct urlenc_limits *, struct kvlist *out,
		    enum urlenc_err *);
const char	*urlenc_strerror(enum urlenc_err);

#endif
