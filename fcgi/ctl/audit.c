/* concordctl audit verify and audit head: check the audit trail's hash
 * chains, and print where each chain ends.
 *
 * Every audit_event row belongs to one of a few chains (chain, seq), and
 * its hash is SHA-256(prev_hash || canonical text of the row), prev_hash
 * being the hash of the row before it in the chain (32 zero bytes for seq
 * 1): see sql/migrations/0007_audit_chain.sql. verify recomputes each hash
 * here, with OpenSSL, rather than trusting the database to check itself.
 *
 * What the chains show, and what they cannot: a row changed, removed from
 * the middle of a chain or slipped in breaks the chain at that row. Rows
 * removed from the END of a chain leave a shorter chain that is intact, and
 * someone able to rewrite the table could recompute every hash after the
 * row they changed. Both are detectable only against heads recorded
 * elsewhere: "audit head" prints each chain's last seq and hash for an
 * operator to keep outside the database (a ticket, a signed email, another
 * system) and compare later — the seq recorded must still be there with the
 * same hash.
 *
 * This talks to libpq directly, like migrate.c: it runs as db_admin (which
 * sees every row whatever row-level security hides from the application)
 * and reads rows in binary, a page at a time, so a large table is never
 * held in memory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <openssl/evp.h>

#include "core/config.h"
#include "ctl/ctl.h"

#define AUDIT_PAGE_N	1000	/* rows per query */
#define STR(x)		STR_(x)
#define STR_(x)		#x
#define AUDIT_PAGE	STR(AUDIT_PAGE_N)
#define HASH_LEN	32

/* Columns: chain int2, seq int8, id int8, prev_hash, hash, canonical text
 * as UTF-8 bytes (bytea, so the client encoding cannot change them). */
#define AUDIT_COLUMNS \
	"SELECT chain, seq, id, prev_hash, hash, " \
	"convert_to(audit_event_canonical(e), 'UTF8') FROM audit_event e "
static const char sql_first[] =
	AUDIT_COLUMNS "ORDER BY chain, seq LIMIT " AUDIT_PAGE;
static const char sql_next[] =
	AUDIT_COLUMNS "WHERE (chain, seq) > ($1::smallint, $2::bigint) "
	"ORDER BY chain, seq LIMIT " AUDIT_PAGE;

/* The last row of each chain. The recursive part finds the chains through
 * the (chain, seq) index without reading every row. */
static const char sql_head[] =
	"WITH RECURSIVE c(chain) AS ("
	" SELECT min(chain) FROM audit_event"
	" UNION ALL"
	" SELECT (SELECT min(e.chain) FROM audit_event e WHERE e.chain > c.chain)"
	" FROM c WHERE c.chain IS NOT NULL) "
	"SELECT c.chain, h.seq, encode(h.hash, 'hex'),"
	" to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
	"FROM c CROSS JOIN LATERAL (SELECT e.seq, e.hash, e.at FROM audit_event e"
	" WHERE e.chain = c.chain ORDER BY e.seq DESC LIMIT 1) h "
	"ORDER BY c.chain";

/* Where the walk is: the chain being read and its last good row. */
struct walk {
	int			 chain;		/* -1 before the first row */
	long long		 seq;		/* last seq checked in it, 0: none */
	unsigned char		 hash[HASH_LEN];	/* that row's hash */
	long long		 events;
	long long		 chains;
	EVP_MD_CTX		*md;
};

/* Bad arguments: returns the exit status for them. */
static int
audit_usage(void)
{
	fprintf(stderr, "usage: concordctl audit verify | head\n");
	return 2;
}

/* Connects as the administrative role. Returns NULL after printing why. */
static PGconn *
audit_connect(const struct config *cfg)
{
	PGconn *conn;

	if (cfg->db_admin[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db_admin is not set\n", cfg->path);
		return NULL;
	}
	conn = PQconnectdb(cfg->db_admin);
	if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
		fprintf(stderr, "concordctl: db_admin: %s",
		    conn != NULL ? PQerrorMessage(conn) : "out of memory\n");
		PQfinish(conn);
		return NULL;
	}
	return conn;
}

/* Runs a query. Returns its rows, or NULL after printing the error. */
static PGresult *
audit_query(PGconn *conn, const char *sql, int n, const char *const *params,
    int binary)
{
	PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, binary);

	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		return res;
	fprintf(stderr, "concordctl: audit: %s", res != NULL ?
	    PQresultErrorMessage(res) : PQerrorMessage(conn));
	PQclear(res);
	return NULL;
}

/* A big-endian integer of the binary result format (int2 or int8). */
static long long
be_int(const char *p, int len)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < len; i++)
		v = v << 8 | (unsigned char)p[i];
	if (len == 2)
		return (int16_t)v;
	return (long long)(int64_t)v;
}

/* True when column col of row i is a 32-byte hash equal to want. */
static int
hash_equal(const PGresult *res, int i, int col, const unsigned char *want)
{
	return !PQgetisnull(res, i, col) && PQgetlength(res, i, col) == HASH_LEN &&
	    memcmp(PQgetvalue(res, i, col), want, HASH_LEN) == 0;
}

/* Checks row i against the chain so far and advances the walk. Returns 0
 * when it holds, 1 after printing how the chain is broken there, -1 on an
 * OpenSSL failure. */
static int
walk_row(struct walk *w, const PGresult *res, int i)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int chain;
	long long seq, id;

	if (PQgetisnull(res, i, 0) || PQgetisnull(res, i, 1) ||
	    PQgetisnull(res, i, 2) || PQgetlength(res, i, 0) != 2 ||
	    PQgetlength(res, i, 1) != 8 || PQgetlength(res, i, 2) != 8) {
		fprintf(stderr, "concordctl: audit: unexpected column types\n");
		return -1;
	}
	chain = (int)be_int(PQgetvalue(res, i, 0), 2);
	seq = be_int(PQgetvalue(res, i, 1), 8);
	id = be_int(PQgetvalue(res, i, 2), 8);
	if (chain != w->chain) {
		w->chain = chain;
		w->seq = 0;
		memset(w->hash, 0, sizeof(w->hash));
		w->chains++;
	}
	if (seq != w->seq + 1) {
		if (w->seq == 0)
			printf("audit trail broken: chain %d, seq 1: missing "
			    "(the chain starts at seq %lld)\n", chain, seq);
		else
			printf("audit trail broken: chain %d, seq %lld: missing "
			    "(gap after seq %lld)\n", chain, w->seq + 1, w->seq);
		return 1;
	}
	if (!hash_equal(res, i, 3, w->hash)) {
		if (seq == 1)
			printf("audit trail broken: chain %d, seq 1 (id %lld): "
			    "prev_hash is not the 32 zero bytes that start a "
			    "chain\n", chain, id);
		else
			printf("audit trail broken: chain %d, seq %lld (id %lld): "
			    "prev_hash does not match seq %lld\n", chain, seq, id,
			    seq - 1);
		return 1;
	}
	if (EVP_DigestInit_ex(w->md, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(w->md, w->hash, HASH_LEN) != 1 ||
	    EVP_DigestUpdate(w->md, PQgetvalue(res, i, 5),
	    (size_t)PQgetlength(res, i, 5)) != 1 ||
	    EVP_DigestFinal_ex(w->md, md, &mdlen) != 1 || mdlen != HASH_LEN) {
		fprintf(stderr, "concordctl: audit: SHA-256 failed\n");
		return -1;
	}
	if (PQgetisnull(res, i, 5) || !hash_equal(res, i, 4, md)) {
		printf("audit trail broken: chain %d, seq %lld (id %lld): "
		    "hash does not match its content\n", chain, seq, id);
		return 1;
	}
	w->seq = seq;
	memcpy(w->hash, md, HASH_LEN);
	w->events++;
	return 0;
}

/* concordctl audit verify: walks every chain in order, a page at a time.
 * Pages are separate statements, not one long transaction: rows are only
 * ever appended, so a later page cannot disagree with an earlier one.
 * Returns 0 when intact, 1 at the first broken link, 2 when it could not
 * check. */
static int
audit_verify(PGconn *conn)
{
	struct walk w = { .chain = -1 };
	PGresult *res = NULL;
	const char *params[2];
	char chain[8], seq[24];
	int i, n, rc = 2, r;

	if ((w.md = EVP_MD_CTX_new()) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		return 2;
	}
	res = audit_query(conn, sql_first, 0, NULL, 1);
	for (;;) {
		if (res == NULL)
			goto out;
		n = PQntuples(res);
		for (i = 0; i < n; i++)
			if ((r = walk_row(&w, res, i)) != 0) {
				rc = r == 1 ? 1 : 2;
				goto out;
			}
		if (n < AUDIT_PAGE_N)
			break;
		snprintf(chain, sizeof(chain), "%d", w.chain);
		snprintf(seq, sizeof(seq), "%lld", w.seq);
		params[0] = chain;
		params[1] = seq;
		PQclear(res);
		res = audit_query(conn, sql_next, 2, params, 1);
	}
	printf("audit trail intact: %lld event%s in %lld chain%s\n", w.events,
	    w.events == 1 ? "" : "s", w.chains, w.chains == 1 ? "" : "s");
	rc = 0;
out:
	PQclear(res);
	EVP_MD_CTX_free(w.md);
	return rc;
}

/* concordctl audit head: one line per chain, "chain N seq N hash HEX at
 * TIME", to be kept outside the database (see the top of this file).
 * Returns 0, or 2 when it could not read them. */
static int
audit_head(PGconn *conn)
{
	PGresult *res;
	int i, n;

	if ((res = audit_query(conn, sql_head, 0, NULL, 0)) == NULL)
		return 2;
	n = PQntuples(res);
	if (n == 0)
		fprintf(stderr, "concordctl: no audit events yet\n");
	for (i = 0; i < n; i++)
		printf("chain %s seq %s hash %s at %s\n", PQgetvalue(res, i, 0),
		    PQgetvalue(res, i, 1), PQgetvalue(res, i, 2),
		    PQgetvalue(res, i, 3));
	PQclear(res);
	return 0;
}

/* concordctl audit verify | head. Exits 0; 1 when verify found the trail
 * broken; 2 for bad arguments or when the database could not be read. */
int
ctl_audit(const struct config *cfg, int argc, char *argv[])
{
	PGconn *conn;
	int rc;

	if (argc != 2 || (strcmp(argv[1], "verify") != 0 &&
	    strcmp(argv[1], "head") != 0))
		return audit_usage();
	if ((conn = audit_connect(cfg)) == NULL)
		return 2;
	if (strcmp(argv[1], "verify") == 0)
		rc = audit_verify(conn);
	else
		rc = audit_head(conn);
	PQfinish(conn);
	return rc;
}
