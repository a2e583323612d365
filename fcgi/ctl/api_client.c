/* concordctl api-client: registers a CAD client (its service account,
 * scopes, webhook, mappings and first key), an analyst's OData client (the
 * views its key may read) or an Open311 client, rotates
 * and revokes their keys — through the same domain functions as the pages
 * under /admin/api-clients (domain/api_client_admin.h) — and prints a new
 * secret once: only its hash is kept. In demo mode, concordctl demo
 * registers one client of each kind (the OData one for the demo analyst)
 * and keeps their keys in
 * demo-clients.json beside the configuration. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/hex.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/api_client.h"
#include "domain/api_client_admin.h"
#include "domain/api_mapping.h"
#include "domain/audit.h"
#include "domain/open311.h"
#include "domain/tx.h"
#include "odata/entities.h"
#include "store/pg.h"

#define DEMO_CLIENT	"demo-open311"
#define DEMO_CAD	"demo-cad"
#define DEMO_CAD_AGENCY	"city-police"
#define DEMO_ODATA	"demo-analyst-odata"
#define DEMO_ANALYST	"analyst@council.example"

/* The demo CAD's codes: a few of a control room's incident types, its
 * statuses, and its own name for the log number. */
static const char demo_cad_mappings[] =
	"{\"types\": {\"ASB-N\": \"noise\", \"ASB-R\": \"nuisance-gatherings\", "
	"\"ASB-D\": \"drug-activity\"}, "
	"\"statuses\": {\"OPEN\": \"open\", \"ENRT\": \"in_progress\", "
	"\"CLSD\": \"closed\"}, "
	"\"fields\": {\"log_number\": \"incident_number\"}}";

static const struct pg_stmt stmts[] = {
	/* The demo client's key always follows demo-clients.json. */
	{ "ctl_api_client_demo",
	  "INSERT INTO api_client (name, key_hash, kind) VALUES ($1, $2, 'open311') "
	  "ON CONFLICT (name) DO UPDATE SET key_hash = EXCLUDED.key_hash, "
	  "active = true, revoked_at = NULL RETURNING id" },
	/* The demo CAD client's newest live key, to derive its secret again. */
	{ "ctl_api_client_demo_key",
	  "SELECT k.key_id, k.salt, k.secret_hash FROM api_key k "
	  "JOIN api_client c ON c.id = k.client_id WHERE c.name = $1 AND c.kind = $2 "
	  "AND c.revoked_at IS NULL AND k.revoked_at IS NULL AND "
	  "(k.expires_at IS NULL OR k.expires_at > now()) "
	  "ORDER BY k.expires_at IS NULL DESC, k.created_at DESC LIMIT 1" },
};

const struct pg_stmts api_client_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Every statement set the api-client commands use (and demo, which
 * registers the demo clients). */
static const struct pg_stmts *const api_client_sets[] = { &api_client_statements,
    &api_client_admin_statements, &api_mapping_statements, &audit_statements,
    &tx_statements };
static const size_t api_client_nsets = sizeof(api_client_sets) / sizeof(api_client_sets[0]);

static const struct actor ctl_system = { .request_id = "concordctl" };

static int
api_client_usage(void)
{
	fprintf(stderr, "usage: concordctl api-client add --name NAME [--kind open311|cad "
	    "--agency CODE --scopes incidents.read,incidents.write [--webhook URL] "
	    "[--mappings FILE]]\n"
	    "       concordctl api-client add --name NAME --kind odata --analyst EMAIL "
	    "--views rpt_incident,rpt_allocation,...\n"
	    "       concordctl api-client rotate --name NAME [--overlap-hours H]\n"
	    "       concordctl api-client revoke --name NAME [--key KEYID]\n");
	return 2;
}

/* Prints what the domain found wrong with the arguments. */
static void
errors_print(const struct api_client_errors *errs)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		fprintf(stderr, "concordctl: %s: %s\n", errs->e[i].field, errs->e[i].message);
}

/* The scopes of a comma-separated list into in. 0, or -1 for a word that
 * is not a scope. */
static int
scopes_read(const char *list, struct api_client_in *in)
{
	char buf[256], *w, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", list);
	for (w = strtok_r(buf, ",", &save); w != NULL; w = strtok_r(NULL, ",", &save)) {
		if (strcmp(w, API_SCOPE_READ) == 0)
			in->read = 1;
		else if (strcmp(w, API_SCOPE_WRITE) == 0)
			in->write = 1;
		else {
			fprintf(stderr, "concordctl: %s is not a scope (%s, %s)\n", w,
			    API_SCOPE_READ, API_SCOPE_WRITE);
			return -1;
		}
	}
	return 0;
}

/* The views of a comma-separated list into in (the domain checks them).
 * 0, or -1 for too many. */
static int
views_read(char *list, struct api_client_in *in)
{
	char *w, *save = NULL;

	for (w = strtok_r(list, ",", &save); w != NULL; w = strtok_r(NULL, ",", &save)) {
		if (in->nviews == API_ODATA_VIEWS_MAX) {
			fprintf(stderr, "concordctl: at most %d views\n", API_ODATA_VIEWS_MAX);
			return -1;
		}
		in->views[in->nviews++] = w;
	}
	return 0;
}

/* The whole of a mappings file, NUL-terminated; NULL after a message. */
static char *
file_read(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text;
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if ((text = malloc(API_MAPPING_MAX + 2)) == NULL) {
		fclose(f);
		return NULL;
	}
	n = fread(text, 1, API_MAPPING_MAX + 1, f);
	if (ferror(f) || n > API_MAPPING_MAX) {
		fprintf(stderr, "concordctl: %s: %s\n", path, ferror(f) ? strerror(errno) :
		    "more than 64 KB of mappings");
		free(text);
		fclose(f);
		return NULL;
	}
	fclose(f);
	text[n] = '\0';
	return text;
}

/* The client called name: its id, or 0 after a message. */
static long long
client_by_name(struct pg *pg, const char *name)
{
	long long id = api_admin_find(pg, &ctl_system, name);

	if (id == 0)
		fprintf(stderr, "concordctl: there is no API client called %s\n", name);
	else if (id == -1)
		fprintf(stderr, "concordctl: %s\n", pg_error(pg));
	return id > 0 ? id : 0;
}

/* Whether the client is an OData one (its key is printed as one). */
static int
client_is_odata(struct pg *pg, long long id)
{
	struct arena *ar = arena_new(4096);
	struct api_client_rec c;
	int odata;

	odata = ar != NULL && api_admin_get(pg, ar, &ctl_system, id, &c) == 1 &&
	    strcmp(c.kind, "odata") == 0;
	arena_free(ar);
	return odata;
}

/* Says what a change came to. Returns the exit status. */
static int
outcome(struct pg *pg, enum api_admin_rc rc, const char *name,
    const struct api_client_errors *errs)
{
	switch (rc) {
	case API_ADMIN_OK:
		return 0;
	case API_ADMIN_INVALID:
		errors_print(errs);
		return 2;
	case API_ADMIN_NOT_FOUND:
		fprintf(stderr, "concordctl: %s has no such key\n", name);
		return 1;
	case API_ADMIN_REVOKED:
		fprintf(stderr, "concordctl: %s is revoked already\n", name);
		return 1;
	case API_ADMIN_WRONG_KIND:
		fprintf(stderr, "concordctl: %s is an Open311 client: it has one key, "
		    "which cannot be rotated (revoke it and register a new one)\n", name);
		return 1;
	default:
		fprintf(stderr, "concordctl: %s\n", pg_error(pg));
		return 1;
	}
}

static void
secret_print(const char *what, const char *name, const struct api_new_secret *s, int odata)
{
	if (odata)
		printf("%s %s\napi_key: %s.%s\n", what, name, s->key_id, s->secret);
	else if (s->key_id[0] != '\0')
		printf("%s %s\nkey_id: %s\nsecret: %s\n", what, name, s->key_id, s->secret);
	else
		printf("%s %s\napi_key: %s\n", what, name, s->secret);
	if (s->expires_old[0] != '\0')
		printf("The old keys stop working at %s (Europe/London).\n", s->expires_old);
	printf("Give the %s to the client over a secure channel: it is not shown again.\n",
	    s->key_id[0] != '\0' ? "secret" : "key");
}

/* add: the client and its first key. */
static int
client_add(const struct config *cfg, struct pg *pg, struct api_client_in *in,
    const char *mappings_file)
{
	struct api_client_errors errs = {0};
	struct api_new_secret s;
	char *mappings = NULL;
	long long id;
	int rc;

	if (mappings_file != NULL && (mappings = file_read(mappings_file)) == NULL)
		return 1;
	in->mappings = mappings;
	rc = outcome(pg, api_admin_register(pg, cfg, &ctl_system, in, &errs, &s, &id),
	    in->name, &errs);
	if (rc == 0)
		secret_print(strcmp(in->kind, "cad") == 0 ? "created CAD client" :
		    strcmp(in->kind, "odata") == 0 ? "created OData client" :
		    "created Open311 client", in->name, &s, strcmp(in->kind, "odata") == 0);
	OPENSSL_cleanse(&s, sizeof(s));
	free(mappings);
	return rc;
}

/* concordctl api-client add | rotate | revoke ... */
int
ctl_api_client(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "name",	   required_argument, NULL, 'n' },
		{ "kind",	   required_argument, NULL, 'k' },
		{ "agency",	   required_argument, NULL, 'a' },
		{ "scopes",	   required_argument, NULL, 's' },
		{ "webhook",	   required_argument, NULL, 'w' },
		{ "mappings",	   required_argument, NULL, 'm' },
		{ "overlap-hours", required_argument, NULL, 'o' },
		{ "key",	   required_argument, NULL, 'K' },
		{ "analyst",	   required_argument, NULL, 'A' },
		{ "views",	   required_argument, NULL, 'V' },
		{ NULL,		   0, NULL, 0 },
	};
	struct api_client_in in = { .kind = "open311" };
	struct api_client_errors errs = {0};
	struct api_new_secret s;
	const char *cmd, *mappings = NULL, *key = NULL;
	char *end;
	long overlap = API_OVERLAP_DEFAULT;
	long long id;
	struct pg *pg;
	int c, rc = 1;

	if (argc < 2)
		return api_client_usage();
	cmd = argv[1];
	if (strcmp(cmd, "add") != 0 && strcmp(cmd, "rotate") != 0 &&
	    strcmp(cmd, "revoke") != 0)
		return api_client_usage();
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'n': in.name = optarg; break;
		case 'k': in.kind = optarg; break;
		case 'a': in.agency_code = optarg; break;
		case 's':
			if (scopes_read(optarg, &in) == -1)
				return 2;
			break;
		case 'w': in.webhook_url = optarg; break;
		case 'm': mappings = optarg; break;
		case 'o':
			errno = 0;
			overlap = strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' || overlap < 0 ||
			    overlap > API_OVERLAP_MAX) {
				fprintf(stderr, "concordctl: --overlap-hours must be 0 to %d\n",
				    API_OVERLAP_MAX);
				return 2;
			}
			break;
		case 'K': key = optarg; break;
		case 'A': in.analyst = optarg; break;
		case 'V':
			if (views_read(optarg, &in) == -1)
				return 2;
			break;
		default: return api_client_usage();
		}
	if (optind != argc || in.name == NULL)
		return api_client_usage();
	if ((pg = pg_open(cfg->db_admin, api_client_sets, api_client_nsets)) == NULL)
		return 1;
	if (strcmp(cmd, "add") == 0)
		rc = client_add(cfg, pg, &in, mappings);
	else if ((id = client_by_name(pg, in.name)) == 0)
		rc = 1;
	else if (strcmp(cmd, "rotate") == 0) {
		rc = outcome(pg, api_admin_rotate(pg, cfg, &ctl_system, id, (int)overlap,
		    &errs, &s), in.name, &errs);
		if (rc == 0)
			secret_print("new key for", in.name, &s, client_is_odata(pg, id));
		OPENSSL_cleanse(&s, sizeof(s));
	} else if (key != NULL) {
		if ((rc = outcome(pg, api_admin_revoke_key(pg, &ctl_system, id, key),
		    in.name, &errs)) == 0)
			printf("revoked key %s of %s\n", key, in.name);
	} else if ((rc = outcome(pg, api_admin_revoke(pg, &ctl_system, id), in.name,
	    &errs)) == 0)
		printf("revoked API client %s: none of its keys works any more\n", in.name);
	pg_close(pg);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The demo clients                                                    */

/* The Open311 key demo-clients.json already has, if it is one of ours. */
static int
known_key(struct json_object *o, char key[65])
{
	struct json_object *c, *k;
	const char *s;

	if (o != NULL && json_object_object_get_ex(o, "open311", &c) &&
	    json_object_object_get_ex(c, "api_key", &k) &&
	    (s = json_object_get_string(k)) != NULL && strlen(s) == 64 &&
	    strspn(s, "0123456789abcdef") == 64) {
		memcpy(key, s, 65);
		return 1;
	}
	return 0;
}

/* Writes the demo clients' file, readable by its owner only. */
static int
clients_save(const char *path, struct json_object *o)
{
	char tmp[PATH_MAX + 8];
	const char *text;
	FILE *f = NULL;
	int fd;

	text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "concordctl: %s: %s\n", tmp, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (fputs(text, f) == EOF || fputc('\n', f) == EOF || fclose(f) == EOF ||
	    rename(tmp, path) == -1) {
		fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* The demo Open311 client, registered or brought back to the key in
 * demo-clients.json; its entry into out. 0, or -1 after a message. */
static int
demo_open311(struct pg *pg, struct json_object *known, struct json_object *out)
{
	char key[65], hash[65];
	const char *p[2] = { DEMO_CLIENT, hash };
	struct json_object *c;

	if (known_key(known, key)) {
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
	c = json_object_new_object();
	json_object_object_add(c, "api_key", json_object_new_string(key));
	json_object_object_add(out, "open311", c);
	return 0;
}

/* A demo client's live key again (the CAD's or the analyst's OData one),
 * its secret derived from the stored salt, into s. 1 found, 0 none, -1. */
static int
demo_key(const struct config *cfg, struct pg *pg, const char *name, const char *kind,
    struct api_new_secret *s)
{
	const char *p[2] = { name, kind };
	struct api_caller k = {0};
	PGresult *res;
	int found;

	if ((res = pg_exec(pg, "ctl_api_client_demo_key", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		k.key_id = PQgetvalue(res, 0, 0);
		k.salt = PQgetvalue(res, 0, 1);
		k.secret_hash = PQgetvalue(res, 0, 2);
		snprintf(s->key_id, sizeof(s->key_id), "%s", k.key_id);
		if (api_secret_of(cfg, &k, s->secret) == -1)
			found = -1;
	}
	PQclear(res);
	return found;
}

/* The demo CAD client: registered the first time, its key kept after that
 * (a new one only when it has no live key); its entry into out. */
static int
demo_cad(const struct config *cfg, struct pg *pg, struct json_object *out)
{
	struct api_client_in in = { .name = DEMO_CAD, .kind = "cad",
	    .agency_code = DEMO_CAD_AGENCY, .read = 1, .write = 1,
	    .mappings = demo_cad_mappings };
	struct api_client_errors errs = {0};
	struct api_new_secret s = {0};
	struct json_object *c, *types, *m;
	long long id;
	int got;

	if ((got = demo_key(cfg, pg, DEMO_CAD, "cad", &s)) == -1)
		goto fail;
	if (got == 0) {
		if ((id = api_admin_find(pg, &ctl_system, DEMO_CAD)) == -1)
			goto fail;
		if (outcome(pg, id == 0 ? api_admin_register(pg, cfg, &ctl_system, &in,
		    &errs, &s, &id) : api_admin_rotate(pg, cfg, &ctl_system, id, 0,
		    &errs, &s), DEMO_CAD, &errs) != 0)
			goto fail;
	}
	c = json_object_new_object();
	json_object_object_add(c, "name", json_object_new_string(DEMO_CAD));
	json_object_object_add(c, "agency", json_object_new_string(DEMO_CAD_AGENCY));
	json_object_object_add(c, "key_id", json_object_new_string(s.key_id));
	json_object_object_add(c, "secret", json_object_new_string(s.secret));
	types = json_object_new_array();
	if ((m = json_tokener_parse(demo_cad_mappings)) != NULL) {
		struct json_object *t;

		if (json_object_object_get_ex(m, "types", &t)) {
			json_object_object_foreach(t, code, to) {
				(void)to;
				json_object_array_add(types, json_object_new_string(code));
			}
		}
		json_object_object_add(c, "mappings", m);
	}
	json_object_object_add(c, "types", types);
	json_object_object_add(out, "cad", c);
	OPENSSL_cleanse(&s, sizeof(s));
	return 0;
fail:
	fprintf(stderr, "concordctl: demo: the demo CAD client could not be registered\n");
	OPENSSL_cleanse(&s, sizeof(s));
	return -1;
}

/* The demo analyst's OData client, reading every view: registered the
 * first time, its key kept after that; its entry (the user name, the key
 * and the feed's address, as Power BI asks for them) into out. */
static int
demo_odata(const struct config *cfg, struct pg *pg, struct json_object *out)
{
	struct api_client_in in = { .name = DEMO_ODATA, .kind = "odata",
	    .analyst = DEMO_ANALYST };
	struct api_client_errors errs = {0};
	struct api_new_secret s = {0};
	struct json_object *c;
	char key[128], feed[sizeof(cfg->public_url) + 16];
	long long id;
	size_t i;
	int got;

	for (i = 0; i < odata_entities_n && i < API_ODATA_VIEWS_MAX; i++)
		in.views[in.nviews++] = odata_entities[i].view;
	if ((got = demo_key(cfg, pg, DEMO_ODATA, "odata", &s)) == -1)
		goto fail;
	if (got == 0) {
		if ((id = api_admin_find(pg, &ctl_system, DEMO_ODATA)) == -1)
			goto fail;
		if (outcome(pg, id == 0 ? api_admin_register(pg, cfg, &ctl_system, &in,
		    &errs, &s, &id) : api_admin_rotate(pg, cfg, &ctl_system, id, 0,
		    &errs, &s), DEMO_ODATA, &errs) != 0)
			goto fail;
	}
	snprintf(key, sizeof(key), "%s.%s", s.key_id, s.secret);
	c = json_object_new_object();
	json_object_object_add(c, "name", json_object_new_string(DEMO_ODATA));
	json_object_object_add(c, "user", json_object_new_string(DEMO_ANALYST));
	json_object_object_add(c, "api_key", json_object_new_string(key));
	snprintf(feed, sizeof(feed), "%s/odata/v4/", cfg->public_url);
	json_object_object_add(c, "url", json_object_new_string(feed));
	json_object_object_add(out, "odata", c);
	OPENSSL_cleanse(&s, sizeof(s));
	OPENSSL_cleanse(key, sizeof(key));
	return 0;
fail:
	fprintf(stderr, "concordctl: demo: the demo analyst's OData client could not be "
	    "registered\n");
	OPENSSL_cleanse(&s, sizeof(s));
	return -1;
}

/* For concordctl demo: the demo Open311, CAD and OData clients, and their keys
 * written to demo-clients.json. pg must have the statements ctl.h lists. 0, or -1
 * with a message printed. */
int
api_client_demo(const struct config *cfg, struct pg *pg)
{
	struct json_object *known, *out = json_object_new_object();
	char path[PATH_MAX];
	int rc = -1;

	ctl_beside_config(cfg, "demo-clients.json", path, sizeof(path));
	known = json_object_from_file(path);
	if (out != NULL && demo_open311(pg, known, out) == 0 &&
	    demo_cad(cfg, pg, out) == 0 && demo_odata(cfg, pg, out) == 0 &&
	    clients_save(path, out) == 0) {
		printf("demo API clients %s, %s and %s; their keys are in %s\n", DEMO_CLIENT,
		    DEMO_CAD, DEMO_ODATA, path);
		rc = 0;
	}
	json_object_put(known);
	json_object_put(out);
	return rc;
}
