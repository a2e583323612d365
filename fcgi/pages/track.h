#ifndef PAGES_TRACK_H
#define PAGES_TRACK_H

struct req;

/* What the tracking page (pages/track.c) and the diary form
 * (pages/track_log.c) share: the reference and token of the link, and
 * the one 404 for a wrong reference or token. */
int	track_link(struct req *, const char **ref, const char **token);
void	track_not_found(struct req *);

#endif
