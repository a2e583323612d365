/* Supervisor reviews of a monitored case (domain/case_supervision.h):
 * the Reviews tab's reviews done and due, recording one in a transaction
 * with the case locked (its audit row and a line on its timeline), and
 * keeping case_review_cadence, which the case_work_review view reads, as
 * the configuration says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/london.h"
#include "core/log.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/case_clock.h"
#include "domain/case_contact.h"
#include "domain/case_supervision.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "case_supervision_done",
	  "SELECT s.id, to_char(s.reviewed_at AT TIME ZONE 'Europe/London', "
	  "'FMDD FMMonth YYYY, FMHH12:MIam'), u.name, s.decision, s.risk_before, "
	  "s.risk_after, s.note, coalesce(s.due_on::text, ''), case_clock_day(s.reviewed_at)::text "
	  "FROM case_supervisor_review s JOIN app_user u ON u.id = s.reviewed_by "
	  "WHERE s.case_id = $1::bigint ORDER BY s.reviewed_at DESC, s.id DESC LIMIT 500" },
	/* The case locked, with what the next review is worked out from. */
	{ "case_supervision_lock",
	  "SELECT c.risk_level, case_clock_day(c.opened_at)::text, coalesce(r.id, 0), "
	  "coalesce(case_clock_day(r.reviewed_at)::text, ''), coalesce(r.due_on::text, '') "
	  "FROM monitored_case c LEFT JOIN LATERAL (SELECT s.id, s.reviewed_at, s.due_on "
	  "  FROM case_supervisor_review s WHERE s.case_id = c.id "
	  "  ORDER BY s.reviewed_at DESC, s.id DESC LIMIT 1) r ON true "
	  "WHERE c.id = $1::bigint FOR UPDATE OF c" },
	{ "case_supervision_opened",
	  "SELECT case_clock_day(opened_at)::text FROM monitored_case WHERE id = $1::bigint" },
	{ "case_supervision_add",
	  "INSERT INTO case_supervisor_review (case_id, reviewed_by, due_on, decision, "
	  "risk_before, risk_after, note) VALUES ($1::bigint, $2::bigint, nullif($3, '')::date, "
	  "$4, $5::risk_level, $6::risk_level, $7) RETURNING id" },
	{ "case_supervision_risk",
	  "UPDATE monitored_case SET risk_level = $2::risk_level WHERE id = $1::bigint" },
	{ "case_cadence_set",
	  "WITH old AS (SELECT days FROM case_review_cadence WHERE risk_level = $1::risk_level "
	  "  FOR UPDATE) "
	  "UPDATE case_review_cadence c SET days = $2::integer[] FROM old "
	  "WHERE c.risk_level = $1::risk_level AND old.days IS DISTINCT FROM $2::integer[] "
	  "RETURNING old.days::text" },
};

const struct pg_stmts case_supervision_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

static const char *const decisions[][2] = {
	{ "continue", "Continue" }, { "change_risk", "Change the risk level" },
	{ "close_recommended", "Closure recommended" },
};

static const char *const risk_words[][2] = {
	{ "standard", "Standard" }, { "medium", "Medium" }, { "high", "High" },
};

const char *
case_supervision_decision_word(const char *code)
{
	return case_code_word(decisions, sizeof(decisions) / sizeof(decisions[0]), code);
}

static const char *
risk_word(const char *code)
{
	return case_code_word(risk_words, sizeof(risk_words) / sizeof(risk_words[0]), code);
}

static const struct config_days *
cadence_of(const struct config *c, const char *level)
{
	if (strcmp(level, "high") == 0)
		return &c->case_review_cadence_high;
	if (strcmp(level, "medium") == 0)
		return &c->case_review_cadence_medium;
	return &c->case_review_cadence_standard;
}

const int *
case_cadence_days(const struct config *c, const char *level, size_t *n)
{
	const struct config_days *d = cadence_of(c, level);

	*n = (size_t)d->n;
	return d->days;
}

/* The review after the last one (its London day and the day it counted
 * for, "" when none), from opened: 1 with *due, 0 for none. */
static int
next_due(const struct config *cfg, const char *level, const struct date *opened,
    const char *last_day, const char *last_due, struct date *due)
{
	struct date after = *opened, d;
	const int *days;
	size_t n;

	if (*last_day != '\0' && date_parse(last_day, &d) != NULL)
		after = d;
	if (*last_due != '\0' && date_parse(last_due, &d) != NULL &&
	    day_number(&d) > day_number(&after))
		after = d;
	days = case_cadence_days(cfg, level, &n);
	return case_review_due_on(opened, days, n, &after, due);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static const char *
dup(struct arena *ar, PGresult *res, int row, int c)
{
	return arena_strdup(ar, PQgetvalue(res, row, c));
}

static int
done_read(struct pg *pg, struct arena *ar, long long case_id, struct case_supervision *s,
    const char **last_day, const char **last_due)
{
	char cid[24], words[DATE_WORDS_MAX];
	const char *p[1] = { cid };
	struct case_supervision_done *d;
	struct date due;
	PGresult *res;
	int i, rc = 0;

	ID(cid, case_id);
	*last_day = *last_due = "";
	if ((res = pg_exec(pg, "case_supervision_done", 1, p)) == NULL)
		return -1;
	if ((s->done = arena_calloc(ar, (size_t)PQntuples(res) + 1, sizeof(*s->done))) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < PQntuples(res); i++) {
		d = &s->done[s->ndone++];
		d->due = "";
		if (*PQgetvalue(res, i, 7) != '\0' && date_parse(PQgetvalue(res, i, 7), &due) &&
		    (d->due = arena_strdup(ar, date_words(words, &due))) == NULL)
			rc = -1;
		if ((d->when = dup(ar, res, i, 1)) == NULL || (d->by = dup(ar, res, i, 2)) == NULL ||
		    (d->decision = case_supervision_decision_word(PQgetvalue(res, i, 3))) == NULL ||
		    (d->risk_before = risk_word(PQgetvalue(res, i, 4))) == NULL ||
		    (d->risk_after = risk_word(PQgetvalue(res, i, 5))) == NULL ||
		    (d->note = dup(ar, res, i, 6)) == NULL)
			rc = -1;
	}
	if (rc == 0 && PQntuples(res) > 0) {
		s->last_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		if ((*last_day = dup(ar, res, 0, 8)) == NULL || (*last_due = dup(ar, res, 0, 7)) == NULL)
			rc = -1;
	}
	PQclear(res);
	return rc;
}

static int
opened_read(struct pg *pg, long long case_id, struct date *opened)
{
	char cid[24];
	const char *p[1] = { cid };
	PGresult *res;
	int rc;

	ID(cid, case_id);
	if ((res = pg_exec(pg, "case_supervision_opened", 1, p)) == NULL)
		return -1;
	rc = PQntuples(res) == 1 && date_parse(PQgetvalue(res, 0, 0), opened) != NULL ? 0 : -1;
	PQclear(res);
	return rc;
}

/* The due review and the few after it, as the cadence has them. */
static void
due_work_out(const struct config *cfg, const char *level, const struct date *opened,
    const char *last_day, const char *last_due, time_t now, struct case_supervision *s)
{
	const int *days;
	size_t n, i;
	struct date after;

	if (!(s->has_due = next_due(cfg, level, opened, last_day, last_due, &s->due)))
		return;
	s->days_overdue = case_days_overdue(&s->due, now);
	days = case_cadence_days(cfg, level, &n);
	after = s->due;
	for (i = 0; i < CASE_SUPERVISION_AHEAD; i++) {
		(void)case_review_due_on(opened, days, n, &after, &s->ahead[i]);
		after = s->ahead[i];
	}
}

enum case_result
case_supervision_load(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const struct case_head *h, time_t now,
    struct case_supervision *s)
{
	const char *last_day, *last_due;
	struct date opened;

	memset(s, 0, sizeof(*s));
	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	if (opened_read(pg, h->id, &opened) == -1 ||
	    done_read(pg, ar, h->id, s, &last_day, &last_due) == -1) {
		pg_rollback(pg);
		return CASE_ERROR;
	}
	if (pg_commit(pg) == -1)
		return CASE_ERROR;
	due_work_out(cfg, h->risk_level, &opened, last_day, last_due, now, s);
	return CASE_OK;
}

/* ------------------------------------------------------------------ */
/* Recording                                                           */

struct locked {
	const char	*risk, *last_day, *last_due;
	struct date	 opened;
	long long	 last_id;
};

static enum case_result
lock_case(struct pg *pg, struct arena *ar, long long case_id, struct locked *l)
{
	char cid[24];
	const char *p[1] = { cid };
	PGresult *res;
	enum case_result rc = CASE_ERROR;

	ID(cid, case_id);
	if ((res = pg_exec(pg, "case_supervision_lock", 1, p)) == NULL)
		return CASE_ERROR;
	if (PQntuples(res) != 1)
		rc = CASE_NOT_FOUND;
	else if ((l->risk = dup(ar, res, 0, 0)) != NULL &&
	    date_parse(PQgetvalue(res, 0, 1), &l->opened) != NULL &&
	    (l->last_day = dup(ar, res, 0, 3)) != NULL &&
	    (l->last_due = dup(ar, res, 0, 4)) != NULL) {
		l->last_id = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
		rc = CASE_OK;
	}
	PQclear(res);
	return rc;
}

/* What the timeline says of the review. */
static const char *
summary_of(struct arena *ar, const struct case_supervision_in *in, const char *before,
    int has_next, const struct date *next)
{
	char words[DATE_WORDS_MAX];
	const char *what, *then;

	if (strcmp(in->decision, "change_risk") == 0)
		what = arena_printf(ar, "risk level changed from %s to %s", risk_word(before),
		    risk_word(in->risk_after));
	else if (strcmp(in->decision, "close_recommended") == 0)
		what = "closing the case recommended";
	else
		what = "continue";
	then = has_next ? arena_printf(ar, "; next review due %s", date_words(words, next)) :
	    "; no further review is due at this risk level";
	return arena_printf(ar, "Supervisor review: %s%s", what, then);
}

static enum case_result
review_write(struct pg *pg, struct arena *ar, const struct actor *a, const struct config *cfg,
    const char *reference, time_t now, const struct case_supervision_in *in)
{
	char cid[24], uid[24], due_text[16], rid[24];
	const char *after_risk, *p[7];
	const int *days;
	size_t n;
	struct json_object *after;
	struct date due, today, covered, next;
	struct case_head h;
	struct locked l;
	enum case_result rc;
	PGresult *res;
	int has_due, has_next;

	if (case_supervision_decision_word(in->decision) == NULL)
		return CASE_ERROR;
	if (tx_begin(pg, a) == -1)
		return CASE_ERROR;
	if ((rc = case_head_load(pg, ar, a, reference, &h)) != CASE_OK ||
	    (rc = lock_case(pg, ar, h.id, &l)) != CASE_OK)
		return rc;
	if (strcmp(h.status, "open") != 0)
		return CASE_CLOSED;
	if (l.last_id != in->seen_last || strcmp(l.risk, in->seen_risk) != 0)
		return CASE_CONFLICT;
	after_risk = strcmp(in->decision, "change_risk") == 0 ? in->risk_after : l.risk;
	if (risk_word(after_risk) == NULL ||
	    (strcmp(in->decision, "change_risk") == 0) != (strcmp(after_risk, l.risk) != 0))
		return CASE_ERROR;
	/* The review counts for the one due now; the next is worked out
	 * from the later of today and that one, at the level it leaves. */
	has_due = next_due(cfg, l.risk, &l.opened, l.last_day, l.last_due, &due);
	if (london_date(now, &today) == -1)
		return CASE_ERROR;
	covered = has_due && day_number(&due) > day_number(&today) ? due : today;
	days = case_cadence_days(cfg, after_risk, &n);
	has_next = case_review_due_on(&l.opened, days, n, &covered, &next);
	due_text[0] = '\0';
	if (has_due)
		snprintf(due_text, sizeof(due_text), "%04d-%02d-%02d", due.year, due.month,
		    due.day);
	ID(cid, h.id);
	ID(uid, a->user_id);
	p[0] = cid; p[1] = uid; p[2] = due_text; p[3] = in->decision; p[4] = l.risk;
	p[5] = after_risk; p[6] = in->note;
	if ((res = pg_exec(pg, "case_supervision_add", 7, p)) == NULL)
		return CASE_ERROR;
	snprintf(rid, sizeof(rid), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (strcmp(after_risk, l.risk) != 0) {
		const char *q[2] = { cid, after_risk };

		if (pg_exec_ok(pg, "case_supervision_risk", 2, q) == -1)
			return CASE_ERROR;
	}
	after = json_object_new_object();
	json_object_object_add(after, "review", json_object_new_int64(strtoll(rid, NULL, 10)));
	json_object_object_add(after, "decision", json_object_new_string(in->decision));
	json_object_object_add(after, "risk_before", json_object_new_string(l.risk));
	json_object_object_add(after, "risk_level", json_object_new_string(after_risk));
	json_object_object_add(after, "due_on", has_due ? json_object_new_string(due_text) : NULL);
	json_object_object_add(after, "note", json_object_new_string(in->note));
	rc = CASE_ERROR;
	if (case_touch(pg, h.id, h.version) == CASE_OK &&
	    audit_append(pg, a, "monitored_case", cid, "supervisor_review", NULL, after,
	    NULL) == 0 &&
	    case_event_add(pg, a, h.id, "supervisor_review", summary_of(ar, in, l.risk, has_next,
	    &next), 0, json_object_to_json_string(after)) == 0)
		rc = CASE_OK;
	json_object_put(after);
	return rc;
}

enum case_result
case_supervision_record(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct config *cfg, const char *reference, time_t now,
    const struct case_supervision_in *in)
{
	enum case_result rc = review_write(pg, ar, a, cfg, reference, now, in);

	if (rc != CASE_OK) {
		pg_rollback(pg);
		return rc;
	}
	return pg_commit(pg) == 0 ? CASE_OK : CASE_ERROR;
}

/* ------------------------------------------------------------------ */
/* The cadence the views read                                          */

/* "{14,28,56}" */
static void
days_text(const struct config_days *d, char *out, size_t len)
{
	size_t o = 0;
	int i;

	o += (size_t)snprintf(out, len, "{");
	for (i = 0; i < d->n && o < len; i++)
		o += (size_t)snprintf(out + o, len - o, "%s%d", i > 0 ? "," : "", d->days[i]);
	if (o < len)
		snprintf(out + o, len - o, "}");
}

static int
cadence_write(struct pg *pg, const struct actor *sys, const struct config *c)
{
	static const char *const levels[] = { "high", "medium", "standard" };
	char text[CONFIG_DAYS_MAX * 6 + 4];
	struct json_object *before, *after;
	const char *p[2];
	PGresult *res;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < sizeof(levels) / sizeof(levels[0]); i++) {
		days_text(cadence_of(c, levels[i]), text, sizeof(text));
		p[0] = levels[i];
		p[1] = text;
		if ((res = pg_exec(pg, "case_cadence_set", 2, p)) == NULL)
			return -1;
		if (PQntuples(res) == 1) {
			before = json_object_new_object();
			after = json_object_new_object();
			json_object_object_add(before, "days",
			    json_object_new_string(PQgetvalue(res, 0, 0)));
			json_object_object_add(after, "days", json_object_new_string(text));
			rc = audit_append(pg, sys, "case_review_cadence", levels[i], "update",
			    before, after, "concord.conf case_review_cadence_*");
			json_object_put(before);
			json_object_put(after);
			log_info("supervisor review cadence for %s risk is now %s", levels[i], text);
		}
		PQclear(res);
	}
	return rc;
}

int
case_cadence_sync(struct pg *pg, const struct config *c)
{
	struct actor sys;

	memset(&sys, 0, sizeof(sys));
	if (tx_begin(pg, &sys) == -1)
		return -1;
	if (cadence_write(pg, &sys, c) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}
