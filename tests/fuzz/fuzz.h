/* Shared by the libFuzzer harnesses: each file defines
 * LLVMFuzzerTestOneInput for one parser and checks, where it is cheap, a
 * property that must hold for every input (not only "no crash"). */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A property failed: report it and abort, so libFuzzer keeps the input as
 * a crash. Kept on in every build (assert() might be compiled out). */
#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* The input as a NUL-terminated string (a parser of C strings never sees
 * past a NUL, so the part before the first one is what it gets). The
 * caller frees it. */
static inline char *
fuzz_string(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/* Chunk sizes from the input: each byte of plan gives the next size (1 to
 * 256), cycling; an empty plan feeds everything at once. */
struct chunks {
	const uint8_t	*plan;
	size_t		 plan_len;
	size_t		 i;
};

/* Takes a chunk plan off the front of the input: a length byte, then that
 * many sizes. Returns -1 when the input is too short for it. */
static inline int
chunks_take(const uint8_t **data, size_t *n, struct chunks *c)
{
	size_t len;

	if (*n < 1 || *n - 1 < (len = (*data)[0]))
		return -1;
	c->plan = *data + 1;
	c->plan_len = len;
	c->i = 0;
	*data += 1 + len;
	*n -= 1 + len;
	return 0;
}

static inline size_t
chunk_next(struct chunks *c, size_t left)
{
	size_t n;

	if (c->plan_len == 0)
		return left;
	n = (size_t)c->plan[c->i++ % c->plan_len] + 1;
	return n < left ? n : left;
}

#endif
