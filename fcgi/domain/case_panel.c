/* Case panels (domain/case_panel.h): the list, a new panel with who came
 * from each agency, one panel with its cases and the actions created from
 * it, and a case discussed with the panel's decisions — each in one
 * transaction with its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/admin.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/case_panel.h"
#include "domain/tx.h"
#include "store/pg.h"

#define HELD(col) \
	"to_char(" col " AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY') || ' at ' || " \
	"to_char(" col " AT TIME ZONE 'Europe/London', 'FMHH12:MIpm')"

static const struct pg_stmt stmts[] = {
	{ "panel_list",
	  "SELECT p.id, " HELD("p.held_at") ", p.location, g.name, "
	  "(SELECT count(*) FROM case_panel_case pc JOIN monitored_case c ON c.id = pc.case_id "
	  "  WHERE pc.panel_id = p.id) "
	  "FROM case_panel p JOIN agency g ON g.id = p.agency_id "
	  "ORDER BY p.held_at DESC, p.id DESC LIMIT 200" },
	{ "panel_one",
	  "SELECT p.id, " HELD("p.held_at") ", p.location, g.name, 0 "
	  "FROM case_panel p JOIN agency g ON g.id = p.agency_id WHERE p.id = $1::bigint" },
	{ "panel_agencies", "SELECT id, name FROM agency WHERE active ORDER BY name" },
	{ "panel_insert",
	  "INSERT INTO case_panel (held_at, location, agency_id, agencies, created_by) "
	  "SELECT ($1::date + make_interval(mins => $2::integer)) AT TIME ZONE 'Europe/London', "
	  "$3, $4::bigint, ARRAY(SELECT DISTINCT x FROM unnest($5::bigint[]) x "
	  "  WHERE x <> $4::bigint), $6::bigint "
	  "WHERE (SELECT count(*) FROM agency WHERE active AND id = ANY ($5::bigint[])) = "
	  "  cardinality($5::bigint[]) RETURNING id" },
	{ "panel_attend",
	  "INSERT INTO case_panel_agency (panel_id, agency_id, attendees) "
	  "VALUES ($1::bigint, $2::bigint, $3)" },
	{ "panel_attended",
	  "SELECT pa.agency_id, g.name, pa.attendees FROM case_panel_agency pa "
	  "JOIN agency g ON g.id = pa.agency_id WHERE pa.panel_id = $1::bigint ORDER BY g.name" },
	{ "panel_cases",
	  "SELECT c.id, c.reference, c.title, pc.decisions FROM case_panel_case pc "
	  "JOIN monitored_case c ON c.id = pc.case_id WHERE pc.panel_id = $1::bigint "
	  "ORDER BY pc.added_at, c.id" },
	{ "panel_actions",
	  "SELECT a.id, c.reference, a.title, t.name, "
	  "concat_ws(', ', coalesce(u.name, tm.name), g.name), a.status "
	  "FROM case_action a JOIN monitored_case c ON c.id = a.case_id "
	  "JOIN action_type t ON t.id = a.type_id JOIN agency g ON g.id = a.owner_agency_id "
	  "LEFT JOIN team tm ON tm.id = a.owner_team_id "
	  "LEFT JOIN app_user u ON u.id = a.owner_user_id "
	  "WHERE a.panel_id = $1::bigint ORDER BY a.id" },
	{ "panel_case_add",
	  "INSERT INTO case_panel_case (panel_id, case_id, decisions, added_by) "
	  "VALUES ($1::bigint, $2::bigint, $3, $4::bigint) ON CONFLICT (panel_id, case_id) "
	  "DO UPDATE SET decisions = EXCLUDED.decisions" },
	{ "panel_exists", "SELECT 1 FROM case_panel WHERE id = $1::bigint" },
};

const struct pg_stmts case_panel_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

static const char *
str(struct arena *ar, PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

static long long
num(PGresult *res, int row, int c)
{
	return strtoll(PQgetvalue(res, row, c), NULL, 10);
}

static int
panel_read(struct arena *ar, PGresult *res, int row, struct case_panel *p)
{
	p->id = num(res, row, 0);
	p->held = str(ar, res, row, 1);
	p->location = str(ar, res, row, 2);
	p->organiser = str(ar, res, row, 3);
	p->cases = (long)num(res, row, 4);
	return p->held == NULL || p->location == NULL || p->organiser == NULL ? -1 : 0;
}

/* admin_read_fn for a panel's row. */
static int
panel_row(struct arena *ar, PGresult *res, int row, void *out)
{
	return panel_read(ar, res, row, out);
}

int
case_panels_list(struct pg *pg, struct arena *ar, const struct actor *a,
    struct case_panel **out, size_t *n)
{
	void *rows;

	if (admin_rows(pg, ar, a, "panel_list", 0, NULL, sizeof(**out), panel_row, &rows,
	    n) == -1)
		return -1;
	*out = rows;
	return 0;
}

/* admin_read_fn for an agency a panel may invite. */
static int
agency_row(struct arena *ar, PGresult *res, int row, void *out)
{
	struct case_panel_agency *g = out;

	g->id = num(res, row, 0);
	return (g->name = str(ar, res, row, 1)) == NULL ? -1 : 0;
}

int
case_panel_agencies(struct pg *pg, struct arena *ar, const struct actor *a,
    struct case_panel_agency **out, size_t *n)
{
	void *rows;

	if (admin_rows(pg, ar, a, "panel_agencies", 0, NULL, sizeof(**out), agency_row,
	    &rows, n) == -1)
		return -1;
	*out = rows;
	return 0;
}

/* The attending agencies' ids as a PostgreSQL array. */
static const char *
agency_array(struct arena *ar, const struct case_panel_input *in)
{
	const char *s = "{";
	size_t i;

	for (i = 0; s != NULL && i < in->nattended; i++)
		s = arena_printf(ar, "%s%s%lld", s, i > 0 ? "," : "", in->attended[i].agency_id);
	return s != NULL ? arena_printf(ar, "%s}", s) : NULL;
}

enum case_panel_result
case_panel_create(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_panel_input *in, long long *id)
{
	char day[16], mins[16], aid[24], uid[24], pid[24], gid[24];
	const char *p[6] = { day, mins, in->location, aid, agency_array(ar, in), uid };
	const char *q[3] = { pid, gid, NULL };
	struct json_object *after, *who;
	enum case_panel_result rc = CASE_PANEL_ERROR;
	PGresult *res;
	size_t i;
	int none;

	snprintf(day, sizeof(day), "%04d-%02d-%02d", in->day.year, in->day.month, in->day.day);
	snprintf(mins, sizeof(mins), "%d", in->minutes);
	ID(aid, a->agency_id);
	ID(uid, a->user_id);
	if (p[4] == NULL || tx_begin(pg, a) == -1)
		return CASE_PANEL_ERROR;
	if ((res = pg_exec(pg, "panel_insert", 6, p)) == NULL)
		goto out;
	if (!(none = PQntuples(res) == 0))
		*id = num(res, 0, 0);
	PQclear(res);
	rc = CASE_PANEL_BAD_AGENCY;
	if (none)
		goto out;
	rc = CASE_PANEL_ERROR;
	ID(pid, *id);
	after = json_object_new_object();
	who = json_object_new_object();
	json_object_object_add(after, "held", json_object_new_string(
	    arena_printf(ar, "%s %02d:%02d", day, in->minutes / 60, in->minutes % 60)));
	json_object_object_add(after, "location", json_object_new_string(in->location));
	json_object_object_add(after, "attended", who);
	for (i = 0; i < in->nattended; i++) {
		ID(gid, in->attended[i].agency_id);
		q[2] = in->attended[i].attendees;
		json_object_object_add(who, gid, json_object_new_string(q[2]));
		if (pg_exec_ok(pg, "panel_attend", 3, q) == -1) {
			json_object_put(after);
			goto out;
		}
	}
	none = audit_append(pg, a, "case_panel", pid, "create", NULL, after, NULL);
	json_object_put(after);
	if (none == -1)
		goto out;
	return pg_commit(pg) == 0 ? CASE_PANEL_OK : CASE_PANEL_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

/* The rows of statement stmt for panel pid, n columns each, as strings. */
static PGresult *
rows_of(struct pg *pg, const char *stmt, const char *pid, size_t *n)
{
	const char *p[1] = { pid };
	PGresult *res = pg_exec(pg, stmt, 1, p);

	*n = res != NULL ? (size_t)PQntuples(res) : 0;
	return res;
}

static int
detail_read(struct pg *pg, struct arena *ar, const char *pid, struct case_panel_detail *d)
{
	PGresult *res;
	size_t i;
	int rc = 0;

	if ((res = rows_of(pg, "panel_attended", pid, &d->nattended)) == NULL ||
	    (d->attended = arena_calloc(ar, d->nattended + 1, sizeof(*d->attended))) == NULL)
		goto err;
	for (i = 0; i < d->nattended; i++) {
		d->attended[i].agency_id = num(res, (int)i, 0);
		if ((d->attended[i].agency = str(ar, res, (int)i, 1)) == NULL ||
		    (d->attended[i].attendees = str(ar, res, (int)i, 2)) == NULL)
			rc = -1;
	}
	PQclear(res);
	if (rc == -1 || (res = rows_of(pg, "panel_cases", pid, &d->ncases)) == NULL ||
	    (d->cases = arena_calloc(ar, d->ncases + 1, sizeof(*d->cases))) == NULL)
		goto err;
	for (i = 0; i < d->ncases; i++) {
		d->cases[i].case_id = num(res, (int)i, 0);
		if ((d->cases[i].reference = str(ar, res, (int)i, 1)) == NULL ||
		    (d->cases[i].title = str(ar, res, (int)i, 2)) == NULL ||
		    (d->cases[i].decisions = str(ar, res, (int)i, 3)) == NULL)
			rc = -1;
	}
	PQclear(res);
	if (rc == -1 || (res = rows_of(pg, "panel_actions", pid, &d->nactions)) == NULL ||
	    (d->actions = arena_calloc(ar, d->nactions + 1, sizeof(*d->actions))) == NULL)
		goto err;
	for (i = 0; i < d->nactions; i++) {
		struct case_panel_action *x = &d->actions[i];

		x->id = num(res, (int)i, 0);
		if ((x->reference = str(ar, res, (int)i, 1)) == NULL ||
		    (x->title = str(ar, res, (int)i, 2)) == NULL ||
		    (x->type = str(ar, res, (int)i, 3)) == NULL ||
		    (x->owner = str(ar, res, (int)i, 4)) == NULL ||
		    (x->status = str(ar, res, (int)i, 5)) == NULL)
			rc = -1;
	}
	PQclear(res);
	return rc;
err:
	PQclear(res);
	return -1;
}

enum case_panel_result
case_panel_get(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    struct case_panel_detail *d)
{
	char pid[24];
	const char *p[1] = { pid };
	PGresult *res;
	int found;

	memset(d, 0, sizeof(*d));
	ID(pid, id);
	if (tx_begin(pg, a) == -1)
		return CASE_PANEL_ERROR;
	if ((res = pg_exec(pg, "panel_one", 1, p)) == NULL)
		goto err;
	found = PQntuples(res) == 1 && panel_read(ar, res, 0, &d->panel) == 0;
	PQclear(res);
	if (!found) {
		if (audit_not_found(pg, a, "case_panel", pid) == -1 || pg_commit(pg) == -1)
			return CASE_PANEL_ERROR;
		return CASE_PANEL_NOT_FOUND;
	}
	if (detail_read(pg, ar, pid, d) == -1 ||
	    audit_append(pg, a, "case_panel", pid, "view", NULL, NULL, NULL) == -1)
		goto err;
	return pg_commit(pg) == 0 ? CASE_PANEL_OK : CASE_PANEL_ERROR;
err:
	pg_rollback(pg);
	return CASE_PANEL_ERROR;
}

enum case_panel_result
case_panel_case_add(struct pg *pg, struct arena *ar, const struct actor *a, long long id,
    const char *reference, const char *decisions)
{
	char pid[24], cid[24], uid[24];
	const char *p[1] = { pid }, *q[4] = { pid, cid, decisions, uid };
	struct json_object *after;
	struct case_head h;
	enum case_panel_result rc = CASE_PANEL_ERROR;
	PGresult *res;
	int found, failed;

	ID(pid, id);
	ID(uid, a->user_id);
	if (tx_begin(pg, a) == -1)
		return CASE_PANEL_ERROR;
	if ((res = pg_exec(pg, "panel_exists", 1, p)) == NULL)
		goto out;
	found = PQntuples(res) == 1;
	PQclear(res);
	rc = CASE_PANEL_NOT_FOUND;
	if (!found)
		goto out;
	switch (case_head_load(pg, ar, a, reference, &h)) {
	case CASE_OK:
		break;
	case CASE_NOT_FOUND:
		rc = CASE_PANEL_NO_CASE;
		goto out;
	default:
		rc = CASE_PANEL_ERROR;
		goto out;
	}
	rc = CASE_PANEL_ERROR;
	ID(cid, h.id);
	if (pg_exec_ok(pg, "panel_case_add", 4, q) == -1)
		goto out;
	after = json_object_new_object();
	json_object_object_add(after, "panel", json_object_new_int64(id));
	json_object_object_add(after, "case", json_object_new_string(h.reference));
	json_object_object_add(after, "decisions", json_object_new_string(decisions));
	failed = audit_append(pg, a, "case_panel", pid, "case_discussed", NULL, after, NULL)
	    == -1 || audit_append(pg, a, "monitored_case", cid, "panel_discussed", NULL,
	    after, NULL) == -1 || case_event_add(pg, a, h.id, "panel_discussed",
	    *decisions != '\0' ? arena_printf(ar, "Discussed at a case panel. Decisions: %s",
	    decisions) : "Discussed at a case panel", 0,
	    arena_printf(ar, "{\"panel\": %lld}", id)) == -1;
	json_object_put(after);
	if (failed)
		goto out;
	return pg_commit(pg) == 0 ? CASE_PANEL_OK : CASE_PANEL_ERROR;
out:
	pg_rollback(pg);
	return rc;
}

int
case_panel_exists(struct pg *pg, const struct actor *a, long long id)
{
	char pid[24];
	const char *p[1] = { pid };
	PGresult *res;
	int found;

	ID(pid, id);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "panel_exists", 1, p)) == NULL) {
		pg_rollback(pg);
		return -1;
	}
	found = PQntuples(res) == 1;
	PQclear(res);
	return pg_commit(pg) == 0 ? found : -1;
}
