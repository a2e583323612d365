/* Making a monitored case: from incidents typed by reference, or straight
 * from a flag on an incident (repeat victim, repeat location, Case Review
 * threshold) with the flagged incidents linked. The case's people and
 * places come with its incidents (case_link_incident, 0050). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/actor.h"
#include "domain/case_core.h"
#include "domain/tx.h"
#include "store/pg.h"

#define FLAGGED_MAX	"200"	/* incidents a flag links at most */

/* The incidents that share a victim (as victim or reporter) with the
 * incident's victims within $2 days either way: the repeat victim flag's
 * rule and the Case Review count's people (domain/flags.c), over what the
 * actor may see. The incident itself is one of them. */
#define FLAGGED_PEOPLE \
	"SELECT o.reference FROM incident h " \
	"JOIN incident_person hp ON hp.incident_id = h.id " \
	"  AND (hp.role = 'victim' OR hp.person_id = h.victim_id) " \
	"JOIN incident_person op ON op.person_id = hp.person_id " \
	"  AND op.role IN ('victim', 'reporter') " \
	"JOIN incident o ON o.id = op.incident_id " \
	"WHERE h.reference = $1 AND o.reported_at BETWEEN " \
	"  h.reported_at - make_interval(days => $2::integer) AND " \
	"  h.reported_at + make_interval(days => $2::integer) " \
	"GROUP BY o.id, o.reference ORDER BY min(o.reported_at), o.id LIMIT " FLAGGED_MAX

static const struct pg_stmt stmts[] = {
	/* An active user of the agency with case.manage, and their team. */
	{ "case_open_lead",
	  "SELECT coalesce(u.team_id, 0) FROM app_user u WHERE u.id = $1::bigint "
	  "AND u.agency_id = $2::bigint AND u.disabled_at IS NULL AND EXISTS ("
	  "SELECT 1 FROM user_role ur JOIN role ro ON ro.id = ur.role_id "
	  "WHERE ur.user_id = u.id AND ur.agency_id = u.agency_id "
	  "AND 'case.manage' = ANY (ro.permissions))" },
	{ "case_open_incident", "SELECT id FROM incident WHERE reference = $1" },
	{ "case_flagged_people", FLAGGED_PEOPLE },
	{ "case_flagged_place",
	  "SELECT o.reference FROM incident h JOIN incident o "
	  "ON o.location && ST_Expand(h.location, $2::float8 / 40000.0) "
	  "AND ST_DWithin(o.location::geography, h.location::geography, $2::float8) "
	  "AND o.reported_at BETWEEN h.reported_at - make_interval(days => $3::integer) "
	  "AND h.reported_at + make_interval(days => $3::integer) "
	  "WHERE h.reference = $1 AND h.location IS NOT NULL "
	  "ORDER BY o.reported_at, o.id LIMIT " FLAGGED_MAX },
	{ "case_open_insert",
	  "INSERT INTO monitored_case (reference, title, summary, origin, lead_agency_id, "
	  "lead_user_id, lead_team_id, risk_level, opened_by) VALUES ('CASE-' || "
	  "to_char(now() AT TIME ZONE 'Europe/London', 'YYYY') || '-' || "
	  "lpad(nextval('monitored_case_number')::text, 6, '0'), $1, $2, $3, $4::bigint, "
	  "$5::bigint, nullif($6::bigint, 0), $7::risk_level, $8::bigint) "
	  "RETURNING id, reference" },
	{ "case_link_incident",
	  "SELECT case_link_incident($1::bigint, $2::bigint, $3, $4::bigint)" },
};

const struct pg_stmts case_open_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The flag's incidents as references, within the caller's transaction. */
static int
flagged_in_tx(struct pg *pg, struct arena *ar, const struct config *cfg,
    const char *origin, const char *from, struct case_table *out)
{
	char days[16], metres[16];
	const char *p[3] = { from, days, metres };

	memset(out, 0, sizeof(*out));
	if (strcmp(origin, "repeat_location") == 0) {
		snprintf(metres, sizeof(metres), "%d", cfg->repeat_location_metres);
		snprintf(days, sizeof(days), "%d", cfg->repeat_location_days);
		p[1] = metres;
		p[2] = days;
		return case_table_read(pg, ar, "case_flagged_place", 3, p, out);
	}
	snprintf(days, sizeof(days), "%d", strcmp(origin, "case_review") == 0 ?
	    cfg->case_review_days : cfg->repeat_victim_days);
	return case_table_read(pg, ar, "case_flagged_people", 2, p, out);
}

/* The incidents a flag on `from` links, for the new-case form. */
int
case_flagged(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, const char *origin, const char *from, struct case_table *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (tx_begin(pg, a) == -1)
		return -1;
	rc = flagged_in_tx(pg, ar, cfg, origin, from, out);
	pg_rollback(pg);
	return rc;
}

/* Adds the incident a reference names to ids (once). CASE_OK,
 * CASE_NOT_FOUND or CASE_ERROR. */
static enum case_result
incident_id_add(struct pg *pg, struct arena *ar, const char *ref, long long *ids,
    size_t *n, size_t max)
{
	const char *p[1] = { ref }, *v;
	int failed = 0;
	long long id;
	size_t i;

	if ((v = case_value(pg, ar, "case_open_incident", 1, p, &failed)) == NULL)
		return failed ? CASE_ERROR : CASE_NOT_FOUND;
	id = strtoll(v, NULL, 10);
	for (i = 0; i < *n; i++)
		if (ids[i] == id)
			return CASE_OK;
	if (*n < max)
		ids[(*n)++] = id;
	return CASE_OK;
}

/* The incidents of the new case: those typed, then the flag's. */
static enum case_result
incidents_of(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct case_new *c, long long *ids, size_t *n, size_t max, const char **bad)
{
	struct case_table fl;
	enum case_result rc;
	size_t i;
	int r;

	for (i = 0; i < c->nrefs; i++)
		if ((rc = incident_id_add(pg, ar, c->refs[i], ids, n, max)) != CASE_OK) {
			*bad = c->refs[i];
			return rc;
		}
	if (c->from == NULL || strcmp(c->origin, "incidents") == 0)
		return CASE_OK;
	if ((rc = incident_id_add(pg, ar, c->from, ids, n, max)) != CASE_OK) {
		*bad = c->from;
		return rc;
	}
	if (flagged_in_tx(pg, ar, cfg, c->origin, c->from, &fl) == -1)
		return CASE_ERROR;
	for (r = 0; r < fl.rows; r++)
		if ((rc = incident_id_add(pg, ar, case_cell(&fl, r, 0), ids, n, max)) ==
		    CASE_ERROR)
			return rc;
	return CASE_OK;
}

enum case_result
case_open(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, const struct case_new *c, const char **reference,
    const char **bad)
{
	char uid[24], aid[24], lead[24], cid[24], iid[24];
	const char *p[8], *team, *v;
	long long ids[CASE_REFS_MAX + 1 + 200], case_id;
	enum case_result rc = CASE_ERROR;
	struct case_table ins;
	size_t n = 0, i;
	int failed = 0;

	*reference = *bad = NULL;
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	snprintf(lead, sizeof(lead), "%lld", c->lead_user_id != 0 ? c->lead_user_id :
	    a->user_id);
	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	p[0] = lead;
	p[1] = aid;
	if ((team = case_value(pg, ar, "case_open_lead", 2, p, &failed)) == NULL) {
		rc = failed ? CASE_ERROR : CASE_CONFLICT;
		goto err;
	}
	if ((rc = incidents_of(pg, ar, cfg, c, ids, &n, sizeof(ids) / sizeof(ids[0]),
	    bad)) != CASE_OK)
		goto err;
	rc = CASE_ERROR;
	p[0] = c->title;
	p[1] = c->summary;
	p[2] = c->origin;
	p[3] = aid;
	p[4] = lead;
	p[5] = team;
	p[6] = c->risk;
	p[7] = uid;
	if (case_table_read(pg, ar, "case_open_insert", 8, p, &ins) == -1 || ins.rows != 1)
		goto err;
	case_id = strtoll(case_cell(&ins, 0, 0), NULL, 10);
	snprintf(cid, sizeof(cid), "%lld", case_id);
	for (i = 0; i < n; i++) {
		snprintf(iid, sizeof(iid), "%lld", ids[i]);
		p[0] = cid;
		p[1] = iid;
		p[2] = "created";
		p[3] = uid;
		if ((v = case_value(pg, ar, "case_link_incident", 4, p, &failed)) == NULL)
			goto err;
	}
	if (case_audit(pg, a, case_id, "create", NULL, "reference", case_cell(&ins, 0, 1),
	    "title", c->title, "origin", c->origin, "risk_level", c->risk,
	    "lead_user", lead, "incidents", arena_printf(ar, "%zu", n), NULL) == -1 ||
	    case_event_add(pg, a, case_id, "opened", arena_printf(ar,
	    "Case opened with %zu incident%s", n, n == 1 ? "" : "s"), 0, NULL) == -1 ||
	    pg_commit(pg) == -1)
		goto err;
	*reference = case_cell(&ins, 0, 1);
	return CASE_OK;
err:
	pg_rollback(pg);
	return rc;
}
