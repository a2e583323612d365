/* The action types an administrator keeps (domain/action_type.h): list,
 * one, add, change — each change audited (entity "action_type") in its
 * own transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/action_type.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/audit.h"
#include "domain/tx.h"
#include "store/pg.h"

#define TYPE_COLS "id, code, name, legal_basis, enforcement, active, position, version"

static const struct pg_stmt stmts[] = {
	{ "action_types", "SELECT " TYPE_COLS " FROM action_type "
	  "WHERE active OR NOT $1::boolean ORDER BY position, name, id" },
	{ "action_type_one", "SELECT " TYPE_COLS " FROM action_type WHERE id = $1::bigint" },
	{ "action_type_insert",
	  "INSERT INTO action_type (code, name, legal_basis, enforcement, active, position) "
	  "VALUES ($1, $2, $3, $4::boolean, $5::boolean, $6::integer) "
	  "ON CONFLICT (code) DO NOTHING RETURNING id" },
	{ "action_type_update",
	  "UPDATE action_type SET name = $3, legal_basis = $4, enforcement = $5::boolean, "
	  "active = $6::boolean, position = $7::integer, version = version + 1 "
	  "WHERE id = $1::bigint AND version = $2::integer" },
};

const struct pg_stmts action_type_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static int
type_read(struct arena *ar, PGresult *res, int row, struct action_type *t)
{
	t->id = strtoll(PQgetvalue(res, row, 0), NULL, 10);
	t->code = arena_strdup(ar, PQgetvalue(res, row, 1));
	t->name = arena_strdup(ar, PQgetvalue(res, row, 2));
	t->legal_basis = arena_strdup(ar, PQgetvalue(res, row, 3));
	t->enforcement = PQgetvalue(res, row, 4)[0] == 't';
	t->active = PQgetvalue(res, row, 5)[0] == 't';
	t->position = atoi(PQgetvalue(res, row, 6));
	t->version = strtoll(PQgetvalue(res, row, 7), NULL, 10);
	return t->code == NULL || t->name == NULL || t->legal_basis == NULL ? -1 : 0;
}

/* admin_read_fn for a type's row. */
static int
type_row(struct arena *ar, PGresult *res, int row, void *out)
{
	return type_read(ar, res, row, out);
}

int
action_types_list(struct pg *pg, struct arena *ar, const struct actor *a, int active_only,
    struct action_type **out, size_t *n)
{
	const char *p[1] = { active_only ? "true" : "false" };
	void *rows;

	if (admin_rows(pg, ar, a, "action_types", 1, p, sizeof(**out), type_row, &rows,
	    n) == -1)
		return -1;
	*out = rows;
	return 0;
}

enum action_type_result
action_type_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct action_type *t)
{
	char tid[24];
	const char *p[1] = { tid };
	enum action_type_result rc = ACTION_TYPE_NOT_FOUND;
	PGresult *res;

	snprintf(tid, sizeof(tid), "%lld", id);
	if (tx_begin(pg, a) == -1)
		return ACTION_TYPE_ERROR;
	if ((res = pg_exec(pg, "action_type_one", 1, p)) == NULL) {
		pg_rollback(pg);
		return ACTION_TYPE_ERROR;
	}
	if (PQntuples(res) == 1)
		rc = type_read(ar, res, 0, t) == -1 ? ACTION_TYPE_ERROR : ACTION_TYPE_OK;
	PQclear(res);
	if (pg_commit(pg) == -1)
		return ACTION_TYPE_ERROR;
	return rc;
}

static struct json_object *
type_json(const struct action_type *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "code", json_object_new_string(t->code));
	json_object_object_add(o, "name", json_object_new_string(t->name));
	json_object_object_add(o, "legal_basis", json_object_new_string(t->legal_basis));
	json_object_object_add(o, "enforcement", json_object_new_boolean(t->enforcement));
	json_object_object_add(o, "active", json_object_new_boolean(t->active));
	json_object_object_add(o, "position", json_object_new_int(t->position));
	return o;
}

/* The audit row of a change to type id; takes before and after. */
static int
type_audit(struct pg *pg, const struct actor *a, long long id, const char *action,
    struct json_object *before, struct json_object *after)
{
	char tid[24];
	int rc;

	snprintf(tid, sizeof(tid), "%lld", id);
	rc = audit_append(pg, a, "action_type", tid, action, before, after, NULL);
	json_object_put(before);
	json_object_put(after);
	return rc;
}

enum action_type_result
action_type_create(struct pg *pg, const struct actor *a, const struct action_type *t,
    long long *id)
{
	char pos[16];
	const char *p[6] = { t->code, t->name, t->legal_basis, t->enforcement ? "true" : "false",
	    t->active ? "true" : "false", pos };
	PGresult *res;
	int taken;

	snprintf(pos, sizeof(pos), "%d", t->position);
	if (tx_begin(pg, a) == -1)
		return ACTION_TYPE_ERROR;
	if ((res = pg_exec(pg, "action_type_insert", 6, p)) == NULL)
		goto err;
	if (!(taken = PQntuples(res) == 0))
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (taken) {
		pg_rollback(pg);
		return ACTION_TYPE_CODE_TAKEN;
	}
	if (type_audit(pg, a, *id, "create", NULL, type_json(t)) == -1)
		goto err;
	return pg_commit(pg) == 0 ? ACTION_TYPE_OK : ACTION_TYPE_ERROR;
err:
	pg_rollback(pg);
	return ACTION_TYPE_ERROR;
}

enum action_type_result
action_type_update(struct pg *pg, const struct actor *a, const struct action_type *t)
{
	struct json_object *old, *new, *before = NULL, *after = NULL;
	struct action_type was;
	struct arena *ar;
	char tid[24], ver[24], pos[16];
	const char *p[7] = { tid, ver, t->name, t->legal_basis,
	    t->enforcement ? "true" : "false", t->active ? "true" : "false", pos };
	const char *q[1] = { tid };
	PGresult *res;
	int changed;

	snprintf(tid, sizeof(tid), "%lld", t->id);
	snprintf(ver, sizeof(ver), "%lld", t->version);
	snprintf(pos, sizeof(pos), "%d", t->position);
	if ((ar = arena_new(4096)) == NULL)
		return ACTION_TYPE_ERROR;
	if (tx_begin(pg, a) == -1)
		goto fail;
	if ((res = pg_exec(pg, "action_type_one", 1, q)) == NULL)
		goto err;
	if (PQntuples(res) != 1 || type_read(ar, res, 0, &was) == -1) {
		changed = PQntuples(res);
		PQclear(res);
		pg_rollback(pg);
		arena_free(ar);
		return changed == 0 ? ACTION_TYPE_NOT_FOUND : ACTION_TYPE_ERROR;
	}
	PQclear(res);
	if ((res = pg_exec(pg, "action_type_update", 7, p)) == NULL)
		goto err;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (!changed) {
		pg_rollback(pg);
		arena_free(ar);
		return ACTION_TYPE_CONFLICT;
	}
	old = type_json(&was);
	{
		struct action_type now = *t;

		now.code = was.code;
		new = type_json(&now);
	}
	changed = audit_diff(old, new, &before, &after);
	json_object_put(old);
	json_object_put(new);
	if (changed == -1 || type_audit(pg, a, t->id, "update", before, after) == -1)
		goto err;
	arena_free(ar);
	return pg_commit(pg) == 0 ? ACTION_TYPE_OK : ACTION_TYPE_ERROR;
err:
	pg_rollback(pg);
fail:
	arena_free(ar);
	return ACTION_TYPE_ERROR;
}
