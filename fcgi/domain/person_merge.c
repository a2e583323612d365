/* Merging two records of one person, and undoing it. Everything happens
 * in one transaction with both people locked: the move (one statement, so
 * it is all or nothing), the mark on the merged person, the person_merge
 * row that says exactly what moved, the audit rows on both people and the
 * flags of every incident either person is in. Row security limits the
 * move to what the actor may see; what another agency holds stays with
 * the merged record, which now points at the kept one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/flag_store.h"
#include "domain/person.h"
#include "domain/person_merge.h"
#include "domain/tx.h"
#include "store/pg.h"

/* The JSON of a list of ids that a data-modifying CTE returned. */
#define IDS(cte)	"(SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM " cte ")"
/* The ids of a moved list, for the undo. */
#define MOVED(key)	"(SELECT jsonb_array_elements_text($3::jsonb -> '" key "')::bigint)"

static const struct pg_stmt stmts[] = {
	/* Both people, locked in id order (two merges of one pair cannot
	 * deadlock); merged_into says whether either is merged already. */
	{ "person_merge_lock",
	  "SELECT id, merged_into IS NOT NULL FROM person "
	  "WHERE id IN ($1::bigint, $2::bigint) ORDER BY id FOR UPDATE" },
	/* $1 kept, $2 merged. A part the kept person already has in an
	 * incident is not added twice (had_kept: the undo leaves it). The
	 * incident's reporter and victim are one UPDATE, as one row may
	 * point at the merged person twice. */
	{ "person_merge_move",
	  "WITH gone AS (DELETE FROM incident_person WHERE person_id = $2::bigint "
	  "  RETURNING incident_id, role, added_at, added_by), "
	  "added AS (INSERT INTO incident_person (incident_id, person_id, role, "
	  "  added_at, added_by) SELECT incident_id, $1::bigint, role, added_at, "
	  "  added_by FROM gone ON CONFLICT DO NOTHING RETURNING incident_id, role), "
	  "inc AS (SELECT id, reporter_id = $2::bigint AS r, "
	  "  victim_id IS NOT DISTINCT FROM $2::bigint AS v FROM incident "
	  "  WHERE reporter_id = $2::bigint OR victim_id = $2::bigint FOR UPDATE), "
	  "incu AS (UPDATE incident i SET "
	  "  reporter_id = CASE WHEN inc.r THEN $1::bigint ELSE i.reporter_id END, "
	  "  victim_id = CASE WHEN inc.v THEN $1::bigint ELSE i.victim_id END "
	  "  FROM inc WHERE i.id = inc.id RETURNING i.id), "
	  "rep AS (UPDATE report SET reporter_id = $1::bigint "
	  "  WHERE reporter_id = $2::bigint RETURNING id), "
	  "crn AS (UPDATE case_review_notice SET person_id = $1::bigint "
	  "  WHERE person_id = $2::bigint RETURNING id), "
	  "cal AS (UPDATE incident_call SET caller_id = $1::bigint "
	  "  WHERE caller_id = $2::bigint RETURNING id) "
	  "SELECT json_build_object("
	  "'incident_person', (SELECT coalesce(json_agg(json_build_object("
	  "  'incident_id', g.incident_id, 'role', g.role, 'added_at', g.added_at, "
	  "  'added_by', g.added_by, 'had_kept', a.incident_id IS NULL) "
	  "  ORDER BY g.incident_id, g.role), '[]') FROM gone g LEFT JOIN added a "
	  "  ON a.incident_id = g.incident_id AND a.role = g.role), "
	  "'incident_reporter', (SELECT coalesce(json_agg(id ORDER BY id), '[]') "
	  "  FROM inc WHERE r), "
	  "'incident_victim', (SELECT coalesce(json_agg(id ORDER BY id), '[]') "
	  "  FROM inc WHERE v), "
	  "'report_reporter', " IDS("rep") ", "
	  "'case_review_notice', " IDS("crn") ", "
	  "'incident_call', " IDS("cal") ", "
	  "'updated_incidents', (SELECT count(*) FROM incu))::text" },
	{ "person_merge_mark",
	  "UPDATE person SET merged_into = $2::bigint, merged_at = now(), "
	  "merged_by = $3::bigint WHERE id = $1::bigint AND merged_into IS NULL" },
	{ "person_merge_record",
	  "INSERT INTO person_merge (kept_id, merged_id, moved, merged_by) "
	  "VALUES ($1::bigint, $2::bigint, $3::jsonb, $4::bigint) RETURNING id" },
	/* The merge of a person in force, and whether its kept person has
	 * been merged into a third since. */
	{ "person_merge_current",
	  "SELECT m.id, m.kept_id, m.moved::text, k.merged_into IS NOT NULL "
	  "FROM person_merge m JOIN person k ON k.id = m.kept_id "
	  "WHERE m.merged_id = $1::bigint AND m.undone_at IS NULL FOR UPDATE OF m" },
	/* $1 kept, $2 merged, $3 what moved. Each row goes back only if it
	 * still points at the kept person. */
	{ "person_merge_undo",
	  "WITH ip AS (SELECT * FROM jsonb_to_recordset($3::jsonb -> 'incident_person') "
	  "  AS x(incident_id bigint, role person_role, added_at timestamptz, "
	  "  added_by bigint, had_kept boolean)), "
	  "dropped AS (DELETE FROM incident_person t USING ip "
	  "  WHERE t.incident_id = ip.incident_id AND t.role = ip.role "
	  "  AND t.person_id = $1::bigint AND NOT ip.had_kept RETURNING 1), "
	  "back AS (INSERT INTO incident_person (incident_id, person_id, role, "
	  "  added_at, added_by) SELECT incident_id, $2::bigint, role, added_at, "
	  "  added_by FROM ip ON CONFLICT DO NOTHING RETURNING 1), "
	  "incu AS (UPDATE incident SET "
	  "  reporter_id = CASE WHEN id IN " MOVED("incident_reporter")
	  "    AND reporter_id = $1::bigint THEN $2::bigint ELSE reporter_id END, "
	  "  victim_id = CASE WHEN id IN " MOVED("incident_victim")
	  "    AND victim_id = $1::bigint THEN $2::bigint ELSE victim_id END "
	  "  WHERE id IN " MOVED("incident_reporter")
	  "  OR id IN " MOVED("incident_victim") " RETURNING 1), "
	  "rep AS (UPDATE report SET reporter_id = $2::bigint "
	  "  WHERE id IN " MOVED("report_reporter") " AND reporter_id = $1::bigint "
	  "  RETURNING 1), "
	  "crn AS (UPDATE case_review_notice SET person_id = $2::bigint "
	  "  WHERE id IN " MOVED("case_review_notice") " AND person_id = $1::bigint "
	  "  RETURNING 1), "
	  "cal AS (UPDATE incident_call SET caller_id = $2::bigint "
	  "  WHERE id IN " MOVED("incident_call") " AND caller_id = $1::bigint "
	  "  RETURNING 1) "
	  "SELECT (SELECT count(*) FROM dropped) + (SELECT count(*) FROM back) + "
	  "(SELECT count(*) FROM incu) + (SELECT count(*) FROM rep) + "
	  "(SELECT count(*) FROM crn) + (SELECT count(*) FROM cal)" },
	{ "person_merge_unmark",
	  "UPDATE person SET merged_into = NULL, merged_at = NULL, merged_by = NULL "
	  "WHERE id = $1::bigint AND merged_into = $2::bigint" },
	{ "person_merge_undone",
	  "UPDATE person_merge SET undone_at = now(), undone_by = $2::bigint "
	  "WHERE id = $1::bigint" },
	/* Every incident either person is in, as the actor sees it: the ones
	 * whose flags the change may alter (a repeat victim is one person
	 * across incidents). */
	{ "person_merge_incidents",
	  "SELECT incident_id FROM incident_person "
	  "WHERE person_id IN ($1::bigint, $2::bigint) UNION "
	  "SELECT id FROM incident WHERE reporter_id IN ($1::bigint, $2::bigint) "
	  "OR victim_id IN ($1::bigint, $2::bigint) ORDER BY 1" },
};

const struct pg_stmts person_merge_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

/* Locks both people. PERSON_OK, PERSON_NOT_FOUND (either is not the
 * actor's to see), PERSON_MERGED (either is merged, when that is refused)
 * or PERSON_ERROR. */
static enum person_result
people_lock(struct pg *pg, struct arena *ar, const struct actor *a, long long x,
    long long y, int refuse_merged)
{
	char sx[24], sy[24];
	const char *p[2] = { sx, sy };
	struct person seen;
	enum person_result rc = PERSON_OK;
	PGresult *res;
	int i;

	snprintf(sx, sizeof(sx), "%lld", x);
	snprintf(sy, sizeof(sy), "%lld", y);
	if ((res = pg_exec(pg, "person_merge_lock", 2, p)) == NULL)
		return PERSON_ERROR;
	if (PQntuples(res) != 2)
		rc = PERSON_NOT_FOUND;
	for (i = 0; rc == PERSON_OK && i < 2; i++)
		if (refuse_merged && PQgetvalue(res, i, 1)[0] == 't')
			rc = PERSON_MERGED;
	PQclear(res);
	/* The C rule, on both. */
	if (rc == PERSON_OK && ((rc = person_load(pg, ar, a, x, &seen)) != PERSON_OK ||
	    (rc = person_load(pg, ar, a, y, &seen)) != PERSON_OK))
		return rc;
	return rc;
}

/* Refreshes the flags of every incident either person is in. 0 or -1. */
static int
flags_of_people(struct pg *pg, const struct config *cfg, long long x, long long y)
{
	char sx[24], sy[24];
	const char *p[2] = { sx, sy };
	PGresult *res;
	int i, n, rc = 0;

	snprintf(sx, sizeof(sx), "%lld", x);
	snprintf(sy, sizeof(sy), "%lld", y);
	if ((res = pg_exec(pg, "person_merge_incidents", 2, p)) == NULL)
		return -1;
	n = PQntuples(res);
	for (i = 0; i < n && rc == 0; i++)
		rc = flags_refresh(pg, cfg, strtoll(PQgetvalue(res, i, 0), NULL, 10), NULL);
	PQclear(res);
	return rc;
}

/* {"merged_into": id} or {"merged": id}, plus "moved" when given. */
static struct json_object *
merge_json(const char *key, long long id, struct json_object *moved)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	if (json_object_object_add(o, key, id != 0 ? json_object_new_int64(id) : NULL) != 0 ||
	    (moved != NULL && json_object_object_add(o, "moved",
	    json_object_get(moved)) != 0)) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* The audit rows of a merge (undo: 0), on the merged person and on the
 * kept one. 0 or -1. */
static int
merge_audit(struct pg *pg, const struct actor *a, const char *action,
    long long kept, long long merged, const char *moved_text, int undo)
{
	struct json_object *moved = NULL, *mb = NULL, *ma = NULL, *kb = NULL, *ka = NULL;
	char sk[24], sm[24];
	int rc = -1;

	snprintf(sk, sizeof(sk), "%lld", kept);
	snprintf(sm, sizeof(sm), "%lld", merged);
	if ((moved = json_tokener_parse(moved_text)) == NULL)
		goto out;
	mb = merge_json("merged_into", undo ? kept : 0, NULL);
	ma = merge_json("merged_into", undo ? 0 : kept, moved);
	kb = undo ? merge_json("merged", merged, NULL) : NULL;
	ka = undo ? NULL : merge_json("merged", merged, NULL);
	if (mb == NULL || ma == NULL || (undo ? kb == NULL : ka == NULL))
		goto out;
	if (audit_append(pg, a, "person", sm, action, mb, ma, NULL) == -1 ||
	    audit_append(pg, a, "person", sk, action, kb, ka, NULL) == -1)
		goto out;
	rc = 0;
out:
	if (rc == -1)
		log_error("person merge %s of %lld into %lld: audit failed", action,
		    merged, kept);
	json_object_put(moved);
	json_object_put(mb);
	json_object_put(ma);
	json_object_put(kb);
	json_object_put(ka);
	return rc;
}

/* Begins a merge's or an undo's transaction, with an arena for what the
 * C check reads. NULL (nothing open) on error. */
static struct arena *
merge_begin(struct pg *pg, const struct actor *a)
{
	struct arena *ar;

	if ((ar = arena_new(4096)) == NULL)
		return NULL;
	if (tx_begin(pg, a) == -1) {
		arena_free(ar);
		return NULL;
	}
	return ar;
}

/* Ends a merge's or an undo's transaction: commits what went through,
 * rolls back anything else. Returns rc, or PERSON_ERROR if the commit
 * failed. */
static enum person_result
merge_end(struct pg *pg, struct arena *ar, enum person_result rc)
{
	arena_free(ar);
	if (rc != PERSON_OK) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == 0 ? PERSON_OK : PERSON_ERROR;
}

/* Merges merged_id into kept_id: every incident part, incident reporter
 * and victim, report, Case Review notice and call of the merged person
 * that the actor may see moves to the kept person, the merged person is
 * marked, and person_merge records what moved. PERSON_OK,
 * PERSON_NOT_FOUND, PERSON_SAME, PERSON_MERGED or PERSON_ERROR. */
enum person_result
person_merge(struct pg *pg, const struct config *cfg, const struct actor *a,
    long long kept_id, long long merged_id)
{
	char sk[24], sm[24], by[24];
	const char *p[4] = { sk, sm, NULL, by };
	struct arena *ar = NULL;
	enum person_result rc;
	PGresult *res = NULL;

	if (kept_id == merged_id)
		return PERSON_SAME;
	snprintf(sk, sizeof(sk), "%lld", kept_id);
	snprintf(sm, sizeof(sm), "%lld", merged_id);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	if ((ar = merge_begin(pg, a)) == NULL)
		return PERSON_ERROR;
	if ((rc = people_lock(pg, ar, a, kept_id, merged_id, 1)) != PERSON_OK)
		goto done;
	rc = PERSON_ERROR;
	if ((res = pg_exec(pg, "person_merge_move", 2, p)) == NULL || PQntuples(res) != 1)
		goto done;
	p[2] = PQgetvalue(res, 0, 0);
	{
		const char *mark[3] = { sm, sk, by };

		if (pg_exec_ok(pg, "person_merge_mark", 3, mark) == -1 ||
		    pg_exec_ok(pg, "person_merge_record", 4, p) == -1)
			goto done;
	}
	if (merge_audit(pg, a, "merge", kept_id, merged_id, p[2], 0) == -1 ||
	    flags_of_people(pg, cfg, kept_id, merged_id) == -1)
		goto done;
	rc = PERSON_OK;
done:
	PQclear(res);
	return merge_end(pg, ar, rc);
}

/* Undoes the merge of merged_id: every row that moved and still points at
 * the kept person goes back, the mark goes, and the person_merge row says
 * when and by whom. PERSON_OK, PERSON_NOT_FOUND, PERSON_NOT_MERGED,
 * PERSON_KEPT_MERGED (the kept person was merged into a third since: that
 * is undone first) or PERSON_ERROR. */
enum person_result
person_unmerge(struct pg *pg, const struct config *cfg, const struct actor *a,
    long long merged_id)
{
	char sm[24], sk[24], mid[24], by[24];
	const char *p[3] = { sm, NULL, NULL };
	struct arena *ar = NULL;
	enum person_result rc = PERSON_ERROR;
	PGresult *res = NULL;
	long long kept_id;
	char *moved = NULL;

	snprintf(sm, sizeof(sm), "%lld", merged_id);
	snprintf(by, sizeof(by), "%lld", a->user_id);
	if ((ar = merge_begin(pg, a)) == NULL)
		return PERSON_ERROR;
	if ((res = pg_exec(pg, "person_merge_current", 1, p)) == NULL)
		goto done;
	if (PQntuples(res) != 1) {
		/* Nothing to undo, or nothing the actor may see. */
		struct person seen;

		rc = person_load(pg, ar, a, merged_id, &seen);
		if (rc == PERSON_OK)
			rc = PERSON_NOT_MERGED;
		goto done;
	}
	snprintf(mid, sizeof(mid), "%s", PQgetvalue(res, 0, 0));
	kept_id = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	if ((moved = arena_strdup(ar, PQgetvalue(res, 0, 2))) == NULL)
		goto done;
	if (PQgetvalue(res, 0, 3)[0] == 't') {
		rc = PERSON_KEPT_MERGED;
		goto done;
	}
	PQclear(res);
	res = NULL;
	if ((rc = people_lock(pg, ar, a, kept_id, merged_id, 0)) != PERSON_OK)
		goto done;
	rc = PERSON_ERROR;
	snprintf(sk, sizeof(sk), "%lld", kept_id);
	{
		const char *undo[3] = { sk, sm, moved };
		const char *unmark[2] = { sm, sk };
		const char *undone[2] = { mid, by };

		if (pg_exec_ok(pg, "person_merge_undo", 3, undo) == -1 ||
		    pg_exec_ok(pg, "person_merge_unmark", 2, unmark) == -1 ||
		    pg_exec_ok(pg, "person_merge_undone", 2, undone) == -1)
			goto done;
	}
	if (merge_audit(pg, a, "unmerge", kept_id, merged_id, moved, 1) == -1 ||
	    flags_of_people(pg, cfg, kept_id, merged_id) == -1)
		goto done;
	rc = PERSON_OK;
done:
	PQclear(res);
	return merge_end(pg, ar, rc);
}
