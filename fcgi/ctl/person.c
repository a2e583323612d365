/* concordctl person: person matching from the command line (README
 * "Person matching"). `match` lists the people a member of staff may see
 * who may be the person described, connected as the application's role
 * so that row security applies, and never changes anything; `backfill`
 * computes the match keys of people written before migration 0023. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/person_match.h"
#include "domain/statements.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "person_backfill_list",
	  "SELECT id, coalesce(given_name, ''), coalesce(family_name, ''), '', "
	  "coalesce(phone, ''), coalesce(email, ''), coalesce(postcode, '') FROM person "
	  "WHERE name_key IS NULL AND phone_key IS NULL AND email_key IS NULL "
	  "AND postcode_key IS NULL ORDER BY id" },
	{ "person_backfill_set",
	  "UPDATE person SET name_key = nullif($2, ''), phone_key = nullif($3, ''), "
	  "email_key = nullif($4, ''), postcode_key = nullif($5, '') WHERE id = $1::bigint" },
};
static const struct pg_stmts backfill_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static int
person_usage(void)
{
	fprintf(stderr, "usage: concordctl person match --as EMAIL [--given NAME] "
	    "[--family NAME] [--dob YYYY-MM-DD] [--phone TEL] [--email ADDR] "
	    "[--postcode PC] [--exclude ID]\n"
	    "       concordctl person backfill\n");
	return 2;
}

static struct json_object *
suggestion_json(const struct pm_suggestion *s)
{
	struct json_object *o = json_object_new_object(), *why = json_object_new_array();
	size_t i;

	json_object_object_add(o, "person_id", json_object_new_int64(s->person_id));
	json_object_object_add(o, "given_name", json_object_new_string(s->given_name));
	json_object_object_add(o, "family_name", json_object_new_string(s->family_name));
	json_object_object_add(o, "score", json_object_new_int(s->score.score));
	json_object_object_add(o, "level",
	    json_object_new_string(pm_level_name(s->score.level)));
	for (i = 0; i < s->score.nreasons; i++)
		json_object_array_add(why, json_object_new_string(s->score.reasons[i]));
	json_object_object_add(o, "reasons", why);
	return o;
}

static int
person_match_cmd(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "as",		required_argument, NULL, 'a' },
		{ "given",	required_argument, NULL, 'g' },
		{ "family",	required_argument, NULL, 'f' },
		{ "dob",	required_argument, NULL, 'd' },
		{ "phone",	required_argument, NULL, 'p' },
		{ "email",	required_argument, NULL, 'e' },
		{ "postcode",	required_argument, NULL, 'c' },
		{ "exclude",	required_argument, NULL, 'x' },
		{ NULL,		0, NULL, 0 },
	};
	struct person_facts f = { 0 };
	struct pm_suggestion *list;
	struct json_object *out;
	const char *email = NULL;
	long long exclude = 0;
	struct arena *ar = NULL;
	struct pg *pg = NULL;
	struct actor a;
	size_t i, n;
	char *end;
	int c, rc = 1;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'a': email = optarg; break;
		case 'g': f.given_name = optarg; break;
		case 'f': f.family_name = optarg; break;
		case 'd': f.dob = optarg; break;
		case 'p': f.phone = optarg; break;
		case 'e': f.email = optarg; break;
		case 'c': f.postcode = optarg; break;
		case 'x':
			exclude = strtoll(optarg, &end, 10);
			if (*end != '\0' || exclude < 0)
				return person_usage();
			break;
		default:
			return person_usage();
		}
	if (optind != argc || email == NULL)
		return person_usage();
	if (cfg->db[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db is not set\n", cfg->path);
		return 1;
	}
	if ((ar = arena_new(64 * 1024)) == NULL ||
	    (pg = pg_open(cfg->db, domain_statements, domain_statements_n)) == NULL) {
		fprintf(stderr, "concordctl: person: cannot connect to the database\n");
		goto out;
	}
	if (ctl_actor_by_email(pg, "person", email, &a) == -1)
		goto out;
	if (!perm_has(a.perms, PERM_PERSON_VIEW)) {
		fprintf(stderr, "concordctl: person: that member of staff may not see people\n");
		goto out;
	}
	if (pm_suggest(pg, ar, &a, &f, exclude, &list, &n) == -1) {
		fprintf(stderr, "concordctl: person: %s\n", pg_error(pg));
		goto out;
	}
	out = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(out, suggestion_json(&list[i]));
	printf("%s\n", json_object_to_json_string_ext(out, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(out);
	rc = 0;
out:
	pg_close(pg);
	arena_free(ar);
	return rc;
}

/* The keys are derived from what the row holds, so writing them changes
 * nothing a person could read: no audit row, as for an index. */
static int
person_backfill_cmd(const struct config *cfg)
{
	const struct pg_stmts *sets[] = { &backfill_statements };
	struct person_facts f;
	struct person_keys k;
	const char *p[5];
	PGresult *res = NULL;
	struct pg *pg;
	int i, rows, rc = 1;

	if ((pg = pg_open(cfg->db_admin, sets, 1)) == NULL) {
		fprintf(stderr, "concordctl: person: cannot connect as db_admin\n");
		return 1;
	}
	if (pg_begin(pg) == -1 || (res = pg_exec(pg, "person_backfill_list", 0, NULL)) == NULL)
		goto out;
	rows = PQntuples(res);
	for (i = 0; i < rows; i++) {
		/* columns as pm_facts_row reads them; no date of birth key */
		pm_facts_row(res, i, &f);
		pm_keys_make(&f, &k);
		p[0] = PQgetvalue(res, i, 0);
		p[1] = k.name;
		p[2] = k.phone;
		p[3] = k.email;
		p[4] = k.postcode;
		if (pg_exec_ok(pg, "person_backfill_set", 5, p) == -1)
			goto out;
	}
	if (pg_commit(pg) == -1)
		goto out;
	printf("%d people looked at\n", rows);
	rc = 0;
out:
	if (rc != 0) {
		fprintf(stderr, "concordctl: person: backfill: %s\n", pg_error(pg));
		pg_rollback(pg);
	}
	PQclear(res);
	pg_close(pg);
	return rc;
}

int
ctl_person(const struct config *cfg, int argc, char *argv[])
{
	if (argc >= 2 && strcmp(argv[1], "match") == 0)
		return person_match_cmd(cfg, argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[1], "backfill") == 0)
		return person_backfill_cmd(cfg);
	return person_usage();
}
