#ifndef CORE_ARENA_H
#define CORE_ARENA_H

#include <stddef.h>

/* A per-request memory pool: many allocations, one release. */
struct arena;

struct arena	*arena_new(size_t block);
void		 arena_free(struct arena *);
void		 arena_reset(struct arena *);
void		*arena_alloc(struct arena *, size_t);
void		*arena_calloc(struct arena *, size_t, size_t);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
size_t		 arena_used(const struct arena *);

#endif
