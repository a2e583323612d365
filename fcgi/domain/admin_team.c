/* Teams: listing, creating and changing them, each change audited with
 * the fields it changed. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin_team.h"
#include "domain/tx.h"
#include "store/pg.h"

#define TEAM_COLS \
	"SELECT t.id, t.agency_id, a.name, a.code, t.code, t.name, t.specialist, " \
	"t.active, md5(row(t.agency_id, t.code, t.name, t.specialist, t.active)::text) " \
	"FROM team t JOIN agency a ON a.id = t.agency_id "

static const struct pg_stmt stmts[] = {
	{ "team_list", TEAM_COLS "ORDER BY lower(a.name), lower(t.name), t.id" },
	{ "team_get", TEAM_COLS "WHERE t.id = $1::bigint" },
	{ "team_get_lock", TEAM_COLS "WHERE t.id = $1::bigint FOR UPDATE OF t" },
	{ "team_agency_code", "SELECT code FROM agency WHERE id = $1::bigint" },
	{ "team_code_taken",
	  "SELECT 1 FROM team WHERE agency_id = $1::bigint AND code = $2 "
	  "AND id <> $3::bigint" },
	{ "team_insert",
	  "INSERT INTO team (agency_id, code, name, specialist, active) "
	  "VALUES ($1::bigint, $2, $3, $4::boolean, $5::boolean) "
	  "ON CONFLICT (agency_id, code) DO NOTHING RETURNING id" },
	{ "team_update",
	  "UPDATE team SET code = $2, name = $3, specialist = $4::boolean, "
	  "active = $5::boolean WHERE id = $1::bigint" },
};

const struct pg_stmts admin_team_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Row i of a TEAM_COLS result; *agency_code (when not NULL) gets the
 * agency's code, for the audit trail. Returns 0 or -1. */
static int
team_read(struct arena *ar, PGresult *res, int i, struct team *t,
    const char **agency_code)
{
	t->id = admin_col_id(res, i, 0);
	t->agency_id = admin_col_id(res, i, 1);
	t->agency_name = admin_col(ar, res, i, 2);
	if (agency_code != NULL && (*agency_code = admin_col(ar, res, i, 3)) == NULL)
		return -1;
	t->code = admin_col(ar, res, i, 4);
	t->name = admin_col(ar, res, i, 5);
	t->specialist = admin_col_bool(res, i, 6);
	t->active = admin_col_bool(res, i, 7);
	t->version = admin_col(ar, res, i, 8);
	return t->agency_name && t->code && t->name && t->version ? 0 : -1;
}

/* What the audit trail records of a team (its agency by code). */
static struct json_object *
team_json(const struct team *t, const char *agency_code)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "agency", json_object_new_string(agency_code));
	json_object_object_add(o, "code", json_object_new_string(t->code));
	json_object_object_add(o, "name", json_object_new_string(t->name));
	json_object_object_add(o, "specialist", json_object_new_boolean(t->specialist));
	json_object_object_add(o, "active", json_object_new_boolean(t->active));
	return o;
}

/* Every team, by agency and name. Returns 0 or -1. */
int
team_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct team **out, size_t *n)
{
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "team_list", 0, NULL)) == NULL)
		goto err;
	rows = PQntuples(res);
	if (rows > 0 && (*out = arena_calloc(ar, (size_t)rows, sizeof(**out))) == NULL)
		goto err_res;
	for (i = 0; i < rows; i++)
		if (team_read(ar, res, i, &(*out)[i], NULL) == -1)
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

/* One team. Returns 1, 0 when there is none with that id, or -1. */
int
team_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct team *t)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *res;
	int found;

	memset(t, 0, sizeof(*t));
	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "team_get", 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	found = PQntuples(res) == 1;
	if (found && team_read(ar, res, 0, t, NULL) == -1)
		found = -1;
	PQclear(res);
	if (pg_commit(pg) == -1)
		return -1;
	return found;
}

/* A new team in an existing agency, and its audit row ("create"). */
enum admin_rc
team_create(struct pg *pg, const struct actor *a, const struct team *t,
    const char *reason, long long *id)
{
	char aid[24], agency_code[40];
	const char *p[5] = { aid, t->code, t->name, t->specialist ? "true" : "false",
	    t->active ? "true" : "false" };
	PGresult *res;
	int changed, rows;

	admin_id_text(t->agency_id, aid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((res = pg_exec(pg, "team_agency_code", 1, p)) == NULL)
		goto err;
	if ((rows = PQntuples(res)) == 1)
		snprintf(agency_code, sizeof(agency_code), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (rows != 1) {
		pg_rollback(pg);
		return ADMIN_BAD_AGENCY;
	}
	if ((res = pg_exec(pg, "team_insert", 5, p)) == NULL)
		goto err;
	if ((rows = PQntuples(res)) == 1)
		*id = admin_col_id(res, 0, 0);
	PQclear(res);
	if (rows != 1) {
		pg_rollback(pg);
		return ADMIN_DUPLICATE;
	}
	if (admin_change_audit(pg, a, "team", *id, "create", NULL,
	    team_json(t, agency_code), reason, &changed) == -1)
		goto err;
	return pg_commit(pg) == -1 ? ADMIN_ERROR : ADMIN_OK;
err:
	pg_rollback(pg);
	return ADMIN_ERROR;
}

/* Changes a team (not its agency) that still has the version the form was
 * made from. ADMIN_UNCHANGED writes nothing. */
enum admin_rc
team_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct team *t, const char *reason)
{
	char sid[24], aid[24];
	const char *p[5] = { sid, t->code, t->name, t->specialist ? "true" : "false",
	    t->active ? "true" : "false" };
	const char *q[3], *agency_code = NULL;
	struct team old, upd;
	enum admin_rc rc = ADMIN_ERROR;
	PGresult *res;
	int changed, taken;

	admin_id_text(t->id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((res = pg_exec(pg, "team_get_lock", 1, p)) == NULL)
		goto out;
	if (PQntuples(res) != 1 || team_read(ar, res, 0, &old, &agency_code) == -1) {
		rc = PQntuples(res) != 1 ? ADMIN_NOT_FOUND : ADMIN_ERROR;
		PQclear(res);
		goto out;
	}
	PQclear(res);
	if (strcmp(old.version, t->version) != 0) {
		rc = ADMIN_STALE;
		goto out;
	}
	admin_id_text(old.agency_id, aid);
	q[0] = aid;
	q[1] = t->code;
	q[2] = sid;
	if ((res = pg_exec(pg, "team_code_taken", 3, q)) == NULL)
		goto out;
	taken = PQntuples(res) > 0;
	PQclear(res);
	if (taken) {
		rc = ADMIN_DUPLICATE;
		goto out;
	}
	upd = *t;
	upd.agency_id = old.agency_id;
	if (admin_change_audit(pg, a, "team", t->id, "update",
	    team_json(&old, agency_code), team_json(&upd, agency_code), reason,
	    &changed) == -1)
		goto out;
	if (!changed) {
		rc = ADMIN_UNCHANGED;
		goto out;
	}
	if (pg_exec_ok(pg, "team_update", 5, p) == -1)
		goto out;
	return pg_commit(pg) == -1 ? ADMIN_ERROR : ADMIN_OK;
out:
	pg_rollback(pg);
	return rc;
}
