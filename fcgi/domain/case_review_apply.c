/* An ASB Case Review application, however it was made: the one check of
 * what it says, its reference, its first milestones on the working-day
 * calendar, its audit row. The public form, and staff taking one by phone,
 * on paper or in person, all call case_review_apply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/workday.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case_review.h"
#include "domain/case_review_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "cr_holidays",
	  "SELECT (day - DATE '1970-01-01') FROM bank_holiday "
	  "WHERE region = 'england-and-wales' ORDER BY day" },
	/* The receiving agency and its co-ordinator team: the actor's agency
	 * ($1, staff), or for the public the agency with code $3, or when $3
	 * is "" the one agency with an active team coded $2. */
	{ "cr_receiver",
	  "SELECT g.id, t.id FROM agency g "
	  "LEFT JOIN team t ON t.agency_id = g.id AND t.code = $2 AND t.active "
	  "WHERE ($1::bigint > 0 AND g.id = $1::bigint) "
	  "   OR ($1::bigint = 0 AND $3 <> '' AND g.code = $3) "
	  "   OR ($1::bigint = 0 AND $3 = '' AND t.id IS NOT NULL) "
	  "ORDER BY g.id LIMIT 2" },
	/* Ids first: the public may insert an application but not read it
	 * back (0049's policies), so there is no RETURNING. */
	{ "cr_number",
	  "SELECT nextval('case_review_application_id_seq'), nextval('case_review_number'), "
	  "to_char(now() AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')" },
	{ "cr_insert",
	  "INSERT INTO case_review_application (id, reference, channel, received_at, "
	  "received_by, agency_id, team_id, applicant_name, applicant_email, applicant_phone, "
	  "applicant_address, applicant_postcode, on_behalf, victim_name, relationship, "
	  "behaviour, reported_to) VALUES ($1::bigint, $2, $3, "
	  "CASE WHEN $4::date = (now() AT TIME ZONE 'Europe/London')::date THEN now() "
	  "ELSE $4::date::timestamp AT TIME ZONE 'Europe/London' END, "
	  "nullif($5::bigint, 0), $6::bigint, nullif($7::bigint, 0), $8, $9, $10, $11, $12, "
	  "$13::boolean, $14, $15, $16, $17)" },
	/* The first two, plain: the public's insert may not read the row
	 * an ON CONFLICT would look at. */
	{ "cr_milestone_new",
	  "INSERT INTO case_review_milestone (application_id, kind, due_on) "
	  "VALUES ($1::bigint, $2, $3::date)" },
	/* The later ones; a due date moves until the milestone is done. */
	{ "cr_milestone_add",
	  "INSERT INTO case_review_milestone (application_id, kind, due_on) "
	  "VALUES ($1::bigint, $2, $3::date) ON CONFLICT (application_id, kind) "
	  "DO UPDATE SET due_on = EXCLUDED.due_on WHERE case_review_milestone.done_at IS NULL" },
};

const struct pg_stmts case_review_apply_statements = { stmts,
    sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

void
case_review_rules_of(const struct config *c, struct case_review_rules *r)
{
	r->team = c->case_review_team;
	r->agency = c->case_review_agency;
	r->acknowledge = c->case_review_acknowledge_days;
	r->decide = c->case_review_decide_days;
	r->review = c->case_review_review_days;
	r->recommendations = c->case_review_recommendations_days;
	r->outcome = c->case_review_outcome_days;
	r->appeal = c->case_review_appeal_days;
}

static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

/* ---- The calendar ---- */

int
cr_holidays(struct pg *pg, struct arena *ar, long **out, size_t *n)
{
	PGresult *res;
	int i, rows;

	*out = NULL;
	*n = 0;
	if ((res = pg_exec(pg, "cr_holidays", 0, NULL)) == NULL)
		return -1;
	rows = PQntuples(res);
	if (rows > 0 && (*out = arena_alloc(ar, (size_t)rows * sizeof(**out))) == NULL) {
		PQclear(res);
		return -1;
	}
	for (i = 0; i < rows; i++)
		(*out)[i] = strtol(PQgetvalue(res, i, 0), NULL, 10);
	*n = (size_t)rows;
	PQclear(res);
	return 0;
}

int
cr_due(const long *holidays, size_t nh, const char *from, int n, int calendar, char out[11])
{
	struct date d, due;

	if (date_parse(from, &d) == NULL)
		return -1;
	if (calendar)
		date_add_days(&d, n, &due);
	else if (workday_add(&d, n, holidays, nh, &due) == -1)
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", due.year, due.month, due.day);
	return 0;
}

int
cr_milestone_add(struct pg *pg, long long application_id, const char *kind,
    const char *due_on)
{
	char id[24];
	const char *p[3] = { id, kind, due_on };

	ID(id, application_id);
	return pg_exec_ok(pg, "cr_milestone_add", 3, p);
}

static int
milestone_new(struct pg *pg, const char *id, const char *kind, const char *due_on)
{
	const char *p[3] = { id, kind, due_on };

	return pg_exec_ok(pg, "cr_milestone_new", 3, p);
}

int
cr_audit(struct pg *pg, const struct actor *a, long long id, const char *action,
    struct json_object *before, struct json_object *after)
{
	char sid[24];
	int rc;

	ID(sid, id);
	rc = audit_append(pg, a, "case_review", sid, action, before, after, NULL);
	json_object_put(before);
	json_object_put(after);
	return rc;
}

/* ---- The application ---- */

/* The receiving agency and its co-ordinator team (0 for none): 0, 1 when
 * no agency (or more than one) is set up to receive it, -1 on error. */
static int
receiver(struct pg *pg, const struct actor *a, const struct case_review_rules *rules,
    int online, long long *agency, long long *team)
{
	char aid[24];
	const char *p[3] = { aid, rules->team, rules->agency };
	PGresult *res;
	int rc = 1;

	ID(aid, online ? 0 : a->agency_id);
	if ((res = pg_exec(pg, "cr_receiver", 3, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		*agency = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		*team = PQgetisnull(res, 0, 1) ? 0 : strtoll(PQgetvalue(res, 0, 1), NULL, 10);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static struct json_object *
apply_after(const struct case_review_input *in, const char *reference, long long agency,
    const char *received, const char *ack, const char *decide)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "reference", json_object_new_string(reference));
	json_object_object_add(o, "channel", json_object_new_string(in->channel));
	json_object_object_add(o, "agency", json_object_new_int64(agency));
	json_object_object_add(o, "received_on", json_object_new_string(received));
	json_object_object_add(o, "on_behalf", json_object_new_boolean(in->on_behalf));
	json_object_object_add(o, "acknowledge_due", json_object_new_string(ack));
	json_object_object_add(o, "decide_due", json_object_new_string(decide));
	return o;
}

enum cr_result
case_review_apply(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_review_rules *rules, const struct case_review_input *in,
    const char **reference)
{
	struct case_review_problem why[CR_PROBLEMS_MAX];
	char id[24], uid[24], aid[24], tid[24], ack[11], decide[11];
	const char *received, *p[17];
	long long app_id, agency = 0, team = 0;
	long *hol;
	size_t nh;
	PGresult *res;
	int online, rc;

	*reference = NULL;
	if (case_review_check(in, why) > 0)
		return CR_BAD;
	online = strcmp(in->channel, "online") == 0;
	/* Staff take applications for their own agency; the public's go to
	 * the agency the configuration names. */
	if (!online && a->agency_id == 0)
		return CR_BAD;
	if (tx_begin(pg, a) == -1)
		return CR_ERROR;
	if ((rc = receiver(pg, a, rules, online, &agency, &team)) != 0) {
		pg_rollback(pg);
		return rc == 1 ? CR_NOT_SET_UP : CR_ERROR;
	}
	if ((res = pg_exec(pg, "cr_number", 0, NULL)) == NULL)
		goto err;
	app_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	received = blank(in->received_on) ? arena_strdup(ar, PQgetvalue(res, 0, 2)) :
	    in->received_on;
	*reference = received == NULL ? NULL : arena_printf(ar, "CR-%.4s-%04lld", received,
	    strtoll(PQgetvalue(res, 0, 1), NULL, 10));
	PQclear(res);
	if (*reference == NULL)
		goto err;
	if (cr_holidays(pg, ar, &hol, &nh) == -1 ||
	    cr_due(hol, nh, received, rules->acknowledge, 0, ack) == -1 ||
	    cr_due(hol, nh, received, rules->decide, 0, decide) == -1)
		goto err;
	ID(id, app_id);
	ID(uid, online ? 0 : a->user_id);
	ID(aid, agency);
	ID(tid, team);
	p[0] = id;
	p[1] = *reference;
	p[2] = in->channel;
	p[3] = received;
	p[4] = uid;
	p[5] = aid;
	p[6] = tid;
	p[7] = nz(in->applicant_name);
	p[8] = nz(in->applicant_email);
	p[9] = nz(in->applicant_phone);
	p[10] = nz(in->applicant_address);
	p[11] = nz(in->applicant_postcode);
	p[12] = in->on_behalf ? "true" : "false";
	p[13] = in->on_behalf ? nz(in->victim_name) : "";
	p[14] = in->on_behalf ? nz(in->relationship) : "";
	p[15] = nz(in->behaviour);
	p[16] = nz(in->reported_to);
	if (pg_exec_ok(pg, "cr_insert", 17, p) == -1 ||
	    milestone_new(pg, id, "acknowledge", ack) == -1 ||
	    milestone_new(pg, id, "decide", decide) == -1 ||
	    cr_audit(pg, a, app_id, "create", NULL,
	    apply_after(in, *reference, agency, received, ack, decide)) == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return CR_ERROR;
	return CR_OK;
err:
	pg_rollback(pg);
	*reference = NULL;
	return CR_ERROR;
}
