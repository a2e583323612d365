/* Linking incidents as one problem, unlinking them, and listing the links
 * of one (see domain/incident_link.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "domain/incident_link.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The pair is stored smaller id first; a second link of the same
	 * pair changes nothing. */
	{ "incident_link_insert",
	  "INSERT INTO incident_link (incident_id, linked_id, created_by, reason) "
	  "VALUES (least($1::bigint, $2::bigint), greatest($1::bigint, $2::bigint), "
	  "nullif($3, '0')::bigint, $4) ON CONFLICT DO NOTHING" },
	{ "incident_link_delete",
	  "DELETE FROM incident_link WHERE incident_id = least($1::bigint, $2::bigint) "
	  "AND linked_id = greatest($1::bigint, $2::bigint)" },
	/* Row security shows only the other incidents the actor may see. */
	{ "incident_link_list",
	  "SELECT o.id, o.reference, t.name, o.status, l.reason, "
	  "to_char(l.created_at AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY \"at\" HH24:MI'), coalesce(u.name || ', ' || a.name, '') "
	  "FROM incident_link l "
	  "JOIN incident o ON o.id = CASE WHEN l.incident_id = $1 THEN l.linked_id "
	  "  ELSE l.incident_id END "
	  "JOIN asb_type t ON t.id = o.asb_type_id "
	  "LEFT JOIN app_user u ON u.id = l.created_by "
	  "LEFT JOIN agency a ON a.id = u.agency_id "
	  "WHERE l.incident_id = $1 OR l.linked_id = $1 "
	  "ORDER BY l.created_at DESC, o.id DESC" },
};

const struct pg_stmts incident_link_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The audit row of a link on one of its incidents. 0 or -1. */
static int
link_audit(struct pg *pg, const struct actor *a, const struct incident *in,
    const struct incident *other, const char *action, const char *reason)
{
	struct json_object *o = json_object_new_object();
	char id[24];
	int rc;

	snprintf(id, sizeof(id), "%lld", in->id);
	json_object_object_add(o, "linked", json_object_new_string(other->reference));
	rc = audit_append(pg, a, "incident", id, action,
	    strcmp(action, "unlink") == 0 ? o : NULL,
	    strcmp(action, "unlink") == 0 ? NULL : o, reason);
	json_object_put(o);
	return rc;
}

/* Everything a change of link does besides the row itself, within the
 * caller's transaction: both incidents audited and moved on (this one
 * only if still at version), and the flags of both and of what is related
 * to them recomputed. INCIDENT_OK, INCIDENT_CONFLICT or INCIDENT_ERROR. */
static enum incident_result
link_changed(struct pg *pg, const struct actor *a, const struct config *cfg,
    const struct incident *in, const struct incident *other, long long version,
    const char *action, const char *reason)
{
	enum incident_result rc;

	if ((rc = incident_touch(pg, in->id, version)) != INCIDENT_OK ||
	    (rc = incident_touch(pg, other->id, other->version)) != INCIDENT_OK)
		return rc;
	if (link_audit(pg, a, in, other, action, reason) == -1 ||
	    link_audit(pg, a, other, in, action, reason) == -1 ||
	    flags_refresh(pg, cfg, in->id, NULL) == -1 ||
	    flags_refresh(pg, cfg, other->id, NULL) == -1 ||
	    flags_refresh_related(pg, cfg, in->id) == -1 ||
	    flags_refresh_related(pg, cfg, other->id) == -1)
		return INCIDENT_ERROR;
	return INCIDENT_OK;
}

/* Both incidents of a change, each as the actor may see it, this one at
 * version. INCIDENT_OK, INCIDENT_NOT_FOUND (this one: audited),
 * INCIDENT_OTHER_NOT_FOUND, INCIDENT_SAME, INCIDENT_CONFLICT or
 * INCIDENT_ERROR. */
static enum incident_result
link_pair(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const char *other_ref, long long version,
    struct incident *in, struct incident *other)
{
	enum incident_result rc;

	if ((rc = incident_load(pg, ar, a, reference, in)) == INCIDENT_NOT_FOUND)
		return audit_not_found(pg, a, "incident", reference) == -1 ?
		    INCIDENT_ERROR : INCIDENT_NOT_FOUND;
	if (rc != INCIDENT_OK)
		return rc;
	if (in->version != version)
		return INCIDENT_CONFLICT;
	if ((rc = incident_load(pg, ar, a, other_ref, other)) == INCIDENT_NOT_FOUND)
		return INCIDENT_OTHER_NOT_FOUND;
	if (rc != INCIDENT_OK)
		return rc;
	return in->id == other->id ? INCIDENT_SAME : INCIDENT_OK;
}

/* Links (add) or unlinks two incidents, in one transaction. The first two
 * parameters of both statements are the two ids. */
static enum incident_result
link_change(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const char *reference, const char *other_ref,
    const char *reason, long long version, int add)
{
	struct incident in, other;
	enum incident_result rc;
	char iid[24], oid[24], uid[24];
	const char *p[4] = { iid, oid, uid, reason };
	PGresult *res;
	int changed;

	if (tx_begin(pg, a) == -1)
		return INCIDENT_ERROR;
	rc = link_pair(pg, ar, a, reference, other_ref, version, &in, &other);
	if (!add && rc == INCIDENT_SAME)
		rc = INCIDENT_OTHER_NOT_FOUND;
	if (rc != INCIDENT_OK)
		goto out;
	snprintf(iid, sizeof(iid), "%lld", in.id);
	snprintf(oid, sizeof(oid), "%lld", other.id);
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	rc = INCIDENT_ERROR;
	if ((res = pg_exec(pg, add ? "incident_link_insert" : "incident_link_delete",
	    add ? 4 : 2, p)) == NULL)
		goto out;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	rc = add ? INCIDENT_EXISTS : INCIDENT_OTHER_NOT_FOUND;
	if (!changed)
		goto out;
	if ((rc = link_changed(pg, a, cfg, &in, &other, version, add ? "link" : "unlink",
	    add ? reason : NULL)) != INCIDENT_OK)
		goto out;
	return pg_commit(pg) == 0 ? INCIDENT_OK : INCIDENT_ERROR;
out:
	/* A miss of this incident is audited: keep that row. */
	if (rc == INCIDENT_NOT_FOUND)
		return pg_commit(pg) == 0 ? rc : INCIDENT_ERROR;
	pg_rollback(pg);
	return rc;
}

/* Links the incident to another the actor may see, with a reason, if it
 * is still at version. INCIDENT_OK; INCIDENT_NOT_FOUND,
 * INCIDENT_OTHER_NOT_FOUND, INCIDENT_SAME, INCIDENT_EXISTS,
 * INCIDENT_CONFLICT (nothing changed) or INCIDENT_ERROR. */
enum incident_result
incident_link_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const char *reference, const char *other_ref,
    const char *reason, long long version)
{
	return link_change(pg, ar, a, cfg, reference, other_ref, reason, version, 1);
}

/* Removes the link between the incident and another, if it is still at
 * version. INCIDENT_OK; INCIDENT_NOT_FOUND, INCIDENT_OTHER_NOT_FOUND (no
 * such incident, or not linked), INCIDENT_CONFLICT or INCIDENT_ERROR. */
enum incident_result
incident_link_remove(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const char *reference, const char *other_ref,
    long long version)
{
	return link_change(pg, ar, a, cfg, reference, other_ref, NULL, version, 0);
}

/* The incidents linked to this one that the actor may see (row security),
 * the latest link first, within the caller's transaction. 0 or -1. */
int
incident_links_read(struct pg *pg, struct arena *ar, long long incident_id,
    struct incident_linked **out, size_t *n)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "incident_link_list", 1, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		(*out)[i].id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		(*out)[i].reference = arena_strdup(ar, PQgetvalue(res, i, 1));
		(*out)[i].type = arena_strdup(ar, PQgetvalue(res, i, 2));
		(*out)[i].status = arena_strdup(ar, PQgetvalue(res, i, 3));
		(*out)[i].reason = arena_strdup(ar, PQgetvalue(res, i, 4));
		(*out)[i].at = arena_strdup(ar, PQgetvalue(res, i, 5));
		(*out)[i].by = arena_strdup(ar, PQgetvalue(res, i, 6));
	}
	*n = (size_t)rows;
	PQclear(res);
	return 0;
}
