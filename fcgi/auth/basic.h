#ifndef AUTH_BASIC_H
#define AUTH_BASIC_H

#include "core/arena.h"

/* HTTP Basic authentication (RFC 7617), as the OData feed takes an
 * analyst's key: the Authorization header's user and password, decoded
 * into the arena. 0, or -1 when the header is not Basic credentials
 * (another scheme, bad base64, no colon, a NUL inside, longer than
 * BASIC_MAX). */

#define BASIC_MAX	1024	/* base64 characters */

int	basic_decode(struct arena *, const char *header, const char **user,
	    const char **password);

#endif
