/* A case's overview (/staff/cases/{ref}) and its History tab: people
 * (through case_people) with each victim's risk assessment state in red
 * when not current, places, linked incidents, the link suggestions, the
 * agencies working it and the victims' consent, and the forms that change
 * them (pages/case_forms.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case_core.h"
#include "domain/history.h"
#include "http/request.h"
#include "pages/case_page.h"
#include "pages/case_view_page.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/history.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The form fields shown again as typed after a 400, as F_<NAME>. */
static const char *const typed_fields[] = {
	"incident", "reason", "person", "role", "group", "label", "address", "postcode",
	"lat", "lon", "radius", "agency", "lead", "outcome", "note", "told-day",
	"told-month", "told-year", "told-how", "told-what", "public-reason",
	"reopen-reason",
};

static const struct choice role_words[] = {
	{ "victim", "Victim" }, { "subject", "Subject" }, { "witness", "Witness" },
};
static const struct choice why_words[] = {
	{ "person", "A person on this case is in it" },
	{ "place", "It happened at one of this case's places" },
};
const struct choice case_told_hows[] = {
	{ "phone", "By phone" }, { "email", "By email" }, { "letter", "By letter" },
	{ "in_person", "In person" }, { "text_message", "By text message" },
};
const size_t case_told_hows_n = NCHOICES(case_told_hows);

static int
typed_dict(struct req *r, struct view_dict *d)
{
	char key[40];
	const char *v;
	size_t i, k;

	for (i = 0; i < NCHOICES(typed_fields); i++) {
		if ((v = req_form(r, typed_fields[i])) == NULL)
			continue;
		snprintf(key, sizeof(key), "F_%s", typed_fields[i]);
		for (k = 0; key[k] != '\0'; k++)
			key[k] = key[k] == '-' ? '_' : (char)(key[k] >= 'a' && key[k] <= 'z' ?
			    key[k] - 'a' + 'A' : key[k]);
		if (view_set(d, key, v) == -1)
			return -1;
	}
	return 0;
}

/* The name of the named group whose case_person id is `id`. */
static const char *
group_name(const struct case_table *t, const char *id)
{
	int i;

	for (i = 0; i < t->rows; i++)
		if (strcmp(case_cell(t, i, 0), id) == 0)
			return case_cell(t, i, 6);
	return "a group";
}

/* One person row. */
static int
person_dict(struct view_dict *d, const struct case_table *t, int i)
{
	const char *role = case_cell(t, i, 2), *risk = case_cell(t, i, 12), *details;
	struct view_dict *row;
	int shown = case_cell(t, i, 5)[0] == 't';

	details = shown ? case_cell(t, i, 7) : "";
	if ((row = view_section(d, "PERSON")) == NULL ||
	    view_set(row, "NAME", case_cell(t, i, 6)) == -1 ||
	    view_set(row, "ROLE", *case_cell(t, i, 3) != '\0' ? "Named group" :
	        choice_label(role_words, NCHOICES(role_words), role)) == -1 ||
	    view_set(row, "PHONE", details) == -1 ||
	    view_set(row, "EMAIL", shown ? case_cell(t, i, 8) : "") == -1 ||
	    view_set(row, "ADDRESS", shown ? case_cell(t, i, 9) : "") == -1)
		return -1;
	if (shown && view_set(view_section(row, "LINK"), "ID", case_cell(t, i, 1)) == -1)
		return -1;
	if (strcmp(case_cell(t, i, 4), "0") != 0 &&
	    view_set(view_section(row, "MEMBER"), "GROUP", group_name(t, case_cell(t, i, 4))) == -1)
		return -1;
	if (!shown && *case_cell(t, i, 3) == '\0' && view_show(row, "WITHHELD") == -1)
		return -1;
	if (case_cell(t, i, 11)[0] == 't' && view_show(row, "VULNERABLE") == -1)
		return -1;
	if (strcmp(risk, "current") == 0)
		return view_show(row, "RISK_CURRENT");
	if (strcmp(risk, "overdue") == 0)
		return view_show(row, "RISK_OVERDUE");
	if (strcmp(risk, "none") == 0)
		return view_show(row, "RISK_NONE");
	return 0;
}

static int
people_dict(struct view_dict *d, const struct case_overview *ov, const struct form_errors *errs)
{
	struct view_dict *s;
	const struct case_table *t = &ov->people;
	char id[48];
	size_t e;
	int i;

	for (i = 0; i < t->rows; i++) {
		if (person_dict(d, t, i) == -1)
			return -1;
		if (strcmp(case_cell(t, i, 2), "subject") == 0 && *case_cell(t, i, 3) == '\0' &&
		    ((s = view_section(d, "SUBJECT")) == NULL ||
		    view_set(s, "ID", case_cell(t, i, 0)) == -1 ||
		    view_set(s, "NAME", case_cell(t, i, 6)) == -1))
			return -1;
		if (strcmp(case_cell(t, i, 2), "victim") != 0 || *case_cell(t, i, 1) == '0')
			continue;
		if ((s = view_section(d, "VICTIM_ASK")) == NULL ||
		    view_set(s, "PERSON_ID", case_cell(t, i, 1)) == -1 ||
		    view_set(s, "NAME", case_cell(t, i, 6)) == -1)
			return -1;
		snprintf(id, sizeof(id), "consent-%s", case_cell(t, i, 1));
		for (e = 0; errs != NULL && e < errs->n; e++)
			if (strcmp(errs->e[e].field, id) == 0 &&
			    view_set(view_section(s, "CONSENT_ERROR"), "MESSAGE",
			    errs->e[e].message) == -1)
				return -1;
	}
	return 0;
}

static int
point_dict(struct view_dict *row, const struct case_table *t, int i)
{
	struct view_dict *s = view_section(row, "POINT");

	return s == NULL || view_set(s, "LAT", case_cell(t, i, 5)) == -1 ||
	    view_set(s, "LON", case_cell(t, i, 6)) == -1 ? -1 : 0;
}

static int
rows_dict(struct view_dict *d, const struct case_overview *ov)
{
	struct view_dict *s;
	int i;

	for (i = 0; i < ov->places.rows; i++)
		if ((s = view_section(d, "PLACE")) == NULL ||
		    view_set(s, "LABEL", case_cell(&ov->places, i, 1)) == -1 ||
		    view_set(s, "ADDRESS", case_cell(&ov->places, i, 2)) == -1 ||
		    view_set(s, "POSTCODE", case_cell(&ov->places, i, 3)) == -1 ||
		    view_set(s, "RADIUS", case_cell(&ov->places, i, 4)) == -1 ||
		    (*case_cell(&ov->places, i, 5) != '\0' && point_dict(s, &ov->places, i) == -1))
			return -1;
	for (i = 0; i < ov->incidents.rows; i++)
		if ((s = view_section(d, "INCIDENT")) == NULL ||
		    view_set(s, "REF", case_cell(&ov->incidents, i, 0)) == -1 ||
		    view_set(s, "TYPE", case_cell(&ov->incidents, i, 1)) == -1 ||
		    view_set(s, "DATE", case_cell(&ov->incidents, i, 2)) == -1 ||
		    view_set(s, "STATUS", status_label(case_cell(&ov->incidents, i, 3))) == -1 ||
		    view_set(s, "RISK", *case_cell(&ov->incidents, i, 4) != '\0' ?
		        risk_label(case_cell(&ov->incidents, i, 4)) : "Not assessed") == -1)
			return -1;
	for (i = 0; i < ov->suggestions.rows; i++)
		if ((s = view_section(d, "SUGGESTION")) == NULL ||
		    view_set(s, "REF", case_cell(&ov->suggestions, i, 0)) == -1 ||
		    view_set(s, "TYPE", case_cell(&ov->suggestions, i, 1)) == -1 ||
		    view_set(s, "DATE", case_cell(&ov->suggestions, i, 2)) == -1 ||
		    view_set(s, "WHY", choice_label(why_words, NCHOICES(why_words),
		        case_cell(&ov->suggestions, i, 3))) == -1)
			return -1;
	if (ov->suggestions.rows == 0 && view_show(d, "NO_SUGGESTIONS") == -1)
		return -1;
	return 0;
}

static int
agencies_dict(struct view_dict *d, const struct case_overview *ov, const char *chosen)
{
	struct view_dict *s;
	int i;

	for (i = 0; i < ov->agencies.rows; i++) {
		if ((s = view_section(d, "AGENCY")) == NULL ||
		    view_set(s, "ID", case_cell(&ov->agencies, i, 0)) == -1 ||
		    view_set(s, "NAME", case_cell(&ov->agencies, i, 1)) == -1 ||
		    view_set(s, "ADDED", case_cell(&ov->agencies, i, 2)) == -1)
			return -1;
		if (ov->h.lead && view_show(s, "REMOVE") == -1)
			return -1;
	}
	for (i = 0; i < ov->consent.rows; i++)
		if ((s = view_section(d, "CONSENT")) == NULL ||
		    view_set(s, "VICTIM", case_cell(&ov->consent, i, 0)) == -1 ||
		    view_set(s, "AGENCY", case_cell(&ov->consent, i, 1)) == -1 ||
		    view_set(s, "ANSWER", case_cell(&ov->consent, i, 2)[0] == 't' ? "Yes" :
		        "No") == -1 ||
		    view_set(s, "HOW", case_cell(&ov->consent, i, 3)) == -1 ||
		    view_set(s, "WHEN", case_cell(&ov->consent, i, 4)) == -1)
			return -1;
	if (!ov->h.lead || ov->addable.rows == 0)
		return 0;
	if ((s = view_section(d, "ADD_AGENCY")) == NULL)
		return -1;
	for (i = 0; i < ov->addable.rows; i++) {
		struct view_dict *o = view_section(s, "ADDABLE");

		if (o == NULL || view_set(o, "ID", case_cell(&ov->addable, i, 0)) == -1 ||
		    view_set(o, "NAME", case_cell(&ov->addable, i, 1)) == -1 ||
		    (chosen != NULL && strcmp(chosen, case_cell(&ov->addable, i, 0)) == 0 &&
		    view_show(o, "SELECTED") == -1))
			return -1;
	}
	return 0;
}

static int
lead_dict(struct view_dict *d, const struct case_overview *ov)
{
	struct view_dict *s, *o;
	char me[24];
	int i;

	if (!ov->h.lead || strcmp(ov->h.status, "open") != 0)
		return 0;
	snprintf(me, sizeof(me), "%lld", ov->h.lead_user_id);
	if ((s = view_section(d, "LEAD_FORM")) == NULL)
		return -1;
	for (i = 0; i < ov->officers.rows; i++)
		if ((o = view_section(s, "OFFICER")) == NULL ||
		    view_set(o, "ID", case_cell(&ov->officers, i, 0)) == -1 ||
		    view_set(o, "NAME", case_cell(&ov->officers, i, 1)) == -1 ||
		    (strcmp(me, case_cell(&ov->officers, i, 0)) == 0 &&
		    view_show(o, "SELECTED") == -1))
			return -1;
	return 0;
}

static int
closure_dict(struct req *r, struct view_dict *d, const struct case_overview *ov)
{
	struct view_dict *s;
	size_t k;
	int i;

	for (i = 0; i < ov->closures.rows; i++)
		if ((s = view_section(d, "CLOSURE")) == NULL ||
		    view_set(s, "CLOSED", case_cell(&ov->closures, i, 0)) == -1 ||
		    view_set(s, "OUTCOME", case_outcome_label(case_cell(&ov->closures, i, 1))) == -1 ||
		    view_set(s, "NOTE", case_cell(&ov->closures, i, 2)) == -1 ||
		    view_set(s, "TOLD_ON", *case_cell(&ov->closures, i, 3) != '\0' ?
		        case_cell(&ov->closures, i, 3) : "Not recorded") == -1 ||
		    view_set(s, "TOLD_HOW", choice_label(case_told_hows, case_told_hows_n,
		        case_cell(&ov->closures, i, 4))) == -1 ||
		    view_set(s, "TOLD_WHAT", case_cell(&ov->closures, i, 5)) == -1 ||
		    view_set(s, "PUBLIC_REASON", case_cell(&ov->closures, i, 6)) == -1 ||
		    (*case_cell(&ov->closures, i, 7) != '\0' &&
		    view_set(view_section(s, "REOPENED"), "WHEN",
		        case_cell(&ov->closures, i, 7)) == -1))
			return -1;
	if (strcmp(ov->h.status, "open") != 0)
		return view_show(d, "REOPEN_FORM");
	if ((s = view_section(d, "CLOSE_FORM")) == NULL)
		return -1;
	for (k = 0; k < case_outcomes_n; k++) {
		struct view_dict *o = view_section(s, "OUTCOME_OPTION");
		const char *chosen = req_form(r, "outcome");

		if (o == NULL || view_set(o, "VALUE", case_outcomes[k].code) == -1 ||
		    view_set(o, "LABEL", case_outcomes[k].label) == -1 ||
		    (chosen != NULL && strcmp(chosen, case_outcomes[k].code) == 0 &&
		    view_show(o, "SELECTED") == -1))
			return -1;
	}
	return options_dict(s, "HOW_OPTION", case_told_hows, case_told_hows_n,
	    req_form(r, "told-how") != NULL ? req_form(r, "told-how") : "");
}

void
case_overview_render(struct req *r, int status, const struct form_errors *errs)
{
	struct form_errors none = {0};
	struct case_overview ov;
	struct view_dict *d;

	switch (case_overview_view(r->pg, r->arena, &r->actor, req_param(r, "ref"), &ov)) {
	case CASE_OK:
		break;
	case CASE_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
	if (errs == NULL)
		errs = &none;
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (case_page_head(r, d, &ov.h, CASE_TAB_OVERVIEW) == -1 ||
	    form_errors_dict(d, errs) == -1 || form_date_parts_dict(d, "told", errs) == -1 ||
	    view_set(d, "REFERENCE", ov.h.reference) == -1 ||
	    view_set_int(d, "VERSION", (long)ov.h.version) == -1 ||
	    view_set(d, "LEAD_AGENCY", ov.h.lead_agency) == -1 ||
	    (ov.red && view_show(d, "RED") == -1) ||
	    (strcmp(ov.h.status, "open") == 0 && view_show(d, "OPEN") == -1) ||
	    (status != 200 && typed_dict(r, d) == -1) ||
	    people_dict(d, &ov, errs) == -1 || rows_dict(d, &ov) == -1 ||
	    agencies_dict(d, &ov, req_form(r, "agency")) == -1 || lead_dict(d, &ov) == -1 ||
	    closure_dict(r, d, &ov) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "case_view.tpl", form_title(r, errs,
	    arena_printf(r->arena, "%s: %s", ov.h.reference, ov.h.title)), d);
}

/* GET /staff/cases/{ref} */
void
case_view_get(struct req *r)
{
	case_overview_render(r, 200, NULL);
}

/* GET /staff/cases/{ref}/history: the case's audit rows. */
void
case_history_get(struct req *r)
{
	struct history_cursor cur;
	struct history_page pg;
	struct case_head h;
	struct view_dict *d, *s;
	const char *id;

	if (case_page_load(r, &h) != 0)
		return;
	history_cursor_read(r, &cur);
	if ((id = arena_printf(r->arena, "%lld", h.id)) == NULL ||
	    history_of_record(r->pg, r->arena, &r->actor, "monitored_case", id, &cur, &pg) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL || (s = view_section(d, "CASE_HISTORY")) == NULL ||
	    case_page_head(r, s, &h, CASE_TAB_HISTORY) == -1 ||
	    history_dict(r, d, &pg, r->path, 0) == -1) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "history.tpl", arena_printf(r->arena, "History of %s",
	    h.reference), d);
}
