/* Agencies: listing, creating and changing them, each change audited with
 * the fields it changed. Deactivating an agency ends its users' sessions
 * (sign-in already refuses users of an inactive agency). */
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin_agency.h"
#include "domain/tx.h"
#include "store/pg.h"

#define AGENCY_COLS \
	"SELECT id, code, name, kind::text, core_partner, active, " \
	"md5(row(code, name, kind, core_partner, active)::text) FROM agency "

static const struct pg_stmt stmts[] = {
	{ "agency_list", AGENCY_COLS "ORDER BY lower(name), id" },
	{ "agency_get", AGENCY_COLS "WHERE id = $1::bigint" },
	{ "agency_get_lock", AGENCY_COLS "WHERE id = $1::bigint FOR UPDATE" },
	{ "agency_code_taken",
	  "SELECT 1 FROM agency WHERE code = $1 AND id <> $2::bigint" },
	{ "agency_insert",
	  "INSERT INTO agency (code, name, kind, core_partner, active) "
	  "VALUES ($1, $2, $3::agency_kind, $4::boolean, $5::boolean) "
	  "ON CONFLICT (code) DO NOTHING RETURNING id" },
	{ "agency_update",
	  "UPDATE agency SET code = $2, name = $3, kind = $4::agency_kind, "
	  "core_partner = $5::boolean, active = $6::boolean WHERE id = $1::bigint" },
	{ "agency_members",
	  "SELECT id FROM app_user WHERE agency_id = $1::bigint AND disabled_at IS NULL" },
};

const struct pg_stmts admin_agency_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Reads row i of an AGENCY_COLS result. Returns 0 or -1 (out of memory). */
static int
agency_read(struct arena *ar, PGresult *res, int i, struct agency *ag)
{
	ag->id = admin_col_id(res, i, 0);
	ag->code = admin_col(ar, res, i, 1);
	ag->name = admin_col(ar, res, i, 2);
	ag->kind = admin_col(ar, res, i, 3);
	ag->core_partner = admin_col_bool(res, i, 4);
	ag->active = admin_col_bool(res, i, 5);
	ag->version = admin_col(ar, res, i, 6);
	return ag->code && ag->name && ag->kind && ag->version ? 0 : -1;
}

/* What the audit trail records of an agency. */
static struct json_object *
agency_json(const struct agency *ag)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "code", json_object_new_string(ag->code));
	json_object_object_add(o, "name", json_object_new_string(ag->name));
	json_object_object_add(o, "kind", json_object_new_string(ag->kind));
	json_object_object_add(o, "core_partner", json_object_new_boolean(ag->core_partner));
	json_object_object_add(o, "active", json_object_new_boolean(ag->active));
	return o;
}

/* Every agency, by name. Returns 0 or -1. */
int
agency_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct agency **out, size_t *n)
{
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "agency_list", 0, NULL)) == NULL)
		goto err;
	rows = PQntuples(res);
	if (rows > 0 && (*out = arena_calloc(ar, (size_t)rows, sizeof(**out))) == NULL)
		goto err_res;
	for (i = 0; i < rows; i++)
		if (agency_read(ar, res, i, &(*out)[i]) == -1)
			goto err_res;
	*n = (size_t)rows;
	PQclear(res);
	return pg_commit(pg);
err_res:
	PQclear(res);
err:
	pg_rollback(pg);
	return -1;
}

/* One agency. Returns 1, 0 when there is none with that id, or -1. */
int
agency_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct agency *ag)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *res;
	int found;

	memset(ag, 0, sizeof(*ag));
	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "agency_get", 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	found = PQntuples(res) == 1;
	if (found && agency_read(ar, res, 0, ag) == -1)
		found = -1;
	PQclear(res);
	if (pg_commit(pg) == -1)
		return -1;
	return found;
}

/* Whether another agency than `except` has the code: 1, 0 or -1. */
static int
agency_code_taken(struct pg *pg, const char *code, long long except)
{
	char sid[24];
	const char *p[2] = { code, sid };
	PGresult *res;
	int taken;

	admin_id_text(except, sid);
	if ((res = pg_exec(pg, "agency_code_taken", 2, p)) == NULL)
		return -1;
	taken = PQntuples(res) > 0;
	PQclear(res);
	return taken;
}

/* A new agency and its audit row ("create"). *id is its id on ADMIN_OK. */
enum admin_rc
agency_create(struct pg *pg, const struct actor *a, const struct agency *ag,
    const char *reason, long long *id)
{
	const char *p[5] = { ag->code, ag->name, ag->kind,
	    ag->core_partner ? "true" : "false", ag->active ? "true" : "false" };
	PGresult *res;
	int changed, rows;

	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	/* ON CONFLICT: a code taken meanwhile is a field error too, not a 500. */
	if ((res = pg_exec(pg, "agency_insert", 5, p)) == NULL)
		goto err;
	if ((rows = PQntuples(res)) == 1)
		*id = admin_col_id(res, 0, 0);
	PQclear(res);
	if (rows != 1) {
		pg_rollback(pg);
		return ADMIN_DUPLICATE;
	}
	if (admin_change_audit(pg, a, "agency", *id, "create", NULL,
	    agency_json(ag), reason, &changed) == -1)
		goto err;
	return pg_commit(pg) == -1 ? ADMIN_ERROR : ADMIN_OK;
err:
	pg_rollback(pg);
	return ADMIN_ERROR;
}

/* Changes an agency that still has the version the form was made from.
 * Users whose sessions must end (the agency was deactivated) are added to
 * rv. ADMIN_UNCHANGED writes nothing. */
enum admin_rc
agency_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct agency *ag, const char *reason, struct admin_revoke *rv)
{
	char sid[24];
	const char *p[6] = { sid, ag->code, ag->name, ag->kind,
	    ag->core_partner ? "true" : "false", ag->active ? "true" : "false" };
	struct agency old;
	enum admin_rc rc = ADMIN_ERROR;
	PGresult *res;
	int changed, taken;

	admin_id_text(ag->id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((res = pg_exec(pg, "agency_get_lock", 1, p)) == NULL)
		goto out;
	if (PQntuples(res) != 1 || agency_read(ar, res, 0, &old) == -1) {
		rc = PQntuples(res) != 1 ? ADMIN_NOT_FOUND : ADMIN_ERROR;
		PQclear(res);
		goto out;
	}
	PQclear(res);
	if (strcmp(old.version, ag->version) != 0) {
		rc = ADMIN_STALE;
		goto out;
	}
	if ((taken = agency_code_taken(pg, ag->code, ag->id)) != 0) {
		rc = taken == 1 ? ADMIN_DUPLICATE : ADMIN_ERROR;
		goto out;
	}
	if (admin_change_audit(pg, a, "agency", ag->id, "update", agency_json(&old),
	    agency_json(ag), reason, &changed) == -1)
		goto out;
	if (!changed) {
		rc = ADMIN_UNCHANGED;
		goto out;
	}
	if (pg_exec_ok(pg, "agency_update", 6, p) == -1)
		goto out;
	if (old.active && !ag->active) {
		if ((res = pg_exec(pg, "agency_members", 1, p)) == NULL)
			goto out;
		if (admin_revoke_rows(ar, res, rv) == -1) {
			PQclear(res);
			goto out;
		}
		PQclear(res);
	}
	if (pg_commit(pg) == -1)
		return ADMIN_ERROR;
	return ADMIN_OK;
out:
	pg_rollback(pg);
	return rc;
}
