/* One item of a queue (/staff/allocations/{id}): the incident, why it is
 * in this queue, who has it, where it stands against its clocks, and the
 * forms that work it — claim, assign, accept, reallocate, no further
 * action, first action — each a POST with its CSRF token to
 * /staff/allocations/{id}/{action} that calls queue_act once
 * (domain/queue_act.c). A form sent after someone else acted on the item
 * gets the page again with 409 and what happened, never a 500. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/arena.h"
#include "domain/queue.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/queue_page.h"
#include "view/view.h"

/* What was typed into the page's forms, to show again. */
struct item_forms {
	long long	 person, team;
	const char	*note, *move_reason, *nfa_reason;
};

/* A positive id as the route or a form gives it, else 0. */
static long long
id_of(const char *v)
{
	char *end;
	long long n;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	n = strtoll(v, &end, 10);
	return *end == '\0' && n > 0 ? n : 0;
}

/* ---- the page ---- */

static int
choices_dict(struct view_dict *d, const char *section, const struct queue_choice *c,
    size_t n, long long selected)
{
	struct view_dict *o;
	size_t i;

	for (i = 0; i < n; i++)
		if ((o = view_section(d, section)) == NULL ||
		    view_set_int(o, "VALUE", (long)c[i].id) == -1 ||
		    view_set(o, "LABEL", c[i].name) == -1 ||
		    (c[i].id == selected && view_show(o, "SELECTED") == -1))
			return -1;
	return 0;
}

/* How many other queues the incident is in now (its allocations but q). */
static long
others_now(struct req *r, const struct queue_allocation *q)
{
	struct queue_allocation *all;
	size_t n, i;
	long others = 0;

	if (queue_allocations_of_incident(r->pg, r->arena, r->cfg, &r->actor, q->in.id,
	    &all, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		others += !all[i].ended && all[i].id != q->id;
	return others;
}

/* The forms this member of staff may use on a current item of their
 * agency's queue. 0 or -1. */
static int
forms_dict(struct req *r, struct view_dict *d, const struct queue_allocation *q,
    const struct item_forms *f)
{
	perm_set p = r->actor.perms;
	struct queue_choice *c;
	struct view_dict *s;
	size_t n;
	long others;

	if (view_set_int(d, "ASSIGNED_ID", (long)q->assigned_to) == -1)
		return -1;
	if (perm_has(p, PERM_INCIDENT_UPDATE)) {
		if ((others = others_now(r, q)) == -1 ||
		    (q->assigned_to != r->actor.user_id && view_show(d, "CLAIM") == -1) ||
		    (*q->triage == '\0' && view_show(d, "ACCEPT") == -1) ||
		    (*q->first_action_at == '\0' && view_set(view_section(d, "FIRST_ACTION"),
		        "NOTE", f->note != NULL ? f->note : "") == -1) ||
		    (s = view_section(d, "NFA")) == NULL ||
		    view_set(s, "NFA_REASON", f->nfa_reason != NULL ? f->nfa_reason : "") == -1 ||
		    (others == 0 && view_show(s, perm_has(p, PERM_INCIDENT_CLOSE) ?
		        "LAST_CLOSES" : "LAST_ASKS") == -1))
			return -1;
	}
	if (!perm_has(p, PERM_INCIDENT_REALLOCATE))
		return 0;
	if (queue_people(r->pg, r->arena, &r->actor, q, &c, &n) == -1 ||
	    choices_dict(view_section(d, "ASSIGN"), "PERSON_OPTION", c, n,
	        f->person > 0 ? f->person : q->assigned_to) == -1 ||
	    queue_targets(r->pg, r->arena, &r->actor, q, &c, &n) == -1 ||
	    (s = view_section(d, "REALLOCATE")) == NULL ||
	    choices_dict(s, "TEAM_OPTION", c, n, f->team) == -1 ||
	    view_set(s, "MOVE_REASON", f->move_reason != NULL ? f->move_reason : "") == -1)
		return -1;
	return 0;
}

/* The item as it is: the incident, why it is here, who has it, its
 * triage and its clocks, and how it left the queue if it has. */
static int
item_dict(struct req *r, struct view_dict *d, const struct queue_allocation *q)
{
	struct view_dict *s;

	if (incident_fields(d, &q->in) == -1 ||
	    view_set_int(d, "ID", (long)q->id) == -1 ||
	    view_set(d, "TEAM", q->team_name) == -1 ||
	    view_set(d, "TEAM_AGENCY", q->team_agency) == -1 ||
	    view_set(d, "REASON", q->reason) == -1 ||
	    view_set(d, "SINCE", q->since) == -1 ||
	    view_set(d, "RISK", *q->risk != '\0' ? risk_label(q->risk) : "Not assessed") == -1 ||
	    view_set(d, "ASSIGNED", q->assigned_to == r->actor.user_id ? "You" :
	        *q->assigned != '\0' ? q->assigned : "Nobody") == -1 ||
	    view_set(d, "TRIAGE", *q->triage == '\0' ? "Not triaged" :
	        arena_printf(r->arena, "%s, %s%s%s", queue_triage_words(q->triage),
	        q->triaged_at, *q->triaged_by != '\0' ? ", by " : "", q->triaged_by)) == -1 ||
	    incident_flags_dict(d, q->in.flags) == -1 ||
	    (q->location_to_confirm && view_show(d, "TO_CONFIRM") == -1))
		return -1;
	if (q->team_agency_id == r->actor.agency_id &&
	    view_set(view_section(d, "OURS"), "TEAM_CODE", q->team_code) == -1)
		return -1;
	if (!q->ended)
		return queue_clock_dict(r->arena, d, q->triage, *q->first_action_at != '\0',
		    q->triage_due, q->triage_late, q->action_due, q->action_late);
	if ((s = view_section(d, "ENDED")) == NULL ||
	    view_set(s, "WHEN", q->ended_at) == -1 ||
	    view_set(s, "WHY", q->ended_reason) == -1 ||
	    (*q->ended_by != '\0' && view_set(view_section(s, "BY"), "NAME", q->ended_by) == -1) ||
	    (*q->moved_to != '\0' && view_set(view_section(s, "TO"), "TEAM", q->moved_to) == -1))
		return -1;
	return 0;
}

/* The item's page with its forms (and their problems and what was typed). */
static void
item_page(struct req *r, int status, long long id, const struct form_errors *errs,
    const struct item_forms *f)
{
	struct queue_allocation q;
	struct view_dict *d;
	int ours, open;

	switch (queue_allocation_get(r->pg, r->arena, r->cfg, &r->actor, id, &q)) {
	case QUEUE_OK:
		break;
	case QUEUE_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
	ours = q.team_agency_id == r->actor.agency_id;
	open = !q.ended && strcmp(q.in.status, "closed") != 0;
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (item_dict(r, d, &q) == -1 ||
	    (!ours && view_set(view_section(d, "NOT_OURS"), "AGENCY",
	        r->session->agency_name) == -1) ||
	    (ours && !q.ended && !open && view_show(d, "CLOSED") == -1) ||
	    (ours && open && forms_dict(r, d, &q, f) == -1) ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	page_render(r, status, "queue_item.tpl", form_title(r, errs,
	    arena_printf(r->arena, "%s in the queue of %s", q.in.reference, q.team_name)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 503, NULL);
}

/* GET /staff/allocations/{id} */
void
allocation_get(struct req *r)
{
	struct form_errors errs = {0};
	struct item_forms f = {0};
	long long id = id_of(req_param(r, "id"));

	if (id == 0)
		return page_error(r, 404, NULL);
	item_page(r, 200, id, &errs, &f);
}

/* ---- the actions ---- */

/* The query of the queue page a form came from ("query"), when it is one
 * that page could have had: its filters' characters only. "" otherwise. */
static const char *
back_query(struct req *r)
{
	const char *q = req_form(r, "query");
	size_t n = q != NULL ? strlen(q) : 0;

	if (n == 0 || n > 200 || strspn(q, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=&_.%+-") != n)
		return "";
	return arena_printf(r->arena, "?%s", q);
}

/* Where a form goes back to when it worked: the queue it came from
 * ("from" says the team's queue or *my work*, "query" its filters), else
 * the item's page or, when the item left the queue, the team's queue. */
static const char *
back_to(struct req *r, long long id, const struct queue_done *done, int left)
{
	const char *from = req_form(r, "from");

	if (from != NULL && strcmp(from, "mine") == 0)
		return arena_printf(r->arena, "/staff/queues/mine%s", back_query(r));
	if (from != NULL && strcmp(from, "queue") == 0)
		return arena_printf(r->arena, "/staff/queues/%s%s", done->team_code,
		    back_query(r));
	if (left)
		return arena_printf(r->arena, "/staff/queues/%s", done->team_code);
	return arena_printf(r->arena, "/staff/allocations/%lld", id);
}

/* What the flash says an action did. */
static const char *
done_words(struct req *r, enum queue_action what, const struct queue_done *done)
{
	const char *ref = done->reference;

	switch (what) {
	case QUEUE_CLAIM:
		return arena_printf(r->arena, "%s is assigned to you.", ref);
	case QUEUE_ASSIGN:
		return arena_printf(r->arena, "%s is assigned.", ref);
	case QUEUE_ACCEPT:
		return arena_printf(r->arena, "%s is accepted in triage.", ref);
	case QUEUE_REALLOCATE:
		return arena_printf(r->arena, "%s is reallocated: it has left this queue.", ref);
	case QUEUE_NFA:
		return arena_printf(r->arena, "No further action on %s in this queue.%s", ref,
		    done->closed ? " It was in no other queue: the incident is closed." :
		    done->close_asked ? " It was in no other queue: a supervisor is asked "
		    "to close the incident." : "");
	case QUEUE_FIRST_ACTION:
		return arena_printf(r->arena, "The first action on %s is recorded.", ref);
	}
	return "";
}

/* The page's message (on field) for an answer that refuses the form. The
 * status to show the page again with, or 0 for none of these. */
static int
refusal(enum queue_result rc, struct form_errors *errs)
{
	switch (rc) {
	case QUEUE_GONE:
		form_error(errs, "state", "Someone else dealt with this item since you "
		    "opened the page: it has left the queue, or its incident is closed. "
		    "Nothing you sent was saved");
		return 409;
	case QUEUE_TAKEN:
		form_error(errs, "state", "Someone else claimed or assigned this item since "
		    "you opened the page. Nothing was changed: check who has it now");
		return 409;
	case QUEUE_TRIAGED:
		form_error(errs, "state", "This item was triaged already, since you opened "
		    "the page. Nothing was changed");
		return 409;
	case QUEUE_ACTED:
		form_error(errs, "state", "The first action on this item was recorded "
		    "already. Nothing was changed: add further updates on the incident page");
		return 409;
	case QUEUE_BAD_PERSON:
		form_error(errs, "person", "Select someone of your agency who works incidents");
		return 400;
	case QUEUE_BAD_TEAM:
		form_error(errs, "team", "Select a team from the list");
		return 400;
	case QUEUE_IN_TEAM:
		form_error(errs, "team", "The incident is in that team's queue already. "
		    "Select another team");
		return 400;
	default:
		return 0;
	}
}

/* Sends act to the domain and answers: back on success, the page again
 * with the message when refused, 403 for another agency's queue. */
static void
act_answer(struct req *r, struct queue_act *act, struct item_forms *f)
{
	struct form_errors errs = {0};
	struct queue_done done;
	long long id = id_of(req_param(r, "id"));
	enum queue_result rc;
	int status;

	if (id == 0)
		return page_error(r, 404, NULL);
	switch ((rc = queue_act(r->pg, r->arena, r->cfg, &r->actor, id, act, &done))) {
	case QUEUE_OK:
	case QUEUE_UNCHANGED:
		page_flash(r, rc == QUEUE_UNCHANGED ? "No change: it was so already." :
		    done_words(r, act->what, &done));
		return resp_redirect(r, 303, back_to(r, id, &done,
		    act->what == QUEUE_REALLOCATE || act->what == QUEUE_NFA));
	case QUEUE_NOT_FOUND:
		return page_error(r, 404, NULL);
	case QUEUE_NOT_OURS:
		return page_error(r, 403, arena_printf(r->arena, "This item is in the queue "
		    "of a team of another agency. You can act only on the queues of your "
		    "own agency, %s.", r->session->agency_name));
	default:
		if ((status = refusal(rc, &errs)) == 0)
			return page_error(r, 503, NULL);
		item_page(r, status, id, &errs, f);
	}
}

/* The assignment the form was made with ("assigned": 0 for nobody). */
static long long
seen_assigned(struct req *r)
{
	return id_of(req_form(r, "assigned"));
}

/* POST /staff/allocations/{id}/claim: assigns it to the user. */
void
allocation_claim_post(struct req *r)
{
	struct queue_act act = { QUEUE_CLAIM, seen_assigned(r), 0, 0, NULL };
	struct item_forms f = {0};

	act_answer(r, &act, &f);
}

/* POST /staff/allocations/{id}/assign: person=. 400 without one. */
void
allocation_assign_post(struct req *r)
{
	struct queue_act act = { QUEUE_ASSIGN, seen_assigned(r), 0, 0, NULL };
	struct item_forms f = {0};
	struct form_errors errs = {0};

	f.person = act.person = id_of(req_form(r, "person"));
	if (act.person == 0) {
		form_error(&errs, "person", "Select who to assign it to");
		return item_page(r, 400, id_of(req_param(r, "id")), &errs, &f);
	}
	act_answer(r, &act, &f);
}

/* POST /staff/allocations/{id}/accept */
void
allocation_accept_post(struct req *r)
{
	struct queue_act act = { QUEUE_ACCEPT, 0, 0, 0, NULL };
	struct item_forms f = {0};

	act_answer(r, &act, &f);
}

/* The reason or note of a form, checked; 400 with the page when it is
 * missing or too long. NULL when the answer is sent. */
static const char *
text_of(struct req *r, const char *name, size_t max, const char *field,
    const char *missing, const char **keep, struct item_forms *f,
    struct form_errors *errs)
{
	const char *v = form_long_text(r, name, max, errs, field, missing, max == QUEUE_NOTE_MAX ?
	    "The note must be 2,000 characters or fewer" :
	    "The reason must be 1,000 characters or fewer");

	if (v == NULL) {
		page_error(r, 500, NULL);
		return NULL;
	}
	*keep = v;
	if (errs->n > 0) {
		item_page(r, 400, id_of(req_param(r, "id")), errs, f);
		return NULL;
	}
	return v;
}

/* POST /staff/allocations/{id}/reallocate: team=&reason=. */
void
allocation_reallocate_post(struct req *r)
{
	struct queue_act act = { QUEUE_REALLOCATE, 0, 0, 0, NULL };
	struct item_forms f = {0};
	struct form_errors errs = {0};

	f.team = act.team = id_of(req_form(r, "team"));
	if (act.team == 0)
		form_error(&errs, "team", "Select the team to reallocate it to");
	if ((act.text = text_of(r, "reason", QUEUE_REASON_MAX, "move-reason",
	    "Enter why it is being reallocated", &f.move_reason, &f, &errs)) != NULL)
		act_answer(r, &act, &f);
}

/* POST /staff/allocations/{id}/nfa: reason=. */
void
allocation_nfa_post(struct req *r)
{
	struct queue_act act = { QUEUE_NFA, 0, 0, 0, NULL };
	struct item_forms f = {0};
	struct form_errors errs = {0};

	if ((act.text = text_of(r, "reason", QUEUE_REASON_MAX, "nfa-reason",
	    "Enter why no further action is needed", &f.nfa_reason, &f, &errs)) != NULL)
		act_answer(r, &act, &f);
}

/* POST /staff/allocations/{id}/first-action: note=. */
void
allocation_first_action_post(struct req *r)
{
	struct queue_act act = { QUEUE_FIRST_ACTION, 0, 0, 0, NULL };
	struct item_forms f = {0};
	struct form_errors errs = {0};

	if ((act.text = text_of(r, "note", QUEUE_NOTE_MAX, "note",
	    "Enter what was done", &f.note, &f, &errs)) != NULL)
		act_answer(r, &act, &f);
}
