/* What every administration file shares: the result codes, agency kinds,
 * reading records in a transaction, the steps every change takes (lock
 * and read, uniqueness, insert, the one audit row with only the fields
 * that changed, update, sessions to end, commit or roll back), and
 * reading result columns into the request's arena. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/audit.h"
#include "domain/tx.h"
#include "store/pg.h"

const struct agency_kind_def agency_kinds[AGENCY_KINDS_N] = {
	{ "police", "Police" },
	{ "local_authority", "Local authority" },
	{ "housing_provider", "Housing provider" },
	{ "third_sector", "Third-sector partner" },
};

/* The label of an agency kind, or the code itself when unknown. */
const char *
agency_kind_label(const char *code)
{
	size_t i;

	for (i = 0; i < AGENCY_KINDS_N; i++)
		if (strcmp(agency_kinds[i].code, code) == 0)
			return agency_kinds[i].label;
	return code;
}

/* The decimal text of an id, as the statements take it. */
void
admin_id_text(long long id, char out[24])
{
	snprintf(out, 24, "%lld", id);
}

/* ---- Reading records ---- */

/* The rows stmt returns, each read with read into an arena array of *n
 * records of size bytes, in one transaction. Returns 0 or -1. */
int
admin_rows(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *stmt, int nparams, const char *const *params, size_t size,
    admin_read_fn *read, void **out, size_t *n)
{
	PGresult *res;
	char *recs = NULL;
	int i, rows;

	*out = NULL;
	*n = 0;
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, stmt, nparams, params)) == NULL)
		goto err;
	rows = PQntuples(res);
	if (rows > 0 && (recs = arena_calloc(ar, (size_t)rows, size)) == NULL)
		goto err_res;
	for (i = 0; i < rows; i++)
		if (read(ar, res, i, recs + (size_t)i * size) == -1)
			goto err_res;
	*out = recs;
	*n = (size_t)rows;
	PQclear(res);
	return pg_commit(pg);
err_res:
	PQclear(res);
err:
	pg_rollback(pg);
	return -1;
}

/* The record stmt finds by id (its one parameter), read with read into
 * out (size bytes, cleared first), in one transaction. Returns 1, 0 when
 * there is none with that id, or -1. */
int
admin_row(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *stmt, long long id, size_t size, admin_read_fn *read, void *out)
{
	char sid[24];
	const char *p[1] = { sid };
	PGresult *res;
	int found;

	memset(out, 0, size);
	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, stmt, 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	found = PQntuples(res) == 1;
	if (found && read(ar, res, 0, out) == -1)
		found = -1;
	PQclear(res);
	if (pg_commit(pg) == -1)
		return -1;
	return found;
}

/* ---- The steps of a change ---- */

/* Locks the record whose id (as text) stmt takes, one of the *_get_lock
 * statements, and reads it into old with read. Returns ADMIN_OK,
 * ADMIN_NOT_FOUND or ADMIN_ERROR. */
enum admin_rc
admin_lock(struct pg *pg, struct arena *ar, const char *stmt, const char *id,
    admin_read_fn *read, void *old)
{
	const char *p[1] = { id };
	PGresult *res;
	enum admin_rc rc = ADMIN_OK;

	if ((res = pg_exec(pg, stmt, 1, p)) == NULL)
		return ADMIN_ERROR;
	if (PQntuples(res) != 1)
		rc = ADMIN_NOT_FOUND;
	else if (read(ar, res, 0, old) == -1)
		rc = ADMIN_ERROR;
	PQclear(res);
	return rc;
}

/* Whether a code (or e-mail address) is free, asked of stmt, which finds
 * a row when another record has it. Returns ADMIN_OK when free,
 * ADMIN_DUPLICATE when taken, or ADMIN_ERROR. */
enum admin_rc
admin_unique(struct pg *pg, const char *stmt, int nparams,
    const char *const *params)
{
	PGresult *res;
	int taken;

	if ((res = pg_exec(pg, stmt, nparams, params)) == NULL)
		return ADMIN_ERROR;
	taken = PQntuples(res) > 0;
	PQclear(res);
	return taken ? ADMIN_DUPLICATE : ADMIN_OK;
}

/* Runs stmt, an INSERT ... ON CONFLICT DO NOTHING RETURNING id. Returns
 * ADMIN_OK with *id, ADMIN_DUPLICATE when the conflict left no row (a
 * code taken meanwhile is a field error too, not a 500), or ADMIN_ERROR. */
enum admin_rc
admin_insert(struct pg *pg, const char *stmt, int nparams,
    const char *const *params, long long *id)
{
	PGresult *res;
	int rows;

	if ((res = pg_exec(pg, stmt, nparams, params)) == NULL)
		return ADMIN_ERROR;
	if ((rows = PQntuples(res)) == 1)
		*id = admin_col_id(res, 0, 0);
	PQclear(res);
	return rows == 1 ? ADMIN_OK : ADMIN_DUPLICATE;
}

/* The audit row of a new record ("create", with every field of after,
 * which it takes). Returns ADMIN_OK or ADMIN_ERROR. */
enum admin_rc
admin_created(struct pg *pg, const struct actor *a, const char *entity,
    long long id, struct json_object *after, const char *reason)
{
	int changed;

	if (admin_change_audit(pg, a, entity, id, "create", NULL, after, reason,
	    &changed) == -1)
		return ADMIN_ERROR;
	return ADMIN_OK;
}

/* The audit row of an update from old_obj to new_obj (the fields that
 * differ; takes both), then the UPDATE stmt, when anything did differ.
 * Returns ADMIN_OK, ADMIN_UNCHANGED (nothing written) or ADMIN_ERROR. */
enum admin_rc
admin_update_audited(struct pg *pg, const struct actor *a, const char *entity,
    long long id, struct json_object *old_obj, struct json_object *new_obj,
    const char *reason, const char *stmt, int nparams, const char *const *params)
{
	int changed;

	if (admin_change_audit(pg, a, entity, id, "update", old_obj, new_obj,
	    reason, &changed) == -1)
		return ADMIN_ERROR;
	if (!changed)
		return ADMIN_UNCHANGED;
	return pg_exec_ok(pg, stmt, nparams, params) == -1 ? ADMIN_ERROR : ADMIN_OK;
}

/* Writes the audit row of a change from old_obj to new_obj (either may be
 * NULL: a creation has no old state), with only the fields that differ.
 * *changed says whether anything did; when nothing did, no row is written.
 * Takes ownership of old_obj and new_obj. Returns 0, or -1 (roll back). */
int
admin_change_audit(struct pg *pg, const struct actor *a, const char *entity,
    long long id, const char *action, struct json_object *old_obj,
    struct json_object *new_obj, const char *reason, int *changed)
{
	struct json_object *before = NULL, *after = NULL;
	char sid[24];
	int rc = -1;

	*changed = 0;
	if (audit_diff(old_obj, new_obj, &before, &after) == -1)
		goto out;
	if (before == NULL && after == NULL) {
		rc = 0;
		goto out;
	}
	*changed = 1;
	admin_id_text(id, sid);
	rc = audit_append(pg, a, entity, sid, action, before, after,
	    reason != NULL && *reason != '\0' ? reason : NULL);
out:
	json_object_put(before);
	json_object_put(after);
	json_object_put(old_obj);
	json_object_put(new_obj);
	return rc;
}

/* Room for `more` ids at the end of rv, the ones there kept. Returns
 * where they go (rv->n is the caller's to raise), or NULL when out of
 * memory, rv unchanged. */
static long long *
revoke_grow(struct arena *ar, struct admin_revoke *rv, size_t more)
{
	long long *ids = arena_calloc(ar, rv->n + more, sizeof(*ids));

	if (ids == NULL)
		return NULL;
	if (rv->n > 0)
		memcpy(ids, rv->ids, rv->n * sizeof(*ids));
	rv->ids = ids;
	return ids + rv->n;
}

/* Adds one user to the sessions to end. Returns 0, or -1 when out of
 * memory. */
int
admin_revoke_add(struct arena *ar, struct admin_revoke *rv, long long id)
{
	long long *slot = revoke_grow(ar, rv, 1);

	if (slot == NULL)
		return -1;
	*slot = id;
	rv->n++;
	return 0;
}

/* Adds the users stmt finds for the record with the id (as text) to the
 * sessions to end: their ids are its first column. Returns 0 or -1. */
int
admin_revoke_select(struct pg *pg, struct arena *ar, const char *stmt,
    const char *id, struct admin_revoke *rv)
{
	const char *p[1] = { id };
	long long *slot = NULL;
	PGresult *res;
	int i, n;

	if ((res = pg_exec(pg, stmt, 1, p)) == NULL)
		return -1;
	if ((n = PQntuples(res)) > 0 &&
	    (slot = revoke_grow(ar, rv, (size_t)n)) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < n; i++)
		slot[i] = admin_col_id(res, i, 0);
	rv->n += (size_t)n;
	PQclear(res);
	return 0;
}

/* Ends the transaction of a change: commits it on ADMIN_OK, rolls it back
 * on anything else. Returns rc, or ADMIN_ERROR when the commit failed. */
enum admin_rc
admin_tx_end(struct pg *pg, enum admin_rc rc)
{
	if (rc != ADMIN_OK) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == -1 ? ADMIN_ERROR : ADMIN_OK;
}

/* ---- Result columns ---- */

/* A column's text, copied into the arena (a result's memory goes with it);
 * NULL only when out of memory. */
char *
admin_col(struct arena *ar, PGresult *res, int row, int col)
{
	return arena_strdup(ar, PQgetvalue(res, row, col));
}

/* A column holding an id. */
long long
admin_col_id(PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

/* Whether a boolean column is true. */
int
admin_col_bool(PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col)[0] == 't';
}

/* Splits the text of a PostgreSQL array of simple words ("{a,b}": codes
 * and permission names, which never need quoting) into arena strings.
 * Returns how many; *items is NULL when there are none or memory ran out. */
size_t
admin_array_split(struct arena *ar, const char *s, const char ***items)
{
	const char **out;
	size_t n = 0, cap, len;

	*items = NULL;
	if (s == NULL || *s++ != '{' || *s == '}')
		return 0;
	for (cap = 1, len = 0; s[len] != '\0'; len++)
		if (s[len] == ',')
			cap++;
	if ((out = arena_calloc(ar, cap, sizeof(*out))) == NULL)
		return 0;
	while (*s != '\0' && *s != '}' && n < cap) {
		len = strcspn(s, ",}");
		if ((out[n] = arena_strndup(ar, *s == '"' ? s + 1 : s,
		    *s == '"' && len >= 2 ? len - 2 : len)) == NULL)
			return 0;
		n++;
		s += len;
		if (*s == ',')
			s++;
	}
	*items = out;
	return n;
}

/* Whether s is min to max bytes of lower-case letters, digits and `extra`:
 * the codes and keys the tables' CHECKs allow. */
int
admin_word_valid(const char *s, size_t min, size_t max, char extra)
{
	size_t n = strlen(s), i;

	if (n < min || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == extra))
			return 0;
	return 1;
}
