/* Staff accounts as sign-in sees them: looked up by e-mail or id with
 * the permissions of all their roles, and the TOTP state that stops a
 * code from being used twice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/tx.h"
#include "domain/users.h"
#include "store/pg.h"

#define USER_AUTH_SELECT \
	"SELECT u.id, u.agency_id, u.email, u.name, a.name, " \
	"coalesce(u.password_hash, ''), coalesce(u.totp_secret, ''), " \
	"coalesce(u.totp_last_step, 0), u.disabled_at IS NOT NULL OR NOT a.active, " \
	"coalesce((SELECT array_agg(DISTINCT p ORDER BY p) FROM user_role ur " \
	"  JOIN role ro ON ro.id = ur.role_id, unnest(ro.permissions) p " \
	"  WHERE ur.user_id = u.id AND ur.agency_id = u.agency_id), '{}'), " \
	"coalesce((SELECT string_agg(ro.name, ', ' ORDER BY ro.name) FROM user_role ur " \
	"  JOIN role ro ON ro.id = ur.role_id " \
	"  WHERE ur.user_id = u.id AND ur.agency_id = u.agency_id), ''), " \
	"a.core_partner AND a.active " \
	"FROM app_user u JOIN agency a ON a.id = u.agency_id "

static const struct pg_stmt stmts[] = {
	{ "user_auth_by_email", USER_AUTH_SELECT "WHERE email_normal(u.email) = $1" },
	{ "user_auth_by_id", USER_AUTH_SELECT "WHERE u.id = $1" },
	/* Atomic: of two requests with the same code, one wins. */
	{ "user_totp_consume",
	  "UPDATE app_user SET totp_last_step = $2 WHERE id = $1 "
	  "AND coalesce(totp_last_step, 0) < $2::bigint" },
	{ "user_totp_enrol",
	  "UPDATE app_user SET totp_secret = $2, totp_last_step = $3, "
	  "updated_at = now() WHERE id = $1 AND totp_secret IS NULL" },
	{ "user_password_set",
	  "UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1" },
};

const struct pg_stmts users_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static void
field(PGresult *res, int col, char *dst, size_t len)
{
	snprintf(dst, len, "%s", PQgetvalue(res, 0, col));
}

static int
user_auth_read(struct pg *pg, const char *stmt, const char *key, struct user_auth *u)
{
	PGresult *res = pg_exec(pg, stmt, 1, &key);
	int found;

	memset(u, 0, sizeof(*u));
	if (res == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		u->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		u->agency_id = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
		field(res, 2, u->email, sizeof(u->email));
		field(res, 3, u->name, sizeof(u->name));
		field(res, 4, u->agency_name, sizeof(u->agency_name));
		field(res, 5, u->password_hash, sizeof(u->password_hash));
		field(res, 6, u->totp_secret, sizeof(u->totp_secret));
		u->totp_last_step = strtoll(PQgetvalue(res, 0, 7), NULL, 10);
		u->disabled = PQgetvalue(res, 0, 8)[0] == 't';
		if (perm_set_parse(PQgetvalue(res, 0, 9), &u->perms) == -1)
			u->perms = 0;
		field(res, 10, u->roles, sizeof(u->roles));
		u->core_partner = PQgetvalue(res, 0, 11)[0] == 't';
	}
	PQclear(res);
	return found;
}

/* The user whose address has this normal form (core/email.c; the
 * database's email_normal() is the same rule). 1 and the user, 0 when
 * there is no such user, -1 on a database error. */
int
user_auth_by_email(struct pg *pg, const char *email, struct user_auth *u)
{
	return user_auth_read(pg, "user_auth_by_email", email, u);
}

int
user_auth_by_id(struct pg *pg, long long id, struct user_auth *u)
{
	char key[24];

	snprintf(key, sizeof(key), "%lld", id);
	return user_auth_read(pg, "user_auth_by_id", key, u);
}

/* Marks a TOTP step as used. 1 when it was newer than the last one used,
 * 0 when it had been used already (a replayed code), -1 on error. */
int
user_totp_consume(struct pg *pg, const struct actor *a, long long user_id,
    long long step)
{
	char uid[24], st[24];
	const char *p[2] = { uid, st };
	PGresult *res;
	int used;

	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(st, sizeof(st), "%lld", step);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "user_totp_consume", 2, p)) == NULL)
		goto err;
	used = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (pg_commit(pg) == -1)
		return -1;
	return used;
err:
	pg_rollback(pg);
	return -1;
}

/* Stores the first TOTP secret of a user who has none, with the step of
 * the code that proved it, and audits it. 1 done, 0 already enrolled. */
int
user_totp_enrol(struct pg *pg, const struct actor *a, long long user_id,
    const char *secret, long long step)
{
	char uid[24], st[24];
	const char *p[3] = { uid, secret, st };
	PGresult *res;
	int done;

	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(st, sizeof(st), "%lld", step);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "user_totp_enrol", 3, p)) == NULL)
		goto err;
	done = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	if (done && audit_append(pg, a, "user", uid, "totp_enrol", NULL, NULL, NULL) == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return -1;
	return done;
err:
	pg_rollback(pg);
	return -1;
}

/* Replaces a password hash (a rehash with stronger parameters at sign-in,
 * or a new password). The hash itself never goes into the audit trail. */
int
user_password_set(struct pg *pg, const struct actor *a, long long user_id,
    const char *hash)
{
	char uid[24];
	const char *p[2] = { uid, hash };

	snprintf(uid, sizeof(uid), "%lld", user_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if (pg_exec_ok(pg, "user_password_set", 2, p) == -1 ||
	    audit_append(pg, a, "user", uid, "password_set", NULL, NULL, NULL) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}
