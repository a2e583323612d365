/* An incident's status: the rules of each move (a pure table, unit
 * tested) and the change itself — the incident row with its closure, a
 * row of incident_status_change for the timeline, one audit row and, for
 * a forward move only, the shared update in plain words that the
 * reporters read (domain/incident_update.c). Asking a supervisor to close
 * lives here too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/incident.h"
#include "domain/incident_status.h"
#include "domain/incident_update.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* $4 the acting user. The closure is kept only while closed; a
	 * request to close stays with the closure that answered it (the
	 * timeline shows it) and goes when the incident is reopened. */
	{ "incident_status_set",
	  "UPDATE incident SET status = $2::incident_status, updated_at = now(), "
	  "version = version + 1, "
	  "closed_at = CASE WHEN $2 = 'closed' THEN now() END, "
	  "closed_by = CASE WHEN $2 = 'closed' THEN nullif($4, '0')::bigint END, "
	  "closure_reason = CASE WHEN $2 = 'closed' THEN $5 END, "
	  "outcome = CASE WHEN $2 = 'closed' THEN $6 END, "
	  "close_requested_at = CASE WHEN status = 'closed' THEN NULL "
	  "  ELSE close_requested_at END, "
	  "close_requested_by = CASE WHEN status = 'closed' THEN NULL "
	  "  ELSE close_requested_by END, "
	  "close_request_reason = CASE WHEN status = 'closed' THEN NULL "
	  "  ELSE close_request_reason END "
	  "WHERE id = $1 AND version = $3" },
	{ "incident_status_log",
	  "INSERT INTO incident_status_change (incident_id, from_status, to_status, "
	  "reason, outcome, changed_by) VALUES ($1, $2::incident_status, "
	  "$3::incident_status, $4, nullif($5, ''), nullif($6, '0')::bigint)" },
	{ "incident_close_request",
	  "UPDATE incident SET close_requested_at = now(), "
	  "close_requested_by = nullif($2, '0')::bigint, close_request_reason = $3, "
	  "updated_at = now(), version = version + 1 "
	  "WHERE id = $1 AND version = $4" },
	/* Row security limits these to the incidents the actor sees. */
	{ "incident_close_requests",
	  "SELECT i.reference, t.name, coalesce(u.name || ', ' || a.name, ''), "
	  "to_char(i.close_requested_at AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY \"at\" HH24:MI'), coalesce(i.close_request_reason, ''), "
	  "i.owning_agency_id, i.sharing, i.shared_with::text "
	  "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
	  "LEFT JOIN app_user u ON u.id = i.close_requested_by "
	  "LEFT JOIN agency a ON a.id = u.agency_id "
	  "WHERE i.close_requested_at IS NOT NULL AND i.status <> 'closed' "
	  "ORDER BY i.close_requested_at, i.id LIMIT $1" },
};

const struct pg_stmts incident_status_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* In the order an incident moves forward. */
static const char *const order[] = {
	"new", "open", "allocated", "in_progress", "monitoring", "closed",
};

const struct incident_outcome incident_outcomes[] = {
	{ "resolved", "Resolved" },
	{ "no_further_action", "No further action" },
	{ "referred_to_partner", "Referred to a partner" },
	{ "case_opened", "Case opened" },
	{ "duplicate", "Duplicate of another incident" },
	{ "other", "Other" },
};

const size_t incident_outcomes_n = sizeof(incident_outcomes) / sizeof(incident_outcomes[0]);

static int
rank(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof(order) / sizeof(order[0]); i++)
		if (strcmp(s, order[i]) == 0)
			return (int)i;
	return -1;
}

/* What kind of move from → to is. */
enum status_move
incident_status_move(const char *from, const char *to)
{
	int f = rank(from), t = rank(to);

	if (f < 0 || t < 0)
		return MOVE_BAD;
	if (f == t)
		return MOVE_NONE;
	if (strcmp(to, "closed") == 0)
		return MOVE_CLOSE;
	if (strcmp(from, "closed") == 0)
		return MOVE_REOPEN;
	return t < f ? MOVE_BACKWARD : MOVE_FORWARD;
}

int
incident_outcome_valid(const char *code)
{
	return code != NULL && strcmp(incident_outcome_label(code), code) != 0;
}

/* The words of an outcome code; the code itself when unknown. */
const char *
incident_outcome_label(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < incident_outcomes_n; i++)
		if (strcmp(code, incident_outcomes[i].code) == 0)
			return incident_outcomes[i].label;
	return code != NULL ? code : "";
}

/* Whether the status form offers `to` to someone with these permissions
 * on an incident at `from` (the current one is always offered). */
int
incident_status_may_choose(perm_set p, const char *from, const char *to)
{
	switch (incident_status_move(from, to)) {
	case MOVE_NONE:
		return 1;
	case MOVE_FORWARD:
	case MOVE_BACKWARD:
		return 1;
	case MOVE_CLOSE:
	case MOVE_REOPEN:
		return perm_has(p, PERM_INCIDENT_CLOSE);
	default:
		return 0;
	}
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Whether the change may be made by someone with these permissions, the
 * incident being at `from`: INCIDENT_OK, INCIDENT_UNCHANGED, or what is
 * missing (the right, a reason, an outcome) — the first that is. */
enum incident_result
incident_status_check(perm_set p, const char *from, const struct status_change *c)
{
	enum status_move m = incident_status_move(from, c->status);

	switch (m) {
	case MOVE_BAD:
		return INCIDENT_BAD_STATUS;
	case MOVE_NONE:
		return INCIDENT_UNCHANGED;
	case MOVE_CLOSE:
	case MOVE_REOPEN:
		if (!perm_has(p, PERM_INCIDENT_CLOSE))
			return INCIDENT_NEEDS_CLOSE;
		break;
	default:
		break;
	}
	if (m == MOVE_CLOSE && !empty(c->outcome) && !incident_outcome_valid(c->outcome))
		return INCIDENT_BAD_OUTCOME;
	if (m != MOVE_FORWARD && empty(c->reason))
		return INCIDENT_NEEDS_REASON;
	if (m == MOVE_CLOSE && empty(c->outcome))
		return INCIDENT_NEEDS_OUTCOME;
	if (m != MOVE_CLOSE && !empty(c->outcome))
		return INCIDENT_BAD_OUTCOME;
	return INCIDENT_OK;
}

/* The audit row of a change: the status (and outcome) before and after. */
static int
change_audit(struct pg *pg, const struct actor *a, const char *id,
    const struct incident *in, const struct status_change *c, enum status_move m)
{
	struct json_object *before = json_object_new_object(),
	    *after = json_object_new_object();
	int rc;

	json_object_object_add(before, "status", json_object_new_string(in->status));
	json_object_object_add(after, "status", json_object_new_string(c->status));
	if (m == MOVE_CLOSE)
		json_object_object_add(after, "outcome", json_object_new_string(c->outcome));
	rc = audit_append(pg, a, "incident", id, m == MOVE_REOPEN ? "reopen" :
	    m == MOVE_CLOSE ? "close" : "update", before, after,
	    empty(c->reason) ? NULL : c->reason);
	json_object_put(before);
	json_object_put(after);
	return rc;
}

/* Moves the incident in (read in the caller's transaction, at the version
 * it has) to another status, if the actor may (see incident_status_check):
 * the incident (with its closure when closing, without it when
 * reopening), the incident_status_change row, the audit row and, for a
 * forward move or a closure, the shared update and the reporters' emails
 * (never the reason: that is for staff). The caller commits on INCIDENT_OK
 * and rolls back otherwise; the queues' "no further action" closes an
 * incident this way (domain/queue_act.c). Returns INCIDENT_OK, what
 * incident_status_check refused, INCIDENT_CONFLICT or INCIDENT_ERROR. */
enum incident_result
incident_status_apply(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct incident *in, const struct status_change *c)
{
	enum incident_result rc;
	enum status_move m;
	char id[24], ver[24], uid[24];
	const char *reason = c->reason != NULL ? c->reason : "",
	    *outcome = c->outcome != NULL ? c->outcome : "";
	const char *set[6] = { id, c->status, ver, uid, reason, outcome };
	const char *log[6] = { id, in->status, c->status, reason, outcome, uid };
	PGresult *res;
	int changed;

	if ((rc = incident_status_check(a->perms, in->status, c)) != INCIDENT_OK)
		return rc;
	m = incident_status_move(in->status, c->status);
	snprintf(id, sizeof(id), "%lld", in->id);
	snprintf(ver, sizeof(ver), "%lld", in->version);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	if ((res = pg_exec(pg, "incident_status_set", 6, set)) == NULL)
		return INCIDENT_ERROR;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (!changed)
		return INCIDENT_CONFLICT;
	if (pg_exec_ok(pg, "incident_status_log", 6, log) == -1 ||
	    change_audit(pg, a, id, in, c, m) == -1)
		return INCIDENT_ERROR;
	/* Going back is the team's business: the reporters are not told. */
	if ((m == MOVE_FORWARD || m == MOVE_CLOSE) &&
	    incident_update_status(pg, ar, a, in->id, c->status) == -1)
		return INCIDENT_ERROR;
	return INCIDENT_OK;
}

/* Moves an incident to another status (incident_status_apply), if it is
 * still at version, in one transaction. Returns INCIDENT_OK, what
 * incident_status_check refused, INCIDENT_NOT_FOUND, INCIDENT_CONFLICT or
 * INCIDENT_ERROR. */
enum incident_result
incident_status_change(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const struct status_change *c, long long version)
{
	struct incident in;
	enum incident_result rc;

	if (tx_begin(pg, a) == -1)
		return INCIDENT_ERROR;
	if ((rc = incident_load(pg, ar, a, reference, &in)) != INCIDENT_OK)
		goto out;
	/* A stale form is a conflict before it is anything else: what the
	 * user saw is not what they would be changing. */
	rc = INCIDENT_CONFLICT;
	if (in.version != version)
		goto out;
	if ((rc = incident_status_apply(pg, ar, a, &in, c)) != INCIDENT_OK)
		goto out;
	return pg_commit(pg) == 0 ? INCIDENT_OK : INCIDENT_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

/* Asks a supervisor to close the incident in (read in the caller's
 * transaction): who, when and why are kept on the incident until it is
 * closed, and audited. The caller commits on INCIDENT_OK. INCIDENT_OK,
 * INCIDENT_IS_CLOSED, INCIDENT_CONFLICT or INCIDENT_ERROR. */
enum incident_result
incident_close_request_apply(struct pg *pg, const struct actor *a,
    const struct incident *in, const char *reason)
{
	struct json_object *after;
	char id[24], uid[24], ver[24];
	const char *p[4] = { id, uid, reason, ver };
	PGresult *res;
	int changed;

	if (strcmp(in->status, "closed") == 0)
		return INCIDENT_IS_CLOSED;
	snprintf(id, sizeof(id), "%lld", in->id);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	snprintf(ver, sizeof(ver), "%lld", in->version);
	if ((res = pg_exec(pg, "incident_close_request", 4, p)) == NULL)
		return INCIDENT_ERROR;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (!changed)
		return INCIDENT_CONFLICT;
	after = json_object_new_object();
	json_object_object_add(after, "close_requested", json_object_new_boolean(1));
	changed = audit_append(pg, a, "incident", id, "close_requested", NULL, after,
	    reason);
	json_object_put(after);
	return changed == -1 ? INCIDENT_ERROR : INCIDENT_OK;
}

/* Asks a supervisor to close an incident (for a role without
 * incident.close), if it is still at version, in one transaction
 * (incident_close_request_apply). INCIDENT_OK, INCIDENT_NEEDS_REASON,
 * INCIDENT_IS_CLOSED, INCIDENT_NOT_FOUND, INCIDENT_CONFLICT or
 * INCIDENT_ERROR. */
enum incident_result
incident_close_request(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const char *reason, long long version)
{
	struct incident in;
	enum incident_result rc;

	if (empty(reason))
		return INCIDENT_NEEDS_REASON;
	if (tx_begin(pg, a) == -1)
		return INCIDENT_ERROR;
	if ((rc = incident_load(pg, ar, a, reference, &in)) != INCIDENT_OK)
		goto out;
	rc = INCIDENT_CONFLICT;
	if (in.version != version)
		goto out;
	if ((rc = incident_close_request_apply(pg, a, &in, reason)) != INCIDENT_OK)
		goto out;
	return pg_commit(pg) == 0 ? INCIDENT_OK : INCIDENT_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

/* The open requests to close among the incidents the actor sees, oldest
 * first, at most limit. 0 or -1. */
int
incident_close_requests(struct pg *pg, struct arena *ar, const struct actor *a,
    int limit, struct close_request **out, size_t *n)
{
	char lim[16];
	const char *p[1] = { lim };
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(lim, sizeof(lim), "%d", limit);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "incident_close_requests", 1, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		/* The second check, as for every incident row (domain/incident.c). */
		if (!incident_row_visible(a, res, i, 5))
			continue;
		(*out)[*n].reference = arena_strdup(ar, PQgetvalue(res, i, 0));
		(*out)[*n].type = arena_strdup(ar, PQgetvalue(res, i, 1));
		(*out)[*n].by = arena_strdup(ar, PQgetvalue(res, i, 2));
		(*out)[*n].at = arena_strdup(ar, PQgetvalue(res, i, 3));
		(*out)[*n].reason = arena_strdup(ar, PQgetvalue(res, i, 4));
		(*n)++;
	}
	PQclear(res);
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
