/* Name/value lists allocated from the request arena. */
#include <string.h>

#include "core/arena.h"
#include "http/kv.h"

/* Appends a pair (the strings are not copied). Returns -1 when out of memory. */
int
kv_add(struct arena *a, struct kvlist *l, const char *key, const char *val,
    size_t vlen)
{
	struct kv *v;
	size_t cap;

	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 8;
		if ((v = arena_calloc(a, cap, sizeof(*v))) == NULL)
			return -1;
		if (l->n > 0)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].key = key;
	l->v[l->n].val = val;
	l->v[l->n].vlen = vlen;
	l->n++;
	return 0;
}

/* The first value for key, or NULL. */
const char *
kv_get(const struct kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

size_t
kv_count(const struct kvlist *l, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			n++;
	return n;
}
