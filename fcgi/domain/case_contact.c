/* Victim contact on a monitored case (domain/case_contact.h): each
 * victim's contact plan and contact log, read through case_people, and the
 * two changes — agreeing a plan and recording a contact — each in one
 * transaction with its audit row (entity monitored_case) and a line on the
 * case's timeline naming the victim (personal). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/case_clock.h"
#include "domain/case_contact.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "case_contact_victims",
	  "SELECT person_id, name, shown FROM case_people($1::bigint) "
	  "WHERE role = 'victim' AND person_id IS NOT NULL ORDER BY case_person_id" },
	{ "case_contact_plans",
	  "SELECT p.person_id, p.id, p.every_days, p.method, p.starts_on::text, "
	  "to_char(p.agreed_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY') || "
	  "' by ' || u.name FROM case_contact_plan p JOIN app_user u ON u.id = p.agreed_by "
	  "WHERE p.case_id = $1::bigint AND p.replaced_at IS NULL" },
	{ "case_contact_log",
	  "SELECT k.person_id, extract(epoch FROM k.contacted_at)::bigint, "
	  "to_char(k.contacted_at AT TIME ZONE 'Europe/London', "
	  "'FMDD FMMonth YYYY, FMHH12:MIam'), k.method, k.outcome, k.told, k.consulted, u.name "
	  "FROM case_contact k JOIN app_user u ON u.id = k.recorded_by "
	  "WHERE k.case_id = $1::bigint ORDER BY k.contacted_at DESC, k.id DESC LIMIT 2000" },
	{ "case_contact_plan_lock",
	  "SELECT coalesce((SELECT id FROM case_contact_plan WHERE case_id = $1::bigint "
	  "AND person_id = $2::bigint AND replaced_at IS NULL FOR UPDATE), 0)" },
	{ "case_contact_plan_end",
	  "UPDATE case_contact_plan SET replaced_at = now(), replaced_by = $2::bigint "
	  "WHERE id = $1::bigint" },
	{ "case_contact_plan_add",
	  "INSERT INTO case_contact_plan (case_id, person_id, every_days, method, starts_on, "
	  "agreed_by) VALUES ($1::bigint, $2::bigint, $3::integer, $4, $5::date, $6::bigint) "
	  "RETURNING id" },
	{ "case_contact_add",
	  "INSERT INTO case_contact (case_id, person_id, contacted_at, method, outcome, told, "
	  "consulted, recorded_by) VALUES ($1::bigint, $2::bigint, $3::timestamptz, $4, $5, "
	  "$6, $7::boolean, $8::bigint) "
	  "RETURNING id, to_char(contacted_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY')" },
};

const struct pg_stmts case_contact_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

static const char *const methods[][2] = {
	{ "phone", "by phone" }, { "email", "by email" }, { "letter", "by letter" },
	{ "in_person", "in person" }, { "text", "by text message" },
};
static const char *const outcomes[][2] = {
	{ "spoke", "spoke to them" }, { "message", "left a message" },
	{ "no_answer", "no answer" }, { "letter_sent", "letter sent" }, { "visit", "visit" },
};

const char *
case_code_word(const char *const (*t)[2], size_t n, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(t[i][0], code) == 0)
			return t[i][1];
	return NULL;
}

const char *
case_contact_method_word(const char *code)
{
	return case_code_word(methods, sizeof(methods) / sizeof(methods[0]), code);
}

const char *
case_contact_outcome_word(const char *code)
{
	return case_code_word(outcomes, sizeof(outcomes) / sizeof(outcomes[0]), code);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static const char *
dup(struct arena *ar, PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

/* The case's victims as the actor may see them. */
static int
victims_read(struct pg *pg, struct arena *ar, long long case_id,
    struct case_victim_contact **out, size_t *n)
{
	char cid[24];
	const char *p[1] = { cid };
	struct case_victim_contact *v;
	PGresult *res;
	int i, rows;

	ID(cid, case_id);
	if ((res = pg_exec(pg, "case_contact_victims", 1, p)) == NULL)
		return -1;
	rows = PQntuples(res) < CASE_VICTIMS_MAX ? PQntuples(res) : CASE_VICTIMS_MAX;
	if ((v = arena_calloc(ar, (size_t)rows + 1, sizeof(*v))) == NULL)
		goto err;
	for (i = 0; i < rows; i++) {
		v[i].person_id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		v[i].shown = PQgetvalue(res, i, 2)[0] == 't';
		if ((v[i].name = dup(ar, res, i, 1)) == NULL)
			goto err;
	}
	PQclear(res);
	*out = v;
	*n = (size_t)rows;
	return 0;
err:
	PQclear(res);
	return -1;
}

static struct case_victim_contact *
victim_of(struct case_victim_contact *v, size_t n, long long person)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].person_id == person)
			return &v[i];
	return NULL;
}

static int
plans_read(struct pg *pg, struct arena *ar, long long case_id,
    struct case_victim_contact *v, size_t n)
{
	char cid[24];
	const char *p[1] = { cid };
	struct case_victim_contact *x;
	PGresult *res;
	int i, rc = 0;

	ID(cid, case_id);
	if ((res = pg_exec(pg, "case_contact_plans", 1, p)) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < PQntuples(res); i++) {
		if ((x = victim_of(v, n, strtoll(PQgetvalue(res, i, 0), NULL, 10))) == NULL)
			continue;	/* no longer a victim on the case */
		x->has_plan = 1;
		x->plan_id = strtoll(PQgetvalue(res, i, 1), NULL, 10);
		x->every_days = atoi(PQgetvalue(res, i, 2));
		if ((x->method = dup(ar, res, i, 3)) == NULL ||
		    date_parse(PQgetvalue(res, i, 4), &x->starts) == NULL ||
		    (x->agreed = dup(ar, res, i, 5)) == NULL)
			rc = -1;
	}
	PQclear(res);
	return rc;
}

/* Each victim's log (for those shown), and whether they were ever
 * consulted on the action plan. */
static int
log_read(struct pg *pg, struct arena *ar, long long case_id,
    struct case_victim_contact *v, size_t n)
{
	char cid[24];
	const char *p[1] = { cid };
	struct case_victim_contact *x;
	struct case_contact_entry *e;
	PGresult *res;
	int i, rc = 0;
	size_t k;

	ID(cid, case_id);
	if ((res = pg_exec(pg, "case_contact_log", 1, p)) == NULL)
		return -1;
	for (k = 0; k < n; k++)
		if ((v[k].log = arena_calloc(ar, (size_t)PQntuples(res) + 1,
		    sizeof(*v[k].log))) == NULL)
			rc = -1;
	for (i = 0; rc == 0 && i < PQntuples(res); i++) {
		if ((x = victim_of(v, n, strtoll(PQgetvalue(res, i, 0), NULL, 10))) == NULL ||
		    x->nlog == CASE_CONTACT_LOG_MAX)
			continue;
		e = &x->log[x->nlog++];
		e->at = (time_t)strtoll(PQgetvalue(res, i, 1), NULL, 10);
		e->consulted = PQgetvalue(res, i, 6)[0] == 't';
		x->consulted |= e->consulted;
		if ((e->when = dup(ar, res, i, 2)) == NULL ||
		    (e->method = dup(ar, res, i, 3)) == NULL ||
		    (e->outcome = dup(ar, res, i, 4)) == NULL ||
		    (e->told = dup(ar, res, i, 5)) == NULL ||
		    (e->by = dup(ar, res, i, 7)) == NULL)
			rc = -1;
	}
	PQclear(res);
	return rc;
}

/* The next contact of each victim with a plan: from their latest
 * contact, which counts only when it is on or after the plan's start
 * (case_contact_due_on); the log is newest first. Then what the actor may
 * not see of a victim is dropped. */
static void
due_work_out(struct case_victim_contact *v, size_t n, time_t now)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (v[k].has_plan) {
			case_contact_due_on(&v[k].starts, v[k].every_days,
			    v[k].nlog > 0 ? v[k].log[0].at : 0, &v[k].due);
			v[k].days_overdue = case_days_overdue(&v[k].due, now);
		}
		if (!v[k].shown) {
			v[k].nlog = 0;
			v[k].consulted = 0;
		}
	}
}

/* The whole tab within an open transaction. */
static enum case_result
tab_read(struct pg *pg, struct arena *ar, long long case_id, time_t now,
    struct case_victim_contact **v, size_t *n)
{
	if (victims_read(pg, ar, case_id, v, n) == -1 ||
	    plans_read(pg, ar, case_id, *v, *n) == -1 ||
	    log_read(pg, ar, case_id, *v, *n) == -1)
		return CASE_ERROR;
	due_work_out(*v, *n, now);
	return CASE_OK;
}

enum case_result
case_contact_load(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_head *h, time_t now, struct case_victim_contact **v, size_t *n)
{
	enum case_result rc;

	*v = NULL;
	*n = 0;
	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	rc = tab_read(pg, ar, h->id, now, v, n);
	if (rc == CASE_OK && pg_commit(pg) == 0)
		return CASE_OK;
	if (rc != CASE_OK)
		pg_rollback(pg);
	return CASE_ERROR;
}

enum case_result
case_contact_victim(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_head *h, long long person_id, time_t now,
    struct case_victim_contact *out)
{
	struct case_victim_contact *v, *x;
	size_t n;

	if (case_contact_load(pg, ar, a, h, now, &v, &n) != CASE_OK)
		return CASE_ERROR;
	if ((x = victim_of(v, n, person_id)) == NULL || !x->shown)
		return CASE_NOT_FOUND;
	*out = *x;
	return CASE_OK;
}

/* ------------------------------------------------------------------ */
/* Changing                                                            */

/* The open case and the victim the change is about, in the change's
 * transaction: CASE_OK with *h and *name. */
static enum case_result
change_begin(struct pg *pg, struct arena *ar, const struct actor *a, const char *reference,
    long long person_id, struct case_head *h, const char **name)
{
	struct case_victim_contact *v, *x;
	enum case_result rc;
	size_t n;

	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	if ((rc = case_head_load(pg, ar, a, reference, h)) != CASE_OK)
		return rc;
	if (strcmp(h->status, "open") != 0)
		return CASE_CLOSED;
	if (victims_read(pg, ar, h->id, &v, &n) == -1)
		return CASE_ERROR;
	if ((x = victim_of(v, n, person_id)) == NULL || !x->shown)
		return CASE_NOT_FOUND;
	*name = x->name;
	return CASE_OK;
}

/* The audit row, the timeline's line and the case's version. */
static enum case_result
change_end(struct pg *pg, const struct actor *a, const struct case_head *h,
    const char *action, struct json_object *after, const char *kind, const char *summary)
{
	char cid[24];
	enum case_result rc;

	ID(cid, h->id);
	if (summary == NULL || (rc = case_touch(pg, h->id, h->version)) == CASE_ERROR ||
	    audit_append(pg, a, "monitored_case", cid, action, NULL, after, NULL) == -1 ||
	    case_event_add(pg, a, h->id, kind, summary, 1, json_object_to_json_string(after)) == -1)
		rc = CASE_ERROR;
	json_object_put(after);
	return rc;
}

/* Commits a change that went well, or rolls it back. */
static enum case_result
change_finish(struct pg *pg, enum case_result rc)
{
	if (rc != CASE_OK) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == 0 ? CASE_OK : CASE_ERROR;
}

/* Locks the victim's current plan: its id (0: none), or -1. */
static long long
plan_lock(struct pg *pg, long long case_id, long long person_id)
{
	char cid[24], pid[24];
	const char *p[2] = { cid, pid };
	PGresult *res;
	long long id;

	ID(cid, case_id);
	ID(pid, person_id);
	if ((res = pg_exec(pg, "case_contact_plan_lock", 2, p)) == NULL)
		return -1;
	id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return id;
}

static enum case_result
plan_write(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const struct case_contact_plan_in *in)
{
	char cid[24], pid[24], every[16], uid[24], old[24], starts[16], words[DATE_WORDS_MAX];
	const char *p[6] = { cid, pid, every, in->method, starts, uid }, *name, *how;
	struct json_object *after;
	struct case_head h;
	enum case_result rc;
	long long current;
	PGresult *res;

	if ((how = case_contact_method_word(in->method)) == NULL || in->every_days < 1 ||
	    in->every_days > 365 || !date_real(in->starts.year, in->starts.month,
	    in->starts.day))
		return CASE_ERROR;
	if ((rc = change_begin(pg, ar, a, reference, in->person_id, &h, &name)) != CASE_OK)
		return rc;
	if ((current = plan_lock(pg, h.id, in->person_id)) == -1)
		return CASE_ERROR;
	if (current != in->seen_plan)
		return CASE_CONFLICT;
	ID(cid, h.id);
	ID(pid, in->person_id);
	ID(uid, a->user_id);
	ID(old, current);
	snprintf(every, sizeof(every), "%d", in->every_days);
	snprintf(starts, sizeof(starts), "%04d-%02d-%02d", in->starts.year, in->starts.month,
	    in->starts.day);
	if (current != 0) {
		const char *q[2] = { old, uid };

		if (pg_exec_ok(pg, "case_contact_plan_end", 2, q) == -1)
			return CASE_ERROR;
	}
	if ((res = pg_exec(pg, "case_contact_plan_add", 6, p)) == NULL)
		return CASE_ERROR;
	after = json_object_new_object();
	json_object_object_add(after, "plan", json_object_new_int64(strtoll(
	    PQgetvalue(res, 0, 0), NULL, 10)));
	PQclear(res);
	json_object_object_add(after, "replaced", current != 0 ?
	    json_object_new_int64(current) : NULL);
	json_object_object_add(after, "person", json_object_new_int64(in->person_id));
	json_object_object_add(after, "every_days", json_object_new_int(in->every_days));
	json_object_object_add(after, "method", json_object_new_string(in->method));
	json_object_object_add(after, "starts_on", json_object_new_string(starts));
	return change_end(pg, a, &h, "contact_plan", after, "contact_plan",
	    arena_printf(ar, "Contact plan %s with %s: every %d day%s %s, from %s",
	    current != 0 ? "changed" : "agreed", name, in->every_days,
	    in->every_days == 1 ? "" : "s", how, date_words(words, &in->starts)));
}

enum case_result
case_contact_plan_set(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const struct case_contact_plan_in *in)
{
	return change_finish(pg, plan_write(pg, ar, a, reference, in));
}

static enum case_result
contact_write(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const struct case_contact_in *in)
{
	char cid[24], pid[24], uid[24];
	const char *p[8] = { cid, pid, in->contacted_at, in->method, in->outcome, in->told,
	    in->consulted ? "true" : "false", uid }, *name, *how, *what, *day;
	struct json_object *after;
	struct case_head h;
	enum case_result rc;
	PGresult *res;
	long long id;

	if ((how = case_contact_method_word(in->method)) == NULL ||
	    (what = case_contact_outcome_word(in->outcome)) == NULL)
		return CASE_ERROR;
	if ((rc = change_begin(pg, ar, a, reference, in->person_id, &h, &name)) != CASE_OK)
		return rc;
	ID(cid, h.id);
	ID(pid, in->person_id);
	ID(uid, a->user_id);
	if ((res = pg_exec(pg, "case_contact_add", 8, p)) == NULL)
		return CASE_ERROR;
	id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	day = arena_strdup(ar, PQgetvalue(res, 0, 1));
	PQclear(res);
	after = json_object_new_object();
	json_object_object_add(after, "contact", json_object_new_int64(id));
	json_object_object_add(after, "person", json_object_new_int64(in->person_id));
	json_object_object_add(after, "method", json_object_new_string(in->method));
	json_object_object_add(after, "outcome", json_object_new_string(in->outcome));
	json_object_object_add(after, "told", json_object_new_string(in->told));
	json_object_object_add(after, "consulted", json_object_new_boolean(in->consulted));
	return change_end(pg, a, &h, "contact", after, "contact", day == NULL ? NULL :
	    arena_printf(ar, "Contact with %s %s on %s: %s%s", name, how, day, what,
	    in->consulted ? "; consulted on the action plan" : ""));
}

enum case_result
case_contact_record(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, const struct case_contact_in *in)
{
	return change_finish(pg, contact_write(pg, ar, a, reference, in));
}
