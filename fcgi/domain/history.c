/* Reading the audit trail back, a page at a time, newest first: a record's
 * history (any entity: agencies, users, incidents, people ...), a user's
 * own events, and a team's. Pages are numbered (50 events a page, with the
 * total, as GOV.UK pagination shows them); new events arriving push older
 * ones down a page, which for an audit trail read newest first is what a
 * reader expects. The records events name, by id or code, are resolved to
 * references and names as the reader may see them. Reading is audited in
 * the same transaction ("view_history", "view_activity"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/history.h"
#include "domain/tx.h"
#include "store/pg.h"

/* The record an event is about, by its reference or name, read as the
 * reader: a record row security hides from them stays unnamed. */
#define RECORD_LABEL \
	"CASE WHEN e.entity_id ~ '^[0-9]{1,18}$' THEN CASE e.entity " \
	"WHEN 'incident' THEN (SELECT reference FROM incident WHERE id = e.entity_id::bigint) " \
	"WHEN 'report' THEN (SELECT i.reference FROM report r JOIN incident i " \
	"  ON i.id = r.incident_id WHERE r.id = e.entity_id::bigint) " \
	"WHEN 'person' THEN (SELECT " PERSON_NAME " FROM person p " \
	"  WHERE p.id = e.entity_id::bigint) " \
	"WHEN 'user' THEN (SELECT name FROM app_user WHERE id = e.entity_id::bigint) " \
	"WHEN 'agency' THEN (SELECT name FROM agency WHERE id = e.entity_id::bigint) " \
	"WHEN 'team' THEN (SELECT name FROM team WHERE id = e.entity_id::bigint) " \
	"WHEN 'role' THEN (SELECT name FROM role WHERE id = e.entity_id::bigint) " \
	"WHEN 'asb_type' THEN (SELECT name FROM asb_type WHERE id = e.entity_id::bigint) " \
	"WHEN 'question' THEN (SELECT label FROM question WHERE id = e.entity_id::bigint) " \
	"END END"

#define PERSON_NAME \
	"coalesce(nullif(trim(coalesce(p.given_name, '') || ' ' || " \
	"coalesce(p.family_name, '')), ''), 'Name not given')"

#define HISTORY_COLS \
	"SELECT e.id, " \
	"to_char(e.at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI'), " \
	"to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), " \
	"coalesce(u.name, ''), coalesce(ag.name, ''), e.entity, " \
	"coalesce(e.entity_id, ''), e.action, coalesce(e.reason, ''), " \
	"coalesce(e.before::text, ''), coalesce(e.after::text, ''), " \
	"count(*) OVER (), coalesce(" RECORD_LABEL ", '') " \
	"FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id " \
	"LEFT JOIN agency ag ON ag.id = e.agency_id "

/* The actions that only look (README "History pages"): "Hide views"
 * leaves them out. $h is the hide flag, $u the newest event of the
 * reading (0: now), $o the offset. */
#define PAGED(h, u, o) \
	" AND (NOT $" #h "::boolean OR e.action NOT IN ('view', 'view_history', " \
	"'view_activity', 'search', 'not_found', 'download')) " \
	"AND ($" #u "::bigint = 0 OR e.id <= $" #u "::bigint) " \
	"ORDER BY e.id DESC LIMIT 50 OFFSET $" #o "::bigint"

/* A miss is about no record: before 0017_audit_security.sql one was
 * filed under whatever was typed, which may be a record's id. */
#define BY_RECORD	"WHERE e.entity = $1 AND e.entity_id = $2 " \
	"AND e.action <> 'not_found'"
#define BY_ACTOR	"WHERE e.actor_id = $1::bigint"
#define BY_TEAM		"WHERE u.team_id = $1::bigint " \
	"AND ($2::bigint = 0 OR e.actor_id = $2::bigint)"

static const struct pg_stmt stmts[] = {
	{ "history_record", HISTORY_COLS BY_RECORD PAGED(3, 4, 5) },
	{ "history_actor", HISTORY_COLS BY_ACTOR PAGED(2, 3, 4) },
	{ "history_team", HISTORY_COLS BY_TEAM PAGED(3, 4, 5) },
	{ "history_team_of",
	  "SELECT t.id, t.name FROM app_user u JOIN team t ON t.id = u.team_id "
	  "WHERE u.id = $1::bigint" },
	{ "history_team_members",
	  "SELECT id, name FROM app_user WHERE team_id = $1::bigint "
	  "ORDER BY lower(name), id" },
	/* What the ids and codes in a page's changes stand for: $1 agency
	 * ids, $2 agency codes, then team ids, user ids, type ids and codes,
	 * role ids and codes, person ids, incident ids. People and incidents
	 * as the reader may see them. */
	{ "history_names",
	  "SELECT 'agency', id, code, name FROM agency "
	  "WHERE id = ANY ($1::bigint[]) OR code = ANY ($2::text[]) "
	  "UNION ALL SELECT 'team', id, code, name FROM team WHERE id = ANY ($3::bigint[]) "
	  "UNION ALL SELECT 'user', id, '', name FROM app_user WHERE id = ANY ($4::bigint[]) "
	  "UNION ALL SELECT 'asb_type', id, code, name FROM asb_type "
	  "WHERE id = ANY ($5::bigint[]) OR code = ANY ($6::text[]) "
	  "UNION ALL SELECT 'role', id, code, name FROM role "
	  "WHERE id = ANY ($7::bigint[]) OR code = ANY ($8::text[]) "
	  "UNION ALL SELECT 'person', id, '', " PERSON_NAME " FROM person p "
	  "WHERE id = ANY ($9::bigint[]) "
	  "UNION ALL SELECT 'incident', id, '', reference FROM incident "
	  "WHERE id = ANY ($10::bigint[])" },
};

const struct pg_stmts history_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* The fields of audit rows whose values are ids (numbers) or codes
 * (text) of other records, and the kind of record. */
static const struct {
	const char *field, *kind;
} id_fields[] = {
	{ "agency", "agency" }, { "agency_id", "agency" },
	{ "owning_agency_id", "agency" }, { "owner", "agency" },
	{ "shared_with", "agency" },
	{ "team_id", "team" },
	{ "user_id", "user" }, { "officer", "user" }, { "officer_id", "user" },
	{ "created_by", "user" }, { "closed_by", "user" }, { "merged_by", "user" },
	{ "told_by", "user" },
	{ "type", "asb_type" }, { "asb_type_id", "asb_type" }, { "parent", "asb_type" },
	{ "role", "role" }, { "roles", "role" }, { "role_id", "role" },
	{ "person", "person" }, { "person_id", "person" }, { "reporter_id", "person" },
	{ "victim_id", "person" }, { "merged_into", "person" }, { "merged", "person" },
	{ "incident_id", "incident" },
	/* Monitored cases */
	{ "lead_user", "user" }, { "lead_user_before", "user" }, { "lead_agency", "agency" },
};

#define NKINDS	7
static const char *const kinds[NKINDS] = {
	"agency", "team", "user", "asb_type", "role", "person", "incident",
};
/* Which kinds are also named by code (their $ has a codes array after). */
static const int by_code[NKINDS] = { 1, 0, 0, 1, 1, 0, 0 };

/* The kind of record a field's values name, or NULL. */
const char *
history_field_kind(const char *field)
{
	size_t i;

	for (i = 0; i < sizeof(id_fields) / sizeof(id_fields[0]); i++)
		if (strcmp(id_fields[i].field, field) == 0)
			return id_fields[i].kind;
	return NULL;
}

/* The name of the record of this kind with this id (id 0: this code), or
 * NULL when the page does not know it. */
const char *
history_name_of(const struct history_page *pg, const char *kind, long long id,
    const char *code)
{
	size_t i;

	for (i = 0; i < pg->nnames; i++) {
		const struct history_name *n = &pg->names[i];

		if (strcmp(n->kind, kind) != 0)
			continue;
		if (id != 0 ? n->id == id : (code != NULL && *n->code != '\0' &&
		    strcmp(n->code, code) == 0))
			return n->name;
	}
	return NULL;
}

static char *
col(struct arena *ar, PGresult *res, int i, int c)
{
	return arena_strdup(ar, PQgetvalue(res, i, c));
}

/* The ids (list 0) and codes (list 1) of each kind a page names, as
 * PostgreSQL array literals being built. */
struct name_lists {
	struct buf	b[NKINDS][2];
	size_t		n;
};

/* Adds one value (a number or a code) of a field of kind k. Codes are
 * [a-z0-9_-] only (admin_code_valid), so need no quoting; anything else
 * is not looked up. */
static void
name_add(struct name_lists *l, int k, struct json_object *v)
{
	const char *s;
	size_t i;

	if (l->n >= HISTORY_NAMES_MAX)
		return;
	if (json_object_is_type(v, json_type_int)) {
		buf_printf(&l->b[k][0], "%s%lld", l->b[k][0].len > 0 ? "," : "",
		    (long long)json_object_get_int64(v));
		l->n++;
		return;
	}
	if (!by_code[k] || !json_object_is_type(v, json_type_string))
		return;
	s = json_object_get_string(v);
	if (*s == '\0' || strlen(s) > 32)
		return;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			return;
	buf_printf(&l->b[k][1], "%s%s", l->b[k][1].len > 0 ? "," : "", s);
	l->n++;
}

/* Collects the ids and codes named by one before or after object. */
static void
names_collect(struct name_lists *l, const char *text)
{
	struct json_object *o;
	const char *kind;
	size_t i, n;
	int k;

	if (*text == '\0' || (o = json_tokener_parse(text)) == NULL)
		return;
	if (json_object_is_type(o, json_type_object)) {
		json_object_object_foreach(o, key, val) {
			if ((kind = history_field_kind(key)) == NULL || val == NULL)
				continue;
			for (k = 0; k < NKINDS && strcmp(kinds[k], kind) != 0; k++)
				;
			if (!json_object_is_type(val, json_type_array)) {
				name_add(l, k, val);
				continue;
			}
			n = json_object_array_length(val);
			for (i = 0; i < n; i++)
				name_add(l, k, json_object_array_get_idx(val, i));
		}
	}
	json_object_put(o);
}

/* Looks up the names of the records a page's changes name. 0 or -1. */
static int
names_load(struct pg *pg, struct arena *ar, struct history_page *page)
{
	static const int list_of[10][2] = {
		{ 0, 0 }, { 0, 1 }, { 1, 0 }, { 2, 0 }, { 3, 0 }, { 3, 1 },
		{ 4, 0 }, { 4, 1 }, { 5, 0 }, { 6, 0 },
	};
	struct name_lists l;
	const char *p[10];
	PGresult *res = NULL;
	int i, k, rows, rc = -1, oom = 0;
	size_t e;

	memset(&l, 0, sizeof(l));
	for (e = 0; e < page->n; e++) {
		names_collect(&l, page->events[e].before);
		names_collect(&l, page->events[e].after);
	}
	if (l.n == 0)
		return 0;
	for (i = 0; i < 10; i++) {
		struct buf *b = &l.b[list_of[i][0]][list_of[i][1]];

		oom |= b->oom;
		p[i] = arena_printf(ar, "{%.*s}", (int)b->len, b->len > 0 ? b->data : "");
		if (p[i] == NULL)
			oom = 1;
	}
	if (oom || (res = pg_exec(pg, "history_names", 10, p)) == NULL)
		goto out;
	rows = PQntuples(res);
	if (rows > 0 && (page->names = arena_calloc(ar, (size_t)rows,
	    sizeof(*page->names))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		struct history_name *n = &page->names[i];

		n->id = strtoll(PQgetvalue(res, i, 1), NULL, 10);
		if ((n->kind = col(ar, res, i, 0)) == NULL ||
		    (n->code = col(ar, res, i, 2)) == NULL ||
		    (n->name = col(ar, res, i, 3)) == NULL)
			goto out;
	}
	page->nnames = (size_t)rows;
	rc = 0;
out:
	PQclear(res);
	for (k = 0; k < NKINDS; k++) {
		buf_free(&l.b[k][0]);
		buf_free(&l.b[k][1]);
	}
	return rc;
}

/* Reads a HISTORY_COLS result into a page. Returns 0 or -1 (out of memory). */
static int
history_read(struct arena *ar, PGresult *res, struct history_page *pg)
{
	int n = PQntuples(res), i;
	struct history_event *e;

	if (n > HISTORY_PAGE_SIZE)
		n = HISTORY_PAGE_SIZE;
	if (n > 0 && (pg->events = arena_calloc(ar, (size_t)n, sizeof(*pg->events))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		e = &pg->events[i];
		e->id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		if ((e->when = col(ar, res, i, 1)) == NULL ||
		    (e->when_iso = col(ar, res, i, 2)) == NULL ||
		    (e->who = col(ar, res, i, 3)) == NULL ||
		    (e->agency = col(ar, res, i, 4)) == NULL ||
		    (e->entity = col(ar, res, i, 5)) == NULL ||
		    (e->entity_id = col(ar, res, i, 6)) == NULL ||
		    (e->action = col(ar, res, i, 7)) == NULL ||
		    (e->reason = col(ar, res, i, 8)) == NULL ||
		    (e->before = col(ar, res, i, 9)) == NULL ||
		    (e->after = col(ar, res, i, 10)) == NULL ||
		    (e->record = col(ar, res, i, 12)) == NULL)
			return -1;
	}
	pg->n = (size_t)n;
	if (n > 0)
		pg->total = strtoll(PQgetvalue(res, 0, 11), NULL, 10);
	return 0;
}

/* Runs one of the paged statements for page `want`, with the hide flag,
 * the newest event and the offset as its last parameters. 0 or -1. */
static int
history_run(struct pg *pg, struct arena *ar, const char *name, int nparams,
    const char **params, const struct history_cursor *cur, int want,
    struct history_page *page)
{
	char off[24], upto[24];
	PGresult *res;
	int rc;

	memset(page, 0, sizeof(*page));
	snprintf(off, sizeof(off), "%lld", (long long)(want - 1) * HISTORY_PAGE_SIZE);
	snprintf(upto, sizeof(upto), "%lld", cur->upto);
	params[nparams] = cur->hide_views ? "true" : "false";
	params[nparams + 1] = upto;
	params[nparams + 2] = off;
	if ((res = pg_exec(pg, name, nparams + 3, params)) == NULL)
		return -1;
	rc = history_read(ar, res, page);
	PQclear(res);
	return rc;
}

/* Reads the page the cursor asks for, with the names it needs. A page
 * past the last (there were fewer events than a link promised) shows the
 * last page instead. Returns 0 or -1. */
static int
history_query(struct pg *pg, struct arena *ar, const char *name, int nparams,
    const char **params, const struct history_cursor *cur, struct history_page *page)
{
	int want = cur->page > 0 ? cur->page : 1;

	if (history_run(pg, ar, name, nparams, params, cur, want, page) == -1)
		return -1;
	if (page->n == 0 && want > 1) {
		if (history_run(pg, ar, name, nparams, params, cur, 1, page) == -1)
			return -1;
		want = (int)((page->total + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE);
		if (want > 1 && history_run(pg, ar, name, nparams, params,
		    cur, want, page) == -1)
			return -1;
		if (want < 1)
			want = 1;
	}
	page->page = want;
	page->upto = cur->upto != 0 ? cur->upto :
	    want == 1 && page->n > 0 ? page->events[0].id : 0;
	page->pages = (int)((page->total + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE);
	return names_load(pg, ar, page);
}

/* A page of the history of one record (entity "agency", "user",
 * "incident" ..., and its id as text), newest first, and an audit row
 * saying who looked at it ("view_history"). The caller has already decided
 * that the actor may see the record. Returns 0 or -1. */
int
history_of_record(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *entity, const char *entity_id, const struct history_cursor *cur,
    struct history_page *page)
{
	const char *p[5] = { entity, entity_id, NULL, NULL, NULL };

	if (tx_begin(pg, a) == -1)
		return -1;
	if (history_query(pg, ar, "history_record", 2, p, cur, page) == -1 ||
	    audit_append(pg, a, entity, entity_id, "view_history", NULL, NULL, NULL) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

/* A page of the actor's own events, newest first (audited as viewing the
 * history of their own user record). Returns 0 or -1. */
int
history_of_actor(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct history_cursor *cur, struct history_page *page)
{
	char uid[24];
	const char *p[4] = { uid, NULL, NULL, NULL };

	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if (history_query(pg, ar, "history_actor", 1, p, cur, page) == -1 ||
	    audit_append(pg, a, "user", uid, "view_history", NULL, NULL, NULL) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

/* The actor's team and its members. Returns 0 (team->id 0: no team) or -1. */
static int
team_of(struct pg *pg, struct arena *ar, const struct actor *a, struct history_team *t)
{
	char uid[24], tid[24];
	const char *p[1] = { uid };
	PGresult *res;
	int i, n;

	memset(t, 0, sizeof(*t));
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	if ((res = pg_exec(pg, "history_team_of", 1, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		t->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		t->name = col(ar, res, 0, 1);
	}
	PQclear(res);
	if (t->id == 0)
		return 0;
	if (t->name == NULL)
		return -1;
	snprintf(tid, sizeof(tid), "%lld", t->id);
	p[0] = tid;
	if ((res = pg_exec(pg, "history_team_members", 1, p)) == NULL)
		return -1;
	n = PQntuples(res);
	if (n > 0 && (t->members = arena_calloc(ar, (size_t)n, sizeof(*t->members))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		t->members[i].id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		if ((t->members[i].name = col(ar, res, i, 1)) == NULL)
			goto err;
	}
	t->nmembers = (size_t)n;
	PQclear(res);
	return 0;
err:
	PQclear(res);
	return -1;
}

/* A page of the events of the members of the actor's own team (those whose
 * app_user.team_id is the actor's), or of one of them (user_id not 0; a
 * user outside the team shows nothing), newest first; *team says which
 * team and who is in it. Audited as "view_activity" of the team. An actor
 * in no team gets team->id 0 and no events. Returns 0 or -1. */
int
history_of_team(struct pg *pg, struct arena *ar, const struct actor *a,
    long long user_id, const struct history_cursor *cur,
    struct history_page *page, struct history_team *team)
{
	char tid[24], uid[24];
	const char *p[5] = { tid, uid, NULL, NULL, NULL };

	memset(page, 0, sizeof(*page));
	if (tx_begin(pg, a) == -1)
		return -1;
	if (team_of(pg, ar, a, team) == -1)
		goto err;
	if (team->id == 0)
		return pg_commit(pg);
	snprintf(tid, sizeof(tid), "%lld", team->id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	if (history_query(pg, ar, "history_team", 2, p, cur, page) == -1 ||
	    audit_append(pg, a, "team", tid, "view_activity", NULL, NULL,
	    NULL) == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
