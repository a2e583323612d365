#ifndef SERVER_GATE_H
#define SERVER_GATE_H

#include "domain/perm.h"

struct req;

int	gate_enter(struct req *, enum perm need, int csrf_exempt);

#endif
