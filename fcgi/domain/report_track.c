/* A report's tracking page, which anyone with the reference and its
 * tracking token may read (README "Tracking"): the token is stored only
 * as its SHA-256, and a wrong reference and a wrong token get the same
 * answer. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/hex.h"
#include "domain/actor.h"
#include "domain/report.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "report_tracking",
	  "SELECT reference, type, status, reported FROM report_tracking($1, $2)" },
	{ "report_tracking_updates",
	  "SELECT at, text FROM report_tracking_updates($1, $2)" },
	{ "report_tracking_summary",
	  "SELECT coalesce(occurred, ''), how_often, times_of_day, place "
	  "FROM report_tracking_summary($1, $2)" },
	{ "report_diary_of",
	  "SELECT occurred, what_happened, impact, files FROM report_diary_of($1, $2)" },
	{ "report_tracking_cases",
	  "SELECT closed_on, reason FROM report_tracking_cases($1, $2)" },
};

const struct pg_stmts report_track_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* A tracking token made by the caller: 64 lower-case hex digits. */
int
report_token_given(const char *t)
{
	size_t i;

	if (t == NULL || strlen(t) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
}

/* Whether token is the tracking token of the report `reference`, inside
 * the caller's transaction: 1, 0, or -1 on error. */
int
report_token_is(struct pg *pg, const char *reference, const char *token)
{
	char hash[65];
	const char *p[2] = { reference, hash };
	PGresult *res;
	int is;

	if (!report_token_given(token) || sha256_hex(token, 64, hash) == -1)
		return 0;
	if ((res = pg_exec(pg, "report_tracking", 2, p)) == NULL)
		return -1;
	is = PQntuples(res) == 1;
	PQclear(res);
	return is;
}

/* What was reported, into st (report_tracking_summary). 0 or -1. */
static int
summary_read(struct pg *pg, struct arena *ar, const char *p[2], struct report_status *st)
{
	PGresult *res;

	if ((res = pg_exec(pg, "report_tracking_summary", 2, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		st->occurred = arena_strdup(ar, PQgetvalue(res, 0, 0));
		st->how_often = arena_strdup(ar, PQgetvalue(res, 0, 1));
		st->times_of_day = arena_strdup(ar, PQgetvalue(res, 0, 2));
		st->place = arena_strdup(ar, PQgetvalue(res, 0, 3));
	}
	PQclear(res);
	return 0;
}

/* The report's diary entries, into st (report_diary_of). 0 or -1. */
static int
diary_read(struct pg *pg, struct arena *ar, const char *p[2], struct report_status *st)
{
	PGresult *res;
	int i, n;

	if ((res = pg_exec(pg, "report_diary_of", 2, p)) == NULL)
		return -1;
	n = PQntuples(res);
	st->diary = arena_calloc(ar, (size_t)n + 1, sizeof(*st->diary));
	for (i = 0; st->diary != NULL && i < n; i++) {
		st->diary[i].when = arena_strdup(ar, PQgetvalue(res, i, 0));
		st->diary[i].what = arena_strdup(ar, PQgetvalue(res, i, 1));
		st->diary[i].impact = arena_strdup(ar, PQgetvalue(res, i, 2));
		st->diary[i].files = arena_strdup(ar, PQgetvalue(res, i, 3));
	}
	st->ndiary = st->diary != NULL ? (size_t)n : 0;
	PQclear(res);
	return 0;
}

/* The closed monitored cases the reporter is a victim on. 0 or -1. */
static int
cases_read(struct pg *pg, struct arena *ar, const char *p[2], struct report_status *st)
{
	PGresult *res;
	int i, n;

	if ((res = pg_exec(pg, "report_tracking_cases", 2, p)) == NULL)
		return -1;
	n = PQntuples(res);
	st->cases = arena_calloc(ar, (size_t)n + 1, sizeof(*st->cases));
	for (i = 0; st->cases != NULL && i < n; i++) {
		st->cases[i].closed_on = arena_strdup(ar, PQgetvalue(res, i, 0));
		st->cases[i].reason = arena_strdup(ar, PQgetvalue(res, i, 1));
	}
	st->ncases = st->cases != NULL ? (size_t)n : 0;
	PQclear(res);
	return 0;
}

/* The tracking page's view of a report: 1 found, 0 when the reference or
 * token is wrong (the same answer for both), -1 on error. */
int
report_track(struct pg *pg, struct arena *ar, const char *reference,
    const char *token, struct report_status *st)
{
	char hash[65];
	const char *p[2] = { reference, hash };
	struct actor public = { .request_id = NULL };
	PGresult *res;
	int i, n;

	memset(st, 0, sizeof(*st));
	if (strlen(token) != 64 || sha256_hex(token, 64, hash) == -1)
		return 0;
	if (tx_begin(pg, &public) == -1)
		return -1;
	if ((res = pg_exec(pg, "report_tracking", 2, p)) == NULL)
		goto err;
	if (PQntuples(res) != 1) {
		PQclear(res);
		pg_rollback(pg);
		return 0;
	}
	st->reference = arena_strdup(ar, PQgetvalue(res, 0, 0));
	st->type = arena_strdup(ar, PQgetvalue(res, 0, 1));
	st->status = arena_strdup(ar, PQgetvalue(res, 0, 2));
	st->reported = arena_strdup(ar, PQgetvalue(res, 0, 3));
	PQclear(res);
	if ((res = pg_exec(pg, "report_tracking_updates", 2, p)) == NULL)
		goto err;
	n = PQntuples(res);
	st->updates = arena_calloc(ar, (size_t)n + 1, sizeof(*st->updates));
	for (i = 0; st->updates != NULL && i < n; i++) {
		st->updates[i].when = arena_strdup(ar, PQgetvalue(res, i, 0));
		st->updates[i].text = arena_strdup(ar, PQgetvalue(res, i, 1));
	}
	st->nupdates = st->updates ? (size_t)n : 0;
	PQclear(res);
	if (summary_read(pg, ar, p, st) == -1 || diary_read(pg, ar, p, st) == -1 ||
	    cases_read(pg, ar, p, st) == -1)
		goto err;
	pg_rollback(pg);
	return 1;
err:
	pg_rollback(pg);
	return -1;
}
