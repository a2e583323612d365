/* concordctl intake --as EMAIL: one staff submission (police, call
 * handler, CAD) read as JSON from standard input, taken by the one intake
 * (domain/intake.c) as that member of staff, and its result or its field
 * errors written as JSON: for trying a force's rules (mandatory fields,
 * the log number's format) and for scripts that load incidents. The
 * input's keys are README "concordctl intake". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "ctl/ctl.h"
#include "domain/actor.h"
#include "domain/intake.h"
#include "domain/statements.h"
#include "store/pg.h"

#define INTAKE_INPUT_MAX	(1024 * 1024)

static int
intake_usage(void)
{
	fprintf(stderr, "usage: concordctl intake --as EMAIL < submission.json\n");
	return 2;
}

/* A string member of o, or NULL. */
static const char *
str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* A yes/no: 1, 0, or -1 when absent. */
static int
yes(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
		return -1;
	return json_object_get_boolean(v) ? 1 : 0;
}

/* A number member of o (an id), or 0. */
static long long
id(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : 0;
}

/* The channel by its name (default police). 0, or -1. */
static int
channel_parse(const char *s, enum intake_channel *c)
{
	if (s == NULL || strcmp(s, "police") == 0)
		*c = INTAKE_POLICE;
	else if (strcmp(s, "call_handler") == 0)
		*c = INTAKE_CALL;
	else if (strcmp(s, "cad") == 0)
		*c = INTAKE_CAD;
	else
		return -1;
	return 0;
}

/* A person's part by its name (default reporter). */
static enum flag_role
role_parse(const char *s)
{
	if (s != NULL && strcmp(s, "victim") == 0)
		return FLAG_VICTIM;
	if (s != NULL && strcmp(s, "witness") == 0)
		return FLAG_WITNESS;
	if (s != NULL && strcmp(s, "subject") == 0)
		return FLAG_SUBJECT;
	return FLAG_REPORTER;
}

/* The "people" list into s. 0, or -1 when memory runs out. */
static int
people_read(struct arena *ar, struct json_object *o, struct intake_submission *s)
{
	struct intake_person *p;
	struct json_object *list, *one;
	size_t i, n;

	if (!json_object_object_get_ex(o, "people", &list) ||
	    !json_object_is_type(list, json_type_array))
		return 0;
	n = json_object_array_length(list);
	if ((p = arena_calloc(ar, n + 1, sizeof(*p))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		one = json_object_array_get_idx(list, i);
		p[i].existing_id = id(one, "existing");
		p[i].role = role_parse(str(one, "role"));
		p[i].given_name = str(one, "given_name");
		p[i].family_name = str(one, "family_name");
		p[i].dob = str(one, "dob");
		p[i].phone = str(one, "phone");
		p[i].email = str(one, "email");
		p[i].address = str(one, "address");
		p[i].postcode = str(one, "postcode");
		p[i].preferred_contact = str(one, "preferred_contact");
		p[i].vulnerable = yes(one, "vulnerable");
		p[i].contact_consent = yes(one, "contact_consent");
		p[i].share_consent = yes(one, "share_consent");
	}
	s->people = p;
	s->npeople = n;
	return 0;
}

/* The submission the JSON describes. 0, or -1 (said why). */
static int
submission_read(struct arena *ar, struct json_object *o, struct intake_submission *s)
{
	struct json_object *v, *scr;

	memset(s, 0, sizeof(*s));
	if (channel_parse(str(o, "channel"), &s->channel) == -1) {
		fprintf(stderr, "concordctl: intake: channel must be police, "
		    "call_handler or cad\n");
		return -1;
	}
	s->report.type_code = str(o, "type");
	s->report.description = str(o, "description");
	s->report.address = str(o, "address");
	s->report.postcode = str(o, "postcode");
	s->report.idempotency_key = str(o, "idempotency_key");
	if (json_object_object_get_ex(o, "answers", &v) &&
	    json_object_is_type(v, json_type_object))
		s->report.answers = v;
	s->nsir = str(o, "nsir");
	s->occurred_date = str(o, "date");
	s->occurred_time = str(o, "time");
	s->lon_text = str(o, "lon");
	s->lat_text = str(o, "lat");
	s->at_caller_address = yes(o, "at_caller_address") > 0;
	s->log_number = str(o, "log_number");
	s->officer_id = id(o, "officer");
	if (json_object_object_get_ex(o, "risk", &v) && json_object_is_type(v,
	    json_type_object))
		s->risk_answers = v;
	s->risk_version = (int)id(o, "risk_version");
	s->screening.repeat = s->screening.vulnerable = -1;
	s->screening.targeted = s->screening.at_risk = -1;
	if (json_object_object_get_ex(o, "screening", &scr)) {
		s->screening.repeat = yes(scr, "repeat");
		s->screening.vulnerable = yes(scr, "vulnerable");
		s->screening.targeted = yes(scr, "targeted");
		s->screening.at_risk = yes(scr, "at_risk");
	}
	s->call_note = str(o, "call_note");
	s->link_to = str(o, "link_to");
	s->confirmed_new = yes(o, "confirmed_new") > 0;
	return people_read(ar, o, s);
}

/* The result, or the errors, as one line of JSON. */
/* The queues the incident went to, and why. */
static struct json_object *
allocations_json(const struct allocations *al)
{
	struct json_object *arr = json_object_new_array(), *a;
	size_t i;

	for (i = 0; i < al->n; i++) {
		a = json_object_new_object();
		json_object_object_add(a, "team", json_object_new_int64(al->a[i].team_id));
		json_object_object_add(a, "kind", json_object_new_string(al->a[i].kind));
		json_object_object_add(a, "reason", json_object_new_string(al->a[i].reason));
		json_object_object_add(a, "location_to_confirm",
		    json_object_new_boolean(al->a[i].location_to_confirm));
		json_object_array_add(arr, a);
	}
	return arr;
}

static void
result_print(enum intake_rc rc, const struct intake_result *res)
{
	struct json_object *o = json_object_new_object(), *errs, *e;
	size_t i;

	json_object_object_add(o, "result", json_object_new_string(rc == INTAKE_OK ?
	    "ok" : rc == INTAKE_INVALID ? "invalid" : "error"));
	if (rc == INTAKE_OK) {
		json_object_object_add(o, "reference",
		    json_object_new_string(res->incident_reference));
		json_object_object_add(o, "incident_id",
		    json_object_new_int64(res->incident_id));
		json_object_object_add(o, "flags", json_object_new_int64(res->flags));
		json_object_object_add(o, "risk_level", json_object_new_int(res->risk_level));
		json_object_object_add(o, "assessment_due",
		    json_object_new_int64((long long)res->assessment_due));
		json_object_object_add(o, "allocations", allocations_json(&res->allocations));
	}
	errs = json_object_new_array();
	for (i = 0; i < res->nerrors; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "field", json_object_new_string(res->errors[i].field));
		json_object_object_add(e, "message",
		    json_object_new_string(res->errors[i].message));
		json_object_array_add(errs, e);
	}
	json_object_object_add(o, "errors", errs);
	printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

/* Reads standard input whole: NULL (said why) when it cannot. */
static char *
input_read(void)
{
	char *buf;
	size_t n = 0, got;

	if ((buf = malloc(INTAKE_INPUT_MAX + 1)) == NULL)
		return NULL;
	while ((got = fread(buf + n, 1, INTAKE_INPUT_MAX - n, stdin)) > 0)
		n += got;
	if (ferror(stdin) || n == INTAKE_INPUT_MAX) {
		fprintf(stderr, "concordctl: intake: cannot read the submission\n");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* concordctl intake --as EMAIL: 0 taken, 1 refused or failed, 2 usage. */
int
ctl_intake(const struct config *cfg, int argc, char *argv[])
{
	struct intake_submission sub;
	struct intake_result *res = NULL;
	struct json_object *o = NULL;
	struct arena *ar = NULL;
	struct pg *pg = NULL;
	struct actor a;
	enum intake_rc rc = INTAKE_ERROR;
	char *text = NULL;
	int status = 1;

	if (argc != 3 || strcmp(argv[1], "--as") != 0)
		return intake_usage();
	if ((text = input_read()) == NULL)
		return 1;
	if ((o = json_tokener_parse(text)) == NULL ||
	    !json_object_is_type(o, json_type_object)) {
		fprintf(stderr, "concordctl: intake: the submission is not a JSON object\n");
		goto out;
	}
	if ((ar = arena_new(8192)) == NULL || (res = malloc(sizeof(*res))) == NULL ||
	    (pg = pg_open(cfg->db, domain_statements, domain_statements_n)) == NULL) {
		fprintf(stderr, "concordctl: intake: cannot connect to the database\n");
		goto out;
	}
	if (ctl_actor_by_email(pg, "intake", argv[2], &a) == -1 ||
	    submission_read(ar, o, &sub) == -1)
		goto out;
	rc = intake_submit(pg, NULL, cfg, &a, &sub, res);
	result_print(rc, res);
	status = rc == INTAKE_OK ? 0 : 1;
out:
	if (pg != NULL)
		pg_close(pg);
	json_object_put(o);
	free(res);
	arena_free(ar);
	free(text);
	return status;
}
