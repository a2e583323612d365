/* The ASB Case Review prompt on the incident page: at a victim's second
 * complaint in the window staff are asked to tell them about the Case
 * Review, and record that they did; at the threshold the page says it is
 * met. The count is domain/case_review_rule.c (the one rule, which the
 * Case Review decision uses too), the record domain/flag_store.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

#define CASE_REVIEW_NOTE_MAX	2000	/* characters, as case_review_notice.note */

static const struct {
	const char *value, *label;
} hows[] = {
	{ "phone", "By phone" },
	{ "email", "By email" },
	{ "letter", "By letter" },
	{ "in_person", "In person" },
};

#define NHOWS	(sizeof(hows) / sizeof(hows[0]))

/* The window in words, as the statutory guidance speaks of it: "6 months"
 * for the default 183 days (also the online application's start page). */
const char *
case_review_window_words(struct req *r)
{
	int days = r->cfg != NULL ? r->cfg->case_review_days : 183;
	int months = (int)((days + 15) / 30.4);

	if (days >= 28 && months * 30.4 - days < 16 && days - months * 30.4 < 16)
		return arena_printf(r->arena, "%d month%s", months, months == 1 ? "" : "s");
	return arena_printf(r->arena, "%d day%s", days, days == 1 ? "" : "s");
}

/* Why the threshold is met, in words: "3 complaints in 6 months", or the
 * local condition that met it. */
static const char *
threshold_words(struct req *r, const struct flag_victim_view *v)
{
	switch (v->met) {
	case CR_MET_HATE:
		return arena_printf(r->arena, "a hate-motivated complaint in %s",
		    case_review_window_words(r));
	case CR_MET_SEVERAL:
		return arena_printf(r->arena, "reports from several people in %s",
		    case_review_window_words(r));
	default:
		return arena_printf(r->arena, "%d complaints in %s", v->complaints,
		    case_review_window_words(r));
	}
}

static const char *
victim_name(const struct flag_victim_view *v)
{
	return v->name != NULL && *v->name != '\0' ? v->name : "the victim";
}

/* The how radios, with the one chosen (or none) checked. */
static int
hows_dict(struct view_dict *d, const char *chosen, long long person_id)
{
	struct view_dict *o;
	char id[64];
	size_t i;

	for (i = 0; i < NHOWS; i++) {
		if ((o = view_section(d, "HOW")) == NULL)
			return -1;
		if (i == 0)
			snprintf(id, sizeof(id), "case-review-%lld-how", person_id);
		else
			snprintf(id, sizeof(id), "case-review-%lld-how-%s", person_id,
			    hows[i].value);
		if (view_set(o, "ID", id) == -1 || view_set(o, "VALUE", hows[i].value) == -1 ||
		    view_set(o, "LABEL", hows[i].label) == -1)
			return -1;
		if (chosen != NULL && strcmp(chosen, hows[i].value) == 0 &&
		    view_show(o, "CHECKED") == -1)
			return -1;
	}
	return 0;
}

/* What the form typed and what is wrong with it, for the block. */
struct told_form {
	const char	*how, *note;
	const char	*how_error, *note_error;
	int		 own_page;	/* the page's heading says who: none here */
};

/* One victim's block (case_review_block.tpl, included in section
 * CASE_REVIEW of `d`): the prompt and its form, who told them and when,
 * the threshold. -1 when out of memory. */
static int
victim_dict(struct req *r, struct view_dict *d, const struct flag_victim_view *v,
    const char *reference, long long version, const struct told_form *f,
    int can_update)
{
	const char *name = victim_name(v);
	struct view_dict *s, *e;

	if ((s = view_section(d, "CASE_REVIEW")) == NULL ||
	    (s = view_include(s, "CASE_REVIEW_BLOCK", "case_review_block.tpl")) == NULL)
		return -1;
	if (view_set_int(s, "PERSON_ID", (long)v->person_id) == -1 ||
	    view_set(s, "NAME", name) == -1 ||
	    view_set(s, "REFERENCE", reference) == -1 ||
	    view_set_int(s, "VERSION", (long)version) == -1 ||
	    view_set_int(s, "COMPLAINTS", v->complaints) == -1 ||
	    view_set(s, "WINDOW", case_review_window_words(r)) == -1 ||
	    view_set(s, "NOTE", f->note != NULL ? f->note : "") == -1)
		return -1;
	if (f->how_error != NULL && ((e = view_section(s, "HOW_ERROR")) == NULL ||
	    view_set(e, "MESSAGE", f->how_error) == -1))
		return -1;
	if (f->note_error != NULL && ((e = view_section(s, "NOTE_ERROR")) == NULL ||
	    view_set(e, "MESSAGE", f->note_error) == -1))
		return -1;
	if (v->state == CASE_REVIEW_THRESHOLD && ((e = view_section(s, "THRESHOLD")) == NULL ||
	    view_set(e, "BECAUSE", threshold_words(r, v)) == -1))
		return -1;
	if (v->told) {
		struct view_dict *t = view_section(s, "TOLD");

		return t == NULL || view_set(t, "TOLD_AT", v->told_at) == -1 ||
		    view_set(t, "TOLD_BY", v->told_by != NULL && *v->told_by != '\0' ?
		    v->told_by : "a member of staff") == -1 ? -1 : 0;
	}
	if (view_show(s, "NOT_TOLD") == -1 ||
	    (!f->own_page && view_show(s, "HEADING") == -1))
		return -1;
	if (can_update && (view_show(s, "ASK") == -1 ||
	    hows_dict(s, f->how, v->person_id) == -1))
		return -1;
	return 0;
}

/* Fills section CASE_REVIEW of the incident page, once per victim the
 * prompt or the threshold applies to. 0, or -1 when out of memory. */
int
case_review_dict(struct req *r, struct view_dict *d, const struct incident_flags *fl,
    const char *reference, long long version)
{
	int can = perm_has(r->actor.perms, PERM_INCIDENT_UPDATE);
	struct told_form none = {0};
	size_t i;

	for (i = 0; fl != NULL && i < fl->nvictims; i++)
		if (fl->victims[i].state != CASE_REVIEW_NONE &&
		    victim_dict(r, d, &fl->victims[i], reference, version, &none, can) == -1)
			return -1;
	return 0;
}

/* The form again on its own page, with what is wrong and what was typed. */
static void
case_review_form_page(struct req *r, int status, const struct incident *in,
    const struct flag_victim_view *v, const struct told_form *f,
    const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r);

	if (d == NULL || form_errors_dict(d, errs) == -1 ||
	    view_set(d, "REFERENCE", in->reference) == -1 ||
	    view_set(d, "NAME", victim_name(v)) == -1 ||
	    victim_dict(r, d, v, in->reference, in->version, f, 1) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "case_review.tpl", form_title(r, errs,
	    arena_printf(r->arena, "Tell %s about the ASB Case Review", victim_name(v))), d);
}

static int
how_valid(const char *how)
{
	size_t i;

	for (i = 0; how != NULL && i < NHOWS; i++)
		if (strcmp(how, hows[i].value) == 0)
			return 1;
	return 0;
}

/* The victim of this incident the form names, or NULL. */
static const struct flag_victim_view *
victim_find(const struct incident_flags *fl, const char *person)
{
	char *end;
	long long id;
	size_t i;

	if (person == NULL || *person == '\0')
		return NULL;
	id = strtoll(person, &end, 10);
	if (*end != '\0' || id <= 0)
		return NULL;
	for (i = 0; i < fl->nvictims; i++)
		if (fl->victims[i].person_id == id)
			return &fl->victims[i];
	return NULL;
}

/* POST /staff/incidents/{ref}/case-review: staff told a victim about the
 * ASB Case Review. 303 back to the incident; 400 with the form, the
 * problems and what was typed when how is missing or the note too long;
 * 404 for an incident the actor may not see or a person not a victim in
 * it. */
void
case_review_post(struct req *r)
{
	struct form_errors errs = {0};
	struct told_form f = { .own_page = 1 };
	struct incident_flags fl;
	struct incident in;
	const struct flag_victim_view *v;
	const char *ref = req_param(r, "ref"), *field;

	/* The telling is audited; reading the incident for it is not a view. */
	switch (incident_find(r->pg, r->arena, &r->actor, ref, &in)) {
	case INCIDENT_OK:
		break;
	case INCIDENT_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
	if (flags_load(r->pg, r->arena, r->cfg, &r->actor, in.id, &fl) == -1)
		return page_error(r, 503, NULL);
	if ((v = victim_find(&fl, req_form(r, "person"))) == NULL)
		return page_error(r, 404, "That person is not a victim in this incident.");
	/* The fields in the order the form has them: how, then the note. */
	if ((f.how = req_form(r, "how")) == NULL || !how_valid(f.how)) {
		f.how = NULL;
		f.how_error = "Select how you told them about the ASB Case Review";
		if ((field = arena_printf(r->arena, "case-review-%lld-how",
		    v->person_id)) == NULL)
			return page_error(r, 500, NULL);
		form_error(&errs, field, f.how_error);
	}
	if ((field = arena_printf(r->arena, "case-review-%lld-note", v->person_id)) == NULL ||
	    (f.note = form_long_text(r, "note", CASE_REVIEW_NOTE_MAX, &errs, field, NULL,
	    "Note must be 2,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0 && strcmp(errs.e[errs.n - 1].field, field) == 0)
		f.note_error = errs.e[errs.n - 1].message;
	if (errs.n > 0)
		return case_review_form_page(r, 400, &in, v, &f, &errs);
	switch (case_review_told(r->pg, &r->actor, ref, v->person_id, f.how, f.note)) {
	case 1:
		page_flash(r, arena_printf(r->arena, "Recorded that %s was told about "
		    "the ASB Case Review.", victim_name(v)));
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/incidents/%s", ref));
	case 0:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}
