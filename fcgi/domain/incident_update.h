#ifndef DOMAIN_INCIDENT_UPDATE_H
#define DOMAIN_INCIDENT_UPDATE_H

#include <stddef.h>

#include "domain/incident.h"

struct actor;
struct arena;
struct pg;

/* Updates on an incident. Staff write them, each either shared with the
 * people who reported the incident (their tracking page, an email to
 * those who asked for one, and Open311's status notes) or kept internal;
 * a status change writes a shared one in plain words. */

#define INCIDENT_UPDATE_MAX	2000	/* characters, as the table checks */

struct incident_update {
	const char	*when;		/* Europe/London, for people */
	const char	*text;
	int		 shared;
	const char	*by;		/* who wrote it, "" for none */
};

extern const struct pg_stmts incident_update_statements;

const char	*incident_status_words(const char *status);
enum incident_result incident_update_add(struct pg *, struct arena *,
		    const struct actor *, const char *reference, const char *text,
		    int shared, int for_cad, long long version);
int		 incident_update_list(struct pg *, struct arena *, const struct actor *,
		    long long incident_id, struct incident_update **, size_t *);
int		 incident_update_insert(struct pg *, const struct actor *,
		    long long incident_id, const char *text, int shared, int for_cad);
int		 incident_update_status(struct pg *, struct arena *,
		    const struct actor *, long long incident_id, const char *to);

#endif
