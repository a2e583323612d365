/* Reports of the same thing join one incident (domain/intake_dedup.h):
 * Redis gives the fast "anything like this nearby?" answer, PostgreSQL
 * has the last word, and advisory locks on the map's cells keep two
 * reports at once from both creating. The public channels' intake
 * (report_submit) decides with these; staff channels never join by
 * themselves: an officer links (domain/similar.c shows the candidates). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "domain/intake_dedup.h"
#include "domain/report.h"
#include "store/pg.h"
#include "store/redis.h"

static const struct pg_stmt stmts[] = {
	/* The incident to join, its owner, and what the report ($4, its
	 * triage answers) finds there; the function holds the radius and
	 * window (0019_report_consent_place.sql, 0038) and answers only a
	 * core partner's settings. */
	{ "report_duplicate",
	  "SELECT incident_id, owner, adds, flags FROM report_duplicate_of($1, $2, $3, $4)" },
	/* The same for a partner's report ($4 the radius, $5 the window, $6
	 * its agency, $7 its triage answers), which joins only an incident of
	 * its own agency's that the partnership sees: row security lets the
	 * partner see those. */
	{ "report_duplicate_own",
	  "SELECT i.id, i.owning_agency_id, "
	  "triage_or(i.report_triage, $7::jsonb) IS DISTINCT FROM i.report_triage, "
	  "incident_flag_letters(i) "
	  "FROM incident i WHERE i.asb_type_id = $1 AND i.status <> 'closed' "
	  "AND i.reported_at > now() - make_interval(secs => $5::integer) "
	  "AND i.owning_agency_id = $6 AND i.sharing = 'partnership' "
	  "AND i.location IS NOT NULL AND ST_DWithin(i.location::geography, "
	  "ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography, $4::float8) "
	  "ORDER BY i.location::geography <-> "
	  "ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography LIMIT 1" },
};

const struct pg_stmts intake_dedup_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static void
num(char *buf, size_t len, long long v)
{
	snprintf(buf, len, "%lld", v);
}

/* 1 when the report is of imported history (concordctl import). */
int
report_is_history(const struct report_input *in)
{
	return in->channel != NULL && strcmp(in->channel, "import") == 0;
}

/* The Redis key of the dedup index for a type and a 2-hour bucket. */
static void
dedup_key(char *out, size_t len, const char *type, long long bucket)
{
	snprintf(out, len, "concord:dedup:%s:%lld", type, bucket);
}

/* The fast look-up: an incident id from Redis within the radius, in this
 * bucket or the last, or 0. -1 when Redis cannot say (PostgreSQL decides). */
static long long
dedup_redis(struct rd *rd, const struct report_input *in)
{
	long long bucket = clock_epoch() / REPORT_DEDUP_SECONDS, id = 0;
	char key[128], lon[32], lat[32], radius[16];
	redisReply *r;
	int b;

	snprintf(lon, sizeof(lon), "%.7f", in->lon);
	snprintf(lat, sizeof(lat), "%.7f", in->lat);
	snprintf(radius, sizeof(radius), "%d", REPORT_DEDUP_METRES);
	for (b = 0; b < 2 && id == 0; b++) {
		dedup_key(key, sizeof(key), in->type_code, bucket - b);
		r = rd_command(rd, "GEOSEARCH %s FROMLONLAT %s %s BYRADIUS %s m ASC COUNT 1",
		    key, lon, lat, radius);
		if (r == NULL || r->type == REDIS_REPLY_ERROR) {
			if (r != NULL)
				freeReplyObject(r);
			return -1;
		}
		if (r->type == REDIS_REPLY_ARRAY && r->elements > 0 &&
		    r->element[0]->type == REDIS_REPLY_STRING)
			id = strtoll(r->element[0]->str, NULL, 10);
		freeReplyObject(r);
	}
	return id;
}

/* Remembers a new incident in the fast index, for the next reports
 * (history is not what is reported around now: not there). */
void
intake_dedup_remember(struct rd *rd, const struct report_input *in, long long incident)
{
	long long bucket = clock_epoch() / REPORT_DEDUP_SECONDS;
	char key[128], lon[32], lat[32], id[24];
	redisReply *r;

	if (report_is_history(in))
		return;
	dedup_key(key, sizeof(key), in->type_code, bucket);
	snprintf(lon, sizeof(lon), "%.7f", in->lon);
	snprintf(lat, sizeof(lat), "%.7f", in->lat);
	num(id, sizeof(id), incident);
	if ((r = rd_command(rd, "GEOADD %s %s %s %s", key, lon, lat, id)) != NULL)
		freeReplyObject(r);
	if ((r = rd_command(rd, "EXPIRE %s %d", key, 2 * REPORT_DEDUP_SECONDS)) != NULL)
		freeReplyObject(r);
}

/* The cells of the map around the report's point, as an array literal
 * for INTAKE_DEDUP_SQL: a report locks the neighbourhood of its point for
 * its type until the transaction ends, which serialises reports that
 * could be duplicates of each other from the moment they decide between
 * joining and creating until they commit, so two at once cannot both
 * create. The map is cut into cells larger than
 * the square of REPORT_DEDUP_METRES around a point; a report locks every
 * cell its square touches (usually four), in one order. Two reports within
 * the radius of each other both lock the cell of either point, so they
 * take turns; reports elsewhere, or of other types, do not wait for each
 * other. A key is a hash, so two far-apart cells may share one: that only
 * makes them wait. */
static void
lock_cells(const struct report_input *in, long long type_id, char *arr, size_t len)
{
	const double cell_lat = 0.003, cell_lon = 0.005;	/* ~333 m by 350 m at 51°N */
	const double margin = REPORT_DEDUP_METRES * 1.1;	/* for the curve of the earth */
	double dlat = margin / 111320.0,
	    dlon = margin / (111320.0 * fmax(cos(in->lat * M_PI / 180.0), 0.05));
	long long y0 = (long long)floor((in->lat - dlat) / cell_lat),
	    y1 = (long long)floor((in->lat + dlat) / cell_lat),
	    x0 = (long long)floor((in->lon - dlon) / cell_lon),
	    x1 = (long long)floor((in->lon + dlon) / cell_lon), x, y;
	unsigned keys[16], k, t;
	char *p = arr;
	size_t n = 0, i, j;

	for (y = y0; y <= y1; y++)
		for (x = x0; x <= x1 && n < 16; x++) {
			k = (unsigned)(type_id * 0x9e3779b1ULL ^ (unsigned long long)y *
			    0x85ebca6bULL ^ (unsigned long long)x * 0xc2b2ae35ULL);
			keys[n++] = k & 0x7fffffff;
		}
	/* One order for everyone: no two reports wait for each other in a ring. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && keys[j - 1] > keys[j]; j--) {
			t = keys[j];
			keys[j] = keys[j - 1];
			keys[j - 1] = t;
		}
	*p++ = '{';
	for (i = 0; i < n; i++)
		p += snprintf(p, (size_t)(arr + len - p), "%s%u", i ? "," : "", keys[i]);
	snprintf(p, (size_t)(arr + len - p), "}");
}

/* Before the report's transaction: the cells it locks and whether to
 * look in PostgreSQL in the same statement (INTAKE_DEDUP_SQL), which is
 * when Redis has something nearby for a public report. Otherwise the
 * statement only locks, and intake_dedup_answer asks Redis again once the
 * lock is held: a report that held it has put its new incident there
 * before committing. Reports without a point lock nothing. `own`: 0, or
 * the agency whose incidents alone a partner's report may join (looked
 * for by intake_dedup_answer). */
void
intake_dedup_ask(struct rd *rd, const struct report_input *in, long long type_id,
    long long own, struct intake_dedup_ask *ask)
{
	memset(ask, 0, sizeof(*ask));
	if (!in->has_point || report_is_history(in)) {
		snprintf(ask->cells, sizeof(ask->cells), "{}");
		/* History asks PostgreSQL by its occurrence time: the fast index
		 * knows only what was reported around now. It locks nothing:
		 * the cells serialise reports that could repeat each other
		 * around now, and what an import makes is seen by no one else
		 * until the import commits as a whole (fcgi/ctl/import.c). */
		ask->look = in->has_point;
		return;
	}
	lock_cells(in, type_id, ask->cells, sizeof(ask->cells));
	ask->look = !own && dedup_redis(rd, in) != 0;
}

/* An incident found (INTAKE_DEDUP_COLUMNS from column col), or none when
 * its id is NULL. */
void
intake_dedup_row(PGresult *res, int row, int col, struct intake_dedup_found *f)
{
	memset(f, 0, sizeof(*f));
	if (PQgetisnull(res, row, col))
		return;
	f->incident = strtoll(PQgetvalue(res, row, col), NULL, 10);
	f->owner = strtoll(PQgetvalue(res, row, col + 1), NULL, 10);
	f->adds = PQgetvalue(res, row, col + 2)[0] == 't';
	snprintf(f->flags, sizeof(f->flags), "%s", PQgetvalue(res, row, col + 3));
}

/* Once INTAKE_DEDUP_SQL has run (the lock held): the open incident this
 * report repeats, in *found (incident 0: none). looked: what the statement
 * found when it looked. impact: the report's triage answers (JSON).
 * PostgreSQL confirms what Redis suggests (and decides alone when Redis
 * is down). 0, or -1 on error. */
int
intake_dedup_answer(struct pg *pg, struct rd *rd, const struct report_input *in,
    long long type_id, long long own, const char *impact,
    const struct intake_dedup_ask *ask, const struct intake_dedup_found *looked,
    struct intake_dedup_found *found)
{
	char tid[24], lon[32], lat[32], m[16], s[16], agency[24];
	const char *p[7] = { tid, lon, lat, m, s, agency, impact };
	PGresult *res;

	memset(found, 0, sizeof(*found));
	if (!in->has_point)
		return 0;
	if (ask->look) {
		*found = *looked;
		return 0;
	}
	if (dedup_redis(rd, in) == 0)
		return 0;	/* nothing nearby: no need to ask PostgreSQL */
	num(tid, sizeof(tid), type_id);
	snprintf(lon, sizeof(lon), "%.7f", in->lon);
	snprintf(lat, sizeof(lat), "%.7f", in->lat);
	snprintf(m, sizeof(m), "%d", REPORT_DEDUP_METRES);
	snprintf(s, sizeof(s), "%d", REPORT_DEDUP_SECONDS);
	num(agency, sizeof(agency), own);
	if ((res = own ? pg_exec(pg, "report_duplicate_own", 7, p) :
	    pg_exec(pg, "report_duplicate", 4, (const char *[]){ tid, lon, lat, impact })) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		intake_dedup_row(res, 0, 0, found);
	PQclear(res);
	return 0;
}
