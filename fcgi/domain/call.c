/* Calls about an incident: the repeat-caller search of the call handler's
 * quick entry, and adding a later call to an incident (the first call is
 * the intake's). A later call is a change to the incident like an update:
 * one transaction bumps its version, writes the call, makes the caller a
 * person of the incident when they are not one yet, adds the call's
 * screening to the incident's, asks for a risk assessment when it says
 * so, refreshes the flags (people and screening drive them) and writes
 * one audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "domain/actor.h"
#include "domain/answer.h"
#include "domain/audit.h"
#include "domain/call.h"
#include "domain/contact_check.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "domain/intake_check.h"
#include "domain/person_match.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	/* Open incidents the actor may see (row security) by part of the
	 * reference ($1), the start of a postcode without spaces ($2), part
	 * of the address ($1), or a person of the incident by normal phone
	 * ($3) or by name, whole or part ($4): the reporter, victim, witness
	 * or a caller, as the caller may be any of them. */
	{ "call_find",
	  "SELECT i.reference, t.name, "
	  "concat_ws(', ', nullif(i.address, ''), nullif(i.postcode, '')), "
	  "to_char(coalesce(i.occurred_at, i.reported_at) AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY \"at\" HH24:MI'), "
	  "coalesce((SELECT concat_ws(' ', p.given_name, p.family_name) "
	  "  || coalesce(', ' || p.phone, '') FROM incident_person ip "
	  "  JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = i.id "
	  "  ORDER BY ip.role = 'reporter' DESC, ip.added_at DESC LIMIT 1), ''), "
	  "coalesce(to_char(i.assessment_due AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY \"at\" HH24:MI'), ''), "
	  "i.owning_agency_id, i.sharing, i.shared_with::text "
	  "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
	  "WHERE i.status <> 'closed' AND (strpos(upper(i.reference), upper($1)) > 0 "
	  "  OR ($2 <> '' AND starts_with(postcode_key(i.postcode), $2)) "
	  "  OR strpos(lower(coalesce(i.address, '')), lower($1)) > 0 "
	  "  OR EXISTS (SELECT 1 FROM incident_person ip JOIN person p "
	  "    ON p.id = ip.person_id WHERE ip.incident_id = i.id "
	  "    AND (p.phone_key = nullif($3, '') "
	  "      OR strpos(p.name_key, nullif($4, '')) > 0))) "
	  "ORDER BY i.reported_at DESC, i.id DESC LIMIT $5" },
	/* The caller among the incident's people: the same number, else the
	 * same name. */
	{ "call_person_of_incident",
	  "SELECT p.id FROM incident_person ip JOIN person p ON p.id = ip.person_id "
	  "WHERE ip.incident_id = $1 AND (p.phone_key = nullif($2, '') "
	  "  OR p.name_key = nullif($3, '')) "
	  "ORDER BY p.phone_key IS NOT DISTINCT FROM nullif($2, '') DESC, "
	  "ip.added_at DESC LIMIT 1" },
	{ "call_person_insert",
	  "INSERT INTO person (owning_agency_id, sharing, given_name, family_name, "
	  "phone, name_key, phone_key) VALUES ($1, 'partnership', nullif($2, ''), "
	  "nullif($3, ''), nullif($4, ''), nullif($5, ''), nullif($6, '')) RETURNING id" },
	{ "call_person_add",
	  "INSERT INTO incident_person (incident_id, person_id, role, added_by) "
	  "VALUES ($1, $2, 'reporter', $3) ON CONFLICT DO NOTHING" },
	{ "call_insert",
	  "INSERT INTO incident_call (incident_id, caller_id, log_number, note, created_by) "
	  "VALUES ($1, nullif($2, '0')::bigint, nullif($3, ''), $4, $5) RETURNING id" },
	/* The incident's screening (0030) as the calls answered it: a "yes"
	 * on any call stays yes; a "no" only fills a question not answered
	 * before. $2 the noes, $3 the yeses, as JSON objects. */
	{ "call_screening",
	  "UPDATE incident SET screening = $2::jsonb || coalesce(screening, '{}') "
	  "|| $3::jsonb WHERE id = $1 AND ($2::jsonb <> '{}' OR $3::jsonb <> '{}')" },
	/* Awaiting a full risk assessment by an officer, unless one was done
	 * or is already awaited: the due time either way (0: none). */
	{ "call_assessment_due",
	  "WITH u AS (UPDATE incident SET assessment_due = now() + "
	  "  make_interval(hours => $2::integer) WHERE id = $1 AND $3::boolean "
	  "  AND assessment_due IS NULL AND risk_level IS NULL RETURNING assessment_due) "
	  "SELECT coalesce((SELECT floor(extract(epoch FROM assessment_due))::bigint FROM u), "
	  "(SELECT floor(extract(epoch FROM assessment_due))::bigint FROM incident "
	  "WHERE id = $1), 0)" },
};

const struct pg_stmts call_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* ------------------------------------------------------------------ */
/* Parsing what the call handler types                                 */

/* One box "Jo Smith" as given name "Jo" and family name "Smith" (the last
 * word); one word is a given name. 0, or -1 when out of memory. */
int
call_name_split(struct arena *a, const char *name, struct call_name *out)
{
	const char *sp;
	size_t n = strlen(name);

	while (n > 0 && name[n - 1] == ' ')
		n--;
	for (sp = name + n; sp > name && sp[-1] != ' '; sp--)
		;
	if (sp == name) {
		out->given = arena_strndup(a, name, n);
		out->family = "";
	} else {
		out->family = arena_strndup(a, sp, (size_t)(name + n - sp));
		while (sp > name && sp[-1] == ' ')
			sp--;
		out->given = arena_strndup(a, name, (size_t)(sp - name));
	}
	return out->given != NULL && out->family != NULL ? 0 : -1;
}

/* The day of the month of the last Sunday of a month (UTC calendar). */
static int
last_sunday(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	struct tm t = {0};
	time_t at;

	t.tm_year = year - 1900;
	t.tm_mon = month - 1;
	t.tm_mday = days[month - 1];
	at = timegm(&t);
	gmtime_r(&at, &t);
	return days[month - 1] - t.tm_wday;
}

/* The wall clock in London at now: GMT, or BST (GMT+1) from 01:00 GMT on
 * the last Sunday of March to 01:00 GMT on the last Sunday of October. */
static int
london_time(time_t now, struct tm *out)
{
	struct tm t, start = {0}, end = {0};
	time_t s, e;

	if (gmtime_r(&now, &t) == NULL)
		return -1;
	start.tm_year = end.tm_year = t.tm_year;
	start.tm_mon = 2;
	start.tm_mday = last_sunday(t.tm_year + 1900, 3);
	end.tm_mon = 9;
	end.tm_mday = last_sunday(t.tm_year + 1900, 10);
	start.tm_hour = end.tm_hour = 1;
	s = timegm(&start);
	e = timegm(&end);
	if (now >= s && now < e)
		now += 3600;
	return gmtime_r(&now, out) != NULL ? 0 : -1;
}

/* When it happened, as a call handler types it: blank for now, a time
 * ("14:05", "2pm") for today, or a date and a time "DD/MM/YYYY HH:MM",
 * all London time. Fills date (YYYY-MM-DD) and hhmm (HH:MM). 0, or -1
 * when the text is none of these or the date is not a real one. */
int
call_when_parse(const char *text, time_t now, char date[CALL_WHEN_LEN],
    char hhmm[CALL_WHEN_LEN])
{
	struct tm t;
	int d, m, y, minutes, used = 0;

	while (*text == ' ')
		text++;
	if (london_time(now, &t) == -1)
		return -1;
	if (*text == '\0') {
		snprintf(date, CALL_WHEN_LEN, "%04d-%02d-%02d", t.tm_year + 1900,
		    t.tm_mon + 1, t.tm_mday);
		snprintf(hhmm, CALL_WHEN_LEN, "%02d:%02d", t.tm_hour, t.tm_min);
		return 0;
	}
	if (strchr(text, '/') != NULL) {
		if (sscanf(text, "%2d/%2d/%4d %n", &d, &m, &y, &used) != 3 || used == 0 ||
		    y < DATE_YEAR_MIN || !date_real(y, m, d))
			return -1;
		text += used;
	} else {
		d = t.tm_mday;
		m = t.tm_mon + 1;
		y = t.tm_year + 1900;
	}
	if ((minutes = answer_time_parse(text)) < 0)
		return -1;
	snprintf(date, CALL_WHEN_LEN, "%04d-%02d-%02d", y, m, d);
	snprintf(hhmm, CALL_WHEN_LEN, "%02d:%02d", minutes / 60, minutes % 60);
	return 0;
}

/* A moment as staff read it, London time: "2 Dec 2026 at 14:05". 0 or -1. */
int
call_time_words(time_t at, char *out, size_t len)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm t;

	if (london_time(at, &t) == -1)
		return -1;
	return snprintf(out, len, "%d %s %d at %02d:%02d", t.tm_mday, months[t.tm_mon],
	    t.tm_year + 1900, t.tm_hour, t.tm_min) >= (int)len ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* The repeat-caller search                                            */

/* Open incidents the actor may see that a caller may be ringing about:
 * see call_find's statement. The search is audited (it looks people up).
 * 0, or -1 on error; a query too short to mean anything finds nothing. */
int
call_find(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *query, struct call_hit **out, size_t *n)
{
	char postcode[PM_POSTCODE_MAX + 8], phone[PM_PHONE_MAX], name[PM_NAME_MAX];
	char limit[16];
	const char *p[5] = { query, postcode, phone, name, limit }, *q;
	struct json_object *what;
	struct call_hit *h;
	PGresult *res;
	size_t k;
	int rows, i, failed;

	*out = NULL;
	*n = 0;
	if (strlen(query) < CALL_QUERY_MIN)
		return 0;
	/* Each reading of the query that has none stays "" and matches nothing. */
	for (k = 0, q = query; *q != '\0' && k + 1 < sizeof(postcode); q++)
		if (*q != ' ')
			postcode[k++] = (char)(*q >= 'a' && *q <= 'z' ? *q - 'a' + 'A' : *q);
	postcode[k] = '\0';
	if (k < 2 || !(postcode[0] >= 'A' && postcode[0] <= 'Z') ||
	    strspn(postcode, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != k ||
	    strpbrk(postcode, "0123456789") == NULL)
		postcode[0] = '\0';
	if (pm_phone_normal(query, phone, sizeof(phone)) == -1)
		phone[0] = '\0';
	if (pm_name_normal(query, NULL, name, sizeof(name)) == -1 ||
	    strlen(name) < CALL_QUERY_MIN)
		name[0] = '\0';
	snprintf(limit, sizeof(limit), "%d", CALL_FIND_MAX);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "call_find", 5, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		if (!incident_row_visible(a, res, i, 6))
			continue;
		h = &(*out)[(*n)++];
		h->reference = arena_strdup(ar, PQgetvalue(res, i, 0));
		h->type = arena_strdup(ar, PQgetvalue(res, i, 1));
		h->place = arena_strdup(ar, PQgetvalue(res, i, 2));
		h->when = arena_strdup(ar, PQgetvalue(res, i, 3));
		h->caller = arena_strdup(ar, PQgetvalue(res, i, 4));
		h->assessment_due = arena_strdup(ar, PQgetvalue(res, i, 5));
	}
	PQclear(res);
	what = json_object_new_object();
	json_object_object_add(what, "quick", json_object_new_string(query));
	json_object_object_add(what, "found", json_object_new_int((int)*n));
	failed = audit_append(pg, a, "incident", NULL, "search", NULL, what, NULL);
	json_object_put(what);
	if (failed == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	*n = 0;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Adding a later call                                                 */

static int
screening_yes(const struct intake_screening *s)
{
	return s->repeat == 1 || s->vulnerable == 1 || s->targeted == 1 ||
	    s->at_risk == 1;
}

/* The caller as a person of the incident: one of its people with the same
 * number or name, else a new person added as its reporter. *id is 0 when
 * no caller was given. 0 or -1. */
static int
caller_person(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const struct call_input *in, long long *id, int *added)
{
	struct person_facts f = {0};
	struct person_keys k;
	struct call_name nm;
	char iid[24], aid[24], pid[24], by[24];
	const char *p[6];
	PGresult *res;

	*id = 0;
	*added = 0;
	if (*in->caller_name == '\0' && *in->caller_phone == '\0')
		return 0;
	if (call_name_split(ar, in->caller_name, &nm) == -1)
		return -1;
	f.given_name = nm.given;
	f.family_name = nm.family;
	f.phone = in->caller_phone;
	pm_keys_make(&f, &k);
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	p[0] = iid;
	p[1] = k.phone;
	p[2] = k.name;
	if ((res = pg_exec(pg, "call_person_of_incident", 3, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (*id != 0)
		return 0;
	snprintf(aid, sizeof(aid), "%lld", a->agency_id);
	p[0] = aid;
	p[1] = nm.given;
	p[2] = nm.family;
	p[3] = in->caller_phone;
	p[4] = k.name;
	p[5] = k.phone;
	if ((res = pg_exec(pg, "call_person_insert", 6, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (*id == 0)
		return -1;
	snprintf(pid, sizeof(pid), "%lld", *id);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	p[0] = iid;
	p[1] = pid;
	p[2] = by;
	*added = 1;
	return pg_exec_ok(pg, "call_person_add", 3, p);
}

/* Writes the call row; 0 or -1. */
static int
call_insert(struct pg *pg, const struct actor *a, long long incident_id,
    long long caller_id, const struct call_input *in, long long *call_id)
{
	char iid[24], cid[24], by[24];
	const char *p[5] = { iid, cid, in->log_number, in->note, by };
	PGresult *res;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(cid, sizeof(cid), "%lld", caller_id);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	if ((res = pg_exec(pg, "call_insert", 5, p)) == NULL)
		return -1;
	*call_id = PQntuples(res) == 1 ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	PQclear(res);
	return *call_id != 0 ? 0 : -1;
}

/* The due time of the risk assessment, asked for now when the screening
 * said yes and none was done or awaited: as at creation, the config's
 * assessment_due_hours on. 0 or -1. */
static int
assessment_due(struct pg *pg, const struct config *cfg, long long incident_id,
    int ask, time_t *due)
{
	char iid[24], hours[16];
	const char *p[3] = { iid, hours, ask ? "true" : "false" };
	PGresult *res;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	snprintf(hours, sizeof(hours), "%d", cfg->assessment_due_hours);
	if ((res = pg_exec(pg, "call_assessment_due", 3, p)) == NULL)
		return -1;
	*due = PQntuples(res) == 1 ? (time_t)strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
	PQclear(res);
	return 0;
}

/* The screening answers that are `answer` (1 yes, 0 no, -1 both), as
 * {"repeat": bool, ...}, a question not asked left out. */
static struct json_object *
screening_json(const struct intake_screening *s, int answer)
{
	struct json_object *o = json_object_new_object();
	const struct { const char *key; int v; } q[] = {
		{ "repeat", s->repeat }, { "vulnerable", s->vulnerable },
		{ "targeted", s->targeted }, { "at_risk", s->at_risk },
	};
	size_t i;

	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		if (q[i].v >= 0 && (answer == -1 || q[i].v == answer))
			json_object_object_add(o, q[i].key, json_object_new_boolean(q[i].v));
	return o;
}

/* Adds this call's screening to the incident's. 0 or -1. */
static int
screening_merge(struct pg *pg, long long incident_id, const struct intake_screening *s)
{
	struct json_object *no = screening_json(s, 0), *yes = screening_json(s, 1);
	char iid[24];
	const char *p[3] = { iid, json_object_to_json_string(no),
	    json_object_to_json_string(yes) };
	int rc;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	rc = pg_exec_ok(pg, "call_screening", 3, p);
	json_object_put(no);
	json_object_put(yes);
	return rc;
}

/* Adds a later call to the incident `reference` the actor may see: see
 * the top of this file. The audit row ("call_added") has the call, the
 * caller's person id and the screening. CALL_NOT_FOUND is audited like
 * any look-up of an incident that is not there. */
enum call_rc
call_add(struct pg *pg, struct arena *ar, const struct config *cfg,
    const struct actor *a, const char *reference, const struct call_input *in,
    struct call_result *out)
{
	struct json_object *after;
	struct intake_rules rules;
	struct incident inc;
	enum incident_result rc;
	char id[24];
	int failed;

	memset(out, 0, sizeof(*out));
	/* The same checks as for the call that made the incident. */
	if (*in->caller_phone != '\0' &&
	    (out->why = contact_phone_check(in->caller_phone)) != NULL) {
		out->field = INTAKE_F_CALLER_PHONE;
		return CALL_INVALID;
	}
	if (*in->log_number != '\0') {
		if (intake_rules_load(pg, ar, a, INTAKE_CALL, &rules) == -1)
			return CALL_ERROR;
		if ((out->why = intake_log_number_check(ar, rules.log_number_pattern,
		    rules.log_number_example, in->log_number)) != NULL) {
			out->field = INTAKE_F_LOG_NUMBER;
			return CALL_INVALID;
		}
	}
	if ((rc = incident_begin(pg, ar, a, reference, &inc)) != INCIDENT_OK)
		return rc == INCIDENT_NOT_FOUND ? CALL_NOT_FOUND : CALL_ERROR;
	if (strcmp(inc.status, "closed") == 0) {
		pg_rollback(pg);
		return CALL_CLOSED;
	}
	if ((rc = incident_touch(pg, inc.id, inc.version)) != INCIDENT_OK) {
		pg_rollback(pg);
		return rc == INCIDENT_CONFLICT ? CALL_CONFLICT : CALL_ERROR;
	}
	if (caller_person(pg, ar, a, inc.id, in, &out->caller_id, &out->caller_new) == -1 ||
	    call_insert(pg, a, inc.id, out->caller_id, in, &out->call_id) == -1 ||
	    screening_merge(pg, inc.id, &in->screening) == -1 ||
	    assessment_due(pg, cfg, inc.id, screening_yes(&in->screening),
	        &out->assessment_due) == -1)
		goto err;
	/* The screening drives flags (someone at risk now is urgent); a new
	 * person of the incident may make it, or another of theirs, a repeat. */
	if (flags_refresh(pg, cfg, inc.id, NULL) == -1 ||
	    (out->caller_new && flags_refresh_related(pg, cfg, inc.id) == -1))
		goto err;
	snprintf(id, sizeof(id), "%lld", inc.id);
	after = json_object_new_object();
	json_object_object_add(after, "call_id", json_object_new_int64(out->call_id));
	if (out->caller_id != 0)
		json_object_object_add(after, "caller_id",
		    json_object_new_int64(out->caller_id));
	json_object_object_add(after, "caller_added", json_object_new_boolean(out->caller_new));
	json_object_object_add(after, "log_number", json_object_new_string(in->log_number));
	json_object_object_add(after, "note", json_object_new_string(in->note));
	json_object_object_add(after, "screening", screening_json(&in->screening, -1));
	failed = audit_append(pg, a, "incident", id, "call_added", NULL, after, NULL);
	json_object_put(after);
	if (failed == -1)
		goto err;
	return pg_commit(pg) == 0 ? CALL_OK : CALL_ERROR;
err:
	pg_rollback(pg);
	return CALL_ERROR;
}
