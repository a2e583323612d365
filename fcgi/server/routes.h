#ifndef SERVER_ROUTES_H
#define SERVER_ROUTES_H

#include <stddef.h>

#include "server/router.h"

extern const struct route routes[];
extern const size_t routes_n;

#endif
