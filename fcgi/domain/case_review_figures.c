/* The ASB Case Review's annual figures: the applications of a financial
 * year as sql/migrations/0055's case_review_figures gives them (every
 * agency's, numbers and references only), tallied here so that each
 * number is exactly the length of the list behind it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case_review_figures.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "crf_years",
	  "SELECT coalesce(case_review_first_year(), 0), extract(year FROM "
	  "(now() AT TIME ZONE 'Europe/London') - interval '3 months')::integer" },
	{ "crf_rows",
	  "SELECT agency_id, agency_name, coalesce(application_id, 0), "
	  "coalesce(reference, ''), coalesce(to_char(received_at AT TIME ZONE "
	  "'Europe/London', 'FMDD FMMonth YYYY'), ''), coalesce(status, ''), "
	  "review_held_at IS NOT NULL, coalesce(recommendations, false), "
	  "received, not_met, reviewed, recommended "
	  "FROM case_review_figures($1::integer)" },
};

const struct pg_stmts case_review_figures_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static const struct {
	const char *code, *name;
} measures[CRF_MEASURES] = {
	[CRF_RECEIVED] = { "received", "Applications received" },
	[CRF_NOT_MET] = { "not-met", "Threshold not met" },
	[CRF_REVIEWED] = { "reviewed", "Reviews carried out" },
	[CRF_RECOMMENDED] = { "recommendations", "Reviews that led to recommendations" },
};

const char *
crf_measure_code(enum crf_measure m)
{
	return (unsigned)m < CRF_MEASURES ? measures[m].code : "";
}

const char *
crf_measure_name(enum crf_measure m)
{
	return (unsigned)m < CRF_MEASURES ? measures[m].name : "";
}

/* The measure a link's code names, or -1. */
int
crf_measure_parse(const char *code)
{
	int m;

	for (m = 0; code != NULL && m < CRF_MEASURES; m++)
		if (strcmp(code, measures[m].code) == 0)
			return m;
	return -1;
}

/* The financial year (April to March) a London date falls in: March 2026
 * is in 2025's, April 2026 in 2026's. */
int
crf_financial_year(int year, int month)
{
	return month >= 4 ? year : year - 1;
}

/* The year a page asks for: none is 0 (the current one); four digits
 * from first to current. 0, or -1 when it is not one of those. */
int
crf_year_parse(const char *s, int first, int current, int *out)
{
	int y;

	*out = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return -1;
	y = atoi(s);
	if (y < (first > 0 && first < current ? first : current) || y > current)
		return -1;
	*out = y;
	return 0;
}

/* An application's outcome in words, for a public list. */
const char *
crf_outcome(const char *status, int review_held, int recommendations)
{
	if (review_held)
		return recommendations ? "Review held: recommendations made" :
		    "Review held: no recommendations";
	if (strcmp(status, "threshold_met") == 0)
		return "Threshold met: review to be held";
	if (strcmp(status, "threshold_not_met") == 0)
		return "Threshold not met";
	if (strcmp(status, "closed") == 0)
		return "Closed";
	return "Received: not decided yet";
}

/* Each agency's numbers and the totals from the applications' measures. */
void
crf_tally(struct crf_year *y)
{
	struct crf_agency *g;
	size_t i, j;
	int m;

	memset(y->total, 0, sizeof(y->total));
	for (i = 0; i < y->nagencies; i++) {
		g = &y->agencies[i];
		memset(g->count, 0, sizeof(g->count));
		for (j = 0; j < g->napps; j++)
			for (m = 0; m < CRF_MEASURES; m++)
				if (g->apps[j].measures & CRF_BIT(m)) {
					g->count[m]++;
					y->total[m]++;
				}
	}
}

/* The rows into agencies (in the order given, each once) and their
 * applications. 0 or -1. */
static int
rows_read(struct arena *ar, const PGresult *res, struct crf_year *y)
{
	int i, n = PQntuples(res), m;
	struct crf_agency *g = NULL;
	struct crf_application *a;
	long long id;

	y->agencies = arena_calloc(ar, (size_t)n + 1, sizeof(*y->agencies));
	if (y->agencies == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		if (g == NULL || g->id != id) {
			g = &y->agencies[y->nagencies++];
			g->id = id;
			if ((g->name = arena_strdup(ar, PQgetvalue(res, i, 1))) == NULL ||
			    (g->apps = arena_calloc(ar, (size_t)n, sizeof(*g->apps))) == NULL)
				return -1;
		}
		if (strcmp(PQgetvalue(res, i, 2), "0") == 0)
			continue;	/* an agency with no application this year */
		a = &g->apps[g->napps++];
		a->id = strtoll(PQgetvalue(res, i, 2), NULL, 10);
		a->reference = arena_strdup(ar, PQgetvalue(res, i, 3));
		a->received_on = arena_strdup(ar, PQgetvalue(res, i, 4));
		a->outcome = crf_outcome(PQgetvalue(res, i, 5),
		    strcmp(PQgetvalue(res, i, 6), "t") == 0,
		    strcmp(PQgetvalue(res, i, 7), "t") == 0);
		for (m = 0; m < CRF_MEASURES; m++)
			if (strcmp(PQgetvalue(res, i, 8 + m), "t") == 0)
				a->measures |= CRF_BIT(m);
		if (a->reference == NULL || a->received_on == NULL)
			return -1;
	}
	return 0;
}

/* The figures of a year, in one read transaction. 0 or -1. */
int
case_review_figures_load(struct pg *pg, struct arena *ar, const struct actor *actor,
    int year, struct crf_year *y)
{
	char ys[16];
	const char *p[1] = { ys };
	PGresult *res;

	memset(y, 0, sizeof(*y));
	if (tx_begin(pg, actor) == -1)
		return -1;
	if ((res = pg_exec(pg, "crf_years", 0, NULL)) == NULL || PQntuples(res) != 1)
		goto err;
	y->first_year = atoi(PQgetvalue(res, 0, 0));
	y->current_year = atoi(PQgetvalue(res, 0, 1));
	if (y->first_year == 0 || y->first_year > y->current_year)
		y->first_year = y->current_year;
	PQclear(res);
	y->year = year != 0 ? year : y->current_year;
	snprintf(ys, sizeof(ys), "%d", y->year);
	if ((res = pg_exec(pg, "crf_rows", 1, p)) == NULL)
		goto err;
	if (rows_read(ar, res, y) == -1)
		goto err;
	PQclear(res);
	crf_tally(y);
	return pg_commit(pg);
err:
	PQclear(res);
	pg_rollback(pg);
	return -1;
}
