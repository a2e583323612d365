/* concordctl demo: a demonstration partnership — agencies, their teams, one
 * user per role, and a few incidents shared in each of the ways the access
 * rules distinguish — created or brought back to these values; running it
 * twice changes nothing. The demo users' passwords and TOTP secrets are
 * written to demo-users.json beside the configuration file, and reused
 * from there on the next run; the demo Open311 and CAD clients' keys
 * likewise in demo-clients.json (ctl/api_client.c). Never on a live system (demo = 0).
 *
 *   demo [partnership | incidents]
 *
 * The incidents are placed in their beat and council area as any report
 * is (area_locate), so the areas must be there first; beats belong to the
 * demo's agencies, so scripts/lib.sh runs `demo partnership`, imports the
 * areas, then `demo incidents`. Demo incidents made before the areas were
 * imported are placed by the next `demo incidents`. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "auth/password.h"
#include "auth/totp.h"
#include "core/config.h"
#include "core/random.h"
#include "ctl/ctl.h"
#include "domain/api_client_admin.h"
#include "domain/api_mapping.h"
#include "domain/area.h"
#include "domain/audit.h"
#include "domain/tx.h"
#include "store/pg.h"

#define DEMO_FORCE		"city-police"
#define DEMO_LOG_NUMBER_PATTERN	"^CAD-[0-9]{8}-[0-9]{4}$"
#define DEMO_LOG_NUMBER_EXAMPLE	"CAD-20261202-0042"

static const struct pg_stmt stmts[] = {
	{ "demo_agency",
	  "INSERT INTO agency (code, name, kind, core_partner) "
	  "VALUES ($1, $2, $3::agency_kind, $4::boolean) "
	  "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, "
	  "kind = EXCLUDED.kind, core_partner = EXCLUDED.core_partner" },
	/* The demo force's incident log numbers (its CAD system's): what
	 * its officers' and call handlers' entries are checked against. */
	{ "demo_force_rules",
	  "UPDATE agency SET log_number_pattern = $2, log_number_example = $3 "
	  "WHERE code = $1" },
	{ "demo_team",
	  "INSERT INTO team (agency_id, code, name, specialist) "
	  "SELECT id, $2, $3, $4::boolean FROM agency WHERE code = $1 "
	  "ON CONFLICT (agency_id, code) DO UPDATE SET name = EXCLUDED.name, "
	  "specialist = EXCLUDED.specialist" },
	/* The force's manual triage queue, where each team's notices go, and
	 * the demo's routing rules (only while there are none: an
	 * administrator's rules are theirs). */
	{ "demo_allocation",
	  "WITH f AS (UPDATE agency g SET triage_team_id = t.id FROM team t "
	  "  WHERE g.code = $1 AND t.agency_id = g.id AND t.code = 'triage' RETURNING 1), "
	  "m AS (UPDATE team t SET email = t.code || '@' || g.code || '.example' "
	  "  FROM agency g WHERE g.id = t.agency_id AND t.email IS NULL RETURNING 1), "
	  "r (position, name, categories, flags, agencies, teams) AS (VALUES "
	  "  (1, 'Young people involved', '{}'::asb_category[], '{youth}'::text[], "
	  "   '{}'::text[], '{asb-hub}'::text[]), "
	  "  (2, 'Hate incidents', '{}', '{hate}', '{}', '{asb-hub}'), "
	  "  (3, 'A housing provider''s reports', '{}', '{}', '{hackney-homes}', "
	  "   '{tenancy-enforcement}'), "
	  "  (4, 'Environmental ASB', '{environmental}', '{}', '{}', "
	  "   '{environmental-health}')) "
	  "INSERT INTO routing_rule (position, name, categories, flags, agency_ids, team_ids) "
	  "SELECT r.position, r.name, r.categories, r.flags, "
	  "  ARRAY(SELECT id FROM agency WHERE code = ANY (r.agencies)), "
	  "  ARRAY(SELECT t.id FROM team t JOIN agency g ON g.id = t.agency_id "
	  "    WHERE t.code = ANY (r.teams) AND g.code IN ('city-police', 'city-council', "
	  "    'hackney-homes')) "
	  "FROM r WHERE NOT EXISTS (SELECT 1 FROM routing_rule) "
	  "AND (SELECT count(*) FROM f) + (SELECT count(*) FROM m) >= 0" },
	/* The user's credentials always follow demo-users.json. */
	{ "demo_user",
	  "INSERT INTO app_user (agency_id, team_id, email, name, password_hash, "
	  "totp_secret) SELECT a.id, t.id, $3, $4, $5, $6 FROM agency a "
	  "LEFT JOIN team t ON t.agency_id = a.id AND t.code = $2 WHERE a.code = $1 "
	  "ON CONFLICT (email_normal(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash, "
	  "totp_secret = EXCLUDED.totp_secret, totp_last_step = NULL, disabled_at = NULL, "
	  "agency_id = EXCLUDED.agency_id, team_id = EXCLUDED.team_id" },
	{ "demo_user_role",
	  "INSERT INTO user_role (user_id, role_id, agency_id) "
	  "SELECT u.id, r.id, u.agency_id FROM app_user u, role r "
	  "WHERE email_normal(u.email) = email_normal($1) AND r.code = $2 ON CONFLICT DO NOTHING" },
	{ "demo_type",
	  "INSERT INTO asb_type (code, name, category) VALUES ($1, $2, $3::asb_category) "
	  "ON CONFLICT (code) DO NOTHING" },
	/* Demo incidents are recognised by their description. */
	{ "demo_incident",
	  "INSERT INTO incident (reference, channel, asb_type_id, description, "
	  "occurred_at, location, address, postcode, owning_agency_id, sharing, "
	  "shared_with, status) "
	  "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
	  "lpad(nextval('incident_ref_seq')::text, 6, '0'), $1::incident_channel, "
	  "t.id, $2, now() - interval '2 days', "
	  "ST_SetSRID(ST_MakePoint($3::float8, $4::float8), 4326), $5, $6, a.id, "
	  "$7::sharing_level, coalesce((SELECT array_agg(id) FROM agency "
	  "WHERE code = ANY ($8::text[])), '{}'), 'open' "
	  "FROM asb_type t, agency a WHERE t.code = $9 AND a.code = $10 "
	  "AND NOT EXISTS (SELECT 1 FROM incident WHERE description = $2)" },
	/* A demo incident without a beat or council area gets them ($2, $3:
	 * NULL where the point is in none); one already placed is left alone. */
	{ "demo_incident_place",
	  "UPDATE incident SET beat_id = coalesce(beat_id, $2::bigint), "
	  "la_area_id = coalesce(la_area_id, $3::bigint) "
	  "WHERE description = $1 AND (beat_id IS NULL OR la_area_id IS NULL)" },
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
	{ "city-police", "triage", "Force ASB Triage", "false" },
	{ "city-council", "community-safety", "Community Safety Team", "true" },
	{ "city-council", "environmental-health", "Environmental Health", "false" },
	{ "hackney-homes", "tenancy-enforcement", "Tenancy Enforcement", "true" },
	{ "hackney-homes", "estate-services", "Estate Services", "false" },
};

/* One user per seed role. */
static const struct {
	const char	*email, *name, *agency, *team, *role;
} users[] = {
	{ "call.handler@police.example", "Casey Handler", "city-police", "control-room", "call_handler" },
	{ "officer@police.example", "PC Olu Officer", "city-police", "neighbourhood", "police_officer" },
	{ "supervisor@police.example", "Sgt Sam Supervisor", "city-police", "neighbourhood", "police_supervisor" },
	{ "officer@council.example", "Chris Council", "city-council", "community-safety", "council_officer" },
	{ "manager@council.example", "Morgan Manager", "city-council", "community-safety", "council_manager" },
	{ "reporter@housing.example", "Rita Reporter", "hackney-homes", "tenancy-enforcement", "partner_reporter" },
	{ "analyst@council.example", "Ana Analyst", "city-council", "", "analyst" },
	{ "admin@police.example", "Alex Admin", "city-police", "", "administrator" },
};

static const struct {
	const char	*code, *name, *category;
} types[] = {
	{ "noise", "Noise", "nuisance" },
	{ "vandalism", "Criminal damage, vandalism or graffiti", "environmental" },
	{ "harassment", "Harassment or intimidation", "personal" },
};

/* Incidents that exercise the sharing rules: what each agency may see. */
static const struct {
	const char	*channel, *description, *lon, *lat, *address, *postcode;
	const char	*sharing, *shared_with, *type, *owner;
} incidents[] = {
	{ "police", "Demo: youths shouting and throwing bottles outside the station (shared with the partnership)",
	  "-0.0915", "51.5155", "Moorgate", "EC2M 6SB", "partnership", "{}", "noise", "city-police" },
	{ "police", "Demo: police-only intelligence about drug dealing on the estate (police only)",
	  "-0.0980", "51.5205", "Golden Lane Estate", "EC1Y 0RN", "agency", "{}", "harassment", "city-police" },
	{ "partner", "Demo: graffiti in the stairwell of a housing block (reported by the housing provider)",
	  "-0.0760", "51.5150", "Middlesex Street Estate", "E1 7AA", "partnership", "{}", "vandalism", "hackney-homes" },
	{ "partner", "Demo: a tenancy matter the housing provider keeps to itself",
	  "-0.0770", "51.5160", "Artizan Street", "E1 7AF", "agency", "{}", "noise", "hackney-homes" },
	{ "public", "Demo: loud music every weekend, shared by the council with the housing provider",
	  "-0.0800", "51.5170", "Petticoat Square", "E1 7EA", "named", "{hackney-homes}", "noise", "city-council" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A demo user's sign-in: taken from demo-users.json when it is there. */
struct cred {
	char	password[64];
	char	totp[64];
};

/* The credentials the file already gives email, or new ones. */
static int
cred_for(struct json_object *known, const char *email, struct cred *c)
{
	struct json_object *e, *v;
	size_t i, n = known ? json_object_array_length(known) : 0;
	char hex[13];

	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(known, i);
		if (!json_object_object_get_ex(e, "email", &v) ||
		    strcmp(json_object_get_string(v), email) != 0)
			continue;
		if (json_object_object_get_ex(e, "password", &v))
			snprintf(c->password, sizeof(c->password), "%s", json_object_get_string(v));
		if (json_object_object_get_ex(e, "totp_secret", &v))
			snprintf(c->totp, sizeof(c->totp), "%s", json_object_get_string(v));
		if (strlen(c->password) >= PASSWORD_MIN && strlen(c->totp) == 32)
			return 0;
	}
	if (random_hex(hex, 6) == -1 || totp_secret_new(c->totp, sizeof(c->totp)) == -1)
		return -1;
	snprintf(c->password, sizeof(c->password), "demo-%s", hex);
	return 0;
}

/* Writes the agencies, teams, users and types in one transaction, and the
 * list of sign-ins to out. Returns 0, or -1 with pg_error set (or a
 * message printed). */
static int
partnership_write(struct pg *pg, struct json_object *known, struct json_object *out)
{
	const char *p[6];
	char hash[256];
	struct cred c;
	struct json_object *u;
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
	p[0] = DEMO_FORCE;
	p[1] = DEMO_LOG_NUMBER_PATTERN;
	p[2] = DEMO_LOG_NUMBER_EXAMPLE;
	if (pg_exec_ok(pg, "demo_force_rules", 3, p) == -1)
		goto err;
	for (i = 0; i < NELEM(teams); i++) {
		p[0] = teams[i].agency;
		p[1] = teams[i].code;
		p[2] = teams[i].name;
		p[3] = teams[i].specialist;
		if (pg_exec_ok(pg, "demo_team", 4, p) == -1)
			goto err;
	}
	p[0] = DEMO_FORCE;
	if (pg_exec_ok(pg, "demo_allocation", 1, p) == -1)
		goto err;
	for (i = 0; i < NELEM(users); i++) {
		memset(&c, 0, sizeof(c));
		if (cred_for(known, users[i].email, &c) == -1 ||
		    password_hash(c.password, hash, sizeof(hash)) == -1) {
			fprintf(stderr, "concordctl: demo: cannot make credentials\n");
			goto err;
		}
		p[0] = users[i].agency;
		p[1] = users[i].team;
		p[2] = users[i].email;
		p[3] = users[i].name;
		p[4] = hash;
		p[5] = c.totp;
		if (pg_exec_ok(pg, "demo_user", 6, p) == -1)
			goto err;
		p[0] = users[i].email;
		p[1] = users[i].role;
		if (pg_exec_ok(pg, "demo_user_role", 2, p) == -1)
			goto err;
		u = json_object_new_object();
		json_object_object_add(u, "email", json_object_new_string(users[i].email));
		json_object_object_add(u, "password", json_object_new_string(c.password));
		json_object_object_add(u, "totp_secret", json_object_new_string(c.totp));
		json_object_object_add(u, "role", json_object_new_string(users[i].role));
		json_object_object_add(u, "agency", json_object_new_string(users[i].agency));
		json_object_object_add(u, "name", json_object_new_string(users[i].name));
		json_object_array_add(out, u);
	}
	for (i = 0; i < NELEM(types); i++) {
		p[0] = types[i].code;
		p[1] = types[i].name;
		p[2] = types[i].category;
		if (pg_exec_ok(pg, "demo_type", 3, p) == -1)
			goto err;
	}
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}

/* Writes id into buf as text, or gives NULL (SQL NULL) for 0: none. */
static const char *
id_param(long long id, char *buf, size_t len)
{
	if (id == 0)
		return NULL;
	snprintf(buf, len, "%lld", id);
	return buf;
}

/* Creates the demo incidents that are missing and places every one in its
 * beat and council area, in one transaction; *placed counts those with
 * both. Returns 0, or -1 with pg_error set. */
static int
incidents_write(struct pg *pg, size_t *placed)
{
	const char *p[10];
	char beat[24], area[24];
	struct area_location loc;
	size_t i;

	*placed = 0;
	if (pg_begin(pg) == -1)
		return -1;
	for (i = 0; i < NELEM(incidents); i++) {
		if (area_locate(pg, strtod(incidents[i].lon, NULL),
		    strtod(incidents[i].lat, NULL), &loc) != AREA_OK)
			goto err;
		if (loc.beat.id != 0 && loc.area.id != 0)
			(*placed)++;
		p[0] = incidents[i].channel;
		p[1] = incidents[i].description;
		p[2] = incidents[i].lon;
		p[3] = incidents[i].lat;
		p[4] = incidents[i].address;
		p[5] = incidents[i].postcode;
		p[6] = incidents[i].sharing;
		p[7] = incidents[i].shared_with;
		p[8] = incidents[i].type;
		p[9] = incidents[i].owner;
		if (pg_exec_ok(pg, "demo_incident", 10, p) == -1)
			goto err;
		p[0] = incidents[i].description;
		p[1] = id_param(loc.beat.id, beat, sizeof(beat));
		p[2] = id_param(loc.area.id, area, sizeof(area));
		if (pg_exec_ok(pg, "demo_incident_place", 3, p) == -1)
			goto err;
	}
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}

/* Writes the sign-ins beside the configuration, readable by root only:
 * they are real credentials for this (development) system. */
static int
creds_save(const char *path, struct json_object *list)
{
	char tmp[PATH_MAX + 8];
	const char *text = json_object_to_json_string_ext(list,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
	FILE *f;
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "concordctl: %s: %s\n", tmp, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (fputs(text, f) == EOF || fputc('\n', f) == EOF || fclose(f) == EOF ||
	    rename(tmp, path) == -1) {
		fprintf(stderr, "concordctl: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Reports a failed write, with the likely cause. */
static void
demo_failed(struct pg *pg)
{
	fprintf(stderr, "concordctl: demo: %s\n", pg_error(pg));
	if (strstr(pg_error(pg), "does not exist") != NULL)
		fprintf(stderr, "concordctl: run `concordctl migrate` first\n");
}

/* The agencies, teams, users, types and Open311 client, and the sign-ins
 * file. Returns 0, or -1 after a message. */
static int
partnership_run(const struct config *cfg, struct pg *pg)
{
	struct json_object *known, *out;
	char path[PATH_MAX];
	int rc = -1;

	ctl_beside_config(cfg, "demo-users.json", path, sizeof(path));
	known = json_object_from_file(path);
	if (known != NULL && !json_object_is_type(known, json_type_array)) {
		json_object_put(known);
		known = NULL;
	}
	if ((out = json_object_new_array()) == NULL)
		fprintf(stderr, "concordctl: out of memory\n");
	else if (partnership_write(pg, known, out) == -1)
		demo_failed(pg);
	else if (creds_save(path, out) == 0 && api_client_demo(cfg, pg) == 0) {
		printf("demo partnership ready: %zu agencies, %zu teams, %zu users; "
		    "sign-ins in %s\n", NELEM(agencies), NELEM(teams), NELEM(users), path);
		rc = 0;
	}
	json_object_put(known);
	json_object_put(out);
	return rc;
}

/* The demo incidents, placed in the areas imported so far. Returns 0, or
 * -1 after a message. */
static int
incidents_run(struct pg *pg)
{
	size_t placed;

	if (incidents_write(pg, &placed) == -1) {
		demo_failed(pg);
		return -1;
	}
	printf("demo incidents ready: %zu incidents, %zu in a beat and a council area\n",
	    NELEM(incidents), placed);
	if (placed == 0)
		fprintf(stderr, "concordctl: demo: no beats or council areas cover the "
		    "demo incidents: import the areas (concordctl areas import), then "
		    "run `concordctl demo incidents` again\n");
	return 0;
}

/* concordctl demo [partnership | incidents]: only where the configuration
 * says demo = 1. Without an argument, both, in that order. */
int
ctl_demo(const struct config *cfg, int argc, char *argv[])
{
	static const struct pg_stmts *const sets[] = { &demo_statements,
	    &api_client_statements, &area_statements, &api_client_admin_statements,
	    &api_mapping_statements, &audit_statements, &tx_statements };
	int want_partnership, want_incidents, rc = 0;
	struct pg *pg;

	want_partnership = argc == 1 || (argc == 2 && strcmp(argv[1], "partnership") == 0);
	want_incidents = argc == 1 || (argc == 2 && strcmp(argv[1], "incidents") == 0);
	if (!want_partnership && !want_incidents) {
		fprintf(stderr, "usage: concordctl demo [partnership | incidents]\n");
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
	if ((want_partnership && partnership_run(cfg, pg) == -1) ||
	    (want_incidents && incidents_run(pg) == -1))
		rc = 1;
	pg_close(pg);
	return rc;
}
