#ifndef DOMAIN_PARTNER_REPORTS_H
#define DOMAIN_PARTNER_REPORTS_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* A partner agency's own reports (the partner route of the reporting
 * form), as its reporters follow them: what they sent and where the
 * incident has got to. */
struct partner_report {
	const char	*reference;
	const char	*incident_reference;
	const char	*type;
	const char	*place;
	const char	*reported;	/* Europe/London */
	const char	*status;	/* the incident's: new, open, ... closed */
	const char	*partner_reference;	/* their own reference, or "" */
	const char	*tenancy_reference;
};

extern const struct pg_stmts partner_reports_statements;

int	partner_reports_list(struct pg *, struct arena *, const struct actor *,
	    int limit, int offset, struct partner_report **, size_t *);

#endif
