/* concordctl demo: a demonstration partnership (agencies, their teams and
 * the seed roles), created or brought back to these values; running it
 * twice changes nothing. No users: they come with the user commands. */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "ctl/ctl.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "demo_agency",
	  "INSERT INTO agency (code, name, kind, core_partner) "
	  "VALUES ($1, $2, $3::agency_kind, $4::boolean) "
	  "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, "
	  "kind = EXCLUDED.kind, core_partner = EXCLUDED.core_partner" },
	{ "demo_team",
	  "INSERT INTO team (agency_id, code, name, specialist) "
	  "SELECT id, $2, $3, $4::boolean FROM agency WHERE code = $1 "
	  "ON CONFLICT (agency_id, code) DO UPDATE SET name = EXCLUDED.name, "
	  "specialist = EXCLUDED.specialist" },
	/* Permissions are left alone: an administrator may have edited them. */
	{ "demo_role",
	  "INSERT INTO role (code, name, agency_kinds) "
	  "VALUES ($1, $2, $3::agency_kind[]) "
	  "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, "
	  "agency_kinds = EXCLUDED.agency_kinds" },
};

static const struct pg_stmts demo_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const struct {
	const char	*code, *name, *kind, *core;
} agencies[] = {
	{ "city-police", "City of London Police", "police", "true" },
	{ "city-council", "City of London Corporation", "local_authority", "true" },
	{ "hackney-homes", "Hackney Homes", "housing_provider", "false" },
};

static const struct {
	const char	*agency, *code, *name, *specialist;
} teams[] = {
	{ "city-police", "neighbourhood", "Neighbourhood Policing Team", "false" },
	{ "city-police", "asb-hub", "ASB Hub", "true" },
	{ "city-police", "control-room", "Force Control Room", "false" },
	{ "city-council", "community-safety", "Community Safety Team", "true" },
	{ "city-council", "environmental-health", "Environmental Health", "false" },
	{ "hackney-homes", "tenancy-enforcement", "Tenancy Enforcement", "true" },
	{ "hackney-homes", "estate-services", "Estate Services", "false" },
};

/* agency_kinds: who may hold the role; {} means any agency. */
static const struct {
	const char	*code, *name, *kinds;
} roles[] = {
	{ "call_handler", "Call handler", "{police}" },
	{ "police_officer", "Police officer", "{police}" },
	{ "police_supervisor", "Police supervisor", "{police}" },
	{ "council_officer", "Council ASB officer", "{local_authority}" },
	{ "council_manager", "Council ASB manager", "{local_authority}" },
	{ "partner_reporter", "Partner reporter", "{housing_provider,third_sector}" },
	{ "analyst", "Analyst", "{}" },
	{ "administrator", "Administrator", "{}" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Writes every row in one transaction. Returns 0, or -1 with pg_error set. */
static int
demo_write(struct pg *pg)
{
	const char *p[4];
	size_t i;

	if (pg_begin(pg) == -1)
		return -1;
	for (i = 0; i < NELEM(agencies); i++) {
		p[0] = agencies[i].code;
		p[1] = agencies[i].name;
		p[2] = agencies[i].kind;
		p[3] = agencies[i].core;
		if (pg_exec_ok(pg, "demo_agency", 4, p) == -1)
			goto err;
	}
	for (i = 0; i < NELEM(teams); i++) {
		p[0] = teams[i].agency;
		p[1] = teams[i].code;
		p[2] = teams[i].name;
		p[3] = teams[i].specialist;
		if (pg_exec_ok(pg, "demo_team", 4, p) == -1)
			goto err;
	}
	for (i = 0; i < NELEM(roles); i++) {
		p[0] = roles[i].code;
		p[1] = roles[i].name;
		p[2] = roles[i].kinds;
		if (pg_exec_ok(pg, "demo_role", 3, p) == -1)
			goto err;
	}
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}

/* concordctl demo: only where the configuration says demo = 1. */
int
ctl_demo(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &demo_statements };
	struct pg *pg;
	int rc = 1;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: concordctl demo\n");
		return 2;
	}
	if (!cfg->demo) {
		fprintf(stderr, "concordctl: demo data is off in %s: set demo = 1 "
		    "to create it (never on a live system)\n", cfg->path);
		return 1;
	}
	if (cfg->db_admin[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db_admin is not set\n", cfg->path);
		return 1;
	}
	if ((pg = pg_open(cfg->db_admin, sets, NELEM(sets))) == NULL) {
		fprintf(stderr, "concordctl: out of memory\n");
		return 1;
	}
	if (demo_write(pg) == -1) {
		fprintf(stderr, "concordctl: demo: %s\n", pg_error(pg));
		if (strstr(pg_error(pg), "does not exist") != NULL)
			fprintf(stderr, "concordctl: run `concordctl migrate` first\n");
	} else {
		printf("demo partnership ready: %zu agencies, %zu teams, %zu roles\n",
		    NELEM(agencies), NELEM(teams), NELEM(roles));
		rc = 0;
	}
	pg_close(pg);
	return rc;
}
