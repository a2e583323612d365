/* Reading the Case Review register: the list with its due and overdue
 * milestones, and one application with its milestones. Row security
 * (0049) decides which applications the actor sees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case_review.h"
#include "domain/case_review_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

#define WORDS(col)	"to_char(" col " AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY')"

static const struct pg_stmt stmts[] = {
	{ "cr_view",
	  "SELECT a.id, a.reference, a.channel, a.status, " WORDS("a.received_at") ", "
	  "coalesce(u.name, ''), g.name, coalesce(t.name, ''), a.applicant_name, "
	  "a.applicant_email, a.applicant_phone, a.applicant_address, a.applicant_postcode, "
	  "a.on_behalf, a.victim_name, a.relationship, a.behaviour, a.reported_to, "
	  "coalesce(a.victim_person_id, 0), "
	  "coalesce((SELECT nullif(trim(coalesce(p.given_name, '') || ' ' || "
	  "  coalesce(p.family_name, '')), '') FROM person p WHERE p.id = a.victim_person_id), "
	  "  CASE WHEN a.victim_person_id IS NULL THEN '' ELSE 'Person ' || a.victim_person_id END), "
	  "coalesce(c.reference, ''), a.threshold_met IS NOT NULL, coalesce(a.threshold_met, false), "
	  "coalesce(a.complaints, -1), a.decision_reasons, "
	  "coalesce(" WORDS("a.decided_at") " || coalesce(' by ' || du.name, ''), ''), "
	  "a.review_held_at IS NOT NULL, coalesce(" WORDS("a.review_held_at") ", ''), "
	  "CASE WHEN a.victim_invited IS NULL THEN -1 WHEN a.victim_invited THEN 1 ELSE 0 END, "
	  "CASE WHEN a.recommendations IS NULL THEN -1 WHEN a.recommendations THEN 1 ELSE 0 END, "
	  "a.outcome, a.version, floor(extract(epoch FROM a.received_at))::bigint "
	  "FROM case_review_application a JOIN agency g ON g.id = a.agency_id "
	  "LEFT JOIN app_user u ON u.id = a.received_by LEFT JOIN team t ON t.id = a.team_id "
	  "LEFT JOIN app_user du ON du.id = a.decided_by "
	  "LEFT JOIN monitored_case c ON c.id = a.case_id "
	  "WHERE a.reference = $1" },
	{ "cr_view_milestones",
	  "SELECT m.kind, case_review_milestone_label(m.kind, a.reference), m.due_on::text, "
	  "to_char(m.due_on, 'FMDD FMMonth YYYY'), "
	  "m.done_at IS NULL AND m.due_on < (now() AT TIME ZONE 'Europe/London')::date, "
	  "m.done_at IS NOT NULL, "
	  "coalesce(" WORDS("m.done_at") " || coalesce(' by ' || u.name, ''), ''), m.note "
	  "FROM case_review_milestone m JOIN case_review_application a ON a.id = m.application_id "
	  "LEFT JOIN app_user u ON u.id = m.done_by WHERE m.application_id = $1::bigint "
	  "ORDER BY array_position(ARRAY['acknowledge', 'decide', 'review', 'recommendations', "
	  "'outcome_letter', 'appeal'], m.kind)" },
	/* $1 status or "", $2 overdue only, $3 offset. */
	{ "cr_list",
	  "SELECT a.reference, " WORDS("a.received_at") ", a.channel, a.status, "
	  "a.applicant_name, coalesce(case_review_milestone_label(n.kind, a.reference), ''), "
	  "coalesce(to_char(n.due_on, 'FMDD FMMonth YYYY'), ''), "
	  "coalesce(n.due_on < (now() AT TIME ZONE 'Europe/London')::date, false), "
	  "count(*) OVER () "
	  "FROM case_review_application a "
	  "LEFT JOIN LATERAL (SELECT m.kind, m.due_on FROM case_review_milestone m "
	  "  WHERE m.application_id = a.id AND m.done_at IS NULL "
	  "  ORDER BY m.due_on, m.id LIMIT 1) n ON true "
	  "WHERE ($1 = '' OR a.status = $1) AND (NOT $2::boolean "
	  "  OR n.due_on < (now() AT TIME ZONE 'Europe/London')::date) "
	  "ORDER BY a.received_at DESC, a.id DESC LIMIT 50 OFFSET $3::bigint" },
	{ "cr_due",
	  "SELECT label, to_char(due_at - interval '1 second', 'FMDD FMMonth YYYY'), path, "
	  "due_at <= now() FROM case_work_milestone "
	  "WHERE due_at <= now() + interval '7 days' ORDER BY due_at, application_id LIMIT 100" },
};

const struct pg_stmts case_review_register_statements = { stmts,
    sizeof(stmts) / sizeof(stmts[0]) };

static const struct { const char *code, *words; } statuses[] = {
	{ "received", "Received" },
	{ "threshold_met", "Threshold met" },
	{ "threshold_not_met", "Threshold not met" },
	{ "review_held", "Review held" },
	{ "closed", "Closed" },
}, channel_words[] = {
	{ "online", "Online" }, { "phone", "Phone" }, { "paper", "Paper" },
	{ "in_person", "In person" },
};

const char *
case_review_status_words(const char *status)
{
	size_t i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].code, status) == 0)
			return statuses[i].words;
	return NULL;
}

const char *
case_review_channel_words(const char *channel)
{
	size_t i;

	for (i = 0; i < sizeof(channel_words) / sizeof(channel_words[0]); i++)
		if (strcmp(channel_words[i].code, channel) == 0)
			return channel_words[i].words;
	return channel;
}

/* Copies column c of row i into the arena; NULL out of memory. */
static const char *
cell(struct arena *ar, PGresult *res, int i, int c)
{
	return arena_strdup(ar, PQgetvalue(res, i, c));
}

static int
flag(PGresult *res, int i, int c)
{
	return PQgetvalue(res, i, c)[0] == 't';
}

static int
milestones_read(struct pg *pg, struct arena *ar, struct case_review_application *x)
{
	char id[24];
	const char *p[1] = { id };
	PGresult *res;
	int i, n;

	snprintf(id, sizeof(id), "%lld", x->id);
	if ((res = pg_exec(pg, "cr_view_milestones", 1, p)) == NULL)
		return -1;
	n = PQntuples(res);
	for (i = 0; i < n && i < CR_MILESTONES; i++) {
		struct case_review_milestone *m = &x->m[i];

		m->kind = cell(ar, res, i, 0);
		m->label = cell(ar, res, i, 1);
		m->due_on = cell(ar, res, i, 2);
		m->due_words = cell(ar, res, i, 3);
		m->overdue = flag(res, i, 4);
		m->done = flag(res, i, 5);
		m->done_words = cell(ar, res, i, 6);
		m->note = cell(ar, res, i, 7);
		if (m->kind == NULL || m->label == NULL || m->due_on == NULL ||
		    m->due_words == NULL || m->done_words == NULL || m->note == NULL) {
			PQclear(res);
			return -1;
		}
	}
	x->nm = (size_t)i;
	PQclear(res);
	return 0;
}

static int
application_read(struct arena *ar, PGresult *res, struct case_review_application *x)
{
	const char **s[] = { &x->reference, &x->channel, &x->status, &x->received_words,
	    &x->received_by, &x->agency, &x->team, &x->applicant_name, &x->applicant_email,
	    &x->applicant_phone, &x->applicant_address, &x->applicant_postcode };
	const char **t[] = { &x->victim_name, &x->relationship, &x->behaviour,
	    &x->reported_to };
	size_t i;

	x->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		if ((*s[i] = cell(ar, res, 0, (int)i + 1)) == NULL)
			return -1;
	x->on_behalf = flag(res, 0, 13);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if ((*t[i] = cell(ar, res, 0, (int)i + 14)) == NULL)
			return -1;
	x->victim_person_id = strtoll(PQgetvalue(res, 0, 18), NULL, 10);
	x->victim_person_name = cell(ar, res, 0, 19);
	x->case_reference = cell(ar, res, 0, 20);
	x->decided = flag(res, 0, 21);
	x->threshold_met = flag(res, 0, 22);
	x->complaints = atoi(PQgetvalue(res, 0, 23));
	x->decision_reasons = cell(ar, res, 0, 24);
	x->decided_words = cell(ar, res, 0, 25);
	x->review_held = flag(res, 0, 26);
	x->review_held_words = cell(ar, res, 0, 27);
	x->victim_invited = atoi(PQgetvalue(res, 0, 28));
	x->recommendations = atoi(PQgetvalue(res, 0, 29));
	x->outcome = cell(ar, res, 0, 30);
	x->version = strtoll(PQgetvalue(res, 0, 31), NULL, 10);
	x->received_at = (time_t)strtoll(PQgetvalue(res, 0, 32), NULL, 10);
	if (x->victim_person_name == NULL || x->case_reference == NULL ||
	    x->decision_reasons == NULL || x->decided_words == NULL ||
	    x->review_held_words == NULL || x->outcome == NULL)
		return -1;
	return 0;
}

enum cr_result
case_review_view(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, struct case_review_application *x)
{
	const char *p[1] = { reference };
	enum cr_result rc = CR_NOT_FOUND;
	PGresult *res;
	char id[24];

	memset(x, 0, sizeof(*x));
	if (reference == NULL || tx_begin(pg, a) == -1)
		return reference == NULL ? CR_NOT_FOUND : CR_ERROR;
	if ((res = pg_exec(pg, "cr_view", 1, p)) == NULL)
		goto err;
	if (PQntuples(res) == 1) {
		if (application_read(ar, res, x) == -1) {
			PQclear(res);
			goto err;
		}
		rc = CR_OK;
	}
	PQclear(res);
	if (rc == CR_OK) {
		snprintf(id, sizeof(id), "%lld", x->id);
		if (milestones_read(pg, ar, x) == -1 ||
		    audit_append(pg, a, "case_review", id, "view", NULL, NULL, NULL) == -1)
			goto err;
	} else if (audit_not_found(pg, a, "case_review", reference) == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return CR_ERROR;
	return rc;
err:
	pg_rollback(pg);
	return CR_ERROR;
}

static int
rows_read(struct arena *ar, PGresult *res, struct case_review_list *l)
{
	int i, n = PQntuples(res);

	l->n = 0;
	l->total = n > 0 ? strtoll(PQgetvalue(res, 0, 8), NULL, 10) : 0;
	if (n > 0 && (l->rows = arena_alloc(ar, (size_t)n * sizeof(*l->rows))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct case_review_row *w = &l->rows[i];

		w->reference = cell(ar, res, i, 0);
		w->received_words = cell(ar, res, i, 1);
		w->channel = cell(ar, res, i, 2);
		w->status = cell(ar, res, i, 3);
		w->applicant = cell(ar, res, i, 4);
		w->next_label = cell(ar, res, i, 5);
		w->next_due_words = cell(ar, res, i, 6);
		w->overdue = flag(res, i, 7);
		if (w->reference == NULL || w->received_words == NULL || w->channel == NULL ||
		    w->status == NULL || w->applicant == NULL || w->next_label == NULL ||
		    w->next_due_words == NULL)
			return -1;
	}
	l->n = (size_t)n;
	return 0;
}

static int
due_read(struct arena *ar, PGresult *res, struct case_review_list *l)
{
	int i, n = PQntuples(res);

	l->ndue = 0;
	if (n > 0 && (l->due = arena_alloc(ar, (size_t)n * sizeof(*l->due))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct case_review_due *d = &l->due[i];

		d->label = cell(ar, res, i, 0);
		d->due_words = cell(ar, res, i, 1);
		d->path = cell(ar, res, i, 2);
		d->overdue = flag(res, i, 3);
		if (d->label == NULL || d->due_words == NULL || d->path == NULL)
			return -1;
	}
	l->ndue = (size_t)n;
	return 0;
}

enum cr_result
case_review_list(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *status, int overdue, int page, struct case_review_list *l)
{
	char off[24];
	const char *p[3] = { status != NULL ? status : "", overdue ? "true" : "false", off };
	struct json_object *what;
	PGresult *res;

	memset(l, 0, sizeof(*l));
	snprintf(off, sizeof(off), "%lld", (long long)(page > 1 ? page - 1 : 0) * CR_PAGE_SIZE);
	if (tx_begin(pg, a) == -1)
		return CR_ERROR;
	if ((res = pg_exec(pg, "cr_list", 3, p)) == NULL)
		goto err;
	if (rows_read(ar, res, l) == -1) {
		PQclear(res);
		goto err;
	}
	PQclear(res);
	if ((res = pg_exec(pg, "cr_due", 0, NULL)) == NULL)
		goto err;
	if (due_read(ar, res, l) == -1) {
		PQclear(res);
		goto err;
	}
	PQclear(res);
	/* The listing is a search of the register, as the queues' are. */
	what = json_object_new_object();
	json_object_object_add(what, "status", json_object_new_string(p[0]));
	json_object_object_add(what, "overdue", json_object_new_boolean(overdue));
	json_object_object_add(what, "page", json_object_new_int(page));
	json_object_object_add(what, "found", json_object_new_int64(l->total));
	if (audit_append(pg, a, "case_review", NULL, "search", NULL, what, NULL) == -1) {
		json_object_put(what);
		goto err;
	}
	json_object_put(what);
	if (pg_commit(pg) == -1)
		return CR_ERROR;
	return CR_OK;
err:
	pg_rollback(pg);
	return CR_ERROR;
}
