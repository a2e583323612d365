/* concordctl allocate: what allocation would do, with the plan every
 * channel's intake uses (domain/allocate.h).
 *
 *   allocate try [--lon X --lat Y] [--address] --type CODE [--flag NAME]...
 *                [--channel NAME] [--agency CODE]
 *       the beat and council area of the point and the queues, each with
 *       its reason: what an administrator's "try it" box shows;
 *   allocate points [--bare] [--type CODE] [--channel NAME] < LON,LAT lines
 *       allocates each point (nothing is written) and prints how many per
 *       second; --bare runs the bare point-in-polygon look-ups of the beat
 *       and the council area instead, for scripts/bench allocate to compare. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/allocate.h"
#include "store/pg.h"

/* The comparison: the current beat and council area covering the point,
 * over their GiST indexes, and nothing else. */
static const struct pg_stmt stmts[] = {
	{ "allocate_bare",
	  "SELECT (SELECT id FROM beat WHERE retired_at IS NULL AND ST_Covers(geom, p) "
	  "LIMIT 1), (SELECT id FROM la_area WHERE retired_at IS NULL AND "
	  "ST_Covers(geom, p) LIMIT 1) "
	  "FROM ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) p" },
	{ "allocate_agency", "SELECT id FROM agency WHERE code = $1" },
};

static const struct pg_stmts ctl_allocate_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static const struct pg_stmts *const sets[] = {
	&allocate_statements, &ctl_allocate_statements,
};

static int
allocate_usage(void)
{
	fprintf(stderr,
	    "usage: concordctl allocate try [--lon X --lat Y] [--address] --type CODE\n"
	    "                 [--flag NAME]... [--channel NAME] [--agency CODE]\n"
	    "       concordctl allocate points [--bare] [--type CODE] [--channel NAME] "
	    "< LON,LAT lines\n");
	return 2;
}

/* A number argument, or 0 after saying it is not one. */
static int
number(const char *opt, const char *s, double *out)
{
	char *end;

	*out = strtod(s, &end);
	if (end == s || *end != '\0') {
		fprintf(stderr, "concordctl: allocate: %s needs a number, not \"%s\"\n", opt, s);
		return 0;
	}
	return 1;
}

/* The agency of a code into q. 0, or -1 after saying why. */
static int
agency_of(struct pg *pg, const char *code, struct allocation_query *q)
{
	const char *p[1] = { code };
	PGresult *res;

	if ((res = pg_exec(pg, "allocate_agency", 1, p)) == NULL) {
		fprintf(stderr, "concordctl: allocate: %s\n", pg_error(pg));
		return -1;
	}
	if (PQntuples(res) == 1)
		q->agency = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (q->agency == 0) {
		fprintf(stderr, "concordctl: allocate: no agency %s\n", code);
		return -1;
	}
	return 0;
}

/* One area as the report names it. */
static void
area_print(const char *what, const struct area_ref *r)
{
	if (r->id == 0)
		printf("%s: none\n", what);
	else
		printf("%s: %s (%s)\n", what, r->name, r->code);
}

static int
allocate_try_cmd(struct pg *pg, struct arena *ar, struct allocation_query *q)
{
	struct area_location where;
	struct route_plan plan;
	size_t i;

	switch (allocation_try(pg, ar, q, &where, &plan)) {
	case AREA_BAD_POINT:
		fprintf(stderr, "concordctl: allocate: --lon and --lat are not a longitude "
		    "(-180 to 180) and a latitude (-90 to 90)\n");
		return 1;
	case AREA_ERROR:
		fprintf(stderr, "concordctl: allocate: %s\n", pg_error(pg));
		return 1;
	case AREA_OK:
		break;
	}
	area_print("beat", &where.beat);
	area_print("council area", &where.area);
	for (i = 0; i < plan.n; i++)
		printf("team %lld (%s%s): %s\n", plan.r[i].team, plan.r[i].kind,
		    plan.r[i].location_to_confirm ? ", location to confirm" : "",
		    plan.r[i].reason);
	if (plan.n == 0)
		printf("no queue: the force has no manual triage queue set\n");
	return 0;
}

/* Each "lon,lat" line of standard input allocated (or, bare, looked up),
 * and the rate. */
static int
allocate_points_cmd(struct pg *pg, struct arena *ar, struct allocation_query *q, int bare)
{
	struct area_location where;
	struct route_plan plan;
	char line[256], x[32], y[32];
	const char *p[2] = { x, y };
	unsigned long long n = 0, queued = 0;
	double start = clock_ms(), secs;
	PGresult *res;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		if (sscanf(line, "%lf,%lf", &q->lon, &q->lat) != 2)
			continue;
		n++;
		if (bare) {
			area_point_text(q->lon, q->lat, x, y);
			if ((res = pg_exec(pg, "allocate_bare", 2, p)) == NULL)
				goto fail;
			queued += !PQgetisnull(res, 0, 0);
			PQclear(res);
			continue;
		}
		if (allocation_try(pg, ar, q, &where, &plan) == AREA_ERROR)
			goto fail;
		queued += where.beat.id != 0 && plan.n > 0;
		arena_reset(ar);
	}
	secs = (clock_ms() - start) / 1000.0;
	printf("points=%llu seconds=%.3f per_second=%.1f in_a_beat=%llu\n", n, secs,
	    secs > 0 ? n / secs : 0.0, queued);
	return 0;
fail:
	fprintf(stderr, "concordctl: allocate: %s\n", pg_error(pg));
	return 1;
}

int
ctl_allocate(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "lon",	required_argument, NULL, 'x' },
		{ "lat",	required_argument, NULL, 'y' },
		{ "address",	no_argument,	   NULL, 'd' },
		{ "type",	required_argument, NULL, 't' },
		{ "flag",	required_argument, NULL, 'f' },
		{ "channel",	required_argument, NULL, 'c' },
		{ "agency",	required_argument, NULL, 'a' },
		{ "bare",	no_argument,	   NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct allocation_query q = { 0, 0, 0, 0, "noise", 0, "police", 0 };
	const char *agency = NULL, *sub;
	struct arena *ar = NULL;
	struct pg *pg = NULL;
	int c, f, bare = 0, lon = 0, lat = 0, status = 1;

	if (argc < 2)
		return allocate_usage();
	sub = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'x':
			if (!(lon = number("--lon", optarg, &q.lon)))
				return 2;
			break;
		case 'y':
			if (!(lat = number("--lat", optarg, &q.lat)))
				return 2;
			break;
		case 'd': q.has_address = 1; break;
		case 't': q.type_code = optarg; break;
		case 'c': q.channel = optarg; break;
		case 'a': agency = optarg; break;
		case 'b': bare = 1; break;
		case 'f':
			if ((f = route_flag_parse(optarg)) < 0) {
				fprintf(stderr, "concordctl: allocate: no flag %s (youth, hate, "
				    "vulnerable, repeat_location, repeat_victim, urgent)\n", optarg);
				return 2;
			}
			q.flags |= ROUTE_BIT(f);
			break;
		default:
			return allocate_usage();
		}
	if (optind != argc || lon != lat || (strcmp(sub, "try") != 0 &&
	    strcmp(sub, "points") != 0))
		return allocate_usage();
	q.has_point = lon || strcmp(sub, "points") == 0;
	if ((ar = arena_new(16384)) == NULL ||
	    (pg = pg_open(cfg->db, sets, sizeof(sets) / sizeof(sets[0]))) == NULL) {
		fprintf(stderr, "concordctl: allocate: cannot connect to the database\n");
		goto out;
	}
	if (agency != NULL && agency_of(pg, agency, &q) == -1)
		goto out;
	status = strcmp(sub, "try") == 0 ? allocate_try_cmd(pg, ar, &q) :
	    allocate_points_cmd(pg, ar, &q, bare);
out:
	if (pg != NULL)
		pg_close(pg);
	arena_free(ar);
	return status;
}
