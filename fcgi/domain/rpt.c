/* The partnership's pseudonym key, for the reporting views' pseudonyms.
 * Read once per process: the key changes only when the partnership
 * replaces the file, which changes every pseudonym, and a restart goes
 * with that. */
#include <string.h>

#include <openssl/crypto.h>

#include "auth/api_sign.h"
#include "core/hex.h"
#include "core/log.h"
#include "domain/rpt.h"

static const struct pg_stmt stmts[] = {
	{ "rpt_pseudonym_key",
	  "SELECT set_config('concord.pseudonym_key', $1, true)" },
};

const struct pg_stmts rpt_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static char key_hex[2 * API_MASTER_MAX + 1];

static int
key_load(const struct config *cfg)
{
	unsigned char raw[API_MASTER_MAX];
	char err[256];
	size_t n;

	if (key_hex[0] != '\0')
		return 0;
	if (api_master_load(cfg->pseudonym_key_file, raw, &n, err,
	    sizeof(err)) == -1) {
		log_error("pseudonym key: %s", err);
		return -1;
	}
	hex_encode(raw, n, key_hex);
	OPENSSL_cleanse(raw, sizeof(raw));
	return 0;
}

int
rpt_pseudonym_begin(struct pg *pg, const struct config *cfg)
{
	const char *p[1] = { key_hex };

	if (key_load(cfg) == -1)
		return -1;
	return pg_exec_ok(pg, "rpt_pseudonym_key", 1, p);
}
