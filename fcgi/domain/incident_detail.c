/* The incident page's detail (see domain/incident_detail.h), read in one
 * transaction after the incident itself was found and checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/incident_detail.h"
#include "domain/tx.h"
#include "store/pg.h"

#define LONDON(t)	"coalesce(to_char(" t " AT TIME ZONE 'Europe/London', " \
	"'FMDD Mon YYYY \"at\" HH24:MI'), '')"
#define NAME(u)		"coalesce((SELECT p.name || ', ' || g.name FROM app_user p " \
	"JOIN agency g ON g.id = p.agency_id WHERE p.id = " u "), '')"

static const struct pg_stmt stmts[] = {
	/* The latest assessment wins over the provisional score. */
	{ "incident_detail",
	  "SELECT coalesce(i.nsir::text, ''), " LONDON("i.occurred_at") ", "
	  LONDON("i.occurred_to") ", coalesce(i.recurring->>'how_often', ''), "
	  "coalesce(array_to_string(ARRAY(SELECT jsonb_array_elements_text("
	  "  CASE WHEN jsonb_typeof(i.recurring->'times_of_day') = 'array' "
	  "  THEN i.recurring->'times_of_day' END)), ', '), ''), "
	  "i.location IS NOT NULL, coalesce(ST_X(i.location), 0), "
	  "coalesce(ST_Y(i.location), 0), coalesce(b.name, ''), coalesce(l.name, ''), "
	  "coalesce(tm.name, ''), coalesce(i.log_number, ''), " NAME("i.officer_id") ", "
	  "ra.level IS NOT NULL, coalesce(ra.level::text, i.provisional_level::text, ''), "
	  "coalesce(ra.score, i.provisional_score, 0), " LONDON("i.assessment_due") ", "
	  LONDON("i.closed_at") ", " NAME("i.closed_by") ", coalesce(i.closure_reason, ''), "
	  "coalesce(i.outcome, ''), " LONDON("i.close_requested_at") ", "
	  NAME("i.close_requested_by") ", coalesce(i.close_request_reason, ''), "
	  "(extract(epoch FROM i.updated_at) * 1000000)::bigint, "
	  "EXISTS (SELECT 1 FROM cad_followers(i.id)) "
	  "FROM incident i LEFT JOIN beat b ON b.id = i.beat_id "
	  "LEFT JOIN la_area l ON l.id = i.la_area_id "
	  /* Its team: its first current allocation's (an area's or the
	   * triage queue's before a rule's: domain/allocate.h). */
	  "LEFT JOIN LATERAL (SELECT t.name FROM incident_allocation c "
	  "  JOIN team t ON t.id = c.team_id WHERE c.incident_id = i.id "
	  "  AND c.ended_at IS NULL ORDER BY c.kind = 'specialist', c.id LIMIT 1) tm ON true "
	  "LEFT JOIN LATERAL (SELECT level, score FROM risk_assessment r "
	  "  WHERE r.incident_id = i.id ORDER BY r.assessed_at DESC, r.id DESC LIMIT 1) ra "
	  "  ON true "
	  "WHERE i.id = $1" },
	/* In the order the type asks its questions; an answer to a question
	 * since removed comes last. */
	{ "incident_detail_answers",
	  "SELECT coalesce(e.value->>'question', e.key), "
	  "coalesce(e.value->>'display', e.value->>'answer', '') "
	  "FROM incident i CROSS JOIN LATERAL jsonb_each(i.answers) e "
	  "LEFT JOIN question q ON q.asb_type_id = i.asb_type_id AND q.key = e.key "
	  "WHERE i.id = $1 AND jsonb_typeof(e.value) = 'object' "
	  "ORDER BY q.sort_order NULLS LAST, q.id NULLS LAST, e.key" },
	{ "incident_detail_people",
	  "SELECT ip.person_id, trim(coalesce(p.given_name, '') || ' ' || "
	  "coalesce(p.family_name, '')), ip.role::text, p.id IS NOT NULL "
	  "FROM incident_person ip LEFT JOIN person p ON p.id = ip.person_id "
	  "WHERE ip.incident_id = $1 ORDER BY ip.role, ip.added_at, ip.person_id" },
};

const struct pg_stmts incident_detail_statements = {
	stmts, sizeof(stmts) / sizeof(stmts[0])
};

static const char *
col(struct arena *a, PGresult *res, int row, int c)
{
	return arena_strdup(a, PQgetvalue(res, row, c));
}

static void
detail_read(struct arena *a, PGresult *res, struct incident_detail *d)
{
	d->nsir = col(a, res, 0, 0);
	d->occurred = col(a, res, 0, 1);
	d->occurred_to = col(a, res, 0, 2);
	d->how_often = col(a, res, 0, 3);
	d->times_of_day = col(a, res, 0, 4);
	d->has_point = PQgetvalue(res, 0, 5)[0] == 't';
	d->lon = strtod(PQgetvalue(res, 0, 6), NULL);
	d->lat = strtod(PQgetvalue(res, 0, 7), NULL);
	d->beat = col(a, res, 0, 8);
	d->area = col(a, res, 0, 9);
	d->team = col(a, res, 0, 10);
	d->log_number = col(a, res, 0, 11);
	d->officer = col(a, res, 0, 12);
	d->assessed = PQgetvalue(res, 0, 13)[0] == 't';
	d->risk_level = col(a, res, 0, 14);
	d->risk_score = atoi(PQgetvalue(res, 0, 15));
	d->assessment_due = col(a, res, 0, 16);
	d->closed_at = col(a, res, 0, 17);
	d->closed_by = col(a, res, 0, 18);
	d->closure_reason = col(a, res, 0, 19);
	d->outcome = col(a, res, 0, 20);
	d->close_requested_at = col(a, res, 0, 21);
	d->close_requested_by = col(a, res, 0, 22);
	d->close_request_reason = col(a, res, 0, 23);
	d->seen = col(a, res, 0, 24);
	d->cad_followed = PQgetvalue(res, 0, 25)[0] == 't';
}

/* The answers, then the people, of the incident. 0 or -1. */
static int
lists_read(struct pg *pg, struct arena *a, const char *iid, struct incident_detail *d)
{
	PGresult *res;
	int i, rows;

	if ((res = pg_exec(pg, "incident_detail_answers", 1, &iid)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((d->answers = arena_calloc(a, (size_t)rows + 1, sizeof(*d->answers))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		d->answers[i].question = col(a, res, i, 0);
		d->answers[i].answer = col(a, res, i, 1);
	}
	d->nanswers = (size_t)rows;
	PQclear(res);
	if ((res = pg_exec(pg, "incident_detail_people", 1, &iid)) == NULL)
		return -1;
	rows = PQntuples(res);
	if ((d->people = arena_calloc(a, (size_t)rows + 1, sizeof(*d->people))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++) {
		d->people[i].person_id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		d->people[i].name = col(a, res, i, 1);
		d->people[i].role = col(a, res, i, 2);
		d->people[i].visible = PQgetvalue(res, i, 3)[0] == 't';
	}
	d->npeople = (size_t)rows;
	PQclear(res);
	return 0;
}

/* The detail of an incident the caller has found and checked the actor
 * may see, with its links and timeline, in one read transaction (row
 * security applies). 0, or -1 on error or when it has gone. */
int
incident_detail_load(struct pg *pg, struct arena *a, const struct actor *ac,
    long long incident_id, struct incident_detail *d)
{
	char iid[24];
	const char *p[1] = { iid };
	PGresult *res;
	int found;

	memset(d, 0, sizeof(*d));
	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if (tx_begin(pg, ac) == -1)
		return -1;
	if ((res = pg_exec(pg, "incident_detail", 1, p)) == NULL)
		goto err;
	if ((found = PQntuples(res) == 1))
		detail_read(a, res, d);
	PQclear(res);
	if (!found || lists_read(pg, a, iid, d) == -1 ||
	    incident_links_read(pg, a, incident_id, &d->links, &d->nlinks) == -1 ||
	    timeline_read(pg, a, incident_id, NULL, &d->timeline, &d->ntimeline) == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
