/* The audit trail: appending a row, and the before/after of an update.
 * The database numbers, times and hashes each row (0007_audit_chain.sql);
 * nothing here can set those, and the application role can only insert. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>
#include <libpq-fe.h>

#include "core/hex.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "audit_append",
	  "INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "
	  "action, before, after, reason, request_id, client_addr) "
	  "VALUES ($1::bigint, $2::bigint, $3, $4, $5, $6::jsonb, $7::jsonb, "
	  "$8, $9, $10)" },
};

const struct pg_stmts audit_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The JSON text of a value for a jsonb parameter; NULL for SQL NULL.
 * Sets *oom when json-c could not allocate the text. */
static const char *
audit_json(struct json_object *o, int *oom)
{
	const char *s;

	if (o == NULL)
		return NULL;
	s = json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* The parameters audit_append and audit_both_params share: who (0 as
 * NULL), before, after, reason and the request. -1 when out of memory. */
static int
audit_params(const struct actor *who, struct json_object *before,
    struct json_object *after, const char *reason, const char **params,
    char *uid, char *aid)
{
	int oom = 0;

	params[0] = params[1] = NULL;
	if (who != NULL && who->user_id != 0) {
		snprintf(uid, 24, "%lld", who->user_id);
		params[0] = uid;
	}
	if (who != NULL && who->agency_id != 0) {
		snprintf(aid, 24, "%lld", who->agency_id);
		params[1] = aid;
	}
	params[5] = audit_json(before, &oom);
	params[6] = audit_json(after, &oom);
	params[7] = reason;
	params[8] = who != NULL ? who->request_id : NULL;
	params[9] = who != NULL ? who->client_addr : NULL;
	if (oom) {
		log_error("audit_append: out of memory");
		return -1;
	}
	return 0;
}

/* Inside a transaction only: see audit_append. */
static int
audit_in_tx(struct pg *pg, const char *entity, const char *action)
{
	if (entity == NULL || action == NULL) {
		log_error("audit_append: no entity or action");
		return -1;
	}
	if (PQtransactionStatus(pg_conn(pg)) != PQTRANS_INTRANS &&
	    PQtransactionStatus(pg_conn(pg)) != PQTRANS_INERROR) {
		log_error("audit_append: %s %s: not inside a transaction",
		    action, entity);
		return -1;
	}
	return 0;
}

/* Writes one audit row for what the actor did (action, e.g. "update") to
 * a record (entity, e.g. "incident", and its id as text). before and after
 * are the record's values (audit_diff gives the changed fields of an
 * update); entity_id, before, after and reason may be NULL, and so may the
 * actor (the system itself). An actor's user_id or agency_id of 0 is
 * stored as NULL. The caller keeps its references to before and after.
 *
 * Must run inside the caller's transaction (pg_begin ... pg_commit), so
 * that the row exists exactly when the change does: outside one it writes
 * nothing and fails. Returns 0, or -1 (logged, or pg_error says why) after
 * which the caller must roll back rather than commit the change unaudited. */
int
audit_append(struct pg *pg, const struct actor *who, const char *entity,
    const char *entity_id, const char *action, struct json_object *before,
    struct json_object *after, const char *reason)
{
	const char *params[10];
	char uid[24], aid[24];

	if (audit_in_tx(pg, entity, action) == -1 ||
	    audit_params(who, before, after, reason, params, uid, aid) == -1)
		return -1;
	params[2] = entity;
	params[3] = entity_id;
	params[4] = action;
	return pg_exec_ok(pg, "audit_append", 10, params);
}

/* Two rows for one change seen from two records (a report made, and the
 * incident it made or joined), in that order, with the same actor,
 * before, after and reason, and when job_type is not NULL the change's
 * outbox job (as outbox_add): the values of AUDIT_BOTH_SQL and
 * AUDIT_JOB_SQL, in their order, for the caller's statement (inside its
 * transaction, as audit_append); the job's are NULL without a job_type.
 * 0, or -1 (logged) without an entity or action, or out of memory. */
int
audit_both_params(const struct actor *who, const char *entity, const char *entity_id,
    const char *action, const char *entity2, const char *entity_id2,
    const char *action2, struct json_object *before, struct json_object *after,
    const char *reason, const char *job_type, struct json_object *job,
    struct audit_both *out)
{
	int oom = 0;

	memset(out->p, 0, sizeof(out->p));
	if (entity == NULL || action == NULL || entity2 == NULL || action2 == NULL) {
		log_error("audit_append: no entity or action");
		return -1;
	}
	if (audit_params(who, before, after, reason, out->p, out->uid, out->aid) == -1)
		return -1;
	if (job_type != NULL) {
		out->p[13] = job_type;
		if ((out->p[14] = audit_json(job, &oom)) == NULL) {
			log_error("audit_append: no job, or out of memory");
			return -1;
		}
	}
	out->p[2] = entity;
	out->p[3] = entity_id;
	out->p[4] = action;
	out->p[10] = entity2;
	out->p[11] = entity_id2;
	out->p[12] = action2;
	return 0;
}

/* The most of a typed text that a miss keeps, once escaped. */
#define AUDIT_ASKED_MAX	80

/* Writes one audit row for asking for a record (kind: "incident",
 * "evidence" ...) that is not there or not the actor's to see; asked is
 * what they asked for, as typed. The row is about no record (entity
 * "lookup", no entity id): were it filed under the text, it would join the
 * history of whatever record that text names, now or once it exists. For
 * security review the text is kept in after.asked, at most
 * AUDIT_ASKED_MAX bytes, printable ASCII as it is and every other byte
 * (and the backslash) as \xNN, with its full length in bytes. Returns 0
 * or -1, as audit_append. */
int
audit_not_found(struct pg *pg, const struct actor *who, const char *kind,
    const char *asked)
{
	char shown[AUDIT_ASKED_MAX + 1];
	struct json_object *after;
	size_t i, n = 0, len = strlen(asked);
	unsigned char c;
	int rc;

	for (i = 0; i < len; i++) {
		c = (unsigned char)asked[i];
		if (c >= 0x20 && c < 0x7f && c != '\\') {
			if (n + 1 > AUDIT_ASKED_MAX)
				break;
			shown[n++] = (char)c;
			continue;
		}
		if (n + 4 > AUDIT_ASKED_MAX)
			break;
		shown[n++] = '\\';
		shown[n++] = 'x';
		hex_encode(&c, 1, shown + n);
		n += 2;
	}
	shown[n] = '\0';
	if ((after = json_object_new_object()) == NULL ||
	    json_object_object_add(after, "record", json_object_new_string(kind)) != 0 ||
	    json_object_object_add(after, "asked", json_object_new_string(shown)) != 0 ||
	    json_object_object_add(after, "length", json_object_new_int64((int64_t)len)) != 0) {
		json_object_put(after);
		log_error("audit_not_found: out of memory");
		return -1;
	}
	rc = audit_append(pg, who, "lookup", NULL, "not_found", NULL, after, NULL);
	json_object_put(after);
	return rc;
}

/* Adds key: value to o, taking a new reference to value (json-c counts
 * references, so old_obj/new_obj and the diff may share a value). */
static int
audit_put(struct json_object *o, const char *key, struct json_object *value)
{
	if (json_object_object_add(o, key, json_object_get(value)) != 0) {
		json_object_put(value);
		return -1;
	}
	return 0;
}

/* The fields an update changed: *before gets the old value and *after the
 * new value of each key whose value differs (json_object_equal: deep, and
 * 1 differs from 1.0 and from "1"). A key only in new_obj (added) is only
 * in *after; a key only in old_obj (removed) is only in *before; a key set
 * to null is there with the value null. When something changed both are
 * objects (one may be empty); when nothing did, both are NULL. A NULL
 * old_obj or new_obj counts as an empty object.
 *
 * The caller owns *before and *after and json_object_put()s them; they
 * share (hold references to) values of old_obj and new_obj, so change
 * neither while the diff is in use. Returns 0, or -1 when old_obj or
 * new_obj is not an object or memory ran out (both then NULL). */
int
audit_diff(struct json_object *old_obj, struct json_object *new_obj,
    struct json_object **before, struct json_object **after)
{
	struct json_object *b = NULL, *a = NULL, *other;
	int changed = 0;

	*before = *after = NULL;
	if ((old_obj != NULL && !json_object_is_type(old_obj, json_type_object)) ||
	    (new_obj != NULL && !json_object_is_type(new_obj, json_type_object)))
		return -1;
	if ((b = json_object_new_object()) == NULL ||
	    (a = json_object_new_object()) == NULL)
		goto err;
	if (new_obj != NULL) {
		json_object_object_foreach(new_obj, key, nval) {
			if (old_obj != NULL &&
			    json_object_object_get_ex(old_obj, key, &other)) {
				if (json_object_equal(other, nval))
					continue;
				if (audit_put(b, key, other) == -1)
					goto err;
			}
			if (audit_put(a, key, nval) == -1)
				goto err;
			changed = 1;
		}
	}
	if (old_obj != NULL) {
		json_object_object_foreach(old_obj, key, oval) {
			if (new_obj != NULL &&
			    json_object_object_get_ex(new_obj, key, NULL))
				continue;
			if (audit_put(b, key, oval) == -1)
				goto err;
			changed = 1;
		}
	}
	if (!changed) {
		json_object_put(b);
		json_object_put(a);
		return 0;
	}
	*before = b;
	*after = a;
	return 0;
err:
	json_object_put(b);
	json_object_put(a);
	return -1;
}
