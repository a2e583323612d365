/* Staff accounts as administrators manage them: creating them with an
 * initial password, changing their details, agency, team and roles,
 * disabling and enabling them, and resetting their authenticator. Each
 * change is one transaction with one audit row; changes to what a user
 * may do or to whether they may sign in list the user in the caller's
 * admin_revoke, so their sessions end once it is committed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/actor.h"
#include "domain/admin_agency.h"
#include "domain/admin_role.h"
#include "domain/admin_team.h"
#include "domain/admin_user.h"
#include "domain/tx.h"
#include "store/pg.h"

/* The roles that count are the ones held in the user's own agency. */
#define USER_ROLES_OF(col, join) \
	"(SELECT " col " FROM user_role ur " join " WHERE ur.user_id = u.id " \
	"AND ur.agency_id = u.agency_id)"

#define USER_COLS \
	"SELECT u.id, u.email, u.name, u.agency_id, a.name, coalesce(u.team_id, 0), " \
	"coalesce(t.name, ''), u.disabled_at IS NOT NULL, u.totp_secret IS NOT NULL, " \
	"coalesce(" USER_ROLES_OF("array_agg(ur.role_id ORDER BY ur.role_id)", "") \
	"::text, '{}'), " \
	"coalesce(" USER_ROLES_OF("string_agg(r.name, ', ' ORDER BY r.name)", \
	"JOIN role r ON r.id = ur.role_id") ", ''), " \
	"a.code, coalesce(t.code, ''), " \
	"coalesce(" USER_ROLES_OF("array_agg(r.code ORDER BY r.code)", \
	"JOIN role r ON r.id = ur.role_id") "::text, '{}'), " \
	"md5(row(u.email, u.name, u.agency_id, u.team_id, " \
	USER_ROLES_OF("array_agg(ur.role_id ORDER BY ur.role_id)", "") ")::text) " \
	"FROM app_user u JOIN agency a ON a.id = u.agency_id " \
	"LEFT JOIN team t ON t.id = u.team_id "

enum { C_ID, C_EMAIL, C_NAME, C_AGENCY_ID, C_AGENCY, C_TEAM_ID, C_TEAM,
	C_DISABLED, C_TOTP, C_ROLE_IDS, C_ROLES, C_AGENCY_CODE, C_TEAM_CODE,
	C_ROLE_CODES, C_VERSION };

static const struct pg_stmt stmts[] = {
	{ "user_list", USER_COLS
	  "WHERE ($1::bigint = 0 OR u.agency_id = $1::bigint) ORDER BY lower(u.name), u.id" },
	{ "user_get", USER_COLS "WHERE u.id = $1::bigint" },
	{ "user_get_lock", USER_COLS "WHERE u.id = $1::bigint FOR UPDATE OF u" },
	{ "user_agency", "SELECT code, kind::text FROM agency WHERE id = $1::bigint" },
	{ "user_team",
	  "SELECT code FROM team WHERE id = $1::bigint AND agency_id = $2::bigint" },
	{ "user_roles_check",
	  "SELECT id, code, name, agency_kinds = '{}' OR $2::agency_kind = ANY (agency_kinds), "
	  "'admin.users' = ANY (permissions) FROM role WHERE id = ANY ($1::bigint[]) "
	  "ORDER BY code" },
	{ "user_email_taken",
	  "SELECT 1 FROM app_user WHERE email_normal(email) = email_normal($1) AND id <> $2::bigint" },
	{ "user_insert",
	  "INSERT INTO app_user (agency_id, team_id, email, name, password_hash) "
	  "VALUES ($1::bigint, nullif($2::bigint, 0), $3, $4, $5) "
	  "ON CONFLICT (email_normal(email)) DO NOTHING RETURNING id" },
	{ "user_update",
	  "UPDATE app_user SET email = $2, name = $3, agency_id = $4::bigint, "
	  "team_id = nullif($5::bigint, 0), updated_at = now() WHERE id = $1::bigint" },
	{ "user_roles_clear", "DELETE FROM user_role WHERE user_id = $1::bigint" },
	{ "user_roles_add",
	  "INSERT INTO user_role (user_id, role_id, agency_id) "
	  "SELECT $1::bigint, r, $3::bigint FROM unnest($2::bigint[]) r" },
	{ "user_disabled_set",
	  "UPDATE app_user SET disabled_at = CASE WHEN $2::boolean THEN now() END, "
	  "updated_at = now() WHERE id = $1::bigint" },
	{ "user_totp_reset",
	  "UPDATE app_user SET totp_secret = NULL, totp_last_step = NULL, "
	  "updated_at = now() WHERE id = $1::bigint" },
};

const struct pg_stmts admin_user_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Reads row i of a USER_COLS result into a struct user_rec (an
 * admin_read_fn). Returns 0 or -1 (out of memory). */
static int
user_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct user_rec *u = out;
	const char **ids;
	size_t k;

	memset(u, 0, sizeof(*u));
	u->id = admin_col_id(res, i, C_ID);
	u->email = admin_col(ar, res, i, C_EMAIL);
	u->name = admin_col(ar, res, i, C_NAME);
	u->agency_id = admin_col_id(res, i, C_AGENCY_ID);
	u->agency_name = admin_col(ar, res, i, C_AGENCY);
	u->team_id = admin_col_id(res, i, C_TEAM_ID);
	u->team_name = admin_col(ar, res, i, C_TEAM);
	u->disabled = admin_col_bool(res, i, C_DISABLED);
	u->totp_set = admin_col_bool(res, i, C_TOTP);
	u->nroles = admin_array_split(ar, PQgetvalue(res, i, C_ROLE_IDS), &ids);
	if (u->nroles > 0) {
		if ((u->role_ids = arena_calloc(ar, u->nroles, sizeof(*u->role_ids))) == NULL)
			return -1;
		for (k = 0; k < u->nroles; k++)
			u->role_ids[k] = strtoll(ids[k], NULL, 10);
	}
	u->roles = admin_col(ar, res, i, C_ROLES);
	u->version = admin_col(ar, res, i, C_VERSION);
	return u->email && u->name && u->agency_name && u->team_name && u->roles &&
	    u->version ? 0 : -1;
}

/* What the audit trail records of a user: agency, team and roles by code. */
static struct json_object *
user_json(const char *email, const char *name, const char *agency,
    const char *team, struct json_object *roles)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL) {
		json_object_put(roles);
		return NULL;
	}
	json_object_object_add(o, "email", json_object_new_string(email));
	json_object_object_add(o, "name", json_object_new_string(name));
	json_object_object_add(o, "agency", json_object_new_string(agency));
	json_object_object_add(o, "team", team != NULL && *team != '\0' ?
	    json_object_new_string(team) : NULL);
	json_object_object_add(o, "roles", roles);
	return o;
}

/* The stored user (row 0 of USER_COLS) as user_json has it. */
static struct json_object *
user_json_stored(struct arena *ar, PGresult *res)
{
	struct json_object *roles = json_object_new_array();
	const char **codes;
	size_t i, n;

	n = admin_array_split(ar, PQgetvalue(res, 0, C_ROLE_CODES), &codes);
	for (i = 0; roles != NULL && i < n; i++)
		json_object_array_add(roles, json_object_new_string(codes[i]));
	return user_json(PQgetvalue(res, 0, C_EMAIL), PQgetvalue(res, 0, C_NAME),
	    PQgetvalue(res, 0, C_AGENCY_CODE), PQgetvalue(res, 0, C_TEAM_CODE), roles);
}

static int
id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* "{1,2,3}": the role ids, sorted, as a bigint[] literal (the same text as
 * PostgreSQL's array_agg(... ORDER BY ...)::text). NULL when out of memory. */
static char *
role_ids_literal(struct arena *ar, const long long *ids, size_t n)
{
	long long *sorted = NULL;
	struct buf b = {0};
	char *s;
	size_t i;

	if (n > 0) {
		if ((sorted = arena_calloc(ar, n, sizeof(*sorted))) == NULL)
			return NULL;
		memcpy(sorted, ids, n * sizeof(*sorted));
		qsort(sorted, n, sizeof(*sorted), id_cmp);
	}
	buf_putc(&b, '{');
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i > 0 ? "," : "", sorted[i]);
	buf_putc(&b, '}');
	s = b.oom ? NULL : arena_strndup(ar, b.data, b.len);
	buf_free(&b);
	return s;
}

/* What the form's agency, team and roles come to, once checked. */
struct user_checked {
	char			 agency_code[40];
	char			 team_code[40];
	const char		*role_ids;	/* literal */
	struct json_object	*roles;		/* codes, for the audit trail */
	int			 admin;		/* a role lets them administer users */
};

/* Checks that the agency exists, the team is one of its teams and each
 * role may be held in an agency of its kind. Returns ADMIN_OK (c filled;
 * the caller puts c->roles), another code (*detail: a role's name for
 * ADMIN_BAD_ROLE) or ADMIN_ERROR. */
static enum admin_rc
user_check(struct pg *pg, struct arena *ar, const struct user_input *in,
    struct user_checked *c, const char **detail)
{
	char aid[24], tid[24], kind[40];
	const char *p[2];
	PGresult *res;
	int i, n;

	memset(c, 0, sizeof(*c));
	admin_id_text(in->agency_id, aid);
	admin_id_text(in->team_id, tid);
	p[0] = aid;
	if ((res = pg_exec(pg, "user_agency", 1, p)) == NULL)
		return ADMIN_ERROR;
	if ((n = PQntuples(res)) == 1) {
		snprintf(c->agency_code, sizeof(c->agency_code), "%s", PQgetvalue(res, 0, 0));
		snprintf(kind, sizeof(kind), "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	if (n != 1)
		return ADMIN_BAD_AGENCY;
	if (in->team_id != 0) {
		p[0] = tid;
		p[1] = aid;
		if ((res = pg_exec(pg, "user_team", 2, p)) == NULL)
			return ADMIN_ERROR;
		if ((n = PQntuples(res)) == 1)
			snprintf(c->team_code, sizeof(c->team_code), "%s", PQgetvalue(res, 0, 0));
		PQclear(res);
		if (n != 1)
			return ADMIN_BAD_TEAM;
	}
	if ((c->role_ids = role_ids_literal(ar, in->role_ids, in->nroles)) == NULL)
		return ADMIN_ERROR;
	p[0] = c->role_ids;
	p[1] = kind;
	if ((res = pg_exec(pg, "user_roles_check", 2, p)) == NULL)
		return ADMIN_ERROR;
	if ((n = PQntuples(res)) != (int)in->nroles) {
		PQclear(res);
		*detail = "a role that no longer exists";
		return ADMIN_BAD_ROLE;
	}
	if ((c->roles = json_object_new_array()) == NULL) {
		PQclear(res);
		return ADMIN_ERROR;
	}
	for (i = 0; i < n; i++) {
		if (!admin_col_bool(res, i, 3)) {
			*detail = admin_col(ar, res, i, 2);
			PQclear(res);
			json_object_put(c->roles);
			c->roles = NULL;
			return ADMIN_BAD_ROLE;
		}
		if (admin_col_bool(res, i, 4))
			c->admin = 1;
		json_object_array_add(c->roles, json_object_new_string(PQgetvalue(res, i, 1)));
	}
	PQclear(res);
	return ADMIN_OK;
}

/* Every user, or those of one agency (agency_id not 0), by name. */
int
user_list(struct pg *pg, struct arena *ar, const struct actor *a,
    long long agency_id, struct user_rec **out, size_t *n)
{
	char aid[24];
	const char *p[1] = { aid };
	void *recs;
	int rc;

	admin_id_text(agency_id, aid);
	rc = admin_rows(pg, ar, a, "user_list", 1, p, sizeof(**out), user_read,
	    &recs, n);
	*out = recs;
	return rc;
}

/* One user. Returns 1, 0 when there is none with that id, or -1. */
int
user_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct user_rec *u)
{
	return admin_row(pg, ar, a, "user_get", id, sizeof(*u), user_read, u);
}

/* The agencies, teams and roles a user form offers. Returns 0 or -1. */
int
user_choices_load(struct pg *pg, struct arena *ar, const struct actor *a,
    struct user_choices *c)
{
	memset(c, 0, sizeof(*c));
	if (agency_list(pg, ar, a, &c->agencies, &c->nagencies) == -1 ||
	    team_list(pg, ar, a, &c->teams, &c->nteams) == -1 ||
	    role_list(pg, ar, a, &c->roles, &c->nroles) == -1)
		return -1;
	return 0;
}

/* A new user with an initial password (they set up their authenticator
 * at first sign-in), their roles, and the audit row ("create"; the
 * password shows only as "set"). */
enum admin_rc
user_create(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct user_input *in, const char *reason, long long *id,
    const char **detail)
{
	char aid[24], tid[24], uid[24];
	const char *p[5] = { aid, tid, in->email, in->name, in->password_hash };
	const char *q[3] = { uid, NULL, aid };
	struct user_checked c = {0};
	struct json_object *after = NULL;
	enum admin_rc rc;

	admin_id_text(in->agency_id, aid);
	admin_id_text(in->team_id, tid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = user_check(pg, ar, in, &c, detail)) != ADMIN_OK)
		goto out;
	rc = ADMIN_ERROR;
	after = user_json(in->email, in->name, c.agency_code, c.team_code, c.roles);
	c.roles = NULL;		/* given to after */
	if (after == NULL)
		goto out;
	json_object_object_add(after, "password", json_object_new_string("set"));
	if ((rc = admin_insert(pg, "user_insert", 5, p, id)) != ADMIN_OK)
		goto out;
	admin_id_text(*id, uid);
	q[1] = c.role_ids;
	rc = ADMIN_ERROR;
	if (pg_exec_ok(pg, "user_roles_add", 3, q) == -1)
		goto out;
	rc = admin_created(pg, a, "user", *id, after, reason);
	after = NULL;		/* given to the audit, which frees it */
out:
	json_object_put(after);
	json_object_put(c.roles);
	return admin_tx_end(pg, rc);
}

/* Locks and reads a user for a change. Returns ADMIN_OK with *res (the
 * caller PQclears it), ADMIN_NOT_FOUND or ADMIN_ERROR. */
static enum admin_rc
user_lock(struct pg *pg, const char *sid, PGresult **res)
{
	const char *p[1] = { sid };

	if ((*res = pg_exec(pg, "user_get_lock", 1, p)) == NULL)
		return ADMIN_ERROR;
	if (PQntuples(*res) != 1) {
		PQclear(*res);
		*res = NULL;
		return ADMIN_NOT_FOUND;
	}
	return ADMIN_OK;
}

/* Changes a user's details, agency, team and roles, when the user still
 * has the version the form was made from. A change of agency or roles
 * adds the user to rv. Administrators cannot take away their own user
 * administration. ADMIN_UNCHANGED writes nothing. */
enum admin_rc
user_update(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct user_input *in, const char *reason, const char **detail,
    struct admin_revoke *rv)
{
	char sid[24], aid[24], tid[24];
	const char *p[5] = { sid, in->email, in->name, aid, tid };
	const char *q[2] = { in->email, sid };
	struct user_checked c = {0};
	struct json_object *before, *after;
	enum admin_rc rc;
	PGresult *res = NULL;
	int moved, roles_changed;

	admin_id_text(in->id, sid);
	admin_id_text(in->agency_id, aid);
	admin_id_text(in->team_id, tid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = user_lock(pg, sid, &res)) != ADMIN_OK)
		goto out;
	rc = ADMIN_STALE;
	if (strcmp(PQgetvalue(res, 0, C_VERSION), in->version) != 0)
		goto out;
	if ((rc = user_check(pg, ar, in, &c, detail)) != ADMIN_OK)
		goto out;
	rc = ADMIN_SELF_ADMIN;
	if (in->id == a->user_id && !c.admin)
		goto out;
	if ((rc = admin_unique(pg, "user_email_taken", 2, q)) != ADMIN_OK)
		goto out;
	moved = admin_col_id(res, 0, C_AGENCY_ID) != in->agency_id;
	roles_changed = strcmp(PQgetvalue(res, 0, C_ROLE_IDS), c.role_ids) != 0;
	before = user_json_stored(ar, res);
	after = user_json(in->email, in->name, c.agency_code, c.team_code, c.roles);
	c.roles = NULL;		/* given to after */
	rc = admin_update_audited(pg, a, "user", in->id, before, after, reason,
	    "user_update", 5, p);
	if (rc == ADMIN_OK && (moved || roles_changed)) {
		p[1] = c.role_ids;
		p[2] = aid;
		if (pg_exec_ok(pg, "user_roles_clear", 1, p) == -1 ||
		    pg_exec_ok(pg, "user_roles_add", 3, p) == -1 ||
		    admin_revoke_add(ar, rv, in->id) == -1)
			rc = ADMIN_ERROR;
	}
out:
	json_object_put(c.roles);
	PQclear(res);
	return admin_tx_end(pg, rc);
}

/* Locks a user for a change of state and reads one of their yes/no
 * columns into *value. Returns ADMIN_OK, ADMIN_NOT_FOUND or ADMIN_ERROR. */
static enum admin_rc
user_lock_flag(struct pg *pg, const char *sid, int col, int *value)
{
	PGresult *res;
	enum admin_rc rc;

	if ((rc = user_lock(pg, sid, &res)) != ADMIN_OK)
		return rc;
	*value = admin_col_bool(res, 0, col);
	PQclear(res);
	return ADMIN_OK;
}

/* {key: value}, taking value. NULL when out of memory. */
static struct json_object *
json_one(const char *key, struct json_object *value)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL) {
		json_object_put(value);
		return NULL;
	}
	json_object_object_add(o, key, value);
	return o;
}

/* Runs stmt, a change of a locked user's state, then writes its audit row
 * (action, with key going from old_value to new_value; takes both).
 * Returns ADMIN_OK or ADMIN_ERROR (nothing changed counts as one). */
static enum admin_rc
user_state_write(struct pg *pg, const struct actor *a, long long id,
    const char *stmt, int nparams, const char *const *params,
    const char *action, const char *key, struct json_object *old_value,
    struct json_object *new_value, const char *reason)
{
	struct json_object *before = json_one(key, old_value);
	struct json_object *after = json_one(key, new_value);
	int changed;

	if (pg_exec_ok(pg, stmt, nparams, params) == -1) {
		json_object_put(before);
		json_object_put(after);
		return ADMIN_ERROR;
	}
	if (admin_change_audit(pg, a, "user", id, action, before, after, reason,
	    &changed) == -1 || !changed)
		return ADMIN_ERROR;
	return ADMIN_OK;
}

/* Disables (disable = 1) or enables a user, with the reason, which is
 * required. Disabling adds the user to rv. ADMIN_ALREADY when the user is
 * in that state already; administrators cannot disable themselves. */
enum admin_rc
user_set_disabled(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, int disable, const char *reason, struct admin_revoke *rv)
{
	char sid[24];
	const char *p[2] = { sid, disable ? "true" : "false" };
	enum admin_rc rc;
	int disabled;

	admin_id_text(id, sid);
	if (disable && id == a->user_id)
		return ADMIN_SELF_DISABLE;
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = user_lock_flag(pg, sid, C_DISABLED, &disabled)) != ADMIN_OK)
		goto out;
	rc = ADMIN_ALREADY;
	if (disabled == disable)
		goto out;
	rc = user_state_write(pg, a, id, "user_disabled_set", 2, p,
	    disable ? "disable" : "enable", "disabled",
	    json_object_new_boolean(!disable), json_object_new_boolean(disable),
	    reason);
	if (rc == ADMIN_OK && disable && admin_revoke_add(ar, rv, id) == -1)
		rc = ADMIN_ERROR;
out:
	return admin_tx_end(pg, rc);
}

/* Clears a user's authenticator, so that they set up a new one at their
 * next sign-in, and adds them to rv. ADMIN_ALREADY when they have none. */
enum admin_rc
user_reset_totp(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, const char *reason, struct admin_revoke *rv)
{
	char sid[24];
	const char *p[1] = { sid };
	enum admin_rc rc;
	int totp_set;

	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = user_lock_flag(pg, sid, C_TOTP, &totp_set)) != ADMIN_OK)
		goto out;
	rc = ADMIN_ALREADY;
	if (!totp_set)
		goto out;
	/* Never the secret itself: only whether there is one. */
	rc = user_state_write(pg, a, id, "user_totp_reset", 1, p, "reset_totp",
	    "authenticator", json_object_new_string("set up"),
	    json_object_new_string("not set up"), reason);
	if (rc == ADMIN_OK && admin_revoke_add(ar, rv, id) == -1)
		rc = ADMIN_ERROR;
out:
	return admin_tx_end(pg, rc);
}

/* {locked_addresses, failed_attempts, slowed_down}: an account's sign-in
 * throttling, as the audit trail records it. NULL when out of memory. */
static struct json_object *
sign_in_json(size_t locked, long long failures, int slowed)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "locked_addresses", json_object_new_int64((int64_t)locked));
	json_object_object_add(o, "failed_attempts", json_object_new_int64(failures));
	json_object_object_add(o, "slowed_down", json_object_new_boolean(slowed));
	return o;
}

/* Records an administrator's unlock of a user's sign-in ("unlock_sign_in",
 * from the state before it to none), with the reason, which is required.
 * The unlock itself is in Redis and the caller's (auth/throttle.c): the
 * database only keeps the record of it. ADMIN_OK, ADMIN_NOT_FOUND or
 * ADMIN_ERROR. */
enum admin_rc
user_unlock_record(struct pg *pg, const struct actor *a, long long id,
    size_t locked, long long failures, int slowed, const char *reason)
{
	char sid[24];
	PGresult *res;
	enum admin_rc rc;
	int changed;

	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return ADMIN_ERROR;
	if ((rc = user_lock(pg, sid, &res)) != ADMIN_OK)
		goto out;
	PQclear(res);
	if (admin_change_audit(pg, a, "user", id, "unlock_sign_in",
	    sign_in_json(locked, failures, slowed), sign_in_json(0, 0, 0), reason,
	    &changed) == -1 || !changed)
		rc = ADMIN_ERROR;
out:
	return admin_tx_end(pg, rc);
}
