/* The writes of a staff channel's intake (police, call handler, CAD), in
 * the caller's transaction once every check has passed: the incident, its
 * people and their parts in it, the first call, the link the officer
 * chose, the first risk assessment and the audit rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/flags.h"
#include "domain/intake_check.h"
#include "domain/intake_write.h"
#include "domain/person_match.h"
#include "domain/risk_record.h"
#include "store/pg.h"

#define CALL_NOTE_BYTES	2000	/* incident_call.note's limit */

static const struct pg_stmt stmts[] = {
	{ "intake_person_insert",
	  "INSERT INTO person (owning_agency_id, sharing, given_name, family_name, "
	  "date_of_birth, email, phone, address, postcode, preferred_contact, "
	  "contact_consent, share_consent, vulnerable, name_key, phone_key, email_key, "
	  "postcode_key) VALUES ($1, 'partnership', nullif($2, ''), nullif($3, ''), "
	  "nullif($4, '')::date, nullif($5, ''), nullif($6, ''), nullif($7, ''), "
	  "nullif($8, ''), nullif($9, ''), $10::boolean, $11::boolean, $12::boolean, "
	  "nullif($13, ''), nullif($14, ''), nullif($15, ''), nullif($16, '')) "
	  "RETURNING id" },
	{ "intake_incident_person",
	  "INSERT INTO incident_person (incident_id, person_id, role, added_by) "
	  "VALUES ($1, $2, $3::person_role, nullif($4, '0')::bigint) "
	  "ON CONFLICT DO NOTHING" },
	{ "intake_incident_insert",
	  "INSERT INTO incident (reference, channel, asb_type_id, nsir, description, "
	  "occurred_at, location, address, postcode, beat_id, la_area_id, status, "
	  "log_number, officer_id, assessment_due, screening, answers, reporter_id, "
	  "victim_id, owning_agency_id, sharing, created_by, idempotency_key, "
	  "idempotency_body) VALUES ("
	  "next_reference(), "
	  "$1::incident_channel, $2, $3::asb_category, nullif($4, ''), $5::timestamptz, "
	  "CASE WHEN $6::float8 IS NULL THEN NULL ELSE "
	  "ST_SetSRID(ST_MakePoint($6::float8, $7::float8), 4326) END, nullif($8, ''), "
	  "nullif($9, ''), nullif($10, '0')::bigint, nullif($11, '0')::bigint, 'new', "
	  "nullif($12, ''), nullif($13, '0')::bigint, CASE WHEN $14::integer > 0 THEN "
	  "now() + make_interval(hours => $14::integer) END, $15::jsonb, $16::jsonb, "
	  "nullif($17, '0')::bigint, nullif($18, '0')::bigint, $19, 'partnership', "
	  "nullif($20, '0')::bigint, nullif($21, ''), nullif($22, '')) "
	  "RETURNING id, reference, "
	  "coalesce(floor(extract(epoch FROM assessment_due))::bigint, 0)" },
	{ "intake_call_insert",
	  "INSERT INTO incident_call (incident_id, caller_id, log_number, note, "
	  "created_by) VALUES ($1, nullif($2, '0')::bigint, nullif($3, ''), $4, "
	  "nullif($5, '0')::bigint)" },
	{ "intake_link_insert",
	  "INSERT INTO incident_link (incident_id, linked_id, created_by, reason) "
	  "VALUES (least($1::bigint, $2::bigint), greatest($1::bigint, $2::bigint), "
	  "nullif($3, '0')::bigint, $4) ON CONFLICT DO NOTHING" },
};

const struct pg_stmts intake_write_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* A number as a statement parameter. */
static void
num(char *buf, size_t len, long long v)
{
	snprintf(buf, len, "%lld", v);
}

/* A yes/no (-1: not said, as no) as a boolean parameter. */
static const char *
tf(int v)
{
	return v > 0 ? "true" : "false";
}

/* A part in an incident as person_role names it. */
static const char *
role_name(enum flag_role r)
{
	switch (r) {
	case FLAG_VICTIM:
		return "victim";
	case FLAG_WITNESS:
		return "witness";
	case FLAG_SUBJECT:
		return "subject";
	default:
		return "reporter";
	}
}

/* NULL as "" (the statements turn "" into NULL). */
static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* A new person from the facts typed, owned by the actor's agency and seen
 * by the partnership, with the match keys person matching looks up. */
static int
person_insert(struct pg *pg, const struct actor *a, const struct intake_person *ip,
    long long *id)
{
	struct person_facts f = { ip->given_name, ip->family_name, ip->dob, ip->phone,
	    ip->email, ip->postcode };
	struct person_keys k;
	char owner[24];
	const char *p[16];
	PGresult *res;

	pm_keys_make(&f, &k);
	num(owner, sizeof(owner), a->agency_id);
	p[0] = owner;
	p[1] = or_empty(ip->given_name);
	p[2] = or_empty(ip->family_name);
	p[3] = or_empty(ip->dob);
	p[4] = or_empty(ip->email);
	p[5] = or_empty(ip->phone);
	p[6] = or_empty(ip->address);
	p[7] = or_empty(ip->postcode);
	p[8] = or_empty(ip->preferred_contact);
	p[9] = tf(ip->contact_consent);
	p[10] = tf(ip->share_consent);
	p[11] = tf(ip->vulnerable);
	p[12] = k.name;
	p[13] = k.phone;
	p[14] = k.email;
	p[15] = k.postcode;
	if ((res = pg_exec(pg, "intake_person_insert", 16, p)) == NULL)
		return -1;
	*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return 0;
}

/* The people of a submission: each new one written; ids[i] is person
 * i's id (new or picked). 0, or -1 on error. */
static int
people_write(struct pg *pg, const struct actor *a, const struct intake_person *people,
    size_t n, long long *ids)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ids[i] = people[i].existing_id;
		if (ids[i] == 0 && person_insert(pg, a, &people[i], &ids[i]) == -1)
			return -1;
	}
	return 0;
}

/* Person ids[i]'s part in the incident is roles[i]. 0, or -1 on error. */
int
intake_parts_write(struct pg *pg, const struct actor *a, long long incident_id,
    const long long *ids, const enum flag_role *roles, size_t n)
{
	char iid[24], pid[24], by[24];
	const char *p[4] = { iid, pid, NULL, by };
	size_t i;

	num(iid, sizeof(iid), incident_id);
	num(by, sizeof(by), a->user_id);
	for (i = 0; i < n; i++) {
		num(pid, sizeof(pid), ids[i]);
		p[2] = role_name(roles[i]);
		if (pg_exec_ok(pg, "intake_incident_person", 4, p) == -1)
			return -1;
	}
	return 0;
}

/* The first person with a part, or 0. */
static long long
first_with(const struct intake_plan *pl, enum flag_role role)
{
	size_t i;

	for (i = 0; i < pl->npeople; i++)
		if (pl->people[i].role == role)
			return pl->person_ids[i];
	return 0;
}

/* The call handler's four answers as incident.screening keeps them (a
 * key left out when not asked); NULL when none was asked. */
static struct json_object *
screening_json(const struct intake_screening *s)
{
	struct json_object *o;

	if (s == NULL || (s->repeat < 0 && s->vulnerable < 0 && s->targeted < 0 &&
	    s->at_risk < 0))
		return NULL;
	o = json_object_new_object();
	if (s->repeat >= 0)
		json_object_object_add(o, "repeat", json_object_new_boolean(s->repeat > 0));
	if (s->vulnerable >= 0)
		json_object_object_add(o, "vulnerable",
		    json_object_new_boolean(s->vulnerable > 0));
	if (s->targeted >= 0)
		json_object_object_add(o, "targeted", json_object_new_boolean(s->targeted > 0));
	if (s->at_risk >= 0)
		json_object_object_add(o, "at_risk", json_object_new_boolean(s->at_risk > 0));
	return o;
}

/* The incident row; its id and assessment due time in out. */
static int
incident_insert(struct pg *pg, const struct actor *a, const struct intake_plan *pl,
    struct intake_result *out)
{
	char tid[24], lon[32], lat[32], beat[24], area[24], officer[24], hours[16],
	    rep[24], vic[24], owner[24], by[24];
	struct json_object *screening = screening_json(pl->screening);
	const char *p[22];
	PGresult *res;

	num(tid, sizeof(tid), pl->type_id);
	snprintf(lon, sizeof(lon), "%.7f", pl->lon);
	snprintf(lat, sizeof(lat), "%.7f", pl->lat);
	num(beat, sizeof(beat), pl->where.beat.id);
	num(area, sizeof(area), pl->where.area.id);
	num(officer, sizeof(officer), pl->officer_id);
	snprintf(hours, sizeof(hours), "%d", pl->screened_yes ? pl->due_hours : 0);
	num(rep, sizeof(rep), first_with(pl, FLAG_REPORTER));
	num(vic, sizeof(vic), first_with(pl, FLAG_VICTIM));
	num(owner, sizeof(owner), a->agency_id);
	num(by, sizeof(by), a->user_id);
	p[0] = intake_channel_name(pl->channel);
	p[1] = tid;
	p[2] = pl->nsir;
	p[3] = or_empty(pl->description);
	p[4] = pl->occurred_at;
	p[5] = pl->has_point ? lon : NULL;
	p[6] = pl->has_point ? lat : NULL;
	p[7] = or_empty(pl->address);
	p[8] = or_empty(pl->postcode);
	p[9] = beat;
	p[10] = area;
	p[11] = or_empty(pl->log_number);
	p[12] = officer;
	p[13] = hours;
	p[14] = screening != NULL ? json_object_to_json_string_ext(screening,
	    JSON_C_TO_STRING_PLAIN) : NULL;
	p[15] = pl->answers != NULL ? json_object_to_json_string_ext(pl->answers,
	    JSON_C_TO_STRING_PLAIN) : "{}";
	p[16] = rep;
	p[17] = vic;
	p[18] = owner;
	p[19] = by;
	p[20] = or_empty(pl->idempotency_key);
	p[21] = pl->idempotency_key != NULL ? or_empty(pl->idempotency_body) : "";
	res = pg_exec(pg, "intake_incident_insert", 22, p);
	json_object_put(screening);
	if (res == NULL)
		return -1;
	out->incident_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	snprintf(out->incident_reference, sizeof(out->incident_reference), "%s",
	    PQgetvalue(res, 0, 1));
	out->assessment_due = (time_t)strtoll(PQgetvalue(res, 0, 2), NULL, 10);
	PQclear(res);
	return 0;
}

/* The call that made the incident: who rang, the log number, what they
 * said (cut to what a call's note holds, at a character's edge: the
 * description keeps the whole). */
static int
call_insert(struct pg *pg, const struct actor *a, const struct intake_plan *pl,
    long long incident_id)
{
	char iid[24], caller[24], by[24];
	const char *note = or_empty(pl->call_note), *p[5];
	size_t n = strlen(note);

	if (n > CALL_NOTE_BYTES) {
		n = CALL_NOTE_BYTES;
		while (n > 0 && ((unsigned char)note[n] & 0xC0) == 0x80)
			n--;
		if ((note = arena_strndup(pl->ar, note, n)) == NULL)
			return -1;
	}
	num(iid, sizeof(iid), incident_id);
	num(caller, sizeof(caller), first_with(pl, FLAG_REPORTER));
	num(by, sizeof(by), a->user_id);
	p[0] = iid;
	p[1] = caller;
	p[2] = or_empty(pl->log_number);
	p[3] = note;
	p[4] = by;
	return pg_exec_ok(pg, "intake_call_insert", 5, p);
}

/* The link the officer chose to an incident shown as similar, audited on
 * both sides. */
static int
link_insert(struct pg *pg, const struct actor *a, const struct intake_plan *pl,
    const struct intake_result *out)
{
	char iid[24], lid[24], by[24];
	const char *p[4] = { iid, lid, by, "Linked when it was recorded" };
	struct json_object *after;
	int rc;

	num(iid, sizeof(iid), out->incident_id);
	num(lid, sizeof(lid), pl->link_id);
	num(by, sizeof(by), a->user_id);
	if (pg_exec_ok(pg, "intake_link_insert", 4, p) == -1)
		return -1;
	after = json_object_new_object();
	json_object_object_add(after, "linked", json_object_new_string(
	    out->incident_reference));
	rc = audit_append(pg, a, "incident", lid, "link", NULL, after, NULL);
	json_object_put(after);
	return rc;
}

/* What the incident's audit row says was recorded. */
static struct json_object *
audit_created(const struct intake_plan *pl, const struct intake_result *out)
{
	struct json_object *o = json_object_new_object(), *people, *one;
	size_t i;

	json_object_object_add(o, "reference", json_object_new_string(
	    out->incident_reference));
	json_object_object_add(o, "channel", json_object_new_string(
	    intake_channel_name(pl->channel)));
	json_object_object_add(o, "type", json_object_new_string(pl->type_code));
	json_object_object_add(o, "nsir", json_object_new_string(pl->nsir));
	if (pl->log_number != NULL && *pl->log_number != '\0')
		json_object_object_add(o, "log_number",
		    json_object_new_string(pl->log_number));
	if (pl->officer_id != 0)
		json_object_object_add(o, "officer", json_object_new_int64(pl->officer_id));
	if (pl->link_id != 0)
		json_object_object_add(o, "linked_to", json_object_new_int64(pl->link_id));
	people = json_object_new_array();
	for (i = 0; i < pl->npeople; i++) {
		one = json_object_new_object();
		json_object_object_add(one, "person", json_object_new_int64(pl->person_ids[i]));
		json_object_object_add(one, "role",
		    json_object_new_string(role_name(pl->people[i].role)));
		json_object_object_add(one, "new",
		    json_object_new_boolean(pl->people[i].existing_id == 0));
		json_object_array_add(people, one);
	}
	json_object_object_add(o, "people", people);
	return o;
}

/* Everything a staff channel's submission writes, in the caller's
 * transaction (actor a: the rows are its agency's). 0, or -1 on error. */
int
intake_write_staff(struct pg *pg, const struct actor *a, struct intake_plan *pl,
    struct intake_result *out)
{
	struct risk_assessment as;
	struct json_object *after;
	enum flag_role *roles;
	char iid[24];
	size_t i;
	int rc;

	if ((pl->person_ids = arena_calloc(pl->ar, pl->npeople + 1,
	    sizeof(*pl->person_ids))) == NULL ||
	    (roles = arena_calloc(pl->ar, pl->npeople + 1, sizeof(*roles))) == NULL)
		return -1;
	for (i = 0; i < pl->npeople; i++)
		roles[i] = pl->people[i].role;
	/* The people first: the incident names its first reporter and victim. */
	if (people_write(pg, a, pl->people, pl->npeople, pl->person_ids) == -1 ||
	    incident_insert(pg, a, pl, out) == -1 ||
	    intake_parts_write(pg, a, out->incident_id, pl->person_ids, roles,
	    pl->npeople) == -1)
		return -1;
	num(iid, sizeof(iid), out->incident_id);
	after = audit_created(pl, out);
	rc = audit_append(pg, a, "incident", iid, "create", NULL, after, NULL);
	json_object_put(after);
	if (rc == -1)
		return -1;
	/* A CAD system's incident is a call taken in its control room. */
	if ((pl->channel == INTAKE_CALL || pl->channel == INTAKE_CAD) &&
	    call_insert(pg, a, pl, out->incident_id) == -1)
		return -1;
	if (pl->link_id != 0 && link_insert(pg, a, pl, out) == -1)
		return -1;
	out->risk_level = -1;
	if (pl->has_risk) {
		if (risk_record_tx(pg, pl->ar, a, out->incident_id, &pl->q, &pl->risk,
		    pl->risk_answers, "", &as) == -1)
			return -1;
		out->risk_level = (int)as.level;
		out->assessment_due = 0;	/* assessed: no longer awaited */
	}
	return 0;
}
