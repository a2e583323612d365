/* Administering API clients: registering a CAD client with its service
 * account and first key, or an Open311 client with its key; rotating,
 * revoking, changing scopes, webhook and mappings. The checks live here
 * so that the pages and concordctl give the same verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/hex.h"
#include "core/random.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/api_client.h"
#include "domain/api_client_admin.h"
#include "domain/api_mapping.h"
#include "domain/open311.h"
#include "domain/tx.h"
#include "odata/entities.h"
#include "store/pg.h"

#define LONDON(col) "coalesce(to_char(" col " AT TIME ZONE 'Europe/London', " \
	"'DD Mon YYYY HH24:MI'), '')"

#define CLIENT_COLS \
	"SELECT c.id, c.name, c.kind, coalesce(a.name, ''), coalesce(a.code, ''), " \
	"coalesce(u.email, ''), c.scopes, coalesce(c.webhook_url, ''), " \
	"jsonb_pretty(c.mappings), c.revoked_at IS NOT NULL OR NOT c.active, " \
	LONDON("c.created_at") ", " \
	"md5(row(c.scopes, c.webhook_url, c.mappings, c.revoked_at, c.active)::text) " \
	"FROM api_client c LEFT JOIN agency a ON a.id = c.agency_id " \
	"LEFT JOIN app_user u ON u.id = c.user_id "

#define KEY_COLS \
	"SELECT k.client_id, k.key_id, CASE WHEN k.revoked_at IS NOT NULL THEN 'revoked' " \
	"WHEN k.expires_at IS NULL THEN 'live' WHEN k.expires_at > now() THEN 'ending' " \
	"ELSE 'expired' END, " LONDON("k.created_at") ", " LONDON("k.expires_at") ", " \
	LONDON("k.revoked_at") ", " LONDON("k.last_used_at") " FROM api_key k "

static const struct pg_stmt stmts[] = {
	{ "api_admin_list", CLIENT_COLS
	  "ORDER BY c.revoked_at IS NOT NULL OR NOT c.active, lower(c.name), c.id" },
	{ "api_admin_keys_all", KEY_COLS "ORDER BY k.client_id, k.created_at DESC, k.id DESC" },
	{ "api_admin_keys", KEY_COLS "WHERE k.client_id = $1::bigint "
	  "ORDER BY k.created_at DESC, k.id DESC" },
	{ "api_admin_get", CLIENT_COLS "WHERE c.id = $1::bigint" },
	{ "api_admin_get_lock", CLIENT_COLS "WHERE c.id = $1::bigint FOR UPDATE OF c" },
	{ "api_admin_find", "SELECT id FROM api_client WHERE name = $1" },
	{ "api_admin_agency",
	  "SELECT id, code FROM agency WHERE (id = $1::bigint OR code = $2) AND active" },
	{ "api_admin_email_taken", "SELECT 1 FROM app_user WHERE lower(email) = lower($1)" },
	{ "api_admin_user_insert",
	  "INSERT INTO app_user (agency_id, email, name) VALUES ($1::bigint, $2, $3) "
	  "RETURNING id" },
	{ "api_admin_cad_insert",
	  "INSERT INTO api_client (name, kind, agency_id, user_id, scopes, webhook_url, "
	  "mappings, created_by) VALUES ($1, 'cad', $2::bigint, $3::bigint, $4::text[], "
	  "nullif($5, ''), $6::jsonb, nullif($7, '0')::bigint) "
	  "ON CONFLICT (name) DO NOTHING RETURNING id" },
	/* An OData client's analyst: active, in an active agency, whose roles
	 * give reporting.view, and whether they hold a live OData client. */
	{ "api_admin_analyst",
	  "SELECT u.id, u.agency_id, a.code, EXISTS (SELECT 1 FROM user_role ur "
	  "JOIN role ro ON ro.id = ur.role_id WHERE ur.user_id = u.id AND "
	  "ur.agency_id = u.agency_id AND 'reporting.view' = ANY (ro.permissions)), "
	  "EXISTS (SELECT 1 FROM api_client c WHERE c.user_id = u.id AND "
	  "c.kind = 'odata' AND c.revoked_at IS NULL) "
	  "FROM app_user u JOIN agency a ON a.id = u.agency_id "
	  "WHERE email_normal(u.email) = email_normal($1) AND u.disabled_at IS NULL "
	  "AND a.active" },
	{ "api_admin_odata_insert",
	  "INSERT INTO api_client (name, kind, agency_id, user_id, scopes, created_by) "
	  "VALUES ($1, 'odata', $2::bigint, $3::bigint, $4::text[], "
	  "nullif($5, '0')::bigint) ON CONFLICT (name) DO NOTHING RETURNING id" },
	{ "api_admin_open311_insert",
	  "INSERT INTO api_client (name, key_hash, kind, created_by) "
	  "VALUES ($1, $2, 'open311', nullif($3, '0')::bigint) "
	  "ON CONFLICT (name) DO NOTHING RETURNING id" },
	{ "api_admin_key_insert",
	  "INSERT INTO api_key (client_id, key_id, salt, secret_hash, created_by) "
	  "VALUES ($1::bigint, $2, $3, $4, nullif($5, '0')::bigint)" },
	/* A rotation ends the live keys after the overlap; one already
	 * ending sooner keeps its end. */
	{ "api_admin_keys_end",
	  "UPDATE api_key SET expires_at = least(coalesce(expires_at, 'infinity'), "
	  "now() + make_interval(hours => $2::int)) WHERE client_id = $1::bigint "
	  "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) "
	  "RETURNING key_id, " LONDON("expires_at") },
	{ "api_admin_key_revoke",
	  "UPDATE api_key SET revoked_at = now(), revoked_by = nullif($3, '0')::bigint "
	  "WHERE client_id = $1::bigint AND key_id = $2 AND revoked_at IS NULL RETURNING id" },
	{ "api_admin_key_exists",
	  "SELECT 1 FROM api_key WHERE client_id = $1::bigint AND key_id = $2" },
	{ "api_admin_keys_revoke",
	  "UPDATE api_key SET revoked_at = now(), revoked_by = nullif($2, '0')::bigint "
	  "WHERE client_id = $1::bigint AND revoked_at IS NULL" },
	{ "api_admin_client_revoke",
	  "UPDATE api_client SET revoked_at = now(), active = false, updated_at = now() "
	  "WHERE id = $1::bigint" },
	/* Its service account can never sign in (no password); disabled too,
	 * so that every list of staff shows it as gone. */
	{ "api_admin_user_disable",
	  "UPDATE app_user SET disabled_at = now(), updated_at = now() "
	  "WHERE id = (SELECT user_id FROM api_client WHERE id = $1::bigint "
	  "AND kind = 'cad') "
	  "AND disabled_at IS NULL" },
	{ "api_admin_update",
	  "UPDATE api_client SET scopes = $2::text[], webhook_url = nullif($3, ''), "
	  "mappings = $4::jsonb, updated_at = now() WHERE id = $1::bigint" },
};

const struct pg_stmts api_client_admin_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* ---- Field checks ---- */

static void
bad(struct api_client_errors *errs, const char *field, const char *message)
{
	if (errs->n >= API_CLIENT_ERRORS_MAX)
		return;
	errs->e[errs->n].field = field;
	snprintf(errs->e[errs->n].message, sizeof(errs->e[0].message), "%s", message);
	errs->n++;
}

/* Letters, digits, space, dot, dash and underscore, starting with a letter
 * or digit: as the table checks. */
static int
name_valid(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > API_CLIENT_NAME_MAX || strchr(" ._-", name[0]) != NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9') || strchr(" ._-", name[i]) != NULL))
			return 0;
	return 1;
}

/* An http or https address with a host name (or [IPv6]) and an optional
 * port, no spaces or control characters, as long as the table allows. */
static int
webhook_valid(const char *url)
{
	size_t n = strlen(url), i, host;
	const char *s, *port;

	if (n > API_WEBHOOK_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f)
			return 0;
	if (strncmp(url, "https://", 8) == 0)
		s = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		s = url + 7;
	else
		return 0;
	if (*s == '[') {
		host = strspn(s + 1, "0123456789abcdefABCDEF:.");
		if (host == 0 || s[1 + host] != ']')
			return 0;
		port = s + host + 2;
	} else {
		host = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
		if (host == 0 || s[0] == '.' || s[0] == '-')
			return 0;
		port = s + host;
	}
	if (*port == ':') {
		size_t digits = strspn(port + 1, "0123456789");
		long p = digits > 0 && digits <= 5 ? strtol(port + 1, NULL, 10) : 0;

		if (p < 1 || p > 65535)
			return 0;
		port += 1 + digits;
	}
	return *port == '\0' || *port == '/' || *port == '?';
}

/* The name and kind of a new client. */
static void
name_kind_check(const struct api_client_in *in, int cad, struct api_client_errors *errs)
{
	if (!name_valid(in->name))
		bad(errs, "name", in->name[0] == '\0' ? "Enter a name for the client" :
		    "Name must be 1 to 100 letters, digits, spaces, dots, dashes or "
		    "underscores, starting with a letter or digit");
	if (!cad && (in->kind == NULL || (strcmp(in->kind, "open311") != 0 &&
	    strcmp(in->kind, "odata") != 0)))
		bad(errs, "kind", "Select the kind of client");
}

/* The checks of a CAD client's fields that need no database (its agency
 * only when registering it). */
static void
fields_check(const struct api_client_in *in, int registering,
    struct api_client_errors *errs)
{
	if (registering && in->agency_id == 0 &&
	    (in->agency_code == NULL || *in->agency_code == '\0'))
		bad(errs, "agency", "Select the agency the client acts for");
	if (!in->read && !in->write)
		bad(errs, "scopes", "Select at least one scope");
	if (in->webhook_url != NULL && *in->webhook_url != '\0' &&
	    !webhook_valid(in->webhook_url))
		bad(errs, "webhook_url", "Enter the webhook address as a full http or "
		    "https address, like https://cad.example/concord/hooks");
	if (in->mappings != NULL && strlen(in->mappings) > API_MAPPING_MAX)
		bad(errs, "mappings", "Mappings must be 64 KB or less");
}

/* The mappings' shape and their codes against the ASB types and statuses,
 * inside the caller's transaction. 0 (any problem recorded), or -1 on a
 * database error. */
static int
mappings_check(struct pg *pg, const char *text, struct api_client_errors *errs)
{
	struct api_mapping m;
	char err[256], msg[300];
	int rc = 0, bad_codes;

	if (text == NULL || strlen(text) > API_MAPPING_MAX)
		return 0;
	if (api_mapping_parse(text, &m, err, sizeof(err)) == -1) {
		snprintf(msg, sizeof(msg), "Mappings: %s", err);
		bad(errs, "mappings", msg);
	} else if ((bad_codes = api_mapping_check(pg, &m, err, sizeof(err))) == -1) {
		rc = -1;
	} else if (bad_codes == 1) {
		snprintf(msg, sizeof(msg), "Mappings: %s", err);
		bad(errs, "mappings", msg);
	}
	api_mapping_free(&m);
	return rc;
}

static const char *
mappings_text(const struct api_client_in *in)
{
	return in->mappings != NULL && *in->mappings != '\0' ? in->mappings : "{}";
}

static const char *
scopes_literal(const struct api_client_in *in)
{
	return in->read && in->write ? "{" API_SCOPE_READ "," API_SCOPE_WRITE "}" :
	    in->read ? "{" API_SCOPE_READ "}" : in->write ? "{" API_SCOPE_WRITE "}" : "{}";
}

/* ---- Reading ---- */

static int
client_read(struct arena *ar, PGresult *res, int i, void *out)
{
	struct api_client_rec *c = out;

	c->id = admin_col_id(res, i, 0);
	c->name = admin_col(ar, res, i, 1);
	c->kind = admin_col(ar, res, i, 2);
	c->agency_name = admin_col(ar, res, i, 3);
	c->agency_code = admin_col(ar, res, i, 4);
	c->account_email = admin_col(ar, res, i, 5);
	c->nscopes = admin_array_split(ar, PQgetvalue(res, i, 6), &c->scopes);
	c->webhook_url = admin_col(ar, res, i, 7);
	c->mappings = admin_col(ar, res, i, 8);
	c->revoked = admin_col_bool(res, i, 9);
	c->created = admin_col(ar, res, i, 10);
	c->version = admin_col(ar, res, i, 11);
	return c->name && c->kind && c->agency_name && c->agency_code &&
	    c->account_email && c->webhook_url && c->mappings && c->created &&
	    c->version ? 0 : -1;
}

static int
key_read(struct arena *ar, PGresult *res, int i, struct api_key_rec *k)
{
	k->key_id = admin_col(ar, res, i, 1);
	k->state = admin_col(ar, res, i, 2);
	k->created = admin_col(ar, res, i, 3);
	k->expires = admin_col(ar, res, i, 4);
	k->revoked = admin_col(ar, res, i, 5);
	k->last_used = admin_col(ar, res, i, 6);
	return k->key_id && k->state && k->created && k->expires && k->revoked &&
	    k->last_used ? 0 : -1;
}

/* Gives each of the n clients its keys from res (ordered by client). */
static int
keys_attach(struct arena *ar, PGresult *res, struct api_client_rec *cs, size_t n)
{
	int rows = PQntuples(res), i, from;
	size_t c;

	for (i = 0; i < rows; i = from) {
		long long cid = admin_col_id(res, i, 0);

		for (from = i; from < rows && admin_col_id(res, from, 0) == cid; from++)
			;
		for (c = 0; c < n && cs[c].id != cid; c++)
			;
		if (c == n)
			continue;
		if ((cs[c].keys = arena_calloc(ar, (size_t)(from - i), sizeof(*cs[c].keys))) == NULL)
			return -1;
		for (cs[c].nkeys = 0; (int)cs[c].nkeys < from - i; cs[c].nkeys++)
			if (key_read(ar, res, i + (int)cs[c].nkeys, &cs[c].keys[cs[c].nkeys]) == -1)
				return -1;
	}
	return 0;
}

/* The keys stmt finds, given to the clients. Its own transaction. */
static int
keys_load(struct pg *pg, struct arena *ar, const struct actor *a, const char *stmt,
    int np, const char *const *p, struct api_client_rec *cs, size_t n)
{
	PGresult *res;
	int rc;

	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, stmt, np, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	rc = keys_attach(ar, res, cs, n);
	PQclear(res);
	if (pg_commit(pg) == -1)
		return -1;
	return rc;
}

/* Every client, live ones first, with its keys. 0 or -1. */
int
api_admin_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct api_client_rec **out, size_t *n)
{
	void *recs;

	if (admin_rows(pg, ar, a, "api_admin_list", 0, NULL, sizeof(**out),
	    client_read, &recs, n) == -1)
		return -1;
	*out = recs;
	return *n == 0 ? 0 : keys_load(pg, ar, a, "api_admin_keys_all", 0, NULL, *out, *n);
}

/* One client with its keys: 1, 0 when there is none, or -1. */
int
api_admin_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct api_client_rec *c)
{
	char sid[24];
	const char *p[1] = { sid };
	int got;

	if ((got = admin_row(pg, ar, a, "api_admin_get", id, sizeof(*c), client_read, c)) != 1)
		return got;
	admin_id_text(id, sid);
	return keys_load(pg, ar, a, "api_admin_keys", 1, p, c, 1) == -1 ? -1 : 1;
}

/* The id of the client called name: >0, 0 when there is none, or -1. */
long long
api_admin_find(struct pg *pg, const struct actor *a, const char *name)
{
	const char *p[1] = { name };
	PGresult *res;
	long long id = 0;

	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "api_admin_find", 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	if (PQntuples(res) == 1)
		id = admin_col_id(res, 0, 0);
	PQclear(res);
	return pg_commit(pg) == -1 ? -1 : id;
}

/* ---- Keys ---- */

/* A new key for the client: its id, salt and secret (into out), its
 * SHA-256 stored. 0, or -1 (roll back). */
static int
key_new(struct pg *pg, const struct config *cfg, const struct actor *a,
    long long client_id, struct api_new_secret *out)
{
	const unsigned char *master;
	size_t mlen;
	char cid[24], uid[24], salt[33], hash[65];
	const char *p[5] = { cid, out->key_id, salt, hash, uid };

	memcpy(out->key_id, "ck_", 3);
	if (api_master_get(cfg, &master, &mlen) == -1 ||
	    random_hex(out->key_id + 3, 10) == -1 || random_hex(salt, 16) == -1 ||
	    api_secret_derive(master, mlen, out->key_id, salt, out->secret) == -1 ||
	    sha256_hex(out->secret, strlen(out->secret), hash) == -1)
		return -1;
	admin_id_text(client_id, cid);
	admin_id_text(a->user_id, uid);
	return pg_exec_ok(pg, "api_admin_key_insert", 5, p);
}

/* ---- Registering ---- */

/* The agency's id and code (by id, or by code when id is 0), active.
 * 1 found, 0 not, -1. */
static int
agency_find(struct pg *pg, const struct api_client_in *in, char id[24], char code[40])
{
	char sid[24];
	const char *p[2] = { sid, in->agency_code != NULL ? in->agency_code : "" };
	PGresult *res;
	int found;

	admin_id_text(in->agency_id, sid);
	if ((res = pg_exec(pg, "api_admin_agency", 2, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		snprintf(id, 24, "%s", PQgetvalue(res, 0, 0));
		snprintf(code, 40, "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	return found;
}

/* Whether the name is free: 1, 0 taken, -1. */
static int
name_free(struct pg *pg, const char *name)
{
	const char *p[1] = { name };
	PGresult *res;
	int free_;

	if ((res = pg_exec(pg, "api_admin_find", 1, p)) == NULL)
		return -1;
	free_ = PQntuples(res) == 0;
	PQclear(res);
	return free_;
}

/* The service account's e-mail address: the name in lower case with runs
 * of anything else as one hyphen, at api-clients.invalid (a domain that
 * can never receive mail); a random tail when two names meet. */
static int
account_email(struct pg *pg, const char *name, char out[160])
{
	char slug[API_CLIENT_NAME_MAX + 1], tail[9];
	const char *p[1] = { out };
	size_t i, n = 0;
	PGresult *res;
	int taken;

	for (i = 0; name[i] != '\0' && n < sizeof(slug) - 1; i++) {
		char ch = name[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			slug[n++] = ch;
		else if (n > 0 && slug[n - 1] != '-')
			slug[n++] = '-';
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	snprintf(out, 160, "%s@api-clients.invalid", slug);
	if ((res = pg_exec(pg, "api_admin_email_taken", 1, p)) == NULL)
		return -1;
	taken = PQntuples(res) > 0;
	PQclear(res);
	if (taken) {
		if (random_hex(tail, 4) == -1)
			return -1;
		snprintf(out, 160, "%s-%s@api-clients.invalid", slug, tail);
	}
	return 0;
}

/* What the audit trail records of a client. */
static struct json_object *
client_json(const char *name, const char *kind, const char *agency,
    const struct api_client_in *in)
{
	struct json_object *o = json_object_new_object(), *sc;

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "name", json_object_new_string(name));
	json_object_object_add(o, "kind", json_object_new_string(kind));
	if (strcmp(kind, "odata") == 0) {
		size_t i;

		json_object_object_add(o, "agency", json_object_new_string(agency));
		json_object_object_add(o, "analyst", json_object_new_string(in->analyst != NULL ?
		    in->analyst : ""));
		sc = json_object_new_array();
		for (i = 0; i < in->nviews; i++)
			json_object_array_add(sc, json_object_new_string(in->views[i]));
		json_object_object_add(o, "views", sc);
		return o;
	}
	if (strcmp(kind, "cad") != 0)
		return o;
	json_object_object_add(o, "agency", json_object_new_string(agency));
	sc = json_object_new_array();
	if (in->read)
		json_object_array_add(sc, json_object_new_string(API_SCOPE_READ));
	if (in->write)
		json_object_array_add(sc, json_object_new_string(API_SCOPE_WRITE));
	json_object_object_add(o, "scopes", sc);
	json_object_object_add(o, "webhook_url", in->webhook_url != NULL &&
	    *in->webhook_url != '\0' ? json_object_new_string(in->webhook_url) : NULL);
	json_object_object_add(o, "mappings", json_tokener_parse(mappings_text(in)));
	return o;
}

/* Inserts the client (stmt: INSERT ... ON CONFLICT (name) DO NOTHING
 * RETURNING id). API_ADMIN_INVALID when the name was taken meanwhile. */
static enum api_admin_rc
client_insert(struct pg *pg, const char *stmt, int n, const char *const *p, long long *id)
{
	switch (admin_insert(pg, stmt, n, p, id)) {
	case ADMIN_OK:
		return API_ADMIN_OK;
	case ADMIN_DUPLICATE:
		return API_ADMIN_INVALID;
	default:
		return API_ADMIN_ERROR;
	}
}

/* The service account, the client and its first key. */
static enum api_admin_rc
cad_insert(struct pg *pg, const struct config *cfg, const struct actor *a,
    const struct api_client_in *in, const char *aid, const char *agency_code,
    struct api_new_secret *out, long long *id)
{
	char email[160], uid[24], by[24];
	const char *pu[3], *pc[7];
	struct json_object *o;
	char acct_name[API_CLIENT_NAME_MAX + 16];
	enum api_admin_rc rc;
	long long user_id;

	if (account_email(pg, in->name, email) == -1)
		return API_ADMIN_ERROR;
	snprintf(acct_name, sizeof(acct_name), "API client %s", in->name);
	pu[0] = aid;
	pu[1] = email;
	pu[2] = acct_name;
	if (admin_insert(pg, "api_admin_user_insert", 3, pu, &user_id) != ADMIN_OK)
		return API_ADMIN_ERROR;
	admin_id_text(user_id, uid);
	admin_id_text(a->user_id, by);
	pc[0] = in->name;
	pc[1] = aid;
	pc[2] = uid;
	pc[3] = scopes_literal(in);
	pc[4] = in->webhook_url != NULL ? in->webhook_url : "";
	pc[5] = mappings_text(in);
	pc[6] = by;
	if ((rc = client_insert(pg, "api_admin_cad_insert", 7, pc, id)) != API_ADMIN_OK)
		return rc;
	if (key_new(pg, cfg, a, *id, out) == -1)
		return API_ADMIN_ERROR;
	if ((o = client_json(in->name, "cad", agency_code, in)) == NULL)
		return API_ADMIN_ERROR;
	json_object_object_add(o, "service_account", json_object_new_string(email));
	json_object_object_add(o, "key_id", json_object_new_string(out->key_id));
	return admin_created(pg, a, "api_client", *id, o, NULL) == ADMIN_OK ?
	    API_ADMIN_OK : API_ADMIN_ERROR;
}

/* The client and its key (only its SHA-256 kept). */
static enum api_admin_rc
open311_insert(struct pg *pg, const struct actor *a, const struct api_client_in *in,
    struct api_new_secret *out, long long *id)
{
	char hash[65], by[24];
	const char *p[3] = { in->name, hash, by };
	struct json_object *o;
	enum api_admin_rc rc;

	if (open311_key_new(out->secret, hash) == -1)
		return API_ADMIN_ERROR;
	admin_id_text(a->user_id, by);
	if ((rc = client_insert(pg, "api_admin_open311_insert", 3, p, id)) != API_ADMIN_OK)
		return rc;
	if ((o = client_json(in->name, "open311", "", in)) == NULL)
		return API_ADMIN_ERROR;
	json_object_object_add(o, "key", json_object_new_string("set"));
	return admin_created(pg, a, "api_client", *id, o, NULL) == ADMIN_OK ?
	    API_ADMIN_OK : API_ADMIN_ERROR;
}

/* An OData client's views: at least one, each a reporting view the feed
 * serves, none twice; as a text[] literal into lit. */
static void
views_check(const struct api_client_in *in, struct api_client_errors *errs, struct buf *lit)
{
	size_t i, j;

	if (in->nviews == 0) {
		bad(errs, "views", "Select at least one view the key may read");
		return;
	}
	buf_putc(lit, '{');
	for (i = 0; i < in->nviews; i++) {
		for (j = 0; j < i && strcmp(in->views[i], in->views[j]) != 0; j++)
			;
		if (odata_entity_by_view(in->views[i]) == NULL || j < i) {
			bad(errs, "views", "Select views from the list: each once");
			return;
		}
		buf_printf(lit, "%s%s", i > 0 ? "," : "", in->views[i]);
	}
	buf_putc(lit, '}');
}

/* The analyst an OData client is for, by e-mail address: their id and
 * agency (id and code) into uid, aid and code. 1 found and allowed, 0
 * (a field error recorded), -1. */
static int
analyst_find(struct pg *pg, const struct api_client_in *in, struct api_client_errors *errs,
    char uid[24], char aid[24], char code[40])
{
	const char *p[1] = { in->analyst != NULL ? in->analyst : "" };
	PGresult *res;
	int rc = 0;

	if (*p[0] == '\0') {
		bad(errs, "analyst", "Enter the e-mail address of the analyst the key is for");
		return 0;
	}
	if ((res = pg_exec(pg, "api_admin_analyst", 1, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1)
		bad(errs, "analyst", "There is no active member of staff with this e-mail "
		    "address: enter the analyst's address as they sign in with it");
	else if (PQgetvalue(res, 0, 3)[0] != 't')
		bad(errs, "analyst", "This member of staff may not see reporting: give "
		    "them a role with reporting.view (the Analyst role) first");
	else if (PQgetvalue(res, 0, 4)[0] == 't')
		bad(errs, "analyst", "This analyst has an OData client already: rotate its "
		    "key, or revoke it first");
	else {
		snprintf(uid, 24, "%s", PQgetvalue(res, 0, 0));
		snprintf(aid, 24, "%s", PQgetvalue(res, 0, 1));
		snprintf(code, 40, "%s", PQgetvalue(res, 0, 2));
		rc = 1;
	}
	PQclear(res);
	return rc;
}

/* The OData client and its first key. */
static enum api_admin_rc
odata_insert(struct pg *pg, const struct config *cfg, const struct actor *a,
    const struct api_client_in *in, const char *const ids[3], const char *views,
    struct api_new_secret *out, long long *id)
{
	char by[24];
	const char *p[5] = { in->name, ids[1], ids[0], views, by };
	struct json_object *o;
	enum api_admin_rc rc;

	admin_id_text(a->user_id, by);
	if ((rc = client_insert(pg, "api_admin_odata_insert", 5, p, id)) != API_ADMIN_OK)
		return rc;
	if (key_new(pg, cfg, a, *id, out) == -1 ||
	    (o = client_json(in->name, "odata", ids[2], in)) == NULL)
		return API_ADMIN_ERROR;
	json_object_object_add(o, "key_id", json_object_new_string(out->key_id));
	return admin_created(pg, a, "api_client", *id, o, NULL) == ADMIN_OK ?
	    API_ADMIN_OK : API_ADMIN_ERROR;
}

/* Registers a client. API_ADMIN_OK with its id and what to show once in
 * out; API_ADMIN_INVALID with the field errors; API_ADMIN_ERROR. */
enum api_admin_rc
api_admin_register(struct pg *pg, const struct config *cfg, const struct actor *a,
    const struct api_client_in *in, struct api_client_errors *errs,
    struct api_new_secret *out, long long *id)
{
	char aid[24] = "", agency_code[40] = "", uid[24] = "";
	const char *ids[3] = { uid, aid, agency_code };
	enum api_admin_rc rc = API_ADMIN_INVALID;
	struct buf views = {0};
	int cad, odata, got;

	memset(out, 0, sizeof(*out));
	*id = 0;
	if (in->name == NULL) {
		bad(errs, "name", "Enter a name for the client");
		return API_ADMIN_INVALID;
	}
	cad = in->kind != NULL && strcmp(in->kind, "cad") == 0;
	odata = in->kind != NULL && strcmp(in->kind, "odata") == 0;
	name_kind_check(in, cad, errs);
	if (cad)
		fields_check(in, 1, errs);
	if (odata)
		views_check(in, errs, &views);
	if (views.oom || tx_begin(pg, a) == -1) {
		buf_free(&views);
		return API_ADMIN_ERROR;
	}
	if ((got = name_free(pg, in->name)) == -1)
		goto err;
	if (got == 0 && *in->name != '\0')
		bad(errs, "name", "An API client with this name already exists: enter a "
		    "different name");
	if (cad && (in->agency_id != 0 || (in->agency_code != NULL && *in->agency_code))) {
		if ((got = agency_find(pg, in, aid, agency_code)) == -1)
			goto err;
		if (got == 0)
			bad(errs, "agency", "Select an active agency the client acts for");
	}
	if (cad && mappings_check(pg, mappings_text(in), errs) == -1)
		goto err;
	if (odata && analyst_find(pg, in, errs, uid, aid, agency_code) == -1)
		goto err;
	if (errs->n > 0)
		goto out;
	rc = cad ? cad_insert(pg, cfg, a, in, aid, agency_code, out, id) :
	    odata ? odata_insert(pg, cfg, a, in, ids, buf_cstr(&views), out, id) :
	    open311_insert(pg, a, in, out, id);
	if (rc == API_ADMIN_INVALID)
		bad(errs, "name", "An API client with this name already exists: enter a "
		    "different name");
	if (rc != API_ADMIN_OK)
		goto out;
	if (pg_commit(pg) == -1)
		rc = API_ADMIN_ERROR;
	if (rc != API_ADMIN_OK)
		OPENSSL_cleanse(out, sizeof(*out));
	buf_free(&views);
	return rc;
err:
	rc = API_ADMIN_ERROR;
out:
	pg_rollback(pg);
	OPENSSL_cleanse(out, sizeof(*out));
	buf_free(&views);
	return rc;
}

/* ---- Changing ---- */

/* Locks the client (id as text) and reads it into c. */
static enum api_admin_rc
client_lock(struct pg *pg, struct arena *ar, const char *sid, struct api_client_rec *c)
{
	switch (admin_lock(pg, ar, "api_admin_get_lock", sid, client_read, c)) {
	case ADMIN_OK:
		return API_ADMIN_OK;
	case ADMIN_NOT_FOUND:
		return API_ADMIN_NOT_FOUND;
	default:
		return API_ADMIN_ERROR;
	}
}

static enum api_admin_rc
tx_end(struct pg *pg, enum api_admin_rc rc)
{
	if (rc != API_ADMIN_OK) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == -1 ? API_ADMIN_ERROR : API_ADMIN_OK;
}

/* The stored client as an api_client_in, for the audit trail's diff. */
static struct json_object *
stored_json(const struct api_client_rec *c)
{
	struct api_client_in in = { .webhook_url = c->webhook_url, .mappings = c->mappings };
	size_t i;

	for (i = 0; i < c->nscopes; i++) {
		in.read |= strcmp(c->scopes[i], API_SCOPE_READ) == 0;
		in.write |= strcmp(c->scopes[i], API_SCOPE_WRITE) == 0;
	}
	return client_json(c->name, c->kind, c->agency_code, &in);
}

/* Changes a CAD client's scopes, webhook and mappings (not its name or
 * agency), when it still has the version the form was made from. */
enum api_admin_rc
api_admin_update(struct pg *pg, struct arena *ar, const struct actor *a,
    long long id, const struct api_client_in *in, struct api_client_errors *errs)
{
	struct api_client_rec old;
	char sid[24];
	const char *p[4];
	enum api_admin_rc rc;

	fields_check(in, 0, errs);
	admin_id_text(id, sid);
	if (tx_begin(pg, a) == -1)
		return API_ADMIN_ERROR;
	if ((rc = client_lock(pg, ar, sid, &old)) != API_ADMIN_OK)
		return tx_end(pg, rc);
	if (strcmp(old.kind, "cad") != 0)
		return tx_end(pg, API_ADMIN_WRONG_KIND);
	if (old.revoked)
		return tx_end(pg, API_ADMIN_REVOKED);
	if (in->version == NULL || strcmp(in->version, old.version) != 0)
		return tx_end(pg, API_ADMIN_STALE);
	if (mappings_check(pg, mappings_text(in), errs) == -1)
		return tx_end(pg, API_ADMIN_ERROR);
	if (errs->n > 0)
		return tx_end(pg, API_ADMIN_INVALID);
	p[0] = sid;
	p[1] = scopes_literal(in);
	p[2] = in->webhook_url != NULL ? in->webhook_url : "";
	p[3] = mappings_text(in);
	switch (admin_update_audited(pg, a, "api_client", id, stored_json(&old),
	    client_json(old.name, "cad", old.agency_code, in), NULL, "api_admin_update", 4, p)) {
	case ADMIN_OK:
		return tx_end(pg, API_ADMIN_OK);
	case ADMIN_UNCHANGED:
		return tx_end(pg, API_ADMIN_UNCHANGED);
	default:
		return tx_end(pg, API_ADMIN_ERROR);
	}
}

/* The audit row of a key change on the client. */
static int
key_audit(struct pg *pg, const struct actor *a, long long id, const char *action,
    struct json_object *after)
{
	int changed;

	return after == NULL ? -1 :
	    admin_change_audit(pg, a, "api_client", id, action, NULL, after, NULL, &changed);
}

/* A new key for a CAD client; its live keys end overlap_hours from now (0:
 * at once). API_ADMIN_OK with the new key in out. */
enum api_admin_rc
api_admin_rotate(struct pg *pg, const struct config *cfg, const struct actor *a,
    long long id, int overlap_hours, struct api_client_errors *errs,
    struct api_new_secret *out)
{
	struct arena *ar;
	struct api_client_rec c;
	struct json_object *after, *ended;
	char sid[24], hours[16];
	const char *p[2] = { sid, hours };
	enum api_admin_rc rc;
	PGresult *res;
	int i;

	memset(out, 0, sizeof(*out));
	if (overlap_hours < 0 || overlap_hours > API_OVERLAP_MAX) {
		bad(errs, "overlap", "Enter the overlap as a whole number of hours "
		    "from 0 to 720");
		return API_ADMIN_INVALID;
	}
	if ((ar = arena_new(4096)) == NULL)
		return API_ADMIN_ERROR;
	admin_id_text(id, sid);
	snprintf(hours, sizeof(hours), "%d", overlap_hours);
	if (tx_begin(pg, a) == -1) {
		arena_free(ar);
		return API_ADMIN_ERROR;
	}
	if ((rc = client_lock(pg, ar, sid, &c)) != API_ADMIN_OK)
		goto out;
	rc = strcmp(c.kind, "open311") == 0 ? API_ADMIN_WRONG_KIND :
	    c.revoked ? API_ADMIN_REVOKED : API_ADMIN_ERROR;
	if (rc != API_ADMIN_ERROR)
		goto out;
	if ((res = pg_exec(pg, "api_admin_keys_end", 2, p)) == NULL)
		goto out;
	ended = json_object_new_array();
	for (i = 0; i < PQntuples(res); i++)
		json_object_array_add(ended, json_object_new_string(PQgetvalue(res, i, 0)));
	if (PQntuples(res) > 0)
		snprintf(out->expires_old, sizeof(out->expires_old), "%s", PQgetvalue(res, 0, 1));
	PQclear(res);
	if (key_new(pg, cfg, a, id, out) == -1) {
		json_object_put(ended);
		goto out;
	}
	after = json_object_new_object();
	json_object_object_add(after, "key_id", json_object_new_string(out->key_id));
	json_object_object_add(after, "overlap_hours", json_object_new_int(overlap_hours));
	json_object_object_add(after, "ending", ended);
	if (key_audit(pg, a, id, "rotate_key", after) == 0)
		rc = API_ADMIN_OK;
out:
	arena_free(ar);
	if ((rc = tx_end(pg, rc)) != API_ADMIN_OK)
		OPENSSL_cleanse(out, sizeof(*out));
	return rc;
}

/* Revokes one key of a CAD client at once. */
enum api_admin_rc
api_admin_revoke_key(struct pg *pg, const struct actor *a, long long id,
    const char *key_id)
{
	char sid[24], by[24];
	const char *p[3] = { sid, key_id, by };
	struct json_object *after;
	enum api_admin_rc rc = API_ADMIN_ERROR;
	PGresult *res;
	int rows;

	admin_id_text(id, sid);
	admin_id_text(a->user_id, by);
	if (tx_begin(pg, a) == -1)
		return API_ADMIN_ERROR;
	if ((res = pg_exec(pg, "api_admin_key_revoke", 3, p)) == NULL)
		return tx_end(pg, API_ADMIN_ERROR);
	rows = PQntuples(res);
	PQclear(res);
	if (rows == 0) {
		if ((res = pg_exec(pg, "api_admin_key_exists", 2, p)) == NULL)
			return tx_end(pg, API_ADMIN_ERROR);
		rc = PQntuples(res) > 0 ? API_ADMIN_REVOKED : API_ADMIN_NOT_FOUND;
		PQclear(res);
		return tx_end(pg, rc);
	}
	after = json_object_new_object();
	json_object_object_add(after, "key_id", json_object_new_string(key_id));
	if (key_audit(pg, a, id, "revoke_key", after) == 0)
		rc = API_ADMIN_OK;
	return tx_end(pg, rc);
}

/* Revokes a CAD client (its keys and its service account with it) or
 * deactivates an Open311 one: nothing it sends is accepted any more. */
enum api_admin_rc
api_admin_revoke(struct pg *pg, const struct actor *a, long long id)
{
	struct arena *ar;
	struct api_client_rec c;
	struct json_object *after;
	char sid[24], by[24];
	const char *p[2] = { sid, by };
	enum api_admin_rc rc;

	if ((ar = arena_new(4096)) == NULL)
		return API_ADMIN_ERROR;
	admin_id_text(id, sid);
	admin_id_text(a->user_id, by);
	if (tx_begin(pg, a) == -1) {
		arena_free(ar);
		return API_ADMIN_ERROR;
	}
	if ((rc = client_lock(pg, ar, sid, &c)) != API_ADMIN_OK)
		goto out;
	rc = API_ADMIN_REVOKED;
	if (c.revoked)
		goto out;
	rc = API_ADMIN_ERROR;
	if (pg_exec_ok(pg, "api_admin_client_revoke", 1, p) == -1 ||
	    pg_exec_ok(pg, "api_admin_keys_revoke", 2, p) == -1 ||
	    pg_exec_ok(pg, "api_admin_user_disable", 1, p) == -1)
		goto out;
	after = json_object_new_object();
	json_object_object_add(after, "revoked", json_object_new_boolean(1));
	if (key_audit(pg, a, id, "revoke", after) == 0)
		rc = API_ADMIN_OK;
out:
	arena_free(ar);
	return tx_end(pg, rc);
}
