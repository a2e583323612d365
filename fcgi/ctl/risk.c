/* concordctl risk: the risk questionnaire an assessment uses, and
 * assessments recorded as a member of staff would, connected as the
 * application's role so that row security applies (README "Risk
 * assessment"). Output is JSON, for operators and scripts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/email.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/risk_provisional.h"
#include "domain/risk_record.h"
#include "domain/statements.h"
#include "domain/users.h"
#include "store/pg.h"

static int
risk_usage(void)
{
	fprintf(stderr, "usage: concordctl risk show [VERSION]\n"
	    "       concordctl risk assess REFERENCE --as EMAIL --version N "
	    "--answers JSON [--reason TEXT]\n"
	    "       concordctl risk history REFERENCE --as EMAIL\n"
	    "       concordctl risk provisional\n");
	return 2;
}

/* Every incident a report made (public, partner, Open311): what the
 * provisional score is computed from. */
static const struct pg_stmt provisional_stmts[] = {
	{ "risk_provisional_incidents",
	  "SELECT i.id FROM incident i WHERE EXISTS (SELECT 1 FROM report r "
	  "WHERE r.incident_id = i.id) ORDER BY i.id" },
};
static const struct pg_stmts provisional_statements = {
	provisional_stmts, sizeof(provisional_stmts) / sizeof(provisional_stmts[0])
};

/* concordctl risk provisional: recomputes the provisional score of every
 * reported incident, as db_admin (all agencies'), in one transaction:
 * after changing triage weights, the mapping or the bands. The score is
 * derived from what the rows hold: no audit row, as for an index. */
static int
risk_provisional_cmd(const struct config *cfg)
{
	const struct pg_stmts *sets[] = { &provisional_statements,
	    &risk_provisional_statements, &risk_record_statements };
	PGresult *res = NULL;
	struct pg *pg;
	int i, rows = 0, rc = 1;

	if ((pg = pg_open(cfg->db_admin, sets, 3)) == NULL) {
		fprintf(stderr, "concordctl: risk: cannot connect as db_admin\n");
		return 1;
	}
	if (pg_begin(pg) == -1 ||
	    (res = pg_exec(pg, "risk_provisional_incidents", 0, NULL)) == NULL)
		goto out;
	rows = PQntuples(res);
	for (i = 0; i < rows; i++)
		if (risk_provisional_refresh(pg, strtoll(PQgetvalue(res, i, 0), NULL, 10)) == -1)
			goto out;
	if (pg_commit(pg) == -1)
		goto out;
	printf("%d incidents scored\n", rows);
	rc = 0;
out:
	if (rc != 0) {
		fprintf(stderr, "concordctl: risk: provisional: %s\n", pg_error(pg));
		pg_rollback(pg);
	}
	PQclear(res);
	pg_close(pg);
	return rc;
}

/* A version as JSON: its questions in order, bands and review cadence. */
static struct json_object *
questionnaire_json(const struct risk_questionnaire *q)
{
	struct json_object *o = json_object_new_object(), *qs, *qo, *bands, *cad, *days;
	size_t i, j;
	int l;

	json_object_object_add(o, "version", json_object_new_int(q->version));
	json_object_object_add(o, "name", json_object_new_string(q->name));
	json_object_object_add(o, "unknown_percent", json_object_new_int(q->unknown_percent));
	qs = json_object_new_array();
	for (i = 0; i < q->n; i++) {
		const struct risk_question *x = &q->questions[i];

		qo = json_object_new_object();
		json_object_object_add(qo, "key", json_object_new_string(x->key));
		json_object_object_add(qo, "label", json_object_new_string(x->label));
		json_object_object_add(qo, "hint", json_object_new_string(x->hint));
		json_object_object_add(qo, "risky",
		    json_object_new_string(risk_answer_name(x->risky)));
		json_object_object_add(qo, "weight", json_object_new_int(x->weight));
		json_object_object_add(qo, "forces", x->forces == RISK_NO_LEVEL ? NULL :
		    json_object_new_string(risk_level_name((enum risk_level)x->forces)));
		json_object_array_add(qs, qo);
	}
	json_object_object_add(o, "questions", qs);
	bands = json_object_new_object();
	cad = json_object_new_object();
	for (l = 0; l < RISK_LEVELS; l++) {
		json_object_object_add(bands, risk_level_name((enum risk_level)l),
		    json_object_new_int(q->band_min[l]));
		days = json_object_new_array();
		for (j = 0; j < q->nreview[l]; j++)
			json_object_array_add(days, json_object_new_int(q->review_days[l][j]));
		json_object_object_add(cad, risk_level_name((enum risk_level)l), days);
	}
	json_object_object_add(o, "bands", bands);
	json_object_object_add(o, "review_days", cad);
	return o;
}

/* One assessment as JSON, with its review dates when it is loaded with
 * its own version (q, or NULL). */
static struct json_object *
assessment_json(const struct risk_assessment *as, const struct risk_questionnaire *q)
{
	struct json_object *o = json_object_new_object(), *due;
	struct tm *tm;
	time_t d[16];
	size_t i, n;
	char when[32];

	json_object_object_add(o, "id", json_object_new_int64(as->id));
	json_object_object_add(o, "version", json_object_new_int(as->version));
	json_object_object_add(o, "score", json_object_new_int(as->score));
	json_object_object_add(o, "level", json_object_new_string(risk_level_name(as->level)));
	json_object_object_add(o, "answers", json_tokener_parse(as->answers));
	json_object_object_add(o, "assessed_by", json_object_new_int64(as->assessed_by));
	json_object_object_add(o, "assessed_at", json_object_new_int64((int64_t)as->assessed_at));
	json_object_object_add(o, "reason", json_object_new_string(as->reason));
	if (q != NULL) {
		due = json_object_new_array();
		n = risk_review_dates(q, as->level, as->assessed_at, d, 16);
		for (i = 0; i < n && i < 16; i++) {
			if ((tm = gmtime(&d[i])) == NULL ||
			    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", tm) == 0)
				continue;
			json_object_array_add(due, json_object_new_string(when));
		}
		json_object_object_add(o, "reviews_due", due);
	}
	return o;
}

static void
print_json(struct json_object *o)
{
	printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
}

/* The member of staff to act as, by email, with their permissions, for
 * the command cmd. 0, or -1 after saying why. */
int
ctl_actor_by_email(struct pg *pg, const char *cmd, const char *email, struct actor *a)
{
	struct user_auth u;
	char normal[255];
	int rc;

	memset(a, 0, sizeof(*a));
	if (email_normal(email, normal, sizeof(normal)) == -1) {
		fprintf(stderr, "concordctl: %s: %s is not an email address\n", cmd, email);
		return -1;
	}
	if ((rc = user_auth_by_email(pg, normal, &u)) != 1 || u.disabled) {
		fprintf(stderr, "concordctl: %s: %s\n", cmd, rc == -1 ? pg_error(pg) :
		    "no such member of staff, or disabled");
		return -1;
	}
	a->user_id = u.id;
	a->agency_id = u.agency_id;
	a->perms = u.perms;
	a->core_partner = u.core_partner;
	return 0;
}

static int
risk_show(struct pg *pg, struct arena *ar, int argc, char *argv[])
{
	struct risk_questionnaire q;
	struct actor nobody = { 0 };
	enum risk_rc rc;
	char *end;
	long v = 0;

	if (argc > 2)
		return risk_usage();
	if (argc == 2 && ((v = strtol(argv[1], &end, 10)) <= 0 || *end != '\0' ||
	    v > 1000000))
		return risk_usage();
	if ((rc = risk_questionnaire_get(pg, ar, &nobody, (int)v, &q)) != RISK_OK) {
		fprintf(stderr, "concordctl: risk: %s\n", rc == RISK_NOT_FOUND ?
		    "no such questionnaire version" : pg_error(pg));
		return 1;
	}
	print_json(questionnaire_json(&q));
	return 0;
}

static const char *
assess_error(enum risk_rc rc, const char *bad_key, struct pg *pg, struct arena *ar)
{
	switch (rc) {
	case RISK_BAD_KEY:
		return arena_printf(ar, "answers: %s is not a question of the active "
		    "questionnaire", bad_key != NULL ? bad_key : "");
	case RISK_BAD_ANSWER:
		return bad_key == NULL ? "answers must be a JSON object" :
		    arena_printf(ar, "answers: %s must be yes, no or unknown", bad_key);
	case RISK_NOT_FOUND:
		return "no such incident";
	case RISK_CONFLICT:
		return "the incident was changed since that version: read it again";
	default:
		return pg_error(pg);
	}
}

static int
risk_assess_cmd(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const char *answers_text,
    const char *reason)
{
	struct json_object *answers;
	struct risk_assessment as;
	struct risk_questionnaire q;
	const char *bad = NULL;
	enum risk_rc rc;

	if (!perm_has(a->perms, PERM_RISK_ASSESS)) {
		fprintf(stderr, "concordctl: risk: that member of staff may not assess risk\n");
		return 1;
	}
	if ((answers = json_tokener_parse(answers_text)) == NULL) {
		fprintf(stderr, "concordctl: risk: answers are not JSON\n");
		return 2;
	}
	rc = risk_assess(pg, ar, a, reference, version, answers, reason, &as, &bad);
	if (rc != RISK_OK) {
		fprintf(stderr, "concordctl: risk: %s\n", assess_error(rc, bad, pg, ar));
		json_object_put(answers);
		return 1;
	}
	json_object_put(answers);
	if (risk_questionnaire_get(pg, ar, a, as.version, &q) != RISK_OK) {
		fprintf(stderr, "concordctl: risk: %s\n", pg_error(pg));
		return 1;
	}
	print_json(assessment_json(&as, &q));
	return 0;
}

static int
risk_history_cmd(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference)
{
	struct risk_assessment *as;
	struct risk_questionnaire q;
	struct json_object *list, *o;
	enum risk_rc rc;
	size_t i, n;

	if ((rc = risk_history(pg, ar, a, reference, &as, &n)) != RISK_OK) {
		fprintf(stderr, "concordctl: risk: %s\n", assess_error(rc, NULL, pg, ar));
		return 1;
	}
	list = json_object_new_array();
	for (i = 0; i < n; i++) {
		/* Each with the questions of its own version. */
		if (risk_questionnaire_get(pg, ar, a, as[i].version, &q) != RISK_OK) {
			fprintf(stderr, "concordctl: risk: %s\n", pg_error(pg));
			json_object_put(list);
			return 1;
		}
		o = assessment_json(&as[i], &q);
		json_object_object_add(o, "questionnaire", questionnaire_json(&q));
		json_object_array_add(list, o);
	}
	print_json(list);
	return 0;
}

int
ctl_risk(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "as",		required_argument, NULL, 'a' },
		{ "version",	required_argument, NULL, 'v' },
		{ "answers",	required_argument, NULL, 'j' },
		{ "reason",	required_argument, NULL, 'r' },
		{ NULL,		0, NULL, 0 },
	};
	const char *email = NULL, *answers = NULL, *reason = "", *sub;
	long long version = -1;
	struct arena *ar = NULL;
	struct pg *pg = NULL;
	struct actor a;
	char *end;
	int c, rc = 1;

	if (argc < 2)
		return risk_usage();
	sub = argv[1];
	if (strcmp(sub, "provisional") == 0)
		return argc == 2 ? risk_provisional_cmd(cfg) : risk_usage();
	if (strcmp(sub, "show") != 0) {
		/* REFERENCE comes first; its options follow (as argv[0] of
		 * getopt's own vector, which getopt skips). */
		if (argc < 3 || argv[2][0] == '-')
			return risk_usage();
		optind = 0;
		while ((c = getopt_long(argc - 2, argv + 2, "", opts, NULL)) != -1)
			switch (c) {
			case 'a':
				email = optarg;
				break;
			case 'v':
				version = strtoll(optarg, &end, 10);
				if (*end != '\0' || version < 0)
					return risk_usage();
				break;
			case 'j':
				answers = optarg;
				break;
			case 'r':
				reason = optarg;
				break;
			default:
				return risk_usage();
			}
		if (optind != argc - 2 || email == NULL ||
		    (strcmp(sub, "assess") == 0 && (version < 0 || answers == NULL)) ||
		    (strcmp(sub, "history") == 0 && (version >= 0 || answers != NULL)) ||
		    (strcmp(sub, "assess") != 0 && strcmp(sub, "history") != 0))
			return risk_usage();
	}
	if (cfg->db[0] == '\0') {
		fprintf(stderr, "concordctl: %s: db is not set\n", cfg->path);
		return 1;
	}
	if ((ar = arena_new(64 * 1024)) == NULL ||
	    (pg = pg_open(cfg->db, domain_statements, domain_statements_n)) == NULL) {
		fprintf(stderr, "concordctl: risk: cannot connect to the database\n");
		goto out;
	}
	if (strcmp(sub, "show") == 0)
		rc = risk_show(pg, ar, argc - 1, argv + 1);
	else if (ctl_actor_by_email(pg, "risk", email, &a) == -1)
		rc = 1;
	else if (strcmp(sub, "assess") == 0)
		rc = risk_assess_cmd(pg, ar, &a, argv[2], version, answers, reason);
	else
		rc = risk_history_cmd(pg, ar, &a, argv[2]);
out:
	pg_close(pg);
	arena_free(ar);
	return rc;
}
