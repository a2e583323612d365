/* A CAD system's change of an incident (domain/api_incident.h): in one
 * transaction with the incident's row locked, the version checked under
 * the lock, every value checked as the intake checks it before anything
 * is written; then the status through the incident's own status function,
 * the fields with one audit row, a new point as the incident page sets
 * one, and the client's kept fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/chars.h"
#include "domain/actor.h"
#include "domain/api_incident.h"
#include "domain/audit.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "domain/incident_locate.h"
#include "domain/incident_status.h"
#include "domain/intake.h"
#include "domain/intake_check.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The row locked, with what a change is checked against: the staff
	 * pages' version (which the status and locate statements check), its
	 * status, the API's version (revision), the fields before, the owning
	 * force's log number format. */
	{ "api_patch_lock",
	  "SELECT i.version, i.status, i.revision, i.description, i.log_number, "
	  "to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
	  "t.code, i.address, i.postcode, coalesce(g.log_number_pattern, ''), "
	  "coalesce(g.log_number_example, '') "
	  "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
	  "JOIN agency g ON g.id = i.owning_agency_id WHERE i.id = $1::bigint "
	  "FOR UPDATE OF i" },
	{ "api_patch_type",
	  "SELECT id FROM asb_type WHERE code = $1 AND active" },
	/* NULL leaves a field as it is. */
	{ "api_patch_fields",
	  "UPDATE incident SET description = coalesce($2, description), "
	  "log_number = coalesce($3, log_number), "
	  "occurred_at = coalesce($4::timestamptz, occurred_at), "
	  "asb_type_id = coalesce($5::bigint, asb_type_id), "
	  "address = coalesce($6, address), postcode = coalesce($7, postcode), "
	  "updated_at = now() WHERE id = $1::bigint" },
	/* The client's kept fields: on its row for the incident, or on a new
	 * one named by the reference when it has none. $4: replace them. */
	{ "api_patch_kept",
	  "WITH up AS (UPDATE api_incident_ref SET kept = CASE WHEN $4::boolean "
	  "  THEN $3::jsonb ELSE (kept || $3::jsonb) - ARRAY(SELECT key FROM "
	  "  jsonb_each($3::jsonb) WHERE jsonb_typeof(value) = 'null') END, "
	  "  updated_at = now() "
	  "  WHERE client_id = $1::bigint AND incident_id = $2::bigint RETURNING 1) "
	  "INSERT INTO api_incident_ref (client_id, external_id, incident_id, kept) "
	  "SELECT $1::bigint, i.reference, i.id, jsonb_strip_nulls($3::jsonb) "
	  "FROM incident i WHERE i.id = $2::bigint AND NOT EXISTS (SELECT 1 FROM up) "
	  "ON CONFLICT (client_id, external_id) DO UPDATE SET kept = EXCLUDED.kept, "
	  "updated_at = now()" },
	/* The kept fields are part of what the client reads: a change. */
	{ "api_patch_touch",
	  "UPDATE incident SET updated_at = now() WHERE id = $1::bigint" },
};

const struct pg_stmts api_incident_patch_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The locked row's state: what the checks and the audit row need. */
struct locked {
	const char	*description, *log_number, *occurred_at, *type_code;
	const char	*address, *postcode, *log_pattern, *log_example;
};

/* The values to write, checked; NULL where unchanged. */
struct checked {
	const char	*description, *log_number, *occurred_at, *address, *postcode;
	const char	*type_code;
	char		 type_id[24];
	char		 postcode_buf[INTAKE_POSTCODE_MAX];
	struct status_change status;
	int		 status_moves;
	int		 fields;		/* any of the above but status */
};

enum api_change_result
api_refusal_set(struct api_refusal *why, const char *field, const char *code,
    const char *message)
{
	why->field = field;
	why->code = code;
	why->message = message;
	return API_CHANGE_INVALID;
}

enum api_change_result
api_incident_begin(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct incident *in)
{
	switch (incident_begin(pg, ar, a, reference, in)) {
	case INCIDENT_OK:
		return API_CHANGE_OK;
	case INCIDENT_NOT_FOUND:
		return API_CHANGE_NOT_FOUND;
	default:
		return API_CHANGE_ERROR;
	}
}

static const char *
opt(struct arena *ar, PGresult *res, int c)
{
	return PQgetisnull(res, 0, c) ? NULL : arena_strdup(ar, PQgetvalue(res, 0, c));
}

/* Locks the row and reads it into in (version, status), *revision and l
 * (each may be NULL). 0, or -1. */
static int
row_lock(struct pg *pg, struct arena *ar, struct incident *in, long long *revision,
    struct locked *l)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;

	snprintf(iid, sizeof(iid), "%lld", in->id);
	if ((res = pg_exec(pg, "api_patch_lock", 1, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return -1;
	}
	in->version = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	in->status = arena_strdup(ar, PQgetvalue(res, 0, 1));
	if (revision != NULL)
		*revision = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
	if (l != NULL) {
		l->description = opt(ar, res, 3);
		l->log_number = opt(ar, res, 4);
		l->occurred_at = opt(ar, res, 5);
		l->type_code = opt(ar, res, 6);
		l->address = opt(ar, res, 7);
		l->postcode = opt(ar, res, 8);
		l->log_pattern = opt(ar, res, 9);
		l->log_example = opt(ar, res, 10);
	}
	PQclear(res);
	return 0;
}

/* The status move, as the status function would judge it for this actor.
 * A CAD system's move needs no reason from it: the reason says who made
 * it. Closing and reopening take a person with the right to close. */
static enum api_change_result
status_check(struct arena *ar, const struct actor *a, const struct incident *in,
    const char *status, const char *reason, const char *client, struct checked *c,
    struct api_refusal *why)
{
	c->status.status = status;
	c->status.reason = reason != NULL && *reason != '\0' ? reason :
	    arena_printf(ar, "Set by %s (CAD)", client != NULL ? client : "the CAD system");
	c->status.outcome = NULL;
	switch (incident_status_check(a->perms, in->status, &c->status)) {
	case INCIDENT_OK:
		c->status_moves = 1;
		return API_CHANGE_OK;
	case INCIDENT_UNCHANGED:
		return API_CHANGE_OK;
	case INCIDENT_NEEDS_CLOSE:
	case INCIDENT_NEEDS_OUTCOME:
		return api_refusal_set(why, "status", "status_not_allowed", "Closing or reopening "
		    "an incident is done in Concord by someone who may close it");
	default:
		return api_refusal_set(why, "status", "invalid", "This is not a status an "
		    "incident can move to");
	}
}

/* The type code as a row id. */
static enum api_change_result
type_check(struct pg *pg, const char *code, struct checked *c, struct api_refusal *why)
{
	PGresult *res;
	int found;

	if ((res = pg_exec(pg, "api_patch_type", 1, &code)) == NULL)
		return API_CHANGE_ERROR;
	if ((found = PQntuples(res) == 1))
		snprintf(c->type_id, sizeof(c->type_id), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (!found)
		return api_refusal_set(why, "type", "unmapped_code", "The type maps to an ASB type "
		    "that is not in use");
	c->type_code = code;
	c->fields = 1;
	return API_CHANGE_OK;
}

/* Each field as the intake checks it, trimmed; a CAD incident's
 * mandatory ones (description, log number) cannot be emptied. */
static enum api_change_result
fields_check(struct pg *pg, struct arena *ar, const struct api_patch *p,
    const struct locked *l, struct checked *c, struct api_refusal *why)
{
	const char *v, *w;

	if (p->description != NULL) {
		if (intake_blank(v = intake_trim(ar, p->description)))
			return api_refusal_set(why, "description", "required", intake_field_missing(
			    INTAKE_F_DESCRIPTION));
		if (!chars_fit(v, INTAKE_DESCRIPTION_MAX))
			return api_refusal_set(why, "description", "too_long", chars_too_many(ar,
			    "The description must be %d characters or fewer", v,
			    INTAKE_DESCRIPTION_MAX));
		c->description = v;
	}
	if (p->log_number != NULL) {
		if (intake_blank(v = intake_trim(ar, p->log_number)))
			return api_refusal_set(why, "log_number", "required", intake_field_missing(
			    INTAKE_F_LOG_NUMBER));
		if ((w = intake_log_number_check(ar, l->log_pattern, l->log_example, v)) != NULL)
			return api_refusal_set(why, "log_number", "invalid", w);
		c->log_number = v;
	}
	if (p->occurred_at != NULL) {
		if ((w = intake_when_check(ar, p->occurred_at, NULL, time(NULL),
		    &c->occurred_at)) != NULL)
			return api_refusal_set(why, "occurred_at", "invalid", w);
	}
	if (p->address != NULL)
		c->address = intake_trim(ar, p->address);
	if (p->postcode != NULL) {
		if ((w = intake_postcode_check(p->postcode, c->postcode_buf)) != NULL)
			return api_refusal_set(why, "location.postcode", "invalid", w);
		c->postcode = c->postcode_buf;
	}
	c->fields |= c->description != NULL || c->log_number != NULL ||
	    c->occurred_at != NULL || c->address != NULL || c->postcode != NULL;
	if (p->type_code != NULL && (l->type_code == NULL ||
	    strcmp(p->type_code, l->type_code) != 0))
		return type_check(pg, p->type_code, c, why);
	return API_CHANGE_OK;
}

/* One member of the audit row's before and after, when it changes. */
static void
audit_pair(struct json_object *before, struct json_object *after, const char *key,
    const char *old, const char *new)
{
	if (new == NULL || (old != NULL && strcmp(old, new) == 0))
		return;
	json_object_object_add(before, key, old != NULL ? json_object_new_string(old) : NULL);
	json_object_object_add(after, key, json_object_new_string(new));
}

/* Writes the fields and their audit row; after a new type, the flags
 * (the rules of repeats go by type). 0 or -1. */
static int
fields_write(struct pg *pg, const struct actor *a, const struct config *cfg,
    long long id, const struct locked *l, const struct checked *c)
{
	char iid[24];
	const char *p[7] = { iid, c->description, c->log_number, c->occurred_at,
	    c->type_code != NULL ? c->type_id : NULL, c->address, c->postcode };
	struct json_object *before = json_object_new_object(),
	    *after = json_object_new_object();
	int rc;

	snprintf(iid, sizeof(iid), "%lld", id);
	audit_pair(before, after, "description", l->description, c->description);
	audit_pair(before, after, "log_number", l->log_number, c->log_number);
	audit_pair(before, after, "occurred_at", l->occurred_at, c->occurred_at);
	audit_pair(before, after, "type", l->type_code, c->type_code);
	audit_pair(before, after, "address", l->address, c->address);
	audit_pair(before, after, "postcode", l->postcode, c->postcode);
	rc = pg_exec_ok(pg, "api_patch_fields", 7, p);
	if (rc == 0)
		rc = audit_append(pg, a, "incident", iid, "update", before, after, NULL);
	json_object_put(before);
	json_object_put(after);
	if (rc == 0 && c->type_code != NULL)
		rc = flags_refresh_all(pg, cfg, id, NULL);
	return rc;
}

/* The client's kept fields, audited, and the incident marked as changed.
 * 0 or -1. */
static int
kept_write(struct pg *pg, const struct actor *a, long long client_id, long long id,
    struct json_object *ext, int replace)
{
	char cid[24], iid[24];
	const char *p[4] = { cid, iid, NULL, replace ? "true" : "false" };
	struct json_object *after;
	int rc;

	snprintf(cid, sizeof(cid), "%lld", client_id);
	snprintf(iid, sizeof(iid), "%lld", id);
	if ((p[2] = json_object_to_json_string_ext(ext, JSON_C_TO_STRING_PLAIN)) == NULL)
		return -1;
	if (pg_exec_ok(pg, "api_patch_kept", 4, p) == -1 ||
	    pg_exec_ok(pg, "api_patch_touch", 1, p + 1) == -1)
		return -1;
	after = json_object_new_object();
	json_object_object_add(after, "client", json_object_new_int64(client_id));
	json_object_object_add(after, "extensions", json_object_get(ext));
	json_object_object_add(after, "replace", json_object_new_boolean(replace));
	rc = audit_append(pg, a, "incident", iid, "extensions", NULL, after, NULL);
	json_object_put(after);
	return rc;
}

/* The new point, placed and allocated as on the incident page. */
static enum api_change_result
place_write(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, struct incident *in, double lon, double lat,
    struct api_refusal *why)
{
	const char *words;

	if (row_lock(pg, ar, in, NULL, NULL) == -1)
		return API_CHANGE_ERROR;
	switch (incident_locate_apply(pg, ar, a, cfg, in, lon, lat, &words)) {
	case LOCATE_OK:
		return API_CHANGE_OK;
	case LOCATE_BAD_POINT:
		return api_refusal_set(why, "location", "out_of_area", words);
	case LOCATE_CLOSED:
		return api_refusal_set(why, "location", "incident_closed", "A closed incident "
		    "is not moved: it would be allocated again");
	default:
		return API_CHANGE_ERROR;
	}
}

/* The checks, then the writes, in the transaction incident_begin opened
 * on in, its row locked. */
static enum api_change_result
patch_apply(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, long long client_id, struct incident *in,
    const struct api_patch *p, long long version, struct api_refusal *why)
{
	struct locked l;
	struct checked c;
	enum api_change_result rc;
	long long revision;

	memset(&c, 0, sizeof(c));
	if (row_lock(pg, ar, in, &revision, &l) == -1)
		return API_CHANGE_ERROR;
	/* Under the lock: a second change made at the same version waits
	 * here for the first, then finds the version moved. */
	if (version != API_NO_VERSION && revision != version)
		return API_CHANGE_CONFLICT;
	if ((rc = fields_check(pg, ar, p, &l, &c, why)) != API_CHANGE_OK)
		return rc;
	if (p->status != NULL && (rc = status_check(ar, a, in, p->status, NULL,
	    p->client_name, &c, why)) != API_CHANGE_OK)
		return rc;
	if (c.status_moves && incident_status_apply(pg, ar, a, in, &c.status) != INCIDENT_OK)
		return API_CHANGE_ERROR;
	if (c.fields && fields_write(pg, a, cfg, in->id, &l, &c) == -1)
		return API_CHANGE_ERROR;
	if (p->has_point && (rc = place_write(pg, ar, a, cfg, in, p->lon, p->lat,
	    why)) != API_CHANGE_OK)
		return rc;
	if (p->extensions != NULL && kept_write(pg, a, client_id, in->id, p->extensions,
	    p->extensions_replace) == -1)
		return API_CHANGE_ERROR;
	return API_CHANGE_OK;
}

enum api_change_result
api_incident_change(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, long long client_id, const char *reference,
    const struct api_patch *p, long long version, long long *new_version,
    struct api_refusal *why)
{
	struct incident in;
	enum api_change_result rc;

	memset(why, 0, sizeof(*why));
	*new_version = 0;
	if ((rc = api_incident_begin(pg, ar, a, reference, &in)) != API_CHANGE_OK)
		return rc;
	if ((rc = patch_apply(pg, ar, a, cfg, client_id, &in, p, version, why)) !=
	    API_CHANGE_OK)
		goto out;
	rc = API_CHANGE_ERROR;
	if (row_lock(pg, ar, &in, new_version, NULL) == -1)
		goto out;
	return pg_commit(pg) == 0 ? API_CHANGE_OK : API_CHANGE_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

int
api_incident_lock(struct pg *pg, struct arena *ar, struct incident *in,
    long long *revision)
{
	return row_lock(pg, ar, in, revision, NULL);
}

enum api_change_result
api_incident_status_move(struct pg *pg, struct arena *ar, const struct actor *a,
    struct incident *in, const char *status, const char *reason, const char *client,
    struct api_refusal *why)
{
	struct checked c;
	enum api_change_result rc;

	memset(&c, 0, sizeof(c));
	if (row_lock(pg, ar, in, NULL, NULL) == -1)
		return API_CHANGE_ERROR;
	if ((rc = status_check(ar, a, in, status, reason, client, &c, why)) != API_CHANGE_OK)
		return rc;
	if (!c.status_moves)
		return api_refusal_set(why, "status", "unchanged", "The incident is at this status "
		    "already");
	return incident_status_apply(pg, ar, a, in, &c.status) == INCIDENT_OK ?
	    API_CHANGE_OK : API_CHANGE_ERROR;
}
