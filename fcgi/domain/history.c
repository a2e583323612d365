/* Reading the audit trail back, a page at a time, newest first: a record's
 * history (any entity: agencies, users, incidents ...), a user's own
 * events, and a team's. Pages are found by audit_event id (keyset), not by
 * offset, as new events arrive all the time. Reading is audited in the
 * same transaction ("view_history", "view_activity"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/history.h"
#include "domain/tx.h"
#include "store/pg.h"

#define HISTORY_COLS \
	"SELECT e.id, " \
	"to_char(e.at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI'), " \
	"to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), " \
	"coalesce(u.name, ''), coalesce(ag.name, ''), e.entity, " \
	"coalesce(e.entity_id, ''), e.action, coalesce(e.reason, ''), " \
	"coalesce(e.before::text, ''), coalesce(e.after::text, '') " \
	"FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id " \
	"LEFT JOIN agency ag ON ag.id = e.agency_id "

/* One more row than a page, to know whether there is another. */
#define OLDER(n)	" AND ($" #n "::bigint = 0 OR e.id < $" #n "::bigint) " \
	"ORDER BY e.id DESC LIMIT 51"
#define NEWER(n)	" AND e.id > $" #n "::bigint ORDER BY e.id LIMIT 51"

/* A miss is about no record: before 0017_audit_security.sql one was
 * filed under whatever was typed, which may be a record's id. */
#define BY_RECORD	"WHERE e.entity = $1 AND e.entity_id = $2 " \
	"AND e.action <> 'not_found'"
#define BY_ACTOR	"WHERE e.actor_id = $1::bigint"
#define BY_TEAM		"WHERE u.team_id = $1::bigint " \
	"AND ($2::bigint = 0 OR e.actor_id = $2::bigint)"

static const struct pg_stmt stmts[] = {
	{ "history_record_older", HISTORY_COLS BY_RECORD OLDER(3) },
	{ "history_record_newer", HISTORY_COLS BY_RECORD NEWER(3) },
	{ "history_actor_older", HISTORY_COLS BY_ACTOR OLDER(2) },
	{ "history_actor_newer", HISTORY_COLS BY_ACTOR NEWER(2) },
	{ "history_team_older", HISTORY_COLS BY_TEAM OLDER(3) },
	{ "history_team_newer", HISTORY_COLS BY_TEAM NEWER(3) },
	{ "history_team_of",
	  "SELECT t.id, t.name FROM app_user u JOIN team t ON t.id = u.team_id "
	  "WHERE u.id = $1::bigint" },
	{ "history_team_members",
	  "SELECT id, name FROM app_user WHERE team_id = $1::bigint "
	  "ORDER BY lower(name), id" },
};

const struct pg_stmts history_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static char *
col(struct arena *ar, PGresult *res, int i, int c)
{
	return arena_strdup(ar, PQgetvalue(res, i, c));
}

/* Reads a HISTORY_COLS result into a page. The rows are newest first when
 * the cursor goes back in time, oldest first when it goes forward (and are
 * then turned round). Returns 0 or -1 (out of memory). */
static int
history_read(struct arena *ar, PGresult *res, const struct history_cursor *cur,
    struct history_page *pg)
{
	int rows = PQntuples(res), n = rows > HISTORY_PAGE_SIZE ? HISTORY_PAGE_SIZE : rows;
	int forward = cur->after != 0, i, k;
	struct history_event *e;

	memset(pg, 0, sizeof(*pg));
	if (n > 0 && (pg->events = arena_calloc(ar, (size_t)n, sizeof(*pg->events))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		k = forward ? n - 1 - i : i;
		e = &pg->events[k];
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
		    (e->after = col(ar, res, i, 10)) == NULL)
			return -1;
	}
	pg->n = (size_t)n;
	if (n == 0)
		return 0;
	if (forward) {
		/* Going forward there are older events: at least the cursor's. */
		pg->older = pg->events[n - 1].id;
		pg->newer = rows > n ? pg->events[0].id : 0;
	} else {
		pg->older = rows > n ? pg->events[n - 1].id : 0;
		pg->newer = cur->before != 0 ? pg->events[0].id : 0;
	}
	return 0;
}

/* Runs one of the paged statements (name_older or name_newer) with the
 * cursor as its last parameter, and reads the page. Returns 0 or -1. */
static int
history_query(struct pg *pg, struct arena *ar, const char *base, int nparams,
    const char **params, const struct history_cursor *cur, struct history_page *page)
{
	char name[64], at[24];
	PGresult *res;
	int rc;

	snprintf(name, sizeof(name), "%s_%s", base, cur->after != 0 ? "newer" : "older");
	snprintf(at, sizeof(at), "%lld", cur->after != 0 ? cur->after : cur->before);
	params[nparams] = at;
	if ((res = pg_exec(pg, name, nparams + 1, params)) == NULL)
		return -1;
	rc = history_read(ar, res, cur, page);
	PQclear(res);
	return rc;
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
	const char *p[3] = { entity, entity_id, NULL };

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
	const char *p[2] = { uid, NULL };

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
	const char *p[3] = { tid, uid, NULL };

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
