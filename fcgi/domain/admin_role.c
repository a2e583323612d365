/* Roles: listing, creating and changing them, each change audited with the
 * fields it changed. A change of permissions ends the sessions of every
 * user holding the role, as sessions carry the permissions they had at
 * sign-in. An administrator cannot take user administration away from
 * themselves through a role. */
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/actor.h"
#include "domain/admin_role.h"
#include "domain/tx.h"
#include "store/pg.h"

#define ROLE_COLS \
	"SELECT r.id, r.code, r.name, r.agency_kinds::text, r.permissions::text, " \
	"(SELECT count(DISTINCT ur.user_id) FROM user_role ur WHERE ur.role_id = r.id), " \
	"md5(row(r.code, r.name, r.agency_kinds, r.permissions)::text) FROM role r "

static const struct pg_stmt stmts[] = {
	{ "role_list", ROLE_COLS "ORDER BY lower(r.name), r.id" },
	{ "role_get", ROLE_COLS "WHERE r.id = $1::bigint" },
	{ "role_get_lock", ROLE_COLS "WHERE r.id = $1::bigint FOR UPDATE OF r" },
	{ "role_code_taken", "SELECT 1 FROM role WHERE code = $1 AND id <> $2::bigint" },
	{ "role_insert",
	  "INSERT INTO role (code, name, agency_kinds, permissions) "
	  "VALUES ($1, $2, $3::agency_kind[], $4::text[]) "
	  "ON CONFLICT (code) DO NOTHING RETURNING id" },
	{ "role_update",
	  "UPDATE role SET code = $2, name = $3, agency_kinds = $4::agency_kind[], "
	  "permissions = $5::text[] WHERE id = $1::bigint" },
	{ "role_holders", "SELECT DISTINCT user_id FROM user_role WHERE role_id = $1::bigint" },
	/* Whether the user holds the role, and whether another role of theirs
	 * (in their own agency) also lets them administer users. */
	{ "role_actor_admin",
	  "SELECT EXISTS (SELECT 1 FROM user_role ur JOIN app_user u ON u.id = ur.user_id "
	  "  AND u.agency_id = ur.agency_id WHERE ur.user_id = $1::bigint "
	  "  AND ur.role_id = $2::bigint), "
	  "EXISTS (SELECT 1 FROM user_role ur JOIN app_user u ON u.id = ur.user_id "
	  "  AND u.agency_id = ur.agency_id JOIN role r ON r.id = ur.role_id "
	  "  WHERE ur.user_id = $1::bigint AND ur.role_id <> $2::bigint "
	  "  AND 'admin.users' = ANY (r.permissions))" },
};

const struct pg_stmts admin_role_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Whether the kind is among the n kinds. */
static int
role_lists_kind(const char *const *kinds, size_t n, const char *kind)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(kinds[i], kind) == 0)
			return 1;
	return 0;
}

/* Whether the role may be held in an agency of the kind: it lists the
 * kind, or lists none, so any. */
int
role_allows_kind(const struct role *ro, const char *kind)
{
	return ro->nkinds == 0 || role_lists_kind(ro->kinds, ro->nkinds, kind);
}

/* Reads row i of a ROLE_COLS result into a struct role (an
 * admin_read_fn). Returns 0 or -1 (out of memory). */
static int
role_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct role *ro = out;
	const char **raw;
	size_t n, k, j;

	ro->id = admin_col_id(res, i, 0);
	ro->code = admin_col(ar, res, i, 1);
	ro->name = admin_col(ar, res, i, 2);
	/* Kinds in the canonical order, so comparing two states is simple. */
	n = admin_array_split(ar, PQgetvalue(res, i, 3), &raw);
	ro->nkinds = 0;
	ro->kinds = NULL;
	if (n > 0) {
		if ((ro->kinds = arena_calloc(ar, AGENCY_KINDS_N, sizeof(*ro->kinds))) == NULL)
			return -1;
		for (k = 0; k < AGENCY_KINDS_N; k++)
			for (j = 0; j < n; j++)
				if (strcmp(raw[j], agency_kinds[k].code) == 0) {
					ro->kinds[ro->nkinds++] = agency_kinds[k].code;
					break;
				}
	}
	if (perm_set_parse(PQgetvalue(res, i, 4), &ro->perms) == -1)
		ro->perms = 0;
	ro->holders = admin_col_id(res, i, 5);
	ro->version = admin_col(ar, res, i, 6);
	return ro->code && ro->name && ro->version ? 0 : -1;
}

/* The PostgreSQL array literals of a role's kinds and permissions, in the
 * canonical orders (agency_kinds, then enum perm). NULL when out of memory. */
static char *
kinds_literal(struct arena *ar, const struct role *ro)
{
	struct buf b = {0};
	char *s;
	size_t k;

	buf_append(&b, "{", 1);
	for (k = 0; k < AGENCY_KINDS_N; k++)
		if (role_lists_kind(ro->kinds, ro->nkinds, agency_kinds[k].code)) {
			if (b.len > 1)
				buf_append(&b, ",", 1);
			buf_append(&b, agency_kinds[k].code, strlen(agency_kinds[k].code));
		}
	buf_append(&b, "}", 1);
	s = b.oom ? NULL : arena_strndup(ar, b.data, b.len);
	buf_free(&b);
	return s;
}

static char *
perms_literal(struct arena *ar, perm_set perms)
{
	struct buf b = {0};
	char *s;
	int p;

	buf_append(&b, "{", 1);
	for (p = PERM_INCIDENT_CREATE; p < PERM__MAX; p++)
		if (perm_has(perms, (enum perm)p)) {
			if (b.len > 1)
				buf_append(&b, ",", 1);
			buf_append(&b, perm_name((enum perm)p), strlen(perm_name((enum perm)p)));
		}
	buf_append(&b, "}", 1);
	s = b.oom ? NULL : arena_strndup(ar, b.data, b.len);
	buf_free(&b);
	return s;
}

/* What the audit trail records of a role. */
static struct json_object *
role_json(const struct role *ro)
{
	struct json_object *o = json_object_new_object(), *kinds, *perms;
	size_t k;
	int p;

	if (o == NULL)
		return NULL;
	kinds = json_object_new_array();
	perms = json_object_new_array();
	for (k = 0; k < AGENCY_KINDS_N; k++)
		if (role_lists_kind(ro->kinds, ro->nkinds, agency_kinds[k].code))
			json_object_array_add(kinds, json_object_new_string(agency_kinds[k].code));
	for (p = PERM_INCIDENT_CREATE; p < PERM__MAX; p++)
		if (perm_has(ro->perms, (enum perm)p))
			json_object_array_add(perms, json_object_new_string(perm_name((enum perm)p)));
	json_object_object_add(o, "code", json_object_new_string(ro->code));
	json_object_object_add(o, "name", json_object_new_string(ro->name));
	json_object_object_add(o, "agency_kinds", kinds);
	json_object_object_add(o, "permissions", perms);
	return o;
}

/* Every role, by name, with how many users hold it. Returns 0 or -1. */
int
role_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct role **out, size_t *n)
{
	void *recs;
	int rc;

	rc = admin_rows(pg, ar, a, "role_list", 0, NULL, sizeof(**out),
	    role_read, &recs, n);
	*out = recs;
	return rc;
}

/* One role. Returns 1, 0 when there is none with that id, or -1. */
int
role_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct role *ro)
{
	return admin_row(pg, ar, a, "role_get", id, sizeof(*ro), role_read, ro);
}

/* A new role and its audit row ("create"). */
enum admin_rc
role_create(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct role *ro, const char *reason, long long *id)
{
	const char *p[4] = { ro->code, ro->name, kinds_literal(ar, ro),
	    perms_literal(ar, ro->perms) };
	enum admin_rc rc;

	if (p[2] == NULL || p[3] == NULL)
		return ADMIN_ERROR;
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_insert(pg, "role_insert", 4, p, id)) == ADMIN_OK)
		rc = admin_created(pg, a, "role", *id, role_json(ro), reason);
	return admin_tx_end(pg, rc);
}

/* Whether the change would leave the acting administrator unable to
 * administer users: 1 yes, 0 no, -1 on error. */
static int
role_locks_out_actor(struct pg *pg, const struct actor *a, const struct role *old,
    const struct role *ro)
{
	char uid[24], rid[24];
	const char *p[2] = { uid, rid };
	PGresult *res;
	int locks;

	if (!perm_has(old->perms, PERM_ADMIN_USERS) || perm_has(ro->perms, PERM_ADMIN_USERS))
		return 0;
	admin_id_text(a->user_id, uid);
	admin_id_text(ro->id, rid);
	if ((res = pg_exec(pg, "role_actor_admin", 2, p)) == NULL)
		return -1;
	locks = admin_col_bool(res, 0, 0) && !admin_col_bool(res, 0, 1);
	PQclear(res);
	return locks;
}

/* Changes a role that still has the version the form was made from. When
 * its permissions change, its holders are added to rv. ADMIN_UNCHANGED
 * writes nothing. */
enum admin_rc
role_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct role *ro, const char *reason, struct admin_revoke *rv)
{
	char sid[24];
	const char *p[5] = { sid, ro->code, ro->name, kinds_literal(ar, ro),
	    perms_literal(ar, ro->perms) };
	const char *q[2] = { ro->code, sid };
	struct role old;
	enum admin_rc rc;
	int locks;

	if (p[3] == NULL || p[4] == NULL)
		return ADMIN_ERROR;
	admin_id_text(ro->id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = admin_lock(pg, ar, "role_get_lock", sid, role_read, &old)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(old.version, ro->version) != 0)
		goto out;
	if ((rc = admin_unique(pg, "role_code_taken", 2, q)) != ADMIN_OK)
		goto out;
	if ((locks = role_locks_out_actor(pg, a, &old, ro)) != 0) {
		rc = locks == 1 ? ADMIN_SELF_ADMIN : ADMIN_ERROR;
		goto out;
	}
	rc = admin_update_audited(pg, a, "role", ro->id, role_json(&old),
	    role_json(ro), reason, "role_update", 5, p);
	if (rc == ADMIN_OK && old.perms != ro->perms &&
	    admin_revoke_select(pg, ar, "role_holders", sid, rv) == -1)
		rc = ADMIN_ERROR;
out:
	return admin_tx_end(pg, rc);
}
