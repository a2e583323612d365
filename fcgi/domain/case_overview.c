/* A case's overview page: its people (through case_people, so an agency
 * without a victim's consent reads "Victim 1" and nothing more) with each
 * victim's risk assessment state, its places, linked incidents, the link
 * suggestions, the agencies working it and the victims' consent, who may
 * lead it, and its closures. The view is audited. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case_core.h"
#include "domain/tx.h"
#include "store/pg.h"

#define LONDON(col, fmt) "to_char(" col " AT TIME ZONE 'Europe/London', '" fmt "')"

static const struct pg_stmt stmts[] = {
	/* 0 case_person_id, 1 person_id, 2 role, 3 group_name, 4 member_of,
	 * 5 shown, 6 name, 7 phone, 8 email, 9 address, 10 postcode,
	 * 11 vulnerable, 12 risk: current, overdue, none ("" not a victim). */
	{ "case_ov_people",
	  "SELECT p.case_person_id, coalesce(p.person_id, 0), p.role, "
	  "coalesce(p.group_name, ''), coalesce(p.member_of, 0), p.shown, p.name, p.phone, "
	  "p.email, p.address, p.postcode, p.vulnerable, "
	  "CASE WHEN p.role <> 'victim' OR p.person_id IS NULL THEN '' "
	  "WHEN coalesce(r.current, false) THEN 'current' "
	  "WHEN coalesce(r.assessed, false) THEN 'overdue' ELSE 'none' END "
	  "FROM case_people($1::bigint) p LEFT JOIN case_victim_risk r "
	  "ON r.case_id = $1::bigint AND r.person_id = p.person_id" },
	/* 0 id, 1 label, 2 address, 3 postcode, 4 radius, 5 lat, 6 lon */
	{ "case_ov_places",
	  "SELECT id, label, address, postcode, radius_m, "
	  "coalesce(round(ST_Y(location)::numeric, 5)::text, ''), "
	  "coalesce(round(ST_X(location)::numeric, 5)::text, '') "
	  "FROM case_place WHERE case_id = $1::bigint AND removed_at IS NULL ORDER BY id" },
	/* 0 reference, 1 type, 2 reported, 3 status, 4 risk, 5 how */
	{ "case_ov_incidents",
	  "SELECT i.reference, t.name, " LONDON("i.reported_at", "FMDD Mon YYYY") ", "
	  "i.status, coalesce(i.risk_level::text, ''), ci.how "
	  "FROM case_incident ci JOIN incident i ON i.id = ci.incident_id "
	  "JOIN asb_type t ON t.id = i.asb_type_id "
	  "WHERE ci.case_id = $1::bigint AND ci.unlinked_at IS NULL "
	  "ORDER BY i.reported_at DESC, i.id DESC LIMIT 500" },
	/* 0 reference, 1 type, 2 reported, 3 why */
	{ "case_ov_suggestions",
	  "SELECT i.reference, t.name, " LONDON("i.reported_at", "FMDD Mon YYYY") ", s.why "
	  "FROM case_suggestion s JOIN incident i ON i.id = s.incident_id "
	  "JOIN asb_type t ON t.id = i.asb_type_id WHERE s.case_id = $1::bigint "
	  "ORDER BY i.reported_at DESC, i.id DESC LIMIT 100" },
	/* 0 agency id, 1 name, 2 added */
	{ "case_ov_agencies",
	  "SELECT a.id, a.name, " LONDON("ca.added_at", "FMDD Mon YYYY") " "
	  "FROM case_agency ca JOIN agency a ON a.id = ca.agency_id "
	  "JOIN monitored_case c ON c.id = ca.case_id "
	  "WHERE ca.case_id = $1::bigint AND ca.removed_at IS NULL "
	  "AND ca.agency_id <> c.lead_agency_id ORDER BY a.name" },
	/* The latest answer of each victim for each agency: 0 victim, 1
	 * agency, 2 consented, 3 how, 4 recorded */
	{ "case_ov_consent",
	  "SELECT v.name, v.agency, v.consented, v.how, v.recorded FROM ("
	  "SELECT DISTINCT ON (cc.person_id, cc.agency_id) p.name, a.name AS agency, "
	  "cc.consented, cc.how, " LONDON("cc.recorded_at", "FMDD Mon YYYY") " AS recorded, "
	  "p.case_person_id FROM case_consent cc "
	  "JOIN case_people($1::bigint) p ON p.person_id = cc.person_id AND p.role = 'victim' "
	  "JOIN agency a ON a.id = cc.agency_id WHERE cc.case_id = $1::bigint "
	  "ORDER BY cc.person_id, cc.agency_id, cc.recorded_at DESC, cc.id DESC) v "
	  "ORDER BY v.case_person_id, v.agency" },
	/* Agencies that could be added: 0 id, 1 name */
	{ "case_ov_addable",
	  "SELECT a.id, a.name FROM agency a, monitored_case c WHERE c.id = $1::bigint "
	  "AND a.active AND a.id <> c.lead_agency_id AND NOT EXISTS (SELECT 1 "
	  "FROM case_agency ca WHERE ca.case_id = c.id AND ca.agency_id = a.id "
	  "AND ca.removed_at IS NULL) ORDER BY a.name" },
	/* Who may lead it: active case officers of the agencies working it.
	 * 0 id, 1 name (agency) */
	{ "case_ov_officers",
	  "SELECT u.id, u.name || ' (' || a.name || ')' FROM app_user u "
	  "JOIN agency a ON a.id = u.agency_id JOIN monitored_case c ON c.id = $1::bigint "
	  "WHERE u.disabled_at IS NULL AND (u.agency_id = c.lead_agency_id OR u.agency_id IN "
	  "(SELECT ca.agency_id FROM case_agency ca WHERE ca.case_id = c.id "
	  "AND ca.removed_at IS NULL)) AND EXISTS (SELECT 1 FROM user_role ur "
	  "JOIN role ro ON ro.id = ur.role_id WHERE ur.user_id = u.id "
	  "AND ur.agency_id = u.agency_id AND 'case.manage' = ANY (ro.permissions)) "
	  "ORDER BY u.agency_id <> c.lead_agency_id, u.name LIMIT 500" },
	/* 0 closed, 1 outcome, 2 note, 3 told on, 4 how, 5 what, 6 public
	 * reason, 7 reopened ("" not), 8 reopen reason */
	{ "case_ov_closures",
	  "SELECT " LONDON("closed_at", "FMDD FMMonth YYYY") ", outcome, note, "
	  "coalesce(to_char(told_on, 'FMDD FMMonth YYYY'), ''), told_how, told_what, "
	  "public_reason, coalesce(" LONDON("reopened_at", "FMDD FMMonth YYYY") ", ''), "
	  "reopen_reason FROM case_closure WHERE case_id = $1::bigint "
	  "ORDER BY closed_at DESC, id DESC" },
};

const struct pg_stmts case_overview_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Every part of the overview, in the caller's transaction. 0 or -1. */
static int
parts_load(struct pg *pg, struct arena *ar, struct case_overview *ov)
{
	char cid[24];
	const char *p[1] = { cid };
	int r;

	snprintf(cid, sizeof(cid), "%lld", ov->h.id);
	if (case_table_read(pg, ar, "case_ov_people", 1, p, &ov->people) == -1 ||
	    case_table_read(pg, ar, "case_ov_places", 1, p, &ov->places) == -1 ||
	    case_table_read(pg, ar, "case_ov_incidents", 1, p, &ov->incidents) == -1 ||
	    case_table_read(pg, ar, "case_ov_suggestions", 1, p, &ov->suggestions) == -1 ||
	    case_table_read(pg, ar, "case_ov_agencies", 1, p, &ov->agencies) == -1 ||
	    case_table_read(pg, ar, "case_ov_consent", 1, p, &ov->consent) == -1 ||
	    case_table_read(pg, ar, "case_ov_addable", 1, p, &ov->addable) == -1 ||
	    case_table_read(pg, ar, "case_ov_officers", 1, p, &ov->officers) == -1 ||
	    case_table_read(pg, ar, "case_ov_closures", 1, p, &ov->closures) == -1)
		return -1;
	for (r = 0; r < ov->people.rows; r++)
		if (case_victim_red(case_cell(&ov->people, r, 12)))
			ov->red = 1;
	return 0;
}

enum case_result
case_overview_view(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct case_overview *ov)
{
	enum case_result rc;
	char id[24];

	memset(ov, 0, sizeof(*ov));
	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	if ((rc = case_head_load(pg, ar, a, reference, &ov->h)) == CASE_ERROR)
		goto err;
	if (rc == CASE_OK && parts_load(pg, ar, ov) == -1)
		goto err;
	snprintf(id, sizeof(id), "%lld", ov->h.id);
	if ((rc == CASE_OK ? audit_append(pg, a, "monitored_case", id, "view", NULL, NULL,
	    NULL) : audit_not_found(pg, a, "monitored_case", reference != NULL ?
	    reference : "")) == -1)
		goto err;
	return pg_commit(pg) == 0 ? rc : CASE_ERROR;
err:
	pg_rollback(pg);
	return CASE_ERROR;
}
