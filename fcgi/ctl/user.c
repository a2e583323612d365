/* concordctl user add: creates a member of staff from the command line —
 * in production, the first administrator. They set up their authenticator
 * app the first time they sign in. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "auth/password.h"
#include "core/config.h"
#include "core/email.h"
#include "core/random.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* The role must be one the agency's kind may hold. */
	{ "ctl_user_add",
	  "WITH a AS (SELECT id, kind FROM agency WHERE code = $3 AND active), "
	  "r AS (SELECT id FROM role WHERE code = $4), "
	  "u AS (INSERT INTO app_user (agency_id, email, name, password_hash) "
	  "  SELECT a.id, $1, $2, $5 FROM a, r, role ro WHERE ro.id = r.id "
	  "  AND (ro.agency_kinds = '{}' OR a.kind = ANY (ro.agency_kinds)) "
	  "  RETURNING id, agency_id) "
	  "INSERT INTO user_role (user_id, role_id, agency_id) "
	  "SELECT u.id, r.id, u.agency_id FROM u, r RETURNING user_id, agency_id" },
	/* The same address in another case is the same account. */
	{ "ctl_user_exists",
	  "SELECT 1 FROM app_user WHERE email_normal(email) = email_normal($1)" },
};

static const struct pg_stmts user_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static int
user_usage(void)
{
	fprintf(stderr, "usage: concordctl user add --email ADDR --name NAME "
	    "--agency CODE --role CODE [--password-stdin]\n");
	return 2;
}

/* The password: one line from standard input, or a new random one. */
static int
password_get(int from_stdin, char *out, size_t len)
{
	char why[128];
	size_t n;

	if (!from_stdin) {
		char hex[17];

		if (random_hex(hex, 8) == -1)
			return -1;
		snprintf(out, len, "%.4s-%.4s-%.4s-%.4s", hex, hex + 4, hex + 8, hex + 12);
		return 0;
	}
	if (fgets(out, (int)len, stdin) == NULL) {
		fprintf(stderr, "concordctl: no password on standard input\n");
		return -1;
	}
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	if (password_acceptable(out, why, sizeof(why)) != 1) {
		fprintf(stderr, "concordctl: %s\n", why);
		return -1;
	}
	return 0;
}

/* Inserts the user, their role and the audit row in one transaction.
 * Returns 0, or -1 with a message printed. */
static int
user_insert(struct pg *pg, const char *email, const char *name, const char *agency,
    const char *role, const char *hash)
{
	const char *p[5] = { email, name, agency, role, hash };
	struct actor system = { .request_id = "concordctl" };
	struct json_object *after;
	PGresult *res;
	int ok;

	if (pg_begin(pg) == -1)
		goto dberr;
	if ((res = pg_exec(pg, "ctl_user_exists", 1, p)) == NULL)
		goto dberr;
	ok = PQntuples(res) == 0;
	PQclear(res);
	if (!ok) {
		fprintf(stderr, "concordctl: a user with email %s already exists (upper "
		    "and lower case count as the same)\n", email);
		goto fail;
	}
	if ((res = pg_exec(pg, "ctl_user_add", 5, p)) == NULL)
		goto dberr;
	if (PQntuples(res) != 1) {
		PQclear(res);
		fprintf(stderr, "concordctl: no active agency %s, no role %s, or the "
		    "role is not one that agency's kind may hold\n", agency, role);
		goto fail;
	}
	system.agency_id = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	after = json_object_new_object();
	json_object_object_add(after, "email", json_object_new_string(email));
	json_object_object_add(after, "name", json_object_new_string(name));
	json_object_object_add(after, "agency", json_object_new_string(agency));
	json_object_object_add(after, "roles", json_object_new_string(role));
	json_object_object_add(after, "password", json_object_new_string("set"));
	ok = audit_append(pg, &system, "user", PQgetvalue(res, 0, 0), "create",
	    NULL, after, "concordctl user add") == 0;
	json_object_put(after);
	PQclear(res);
	if (!ok || pg_commit(pg) == -1)
		goto dberr;
	return 0;
dberr:
	fprintf(stderr, "concordctl: %s\n", pg_error(pg));
fail:
	pg_rollback(pg);
	return -1;
}

/* concordctl user add ... */
int
ctl_user(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "email",		required_argument, NULL, 'e' },
		{ "name",		required_argument, NULL, 'n' },
		{ "agency",		required_argument, NULL, 'a' },
		{ "role",		required_argument, NULL, 'r' },
		{ "password-stdin",	no_argument, NULL, 'p' },
		{ NULL,			0, NULL, 0 },
	};
	static const struct pg_stmts *const sets[] = { &user_statements, &audit_statements };
	const char *email = NULL, *name = NULL, *agency = NULL, *role = NULL;
	char password[PASSWORD_MAX * 4 + 2], hash[PASSWORD_HASH_MAX];
	char normal[EMAIL_MAX + 1];
	int c, from_stdin = 0, rc = 1;
	struct pg *pg;

	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return user_usage();
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'a': agency = optarg; break;
		case 'r': role = optarg; break;
		case 'p': from_stdin = 1; break;
		default: return user_usage();
		}
	if (optind != argc || email == NULL || name == NULL || agency == NULL ||
	    role == NULL || strchr(email, '@') == NULL || *name == '\0')
		return user_usage();
	if (email_normal(email, normal, sizeof(normal)) == -1) {
		fprintf(stderr, "concordctl: %s: an email address may only have the "
		    "letters a to z, digits and punctuation (no spaces, no accented "
		    "or look-alike letters), up to %d characters\n", email, EMAIL_MAX);
		return 1;
	}
	if (password_get(from_stdin, password, sizeof(password)) == -1 ||
	    password_hash(password, hash, sizeof(hash)) == -1)
		return 1;
	if ((pg = pg_open(cfg->db_admin, sets, sizeof(sets) / sizeof(sets[0]))) == NULL)
		return 1;
	if (user_insert(pg, email, name, agency, role, hash) == 0) {
		printf("created %s (%s, %s)\n", email, role, agency);
		if (!from_stdin)
			printf("password: %s\n", password);
		printf("They set up their authenticator app when they first sign in.\n");
		rc = 0;
	}
	pg_close(pg);
	return rc;
}
