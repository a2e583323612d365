/* Permission names as stored with roles, and the sets sessions carry. */
#include <string.h>

#include "domain/perm.h"

static const struct {
	const char *name, *label;
} perms[PERM__MAX] = {
	[PERM_PUBLIC] = { "public", "Anyone" },
	[PERM_SIGNED_IN] = { "signed_in", "Any signed-in member of staff" },
	[PERM_INCIDENT_CREATE] = { "incident.create", "Create incidents" },
	[PERM_INCIDENT_VIEW] = { "incident.view", "Search and view incidents" },
	[PERM_INCIDENT_UPDATE] = { "incident.update", "Update incidents" },
	[PERM_INCIDENT_REALLOCATE] = { "incident.reallocate", "Reallocate incidents" },
	[PERM_INCIDENT_CLOSE] = { "incident.close", "Close and reopen incidents" },
	[PERM_RISK_ASSESS] = { "risk.assess", "Record risk assessments" },
	[PERM_RISK_REVIEW] = { "risk.review", "Review risk assessments" },
	[PERM_ACTION_MANAGE] = { "action.manage", "Manage actions" },
	[PERM_CASE_MANAGE] = { "case.manage", "Manage monitored cases" },
	[PERM_EVIDENCE_VIEW] = { "evidence.view", "View evidence" },
	[PERM_PERSON_VIEW] = { "person.view", "See personal details" },
	[PERM_AUDIT_TEAM] = { "audit.team", "See their team's audit trail" },
	[PERM_REPORT_PARTNER] = { "report.partner", "Report as a partner agency" },
	[PERM_REPORTING_VIEW] = { "reporting.view", "Reporting views, dashboards and OData" },
	[PERM_ADMIN_USERS] = { "admin.users", "Manage users and roles" },
	[PERM_ADMIN_AGENCIES] = { "admin.agencies", "Manage agencies and teams" },
	[PERM_ADMIN_TYPES] = { "admin.types", "Manage ASB types and questions" },
	[PERM_ADMIN_ROUTING] = { "admin.routing", "Manage routing rules" },
	[PERM_ADMIN_API_CLIENTS] = { "admin.api_clients", "Manage API clients" },
	[PERM_PERSON_MERGE] = { "person.merge", "Merge people and undo merges" },
	[PERM_CASE_SUPERVISE] = { "case.supervise", "Review monitored cases" },
	[PERM_CASE_REVIEW_MANAGE] = { "case_review.manage", "Co-ordinate the ASB Case Review" },
};

const char *
perm_name(enum perm p)
{
	return p < PERM__MAX ? perms[p].name : "?";
}

const char *
perm_label(enum perm p)
{
	return p < PERM__MAX ? perms[p].label : "?";
}

/* Returns 0 and the permission, or -1 for a name we do not know. */
int
perm_from_name(const char *name, enum perm *out)
{
	int i;

	for (i = PERM_INCIDENT_CREATE; i < PERM__MAX; i++)
		if (strcmp(perms[i].name, name) == 0) {
			*out = (enum perm)i;
			return 0;
		}
	return -1;
}

/* Parses a PostgreSQL text[] literal ("{incident.view,admin.users}") into
 * a set. Unknown names are skipped (a newer release may have added them).
 * Returns -1 on a malformed literal. */
int
perm_set_parse(const char *s, perm_set *out)
{
	char name[64];
	size_t n;
	enum perm p;

	*out = 0;
	if (*s++ != '{')
		return -1;
	while (*s != '}') {
		n = strcspn(s, ",}");
		if (n == 0 || n >= sizeof(name) || s[n] == '\0')
			return -1;
		memcpy(name, s, n);
		name[n] = '\0';
		if (perm_from_name(name, &p) == 0)
			*out |= PERM_BIT(p);
		s += n;
		if (*s == ',')
			s++;
	}
	return 0;
}

/* Whether the set allows p; everyone has PUBLIC, and SIGNED_IN is a
 * session's own bit. */
int
perm_has(perm_set set, enum perm p)
{
	return p == PERM_PUBLIC || (p < PERM__MAX && (set & PERM_BIT(p)) != 0);
}
