#ifndef DOMAIN_ACCESS_H
#define DOMAIN_ACCESS_H

struct actor;
struct pg;

int	access_record(struct pg *, const struct actor *, const char *entity,
	    const char *entity_id, const char *action, const char *reason);
int	access_refused(struct pg *, const struct actor *, const char *action,
	    const char *path, const char *reason);

#endif
