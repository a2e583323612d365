/* The changes to a case: linking an incident (a suggestion taken, or by
 * reference) and dismissing a suggestion, people, named groups and places
 * added by hand, agencies added (with each victim's consent for that
 * agency) and removed, the lead officer (and with them the lead agency),
 * closure with what the victim was told, and reopening. Each one
 * transaction with the version checked, an audit row and a timeline row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/case_core.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "case_dismiss",
	  "INSERT INTO case_suggestion_dismissed (case_id, incident_id, dismissed_by, reason) "
	  "VALUES ($1::bigint, $2::bigint, $3::bigint, $4) ON CONFLICT DO NOTHING" },
	{ "case_person_seen", "SELECT id FROM person WHERE id = $1::bigint" },
	{ "case_person_add",
	  "INSERT INTO case_person (case_id, person_id, role, added_by) "
	  "VALUES ($1::bigint, $2::bigint, $3, $4::bigint) ON CONFLICT (case_id, person_id, role) "
	  "WHERE removed_at IS NULL AND person_id IS NOT NULL DO NOTHING" },
	{ "case_group_add",
	  "INSERT INTO case_person (case_id, role, group_name, added_by) "
	  "VALUES ($1::bigint, 'subject', $2, $3::bigint) RETURNING id" },
	{ "case_group_members",
	  "UPDATE case_person SET member_of = $2::bigint WHERE case_id = $1::bigint "
	  "AND id = ANY ($3::bigint[]) AND role = 'subject' AND group_name IS NULL "
	  "AND removed_at IS NULL" },
	{ "case_place_add",
	  "INSERT INTO case_place (case_id, label, address, postcode, location, radius_m, "
	  "added_by) VALUES ($1::bigint, $2, $3, $4, CASE WHEN $5::boolean THEN "
	  "ST_SetSRID(ST_MakePoint($7::float8, $6::float8), 4326) END, $8::integer, $9::bigint)" },
	{ "case_agency_name",
	  "SELECT name FROM agency WHERE id = $1::bigint AND active" },
	{ "case_agency_add",
	  "WITH a AS (INSERT INTO case_agency (case_id, agency_id, added_by) "
	  "VALUES ($1::bigint, $2::bigint, $3::bigint) ON CONFLICT (case_id, agency_id) "
	  "DO UPDATE SET removed_at = NULL, removed_by = NULL, added_at = now(), "
	  "added_by = EXCLUDED.added_by RETURNING 1) "
	  "UPDATE monitored_case SET shared_with = array_append(array_remove(shared_with, "
	  "$2::bigint), $2::bigint) WHERE id = $1::bigint" },
	{ "case_consent_missing",
	  "SELECT person_id FROM case_person WHERE case_id = $1::bigint AND role = 'victim' "
	  "AND removed_at IS NULL AND person_id IS NOT NULL "
	  "AND person_id <> ALL ($2::bigint[]) ORDER BY id" },
	{ "case_consent_add",
	  "INSERT INTO case_consent (case_id, person_id, agency_id, consented, how, recorded_by) "
	  "SELECT $1::bigint, $2::bigint, $3::bigint, $4::boolean, $5, $6::bigint "
	  "WHERE EXISTS (SELECT 1 FROM case_person cp WHERE cp.case_id = $1::bigint "
	  "AND cp.person_id = $2::bigint AND cp.role = 'victim' AND cp.removed_at IS NULL)" },
	/* The consent history stays: only the agency's part ends. */
	{ "case_agency_remove",
	  "WITH a AS (UPDATE case_agency SET removed_at = now(), removed_by = $3::bigint "
	  "WHERE case_id = $1::bigint AND agency_id = $2::bigint AND removed_at IS NULL "
	  "RETURNING agency_id) UPDATE monitored_case SET shared_with = "
	  "array_remove(shared_with, $2::bigint) WHERE id = $1::bigint "
	  "AND EXISTS (SELECT 1 FROM a) AND lead_agency_id <> $2::bigint" },
	/* The new lead: an active case officer of an agency working the case.
	 * 0 agency, 1 name, 2 team, 3 agency's name */
	{ "case_lead_candidate",
	  "SELECT u.agency_id, u.name, coalesce(u.team_id, 0), a.name FROM app_user u "
	  "JOIN agency a ON a.id = u.agency_id JOIN monitored_case c ON c.id = $1::bigint "
	  "WHERE u.id = $2::bigint AND u.disabled_at IS NULL "
	  "AND (u.agency_id = c.lead_agency_id OR u.agency_id IN (SELECT ca.agency_id "
	  "FROM case_agency ca WHERE ca.case_id = c.id AND ca.removed_at IS NULL)) "
	  "AND EXISTS (SELECT 1 FROM user_role ur JOIN role ro ON ro.id = ur.role_id "
	  "WHERE ur.user_id = u.id AND ur.agency_id = u.agency_id "
	  "AND 'case.manage' = ANY (ro.permissions))" },
	/* A new lead agency: the old one goes on working it (case_agency and
	 * shared_with); every consent row stays as it was. */
	{ "case_lead_set",
	  "WITH old AS (SELECT lead_agency_id AS id FROM monitored_case WHERE id = $1::bigint), "
	  "keep AS (INSERT INTO case_agency (case_id, agency_id, added_by) "
	  "SELECT $1::bigint, old.id, $5::bigint FROM old WHERE old.id <> $3::bigint "
	  "ON CONFLICT (case_id, agency_id) DO UPDATE SET removed_at = NULL, removed_by = NULL "
	  "RETURNING 1) "
	  "UPDATE monitored_case c SET lead_user_id = $2::bigint, lead_agency_id = $3::bigint, "
	  "lead_team_id = nullif($4::bigint, 0), shared_with = array_append(array_remove("
	  "array_append(array_remove(c.shared_with, old.id), old.id), $3::bigint), $3::bigint) "
	  "FROM old WHERE c.id = $1::bigint" },
	{ "case_close_insert",
	  "INSERT INTO case_closure (case_id, closed_by, outcome, note, told_on, told_how, "
	  "told_what, public_reason) VALUES ($1::bigint, $2::bigint, $3, $4, "
	  "nullif($5, '')::date, $6, $7, $8)" },
	{ "case_close_set",
	  "UPDATE monitored_case SET status = 'closed', closed_at = now(), "
	  "closed_by = $2::bigint, outcome = $3, closure_note = $4 WHERE id = $1::bigint" },
	{ "case_reopen_closure",
	  "UPDATE case_closure SET reopened_at = now(), reopened_by = $2::bigint, "
	  "reopen_reason = $3 WHERE id = (SELECT id FROM case_closure WHERE case_id = "
	  "$1::bigint AND reopened_at IS NULL ORDER BY closed_at DESC, id DESC LIMIT 1)" },
	{ "case_reopen_set",
	  "UPDATE monitored_case SET status = 'open', closed_at = NULL, closed_by = NULL, "
	  "outcome = NULL WHERE id = $1::bigint" },
};

const struct pg_stmts case_change_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* What a change needs: the case as read, its id and the actor's as text. */
struct change {
	struct case_head	h;
	char			cid[24], uid[24];
};

enum need { NEED_OPEN, NEED_CLOSED, NEED_LEAD_OPEN };

/* Starts a change: the transaction, the case, its state, the version.
 * CASE_OK (the transaction open) or the reason, rolled back. */
static enum case_result
change_begin(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, enum need need, struct change *c)
{
	enum case_result rc;
	int open;

	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	if ((rc = case_head_load(pg, ar, a, reference, &c->h)) != CASE_OK)
		goto out;
	open = strcmp(c->h.status, "open") == 0;
	if (need == NEED_LEAD_OPEN && !c->h.lead) {
		rc = CASE_NOT_LEAD;
		goto out;
	}
	if (need == NEED_CLOSED ? open : !open) {
		rc = need == NEED_CLOSED ? CASE_CONFLICT : CASE_CLOSED;
		goto out;
	}
	if ((rc = case_touch(pg, c->h.id, version)) != CASE_OK)
		goto out;
	snprintf(c->cid, sizeof(c->cid), "%lld", c->h.id);
	snprintf(c->uid, sizeof(c->uid), "%lld", a->user_id);
	return CASE_OK;
out:
	pg_rollback(pg);
	return rc;
}

/* Ends a change: commits unless it failed. */
static enum case_result
change_end(struct pg *pg, int failed)
{
	if (failed) {
		pg_rollback(pg);
		return CASE_ERROR;
	}
	return pg_commit(pg) == 0 ? CASE_OK : CASE_ERROR;
}

/* Ends a change with its timeline row (no names in the summary). */
static enum case_result
change_done(struct pg *pg, const struct actor *a, const struct change *c, int failed,
    const char *kind, const char *summary)
{
	return change_end(pg, failed || summary == NULL ||
	    case_event_add(pg, a, c->h.id, kind, summary, 0, NULL) == -1);
}

/* Ends a change that found something missing: CASE_NOT_FOUND. */
static enum case_result
change_missing(struct pg *pg, enum case_result rc)
{
	pg_rollback(pg);
	return rc;
}

enum case_result
case_link(struct pg *pg, struct arena *ar, const struct actor *a, const char *reference,
    long long version, const char *incident, int suggested)
{
	struct change c;
	enum case_result rc;
	const char *p[4], *iid, *linked;
	int failed = 0;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_OPEN, &c)) != CASE_OK)
		return rc;
	p[0] = incident;
	if ((iid = case_value(pg, ar, "case_open_incident", 1, p, &failed)) == NULL)
		return failed ? change_end(pg, 1) : change_missing(pg, CASE_NOT_FOUND);
	p[0] = c.cid;
	p[1] = iid;
	p[2] = suggested ? "suggestion" : "manual";
	p[3] = c.uid;
	if ((linked = case_value(pg, ar, "case_link_incident", 4, p, &failed)) == NULL)
		return change_end(pg, 1);
	if (linked[0] != 't')
		return change_missing(pg, CASE_LINKED);
	failed = case_audit(pg, a, c.h.id, "link_incident", NULL, "incident", incident,
	    "how", p[2], NULL) == -1;
	return change_done(pg, a, &c, failed, "incident_linked", arena_printf(ar,
	    "Incident %s linked%s", incident, suggested ? " (suggested)" : ""));
}

enum case_result
case_dismiss(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const char *incident, const char *reason)
{
	struct change c;
	enum case_result rc;
	const char *p[4], *iid;
	int failed = 0;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_OPEN, &c)) != CASE_OK)
		return rc;
	p[0] = incident;
	if ((iid = case_value(pg, ar, "case_open_incident", 1, p, &failed)) == NULL)
		return failed ? change_end(pg, 1) : change_missing(pg, CASE_NOT_FOUND);
	p[0] = c.cid;
	p[1] = iid;
	p[2] = c.uid;
	p[3] = reason;
	failed = pg_exec_ok(pg, "case_dismiss", 4, p) == -1 ||
	    case_audit(pg, a, c.h.id, "dismiss_suggestion", reason, "incident", incident,
	    NULL) == -1;
	return change_done(pg, a, &c, failed, "suggestion_dismissed", arena_printf(ar,
	    "Suggested incident %s dismissed: %s", incident, reason));
}

static const char *
role_word(const char *role)
{
	return strcmp(role, "victim") == 0 ? "victim" : strcmp(role, "witness") == 0 ?
	    "witness" : "subject";
}

enum case_result
case_person_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, long long person_id, const char *role)
{
	struct change c;
	enum case_result rc;
	char pid[24];
	const char *p[4];
	int failed = 0;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_OPEN, &c)) != CASE_OK)
		return rc;
	snprintf(pid, sizeof(pid), "%lld", person_id);
	p[0] = pid;
	if (case_value(pg, ar, "case_person_seen", 1, p, &failed) == NULL)
		return failed ? change_end(pg, 1) : change_missing(pg, CASE_NOT_FOUND);
	p[0] = c.cid;
	p[1] = pid;
	p[2] = role_word(role);
	p[3] = c.uid;
	failed = pg_exec_ok(pg, "case_person_add", 4, p) == -1 ||
	    case_audit(pg, a, c.h.id, "person_add", NULL, "person", pid, "role", p[2],
	    NULL) == -1;
	return change_done(pg, a, &c, failed, "person_added", arena_printf(ar,
	    "A %s was added to the case", p[2]));
}

enum case_result
case_group_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const char *name,
    const long long *members, size_t n)
{
	struct change c;
	enum case_result rc;
	const char *p[3], *gid, *arr;
	int failed = 0;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_OPEN, &c)) != CASE_OK)
		return rc;
	p[0] = c.cid;
	p[1] = name;
	p[2] = c.uid;
	if ((gid = case_value(pg, ar, "case_group_add", 3, p, &failed)) == NULL ||
	    (arr = case_ids_array(ar, members, n)) == NULL)
		return change_end(pg, 1);
	p[1] = gid;
	p[2] = arr;
	failed = pg_exec_ok(pg, "case_group_members", 3, p) == -1 ||
	    case_audit(pg, a, c.h.id, "group_add", NULL, "group", name, "members", arr,
	    NULL) == -1;
	return change_done(pg, a, &c, failed, "group_added", arena_printf(ar,
	    "Named group %s added", name));
}

enum case_result
case_place_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const char *label, const char *address,
    const char *postcode, double lat, double lon, int has_point, int radius_m)
{
	struct change c;
	enum case_result rc;
	char la[32], lo[32], rad[16];
	const char *p[9];
	int failed;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_OPEN, &c)) != CASE_OK)
		return rc;
	snprintf(la, sizeof(la), "%.6f", lat);
	snprintf(lo, sizeof(lo), "%.6f", lon);
	snprintf(rad, sizeof(rad), "%d", radius_m);
	p[0] = c.cid;
	p[1] = label;
	p[2] = address;
	p[3] = postcode;
	p[4] = has_point ? "true" : "false";
	p[5] = la;
	p[6] = lo;
	p[7] = rad;
	p[8] = c.uid;
	failed = pg_exec_ok(pg, "case_place_add", 9, p) == -1 ||
	    case_audit(pg, a, c.h.id, "place_add", NULL, "label", label, "address", address,
	    "postcode", postcode, NULL) == -1;
	return change_done(pg, a, &c, failed, "place_added", arena_printf(ar,
	    "Place %s added", label));
}

/* The answered victims' ids as an SQL array. */
static const char *
answered_array(struct arena *ar, const struct case_consent_answer *ans, size_t n)
{
	long long *ids = arena_calloc(ar, n + 1, sizeof(*ids));
	size_t i;

	if (ids == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		ids[i] = ans[i].person_id;
	return case_ids_array(ar, ids, n);
}

enum case_result
case_agency_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, long long agency_id,
    const struct case_consent_answer *ans, size_t n, struct case_table *missing)
{
	struct change c;
	enum case_result rc;
	char aid[24], pid[24];
	const char *p[6], *name, *said = "";
	size_t i;
	int failed = 0;

	memset(missing, 0, sizeof(*missing));
	if ((rc = change_begin(pg, ar, a, reference, version, NEED_LEAD_OPEN, &c)) != CASE_OK)
		return rc;
	p[0] = c.cid;
	if ((p[1] = answered_array(ar, ans, n)) == NULL ||
	    case_table_read(pg, ar, "case_consent_missing", 2, p, missing) == -1)
		return change_end(pg, 1);
	if (missing->rows > 0)
		return change_missing(pg, CASE_UNANSWERED);
	snprintf(aid, sizeof(aid), "%lld", agency_id);
	p[0] = aid;
	if (agency_id == c.h.lead_agency_id ||
	    (name = case_value(pg, ar, "case_agency_name", 1, p, &failed)) == NULL)
		return failed ? change_end(pg, 1) : change_missing(pg, CASE_NOT_FOUND);
	p[0] = c.cid;
	p[1] = aid;
	p[2] = c.uid;
	if (pg_exec_ok(pg, "case_agency_add", 3, p) == -1)
		return change_end(pg, 1);
	for (i = 0; i < n && !failed; i++) {
		snprintf(pid, sizeof(pid), "%lld", ans[i].person_id);
		p[1] = pid;
		p[2] = aid;
		p[3] = ans[i].consented ? "true" : "false";
		p[4] = ans[i].how != NULL ? ans[i].how : "";
		p[5] = c.uid;
		failed = pg_exec_ok(pg, "case_consent_add", 6, p) == -1 ||
		    (said = arena_printf(ar, "%s%s%s:%s", said, *said ? "," : "", pid,
		    ans[i].consented ? "yes" : "no")) == NULL;
	}
	failed = failed ||
	    case_audit(pg, a, c.h.id, "agency_add", NULL, "agency", aid, "consent", said,
	    NULL) == -1;
	return change_done(pg, a, &c, failed, "agency_added", arena_printf(ar,
	    "%s now works this case", name));
}

enum case_result
case_agency_remove(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, long long agency_id)
{
	struct change c;
	enum case_result rc;
	char aid[24];
	const char *p[3], *name;
	PGresult *res;
	int failed = 0, changed;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_LEAD_OPEN, &c)) != CASE_OK)
		return rc;
	snprintf(aid, sizeof(aid), "%lld", agency_id);
	p[0] = aid;
	if ((name = case_value(pg, ar, "case_agency_name", 1, p, &failed)) == NULL)
		name = "An agency";
	p[0] = c.cid;
	p[1] = aid;
	p[2] = c.uid;
	if ((res = pg_exec(pg, "case_agency_remove", 3, p)) == NULL)
		return change_end(pg, 1);
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (!changed)
		return change_missing(pg, CASE_NOT_FOUND);
	failed = case_audit(pg, a, c.h.id, "agency_remove", NULL, "agency", aid, NULL) == -1;
	return change_done(pg, a, &c, failed, "agency_removed", arena_printf(ar,
	    "%s no longer works this case", name));
}

enum case_result
case_lead_change(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, long long user_id)
{
	struct change c;
	struct case_table who;
	enum case_result rc;
	char uid[24], old[24];
	const char *p[5], *summary;
	int failed, moved;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_LEAD_OPEN, &c)) != CASE_OK)
		return rc;
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(old, sizeof(old), "%lld", c.h.lead_user_id);
	p[0] = c.cid;
	p[1] = uid;
	if (case_table_read(pg, ar, "case_lead_candidate", 2, p, &who) == -1)
		return change_end(pg, 1);
	if (who.rows != 1)
		return change_missing(pg, CASE_NOT_FOUND);
	moved = strtoll(case_cell(&who, 0, 0), NULL, 10) != c.h.lead_agency_id;
	p[2] = case_cell(&who, 0, 0);
	p[3] = case_cell(&who, 0, 2);
	p[4] = c.uid;
	summary = moved ? arena_printf(ar, "%s of %s is now the single point of contact; "
	    "%s leads the case, and %s goes on working it", case_cell(&who, 0, 1),
	    case_cell(&who, 0, 3), case_cell(&who, 0, 3), c.h.lead_agency) :
	    arena_printf(ar, "%s is now the single point of contact (was %s)",
	    case_cell(&who, 0, 1), c.h.lead_name);
	failed = pg_exec_ok(pg, "case_lead_set", 5, p) == -1 ||
	    case_audit(pg, a, c.h.id, "lead_change", NULL, "lead_user_before", old,
	    "lead_user", uid, "lead_agency", p[2], NULL) == -1;
	return change_done(pg, a, &c, failed, "lead_changed", summary);
}

enum case_result
case_close(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const struct case_closing *cl)
{
	struct change c;
	enum case_result rc;
	const char *p[8], *label;
	int failed;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_OPEN, &c)) != CASE_OK)
		return rc;
	label = case_outcome_label(cl->outcome);
	p[0] = c.cid;
	p[1] = c.uid;
	p[2] = cl->outcome;
	p[3] = cl->note;
	p[4] = cl->told_on;
	p[5] = cl->told_how;
	p[6] = cl->told_what;
	p[7] = cl->public_reason;
	failed = pg_exec_ok(pg, "case_close_insert", 8, p) == -1;
	p[2] = label;
	failed = failed || pg_exec_ok(pg, "case_close_set", 4, p) == -1 ||
	    case_audit(pg, a, c.h.id, "close", cl->note, "outcome", cl->outcome,
	    "told_on", cl->told_on, "told_how", cl->told_how, NULL) == -1;
	return change_done(pg, a, &c, failed, "closed", arena_printf(ar, "Case closed: %s",
	    label));
}

enum case_result
case_reopen(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const char *reason)
{
	struct change c;
	enum case_result rc;
	const char *p[3];
	int failed;

	if ((rc = change_begin(pg, ar, a, reference, version, NEED_CLOSED, &c)) != CASE_OK)
		return rc;
	p[0] = c.cid;
	p[1] = c.uid;
	p[2] = reason;
	failed = pg_exec_ok(pg, "case_reopen_closure", 3, p) == -1 ||
	    pg_exec_ok(pg, "case_reopen_set", 1, p) == -1 ||
	    case_audit(pg, a, c.h.id, "reopen", reason, NULL) == -1;
	return change_done(pg, a, &c, failed, "reopened", arena_printf(ar, "Case reopened: %s",
	    reason));
}
