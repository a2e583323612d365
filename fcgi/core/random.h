#ifndef CORE_RANDOM_H
#define CORE_RANDOM_H

#include <stddef.h>

/* Fills p with n bytes from the kernel's CSPRNG. Returns 0 or -1. */
int	random_bytes(void *p, size_t n);
/* Writes 2n lower-case hex digits and a NUL of n random bytes into out. */
int	random_hex(char *out, size_t n);

#endif
