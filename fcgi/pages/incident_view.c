/* The incident page, the record everyone works from: what happened, where
 * and to whom, its flags and risk, linked incidents, evidence, one
 * timeline of everything done to it, and the forms that change it
 * (updates, status, asking to close, links). Every form carries the
 * incident's version and the time the page was made: a form sent after
 * someone else changed the incident is refused with 409, and the page says
 * what changed and keeps what was typed.
 * What an agency may see is decided by the domain (and PostgreSQL); a
 * record one may not see is a 404, exactly like one that does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "domain/evidence.h"
#include "domain/flag_store.h"
#include "domain/incident.h"
#include "domain/incident_detail.h"
#include "domain/incident_link.h"
#include "domain/incident_status.h"
#include "domain/incident_update.h"
#include "domain/timeline.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/evidence_words.h"
#include "pages/form.h"
#include "pages/history.h"
#include "pages/incident_page.h"
#include "pages/layout.h"
#include "pages/map.h"
#include "pages/pages.h"
#include "pages/queue_page.h"
#include "pages/reports.h"
#include "view/view.h"

static const struct choice nsir_labels[] = {
	{ "personal", "Personal" },
	{ "nuisance", "Nuisance" },
	{ "environmental", "Environmental" },
};

static const struct choice role_labels[] = {
	{ "victim", "Victim" },
	{ "witness", "Witness" },
	{ "reporter", "Reporter" },
	{ "subject", "Subject" },
};

static const struct choice how_labels[] = {
	{ "phone", "by phone" }, { "email", "by email" },
	{ "letter", "by letter" }, { "in_person", "in person" },
};

/* Adds one `section` (with TEXT) per paragraph of text, as a line break
 * typed into a textarea starts a new paragraph; the staff page and the
 * tracking page show updates this way. Returns 0 or -1. */
int
text_paragraphs_dict(struct arena *a, struct view_dict *d, const char *section,
    const char *text)
{
	struct view_dict *p;
	const char *e;
	char *line;

	for (; text != NULL && *text != '\0'; text = *e != '\0' ? e + 1 : e) {
		e = text + strcspn(text, "\n");
		if (e == text)
			continue;
		if ((p = view_section(d, section)) == NULL ||
		    (line = arena_strndup(a, text, (size_t)(e - text))) == NULL ||
		    view_set(p, "TEXT", line) == -1)
			return -1;
	}
	return 0;
}

/* ---- the top of the page ---- */

/* When it happened: the time (or times), or how often it keeps happening. */
static const char *
occurred_words(struct arena *a, const struct incident_detail *dt)
{
	if (*dt->how_often != '\0')
		return arena_printf(a, "It keeps happening, %s%s%s",
		    choice_label(often_labels, often_labels_n, dt->how_often),
		    *dt->times_of_day != '\0' ? ", in the " : "", dt->times_of_day);
	if (*dt->occurred == '\0')
		return "Not given";
	if (*dt->occurred_to != '\0')
		return arena_printf(a, "From %s to %s", dt->occurred, dt->occurred_to);
	return dt->occurred;
}

/* The address lines, the postcode and (with a tile server) the map; with
 * no point, that the place is still to confirm. */
static int
place_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const struct incident_detail *dt)
{
	const struct config *cfg = r->cfg;
	const char *lines[] = { in->address, in->postcode };
	struct view_dict *s;
	size_t i, n = 0;

	for (i = 0; i < NCHOICES(lines); i++) {
		if (*lines[i] == '\0')
			continue;
		if ((s = view_section(d, "PLACE_LINE")) == NULL ||
		    view_set(s, "TEXT", lines[i]) == -1)
			return -1;
		n++;
	}
	if (dt->has_point && ((s = view_section(d, "PLACE_LINE")) == NULL ||
	    view_set(s, "TEXT", arena_printf(r->arena, "Marked on the map at %.5f, %.5f",
	    dt->lat, dt->lon)) == -1))
		return -1;
	if (n == 0 && !dt->has_point && view_show(d, "NO_PLACE") == -1)
		return -1;
	if (in->location_to_confirm && view_show(d, "TO_CONFIRM") == -1)
		return -1;
	if (!dt->has_point || cfg == NULL || cfg->map_tile_url[0] == '\0')
		return 0;
	if ((s = view_section(d, "MAP")) == NULL ||
	    view_set(s, "MAP_TILES", cfg->map_tile_url) == -1 ||
	    view_set(s, "MAP_ATTRIBUTION", cfg->map_attribution) == -1 ||
	    view_set(s, "MAP_LON", arena_printf(r->arena, "%.6f", dt->lon)) == -1 ||
	    view_set(s, "MAP_LAT", arena_printf(r->arena, "%.6f", dt->lat)) == -1 ||
	    view_set_int(s, "MAP_ZOOM", cfg->map_zoom > 16 ? cfg->map_zoom : 16) == -1)
		return -1;
	return 0;
}

static const char *
or_none(const char *v, const char *none)
{
	return v != NULL && *v != '\0' ? v : none;
}

static int
summary_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const struct incident_detail *dt)
{
	return incident_fields(d, in) == -1 ||
	    view_set(d, "INCIDENT", in->reference) == -1 ||
	    view_set(d, "NSIR", *dt->nsir != '\0' ?
	        choice_label(nsir_labels, NCHOICES(nsir_labels), dt->nsir) :
	        "Not recorded") == -1 ||
	    view_set(d, "OCCURRED", occurred_words(r->arena, dt)) == -1 ||
	    view_set(d, "BEAT", or_none(dt->beat, "Not known")) == -1 ||
	    view_set(d, "AREA", or_none(dt->area, "Not known")) == -1 ||
	    view_set(d, "TEAM", or_none(dt->team, "Not allocated")) == -1 ||
	    view_set(d, "LOG_NUMBER", or_none(dt->log_number, "None")) == -1 ||
	    view_set(d, "OFFICER", or_none(dt->officer, "Not assigned")) == -1 ||
	    place_dict(r, d, in, dt) == -1 ? -1 : 0;
}

/* The flags as tags, then the Case Review prompt (pages/case_review.c). */
static int
flags_dict(struct req *r, struct view_dict *d, const struct incident *in)
{
	struct incident_flags fl;

	if (flags_load(r->pg, r->arena, r->cfg, &r->actor, in->id, &fl) == -1 ||
	    incident_flags_dict(d, fl.bits) == -1 ||
	    (fl.bits == 0 && view_show(d, "NO_FLAGS") == -1))
		return -1;
	return case_review_dict(r, d, &fl, in->reference, in->version) == -1 ||
	    case_incident_dict(r, d, in, &fl) == -1 ? -1 : 0;
}

/* The latest assessment; else the provisional level, marked so; and when
 * an assessment is awaited, by when. */
static int
risk_dict(struct view_dict *d, const struct incident_detail *dt)
{
	struct view_dict *s;

	if (*dt->risk_level == '\0') {
		if (view_show(d, "NOT_ASSESSED") == -1)
			return -1;
	} else if ((s = view_section(d, "RISK")) == NULL ||
	    view_set(s, "LEVEL", risk_label(dt->risk_level)) == -1 ||
	    view_set_int(s, "SCORE", dt->risk_score) == -1 ||
	    view_show(s, strcmp(dt->risk_level, "high") == 0 ? "HIGH" :
	        strcmp(dt->risk_level, "medium") == 0 ? "MEDIUM" : "STANDARD") == -1 ||
	    (!dt->assessed && view_show(s, "PROVISIONAL") == -1))
		return -1;
	if (*dt->assessment_due != '\0' &&
	    view_set(view_section(d, "DUE"), "WHEN", dt->assessment_due) == -1)
		return -1;
	return 0;
}

/* Who closed it, when, why and with what outcome; or a request to close. */
static int
closure_dict(struct view_dict *d, const struct incident *in,
    const struct incident_detail *dt)
{
	struct view_dict *s;

	if (strcmp(in->status, "closed") == 0 && *dt->closed_at != '\0') {
		if ((s = view_section(d, "CLOSURE")) == NULL ||
		    view_set(s, "WHEN", dt->closed_at) == -1 ||
		    view_set(s, "OUTCOME", incident_outcome_label(dt->outcome)) == -1 ||
		    view_set(s, "REASON", dt->closure_reason) == -1 ||
		    (*dt->closed_by != '\0' &&
		    view_set(view_section(s, "BY"), "NAME", dt->closed_by) == -1))
			return -1;
		return 0;
	}
	if (*dt->close_requested_at != '\0' &&
	    ((s = view_section(d, "CLOSE_REQUESTED")) == NULL ||
	    view_set(s, "WHEN", dt->close_requested_at) == -1 ||
	    view_set(s, "BY", or_none(dt->close_requested_by, "Someone")) == -1 ||
	    view_set(s, "REASON", dt->close_request_reason) == -1))
		return -1;
	return 0;
}

static int
answers_people_dict(struct view_dict *d, const struct incident_detail *dt)
{
	struct view_dict *s, *row;
	size_t i;

	if (dt->nanswers == 0 && view_show(d, "NO_ANSWERS") == -1)
		return -1;
	for (i = 0, s = NULL; i < dt->nanswers; i++)
		if ((s == NULL && (s = view_section(d, "ANSWERS")) == NULL) ||
		    (row = view_section(s, "ANSWER")) == NULL ||
		    view_set(row, "QUESTION", dt->answers[i].question) == -1 ||
		    view_set(row, "VALUE", dt->answers[i].answer) == -1)
			return -1;
	if (dt->npeople == 0 && view_show(d, "NO_PEOPLE") == -1)
		return -1;
	for (i = 0, s = NULL; i < dt->npeople; i++)
		if ((s == NULL && (s = view_section(d, "PEOPLE")) == NULL) ||
		    (row = view_section(s, "PERSON")) == NULL ||
		    (dt->people[i].visible ? view_set_int(view_section(row, "LINK"), "ID",
		        (long)dt->people[i].person_id) : view_show(row, "HIDDEN")) == -1 ||
		    view_set(row, "NAME", !dt->people[i].visible ?
		        "Not shared with your agency" :
		        or_none(dt->people[i].name, "Name not recorded")) == -1 ||
		    view_set(row, "ROLE", choice_label(role_labels, NCHOICES(role_labels),
		        dt->people[i].role)) == -1)
			return -1;
	return 0;
}

static int
links_dict(struct req *r, struct view_dict *d, const struct incident_detail *dt)
{
	int can = perm_has(r->actor.perms, PERM_INCIDENT_UPDATE);
	const struct incident_linked *l = dt->links;
	struct view_dict *s = NULL, *row;
	size_t n = dt->nlinks, i;

	if (n == 0)
		return view_show(d, "NO_LINKS");
	for (i = 0; i < n; i++) {
		if ((s == NULL && (s = view_section(d, "LINKS")) == NULL) ||
		    (row = view_section(s, "LINKED")) == NULL ||
		    view_set(row, "REFERENCE", l[i].reference) == -1 ||
		    view_set(row, "TYPE", l[i].type) == -1 ||
		    view_set(row, "STATUS", status_label(l[i].status)) == -1 ||
		    view_set(row, "WHEN", l[i].at) == -1 ||
		    (*l[i].by != '\0' &&
		    view_set(view_section(row, "BY"), "NAME", l[i].by) == -1) ||
		    (*l[i].reason != '\0' &&
		    view_set(view_section(row, "WHY"), "TEXT", l[i].reason) == -1) ||
		    (can && view_show(row, "CAN_UNLINK") == -1))
			return -1;
	}
	return 0;
}

/* Every file of the incident, with the report it came with or marked as
 * added by staff; links only for a role that may open evidence. */
static int
evidence_dict(struct req *r, struct view_dict *d, const struct incident *in)
{
	int may_open = perm_has(r->actor.perms, PERM_EVIDENCE_VIEW);
	struct evidence_item *f;
	struct view_dict *s = NULL, *row;
	size_t n, i;

	if (view_set_int(d, "UPLOAD_MB", r->cfg != NULL ?
	    (long)(r->cfg->upload_max / (1000 * 1000)) : 20) == -1 ||
	    evidence_of_incident(r->pg, r->arena, &r->actor, in->id, &f, &n) == -1)
		return -1;
	if (n == 0)
		return view_show(d, "NO_FILES");
	for (i = 0; i < n; i++) {
		if ((s == NULL && ((s = view_section(d, "FILES")) == NULL ||
		    (!may_open && view_show(s, "CANNOT_OPEN") == -1))) ||
		    (row = view_section(s, "FILE")) == NULL ||
		    view_set(row, "NAME", f[i].original_name) == -1 ||
		    view_set(row, "KIND", evidence_kind_words(f[i].category)) == -1 ||
		    view_set(row, "SIZE", evidence_size_words(r->arena, f[i].size)) == -1 ||
		    (may_open && view_set_int(view_section(row, "LINK"), "ID",
		        (long)f[i].id) == -1) ||
		    (!may_open && view_show(row, "NO_LINK") == -1))
			return -1;
		if (*f[i].report_reference != '\0' ?
		    view_set(view_section(row, "WITH_REPORT"), "REPORT",
		    f[i].report_reference) == -1 : view_show(row, "BY_STAFF") == -1)
			return -1;
	}
	return 0;
}

/* ---- the timeline ---- */

/* The heading of one entry, in words. NULL when out of memory. */
static const char *
entry_title(struct arena *a, const struct timeline_entry *e)
{
	switch (e->kind) {
	case TL_CREATED:
		return arena_printf(a, "Incident created, through %s", channel_label(e->a));
	case TL_REPORT:
		return arena_printf(a, "Report received: %s, through %s", e->a,
		    channel_label(e->b));
	case TL_UPDATE:
		return "Update";
	case TL_CALL:
		return *e->b != '\0' ? arena_printf(a, "Call received (log %s)", e->b) :
		    "Call received";
	case TL_RISK:
		return arena_printf(a, "Risk assessed: %s, score %s", risk_label(e->a), e->b);
	case TL_RISK_REVIEW:
		return strcmp(e->a, e->b) == 0 ?
		    arena_printf(a, "Risk reviewed: %s confirmed", risk_label(e->a)) :
		    arena_printf(a, "Risk reviewed: %s changed to %s", risk_label(e->a),
		    risk_label(e->b));
	case TL_STATUS:
		return *e->d != '\0' ?
		    arena_printf(a, "Status changed from %s to %s. Outcome: %s",
		    status_label(e->a), status_label(e->b), incident_outcome_label(e->d)) :
		    arena_printf(a, "Status changed from %s to %s", status_label(e->a),
		    status_label(e->b));
	case TL_LINK:
		return arena_printf(a, "Linked with incident %s", e->a);
	case TL_EVIDENCE:
		return *e->c != '\0' ?
		    arena_printf(a, "Evidence added with report %s: %s (%s)", e->c, e->a,
		    evidence_kind_words(e->b)) :
		    arena_printf(a, "Evidence added: %s (%s)", e->a, evidence_kind_words(e->b));
	case TL_CASE_REVIEW:
		return arena_printf(a, "Victim told about the ASB Case Review, %s",
		    choice_label(how_labels, NCHOICES(how_labels), e->a));
	case TL_CLOSE_REQUEST:
		return "Asked a supervisor to close it";
	case TL_DIARY:
		return "Diary entry from the reporter";
	case TL_QUEUE:
		return queue_event_title(a, e);
	default:
		return "";
	}
}

/* The text under an entry's heading. */
static const char *
entry_text(const struct timeline_entry *e)
{
	switch (e->kind) {
	case TL_UPDATE:
	case TL_CALL:
	case TL_CLOSE_REQUEST:
	case TL_DIARY:
		return e->a;
	case TL_LINK:
	case TL_CASE_REVIEW:
		return e->b;
	case TL_RISK:
	case TL_RISK_REVIEW:
	case TL_STATUS:
	case TL_QUEUE:
		return e->c;
	default:
		return "";
	}
}

static const char *const kind_names[TL__MAX] = {
	"created", "report", "update", "call", "risk", "risk-review", "status",
	"link", "evidence", "case-review", "close-request", "diary", "queue",
};

/* A diary entry's own lines: when it happened, how it affected them and
 * its files ("<id> <name>" a line each), which link to their download
 * for those who may open evidence. */
static int
diary_dict(struct req *r, struct view_dict *s, const struct timeline_entry *e)
{
	int may_open = perm_has(r->actor.perms, PERM_EVIDENCE_VIEW);
	struct view_dict *x, *f;
	const char *line, *end, *sp;

	if ((x = view_section(s, "DIARY_WHEN")) == NULL || view_set(x, "WHEN", e->b) == -1 ||
	    (x = view_section(s, "DIARY")) == NULL)
		return -1;
	if (*e->c != '\0' && ((f = view_section(x, "IMPACT")) == NULL ||
	    text_paragraphs_dict(r->arena, f, "PARAGRAPH", e->c) == -1))
		return -1;
	for (line = e->d; *line != '\0'; line = *end != '\0' ? end + 1 : end) {
		end = line + strcspn(line, "\n");
		if ((sp = memchr(line, ' ', (size_t)(end - line))) == NULL)
			continue;
		if ((f = view_section(x, "FILE")) == NULL ||
		    view_set(f, "NAME", arena_strndup(r->arena, sp + 1,
		    (size_t)(end - sp - 1))) == -1 ||
		    view_set(f, "ID", arena_strndup(r->arena, line, (size_t)(sp - line))) == -1 ||
		    view_show(f, may_open ? "LINK" : "NO_LINK") == -1)
			return -1;
	}
	return 0;
}

static int
timeline_dict(struct req *r, struct view_dict *d, const struct incident_detail *dt)
{
	const struct timeline_entry *e = dt->timeline;
	struct view_dict *s;
	const char *title;
	size_t i;

	for (i = 0; i < dt->ntimeline; i++) {
		if ((title = entry_title(r->arena, &e[i])) == NULL ||
		    (s = view_section(d, "ENTRY")) == NULL ||
		    view_set(s, "KIND", kind_names[e[i].kind]) == -1 ||
		    view_set(s, "WHEN", e[i].when) == -1 ||
		    view_set(s, "TITLE", title) == -1 ||
		    (*e[i].by != '\0' &&
		    view_set(view_section(s, "BY"), "NAME", e[i].by) == -1) ||
		    (e[i].kind == TL_UPDATE &&
		    view_show(s, e[i].shared ? "SHARED" : "INTERNAL") == -1) ||
		    (e[i].kind == TL_DIARY && diary_dict(r, s, &e[i]) == -1) ||
		    text_paragraphs_dict(r->arena, s, "PARAGRAPH", entry_text(&e[i])) == -1)
			return -1;
	}
	return 0;
}

/* After a stale form: what happened since the page it came from. */
static int
stale_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const char *since)
{
	struct timeline_entry *e;
	struct view_dict *s, *c;
	const char *title;
	size_t n = 0, i;

	if ((s = view_section(d, "STALE")) == NULL)
		return -1;
	if (timeline_since_valid(since) &&
	    timeline_of_incident(r->pg, r->arena, &r->actor, in->id, since, &e, &n) == -1)
		return -1;
	if (n == 0)
		return view_show(s, "NO_CHANGE");
	for (i = 0; i < n; i++)
		if ((title = entry_title(r->arena, &e[i])) == NULL ||
		    (c = view_section(s, "CHANGE")) == NULL ||
		    view_set(c, "WHEN", e[i].when) == -1 ||
		    view_set(c, "TITLE", title) == -1 ||
		    (*e[i].by != '\0' &&
		    view_set(view_section(c, "BY"), "NAME", e[i].by) == -1))
			return -1;
	return 0;
}

/* ---- the forms ---- */

/* The status form: the statuses this actor may move it to (no "closed"
 * without incident.close: they may ask a supervisor instead). */
static int
status_form_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const struct incident_detail *dt, const struct incident_forms *f)
{
	perm_set p = r->actor.perms;
	int can_close = perm_has(p, PERM_INCIDENT_CLOSE);
	struct choice *offer;
	struct view_dict *s;
	size_t i, n = 0;

	if (strcmp(in->status, "closed") == 0 && !can_close)
		return view_show(d, "STATUS_LOCKED");
	if ((offer = arena_calloc(r->arena, status_labels_n, sizeof(*offer))) == NULL)
		return -1;
	for (i = 0; i < status_labels_n; i++)
		if (incident_status_may_choose(p, in->status, status_labels[i].value))
			offer[n++] = status_labels[i];
	if ((s = view_section(d, "STATUS_FORM")) == NULL ||
	    view_set(s, "REASON", f->reason != NULL ? f->reason : "") == -1 ||
	    options_dict(s, "STATUS_OPTION", offer, n,
	        f->status != NULL ? f->status : in->status) == -1)
		return -1;
	if (can_close) {
		struct view_dict *c = view_section(s, "CAN_CLOSE");
		struct view_dict *o;

		for (i = 0; c != NULL && i < incident_outcomes_n; i++) {
			if ((o = view_section(c, "OUTCOME_OPTION")) == NULL ||
			    view_set(o, "VALUE", incident_outcomes[i].code) == -1 ||
			    view_set(o, "LABEL", incident_outcomes[i].label) == -1 ||
			    (f->outcome != NULL &&
			    strcmp(f->outcome, incident_outcomes[i].code) == 0 &&
			    view_show(o, "SELECTED") == -1))
				return -1;
		}
		if (c == NULL)
			return -1;
	} else if (strcmp(in->status, "closed") != 0 && *dt->close_requested_at == '\0' &&
	    view_set(view_section(d, "ASK_CLOSE"), "CLOSE_REASON",
	    f->close_reason != NULL ? f->close_reason : "") == -1)
		return -1;
	return 0;
}

/* "Set the location", for an open incident with no point: the longitude
 * and latitude (as typed), and the map picker where there is a map. */
static int
locate_form_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const struct incident_detail *dt, const struct incident_forms *f)
{
	struct view_dict *s;

	if (dt->has_point || strcmp(in->status, "closed") == 0)
		return 0;
	if ((s = view_section(d, "LOCATE_FORM")) == NULL ||
	    view_set(s, "LON", f->lon != NULL ? f->lon : "") == -1 ||
	    view_set(s, "LAT", f->lat != NULL ? f->lat : "") == -1)
		return -1;
	return map_dict(r, s);
}

static int
forms_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const struct incident_detail *dt, const struct incident_forms *f)
{
	if (view_set_int(d, "INCIDENT_VERSION", (long)in->version) == -1 ||
	    view_set(d, "SEEN", dt->seen) == -1)
		return -1;
	if (!perm_has(r->actor.perms, PERM_INCIDENT_UPDATE))
		return 0;
	if (view_show(d, "CAN_UPDATE") == -1 ||
	    view_set(d, "UPDATE_TEXT", f->text != NULL ? f->text : "") == -1 ||
	    view_set(d, "LINK_REF", f->link_ref != NULL ? f->link_ref : "") == -1 ||
	    view_set(d, "LINK_REASON", f->link_reason != NULL ? f->link_reason : "") == -1)
		return -1;
	if (f->shared != NULL &&
	    view_show(d, strcmp(f->shared, "yes") == 0 ? "SHARED_YES" : "SHARED_NO") == -1)
		return -1;
	/* Only where a CAD system follows the incident: elsewhere the choice
	 * would send nothing. */
	if (dt->cad_followed && (view_show(d, "CAD_FOLLOWS") == -1 ||
	    (f->for_cad && view_show(d, "FOR_CAD") == -1)))
		return -1;
	if (locate_form_dict(r, d, in, dt, f) == -1)
		return -1;
	return status_form_dict(r, d, in, dt, f);
}

/* The incident page, with its forms (and their problems and what was
 * typed, if any; after a stale form, what changed). */
void
incident_page(struct req *r, int status, const struct incident *in,
    const struct form_errors *errs, const struct incident_forms *f)
{
	struct incident_detail dt;
	struct view_dict *d;

	if (incident_detail_load(r->pg, r->arena, &r->actor, in->id, &dt) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (summary_dict(r, d, in, &dt) == -1 || flags_dict(r, d, in) == -1 ||
	    risk_dict(d, &dt) == -1 || closure_dict(d, in, &dt) == -1 ||
	    answers_people_dict(d, &dt) == -1 || links_dict(r, d, &dt) == -1 ||
	    evidence_dict(r, d, in) == -1 || incident_queues_dict(r, d, in) == -1 ||
	    timeline_dict(r, d, &dt) == -1 ||
	    reports_of_incident_dict(r, d, in->id) == -1 ||
	    forms_dict(r, d, in, &dt, f) == -1 ||
	    (f->stale && stale_dict(r, d, in, f->stale_since) == -1) ||
	    form_errors_dict(d, errs) == -1)
		goto fail;
	page_render(r, status, "incident_view.tpl",
	    form_title(r, errs, arena_printf(r->arena, "Incident %s", in->reference)), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 503, NULL);
}

/* The page again after a form with problems (status 400) or a stale one
 * (409): the incident as it is now, what was typed kept. */
void
incident_page_again(struct req *r, int status, const struct form_errors *errs,
    const struct incident_forms *f)
{
	struct incident in;

	switch (incident_view(r->pg, r->arena, &r->actor, req_param(r, "ref"), &in)) {
	case INCIDENT_OK:
		return incident_page(r, status, &in, errs, f);
	case INCIDENT_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}

/* A stale form: the message on the field the user was typing in, and the
 * page will list what changed since `seen`. Returns 409. */
int
incident_stale(struct req *r, struct form_errors *errs, struct incident_forms *f,
    const char *field)
{
	form_error(errs, field, "This incident was changed by someone else while you "
	    "were working on it. Check what changed, then send it again");
	f->stale = 1;
	f->stale_since = req_form(r, "seen");
	return 409;
}

/* The version a form was made at, or -1 when it has none (a 400 is sent). */
long long
incident_form_version(struct req *r)
{
	const char *v = req_form(r, "version");
	char *end;
	long long n;

	n = v != NULL && *v != '\0' ? strtoll(v, &end, 10) : -1;
	if (n < 0 || *end != '\0') {
		page_error(r, 400, "The form is missing its version. Reload the page.");
		return -1;
	}
	return n;
}

static void
back_to_incident(struct req *r, const char *flash)
{
	page_flash(r, flash);
	resp_redirect(r, 303, arena_printf(r->arena, "/staff/incidents/%s",
	    req_param(r, "ref")));
}

/* What every form of the page does with the domain's answer: back to the
 * page on success, 404, 409 with what changed (the message on field),
 * 503. Returns the status to show the page again with, or 0 when the
 * response was sent. A handler deals with answers of its own first. */
static int
form_answered(struct req *r, enum incident_result rc, struct form_errors *errs,
    struct incident_forms *f, const char *field, const char *flash)
{
	switch (rc) {
	case INCIDENT_OK:
		back_to_incident(r, flash);
		return 0;
	case INCIDENT_NOT_FOUND:
		page_error(r, 404, NULL);
		return 0;
	case INCIDENT_CONFLICT:
		return incident_stale(r, errs, f, field);
	default:
		page_error(r, 503, NULL);
		return 0;
	}
}

/* GET /staff/incidents/{ref} */
void
incident_view_get(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};

	incident_page_again(r, 200, &errs, &forms);
}

/* Answers a status change: a message on its field for a refusal, else as
 * form_answered. Returns the page's status, or 0 when the response was
 * sent. */
static int
status_refused(struct req *r, enum incident_result rc, struct form_errors *errs,
    struct incident_forms *f)
{
	switch (rc) {
	case INCIDENT_NEEDS_CLOSE:
		page_error(r, 403, "Only a supervisor or manager can close an incident "
		    "or reopen a closed one. Ask a supervisor to close it instead.");
		return 0;
	case INCIDENT_BAD_STATUS:
		form_error(errs, "status", "Select a status from the list");
		return 400;
	case INCIDENT_NEEDS_REASON:
		form_error(errs, "reason", strcmp(f->status, "closed") == 0 ?
		    "Enter why the incident is being closed or reopened" :
		    "Enter why the incident is being reopened or moved back");
		return 400;
	case INCIDENT_NEEDS_OUTCOME:
		form_error(errs, "outcome", "Select the outcome of closing it");
		return 400;
	case INCIDENT_BAD_OUTCOME:
		form_error(errs, "outcome", strcmp(f->status, "closed") == 0 ?
		    "Select an outcome from the list" :
		    "Choose an outcome only when closing the incident");
		return 400;
	case INCIDENT_UNCHANGED:
		return form_answered(r, INCIDENT_OK, errs, f, "status",
		    "No changes: the incident already had that status.");
	default:
		return form_answered(r, rc, errs, f, "status", "Status changed.");
	}
}

/* POST /staff/incidents/{ref}/status: 303 back to the incident; 400 with
 * the form when the status, reason or outcome is missing or wrong; 403
 * without the right to close; 409, with what changed, when someone else
 * changed it first. */
void
incident_status_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	struct status_change c;
	enum incident_result rc;
	long long ver;
	int status;

	if ((ver = incident_form_version(r)) == -1)
		return;
	forms.status = c.status = req_form(r, "status");
	forms.outcome = c.outcome = req_form(r, "outcome");
	if ((forms.reason = c.reason = form_long_text(r, "reason", INCIDENT_REASON_MAX,
	    &errs, "reason", NULL, "Reason must be 2,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (c.status == NULL || !incident_status_valid(c.status)) {
		forms.status = c.status = NULL;
		form_error(&errs, "status", "Select a status");
	}
	if (errs.n > 0)
		return incident_page_again(r, 400, &errs, &forms);
	rc = incident_status_change(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    &c, ver);
	if ((status = status_refused(r, rc, &errs, &forms)) != 0)
		incident_page_again(r, status, &errs, &forms);
}

/* POST /staff/incidents/{ref}/updates: 303 back to the incident; 400 with
 * the form and what was typed when the text or the choice is missing or
 * the text too long; 409, with it kept and what changed, when someone
 * else changed the incident first; 404 for one the actor may not see. */
void
incident_update_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	const char *shared = req_form(r, "shared");
	const char *for_cad = req_form(r, "for_cad");
	long long ver;
	int status = 400;

	if ((ver = incident_form_version(r)) == -1)
		return;
	if ((forms.text = form_long_text(r, "text", INCIDENT_UPDATE_MAX, &errs,
	    "update-text", "Enter the update",
	    "Update must be 2,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (shared == NULL || (strcmp(shared, "yes") != 0 && strcmp(shared, "no") != 0)) {
		shared = NULL;
		form_error(&errs, "update-shared", "Select whether to share this update "
		    "with the people who reported this");
	}
	forms.shared = shared;
	forms.for_cad = for_cad != NULL && strcmp(for_cad, "yes") == 0;
	if (errs.n == 0 && (status = form_answered(r, incident_update_add(r->pg, r->arena,
	    &r->actor, req_param(r, "ref"), forms.text, strcmp(shared, "yes") == 0,
	    forms.for_cad, ver),
	    &errs, &forms, "update-text", strcmp(shared, "yes") == 0 ?
	    "Update added and shared with the people who reported this." :
	    "Update added (for staff only).")) == 0)
		return;
	incident_page_again(r, status, &errs, &forms);
}

/* POST /staff/incidents/{ref}/close-request: a role without
 * incident.close asks a supervisor to close it. 303 back; 400 without a
 * reason; 409 when stale (or already closed); 404 as ever. */
void
incident_close_request_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	enum incident_result rc;
	long long ver;
	int status = 400;

	if ((ver = incident_form_version(r)) == -1)
		return;
	if ((forms.close_reason = form_long_text(r, "reason", INCIDENT_REASON_MAX, &errs,
	    "close-reason", "Enter why the incident can be closed",
	    "Reason must be 2,000 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		rc = incident_close_request(r->pg, r->arena, &r->actor, req_param(r, "ref"),
		    forms.close_reason, ver);
		/* Closed meanwhile: someone else changed it. */
		if ((status = form_answered(r, rc == INCIDENT_IS_CLOSED ? INCIDENT_CONFLICT : rc,
		    &errs, &forms, "close-reason",
		    "Your request to close it was sent to the supervisors.")) == 0)
			return;
	}
	incident_page_again(r, status, &errs, &forms);
}

/* A reference as typed: trimmed, upper case ("asb-2026-000123" works);
 * field and errs NULL for one that is not typed. NULL when out of memory. */
static const char *
reference_typed(struct req *r, const char *name, struct form_errors *errs,
    const char *field)
{
	struct form_errors ignored = {0};
	const char *v;
	char *out, *o;

	v = form_text(r, name, 40, errs != NULL ? errs : &ignored, field,
	    "Enter the reference of the incident to link",
	    "Enter a reference like ASB-2026-000123");
	if (v == NULL || (out = arena_strdup(r->arena, v)) == NULL)
		return NULL;
	for (o = out; *o != '\0'; o++)
		if (*o >= 'a' && *o <= 'z')
			*o = (char)(*o - 'a' + 'A');
	return out;
}

/* POST /staff/incidents/{ref}/links: links another incident. 303 back;
 * 400 when the reference is missing, not one the actor sees, this one or
 * already linked, or the reason is missing or too long; 409 when stale. */
void
incident_link_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	enum incident_result rc;
	long long ver;
	int status = 400;

	if ((ver = incident_form_version(r)) == -1)
		return;
	if ((forms.link_ref = reference_typed(r, "other", &errs, "link-ref")) == NULL ||
	    (forms.link_reason = form_long_text(r, "reason", INCIDENT_LINK_REASON_MAX,
	    &errs, "link-reason", "Enter why the incidents are linked",
	    "Reason must be 500 characters or fewer")) == NULL)
		return page_error(r, 500, NULL);
	if (errs.n == 0) {
		switch ((rc = incident_link_add(r->pg, r->arena, &r->actor, r->cfg,
		    req_param(r, "ref"), forms.link_ref, forms.link_reason, ver))) {
		case INCIDENT_OTHER_NOT_FOUND:
			form_error(&errs, "link-ref", "There is no incident with that "
			    "reference that you can see. Check it, for example ASB-2026-000123");
			break;
		case INCIDENT_SAME:
			form_error(&errs, "link-ref", "Enter the reference of another "
			    "incident, not this one");
			break;
		case INCIDENT_EXISTS:
			form_error(&errs, "link-ref", "That incident is already linked to this one");
			break;
		default:
			if ((status = form_answered(r, rc, &errs, &forms, "link-ref",
			    arena_printf(r->arena, "Linked with incident %s.",
			    forms.link_ref))) == 0)
				return;
		}
	}
	incident_page_again(r, status, &errs, &forms);
}

/* POST /staff/incidents/{ref}/unlink: removes a link. 303 back; 409 when
 * stale; 404 when the other incident is not linked or not seen. */
void
incident_unlink_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	enum incident_result rc;
	const char *other;
	long long ver;
	int status;

	if ((ver = incident_form_version(r)) == -1)
		return;
	if ((other = reference_typed(r, "other", NULL, NULL)) == NULL)
		return page_error(r, 500, NULL);
	rc = incident_link_remove(r->pg, r->arena, &r->actor, r->cfg, req_param(r, "ref"),
	    other, ver);
	if (rc == INCIDENT_OTHER_NOT_FOUND)
		return page_error(r, 404, "That incident is not linked to this one.");
	if ((status = form_answered(r, rc, &errs, &forms, "links", arena_printf(r->arena,
	    "Incident %s is no longer linked to this one.", other))) != 0)
		incident_page_again(r, status, &errs, &forms);
}

/* GET /staff/incidents/{ref}/history: who did what to it, when and why. */
void
incident_history_get(struct req *r)
{
	const char *ref = req_param(r, "ref");
	struct incident in;

	switch (incident_find(r->pg, r->arena, &r->actor, ref, &in)) {
	case INCIDENT_OK:
		return history_show(r, arena_printf(r->arena, "History of incident %s",
		    in.reference), arena_printf(r->arena, "/staff/incidents/%s",
		    in.reference), "incident", arena_printf(r->arena, "%lld", in.id));
	case INCIDENT_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}
