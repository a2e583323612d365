/* Changes to a Case Review application: the threshold decision, a
 * milestone done, the review held, the links to a victim and a case. Each
 * in one transaction with the application locked and its version checked,
 * audited (entity "case_review") and, when it is linked to a monitored
 * case, on the case's timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/case_review.h"
#include "domain/case_review_impl.h"
#include "domain/tx.h"
#include "store/pg.h"

static const struct pg_stmt stmts[] = {
	{ "cr_lock",
	  "SELECT id, status, version, coalesce(case_id, 0), reference, "
	  "to_char(now() AT TIME ZONE 'Europe/London', 'YYYY-MM-DD'), "
	  "coalesce(victim_person_id, 0) "
	  "FROM case_review_application WHERE reference = $1 FOR UPDATE" },
	{ "cr_decide",
	  "UPDATE case_review_application SET status = CASE WHEN $2::boolean "
	  "THEN 'threshold_met' ELSE 'threshold_not_met' END, threshold_met = $2::boolean, "
	  "complaints = $3::integer, decision_reasons = $4, decided_at = now(), "
	  "decided_by = nullif($5::bigint, 0), version = version + 1 WHERE id = $1::bigint" },
	{ "cr_done",
	  "UPDATE case_review_milestone SET done_at = now(), done_by = nullif($3::bigint, 0), "
	  "note = $4 WHERE application_id = $1::bigint AND kind = $2 AND done_at IS NULL" },
	{ "cr_bump",
	  "UPDATE case_review_application SET version = version + 1, "
	  "status = coalesce($2, status) WHERE id = $1::bigint" },
	{ "cr_review_held",
	  "UPDATE case_review_application SET status = 'review_held', "
	  "review_held_at = $2::date::timestamp AT TIME ZONE 'Europe/London', "
	  "victim_invited = $3::boolean, recommendations = $4::boolean, outcome = $5, "
	  "version = version + 1 WHERE id = $1::bigint" },
	{ "cr_link",
	  "UPDATE case_review_application SET victim_person_id = nullif($2::bigint, 0), "
	  "case_id = nullif($3::bigint, 0), version = version + 1 WHERE id = $1::bigint" },
	/* Row security answers whether the actor may see them. */
	{ "cr_person_seen", "SELECT id FROM person WHERE id = $1::bigint" },
	{ "cr_case_seen", "SELECT id FROM monitored_case WHERE reference = $1" },
	{ "cr_case_id_seen", "SELECT id FROM monitored_case WHERE id = $1::bigint" },
};

const struct pg_stmts case_review_decide_statements = { stmts,
    sizeof(stmts) / sizeof(stmts[0]) };

#define ID(buf, v)	snprintf(buf, sizeof(buf), "%lld", (long long)(v))

/* The application as locked for a change. */
struct locked {
	long long	 id, version, case_id, person_id;
	char		 status[24], reference[32], today[11];
};

/* Locks the application and checks the form's version: CR_OK,
 * CR_NOT_FOUND or CR_CONFLICT (the transaction is rolled back then), or
 * CR_ERROR. */
static enum cr_result
lock(struct pg *pg, const struct actor *a, const char *reference, long long version,
    struct locked *l)
{
	const char *p[1] = { reference };
	enum cr_result rc = CR_OK;
	PGresult *res;

	if (reference == NULL)
		return CR_NOT_FOUND;
	if (tx_begin(pg, a) == -1)
		return CR_ERROR;
	if ((res = pg_exec(pg, "cr_lock", 1, p)) == NULL) {
		pg_rollback(pg);
		return CR_ERROR;
	}
	if (PQntuples(res) != 1)
		rc = CR_NOT_FOUND;
	else {
		l->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(l->status, sizeof(l->status), "%s", PQgetvalue(res, 0, 1));
		l->version = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
		l->case_id = strtoll(PQgetvalue(res, 0, 3), NULL, 10);
		snprintf(l->reference, sizeof(l->reference), "%s", PQgetvalue(res, 0, 4));
		snprintf(l->today, sizeof(l->today), "%s", PQgetvalue(res, 0, 5));
		l->person_id = strtoll(PQgetvalue(res, 0, 6), NULL, 10);
		if (l->version != version)
			rc = CR_CONFLICT;
	}
	PQclear(res);
	if (rc != CR_OK)
		pg_rollback(pg);
	return rc;
}

static long long seen(struct pg *, const char *stmt, const char *param);

/* Ends a change: the audit row, the linked case's timeline (when the
 * actor's agency works the case: another's timeline is not its to
 * write), the commit. */
static enum cr_result
finish(struct pg *pg, const struct actor *a, const struct locked *l, const char *action,
    struct json_object *before, struct json_object *after, const char *timeline)
{
	char cid[24];
	long long visible = 0;

	if (cr_audit(pg, a, l->id, action, before, after) == -1)
		goto err;
	ID(cid, l->case_id);
	if (l->case_id > 0 && timeline != NULL &&
	    (visible = seen(pg, "cr_case_id_seen", cid)) == -1)
		goto err;
	if (visible > 0 &&
	    case_event_add(pg, a, l->case_id, "case_review", timeline, 0, NULL) == -1)
		goto err;
	if (pg_commit(pg) == -1)
		return CR_ERROR;
	return CR_OK;
err:
	pg_rollback(pg);
	return CR_ERROR;
}

static enum cr_result
fail(struct pg *pg, enum cr_result rc)
{
	pg_rollback(pg);
	return rc;
}

static int
done(struct pg *pg, const struct actor *a, long long id, const char *kind, const char *note)
{
	char aid[24], uid[24];
	const char *p[4] = { aid, kind, uid, note };

	ID(aid, id);
	ID(uid, a->user_id);
	return pg_exec_ok(pg, "cr_done", 4, p);
}

/* Whether the milestone was there and not done: 1, 0, or -1. */
static int
done_once(struct pg *pg, const struct actor *a, long long id, const char *kind,
    const char *note)
{
	char aid[24], uid[24];
	const char *p[4] = { aid, kind, uid, note };
	PGresult *res;
	int changed;

	ID(aid, id);
	ID(uid, a->user_id);
	if ((res = pg_exec(pg, "cr_done", 4, p)) == NULL)
		return -1;
	changed = strcmp(PQcmdTuples(res), "1") == 0;
	PQclear(res);
	return changed;
}

static int
bump(struct pg *pg, long long id, const char *status)
{
	char aid[24];
	const char *p[2] = { aid, status };

	ID(aid, id);
	return pg_exec_ok(pg, "cr_bump", 2, p);
}

/* The milestones that follow a review (held on `from`, or due then). */
static int
after_review(struct pg *pg, struct arena *ar, const struct case_review_rules *rules,
    long long id, const char *from)
{
	char rec[11], letter[11];
	long *hol;
	size_t nh;

	if (cr_holidays(pg, ar, &hol, &nh) == -1 ||
	    cr_due(hol, nh, from, rules->recommendations, 0, rec) == -1 ||
	    cr_due(hol, nh, from, rules->outcome, 0, letter) == -1)
		return -1;
	return cr_milestone_add(pg, id, "recommendations", rec) == -1 ||
	    cr_milestone_add(pg, id, "outcome_letter", letter) == -1 ? -1 : 0;
}

enum cr_result
case_review_decide(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_review_rules *rules, const char *reference, long long version,
    int met, int complaints, const char *reasons)
{
	struct json_object *after;
	struct locked l;
	char id[24], n[24], uid[24], due[11];
	const char *p[5] = { id, met ? "true" : "false", n, reasons, uid };
	enum cr_result rc;
	long *hol;
	size_t nh;

	if (reasons == NULL || reasons[strspn(reasons, " \t\r\n")] == '\0' || complaints < 0)
		return CR_BAD;
	if ((rc = lock(pg, a, reference, version, &l)) != CR_OK)
		return rc;
	if (strcmp(l.status, "received") != 0)
		return fail(pg, CR_WRONG_STATE);
	ID(id, l.id);
	ID(n, complaints);
	ID(uid, a->user_id);
	if (pg_exec_ok(pg, "cr_decide", 5, p) == -1 ||
	    done(pg, a, l.id, "decide", met ? "Threshold met" : "Threshold not met") == -1 ||
	    cr_holidays(pg, ar, &hol, &nh) == -1)
		return fail(pg, CR_ERROR);
	after = json_object_new_object();
	json_object_object_add(after, "threshold_met", json_object_new_boolean(met));
	json_object_object_add(after, "complaints", json_object_new_int(complaints));
	json_object_object_add(after, "reasons", json_object_new_string(reasons));
	if (met) {
		/* "Hold the review within 21 days of the decision": calendar
		 * days, as the published procedures count them. */
		if (cr_due(hol, nh, l.today, rules->review, 1, due) == -1 ||
		    cr_milestone_add(pg, l.id, "review", due) == -1 ||
		    after_review(pg, ar, rules, l.id, due) == -1)
			goto err;
		json_object_object_add(after, "review_due", json_object_new_string(due));
	} else {
		/* The applicant is told the decision and how to appeal. */
		if (cr_due(hol, nh, l.today, rules->outcome, 0, due) == -1 ||
		    cr_milestone_add(pg, l.id, "outcome_letter", due) == -1)
			goto err;
		json_object_object_add(after, "outcome_letter_due", json_object_new_string(due));
	}
	return finish(pg, a, &l, "decide", NULL, after, arena_printf(ar,
	    "Case Review %s: %s", l.reference, met ? "the threshold was met; the review "
	    "is due" : "the threshold was not met"));
err:
	json_object_put(after);
	return fail(pg, CR_ERROR);
}

static const struct { const char *kind, *done; } kinds[] = {
	{ "acknowledge", "the application was acknowledged" },
	{ "decide", "the threshold was decided" },
	{ "review", "the review was held" },
	{ "recommendations", "the recommendations and action plan were agreed" },
	{ "outcome_letter", "the outcome letter was sent" },
	{ "appeal", "the appeal window closed" },
};

static const char *
kind_done(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			return kinds[i].done;
	return NULL;
}

enum cr_result
case_review_milestone_done(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_review_rules *rules, const char *reference, long long version,
    const char *kind, const char *note)
{
	struct json_object *after;
	struct locked l;
	enum cr_result rc;
	const char *words = kind_done(kind);
	char appeal[11];
	long *hol;
	size_t nh;
	int changed;

	if (words == NULL || note == NULL)
		return CR_BAD;
	/* The decision and the review are recorded with what they decided. */
	if (strcmp(kind, "decide") == 0 || strcmp(kind, "review") == 0)
		return CR_WRONG_STATE;
	if ((rc = lock(pg, a, reference, version, &l)) != CR_OK)
		return rc;
	if ((changed = done_once(pg, a, l.id, kind, note)) != 1)
		return fail(pg, changed == 0 ? CR_WRONG_STATE : CR_ERROR);
	after = json_object_new_object();
	json_object_object_add(after, "milestone", json_object_new_string(kind));
	json_object_object_add(after, "note", json_object_new_string(note));
	if (strcmp(kind, "outcome_letter") == 0) {
		/* The appeal to the police and crime commissioner runs from
		 * the day the letter went. */
		if (cr_holidays(pg, ar, &hol, &nh) == -1 ||
		    cr_due(hol, nh, l.today, rules->appeal, 0, appeal) == -1 ||
		    cr_milestone_add(pg, l.id, "appeal", appeal) == -1)
			goto err;
		json_object_object_add(after, "appeal_due", json_object_new_string(appeal));
	}
	if (bump(pg, l.id, strcmp(kind, "appeal") == 0 ? "closed" : NULL) == -1)
		goto err;
	return finish(pg, a, &l, "milestone_done", NULL, after, arena_printf(ar,
	    "Case Review %s: %s", l.reference, words));
err:
	json_object_put(after);
	return fail(pg, CR_ERROR);
}

enum cr_result
case_review_review_held(struct pg *pg, struct arena *ar, const struct actor *a,
    const struct case_review_rules *rules, const char *reference, long long version,
    const char *held_on, int victim_invited, int recommendations, const char *outcome)
{
	struct json_object *after;
	struct locked l;
	struct date d;
	enum cr_result rc;
	char id[24];
	const char *p[5] = { id, held_on, victim_invited ? "true" : "false",
	    recommendations ? "true" : "false", outcome };

	if (held_on == NULL || date_parse(held_on, &d) == NULL || outcome == NULL ||
	    outcome[strspn(outcome, " \t\r\n")] == '\0')
		return CR_BAD;
	if ((rc = lock(pg, a, reference, version, &l)) != CR_OK)
		return rc;
	if (strcmp(l.status, "threshold_met") != 0)
		return fail(pg, CR_WRONG_STATE);
	ID(id, l.id);
	if (pg_exec_ok(pg, "cr_review_held", 5, p) == -1 ||
	    done(pg, a, l.id, "review", victim_invited ? "Held; the victim was invited" :
	    "Held; the victim was not invited") == -1 ||
	    after_review(pg, ar, rules, l.id, held_on) == -1 ||
	    (!recommendations && done(pg, a, l.id, "recommendations",
	    "The review made no recommendations") == -1))
		return fail(pg, CR_ERROR);
	after = json_object_new_object();
	json_object_object_add(after, "review_held_on", json_object_new_string(held_on));
	json_object_object_add(after, "victim_invited", json_object_new_boolean(victim_invited));
	json_object_object_add(after, "recommendations", json_object_new_boolean(recommendations));
	json_object_object_add(after, "outcome", json_object_new_string(outcome));
	return finish(pg, a, &l, "review_held", NULL, after, arena_printf(ar,
	    "Case Review %s: the review was held%s", l.reference, recommendations ?
	    " and made recommendations" : ""));
}

/* Whether a row of the look-up is there: its id, 0 for none, -1. */
static long long
seen(struct pg *pg, const char *stmt, const char *param)
{
	const char *p[1] = { param };
	PGresult *res;
	long long id = 0;

	if ((res = pg_exec(pg, stmt, 1, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return id;
}

enum cr_result
case_review_link(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, long long person_id,
    const char *case_reference)
{
	struct json_object *before, *after;
	struct locked l;
	enum cr_result rc;
	long long case_id = 0, old_case;
	char id[24], pid[24], cid[24];
	const char *p[3] = { id, pid, cid };

	if ((rc = lock(pg, a, reference, version, &l)) != CR_OK)
		return rc;
	ID(pid, person_id);
	if (person_id > 0 && seen(pg, "cr_person_seen", pid) != person_id)
		return fail(pg, CR_BAD);
	if (case_reference != NULL && *case_reference != '\0' &&
	    (case_id = seen(pg, "cr_case_seen", case_reference)) <= 0)
		return fail(pg, CR_BAD);
	ID(id, l.id);
	ID(cid, case_id);
	if (pg_exec_ok(pg, "cr_link", 3, p) == -1)
		return fail(pg, CR_ERROR);
	before = json_object_new_object();
	json_object_object_add(before, "victim_person_id", l.person_id > 0 ?
	    json_object_new_int64(l.person_id) : NULL);
	json_object_object_add(before, "case_id", l.case_id > 0 ?
	    json_object_new_int64(l.case_id) : NULL);
	after = json_object_new_object();
	json_object_object_add(after, "victim_person_id", person_id > 0 ?
	    json_object_new_int64(person_id) : NULL);
	json_object_object_add(after, "case_id", case_id > 0 ? json_object_new_int64(case_id) :
	    NULL);
	/* The timeline of the case it now belongs to says so; a case it
	 * left says that instead. */
	old_case = l.case_id;
	if (old_case > 0 && old_case != case_id && case_event_add(pg, a, old_case,
	    "case_review", arena_printf(ar, "Case Review %s is no longer linked to this case",
	    l.reference), 0, NULL) == -1) {
		json_object_put(before);
		json_object_put(after);
		return fail(pg, CR_ERROR);
	}
	l.case_id = case_id != old_case ? case_id : 0;
	return finish(pg, a, &l, "link", before, after, arena_printf(ar,
	    "Case Review %s was linked to this case", l.reference));
}
