/* concordctl audit verify and audit head: check the audit trail's hash
 * chains, and print where each chain ends.
 *
 * Every audit_event row belongs to one of a few chains (chain, seq), and
 * its hash is SHA-256(prev_hash || canonical text of the row), prev_hash
 * being the hash of the row before it in the chain (32 zero bytes for seq
 * 1): see sql/migrations/0007_audit_chain.sql. verify recomputes each hash
 * here, with OpenSSL, rather than trusting the database to check itself:
 * it reads each row's raw columns (in binary, so that no time zone, date
 * style or client encoding can change them) and builds the canonical text
 * in C (audit_canonical.c). It calls no function of the schema — not
 * audit_event_canonical(), which the writer's trigger uses — so a
 * superuser who replaces that function to hide an edit is still found.
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
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <openssl/evp.h>

#include "core/buf.h"
#include "core/config.h"
#include "ctl/audit_canonical.h"
#include "ctl/ctl.h"

#define AUDIT_PAGE_N	1000	/* rows per query */
#define STR(x)		STR_(x)
#define STR_(x)		#x
#define AUDIT_PAGE	STR(AUDIT_PAGE_N)
#define HASH_LEN	32

/* The raw columns, in binary: chain int2, seq int8, id int8, prev_hash,
 * hash, at (timestamptz: int8 microseconds since 2000-01-01 UTC), actor_id
 * and agency_id int8, then texts and the two jsonb (a version byte, 1,
 * then jsonb's text). Qualified by schema, and the session's search_path
 * is pg_catalog only, so nothing of the schema's own can stand in. */
#define AUDIT_COLUMNS \
	"SELECT chain, seq, id, prev_hash, hash, at, actor_id, agency_id, " \
	"entity, entity_id, action, before, after, reason, request_id, " \
	"client_addr FROM public.audit_event e "
static const char sql_first[] =
	AUDIT_COLUMNS "ORDER BY chain, seq LIMIT " AUDIT_PAGE;
static const char sql_next[] =
	AUDIT_COLUMNS "WHERE (chain, seq) > ($1::pg_catalog.int2, $2::pg_catalog.int8) "
	"ORDER BY chain, seq LIMIT " AUDIT_PAGE;

/* Column numbers in AUDIT_COLUMNS, and the type each must have (pg_type
 * oids, which are fixed for built-in types). */
enum { C_CHAIN, C_SEQ, C_ID, C_PREV, C_HASH, C_AT, C_ACTOR, C_AGENCY,
	C_ENTITY, C_ENTITY_ID, C_ACTION, C_BEFORE, C_AFTER, C_REASON,
	C_REQUEST, C_CLIENT, C__N };
#define OID_BYTEA	17
#define OID_INT8	20
#define OID_INT2	21
#define OID_TEXT	25
#define OID_TIMESTAMPTZ	1184
#define OID_JSONB	3802
static const unsigned int column_type[C__N] = {
	OID_INT2, OID_INT8, OID_INT8, OID_BYTEA, OID_BYTEA, OID_TIMESTAMPTZ,
	OID_INT8, OID_INT8, OID_TEXT, OID_TEXT, OID_TEXT, OID_JSONB, OID_JSONB,
	OID_TEXT, OID_TEXT, OID_TEXT,
};

/* 2000-01-01 00:00 UTC, PostgreSQL's epoch, in Unix microseconds. */
#define PG_EPOCH_US	946684800000000LL

/* The last row of each chain. The recursive part finds the chains through
 * the (chain, seq) index without reading every row. */
static const char sql_head[] =
	"WITH RECURSIVE c(chain) AS ("
	" SELECT min(chain) FROM public.audit_event"
	" UNION ALL"
	" SELECT (SELECT min(e.chain) FROM public.audit_event e WHERE e.chain > c.chain)"
	" FROM c WHERE c.chain IS NOT NULL) "
	"SELECT c.chain, h.seq, encode(h.hash, 'hex'),"
	" to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
	"FROM c CROSS JOIN LATERAL (SELECT e.seq, e.hash, e.at FROM public.audit_event e"
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
	struct buf		 text;		/* the row's canonical text */
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
	PGresult *res = NULL;
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
	/* Texts arrive as UTF-8, the encoding the hash covers; and only
	 * PostgreSQL's own functions and types resolve unqualified. */
	if (PQsetClientEncoding(conn, "UTF8") != 0 ||
	    (res = PQexec(conn, "SET search_path = pg_catalog")) == NULL ||
	    PQresultStatus(res) != PGRES_COMMAND_OK) {
		fprintf(stderr, "concordctl: db_admin: %s", PQerrorMessage(conn));
		PQclear(res);
		PQfinish(conn);
		return NULL;
	}
	PQclear(res);
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

/* True when the result has AUDIT_COLUMNS' columns, with their types, in
 * binary: otherwise the bytes below would be misread. */
static int
columns_ok(const PGresult *res)
{
	int c;

	if (PQnfields(res) != C__N)
		return 0;
	for (c = 0; c < C__N; c++)
		if (PQftype(res, c) != column_type[c] || PQfformat(res, c) != 1)
			return 0;
	return 1;
}

/* An integer column of row i (*v), or 0 when it is NULL; -1 when it has
 * not the width of its type. */
static int
int_col(const PGresult *res, int i, int col, long long *v)
{
	int len = column_type[col] == OID_INT2 ? 2 : 8;

	if (PQgetisnull(res, i, col))
		return 0;
	if (PQgetlength(res, i, col) != len)
		return -1;
	*v = be_int(PQgetvalue(res, i, col), len);
	return 1;
}

/* A text or jsonb column of row i; a jsonb's version byte (1, the only
 * one there is) is checked and left out. Returns 0, or -1 when the
 * version is not 1. */
static int
text_col(const PGresult *res, int i, int col, struct audit_text *t)
{
	t->s = NULL;
	t->len = 0;
	if (PQgetisnull(res, i, col))
		return 0;
	t->s = PQgetvalue(res, i, col);
	t->len = (size_t)PQgetlength(res, i, col);
	if (column_type[col] != OID_JSONB)
		return 0;
	if (t->len < 1 || t->s[0] != 1)
		return -1;
	t->s++;
	t->len--;
	return 0;
}

/* Reads row i's raw columns; actor and agency hold the two ids row points
 * to. Returns 0, or -1 after printing what was unexpected. */
static int
row_read(const PGresult *res, int i, struct audit_row *row, long long *actor,
    long long *agency)
{
	static const int texts[] = { C_ENTITY, C_ENTITY_ID, C_ACTION, C_BEFORE,
	    C_AFTER, C_REASON, C_REQUEST, C_CLIENT };
	struct audit_text *dst[] = { &row->entity, &row->entity_id, &row->action,
	    &row->before, &row->after, &row->reason, &row->request_id,
	    &row->client_addr };
	long long at;
	int r, k;
	size_t j;

	memset(row, 0, sizeof(*row));
	if (int_col(res, i, C_CHAIN, &row->chain) != 1 ||
	    int_col(res, i, C_SEQ, &row->seq) != 1 ||
	    int_col(res, i, C_ID, &row->id) != 1 ||
	    PQgetisnull(res, i, C_AT) || PQgetlength(res, i, C_AT) != 8)
		goto bad;
	/* Infinite or out-of-range times cannot be what the trigger wrote. */
	at = be_int(PQgetvalue(res, i, C_AT), 8);
	if (at > LLONG_MAX - PG_EPOCH_US || at < LLONG_MIN + PG_EPOCH_US)
		goto bad;
	row->at_us = at + PG_EPOCH_US;
	if ((r = int_col(res, i, C_ACTOR, actor)) == -1)
		goto bad;
	row->actor_id = r == 1 ? actor : NULL;
	if ((k = int_col(res, i, C_AGENCY, agency)) == -1)
		goto bad;
	row->agency_id = k == 1 ? agency : NULL;
	for (j = 0; j < sizeof(texts) / sizeof(texts[0]); j++)
		if (text_col(res, i, texts[j], dst[j]) == -1)
			goto bad;
	return 0;
bad:
	fprintf(stderr, "concordctl: audit: row %d of a page: unexpected values\n", i);
	return -1;
}

/* Checks row i against the chain so far and advances the walk. Returns 0
 * when it holds, 1 after printing how the chain is broken there, -1 on a
 * row that cannot be read or an OpenSSL failure. */
static int
walk_row(struct walk *w, const PGresult *res, int i)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	struct audit_row row;
	long long actor, agency;
	int chain;
	long long seq, id;

	if (row_read(res, i, &row, &actor, &agency) == -1)
		return -1;
	chain = (int)row.chain;
	seq = row.seq;
	id = row.id;
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
	if (!hash_equal(res, i, C_PREV, w->hash)) {
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
	if (audit_canonical(&w->text, &row) == -1) {
		fprintf(stderr, "concordctl: out of memory\n");
		return -1;
	}
	if (EVP_DigestInit_ex(w->md, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(w->md, w->hash, HASH_LEN) != 1 ||
	    EVP_DigestUpdate(w->md, w->text.data, w->text.len) != 1 ||
	    EVP_DigestFinal_ex(w->md, md, &mdlen) != 1 || mdlen != HASH_LEN) {
		fprintf(stderr, "concordctl: audit: SHA-256 failed\n");
		return -1;
	}
	if (!hash_equal(res, i, C_HASH, md)) {
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
		if (!columns_ok(res)) {
			fprintf(stderr, "concordctl: audit: audit_event has not "
			    "the columns this version knows\n");
			goto out;
		}
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
	buf_free(&w.text);
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
