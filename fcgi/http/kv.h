#ifndef HTTP_KV_H
#define HTTP_KV_H

#include <stddef.h>

struct arena;

/* An ordered list of name/value pairs (query, form, cookies, headers,
 * path parameters). Repeated keys are kept in arrival order. */
struct kv {
	const char	*key;
	const char	*val;
	size_t		 vlen;
};

struct kvlist {
	struct kv	*v;
	size_t		 n;
	size_t		 cap;
};

int		 kv_add(struct arena *, struct kvlist *, const char *key,
		    const char *val, size_t vlen);
const char	*kv_get(const struct kvlist *, const char *key);
size_t		 kv_count(const struct kvlist *, const char *key);

#endif
