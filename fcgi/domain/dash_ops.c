/* The weekly operational dashboard's figures (domain/dash_ops.h), from the
 * reporting views alone, in one read transaction as the reader. Every
 * statement takes the filters as parameters: NULL for "all". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/london.h"
#include "domain/clocks.h"
#include "domain/dash_ops.h"
#include "domain/tx.h"
#include "store/pg.h"

/* The incidents the area and type filters keep ($A beat, $B council area,
 * $T type), as SQL on rpt_incident i. */
#define INCIDENT_FILTER(a, b, t)					\
	"(" a "::bigint IS NULL OR i.beat_id = " a "::bigint) AND "	\
	"(" b "::bigint IS NULL OR i.la_area_id = " b "::bigint) AND "	\
	"(" t "::bigint IS NULL OR i.asb_type_id = " t "::bigint)"

/* The eight weeks of incidents i: $1 is the chosen week's Monday. The
 * same bounds on reported_at, London's midnights, let the index on it
 * find them. */
#define WEEKS_OF_INCIDENTS						\
	"i.reported_date BETWEEN $1::date - 49 AND $1::date + 6 "	\
	"AND i.reported_at >= ($1::date - 49)::timestamp AT TIME ZONE 'Europe/London' "\
	"AND i.reported_at < ($1::date + 7)::timestamp AT TIME ZONE 'Europe/London'"

/* Repeat incidents of the eight weeks, filtered ($2 beat, $3 council
 * area, $4 the incident's team, $5 type). */
#define REPEATS								\
	"FROM rpt_incident i "						\
	"WHERE (i.repeat_victim OR i.repeat_location OR i.repeat_subject) "\
	"AND " WEEKS_OF_INCIDENTS " "					\
	"AND ($4::bigint IS NULL OR i.team_id = $4::bigint) "		\
	"AND " INCIDENT_FILTER("$2", "$3", "$5")

/* Overdue actions, filtered ($1 beat, $2 council area, $3 owning team, $4
 * type): area and type through the incidents the action's case links. */
#define OVERDUE								\
	"FROM rpt_action x JOIN rpt_agency g ON g.id = x.owner_agency_id "\
	"LEFT JOIN rpt_team t ON t.id = x.owner_team_id "		\
	"WHERE x.overdue AND ($3::bigint IS NULL OR x.owner_team_id = $3::bigint) "\
	"AND (($1::bigint IS NULL AND $2::bigint IS NULL AND $4::bigint IS NULL) "\
	"OR EXISTS (SELECT 1 FROM rpt_case_incident ci "		\
	"JOIN rpt_incident i ON i.id = ci.incident_id "			\
	"WHERE ci.case_id = x.case_id AND ci.current AND "		\
	INCIDENT_FILTER("$1", "$2", "$4") ")) "

static const struct pg_stmt stmts[] = {
	{ "dash_areas",
	  "SELECT id, CASE kind WHEN 'beat' THEN name || ' (beat)' "
	  "ELSE name || ' (council area)' END "
	  "FROM rpt_area WHERE current ORDER BY kind, name, id" },
	{ "dash_teams",
	  "SELECT id::text, name || ' (' || agency_name || ')' "
	  "FROM rpt_team WHERE active ORDER BY agency_name, name, id" },
	{ "dash_types",
	  "SELECT id::text, name FROM rpt_type WHERE active ORDER BY name, id" },
	/* Per week, by the London date the incident was reported: each
	 * allocation's clocks, in hours. The triage target is hours from the
	 * report; so is the first action's, which is compared with the
	 * report-to-action time. An incident not yet assessed is standard. */
	{ "dash_clocks",
	  "WITH a AS (SELECT i.reported_date - (extract(isodow FROM "
	  "i.reported_date)::integer - 1) AS week, "
	  "a.report_to_triage_minutes AS rt, a.triage_to_action_minutes AS ta, "
	  "a.report_to_action_minutes AS ra, "
	  "CASE a.risk_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AS r "
	  "FROM rpt_allocation a JOIN rpt_incident i ON i.id = a.incident_id "
	  "WHERE " WEEKS_OF_INCIDENTS " "
	  "AND ($4::bigint IS NULL OR a.team_id = $4::bigint) "
	  "AND " INCIDENT_FILTER("$2", "$3", "$5") ") "
	  "SELECT (w.d - $1::date), count(a.week), "
	  "count(a.rt), coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.rt) / 60, 0), "
	  "coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY a.rt) / 60, 0), "
	  "count(*) FILTER (WHERE a.rt <= ($6::integer[])[a.r] * 60), "
	  "count(a.ta), coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ta) / 60, 0), "
	  "coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY a.ta) / 60, 0), "
	  "count(*) FILTER (WHERE a.ta IS NOT NULL AND a.ra <= ($7::integer[])[a.r] * 60) "
	  "FROM (SELECT ($1::date - 7 * k) AS d FROM generate_series(0, 7) k) w "
	  "LEFT JOIN a ON a.week = w.d GROUP BY w.d ORDER BY w.d" },
	{ "dash_overdue_teams",
	  "SELECT coalesce(t.name, 'No team named'), g.name, count(*), "
	  "round(avg(x.days_overdue), 1)::float8, max(x.days_overdue) "
	  OVERDUE
	  "GROUP BY t.id, t.name, g.id, g.name "
	  "ORDER BY count(*) DESC, g.name, t.name NULLS LAST, t.id" },
	{ "dash_overdue_agencies",
	  "SELECT g.name, '', count(*), round(avg(x.days_overdue), 1)::float8, "
	  "max(x.days_overdue) "
	  OVERDUE
	  "GROUP BY g.id, g.name ORDER BY count(*) DESC, g.name, g.id" },
	{ "dash_repeat_squares",
	  "SELECT coalesce(i.easting, -1), coalesce(i.northing, -1), count(*) "
	  REPEATS
	  " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2" },
	{ "dash_repeat_areas",
	  "SELECT coalesce(b.name || ' (beat)', l.name || ' (council area)', 'No area'), "
	  "count(*) "
	  "FROM (SELECT i.beat_id, i.la_area_id " REPEATS ") i "
	  "LEFT JOIN rpt_area b ON b.kind = 'beat' AND b.area_id = i.beat_id "
	  "LEFT JOIN rpt_area l ON l.kind = 'la_area' AND l.area_id = i.la_area_id "
	  "GROUP BY 1 ORDER BY 2 DESC, 1" },
	{ "dash_repeat_bands",
	  "SELECT i.reported_dow, i.reported_hour / 6, count(*) "
	  REPEATS
	  " GROUP BY 1, 2" },
};

const struct pg_stmts dash_ops_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* The filters as text parameters; NULL for all. */
struct dash_params {
	char	 week[16], beat[24], la_area[24], team[24], type[24];
	char	 triage[CLOCK_HOURS_TEXT], action[CLOCK_HOURS_TEXT];
};

/* A select's choices; *found set when one's value is `want`. -1 on error. */
static int
options_read(struct arena *ar, PGresult *res, const char *want,
    struct dash_option **out, size_t *n, int *found)
{
	int i, rows = PQntuples(res);

	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < rows; i++) {
		struct dash_option *o = &(*out)[i];

		if ((o->value = arena_strdup(ar, PQgetvalue(res, i, 0))) == NULL ||
		    (o->label = arena_strdup(ar, PQgetvalue(res, i, 1))) == NULL)
			return -1;
		if (want != NULL && strcmp(want, o->value) == 0)
			*found = 1;
	}
	*n = (size_t)rows;
	return 0;
}

static void
clock_read(const PGresult *res, int row, int col, struct dash_clock *c)
{
	c->n = atoi(PQgetvalue(res, row, col));
	c->median = strtod(PQgetvalue(res, row, col + 1), NULL);
	c->p90 = strtod(PQgetvalue(res, row, col + 2), NULL);
	c->within = atoi(PQgetvalue(res, row, col + 3));
}

static int
overdue_read(struct arena *ar, const PGresult *res, struct dash_overdue **out,
    size_t *n, int *total)
{
	int i, rows = PQntuples(res);

	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < rows; i++) {
		struct dash_overdue *o = &(*out)[i];

		if ((o->name = arena_strdup(ar, PQgetvalue(res, i, 0))) == NULL ||
		    (o->agency = arena_strdup(ar, PQgetvalue(res, i, 1))) == NULL)
			return -1;
		o->count = atoi(PQgetvalue(res, i, 2));
		o->mean_days = strtod(PQgetvalue(res, i, 3), NULL);
		o->max_days = atoi(PQgetvalue(res, i, 4));
		if (total != NULL)
			*total += o->count;
	}
	*n = (size_t)rows;
	return 0;
}

/* The repeats by square, by area and by band. 0 or -1. */
static int
repeats_read(struct pg *pg, struct arena *ar, const char *const *p, struct dash_ops *o)
{
	PGresult *res;
	int i, rows, dow, band;

	if ((res = pg_exec(pg, "dash_repeat_squares", 5, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((o->squares = arena_calloc(ar, (size_t)rows + 1, sizeof(*o->squares))) == NULL)
		goto err;
	for (i = 0; i < rows; i++) {
		int e = atoi(PQgetvalue(res, i, 0)), n = atoi(PQgetvalue(res, i, 2));

		o->repeats += n;
		if (e < 0) {
			o->repeats_unplaced += n;
			continue;
		}
		o->squares[o->nsquares].easting = e;
		o->squares[o->nsquares].northing = atoi(PQgetvalue(res, i, 1));
		o->squares[o->nsquares++].count = n;
	}
	PQclear(res);
	if ((res = pg_exec(pg, "dash_repeat_areas", 5, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((o->rep_areas = arena_calloc(ar, (size_t)rows + 1, sizeof(*o->rep_areas))) == NULL)
		goto err;
	for (i = 0; i < rows; i++) {
		if ((o->rep_areas[i].name = arena_strdup(ar, PQgetvalue(res, i, 0))) == NULL)
			goto err;
		o->rep_areas[i].count = atoi(PQgetvalue(res, i, 1));
	}
	o->nrep_areas = (size_t)rows;
	PQclear(res);
	if ((res = pg_exec(pg, "dash_repeat_bands", 5, p)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(res); i++) {
		dow = atoi(PQgetvalue(res, i, 0));
		band = atoi(PQgetvalue(res, i, 1));
		if (dow >= 1 && dow <= DASH_DAYS && band >= 0 && band < DASH_BANDS)
			o->bands[dow - 1][band] = atoi(PQgetvalue(res, i, 2));
	}
	PQclear(res);
	return 0;
err:
	PQclear(res);
	return -1;
}

/* The filters' choices; DASH_BAD_* when the filter names one not there. */
int
dash_choices_read(struct pg *pg, struct arena *ar, const struct dash_filter *f,
    struct dash_choices *o)
{
	char want[40];
	PGresult *res;
	int found, rc;

	if (f->beat_id != 0)
		snprintf(want, sizeof(want), "beat:%lld", f->beat_id);
	else
		snprintf(want, sizeof(want), "la_area:%lld", f->la_area_id);
	if ((res = pg_exec(pg, "dash_areas", 0, NULL)) == NULL)
		return -1;
	found = 0;
	rc = options_read(ar, res, want, &o->areas, &o->nareas, &found);
	PQclear(res);
	if (rc == -1)
		return -1;
	if ((f->beat_id != 0 || f->la_area_id != 0) && !found)
		return DASH_BAD_AREA;

	snprintf(want, sizeof(want), "%lld", f->team_id);
	if ((res = pg_exec(pg, "dash_teams", 0, NULL)) == NULL)
		return -1;
	found = 0;
	rc = options_read(ar, res, want, &o->teams, &o->nteams, &found);
	PQclear(res);
	if (rc == -1)
		return -1;
	if (f->team_id != 0 && !found)
		return DASH_BAD_TEAM;

	snprintf(want, sizeof(want), "%lld", f->type_id);
	if ((res = pg_exec(pg, "dash_types", 0, NULL)) == NULL)
		return -1;
	found = 0;
	rc = options_read(ar, res, want, &o->types, &o->ntypes, &found);
	PQclear(res);
	if (rc == -1)
		return -1;
	if (f->type_id != 0 && !found)
		return DASH_BAD_TYPE;
	return 0;
}

int
dash_ops_load(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *actor, const struct dash_filter *f, struct dash_ops *o)
{
	struct dash_params q;
	const char *p[7], *over[4];
	PGresult *res = NULL;
	int i, rc;

	memset(o, 0, sizeof(*o));
	dash_day_param(q.week, f->week);
	p[0] = q.week;
	p[1] = dash_id_param(q.beat, sizeof(q.beat), f->beat_id);
	p[2] = dash_id_param(q.la_area, sizeof(q.la_area), f->la_area_id);
	p[3] = dash_id_param(q.team, sizeof(q.team), f->team_id);
	p[4] = dash_id_param(q.type, sizeof(q.type), f->type_id);
	clock_hours_text(cfg, CLOCK_TRIAGE, q.triage);
	clock_hours_text(cfg, CLOCK_ACTION, q.action);
	p[5] = q.triage;
	p[6] = q.action;
	over[0] = p[1];
	over[1] = p[2];
	over[2] = p[3];
	over[3] = p[4];

	if (tx_begin(pg, actor) == -1)
		return -1;
	if ((rc = dash_choices_read(pg, ar, f, &o->ch)) != 0) {
		pg_rollback(pg);
		return rc;
	}
	if ((res = pg_exec(pg, "dash_clocks", 7, p)) == NULL || PQntuples(res) != DASH_WEEKS)
		goto err;
	for (i = 0; i < DASH_WEEKS; i++) {
		struct dash_week *w = &o->weeks[i];

		w->monday = f->week + atol(PQgetvalue(res, i, 0));
		w->allocations = atoi(PQgetvalue(res, i, 1));
		clock_read(res, i, 2, &w->triage);
		clock_read(res, i, 6, &w->action);
	}
	PQclear(res);
	if ((res = pg_exec(pg, "dash_overdue_teams", 4, over)) == NULL ||
	    overdue_read(ar, res, &o->overdue_teams, &o->noverdue_teams,
	    &o->overdue_total) == -1)
		goto err;
	PQclear(res);
	if ((res = pg_exec(pg, "dash_overdue_agencies", 4, over)) == NULL ||
	    overdue_read(ar, res, &o->overdue_agencies, &o->noverdue_agencies, NULL) == -1)
		goto err;
	PQclear(res);
	res = NULL;
	if (repeats_read(pg, ar, p, o) == -1)
		goto err;
	return pg_commit(pg);
err:
	PQclear(res);
	pg_rollback(pg);
	return -1;
}
