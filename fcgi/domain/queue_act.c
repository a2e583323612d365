/* What is done to an item in a queue (domain/queue.h): claim it, assign
 * it, accept it in triage, reallocate it to another team, decide no
 * further action, record its first action. Each in one transaction with
 * the allocation locked: the change, a queue_event row for the incident's
 * timeline and an audit row on the incident. The incident's clocks
 * (triaged_at, first_action_at) are set by the first triage and the first
 * action only (0041 refuses any change of a set one). No further action
 * in the incident's last queue closes it through its status
 * (domain/incident_status.c), or asks a supervisor to when the actor may
 * not close incidents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/incident_status.h"
#include "domain/incident_update.h"
#include "domain/queue.h"
#include "domain/queue_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "queue_assign",
	  "UPDATE incident_allocation SET assigned_to = $2, assigned_at = now() "
	  "WHERE id = $1" },
	/* $5 the person (claimed, assigned), $7 the actor: "0" for none. */
	{ "queue_event_add",
	  "INSERT INTO queue_event (incident_id, allocation_id, kind, team_id, user_id, "
	  "reason, created_by) VALUES ($1, $2, $3, $4, nullif($5, '0')::bigint, $6, "
	  "nullif($7, '0')::bigint)" },
	/* The allocation's triage, and the incident's clock if it is not
	 * set: the first triage in any of its queues sets it, once. */
	{ "queue_triage",
	  "WITH x AS (UPDATE incident_allocation SET triage = $2, "
	  "  triaged_at = coalesce(triaged_at, now()), "
	  "  triaged_by = coalesce(triaged_by, nullif($3, '0')::bigint) "
	  "  WHERE id = $1 RETURNING incident_id) "
	  "UPDATE incident SET triaged_at = now() FROM x "
	  "WHERE incident.id = x.incident_id AND incident.triaged_at IS NULL" },
	{ "queue_first_action",
	  "WITH x AS (UPDATE incident_allocation SET first_action_at = now() "
	  "  WHERE id = $1 AND first_action_at IS NULL RETURNING incident_id) "
	  "UPDATE incident SET first_action_at = now() FROM x "
	  "WHERE incident.id = x.incident_id AND incident.first_action_at IS NULL" },
	/* $4 the allocation that takes over (a reallocation), or NULL. */
	{ "queue_end",
	  "UPDATE incident_allocation SET ended_at = now(), ended_by = nullif($2, '0')::bigint, "
	  "ended_reason = $3, replaced_by = $4::bigint WHERE id = $1 AND ended_at IS NULL" },
	{ "queue_reallocated",
	  "INSERT INTO incident_allocation (incident_id, team_id, kind, reason, "
	  "location_to_confirm, created_by) VALUES ($1, $2, 'reallocated', $3, $4::boolean, "
	  "nullif($5, '0')::bigint) RETURNING id" },
	{ "queue_in_team",
	  "SELECT 1 FROM incident_allocation WHERE incident_id = $1 AND team_id = $2 "
	  "AND ended_at IS NULL" },
	{ "queue_current",
	  "SELECT count(*) FROM incident_allocation WHERE incident_id = $1 AND ended_at IS NULL" },
};

const struct pg_stmts queue_act_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

/* One event of the incident's timeline. 0 or -1. */
static int
event_add(struct pg *pg, const struct actor *a, const struct queue_allocation *q,
    long long allocation, const char *kind, long long team, long long person,
    const char *reason)
{
	char iid[24], xid[24], tid[24], pid[24], uid[24];
	const char *p[7] = { iid, xid, kind, tid, pid, reason != NULL ? reason : "", uid };

	ID(iid, q->in.id);
	ID(xid, allocation);
	ID(tid, team);
	ID(pid, person);
	ID(uid, a->user_id);
	return pg_exec_ok(pg, "queue_event_add", 7, p);
}

/* The audit row of an action on the incident: the allocation and its team
 * always in after, with what else the action adds (the references are
 * taken). 0 or -1. */
static int
act_audit(struct pg *pg, const struct actor *a, const struct queue_allocation *q,
    const char *action, struct json_object *before, struct json_object *after,
    const char *reason)
{
	char iid[24];
	int rc;

	if (after == NULL)
		after = json_object_new_object();
	json_object_object_add(after, "allocation", json_object_new_int64(q->id));
	json_object_object_add(after, "team", json_object_new_int64(q->team_id));
	ID(iid, q->in.id);
	rc = audit_append(pg, a, "incident", iid, action, before, after, reason);
	json_object_put(before);
	json_object_put(after);
	return rc;
}

static struct json_object *
one_id(const char *key, long long v)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, key, v > 0 ? json_object_new_int64(v) : NULL);
	return o;
}

/* Claiming (to the actor) or assigning (to act->person). The form said
 * whom it was assigned to: if that changed since, the first one wins. */
static enum queue_result
assign(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, const struct queue_act *act)
{
	int claim = act->what == QUEUE_CLAIM, ok;
	long long to = claim ? a->user_id : act->person;
	char xid[24], pid[24];
	const char *p[2] = { xid, pid };

	if (q->assigned_to == to)
		return QUEUE_UNCHANGED;
	if (q->assigned_to != act->seen_assigned)
		return QUEUE_TAKEN;
	if (!claim && (ok = queue_person_ok(pg, ar, q, to)) != 1)
		return ok == -1 ? QUEUE_ERROR : QUEUE_BAD_PERSON;
	ID(xid, q->id);
	ID(pid, to);
	if (pg_exec_ok(pg, "queue_assign", 2, p) == -1 ||
	    event_add(pg, a, q, q->id, claim ? "claimed" : "assigned", q->team_id, to,
	    NULL) == -1 ||
	    act_audit(pg, a, q, claim ? "claim" : "assign",
	    one_id("assigned_to", q->assigned_to), one_id("assigned_to", to), NULL) == -1)
		return QUEUE_ERROR;
	return QUEUE_OK;
}

/* The allocation's triage and, the first time, the incident's clock. */
static int
triage_set(struct pg *pg, const struct actor *a, const struct queue_allocation *q,
    const char *triage)
{
	char xid[24], uid[24];
	const char *p[3] = { xid, triage, uid };

	ID(xid, q->id);
	ID(uid, a->user_id);
	return pg_exec_ok(pg, "queue_triage", 3, p);
}

static struct json_object *
triage_json(const char *triage)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "triage", *triage != '\0' ?
	    json_object_new_string(triage) : NULL);
	return o;
}

/* Accepting it in triage: once. */
static enum queue_result
accept(struct pg *pg, const struct actor *a, const struct queue_allocation *q)
{
	if (*q->triage != '\0')
		return QUEUE_TRIAGED;
	if (triage_set(pg, a, q, "accepted") == -1 ||
	    event_add(pg, a, q, q->id, "accepted", q->team_id, 0, NULL) == -1 ||
	    act_audit(pg, a, q, "triage_accept", triage_json(q->triage),
	    triage_json("accepted"), NULL) == -1)
		return QUEUE_ERROR;
	return QUEUE_OK;
}

/* Ends the allocation (replaced_by 0: by nothing). 0 or -1. */
static int
end(struct pg *pg, const struct actor *a, const struct queue_allocation *q,
    const char *why, long long replaced_by)
{
	char xid[24], uid[24], rid[24];
	const char *p[4] = { xid, uid, why, replaced_by > 0 ? rid : NULL };

	ID(xid, q->id);
	ID(uid, a->user_id);
	ID(rid, replaced_by);
	return pg_exec_ok(pg, "queue_end", 4, p);
}

/* Whether the incident is in team's queue already: 1, 0 or -1. */
static int
in_team(struct pg *pg, long long incident, long long team)
{
	char iid[24], tid[24];
	const char *p[2] = { iid, tid };
	PGresult *res;
	int n;

	ID(iid, incident);
	ID(tid, team);
	if ((res = pg_exec(pg, "queue_in_team", 2, p)) == NULL)
		return -1;
	n = PQntuples(res);
	PQclear(res);
	return n > 0;
}

/* Reallocating it to act->team with a reason: the allocation ends and
 * names the new one, which says where it came from and why; the history
 * stays. */
static enum queue_result
reallocate(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, const struct queue_act *act)
{
	char iid[24], tid[24], uid[24];
	const char *why = arena_printf(ar, "Reallocated from %s: %s", q->team_name, act->text);
	const char *p[5] = { iid, tid, why, q->location_to_confirm ? "true" : "false", uid };
	struct json_object *after;
	PGresult *res;
	long long made;
	int ok;

	if (why == NULL)
		return QUEUE_ERROR;
	if ((ok = queue_target_ok(pg, ar, a, q, act->team)) != 1) {
		if (ok == -1 || (ok = in_team(pg, q->in.id, act->team)) == -1)
			return QUEUE_ERROR;
		return ok ? QUEUE_IN_TEAM : QUEUE_BAD_TEAM;
	}
	ID(iid, q->in.id);
	ID(tid, act->team);
	ID(uid, a->user_id);
	/* The new row first, so that the old one can name it. */
	if ((res = pg_exec(pg, "queue_reallocated", 5, p)) == NULL)
		return QUEUE_ERROR;
	made = queue_num(res, 0, 0);
	PQclear(res);
	after = json_object_new_object();
	json_object_object_add(after, "to_team", json_object_new_int64(act->team));
	json_object_object_add(after, "new_allocation", json_object_new_int64(made));
	if (end(pg, a, q, act->text, made) == -1 ||
	    event_add(pg, a, q, made, "reallocated", act->team, 0, act->text) == -1 ||
	    act_audit(pg, a, q, "reallocate", NULL, after, act->text) == -1)
		return QUEUE_ERROR;
	return QUEUE_OK;
}

/* How many queues the incident is still in: >= 0, or -1. */
static long long
queues_left(struct pg *pg, long long incident)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	long long n;

	ID(iid, incident);
	if ((res = pg_exec(pg, "queue_current", 1, p)) == NULL)
		return -1;
	n = queue_num(res, 0, 0);
	PQclear(res);
	return n;
}

/* The incident's last queue decided no further action: it is closed with
 * that outcome, or a supervisor is asked to close it. */
static enum queue_result
close_last(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, const char *reason, struct queue_done *done)
{
	struct status_change c = { "closed", NULL, "no_further_action" };
	enum incident_result rc;

	if ((c.reason = arena_printf(ar, "No further action in the queue of %s: %s",
	    q->team_name, reason)) == NULL)
		return QUEUE_ERROR;
	if (perm_has(a->perms, PERM_INCIDENT_CLOSE)) {
		rc = incident_status_apply(pg, ar, a, &q->in, &c);
		done->closed = rc == INCIDENT_OK;
	} else {
		rc = incident_close_request_apply(pg, a, &q->in, c.reason);
		done->close_asked = rc == INCIDENT_OK;
	}
	switch (rc) {
	case INCIDENT_OK:
		return QUEUE_OK;
	case INCIDENT_CONFLICT:
	case INCIDENT_IS_CLOSED:
		return QUEUE_GONE;
	default:
		return QUEUE_ERROR;
	}
}

/* No further action here, with a reason: the allocation is triaged so and
 * ends; in the incident's last queue, the incident closes. */
static enum queue_result
nfa(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, const struct queue_act *act,
    struct queue_done *done)
{
	const char *why = arena_printf(ar, "No further action: %s", act->text);
	long long left;

	if (why == NULL)
		return QUEUE_ERROR;
	if (triage_set(pg, a, q, "nfa") == -1 || end(pg, a, q, why, 0) == -1 ||
	    event_add(pg, a, q, q->id, "nfa", q->team_id, 0, act->text) == -1 ||
	    act_audit(pg, a, q, "triage_nfa", triage_json(q->triage), triage_json("nfa"),
	    act->text) == -1 || (left = queues_left(pg, q->in.id)) == -1)
		return QUEUE_ERROR;
	return left == 0 ? close_last(pg, ar, a, q, act->text, done) : QUEUE_OK;
}

/* The first action: its note as an update for staff on the incident, and
 * the clocks of the allocation and (the first time) of the incident. */
static enum queue_result
first_action(struct pg *pg, const struct actor *a, const struct queue_allocation *q,
    const struct queue_act *act)
{
	char xid[24];
	const char *p[1] = { xid };
	struct json_object *after;

	if (*q->first_action_at != '\0')
		return QUEUE_ACTED;
	ID(xid, q->id);
	after = json_object_new_object();
	json_object_object_add(after, "note", json_object_new_string(act->text));
	if (pg_exec_ok(pg, "queue_first_action", 1, p) == -1 ||
	    incident_update_insert(pg, a, q->in.id, act->text, 0, 0) == -1 ||
	    event_add(pg, a, q, q->id, "first_action", q->team_id, 0, act->text) == -1 ||
	    act_audit(pg, a, q, "first_action", NULL, after, NULL) == -1)
		return QUEUE_ERROR;
	return QUEUE_OK;
}

static enum queue_result
act_on(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct queue_allocation *q, const struct queue_act *act,
    struct queue_done *done)
{
	switch (act->what) {
	case QUEUE_CLAIM:
	case QUEUE_ASSIGN:
		return assign(pg, ar, a, q, act);
	case QUEUE_ACCEPT:
		return accept(pg, a, q);
	case QUEUE_REALLOCATE:
		return reallocate(pg, ar, a, q, act);
	case QUEUE_NFA:
		return nfa(pg, ar, a, q, act, done);
	case QUEUE_FIRST_ACTION:
		return first_action(pg, a, q, act);
	}
	return QUEUE_ERROR;
}

/* Does act to allocation id, in one transaction, if the actor may: it
 * must be an allocation of a team of their agency (QUEUE_NOT_OURS), still
 * in the queue with its incident open (QUEUE_GONE), and as the form saw
 * it (QUEUE_TAKEN, QUEUE_TRIAGED, QUEUE_ACTED); a reallocation's team
 * must be able to take it (QUEUE_BAD_TEAM, QUEUE_IN_TEAM), an assignment's
 * person work it (QUEUE_BAD_PERSON). A reason or note is the caller's to
 * require. *done says which incident and queue, and whether the incident
 * was closed or its closure asked for. Returns QUEUE_OK, QUEUE_UNCHANGED,
 * one of those, QUEUE_NOT_FOUND (audited) or QUEUE_ERROR. */
enum queue_result
queue_act(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long id, const struct queue_act *act,
    struct queue_done *done)
{
	struct queue_allocation q;
	enum queue_result rc;
	char asked[24];

	memset(done, 0, sizeof(*done));
	if (tx_begin(pg, a) == -1)
		return QUEUE_ERROR;
	if ((rc = queue_allocation_read(pg, ar, cfg, a, id, 1, &q)) == QUEUE_NOT_FOUND) {
		ID(asked, id);
		if (audit_not_found(pg, a, "incident_allocation", asked) == -1 ||
		    pg_commit(pg) == -1)
			return QUEUE_ERROR;
		return QUEUE_NOT_FOUND;
	}
	if (rc != QUEUE_OK)
		goto out;
	done->reference = q.in.reference;
	done->team_code = q.team_code;
	rc = QUEUE_NOT_OURS;
	if (q.team_agency_id != a->agency_id)
		goto out;
	rc = QUEUE_GONE;
	if (q.ended || strcmp(q.in.status, "closed") == 0)
		goto out;
	if ((rc = act_on(pg, ar, a, &q, act, done)) != QUEUE_OK)
		goto out;
	return pg_commit(pg) == 0 ? QUEUE_OK : QUEUE_ERROR;
out:
	pg_rollback(pg);
	return rc;
}
