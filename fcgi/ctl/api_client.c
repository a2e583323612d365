/* concordctl api-client add: registers an Open311 client (FixMyStreet or
 * another civic app) and prints its new key, once — only the key's
 * SHA-256 is kept. In demo mode, concordctl demo registers one too and
 * keeps its key in demo-clients.json beside the configuration. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "core/config.h"
#include "core/hex.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/open311.h"
#include "store/pg.h"

#define DEMO_CLIENT	"demo-open311"

static const struct pg_stmt stmts[] = {
	{ "ctl_api_client_add",
	  "INSERT INTO api_client (name, key_hash, kind) VALUES ($1, $2, 'open311') "
	  "ON CONFLICT (name) DO NOTHING RETURNING id" },
	/* The demo client's key always follows demo-clients.json. */
	{ "ctl_api_client_demo",
	  "INSERT INTO api_client (name, key_hash, kind) VALUES ($1, $2, 'open311') "
	  "ON CONFLICT (name) DO UPDATE SET key_hash = EXCLUDED.key_hash, "
	  "active = true RETURNING id" },
};

const struct pg_stmts api_client_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static int
api_client_usage(void)
{
	fprintf(stderr, "usage: concordctl api-client add --name NAME\n");
	return 2;
}

/* Letters, digits, space, dot, dash and underscore; as the table checks. */
static int
name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > 100 || name[0] == ' ' || name[0] == '.' ||
	    name[0] == '-' || name[0] == '_')
		return 0;
	for (i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9') || strchr(" ._-", name[i]) != NULL))
			return 0;
	return 1;
}

/* Inserts the client and its audit row. 0, or -1 with a message printed. */
static int
client_insert(struct pg *pg, const char *name, const char *hash)
{
	const char *p[2] = { name, hash };
	struct actor system = { .request_id = "concordctl" };
	struct json_object *after;
	PGresult *res;
	int ok;

	if (pg_begin(pg) == -1)
		goto dberr;
	if ((res = pg_exec(pg, "ctl_api_client_add", 2, p)) == NULL)
		goto dberr;
	if (PQntuples(res) != 1) {
		PQclear(res);
		fprintf(stderr, "concordctl: an API client called %s already exists\n", name);
		pg_rollback(pg);
		return -1;
	}
	after = json_object_new_object();
	json_object_object_add(after, "name", json_object_new_string(name));
	json_object_object_add(after, "kind", json_object_new_string("open311"));
	json_object_object_add(after, "key", json_object_new_string("set"));
	ok = audit_append(pg, &system, "api_client", PQgetvalue(res, 0, 0), "create",
	    NULL, after, "concordctl api-client add") == 0;
	json_object_put(after);
	PQclear(res);
	if (!ok || pg_commit(pg) == -1)
		goto dberr;
	return 0;
dberr:
	fprintf(stderr, "concordctl: %s\n", pg_error(pg));
	pg_rollback(pg);
	return -1;
}

/* concordctl api-client add --name NAME */
int
ctl_api_client(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "name",	required_argument, NULL, 'n' },
		{ NULL,		0, NULL, 0 },
	};
	static const struct pg_stmts *const sets[] = { &api_client_statements,
	    &audit_statements };
	const char *name = NULL;
	char key[65], hash[65];
	struct pg *pg;
	int c, rc = 1;

	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return api_client_usage();
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'n': name = optarg; break;
		default: return api_client_usage();
		}
	if (optind != argc || name == NULL)
		return api_client_usage();
	if (!name_ok(name)) {
		fprintf(stderr, "concordctl: the name must be 1 to 100 letters, digits, "
		    "spaces, dots, dashes or underscores\n");
		return 2;
	}
	if (open311_key_new(key, hash) == -1) {
		fprintf(stderr, "concordctl: cannot make a key\n");
		return 1;
	}
	if ((pg = pg_open(cfg->db_admin, sets, sizeof(sets) / sizeof(sets[0]))) == NULL)
		return 1;
	if (client_insert(pg, name, hash) == 0) {
		printf("created Open311 client %s\napi_key: %s\n"
		    "Give the key to the client over a secure channel: it is not "
		    "shown again.\n", name, key);
		rc = 0;
	}
	pg_close(pg);
	return rc;
}

/* The key demo-clients.json already has, if it is one of ours. */
static int
known_key(const char *path, char key[65])
{
	struct json_object *o = json_object_from_file(path), *c, *k;
	const char *s;
	int found = 0;

	if (o != NULL && json_object_object_get_ex(o, "open311", &c) &&
	    json_object_object_get_ex(c, "api_key", &k) &&
	    (s = json_object_get_string(k)) != NULL && strlen(s) == 64 &&
	    strspn(s, "0123456789abcdef") == 64) {
		memcpy(key, s, 65);
		found = 1;
	}
	json_object_put(o);
	return found;
}

/* Writes {"open311": {"api_key": ...}}, readable by its owner only. */
static int
clients_save(const char *path, const char *key)
{
	struct json_object *o = json_object_new_object(), *c = json_object_new_object();
	char tmp[PATH_MAX + 8];
	const char *text;
	FILE *f = NULL;
	int fd, rc = -1;

	json_object_object_add(c, "api_key", json_object_new_string(key));
	json_object_object_add(o, "open311", c);
	text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "concordctl: %s: %s\n", tmp, strerror(errno));
		if (fd != -1)
			close(fd);
		goto out;
	}
	if (fputs(text, f) == EOF || fputc('\n', f) == EOF || fclose(f) == EOF ||
	    rename(tmp, path) == -1) {
		fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	json_object_put(o);
	return rc;
}

/* For concordctl demo: the demo Open311 client, registered (or brought
 * back to the key in demo-clients.json) and its key written there. pg
 * must have api_client_statements. 0, or -1 with a message printed. */
int
api_client_demo(const struct config *cfg, struct pg *pg)
{
	char path[PATH_MAX], key[65], hash[65];
	const char *p[2] = { DEMO_CLIENT, hash };

	ctl_beside_config(cfg, "demo-clients.json", path, sizeof(path));
	if (known_key(path, key)) {
		if (sha256_hex(key, 64, hash) == -1)
			return -1;
	} else if (open311_key_new(key, hash) == -1) {
		fprintf(stderr, "concordctl: cannot make a key\n");
		return -1;
	}
	if (pg_exec_ok(pg, "ctl_api_client_demo", 2, p) == -1) {
		fprintf(stderr, "concordctl: demo: %s\n", pg_error(pg));
		return -1;
	}
	if (clients_save(path, key) == -1)
		return -1;
	printf("demo Open311 client %s; its key is in %s\n", DEMO_CLIENT, path);
	return 0;
}
