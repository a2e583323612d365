/* The immediate flags kept in the database: the facts come from
 * sql/migrations/0030_flag_store.sql (which sees every agency's incidents
 * but hands over only ids, roles, times and distances), the rules are
 * domain/flags.c, and the flag columns of the incident keep the answer
 * for the lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case_review_count.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "domain/tx.h"
#include "store/pg.h"

/* One statement gathers the facts of every incident a refresh touches and
 * one stores the flags that changed: a refresh costs two round trips
 * however many incidents it reaches (issue 9: the cost of a report is its
 * round trips). */
static const struct pg_stmt stmts[] = {
	{ "flag_facts",
	  "SELECT id, urgent, vulnerable, repeat_victim, repeat_location, "
	  "repeat_subject, hate, self::text, people::text, places::text "
	  "FROM flag_facts($1::bigint[], $2::float8, $3::integer)" },
	/* The incident and those a change to it may change (flag_related). */
	{ "flag_facts_related",
	  "SELECT id, urgent, vulnerable, repeat_victim, repeat_location, "
	  "repeat_subject, hate, self::text, people::text, places::text "
	  "FROM flag_facts(CASE WHEN $4::boolean THEN ARRAY[$1::bigint] "
	  "ELSE '{}'::bigint[] END || ARRAY(SELECT flag_related($1::bigint, "
	  "$2::float8, $3::integer)), $2::float8, $3::integer)" },
	{ "flag_store",
	  "SELECT flag_store($1::bigint[], $2::boolean[], $3::boolean[], "
	  "$4::boolean[], $5::boolean[], $6::boolean[], $7::boolean[])" },
	{ "flag_add",
	  "SELECT flag_add($1::bigint, $2::boolean, $3::boolean, $4::boolean, "
	  "$5::boolean, $6::boolean, $7::boolean)" },
	/* Row security decides: the incident as the actor may see it. */
	{ "flag_incident_seen",
	  "SELECT id, version FROM incident WHERE reference = $1" },
	{ "flag_incident_seen_id",
	  "SELECT 1 FROM incident WHERE id = $1" },
	/* A name only for an actor with person.view (row security on person). */
	{ "flag_victim_name",
	  "SELECT trim(coalesce(given_name, '') || ' ' || coalesce(family_name, '')) "
	  "FROM person WHERE id = $1" },
	/* The latest time staff told them, inside the window, on an incident
	 * the actor may see. */
	{ "flag_victim_told",
	  "SELECT to_char(n.told_at AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY'), coalesce(u.name, '') "
	  "FROM case_review_notice n LEFT JOIN app_user u ON u.id = n.told_by "
	  "WHERE n.person_id = $1 AND n.told_at > now() - make_interval(days => $2::integer) "
	  "ORDER BY n.told_at DESC, n.id DESC LIMIT 1" },
	{ "flag_victim_in",
	  "SELECT 1 FROM incident_person WHERE incident_id = $1 AND person_id = $2 "
	  "AND role = 'victim'" },
	{ "flag_told_insert",
	  "INSERT INTO case_review_notice (person_id, incident_id, told_by, how, note) "
	  "VALUES ($1, $2, nullif($3, '0')::bigint, $4, $5) RETURNING id" },
};

const struct pg_stmts flag_store_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The columns of flag_facts: id, the six stored flags (in enum flag's
 * order), then the facts as JSON arrays. */
enum { COL_ID, COL_STORED, COL_SELF = COL_STORED + FLAGS, COL_PEOPLE, COL_PLACES };

/* -1 for JSON null ("not said"), else 1 for true, 0 for false. */
static int
tri(struct json_object *v)
{
	if (!json_object_is_type(v, json_type_boolean))
		return -1;
	return json_object_get_boolean(v) ? 1 : 0;
}

static enum flag_role
role_of(const char *s)
{
	if (s == NULL)
		return FLAG_VICTIM;
	if (strcmp(s, "subject") == 0)
		return FLAG_SUBJECT;
	if (strcmp(s, "reporter") == 0)
		return FLAG_REPORTER;
	if (strcmp(s, "witness") == 0)
		return FLAG_WITNESS;
	return FLAG_VICTIM;
}

static struct json_object *
at(struct json_object *a, size_t i)
{
	return json_object_is_type(a, json_type_array) &&
	    i < json_object_array_length(a) ? json_object_array_get_idx(a, i) : NULL;
}

/* Whether any answer is its question's notice answer: 1 or 0, or -1 when
 * no question with a notice was answered. */
static int
answers_urgent(struct json_object *n, struct json_object *a)
{
	size_t i, len;
	int urgent = -1;

	if (json_object_is_type(n, json_type_array) &&
	    json_object_is_type(a, json_type_array)) {
		len = json_object_array_length(n);
		if (len > 0 && len == json_object_array_length(a))
			urgent = 0;
		for (i = 0; urgent == 0 && i < len; i++)
			urgent = flag_answer_urgent(json_object_get_string(at(n, i)),
			    json_object_get_string(at(a, i)));
	}
	return urgent;
}

/* Urgent from the answers (answers_urgent) and the screening's "at risk
 * of harm now" (1, 0, or -1 not asked): either yes is urgent. */
static int
urgent_of(int answers, int at_risk)
{
	if (answers > 0 || at_risk > 0)
		return 1;
	return answers == 0 || at_risk == 0 ? 0 : -1;
}

/* What the incident says of itself: flag_incident's row as
 * [at, vulnerable, targeted, happened_before, at_risk, notices, answers]. */
static void
facts_self(struct json_object *s, struct flag_facts *f)
{
	f->at = (time_t)json_object_get_int64(at(s, 0));
	f->vulnerable = tri(at(s, 1));
	f->targeted = tri(at(s, 2));
	f->happened_before = tri(at(s, 3));
	f->urgent = urgent_of(answers_urgent(at(s, 5), at(s, 6)), tri(at(s, 4)));
}

/* The incident's people and their parts elsewhere: flag_people's rows as
 * [person, role, here, vulnerable, at]. 0 or -1. */
static int
facts_people(struct arena *ar, struct json_object *rows, struct flag_facts *f)
{
	size_t i, n = json_object_is_type(rows, json_type_array) ?
	    json_object_array_length(rows) : 0;
	struct flag_person *people = arena_calloc(ar, n + 1, sizeof(*people));
	struct flag_link *links = arena_calloc(ar, n + 1, sizeof(*links));
	struct json_object *r;

	if (people == NULL || links == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		r = at(rows, i);
		if (tri(at(r, 2)) == 1) {
			people[f->npeople].id = json_object_get_int64(at(r, 0));
			people[f->npeople].role = role_of(json_object_get_string(at(r, 1)));
			people[f->npeople++].vulnerable = tri(at(r, 3));
		} else {
			links[f->nlinks].person_id = json_object_get_int64(at(r, 0));
			links[f->nlinks].role = role_of(json_object_get_string(at(r, 1)));
			links[f->nlinks++].at = (time_t)json_object_get_int64(at(r, 4));
		}
	}
	f->people = people;
	f->links = links;
	return 0;
}

/* The incidents near it in place and time: flag_places's rows as
 * [metres, at]. 0 or -1. */
static int
facts_places(struct arena *ar, struct json_object *rows, struct flag_facts *f)
{
	size_t i, n = json_object_is_type(rows, json_type_array) ?
	    json_object_array_length(rows) : 0;
	struct flag_place *places = arena_calloc(ar, n + 1, sizeof(*places));

	if (places == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		places[i].metres = json_object_get_double(at(at(rows, i), 0));
		places[i].at = (time_t)json_object_get_int64(at(at(rows, i), 1));
	}
	f->places = places;
	f->nplaces = n;
	return 0;
}

/* Applies the rules to one row of flag_facts. 0 or -1. */
static int
facts_compute(struct arena *ar, const struct flag_windows *w, const PGresult *res,
    int row, struct flag_result *out)
{
	struct json_object *self = json_tokener_parse(PQgetvalue(res, row, COL_SELF));
	struct json_object *people = json_tokener_parse(PQgetvalue(res, row, COL_PEOPLE));
	struct json_object *places = json_tokener_parse(PQgetvalue(res, row, COL_PLACES));
	struct flag_facts f;
	int rc = -1;

	memset(&f, 0, sizeof(f));
	if (json_object_is_type(self, json_type_array) &&
	    facts_people(ar, people, &f) == 0 && facts_places(ar, places, &f) == 0) {
		facts_self(self, &f);
		flags_compute(w, &f, out);
		rc = 0;
	} else
		log_error("flags: no facts for incident %s", PQgetvalue(res, row, COL_ID));
	json_object_put(self);
	json_object_put(people);
	json_object_put(places);
	return rc;
}

/* The flags as stored now, as FLAG_BITs. */
static unsigned
stored_bits(const PGresult *res, int row)
{
	unsigned bits = 0;
	int fl;

	for (fl = 0; fl < FLAGS; fl++)
		if (strcmp(PQgetvalue(res, row, COL_STORED + fl), "t") == 0)
			bits |= FLAG_BIT(fl);
	return bits;
}

static void
windows(const struct config *cfg, struct flag_windows *w)
{
	if (cfg != NULL)
		flag_windows_from_config(cfg, w);
	else
		flag_windows_default(w);
}

static void
result_copy(const struct flag_result *r, struct incident_flags *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->bits = r->bits;
	out->location_count = r->location_count;
	out->nvictims = r->nvictims;
	for (i = 0; i < r->nvictims; i++) {
		out->victims[i].person_id = r->victims[i].person_id;
		out->victims[i].name = "";
	}
}

/* The changed flags to store, as flag_store's seven array literals. */
struct changes {
	struct buf	 col[1 + FLAGS];
	int		 n;
};

static void
changes_add(struct changes *c, const char *id, unsigned bits)
{
	int fl;

	buf_puts(&c->col[0], c->n == 0 ? "{" : ",");
	buf_puts(&c->col[0], id);
	for (fl = 0; fl < FLAGS; fl++) {
		buf_puts(&c->col[1 + fl], c->n == 0 ? "{" : ",");
		buf_putc(&c->col[1 + fl], (bits & FLAG_BIT(fl)) != 0 ? 't' : 'f');
	}
	c->n++;
}

/* Stores what changed, in one statement (none when nothing did). 0 or -1. */
static int
changes_store(struct pg *pg, struct changes *c)
{
	const char *p[1 + FLAGS];
	int i, oom = 0;

	if (c->n == 0)
		return 0;
	for (i = 0; i < 1 + FLAGS; i++) {
		buf_putc(&c->col[i], '}');
		oom |= c->col[i].oom;
		p[i] = buf_cstr(&c->col[i]);
	}
	if (oom)
		return -1;
	return pg_exec_ok(pg, "flag_store", 1 + FLAGS, p);
}

/* Recomputes the flags of the incidents of one flag_facts result and
 * stores those that changed. `self_out`: the flags of incident_id when it
 * is among them (may be NULL). 0 or -1. */
static int
refresh_rows(struct pg *pg, const struct flag_windows *w, PGresult *res,
    long long incident_id, struct incident_flags *self_out)
{
	struct changes c;
	struct flag_result r;
	struct arena *ar;
	int i, rc = 0;

	memset(&c, 0, sizeof(c));
	if ((ar = arena_new(4096)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(res) && rc == 0; i++) {
		arena_reset(ar);
		if ((rc = facts_compute(ar, w, res, i, &r)) == -1)
			break;
		if (r.bits != stored_bits(res, i))
			changes_add(&c, PQgetvalue(res, i, COL_ID), r.bits);
		if (self_out != NULL &&
		    strtoll(PQgetvalue(res, i, COL_ID), NULL, 10) == incident_id)
			result_copy(&r, self_out);
	}
	if (rc == 0)
		rc = changes_store(pg, &c);
	for (i = 0; i < 1 + FLAGS; i++)
		buf_free(&c.col[i]);
	arena_free(ar);
	return rc;
}

/* Inside the caller's transaction: refresh the incident (self) and/or
 * those a change to it may change (related), two statements at most. */
static int
refresh(struct pg *pg, const struct config *cfg, long long incident_id, int self,
    int related, struct incident_flags *out)
{
	struct flag_windows w;
	char iid[24], ids[32], metres[24], days[24];
	const char *p[4] = { NULL, metres, days, self ? "true" : "false" };
	PGresult *res;
	int rc;

	windows(cfg, &w);
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(ids, sizeof(ids), "{%lld}", incident_id);
	snprintf(metres, sizeof(metres), "%d", w.repeat_location_metres);
	snprintf(days, sizeof(days), "%d", w.repeat_location_days);
	p[0] = related ? iid : ids;
	if ((res = pg_exec(pg, related ? "flag_facts_related" : "flag_facts",
	    related ? 4 : 3, p)) == NULL)
		return -1;
	if (self && (PQntuples(res) == 0 ||
	    strtoll(PQgetvalue(res, 0, COL_ID), NULL, 10) != incident_id)) {
		log_error("flags: no incident %lld", incident_id);
		PQclear(res);
		return -1;
	}
	rc = refresh_rows(pg, &w, res, incident_id, out);
	PQclear(res);
	return rc;
}

/* Inside the caller's transaction: recompute and store one incident's
 * flags. 0, or -1 (the transaction can only roll back). */
int
flags_refresh(struct pg *pg, const struct config *cfg, long long incident_id,
    struct incident_flags *out)
{
	return refresh(pg, cfg, incident_id, 1, 0, out);
}

/* Inside the caller's transaction: refresh every incident a change to
 * this one may have changed the flags of (a person in common, a link, the
 * same place). 0 or -1. */
int
flags_refresh_related(struct pg *pg, const struct config *cfg, long long incident_id)
{
	return refresh(pg, cfg, incident_id, 0, 1, NULL);
}

/* Both at once: two statements for the incident and all its related ones. */
int
flags_refresh_all(struct pg *pg, const struct config *cfg, long long incident_id,
    struct incident_flags *out)
{
	return refresh(pg, cfg, incident_id, 1, 1, out);
}

/* Inside the transaction that inserted the report: adds the flags in
 * `bits` to the incident the report joined and takes none away
 * (sql/migrations/0035_join_cost.sql says when that is the whole change;
 * 0038 why it takes the report). 0 or -1. */
int
flags_add(struct pg *pg, long long report_id, unsigned bits)
{
	char rid[24];
	const char *p[1 + FLAGS] = { rid };
	int fl;

	if (bits == 0)
		return 0;
	snprintf(rid, sizeof(rid), "%lld", report_id);
	for (fl = 0; fl < FLAGS; fl++)
		p[1 + fl] = (bits & FLAG_BIT(fl)) != 0 ? "true" : "false";
	return pg_exec_ok(pg, "flag_add", 1 + FLAGS, p);
}

/* The flags of one incident as the rules give them now, stored or not. */
static int
flags_gather(struct pg *pg, const struct flag_windows *w, long long incident_id,
    struct flag_result *out)
{
	char ids[32], metres[24], days[24];
	const char *p[3] = { ids, metres, days };
	struct arena *ar;
	PGresult *res;
	int rc = -1;

	snprintf(ids, sizeof(ids), "{%lld}", incident_id);
	snprintf(metres, sizeof(metres), "%d", w->repeat_location_metres);
	snprintf(days, sizeof(days), "%d", w->repeat_location_days);
	if ((ar = arena_new(4096)) == NULL)
		return -1;
	if ((res = pg_exec(pg, "flag_facts", 3, p)) != NULL && PQntuples(res) == 1)
		rc = facts_compute(ar, w, res, 0, out);
	PQclear(res);
	arena_free(ar);
	return rc;
}

/* Each victim's name (if the actor may see it), their Case Review count
 * up to now (the one rule, domain/case_review_count.h) and when staff last
 * told them about the Case Review. 0 or -1. */
static int
victims_detail(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct flag_windows *w, struct incident_flags *fl)
{
	char pid[24], days[24];
	const char *p[2] = { pid, days };
	struct flag_victim_view *v;
	struct case_review_count cr;
	PGresult *res;
	time_t now = time(NULL);
	size_t i;

	snprintf(days, sizeof(days), "%d", w->case_review_days);
	for (i = 0; i < fl->nvictims; i++) {
		v = &fl->victims[i];
		snprintf(pid, sizeof(pid), "%lld", v->person_id);
		if ((res = pg_exec(pg, "flag_victim_name", 1, p)) == NULL)
			return -1;
		v->name = arena_strdup(ar, PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "");
		PQclear(res);
		if (case_review_count_in(pg, ar, cfg, v->person_id, now, &cr) == -1)
			return -1;
		v->complaints = cr.r.count;
		v->state = cr.r.state;
		v->met = cr.r.met;
		if ((res = pg_exec(pg, "flag_victim_told", 2, p)) == NULL)
			return -1;
		if ((v->told = PQntuples(res) == 1)) {
			v->told_at = arena_strdup(ar, PQgetvalue(res, 0, 0));
			v->told_by = arena_strdup(ar, PQgetvalue(res, 0, 1));
		}
		PQclear(res);
		if (v->name == NULL || (v->told && (v->told_at == NULL || v->told_by == NULL)))
			return -1;
	}
	return 0;
}

/* For display, in its own read transaction: the flags as the rules give
 * them now and each victim's Case Review state. 0, or -1 on error or when
 * the actor may not see the incident. */
int
flags_load(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, long long incident_id, struct incident_flags *out)
{
	struct flag_windows w;
	struct flag_result r;
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int seen;

	memset(out, 0, sizeof(*out));
	windows(cfg, &w);
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "flag_incident_seen_id", 1, p)) == NULL)
		goto err;
	seen = PQntuples(res) == 1;
	PQclear(res);
	if (!seen || flags_gather(pg, &w, incident_id, &r) == -1)
		goto err;
	result_copy(&r, out);
	if (victims_detail(pg, ar, cfg, &w, out) == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}

/* The incident the actor may see by reference, with its version. 1 found,
 * 0 not, -1 error. */
static int
incident_seen(struct pg *pg, const char *reference, long long *id, long long *version)
{
	const char *p[1] = { reference };
	PGresult *res;
	int found;

	if ((res = pg_exec(pg, "flag_incident_seen", 1, p)) == NULL)
		return -1;
	if ((found = PQntuples(res) == 1)) {
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		*version = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	}
	PQclear(res);
	return found;
}

static int
victim_in(struct pg *pg, const char *iid, const char *pid)
{
	const char *p[2] = { iid, pid };
	PGresult *res;
	int found;

	if ((res = pg_exec(pg, "flag_victim_in", 2, p)) == NULL)
		return -1;
	found = PQntuples(res) == 1;
	PQclear(res);
	return found;
}

/* Records that staff told a victim of the incident about the ASB Case
 * Review, touching the incident's version, with an audit row. 1 done, 0
 * no such incident (audited as not found) or the person is not a victim
 * in it, -1 error. */
int
case_review_told(struct pg *pg, const struct actor *a, const char *reference,
    long long person_id, const char *how, const char *note)
{
	char iid[24], pid[24], by[24];
	const char *p[5] = { pid, iid, by, how, note != NULL ? note : "" };
	struct json_object *after;
	long long id, version;
	PGresult *res;
	int found, failed;

	if (tx_begin(pg, a) == -1)
		return -1;
	if ((found = incident_seen(pg, reference, &id, &version)) == -1)
		goto err;
	if (!found) {
		if (audit_not_found(pg, a, "incident", reference) == -1)
			goto err;
		return pg_commit(pg) == 0 ? 0 : -1;
	}
	snprintf(iid, sizeof(iid), "%lld", id);
	snprintf(pid, sizeof(pid), "%lld", person_id);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	if ((found = victim_in(pg, iid, pid)) != 1) {
		pg_rollback(pg);
		return found;
	}
	if ((res = pg_exec(pg, "flag_told_insert", 5, p)) == NULL)
		goto err;
	PQclear(res);
	if (incident_touch(pg, id, version) != INCIDENT_OK)
		goto err;
	after = json_object_new_object();
	json_object_object_add(after, "person_id", json_object_new_int64(person_id));
	json_object_object_add(after, "how", json_object_new_string(how));
	json_object_object_add(after, "note", json_object_new_string(p[4]));
	failed = audit_append(pg, a, "incident", iid, "case_review_told", NULL, after, NULL);
	json_object_put(after);
	if (failed == -1)
		goto err;
	return pg_commit(pg) == 0 ? 1 : -1;
err:
	pg_rollback(pg);
	return -1;
}
