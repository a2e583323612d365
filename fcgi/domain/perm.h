#ifndef DOMAIN_PERM_H
#define DOMAIN_PERM_H

#include <stddef.h>
#include <stdint.h>

/* What a user may do. Roles carry permissions by name (role.permissions);
 * a session holds them as a bit set. The route table names the one each
 * route needs; what records a user sees is further limited by agency. */
enum perm {
	PERM_PUBLIC = 0,	/* anyone, signed in or not: no bit */
	PERM_SIGNED_IN,		/* any signed-in member of staff */
	PERM_INCIDENT_CREATE,
	PERM_INCIDENT_VIEW,
	PERM_INCIDENT_UPDATE,
	PERM_INCIDENT_REALLOCATE,
	PERM_INCIDENT_CLOSE,
	PERM_RISK_ASSESS,
	PERM_RISK_REVIEW,
	PERM_ACTION_MANAGE,
	PERM_CASE_MANAGE,
	PERM_EVIDENCE_VIEW,
	PERM_PERSON_VIEW,
	PERM_AUDIT_TEAM,
	PERM_REPORT_PARTNER,
	PERM_REPORTING_VIEW,
	PERM_ADMIN_USERS,
	PERM_ADMIN_AGENCIES,
	PERM_ADMIN_TYPES,
	PERM_ADMIN_ROUTING,
	PERM_ADMIN_API_CLIENTS,
	PERM_PERSON_MERGE,	/* merge two people, and undo a merge */
	PERM_CASE_SUPERVISE,	/* review monitored cases on their cadence */
	PERM_CASE_REVIEW_MANAGE,	/* co-ordinate the ASB Case Review register */
	PERM__MAX
};

typedef uint64_t perm_set;

#define PERM_BIT(p)	((perm_set)1 << (p))

const char	*perm_name(enum perm);
const char	*perm_label(enum perm);
int		 perm_from_name(const char *name, enum perm *out);
int		 perm_set_parse(const char *pg_array, perm_set *out);
int		 perm_has(perm_set, enum perm);

#endif
