/* The hotspot dashboard's figures (domain/dash_hot.h), from rpt_incident
 * alone, in one read transaction as the reader. Every statement takes the
 * period and the filters as parameters: NULL for "all". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/london.h"
#include "domain/dash_hot.h"
#include "domain/tx.h"
#include "store/pg.h"

/* The incidents i reported from the London date a to the day before b;
 * the same bounds on reported_at, London's midnights, let the index on it
 * find them. */
#define PERIOD(a, b)							\
	"i.reported_date >= " a " AND i.reported_date < " b " "		\
	"AND i.reported_at >= (" a ")::timestamp AT TIME ZONE 'Europe/London' "\
	"AND i.reported_at < (" b ")::timestamp AT TIME ZONE 'Europe/London'"

/* The filters: beat b, council area l, the incident's team t, type y. */
#define FILTERS(b, l, t, y)						\
	"(" b "::bigint IS NULL OR i.beat_id = " b "::bigint) "		\
	"AND (" l "::bigint IS NULL OR i.la_area_id = " l "::bigint) "	\
	"AND (" t "::bigint IS NULL OR i.team_id = " t "::bigint) "	\
	"AND (" y "::bigint IS NULL OR i.asb_type_id = " y "::bigint)"

/* The 250 m cell of the centre of an incident's 100 m square. */
#define CELL_X	"floor((i.easting + 50) / 250.0)::int"
#define CELL_Y	"floor((i.northing + 50) / 250.0)::int"

static const struct pg_stmt stmts[] = {
	/* Row 0 the period ($1 to $2), row 1 the one before ($3 to $1),
	 * filtered by $4 to $7: the
	 * incidents, those with a point, the non-empty cells, the top 10%
	 * of them (ranked by count, ties by cell) and their incidents. */
	{ "dash_hot_concentration",
	  "WITH p AS (SELECT 0 AS k, $1::date AS a, $2::date AS b "
	  "UNION ALL SELECT 1, $3::date, $1::date), "
	  "i AS (SELECT p.k, CASE WHEN i.easting IS NOT NULL THEN " CELL_X " END AS cx, "
	  "CASE WHEN i.easting IS NOT NULL THEN " CELL_Y " END AS cy "
	  "FROM p JOIN rpt_incident i ON " PERIOD("p.a", "p.b") " WHERE " FILTERS("$4", "$5", "$6", "$7") "), "
	  "c AS (SELECT k, cx, cy, count(*) AS x FROM i WHERE cx IS NOT NULL "
	  "GROUP BY k, cx, cy), "
	  "r AS (SELECT k, x, row_number() OVER (PARTITION BY k ORDER BY x DESC, cx, cy) AS rn, "
	  "count(*) OVER (PARTITION BY k) AS cells FROM c) "
	  "SELECT p.k, (SELECT count(*) FROM i WHERE i.k = p.k), "
	  "(SELECT count(*) FROM i WHERE i.k = p.k AND i.cx IS NOT NULL), "
	  "coalesce(max(r.cells), 0), ceil(0.1 * coalesce(max(r.cells), 0))::int, "
	  "coalesce(sum(r.x) FILTER (WHERE r.rn <= ceil(0.1 * r.cells)), 0) "
	  "FROM p LEFT JOIN r ON r.k = p.k GROUP BY p.k ORDER BY p.k" },
	/* Getis-Ord Gi* of every non-empty cell of the period ($1 to $2,
	 * filtered by $3 to $6):
	 * the study area is those cells and their 8 neighbours (0 when
	 * empty), n of them; the weights binary over the cell and its
	 * neighbours. In numeric, then float8. */
	{ "dash_hot_cells",
	  "WITH c AS (SELECT " CELL_X " AS cx, " CELL_Y " AS cy, count(*) AS x "
	  "FROM rpt_incident i WHERE i.easting IS NOT NULL AND " PERIOD("$1::date", "$2::date")
	  " AND " FILTERS("$3", "$4", "$5", "$6") " GROUP BY 1, 2), "
	  "s AS (SELECT DISTINCT c.cx + dx AS cx, c.cy + dy AS cy "
	  "FROM c, generate_series(-1, 1) dx, generate_series(-1, 1) dy), "
	  "a AS (SELECT s.cx, s.cy, coalesce(c.x, 0)::numeric AS x "
	  "FROM s LEFT JOIN c USING (cx, cy)), "
	  "st AS (SELECT count(*)::numeric AS n, avg(x) AS m, "
	  "sqrt(greatest(avg(x * x) - avg(x) * avg(x), 0)) AS sd FROM a), "
	  "g AS (SELECT c.cx, c.cy, c.x, sum(a.x) AS lx, count(*)::numeric AS w "
	  "FROM c JOIN a ON a.cx BETWEEN c.cx - 1 AND c.cx + 1 "
	  "AND a.cy BETWEEN c.cy - 1 AND c.cy + 1 GROUP BY c.cx, c.cy, c.x) "
	  "SELECT g.cx, g.cy, g.x, g.lx, "
	  "((g.lx - st.m * g.w) / NULLIF(st.sd * sqrt((st.n * g.w - g.w * g.w) "
	  "/ NULLIF(st.n - 1, 0)), 0))::float8 AS z, "
	  "st.n, st.m::float8, st.sd::float8, ST_Y(t.ctr), ST_X(t.ctr) "
	  "FROM g CROSS JOIN st CROSS JOIN LATERAL (SELECT ST_Transform(ST_SetSRID("
	  "ST_MakePoint(g.cx * 250 + 125, g.cy * 250 + 125), 27700), 4326) AS ctr) t "
	  "ORDER BY z DESC NULLS LAST, g.cx, g.cy" },
};

const struct pg_stmts dash_hot_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The confidence band of a z-score. */
enum dash_band
dash_band_of(double z, int has_z)
{
	if (!has_z)
		return DASH_BAND_NONE;
	if (z >= DASH_Z99)
		return DASH_BAND_99;
	if (z >= DASH_Z95)
		return DASH_BAND_95;
	return DASH_BAND_NONE;
}

static void
concentration_read(const PGresult *res, int row, struct dash_concentration *c)
{
	c->incidents = atoi(PQgetvalue(res, row, 1));
	c->placed = atoi(PQgetvalue(res, row, 2));
	c->cells = atoi(PQgetvalue(res, row, 3));
	c->top_cells = atoi(PQgetvalue(res, row, 4));
	c->top_incidents = atoi(PQgetvalue(res, row, 5));
	c->share = c->placed > 0 ? (double)c->top_incidents / c->placed : 0;
}

/* The cells, their z-scores and bands, and the study area's figures. */
static int
cells_read(struct arena *ar, const PGresult *res, struct dash_hot *h)
{
	int i, rows = PQntuples(res);

	if ((h->cells = arena_calloc(ar, (size_t)rows + 1, sizeof(*h->cells))) == NULL)
		return -1;
	for (i = 0; i < rows; i++) {
		struct dash_cell *c = &h->cells[i];

		c->cx = atoi(PQgetvalue(res, i, 0));
		c->cy = atoi(PQgetvalue(res, i, 1));
		c->count = atoi(PQgetvalue(res, i, 2));
		c->around = atoi(PQgetvalue(res, i, 3));
		c->has_z = !PQgetisnull(res, i, 4);
		c->z = c->has_z ? strtod(PQgetvalue(res, i, 4), NULL) : 0;
		c->band = dash_band_of(c->z, c->has_z);
		c->lat = strtod(PQgetvalue(res, i, 8), NULL);
		c->lon = strtod(PQgetvalue(res, i, 9), NULL);
		h->hot95 += c->band != DASH_BAND_NONE;
		h->hot99 += c->band == DASH_BAND_99;
		if (i == 0 || c->cx < h->min_cx)
			h->min_cx = c->cx;
		if (i == 0 || c->cx > h->max_cx)
			h->max_cx = c->cx;
		if (i == 0 || c->cy < h->min_cy)
			h->min_cy = c->cy;
		if (i == 0 || c->cy > h->max_cy)
			h->max_cy = c->cy;
	}
	if (rows > 0) {
		h->n = atoi(PQgetvalue(res, 0, 5));
		h->mean = strtod(PQgetvalue(res, 0, 6), NULL);
		h->sd = strtod(PQgetvalue(res, 0, 7), NULL);
	}
	h->ncells = (size_t)rows;
	return 0;
}

int
dash_hot_load(struct pg *pg, struct arena *ar, const struct actor *actor,
    const struct dash_filter *f, struct dash_hot *h)
{
	char from[16], to[16], prev[16], beat[24], la[24], team[24], type[24];
	const char *p[7], *q[6];
	PGresult *res = NULL;
	int rc;

	memset(h, 0, sizeof(*h));
	dash_day_param(from, f->from);
	dash_day_param(to, f->to);
	dash_day_param(prev, f->prev_from);
	p[0] = from;
	p[1] = to;
	p[2] = prev;
	p[3] = dash_id_param(beat, sizeof(beat), f->beat_id);
	p[4] = dash_id_param(la, sizeof(la), f->la_area_id);
	p[5] = dash_id_param(team, sizeof(team), f->team_id);
	p[6] = dash_id_param(type, sizeof(type), f->type_id);
	/* The cells' statement takes the period without the one before. */
	q[0] = p[0];
	q[1] = p[1];
	memcpy(q + 2, p + 3, 4 * sizeof(*q));
	h->now.from = f->from;
	h->now.to = f->to;
	h->before.from = f->prev_from;
	h->before.to = f->from;

	if (tx_begin(pg, actor) == -1)
		return -1;
	if ((rc = dash_choices_read(pg, ar, f, &h->ch)) != 0) {
		pg_rollback(pg);
		return rc;
	}
	if ((res = pg_exec(pg, "dash_hot_concentration", 7, p)) == NULL ||
	    PQntuples(res) != 2)
		goto err;
	concentration_read(res, 0, &h->now);
	concentration_read(res, 1, &h->before);
	PQclear(res);
	if ((res = pg_exec(pg, "dash_hot_cells", 6, q)) == NULL || cells_read(ar, res, h) == -1)
		goto err;
	PQclear(res);
	return pg_commit(pg);
err:
	PQclear(res);
	pg_rollback(pg);
	return -1;
}
