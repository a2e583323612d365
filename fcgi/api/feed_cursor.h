#ifndef API_FEED_CURSOR_H
#define API_FEED_CURSOR_H

#include "domain/api_incident.h"

/* The change feed's cursor: a place in the feed (domain/api_incident.h)
 * as opaque text, base64url (no padding) of "<xid>.<id>". Opaque so a
 * client keeps it as given; readable by us so it needs no storage. */

#define FEED_CURSOR_MAX	64	/* characters, with the NUL */

/* Writes the place as a cursor into out. */
void	feed_cursor_encode(const struct api_feed_pos *, char out[FEED_CURSOR_MAX]);
/* Reads a cursor. 0, or -1 when it is not one this server wrote. */
int	feed_cursor_decode(const char *, struct api_feed_pos *);

#endif
