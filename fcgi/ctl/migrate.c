/* concordctl migrate and status: bring the schema up to the files in
 * $sql/migrations, or say how far it is.
 *
 * This talks to libpq directly rather than through store/pg.c: a migration
 * is arbitrary SQL (PQexec of the whole file), may take longer than the
 * application's statement timeout, and the statements below cannot be
 * prepared before schema_migrations exists. Every statement with values is
 * still parameterised. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/clock.h"
#include "core/config.h"
#include "ctl/ctl.h"

static const char sql_quiet[] = "SET client_min_messages = warning";
static const char sql_trylock[] =
	"SELECT pg_try_advisory_lock(hashtext('concord:migrate'))";
static const char sql_lock[] =
	"SELECT pg_advisory_lock(hashtext('concord:migrate'))";
static const char sql_create[] =
	"CREATE TABLE IF NOT EXISTS schema_migrations ("
	" version integer PRIMARY KEY,"
	" name text NOT NULL,"
	" checksum text NOT NULL,"
	" applied_at timestamptz NOT NULL DEFAULT now())";
static const char sql_exists[] =
	"SELECT to_regclass('schema_migrations') IS NOT NULL";
static const char sql_applied[] =
	"SELECT version, name, checksum,"
	" to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS\"Z\"')"
	" FROM schema_migrations ORDER BY version";
static const char sql_record[] =
	"INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)";

/* Runs one statement. Returns its result, or NULL after printing the error. */
static PGresult *
db_exec(PGconn *conn, const char *sql, int n, const char *const *params)
{
	PGresult *res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	fprintf(stderr, "concordctl: %s", res != NULL ?
	    PQresultErrorMessage(res) : PQerrorMessage(conn));
	PQclear(res);
	return NULL;
}

/* As db_exec, for statements whose result is not needed. Returns 0 or -1. */
static int
db_ok(PGconn *conn, const char *sql, int n, const char *const *params)
{
	PGresult *res = db_exec(conn, sql, n, params);

	PQclear(res);
	return res != NULL ? 0 : -1;
}

/* Connects as the administrative role. Returns NULL after printing why. */
static PGconn *
db_connect(const struct config *cfg)
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
	if (db_ok(conn, sql_quiet, 0, NULL) == -1) {
		PQfinish(conn);
		return NULL;
	}
	return conn;
}

/* Holds the migrate lock for the rest of the session, waiting (and saying
 * so) while another concordctl migrate has it. Returns 0 or -1. */
static int
db_lock(PGconn *conn)
{
	PGresult *res;
	int got;

	if ((res = db_exec(conn, sql_trylock, 0, NULL)) == NULL)
		return -1;
	got = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (got)
		return 0;
	printf("another migrate is running: waiting for it\n");
	fflush(stdout);
	return db_ok(conn, sql_lock, 0, NULL);
}

/* Reads schema_migrations, or nothing when it does not exist yet.
 * Returns -1 after printing the error. */
static int
applied_read(PGconn *conn, struct applied **out, size_t *nout)
{
	PGresult *res;
	struct applied *rows;
	int i, n, exists;

	*out = NULL;
	*nout = 0;
	if ((res = db_exec(conn, sql_exists, 0, NULL)) == NULL)
		return -1;
	exists = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!exists)
		return 0;
	if ((res = db_exec(conn, sql_applied, 0, NULL)) == NULL)
		return -1;
	n = PQntuples(res);
	if ((rows = calloc((size_t)n + 1, sizeof(*rows))) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		PQclear(res);
		return -1;
	}
	for (i = 0; i < n; i++) {
		rows[i].version = atoi(PQgetvalue(res, i, 0));
		snprintf(rows[i].name, sizeof(rows[i].name), "%s", PQgetvalue(res, i, 1));
		snprintf(rows[i].checksum, sizeof(rows[i].checksum), "%s",
		    PQgetvalue(res, i, 2));
		snprintf(rows[i].at, sizeof(rows[i].at), "%s", PQgetvalue(res, i, 3));
	}
	PQclear(res);
	*out = rows;
	*nout = (size_t)n;
	return 0;
}

/* The line of text at which a 1-based character position falls. */
static int
text_line(const char *text, long pos)
{
	const unsigned char *p;
	int line = 1;
	long chars = 0;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if ((*p & 0xc0) != 0x80 && ++chars >= pos)
			break;
		if (*p == '\n')
			line++;
	}
	return line;
}

/* Prints why a migration failed, with the line of the file when known. */
static void
apply_error(const struct migration *m, const PGresult *res, PGconn *conn)
{
	const char *pos = res != NULL ?
	    PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : NULL;

	if (pos != NULL)
		fprintf(stderr, "concordctl: %s, line %d: ", m->file,
		    text_line(m->text, atol(pos)));
	else
		fprintf(stderr, "concordctl: %s: ", m->file);
	fprintf(stderr, "%s", res != NULL ? PQresultErrorMessage(res) :
	    PQerrorMessage(conn));
}

/* Applies one migration and records it, in one transaction: all of it or
 * none. Returns 0, or -1 after printing why (rolled back). */
static int
migration_apply(PGconn *conn, const struct migration *m)
{
	PGresult *res;
	ExecStatusType st;
	const char *params[3];
	char version[16];

	if (db_ok(conn, "BEGIN", 0, NULL) == -1)
		return -1;
	res = PQexec(conn, m->text);
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_EMPTY_QUERY) {
		apply_error(m, res, conn);
		PQclear(res);
		goto err;
	}
	PQclear(res);
	snprintf(version, sizeof(version), "%d", m->version);
	params[0] = version;
	params[1] = m->name;
	params[2] = m->checksum;
	if (db_ok(conn, sql_record, 3, params) == -1 ||
	    db_ok(conn, "COMMIT", 0, NULL) == -1)
		goto err;
	return 0;
err:
	PQclear(PQexec(conn, "ROLLBACK"));
	return -1;
}

/* Everything both commands start with: the files, the applied rows and
 * whether they agree. Returns 0, or -1 after printing the problem. */
static int
plan_read(PGconn *conn, const struct config *cfg, struct migration **files,
    size_t *nfiles, struct applied **rows, size_t *nrows, size_t *pending)
{
	char dir[PATH_MAX + 16], err[PATH_MAX * 2 + 256];

	*files = NULL;
	*rows = NULL;
	*nfiles = *nrows = 0;
	snprintf(dir, sizeof(dir), "%s/migrations", cfg->sql);
	if (applied_read(conn, rows, nrows) == -1)
		return -1;
	if (migrations_read(dir, files, nfiles, err, sizeof(err)) == -1 ||
	    migrations_check(*files, *nfiles, *rows, *nrows, pending,
	    err, sizeof(err)) == -1) {
		fprintf(stderr, "concordctl: %s\n", err);
		return -1;
	}
	return 0;
}

/* concordctl migrate: applies each new migration in its own transaction,
 * after checking that every applied one is unchanged. */
int
ctl_migrate(const struct config *cfg, int argc, char *argv[])
{
	struct migration *files = NULL;
	struct applied *rows = NULL;
	size_t nfiles = 0, nrows = 0, pending, i;
	PGconn *conn;
	double t0;
	int rc = 1, version;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: concordctl migrate\n");
		return 2;
	}
	if ((conn = db_connect(cfg)) == NULL)
		return 1;
	if (db_lock(conn) == -1 || db_ok(conn, sql_create, 0, NULL) == -1 ||
	    plan_read(conn, cfg, &files, &nfiles, &rows, &nrows, &pending) == -1)
		goto out;
	version = nrows > 0 ? rows[nrows - 1].version : 0;
	if (pending == nfiles) {
		printf("schema up to date (version %d)\n", version);
		rc = 0;
		goto out;
	}
	for (i = pending; i < nfiles; i++) {
		t0 = clock_ms();
		if (migration_apply(conn, &files[i]) == -1) {
			fprintf(stderr, "concordctl: schema left at version %d\n", version);
			goto out;
		}
		version = files[i].version;
		printf("applied %04d_%s.sql (%.0f ms)\n", files[i].version,
		    files[i].name, clock_ms() - t0);
	}
	printf("schema now at version %d\n", version);
	rc = 0;
out:
	migrations_free(files, nfiles);
	free(rows);
	PQfinish(conn);
	return rc;
}

/* concordctl status: the applied version and what is pending; exits 1 when
 * the files and the database disagree. */
int
ctl_status(const struct config *cfg, int argc, char *argv[])
{
	struct migration *files = NULL;
	struct applied *rows = NULL;
	size_t nfiles = 0, nrows = 0, pending, i;
	PGconn *conn;
	int rc = 1;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: concordctl status\n");
		return 2;
	}
	if ((conn = db_connect(cfg)) == NULL)
		return 1;
	if (plan_read(conn, cfg, &files, &nfiles, &rows, &nrows, &pending) == -1)
		goto out;
	if (nrows == 0)
		printf("schema version 0 (no migrations applied)\n");
	else
		printf("schema version %d (%04d_%s.sql, applied %s)\n",
		    rows[nrows - 1].version, rows[nrows - 1].version,
		    rows[nrows - 1].name, rows[nrows - 1].at);
	if (pending == nfiles)
		printf("no pending migrations\n");
	for (i = pending; i < nfiles; i++)
		printf("pending: %04d_%s.sql\n", files[i].version, files[i].name);
	rc = 0;
out:
	migrations_free(files, nfiles);
	free(rows);
	PQfinish(conn);
	return rc;
}
