/* An incident's timeline: one query over every table that records
 * something done to it (see domain/timeline.h), newest first. Each row is
 * a kind, a time, who, and up to four texts the page turns into words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/timeline.h"
#include "domain/tx.h"
#include "store/pg.h"

/* Who did it: a member of staff as "name, agency". */
#define WHO(u)	"coalesce((SELECT p.name || ', ' || g.name FROM app_user p " \
	"JOIN agency g ON g.id = p.agency_id WHERE p.id = " u "), '')"

/* The kinds are the names of enum timeline_kind, in its order. */
static const char *const kinds[TL__MAX] = {
	"created", "report", "update", "call", "risk", "risk_review", "status",
	"link", "evidence", "case_review", "close_request", "diary", "queue",
};

static const struct pg_stmt stmts[] = {
	/* $1 the incident; $2 NULL, or only what happened after this many
	 * microseconds since 1970 (the incident's updated_at on the page a
	 * stale form came from). */
	{ "timeline_of_incident",
	  "SELECT k, to_char(at AT TIME ZONE 'Europe/London', "
	  "'FMDD Mon YYYY \"at\" HH24:MI'), who, a, b, c, d, shared FROM ("
	  "SELECT 'created' k, i.created_at at, " WHO("i.created_by") " who, "
	  "  i.channel::text a, '' b, '' c, '' d, false shared, 0 o "
	  "  FROM incident i WHERE i.id = $1 "
	  "UNION ALL SELECT 'report', r.created_at, " WHO("r.created_by") ", "
	  "  r.reference, r.channel::text, '', '', false, 1 "
	  "  FROM report r WHERE r.incident_id = $1 "
	  "UNION ALL SELECT 'update', u.at, " WHO("u.created_by") ", u.text, '', '', '', "
	  "  u.public, 2 FROM incident_update u WHERE u.incident_id = $1 "
	  "UNION ALL SELECT 'call', c.at, " WHO("c.created_by") ", c.note, "
	  "  coalesce(c.log_number, ''), '', '', false, 3 "
	  "  FROM incident_call c WHERE c.incident_id = $1 "
	  "UNION ALL SELECT 'risk', ra.assessed_at, " WHO("ra.assessed_by") ", "
	  "  ra.level::text, ra.score::text, ra.reason, '', false, 4 "
	  "  FROM risk_assessment ra WHERE ra.incident_id = $1 "
	  "UNION ALL SELECT 'risk_review', rv.reviewed_at, " WHO("rv.reviewed_by") ", "
	  "  rv.level_before::text, rv.level_after::text, rv.note, '', false, 5 "
	  "  FROM risk_review rv WHERE rv.incident_id = $1 "
	  "UNION ALL SELECT 'status', s.changed_at, " WHO("s.changed_by") ", "
	  "  s.from_status::text, s.to_status::text, s.reason, coalesce(s.outcome, ''), "
	  "  false, 6 FROM incident_status_change s WHERE s.incident_id = $1 "
	  "UNION ALL SELECT 'link', l.created_at, " WHO("l.created_by") ", o.reference, "
	  "  l.reason, '', '', false, 7 FROM incident_link l "
	  "  JOIN incident o ON o.id = CASE WHEN l.incident_id = $1 THEN l.linked_id "
	  "    ELSE l.incident_id END "
	  "  WHERE l.incident_id = $1 OR l.linked_id = $1 "
	  "UNION ALL SELECT 'evidence', e.uploaded_at, " WHO("e.uploaded_by") ", "
	  "  e.original_name, e.category, coalesce(e.report_reference, ''), '', false, 8 "
	  "  FROM evidence e WHERE e.incident_id = $1 "
	  "UNION ALL SELECT 'case_review', n.told_at, " WHO("n.told_by") ", n.how, "
	  "  n.note, '', '', false, 9 FROM case_review_notice n WHERE n.incident_id = $1 "
	  "UNION ALL SELECT 'close_request', i.close_requested_at, "
	  "  " WHO("i.close_requested_by") ", coalesce(i.close_request_reason, ''), "
	  "  '', '', '', false, 10 FROM incident i "
	  "  WHERE i.id = $1 AND i.close_requested_at IS NOT NULL"
	  /* The files a line each, as evidence rows the actor may see. */
	  " UNION ALL SELECT 'diary', d.created_at, '', d.what_happened, "
	  "  london_words(d.occurred_at, d.time_known), coalesce(d.impact, ''), "
	  "  coalesce((SELECT string_agg(e.id || ' ' || e.original_name, E'\\n' "
	  "    ORDER BY e.id) FROM report_diary_file f JOIN evidence e "
	  "    ON e.id = f.evidence_id WHERE f.entry_id = d.id), ''), false, 11 "
	  "  FROM report_diary_entry d WHERE d.incident_id = $1"
	  " UNION ALL SELECT 'queue', q.at, " WHO("q.created_by") ", q.kind, "
	  "  coalesce(qt.name, ''), q.reason, CASE WHEN q.kind = 'reallocated' "
	  "  THEN coalesce((SELECT ot.name FROM incident_allocation o "
	  "    JOIN team ot ON ot.id = o.team_id WHERE o.replaced_by = q.allocation_id "
	  "    LIMIT 1), '') "
	  "  ELSE coalesce((SELECT p.name FROM app_user p WHERE p.id = q.user_id), '') END, "
	  "  false, 12 FROM queue_event q LEFT JOIN team qt ON qt.id = q.team_id "
	  "  WHERE q.incident_id = $1"
	  ") t WHERE $2::bigint IS NULL "
	  "  OR t.at > to_timestamp(0) + $2::bigint * interval '1 microsecond' "
	  "ORDER BY t.at DESC, t.o DESC LIMIT 500" },
};

const struct pg_stmts timeline_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

/* Whether since is a count of microseconds as the page writes it: digits
 * only, short enough for a bigint. */
int
timeline_since_valid(const char *since)
{
	size_t n = since != NULL ? strlen(since) : 0;

	return n > 0 && n <= 18 && strspn(since, "0123456789") == n;
}

static enum timeline_kind
kind_of(const char *k)
{
	int i;

	for (i = 0; i < TL__MAX; i++)
		if (strcmp(k, kinds[i]) == 0)
			return (enum timeline_kind)i;
	return TL_UPDATE;
}

/* The timeline of an incident, within the caller's transaction: everything,
 * or only what happened after since (see timeline_since_valid; NULL or
 * invalid: everything). At most TIMELINE_MAX entries. 0 or -1. */
int
timeline_read(struct pg *pg, struct arena *ar, long long incident_id,
    const char *since, struct timeline_entry **out, size_t *n)
{
	char iid[24];
	const char *p[2] = { iid, timeline_since_valid(since) ? since : NULL };
	struct timeline_entry *e;
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if ((res = pg_exec(pg, "timeline_of_incident", 2, p)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((*out = arena_calloc(ar, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		e = &(*out)[i];
		e->kind = kind_of(PQgetvalue(res, i, 0));
		e->when = arena_strdup(ar, PQgetvalue(res, i, 1));
		e->by = arena_strdup(ar, PQgetvalue(res, i, 2));
		e->a = arena_strdup(ar, PQgetvalue(res, i, 3));
		e->b = arena_strdup(ar, PQgetvalue(res, i, 4));
		e->c = arena_strdup(ar, PQgetvalue(res, i, 5));
		e->d = arena_strdup(ar, PQgetvalue(res, i, 6));
		e->shared = PQgetvalue(res, i, 7)[0] == 't';
	}
	*n = (size_t)rows;
	PQclear(res);
	return 0;
}

/* As timeline_read, in its own read transaction, for an incident the
 * actor may see (the caller checked). 0 or -1. */
int
timeline_of_incident(struct pg *pg, struct arena *ar, const struct actor *a,
    long long incident_id, const char *since, struct timeline_entry **out,
    size_t *n)
{
	if (tx_begin(pg, a) == -1)
		return -1;
	if (timeline_read(pg, ar, incident_id, since, out, n) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}
