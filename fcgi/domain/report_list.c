/* Reports for staff: the newest first, and those of one incident with the
 * answers and — where the reporter consented and the role allows — how to
 * contact them. Row security decides which reports and which people an
 * agency sees; each list read and each reporter shown is audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/flags.h"
#include "domain/report_list.h"
#include "domain/tx.h"
#include "store/pg.h"

#define REPORT_COLUMNS \
	"r.id, r.reference, i.reference, r.channel, t.name, " \
	"concat_ws(', ', nullif(r.address, ''), nullif(r.postcode, '')), " \
	"to_char(r.created_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI'), " \
	"coalesce(r.description, ''), r.answers::text, r.impact::text, " \
	"coalesce(r.partner::text, ''), r.reference <> i.reference, " \
	"coalesce(p.id, 0), concat_ws(' ', p.given_name, p.family_name), " \
	"coalesce(p.email, ''), coalesce(p.phone, ''), coalesce(p.preferred_contact, ''), " \
	"coalesce(u.name, ''), coalesce(ua.name, ''), " \
	/* the incident's flags, in the order of enum flag (domain/flags.h) */ \
	"i.urgent, i.vulnerable, i.repeat_victim, i.repeat_location, i.repeat_subject, " \
	"i.hate " \
	"FROM report r JOIN incident i ON i.id = r.incident_id " \
	"JOIN asb_type t ON t.id = i.asb_type_id " \
	"LEFT JOIN person p ON p.id = r.reporter_id " \
	"LEFT JOIN app_user u ON u.id = r.created_by " \
	"LEFT JOIN agency ua ON ua.id = u.agency_id "

static const struct pg_stmt stmts[] = {
	{ "report_list_new",
	  "SELECT " REPORT_COLUMNS "ORDER BY r.created_at DESC, r.id DESC LIMIT $1 OFFSET $2" },
	{ "report_list_incident",
	  "SELECT " REPORT_COLUMNS "WHERE r.incident_id = $1 ORDER BY r.created_at, r.id" },
};

const struct pg_stmts report_list_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static const char *
col(struct arena *a, PGresult *res, int row, int c)
{
	return arena_strdup(a, PQgetvalue(res, row, c));
}

static void
row_read(struct arena *a, PGresult *res, int i, struct report_row *r)
{
	int f;

	r->incident_flags = 0;
	r->id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
	r->reference = col(a, res, i, 1);
	r->incident_reference = col(a, res, i, 2);
	r->channel = col(a, res, i, 3);
	r->type = col(a, res, i, 4);
	r->place = col(a, res, i, 5);
	r->reported = col(a, res, i, 6);
	r->description = col(a, res, i, 7);
	r->answers = col(a, res, i, 8);
	r->impact = col(a, res, i, 9);
	r->partner = col(a, res, i, 10);
	r->linked = PQgetvalue(res, i, 11)[0] == 't';
	r->person_id = strtoll(PQgetvalue(res, i, 12), NULL, 10);
	r->contact_name = col(a, res, i, 13);
	r->contact_email = col(a, res, i, 14);
	r->contact_phone = col(a, res, i, 15);
	r->contact_preferred = col(a, res, i, 16);
	r->staff_name = col(a, res, i, 17);
	r->staff_agency = col(a, res, i, 18);
	for (f = 0; f < FLAGS; f++)
		if (PQgetvalue(res, i, 19 + f)[0] == 't')
			r->incident_flags |= FLAG_BIT(f);
}

/* Runs one of the list statements in the caller's transaction. */
static int
rows_read(struct pg *pg, struct arena *a, const char *stmt, int n, const char **p,
    struct report_row **out, size_t *count)
{
	PGresult *res = pg_exec(pg, stmt, n, p);
	int i, rows;

	*out = NULL;
	*count = 0;
	if (res == NULL)
		return -1;
	rows = PQntuples(res);
	if ((*out = arena_calloc(a, (size_t)rows + 1, sizeof(**out))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++)
		row_read(a, res, i, &(*out)[i]);
	*count = (size_t)rows;
	PQclear(res);
	return 0;
}

/* One audit row for a list of reports read: which list, from where, how
 * many rows. 0 or -1. */
int
report_list_audit(struct pg *pg, const struct actor *ac, const char *list, int offset,
    size_t results)
{
	struct json_object *what = json_object_new_object();
	int rc;

	json_object_object_add(what, "list", json_object_new_string(list));
	json_object_object_add(what, "offset", json_object_new_int(offset));
	json_object_object_add(what, "results", json_object_new_int((int)results));
	rc = audit_append(pg, ac, "report", NULL, "search", NULL, what, NULL);
	json_object_put(what);
	return rc;
}

/* The newest reports the actor may see. Audited as a search. 0 or -1. */
int
report_list_new(struct pg *pg, struct arena *a, const struct actor *ac, int limit,
    int offset, struct report_row **out, size_t *n)
{
	char lim[16], off[16];
	const char *p[2] = { lim, off };

	snprintf(lim, sizeof(lim), "%d", limit);
	snprintf(off, sizeof(off), "%d", offset);
	if (tx_begin(pg, ac) == -1)
		return -1;
	if (rows_read(pg, a, "report_list_new", 2, p, out, n) == -1 ||
	    report_list_audit(pg, ac, "new reports", offset, *n) == -1)
		goto err;
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}

/* The reports of one incident (which the caller has checked the actor may
 * see). Each reporter whose details are shown is audited as a person view.
 * 0 or -1. */
int
report_list_for_incident(struct pg *pg, struct arena *a, const struct actor *ac,
    long long incident_id, struct report_row **out, size_t *n)
{
	char iid[24], pid[24];
	const char *p[1] = { iid };
	size_t i;

	snprintf(iid, sizeof(iid), "%lld", incident_id);
	if (tx_begin(pg, ac) == -1)
		return -1;
	if (rows_read(pg, a, "report_list_incident", 1, p, out, n) == -1)
		goto err;
	for (i = 0; i < *n; i++) {
		if ((*out)[i].person_id == 0)
			continue;
		snprintf(pid, sizeof(pid), "%lld", (*out)[i].person_id);
		if (audit_append(pg, ac, "person", pid, "view", NULL, NULL, NULL) == -1)
			goto err;
	}
	return pg_commit(pg);
err:
	pg_rollback(pg);
	return -1;
}
