/* Incidents for staff: search, view and status changes, each audited, with
 * agency segregation enforced twice — by PostgreSQL's row-level security
 * and again here in C, on every row read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/flags.h"
#include "domain/incident.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "incident_by_reference", "SELECT " INCIDENT_COLUMNS "WHERE i.reference = $1" },
	/* The staff list (README "Finding incidents"). A NULL parameter is
	 * "any". $1 is the query as typed, for the text search; $2 the same
	 * with LIKE's wildcards escaped. $11 is an enum incident_sort. The
	 * first five columns come before INCIDENT_COLUMNS (SEARCH_EXTRA). */
	{ "incident_search",
	  "SELECT count(*) OVER (), coalesce(i.risk_level::text, ''), i.vulnerable, "
	  "i.repeat_victim, i.repeat_location, " INCIDENT_COLUMNS
	  "LEFT JOIN asb_type tp ON tp.id = t.parent_id "
	  "LEFT JOIN beat b ON b.id = i.beat_id LEFT JOIN la_area l ON l.id = i.la_area_id "
	  "WHERE ($1::text IS NULL OR i.reference ILIKE '%' || $2 || '%' "
	  "  OR ($1 ~* '^\\s*[a-z]{1,2}[0-9]' "
	  "    AND postcode_key(i.postcode) LIKE postcode_key($2) || '%') "
	  "  OR incident_search_words(i.description, i.answers) "
	  "    @@ websearch_to_tsquery('english', $1) "
	  "  OR t.name ILIKE '%' || $2 || '%' OR tp.name ILIKE '%' || $2 || '%' "
	  "  OR i.address ILIKE '%' || $2 || '%') "
	  "AND ($3::incident_status IS NULL OR i.status = $3::incident_status) "
	  "AND ($4::text IS NULL OR t.code = $4 OR tp.code = $4) "
	  "AND ($5::risk_level IS NULL OR i.risk_level = $5::risk_level) "
	  "AND ($6::text IS NULL OR b.code = $6) "
	  "AND ($7::text IS NULL OR l.code = $7) "
	  "AND ($8::text IS NULL OR ($8 = 'vulnerable' AND i.vulnerable) "
	  "  OR ($8 = 'repeat_victim' AND i.repeat_victim) "
	  "  OR ($8 = 'repeat_location' AND i.repeat_location) "
	  "  OR ($8 = 'urgent' AND i.urgent) "
	  "  OR ($8 = 'repeat_subject' AND i.repeat_subject) "
	  "  OR ($8 = 'hate' AND i.hate)) "
	  "AND ($9::date IS NULL OR i.reported_at >= "
	  "  $9::date::timestamp AT TIME ZONE 'Europe/London') "
	  "AND ($10::date IS NULL OR i.reported_at < "
	  "  ($10::date + 1)::timestamp AT TIME ZONE 'Europe/London') "
	  "ORDER BY CASE WHEN $11::int = 2 THEN i.risk_level END DESC NULLS LAST, "
	  "CASE WHEN $11::int = 1 THEN i.reported_at END ASC, "
	  "CASE WHEN $11::int = 3 THEN i.updated_at END DESC, "
	  "CASE WHEN $11::int = 4 THEN i.reference END ASC, "
	  "i.reported_at DESC, i.id DESC LIMIT $12 OFFSET $13" },
	/* The beats and council areas, for the list's area filter. */
	{ "incident_search_areas",
	  "SELECT 'beat', code, name FROM beat UNION ALL "
	  "SELECT 'area', code, name FROM la_area ORDER BY 1 DESC, 3, 2" },
	/* A member of staff's own recent work: what they created, sent a
	 * report of, or wrote an update on, the latest touched first. */
	{ "incident_mine",
	  "SELECT " INCIDENT_COLUMNS
	  "WHERE i.created_by = $1 "
	  "OR EXISTS (SELECT 1 FROM report r WHERE r.incident_id = i.id AND r.created_by = $1) "
	  "OR EXISTS (SELECT 1 FROM incident_update u WHERE u.incident_id = i.id "
	  "  AND u.created_by = $1) "
	  "ORDER BY i.updated_at DESC, i.id DESC LIMIT $2" },
	{ "incident_touch",
	  "UPDATE incident SET updated_at = now(), version = version + 1 "
	  "WHERE id = $1 AND version = $2" },
};

const struct pg_stmts incident_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *const statuses[] = {
	"new", "open", "allocated", "in_progress", "monitoring", "closed",
};

int
incident_status_valid(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(s, statuses[i]) == 0)
			return 1;
	return 0;
}

/* The sharing rule, as PostgreSQL's policy has it (0009_row_security.sql):
 * an agency sees what it owns, what is shared with it by name, and — when
 * it is a core partner — what is shared with the partnership. */
int
incident_visible(const struct actor *a, long long owner, const char *sharing,
    const long long *shared, size_t nshared)
{
	size_t i;

	if (a->agency_id <= 0)
		return 0;
	if (owner == a->agency_id)
		return 1;
	for (i = 0; i < nshared; i++)
		if (shared[i] == a->agency_id)
			return 1;
	return a->core_partner && strcmp(sharing, "partnership") == 0;
}

/* "{1,2}" from PostgreSQL into ids. */
void
incident_ids_parse(const char *s, long long *out, size_t max, size_t *n)
{
	char *end;

	*n = 0;
	if (*s == '{')
		s++;
	while (*s != '\0' && *s != '}' && *n < max) {
		out[(*n)++] = strtoll(s, &end, 10);
		if (end == s)
			break;
		s = *end == ',' ? end + 1 : end;
	}
}

/* The C half of the sharing rule on a row PostgreSQL returned, whose
 * owner, sharing and shared-with are the three columns from owner_col. */
int
incident_row_visible(const struct actor *a, const PGresult *res, int row, int owner_col)
{
	long long shared[INCIDENT_SHARED_MAX];
	size_t nshared;

	incident_ids_parse(PQgetvalue(res, row, owner_col + 2), shared,
	    INCIDENT_SHARED_MAX, &nshared);
	return incident_visible(a, strtoll(PQgetvalue(res, row, owner_col), NULL, 10),
	    PQgetvalue(res, row, owner_col + 1), shared, nshared);
}

static const char *
col(struct arena *a, PGresult *res, int row, int c)
{
	return arena_strdup(a, PQgetvalue(res, row, c));
}

/* Reads INCIDENT_COLUMNS, which start at column c0 of the result. */
void
incident_read_at(struct arena *a, PGresult *res, int row, int c0, struct incident *in)
{
	int f;

	memset(in, 0, sizeof(*in));
	in->id = strtoll(PQgetvalue(res, row, c0), NULL, 10);
	in->reference = col(a, res, row, c0 + 1);
	in->type = col(a, res, row, c0 + 2);
	in->status = col(a, res, row, c0 + 3);
	in->description = col(a, res, row, c0 + 4);
	in->address = col(a, res, row, c0 + 5);
	in->postcode = col(a, res, row, c0 + 6);
	in->reported = col(a, res, row, c0 + 7);
	in->owner_id = strtoll(PQgetvalue(res, row, c0 + 8), NULL, 10);
	in->owner = col(a, res, row, c0 + 9);
	in->sharing = col(a, res, row, c0 + 10);
	incident_ids_parse(PQgetvalue(res, row, c0 + 11), in->shared,
	    INCIDENT_SHARED_MAX, &in->nshared);
	in->shared_names = col(a, res, row, c0 + 12);
	in->channel = col(a, res, row, c0 + 13);
	in->version = strtoll(PQgetvalue(res, row, c0 + 14), NULL, 10);
	for (f = 0; f < FLAGS; f++)
		if (PQgetvalue(res, row, c0 + 15 + f)[0] == 't')
			in->flags |= FLAG_BIT(f);
	in->location_to_confirm = PQgetvalue(res, row, c0 + 15 + FLAGS)[0] == 't';
}

static void
incident_read(struct arena *a, PGresult *res, int row, struct incident *in)
{
	incident_read_at(a, res, row, 0, in);
}

/* The second check: a row PostgreSQL returned that the C rule refuses is
 * dropped, and logged, since the two should never disagree. 1 when the
 * actor may see it. */
int
incident_second_check(const struct actor *a, const struct incident *in)
{
	if (incident_visible(a, in->owner_id, in->sharing, in->shared, in->nshared))
		return 1;
	log_error("row security let through incident %s for agency %lld; "
	    "refused in C", in->reference, a->agency_id);
	return 0;
}

/* Escapes LIKE's wildcards so a search for "50%" means that. */
static char *
like_escape(struct arena *a, const char *q)
{
	char *out = arena_alloc(a, strlen(q) * 2 + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (; *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q;
	}
	*o = '\0';
	return out;
}

#define SEARCH_EXTRA	5	/* the search's columns before INCIDENT_COLUMNS */

/* One search row: the count of every match, then risk and flags. */
static void
hit_read(struct arena *a, PGresult *res, int row, struct incident_hit *h,
    long long *total)
{
	*total = strtoll(PQgetvalue(res, row, 0), NULL, 10);
	h->risk = col(a, res, row, 1);
	h->vulnerable = PQgetvalue(res, row, 2)[0] == 't';
	h->repeat_victim = PQgetvalue(res, row, 3)[0] == 't';
	h->repeat_location = PQgetvalue(res, row, 4)[0] == 't';
	incident_read_at(a, res, row, SEARCH_EXTRA, &h->in);
}

/* What was searched for, for the audit row. */
static struct json_object *
filter_json(const struct incident_filter *f, int offset, size_t results)
{
	struct json_object *o = json_object_new_object();
	const struct { const char *key, *value; } v[] = {
		{ "query", f->query }, { "status", f->status }, { "type", f->type },
		{ "risk", f->risk }, { "flag", f->flag }, { "beat", f->beat },
		{ "area", f->area }, { "from", f->from }, { "to", f->to },
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i].value != NULL)
			json_object_object_add(o, v[i].key, json_object_new_string(v[i].value));
	json_object_object_add(o, "sort", json_object_new_int((int)f->sort));
	json_object_object_add(o, "offset", json_object_new_int(offset));
	json_object_object_add(o, "results", json_object_new_int((int)results));
	return o;
}

/* The incidents the actor may see that match the filter (each field NULL
 * for "any", validated by the caller), in the filter's order, limit from
 * offset; *total is how many match in all (0 past the last page). The
 * search is audited with what was searched for. Returns 0 or -1. */
int
incident_search(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct incident_filter *f, int limit, int offset,
    struct incident_hit **out, size_t *n, long long *total)
{
	char lim[16], off[16], sort[16];
	const char *p[13] = { f->query, NULL, f->status, f->type, f->risk, f->beat,
	    f->area, f->flag, f->from, f->to, sort, lim, off };
	struct json_object *what;
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (f->query != NULL && (p[1] = like_escape(ar, f->query)) == NULL)
		return -1;
	snprintf(sort, sizeof(sort), "%d", (int)f->sort);
	snprintf(lim, sizeof(lim), "%d", limit);
	snprintf(off, sizeof(off), "%d", offset);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "incident_search", 13, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		hit_read(ar, res, i, &(*out)[*n], total);
		if (incident_second_check(a, &(*out)[*n].in))
			(*n)++;
	}
	PQclear(res);
	what = filter_json(f, offset, *n);
	i = audit_append(pg, a, "incident", NULL, "search", NULL, what, NULL);
	json_object_put(what);
	if (i == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}

/* The beats and council areas to filter by (reference data). 0 or -1. */
int
incident_search_areas(struct pg *pg, struct arena *ar, struct incident_area **out,
    size_t *n)
{
	PGresult *res = pg_exec(pg, "incident_search_areas", 0, NULL);
	int i, rows;

	*out = NULL;
	*n = 0;
	if (res == NULL)
		return -1;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		(*out)[i].kind = col(ar, res, i, 0);
		(*out)[i].code = col(ar, res, i, 1);
		(*out)[i].name = col(ar, res, i, 2);
	}
	*n = (size_t)rows;
	PQclear(res);
	return 0;
}

/* The actor's own recent incidents (incident_mine), at most limit, each
 * seen through the same two checks as a search; the listing is audited.
 * Returns 0, or -1 with *n 0 when a store fails. */
int
incident_mine(struct pg *pg, struct arena *ar, const struct actor *a, int limit,
    struct incident **out, size_t *n)
{
	char uid[24], lim[16];
	const char *p[2] = { uid, lim };
	struct json_object *what;
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(uid, sizeof(uid), "%lld", a->user_id);
	snprintf(lim, sizeof(lim), "%d", limit);
	if (tx_begin(pg, a) == -1)
		return -1;
	if ((res = pg_exec(pg, "incident_mine", 2, p)) == NULL)
		goto err;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		goto err;
	}
	for (i = 0; i < rows; i++) {
		incident_read(ar, res, i, &(*out)[*n]);
		if (incident_second_check(a, &(*out)[*n]))
			(*n)++;
	}
	PQclear(res);
	what = json_object_new_object();
	json_object_object_add(what, "list", json_object_new_string("mine"));
	json_object_object_add(what, "results", json_object_new_int((int)*n));
	i = audit_append(pg, a, "incident", NULL, "search", NULL, what, NULL);
	json_object_put(what);
	if (i == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	*n = 0;
	return -1;
}

/* Reads one incident within the caller's transaction: INCIDENT_OK,
 * INCIDENT_NOT_FOUND (or not the actor's to see) or INCIDENT_ERROR. */
enum incident_result
incident_load(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct incident *in)
{
	PGresult *res;
	int found;

	memset(in, 0, sizeof(*in));
	if ((res = pg_exec(pg, "incident_by_reference", 1, &reference)) == NULL)
		return INCIDENT_ERROR;
	if ((found = PQntuples(res) == 1))
		incident_read(ar, res, 0, in);
	PQclear(res);
	if (!found || !incident_second_check(a, in))
		return INCIDENT_NOT_FOUND;
	return INCIDENT_OK;
}

/* Opens a transaction on one incident (to change it, or to read what hangs
 * off it) and reads it. On INCIDENT_OK the transaction is the caller's to
 * finish; an incident that
 * is not there, or not the actor's to see, is audited as such and the
 * transaction has ended (INCIDENT_NOT_FOUND), as it has on INCIDENT_ERROR. */
enum incident_result
incident_begin(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct incident *in)
{
	enum incident_result rc;

	if (tx_begin(pg, a) == -1)
		return INCIDENT_ERROR;
	if ((rc = incident_load(pg, ar, a, reference, in)) == INCIDENT_OK)
		return INCIDENT_OK;
	if (rc == INCIDENT_NOT_FOUND && audit_not_found(pg, a, "incident", reference) == 0)
		return pg_commit(pg) == 0 ? INCIDENT_NOT_FOUND : INCIDENT_ERROR;
	pg_rollback(pg);
	return INCIDENT_ERROR;
}

/* Reads one incident if the actor may see it; audits the view when asked
 * to, and always audits asking for one that is not there or not theirs. */
static enum incident_result
incident_open(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct incident *in, int audit_view)
{
	enum incident_result rc;
	char id[24];
	int failed = 0;

	if (tx_begin(pg, a) == -1)
		return INCIDENT_ERROR;
	if ((rc = incident_load(pg, ar, a, reference, in)) == INCIDENT_ERROR)
		goto err;
	snprintf(id, sizeof(id), "%lld", in->id);
	if (rc != INCIDENT_OK)
		failed = audit_not_found(pg, a, "incident", reference);
	else if (audit_view)
		failed = audit_append(pg, a, "incident", id, "view", NULL, NULL, NULL);
	if (failed == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return INCIDENT_ERROR;
	return rc;
err:
	pg_rollback(pg);
	return INCIDENT_ERROR;
}

/* One incident, if the actor may see it; the view is audited. */
enum incident_result
incident_view(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct incident *in)
{
	return incident_open(pg, ar, a, reference, in, 1);
}

/* As incident_view, for pages that audit their own kind of view (its
 * history, say): only a miss is audited here. */
enum incident_result
incident_find(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct incident *in)
{
	return incident_open(pg, ar, a, reference, in, 0);
}

/* Marks an incident as changed (a new update on it, say) within the
 * caller's transaction, if it is still at version: INCIDENT_OK, or
 * INCIDENT_CONFLICT when someone changed it since it was read. */
enum incident_result
incident_touch(struct pg *pg, long long id, long long version)
{
	char iid[24], ver[24];
	const char *p[2] = { iid, ver };
	PGresult *res;
	int changed;

	snprintf(iid, sizeof(iid), "%lld", id);
	snprintf(ver, sizeof(ver), "%lld", version);
	if ((res = pg_exec(pg, "incident_touch", 2, p)) == NULL)
		return INCIDENT_ERROR;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	return changed ? INCIDENT_OK : INCIDENT_CONFLICT;
}
