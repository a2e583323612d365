/* Teams: listing, creating and changing them, each change audited with
 * the fields it changed. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

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

/* Reads row i of a TEAM_COLS result into a struct team (an
 * admin_read_fn). Returns 0 or -1 (out of memory). */
static int
team_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct team *t = out;

	t->id = admin_col_id(res, i, 0);
	t->agency_id = admin_col_id(res, i, 1);
	t->agency_name = admin_col(ar, res, i, 2);
	t->agency_code = admin_col(ar, res, i, 3);
	t->code = admin_col(ar, res, i, 4);
	t->name = admin_col(ar, res, i, 5);
	t->specialist = admin_col_bool(res, i, 6);
	t->active = admin_col_bool(res, i, 7);
	t->version = admin_col(ar, res, i, 8);
	return t->agency_name && t->agency_code && t->code && t->name &&
	    t->version ? 0 : -1;
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
	void *recs;
	int rc;

	rc = admin_rows(pg, ar, a, "team_list", 0, NULL, sizeof(**out),
	    team_read, &recs, n);
	*out = recs;
	return rc;
}

/* One team. Returns 1, 0 when there is none with that id, or -1. */
int
team_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct team *t)
{
	return admin_row(pg, ar, a, "team_get", id, sizeof(*t), team_read, t);
}

/* The code of the agency with the id (as text), for the audit trail.
 * Returns ADMIN_OK, ADMIN_BAD_AGENCY when there is none, or ADMIN_ERROR. */
static enum admin_rc
team_agency_code(struct pg *pg, const char *aid, char code[40])
{
	const char *p[1] = { aid };
	PGresult *res;
	int rows;

	if ((res = pg_exec(pg, "team_agency_code", 1, p)) == NULL)
		return ADMIN_ERROR;
	if ((rows = PQntuples(res)) == 1)
		snprintf(code, 40, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return rows == 1 ? ADMIN_OK : ADMIN_BAD_AGENCY;
}

/* A new team in an existing agency, and its audit row ("create"). */
enum admin_rc
team_create(struct pg *pg, const struct actor *a, const struct team *t,
    const char *reason, long long *id)
{
	char aid[24], agency_code[40];
	const char *p[5] = { aid, t->code, t->name, t->specialist ? "true" : "false",
	    t->active ? "true" : "false" };
	enum admin_rc rc;

	admin_id_text(t->agency_id, aid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = team_agency_code(pg, aid, agency_code)) != ADMIN_OK)
		goto out;
	if ((rc = admin_insert(pg, "team_insert", 5, p, id)) != ADMIN_OK)
		goto out;
	rc = admin_created(pg, a, "team", *id, team_json(t, agency_code), reason);
out:
	return admin_tx_end(pg, rc);
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
	const char *q[3] = { aid, t->code, sid };
	struct team old, upd;
	enum admin_rc rc;

	admin_id_text(t->id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_lock(pg, ar, "team_get_lock", sid, team_read, &old)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(old.version, t->version) != 0)
		goto out;
	admin_id_text(old.agency_id, aid);
	if ((rc = admin_unique(pg, "team_code_taken", 3, q)) != ADMIN_OK)
		goto out;
	upd = *t;
	upd.agency_id = old.agency_id;
	rc = admin_update_audited(pg, a, "team", t->id,
	    team_json(&old, old.agency_code), team_json(&upd, old.agency_code),
	    reason, "team_update", 5, p);
out:
	return admin_tx_end(pg, rc);
}
