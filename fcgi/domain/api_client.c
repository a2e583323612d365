/* Finding the CAD client a request's key names. Keys and clients are read
 * by the web role directly: they hold no secret (auth/api_sign.h). */
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>
#include <openssl/crypto.h>

#include "auth/api_sign.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/hex.h"
#include "core/log.h"
#include "domain/admin.h"
#include "domain/api_client.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "api_caller_find",
	  "SELECT c.id, k.id, c.name, k.key_id, k.salt, k.secret_hash, "
	  "CASE WHEN k.revoked_at IS NOT NULL OR c.revoked_at IS NOT NULL "
	  "OR NOT c.active OR NOT a.active THEN 'revoked' "
	  "WHEN k.expires_at IS NOT NULL AND k.expires_at <= now() THEN 'expired' "
	  "ELSE 'live' END, c.agency_id, c.user_id, a.core_partner, c.scopes, "
	  "coalesce(c.webhook_url, ''), c.mappings::text "
	  "FROM api_key k JOIN api_client c ON c.id = k.client_id "
	  "JOIN agency a ON a.id = c.agency_id "
	  "WHERE k.key_id = $1 AND c.kind = $2" },
	{ "api_key_used",
	  "UPDATE api_key SET last_used_at = now() WHERE id = $1::bigint "
	  "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')" },
};

const struct pg_stmts api_caller_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Whether the text[] literal ({a,b}) holds word. Scopes are plain words:
 * Postgres writes them unquoted. */
static int
array_has(const char *pg_array, const char *word)
{
	size_t n = strlen(word);
	const char *s;

	for (s = pg_array; (s = strstr(s, word)) != NULL; s += n)
		if ((s[-1] == '{' || s[-1] == ',') && (s[n] == ',' || s[n] == '}'))
			return 1;
	return 0;
}

int
api_scopes_have(const char *pg_array, const char *word)
{
	return pg_array != NULL && *pg_array == '{' && array_has(pg_array, word);
}

perm_set
api_scopes_perms(const char *pg_array)
{
	perm_set p = 0;

	if (pg_array == NULL || *pg_array != '{')
		return 0;
	if (array_has(pg_array, API_SCOPE_READ))
		p |= PERM_BIT(PERM_INCIDENT_VIEW) | PERM_BIT(PERM_PERSON_VIEW);
	if (array_has(pg_array, API_SCOPE_WRITE))
		p |= PERM_BIT(PERM_INCIDENT_CREATE) | PERM_BIT(PERM_INCIDENT_UPDATE);
	return p;
}

int
api_caller_find(struct pg *pg, struct arena *ar, const char *key_id, struct api_caller *c)
{
	return api_caller_find_kind(pg, ar, key_id, "cad", c);
}

int
api_caller_find_kind(struct pg *pg, struct arena *ar, const char *key_id,
    const char *kind, struct api_caller *c)
{
	const char *p[2] = { key_id, kind };
	const char *state;
	PGresult *res;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if ((res = pg_exec(pg, "api_caller_find", 2, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1)
		goto out;
	c->client_id = admin_col_id(res, 0, 0);
	c->key_row = admin_col_id(res, 0, 1);
	c->name = admin_col(ar, res, 0, 2);
	c->key_id = admin_col(ar, res, 0, 3);
	c->salt = admin_col(ar, res, 0, 4);
	c->secret_hash = admin_col(ar, res, 0, 5);
	state = PQgetvalue(res, 0, 6);
	c->state = strcmp(state, "live") == 0 ? API_KEY_LIVE :
	    strcmp(state, "expired") == 0 ? API_KEY_EXPIRED : API_KEY_REVOKED;
	c->agency_id = admin_col_id(res, 0, 7);
	c->user_id = admin_col_id(res, 0, 8);
	c->core_partner = PQgetvalue(res, 0, 9)[0] == 't';
	c->perms = api_scopes_perms(PQgetvalue(res, 0, 10));
	c->scopes = admin_col(ar, res, 0, 10);
	c->webhook_url = *PQgetvalue(res, 0, 11) ? admin_col(ar, res, 0, 11) : NULL;
	c->mappings = admin_col(ar, res, 0, 12);
	rc = c->name != NULL && c->key_id != NULL && c->salt != NULL &&
	    c->secret_hash != NULL && c->mappings != NULL && c->scopes != NULL ? 1 : -1;
out:
	PQclear(res);
	return rc;
}

int
api_key_used(struct pg *pg, const struct api_caller *c)
{
	char id[24];
	const char *p[1] = { id };

	snprintf(id, sizeof(id), "%lld", c->key_row);
	return pg_exec_ok(pg, "api_key_used", 1, p);
}

/* The server's API key file, read once a process. */
static unsigned char master[API_MASTER_MAX];
static size_t master_len;

int
api_master_get(const struct config *cfg, const unsigned char **key, size_t *len)
{
	char err[512];

	if (master_len == 0 && api_master_load(cfg->api_key_file, master,
	    &master_len, err, sizeof(err)) == -1) {
		master_len = 0;
		log_error("API key file: %s", err);
		return -1;
	}
	*key = master;
	*len = master_len;
	return 0;
}

int
api_secret_of(const struct config *cfg, const struct api_caller *c, char *secret)
{
	const unsigned char *key;
	size_t len;
	char hash[65];

	if (api_master_get(cfg, &key, &len) == -1 ||
	    api_secret_derive(key, len, c->key_id, c->salt, secret) == -1)
		return -1;
	/* A key made with another key file cannot be checked: say so in the
	 * log rather than refuse every request as a bad signature. */
	if (sha256_hex(secret, strlen(secret), hash) == -1 ||
	    strcmp(hash, c->secret_hash) != 0) {
		OPENSSL_cleanse(secret, API_SECRET_LEN + 1);
		log_error("API key %s was made with another API key file", c->key_id);
		return -1;
	}
	return 0;
}
