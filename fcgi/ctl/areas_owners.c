/* concordctl areas import: whose the areas are. Each area's agency (the
 * one --area-agency AREA=CODE names, else --agency, else the council
 * "<name>-council", created by --create-councils when missing) and its
 * team (--team in that agency, or a beat's own neighbourhood team). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "ctl/areas_import.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "geo/area_set.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "areas_agency", "SELECT id, kind FROM agency WHERE code = $1" },
	{ "areas_council_add",
	  "INSERT INTO agency (code, name, kind, core_partner, active) "
	  "VALUES ($1, $2, 'local_authority', false, false) "
	  "ON CONFLICT (code) DO NOTHING RETURNING id" },
	{ "areas_team", "SELECT id FROM team WHERE agency_id = $1::bigint AND code = $2" },
	{ "areas_team_add",
	  "INSERT INTO team (agency_id, code, name) VALUES ($1::bigint, $2, $3) "
	  "ON CONFLICT (agency_id, code) DO NOTHING RETURNING id" },
};

const struct pg_stmts areas_owner_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The agency code for a council's area from its name: "Tower Hamlets"
 * gives "tower-hamlets-council". */
static void
council_code(const char *name, char *out, size_t len)
{
	size_t n = 0, max = len - sizeof("-council");
	int dash = 0;

	for (; *name != '\0' && n < max && n < 24; name++) {
		if (*name == '\'')
			continue;	/* "King's Lynn": kings-lynn */
		if (isalnum((unsigned char)*name)) {
			if (dash && n > 0)
				out[n++] = '-';
			if (n < max)
				out[n++] = (char)tolower((unsigned char)*name);
			dash = 0;
		} else
			dash = 1;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	snprintf(out + n, len - n, "%s", n > 0 ? "-council" : "council");
}

int
areas_db_fail(struct import *im)
{
	fprintf(stderr, "concordctl: %s\n", pg_error(im->pg));
	return -1;
}

/* Creates council agency code ("<name> Council") for --create-councils.
 * Returns its id, or -1 after a message. */
static long long
council_create(struct import *im, const char *code, const char *area_name)
{
	char name[256];
	const char *p[2] = { code, name };
	struct json_object *c;
	PGresult *res;
	long long id = -1;

	snprintf(name, sizeof(name), "%s Council", area_name);
	if ((res = pg_exec(im->pg, "areas_council_add", 2, p)) == NULL)
		return areas_db_fail(im);
	/* Inside our transaction no one else can have added it since. */
	if (PQntuples(res) == 1)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (id == -1) {
		fprintf(stderr, "concordctl: agency %s appeared during the import: "
		    "run it again\n", code);
		return -1;
	}
	c = json_object_new_object();
	json_object_object_add(c, "id", json_object_new_int64(id));
	json_object_object_add(c, "code", json_object_new_string(code));
	json_object_object_add(c, "name", json_object_new_string(name));
	json_object_object_add(c, "kind", json_object_new_string("local_authority"));
	json_object_object_add(c, "core_partner", json_object_new_boolean(0));
	json_object_object_add(c, "active", json_object_new_boolean(0));
	json_object_array_add(im->created, c);
	return id;
}

/* The agency for feature f, looked up once per code (or created, for
 * --create-councils). Returns its index in im->seen, or -1 after a message. */
static long
agency_for(struct import *im, const struct area_feature *f)
{
	struct import_args *a = im->args;
	const char *code = NULL, *want = a->beats ? "police" : "local_authority";
	char made[40], what[AREA_SET_ERR];
	struct agency_seen *s;
	PGresult *res;
	size_t i;
	int found, named = 1;

	for (i = 0; i < a->nmap && code == NULL; i++)
		if (strcmp(a->map[i].area, f->code) == 0) {
			code = a->map[i].agency;
			a->map[i].used = 1;
		}
	if (code == NULL)
		code = a->agency;
	if (code == NULL) {
		council_code(f->name, made, sizeof(made));
		code = made;
		named = 0;
	}
	for (i = 0; i < im->nseen; i++)
		if (strcmp(im->seen[i].code, code) == 0) {
			im->seen[i].named |= named;
			return (long)i;
		}
	area_feature_label(f, what, sizeof(what));
	if (strlen(code) >= sizeof(s->code)) {
		fprintf(stderr, "concordctl: %s: agency code %s is too long\n", what, code);
		return -1;
	}
	s = &im->seen[im->nseen];
	memset(s, 0, sizeof(*s));
	snprintf(s->code, sizeof(s->code), "%s", code);
	s->named = named;
	if ((res = pg_exec(im->pg, "areas_agency", 1, &code)) == NULL)
		return areas_db_fail(im);
	found = PQntuples(res) == 1;
	if (found && strcmp(PQgetvalue(res, 0, 1), want) != 0) {
		fprintf(stderr, "concordctl: %s: agency %s is a %s agency; %s belong "
		    "to a %s agency\n", what, code, PQgetvalue(res, 0, 1),
		    a->beats ? "beats" : "council areas", want);
		PQclear(res);
		return -1;
	}
	if (found)
		s->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (!found && named) {
		fprintf(stderr, "concordctl: %s: there is no agency %s%s\n", what, code,
		    a->beats ? "" : " (create it first, or use --create-councils for "
		    "councils outside the partnership)");
		return -1;
	}
	if (!found && !a->create_councils) {
		fprintf(stderr, "concordctl: %s has no agency: give --area-agency "
		    "%s=CODE or --agency CODE, or --create-councils to create %s\n",
		    what, f->code, made);
		return -1;
	}
	if (!found && (s->id = council_create(im, code, f->name)) == -1)
		return -1;
	return (long)im->nseen++;
}

/* The team of a beat without --team: "nbt-" and its code in lower case
 * ("E05009288" gives nbt-e05009288), in the arena; NULL when nothing is
 * left of the code. */
static const char *
beat_team_code(struct arena *ar, const char *code)
{
	char out[33] = "nbt-";
	size_t n = 4;
	int dash = 0;

	for (; *code != '\0' && n < sizeof(out) - 1; code++)
		if (isalnum((unsigned char)*code)) {
			if (dash && n > 4)
				out[n++] = '-';
			if (n < sizeof(out) - 1)
				out[n++] = (char)tolower((unsigned char)*code);
			dash = 0;
		} else
			dash = 1;
	out[n] = '\0';
	return n > 4 ? arena_strdup(ar, out) : NULL;
}

/* The id of team code in agency id, created as name when create is set
 * and it is missing (and audited). Returns it, 0 when missing, or -1. */
static long long
team_find(struct import *im, long long agency, const char *code, const char *name,
    int create)
{
	struct actor system = { .request_id = "concordctl" };
	char aid[24], tid[24];
	const char *p[3] = { aid, code, name };
	struct json_object *t;
	PGresult *res;
	long long id = 0;

	snprintf(aid, sizeof(aid), "%lld", agency);
	if ((res = pg_exec(im->pg, "areas_team", 2, p)) == NULL)
		return areas_db_fail(im);
	if (PQntuples(res) == 1)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (id != 0 || !create) {
		im->teams_reused += id != 0 && create;
		return id;
	}
	if ((res = pg_exec(im->pg, "areas_team_add", 3, p)) == NULL)
		return areas_db_fail(im);
	if (PQntuples(res) == 1)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (id == 0) {
		fprintf(stderr, "concordctl: team %s appeared during the import: run "
		    "it again\n", code);
		return -1;
	}
	snprintf(tid, sizeof(tid), "%lld", id);
	system.agency_id = agency;
	t = json_object_new_object();
	json_object_object_add(t, "agency_id", json_object_new_int64(agency));
	json_object_object_add(t, "code", json_object_new_string(code));
	json_object_object_add(t, "name", json_object_new_string(name));
	json_object_object_add(t, "specialist", json_object_new_boolean(0));
	json_object_object_add(t, "active", json_object_new_boolean(1));
	if (audit_append(im->pg, &system, "team", tid, "create", NULL, t,
	    "concordctl areas import: the beat's neighbourhood team") == -1) {
		json_object_put(t);
		return areas_db_fail(im);
	}
	json_object_put(t);
	json_object_array_add(im->teams_created, json_object_new_string(code));
	return id;
}

/* Feature i's team: --team in its agency (missing: an error for an agency
 * named on the command line, no team for one found from the area's name);
 * for a beat without --team its own neighbourhood team, created when
 * missing. Sets im->team_of[i] (0: none). Returns 0, or -1 after a message. */
static int
team_for(struct import *im, size_t i, struct agency_seen *s)
{
	const struct area_feature *f = &im->set->f[i];
	char name[256], what[AREA_SET_ERR];
	const char *code;
	long long id;
	size_t j;


	area_feature_label(f, what, sizeof(what));
	if (im->args->team != NULL) {
		if (s->team_id == 0) {
			if ((id = team_find(im, s->id, im->args->team, NULL, 0)) == -1)
				return -1;
			s->team_id = id > 0 ? id : -1;
		}
		if (s->team_id == -1 && s->named) {
			fprintf(stderr, "concordctl: %s: agency %s has no team %s "
			    "(--team)\n", what, s->code, im->args->team);
			return -1;
		}
	} else if (im->args->beats) {
		if ((code = beat_team_code(im->set->arena, f->code)) == NULL) {
			fprintf(stderr, "concordctl: %s: no team code can be made of "
			    "the code: give --team\n", what);
			return -1;
		}
		for (j = 0; j < i; j++)
			if (strcmp(im->team_code[j], code) == 0) {
				fprintf(stderr, "concordctl: %s and %s would share the team "
				    "%s: give --team, or codes that differ in more than "
				    "case and punctuation\n", what, im->set->f[j].code, code);
				return -1;
			}
		im->team_code[i] = code;
		/* A name that fits team.name (200 at most), cut at a character. */
		snprintf(name, sizeof(name), "%.180s", f->name);
		for (j = strlen(name); j > 0 && ((unsigned char)name[j - 1] & 0xc0) == 0x80; j--)
			;
		if (strlen(name) == 180 && j > 0 && (unsigned char)name[j - 1] >= 0xc0)
			name[j - 1] = '\0';
		snprintf(name + strlen(name), sizeof(name) - strlen(name),
		    " Neighbourhood Team");
		if ((im->team_of[i] = team_find(im, s->id, code, name, 1)) == -1)
			return -1;
		im->with_team++;
		return 0;
	}
	im->team_of[i] = s->team_id > 0 ? s->team_id : 0;
	im->with_team += im->team_of[i] != 0;
	if (im->team_of[i] == 0)
		json_object_array_add(im->no_team, json_object_new_string(f->code));
	return 0;
}

/* Every feature's agency and team. Returns 0, or -1 after a message. */
int
areas_owners(struct import *im)
{
	const struct import_args *a = im->args;
	size_t i;
	long k;

	for (i = 0; i < im->set->n; i++) {
		if ((k = agency_for(im, &im->set->f[i])) == -1)
			return -1;
		im->agency_of[i] = im->seen[k].id;
		if (team_for(im, i, &im->seen[k]) == -1)
			return -1;
	}
	for (i = 0; i < a->nmap; i++)
		if (!a->map[i].used) {
			fprintf(stderr, "concordctl: no area has code %s (--area-agency "
			    "%s=%s)\n", a->map[i].area, a->map[i].area, a->map[i].agency);
			return -1;
		}
	return 0;
}
