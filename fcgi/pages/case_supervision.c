/* The Reviews tab of a monitored case (the supervisor reviews done, the
 * one due and the ones after it on the cadence of its risk level) and the
 * form a supervisor records one with (case.supervise, in the route table).
 * The cadence and the record are the domain's (domain/case_supervision.c). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/case_supervision.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/case_page.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define FIELD_MAX	64

static const char *
date_text(struct req *r, const struct date *d)
{
	char words[DATE_WORDS_MAX];

	return arena_strdup(r->arena, date_words(words, d));
}

/* "14, 28 and 56 days after the case opened, then every 28 days". */
static const char *
cadence_words(struct req *r, const int *days, size_t n)
{
	const char *s = "";
	size_t i;
	int gap;

	for (i = 0; i < n && s != NULL; i++)
		s = arena_printf(r->arena, "%s%s%d", s, i == 0 ? "" : i + 1 == n ? " and " : ", ",
		    days[i]);
	gap = n > 1 ? days[n - 1] - days[n - 2] : days[0];
	return s == NULL ? NULL : arena_printf(r->arena, "%s days after it opened, "
	    "then every %d days", s, gap);
}

static int
due_dict(struct req *r, struct view_dict *d, const struct case_head *h,
    const struct case_supervision *s)
{
	struct view_dict *sec, *row;
	const int *days;
	size_t n, i;

	days = case_cadence_days(r->cfg, h->risk_level, &n);
	if (!s->has_due)
		return view_set(d, "RISK_WORD", risk_label(h->risk_level)) == -1 ||
		    view_show(d, "NO_CADENCE") == -1 ? -1 : 0;
	if ((sec = view_section(d, "CADENCE")) == NULL ||
	    view_set(sec, "RISK_WORD", risk_label(h->risk_level)) == -1 ||
	    view_set(sec, "WORDS", cadence_words(r, days, n)) == -1 ||
	    view_set(sec, "DUE", date_text(r, &s->due)) == -1)
		return -1;
	if (s->days_overdue > 0 && ((row = view_section(sec, "OVERDUE")) == NULL ||
	    view_set(row, "TEXT", arena_printf(r->arena, "Overdue by %d day%s",
	    s->days_overdue, s->days_overdue == 1 ? "" : "s")) == -1))
		return -1;
	for (i = 0; i < CASE_SUPERVISION_AHEAD; i++)
		if ((row = view_section(sec, "AHEAD")) == NULL ||
		    view_set(row, "DAY", date_text(r, &s->ahead[i])) == -1)
			return -1;
	return 0;
}

/* GET /staff/cases/{ref}/reviews */
void
case_supervision_get(struct req *r)
{
	struct case_supervision s;
	struct view_dict *d, *row;
	struct case_head h;
	size_t i;

	if (case_page_load(r, &h) != 0)
		return;
	if (case_supervision_load(r->pg, r->arena, &r->actor, r->cfg, &h, time(NULL),
	    &s) != CASE_OK)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || case_page_head(r, d, &h, CASE_TAB_REVIEWS) == -1 ||
	    view_set(d, "REFERENCE", h.reference) == -1 || due_dict(r, d, &h, &s) == -1 ||
	    view_show(d, s.ndone > 0 ? "DONE" : "NONE_DONE") == -1)
		goto fail;
	if (perm_has(r->actor.perms, PERM_CASE_SUPERVISE) && strcmp(h.status, "open") == 0 &&
	    view_show(d, "CAN_REVIEW") == -1)
		goto fail;
	for (i = 0; i < s.ndone; i++)
		if ((row = view_section(d, "ROW")) == NULL ||
		    view_set(row, "WHEN", s.done[i].when) == -1 ||
		    view_set(row, "BY", s.done[i].by) == -1 ||
		    view_set(row, "DECISION", s.done[i].decision) == -1 ||
		    view_set(row, "RISK", strcmp(s.done[i].risk_before, s.done[i].risk_after) == 0 ?
		    s.done[i].risk_after : arena_printf(r->arena, "%s to %s",
		    s.done[i].risk_before, s.done[i].risk_after)) == -1 ||
		    view_set(row, "DUE", *s.done[i].due != '\0' ? s.done[i].due :
		    "None was due") == -1 ||
		    view_set(row, "NOTE", s.done[i].note) == -1)
			goto fail;
	page_render(r, 200, "case_supervision.tpl", arena_printf(r->arena,
	    "Supervisor reviews: case %s", h.reference), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

struct review_form {
	const char	*decision, *risk, *note;
	long long	 seen_last;
	const char	*seen_risk;
};

static void
review_page(struct req *r, int status, const struct case_head *h,
    const struct case_supervision *s, const struct review_form *f,
    const struct form_errors *errs)
{
	static const struct choice decisions[] = {
		{ "continue", "CONTINUE" }, { "change_risk", "CHANGE_RISK" },
		{ "close_recommended", "CLOSE_RECOMMENDED" },
	};
	struct view_dict *d = page_dict(r);
	int chosen = f->decision != NULL ? choice_find(decisions, NCHOICES(decisions),
	    f->decision) : -1;

	if (d == NULL || case_page_head(r, d, h, CASE_TAB_NONE) == -1 ||
	    form_errors_dict(d, errs) == -1 ||
	    view_set(d, "REFERENCE", h->reference) == -1 ||
	    view_set(d, "SEEN_LAST", arena_printf(r->arena, "%lld", f->seen_last)) == -1 ||
	    view_set(d, "SEEN_RISK", f->seen_risk) == -1 ||
	    view_set(d, "RISK_NOW", risk_label(h->risk_level)) == -1 ||
	    view_set(d, "NOTE", f->note != NULL ? f->note : "") == -1 ||
	    view_set_int(d, "NOTE_MAX", CASE_SUPERVISION_NOTE_MAX) == -1 ||
	    options_dict(d, "RISK_OPTION", risk_labels, risk_labels_n,
	    f->risk != NULL ? f->risk : "") == -1)
		goto fail;
	if (view_set(d, "DUE", s->has_due ? date_text(r, &s->due) :
	    "No review is due at this risk level") == -1)
		goto fail;
	if (chosen >= 0 && view_show(d, decisions[chosen].label) == -1)
		goto fail;
	page_render(r, status, "case_supervision_form.tpl", form_title(r, errs, arena_printf(
	    r->arena, "Record a supervisor review of case %s", h->reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* The case and its reviews for the form: 0, or -1 after the error page. */
static int
review_load(struct req *r, struct case_head *h, struct case_supervision *s)
{
	if (case_page_load(r, h) != 0)
		return -1;
	if (case_supervision_load(r->pg, r->arena, &r->actor, r->cfg, h, time(NULL),
	    s) != CASE_OK) {
		page_error(r, 503, NULL);
		return -1;
	}
	if (strcmp(h->status, "open") != 0) {
		page_error(r, 409, "This case is closed: a closed case is not reviewed.");
		return -1;
	}
	return 0;
}

/* GET /staff/cases/{ref}/reviews/new */
void
case_supervision_new_get(struct req *r)
{
	struct form_errors errs = {0};
	struct review_form f = {0};
	struct case_supervision s;
	struct case_head h;

	if (review_load(r, &h, &s) == -1)
		return;
	f.seen_last = s.last_id;
	f.seen_risk = h.risk_level;
	review_page(r, 200, &h, &s, &f, &errs);
}

/* POST /staff/cases/{ref}/reviews: 303 to the tab; the form again with
 * what to fix (400) or with what changed first (409). */
void
case_supervision_post(struct req *r)
{
	struct form_errors errs = {0}, none = {0};
	struct case_supervision_in in = {0};
	struct review_form f = {0};
	struct case_supervision s;
	struct case_head h;
	const char *seen = req_form(r, "last"), *seen_risk = req_form(r, "risk-seen");
	int status = 400;

	if (seen == NULL || seen_risk == NULL)
		return page_error(r, 400, "The form is missing what it was opened with. "
		    "Reload the page.");
	if (review_load(r, &h, &s) == -1)
		return;
	f.seen_last = in.seen_last = strtoll(seen, NULL, 10);
	f.seen_risk = in.seen_risk = choice_find(risk_labels, risk_labels_n, seen_risk) >= 0 ?
	    seen_risk : h.risk_level;
	f.decision = form_text(r, "decision", FIELD_MAX, &none, "", NULL, NULL);
	f.risk = form_text(r, "risk", FIELD_MAX, &none, "", NULL, NULL);
	f.note = form_long_text(r, "note", CASE_SUPERVISION_NOTE_MAX, &errs, "note",
	    "Enter a note of the review", arena_printf(r->arena, "Note must be %d "
	    "characters or fewer", CASE_SUPERVISION_NOTE_MAX));
	if (f.decision == NULL || f.risk == NULL || f.note == NULL)
		return page_error(r, 500, NULL);
	if (case_supervision_decision_word(f.decision) == NULL)
		form_error(&errs, "decision", "Select the decision of the review");
	else if (strcmp(f.decision, "change_risk") == 0 &&
	    choice_find(risk_labels, risk_labels_n, f.risk) == -1)
		form_error(&errs, "risk", "Select the new level of risk");
	else if (strcmp(f.decision, "change_risk") == 0 && strcmp(f.risk, f.seen_risk) == 0)
		form_error(&errs, "risk", "Select a level of risk other than the one it has, "
		    "or choose to continue");
	if (errs.n == 0) {
		in.decision = f.decision;
		in.risk_after = f.risk;
		in.note = f.note;
		switch (case_supervision_record(r->pg, r->arena, &r->actor, r->cfg, h.reference,
		    time(NULL), &in)) {
		case CASE_OK:
			page_flash(r, "Supervisor review recorded");
			return resp_redirect(r, 303, arena_printf(r->arena,
			    "/staff/cases/%s/reviews", h.reference));
		case CASE_CONFLICT:
			status = 409;
			f.seen_last = s.last_id;
			f.seen_risk = h.risk_level;
			form_error(&errs, "decision", "Someone else reviewed this case or changed "
			    "its risk level since you opened the form. Check the Reviews tab; "
			    "your note is below");
			break;
		case CASE_CLOSED:
			return page_error(r, 409, "This case was closed while you were reviewing "
			    "it. A closed case is not reviewed.");
		case CASE_NOT_FOUND:
			return page_error(r, 404, NULL);
		default:
			return page_error(r, 503, NULL);
		}
	}
	review_page(r, status, &h, &s, &f, &errs);
}
