/* Agencies: listing, creating and changing them, each change audited with
 * the fields it changed. Deactivating an agency ends its users' sessions
 * (sign-in already refuses users of an inactive agency). */
#include <string.h>

#include <json-c/json.h>

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

/* Reads row i of an AGENCY_COLS result into a struct agency (an
 * admin_read_fn). Returns 0 or -1 (out of memory). */
static int
agency_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct agency *ag = out;

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
	void *recs;
	int rc;

	rc = admin_rows(pg, ar, a, "agency_list", 0, NULL, sizeof(**out),
	    agency_read, &recs, n);
	*out = recs;
	return rc;
}

/* One agency. Returns 1, 0 when there is none with that id, or -1. */
int
agency_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct agency *ag)
{
	return admin_row(pg, ar, a, "agency_get", id, sizeof(*ag), agency_read, ag);
}

/* A new agency and its audit row ("create"). *id is its id on ADMIN_OK. */
enum admin_rc
agency_create(struct pg *pg, const struct actor *a, const struct agency *ag,
    const char *reason, long long *id)
{
	const char *p[5] = { ag->code, ag->name, ag->kind,
	    ag->core_partner ? "true" : "false", ag->active ? "true" : "false" };
	enum admin_rc rc;

	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_insert(pg, "agency_insert", 5, p, id)) == ADMIN_OK)
		rc = admin_created(pg, a, "agency", *id, agency_json(ag), reason);
	return admin_tx_end(pg, rc);
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
	const char *q[2] = { ag->code, sid };
	struct agency old;
	enum admin_rc rc;

	admin_id_text(ag->id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_lock(pg, ar, "agency_get_lock", sid, agency_read, &old)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(old.version, ag->version) != 0)
		goto out;
	if ((rc = admin_unique(pg, "agency_code_taken", 2, q)) != ADMIN_OK)
		goto out;
	rc = admin_update_audited(pg, a, "agency", ag->id, agency_json(&old),
	    agency_json(ag), reason, "agency_update", 6, p);
	if (rc == ADMIN_OK && old.active && !ag->active &&
	    admin_revoke_select(pg, ar, "agency_members", sid, rv) == -1)
		rc = ADMIN_ERROR;
out:
	return admin_tx_end(pg, rc);
}
