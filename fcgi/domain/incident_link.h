#ifndef DOMAIN_INCIDENT_LINK_H
#define DOMAIN_INCIDENT_LINK_H

#include <stddef.h>

#include "domain/incident.h"

struct actor;
struct arena;
struct config;
struct pg;

/* Incidents an officer linked as one problem (incident_link, 0025): one
 * row per pair, seen from either side. Linking and unlinking are audited
 * on both incidents, move both versions on, and recompute the flags of
 * both and of everything related to them (domain/flag_store.h). */

#define INCIDENT_LINK_REASON_MAX	500	/* characters */

/* The other incident of a link, as the page lists it. */
struct incident_linked {
	long long	 id;
	const char	*reference;
	const char	*type;
	const char	*status;	/* the code */
	const char	*reason;
	const char	*at;		/* Europe/London */
	const char	*by;		/* name, agency; "" when unknown */
};

extern const struct pg_stmts incident_link_statements;

enum incident_result	incident_link_add(struct pg *, struct arena *,
			    const struct actor *, const struct config *,
			    const char *reference, const char *other,
			    const char *reason, long long version);
enum incident_result	incident_link_remove(struct pg *, struct arena *,
			    const struct actor *, const struct config *,
			    const char *reference, const char *other, long long version);
int			incident_links_read(struct pg *, struct arena *, long long incident_id,
			    struct incident_linked **, size_t *);

#endif
