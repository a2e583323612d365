/* The forms of a case's overview, each a POST under /staff/cases/{ref}
 * with the CSRF token and the case's version: link an incident (a
 * suggestion, or by reference), dismiss a suggestion, add a person, a
 * named group or a place, add an agency (asking each victim's consent for
 * it) or remove one, change the lead officer, close and reopen. 303 back
 * to the case; 400 with the page, the problems and what was typed; 409
 * when the case changed first or is closed; 403 for a change only the
 * lead agency may make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/case_core.h"
#include "http/kv.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/admin.h"
#include "pages/case_view_page.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"

#define GROUP_MEMBERS_MAX	50

extern const struct choice	case_told_hows[];
extern const size_t		case_told_hows_n;

/* A positive whole number in the form's field (admin_id_value), or 0:
 * a version of 0 always conflicts, an id of 0 is never found. */
static long long
form_id(struct req *r, const char *field)
{
	long long n;

	return admin_id_value(req_form(r, field), &n) == 0 ? n : 0;
}

#define form_version(r)	form_id((r), "version")

/* The answer to a change: back to the case with a message, or why not. */
static void
case_done(struct req *r, enum case_result rc, const char *flash, const char *anchor)
{
	switch (rc) {
	case CASE_OK:
		page_flash(r, flash);
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/cases/%s%s",
		    req_param(r, "ref"), anchor));
	case CASE_NOT_FOUND:
		return page_error(r, 404, NULL);
	case CASE_CONFLICT:
		return page_error(r, 409, "This case was changed by someone else after you "
		    "opened it. Nothing was saved: reload the case and try again.");
	case CASE_CLOSED:
		return page_error(r, 409, "This case is closed. Reopen it to change it.");
	default:
		if (rc == CASE_NOT_LEAD)
			return page_error(r, 403, "Only the lead agency can change who works "
			    "this case or who leads it.");
		return page_error(r, 503, NULL);
	}
}

/* POST /staff/cases/{ref}/incidents (incident, suggested) */
void
case_incident_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *ref = form_text(r, "incident", 40, &errs, "incident",
	    "Enter the reference of the incident to link", "Reference must be 40 characters or fewer");
	const char *s = req_form(r, "suggested");
	enum case_result rc;

	if (ref == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	rc = case_link(r->pg, r->arena, &r->actor, req_param(r, "ref"), form_version(r), ref,
	    s != NULL && strcmp(s, "1") == 0);
	if (rc == CASE_NOT_FOUND || rc == CASE_LINKED) {
		form_error(&errs, "incident", rc == CASE_LINKED ? "That incident is already "
		    "linked to this case" : "There is no incident with that reference that "
		    "you can see");
		return case_overview_render(r, 400, &errs);
	}
	case_done(r, rc, arena_printf(r->arena, "Incident %s linked to the case.", ref),
	    "#incidents");
}

/* POST /staff/cases/{ref}/suggestions/dismiss (incident, reason) */
void
case_dismiss_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *ref = req_form(r, "incident"), *reason;

	if (ref == NULL || *ref == '\0' || strlen(ref) > CASE_REF_MAX)
		return page_error(r, 400, "Choose a suggested incident to dismiss.");
	/* The error links to the reason box of this suggestion. */
	reason = form_text(r, "reason", CASE_NOTE_MAX, &errs, arena_printf(r->arena,
	    "reason-%s", ref), "Enter why the suggested incident is not this case's",
	    "Reason must be 2,000 characters or fewer");
	if (reason == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	case_done(r, case_dismiss(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), ref, reason), arena_printf(r->arena,
	    "%s will not be suggested again.", ref), "#suggestions");
}

static const struct choice roles[] = {
	{ "victim", "Victim" }, { "subject", "Subject" }, { "witness", "Witness" },
};

/* POST /staff/cases/{ref}/people (person, role) */
void
case_person_post(struct req *r)
{
	struct form_errors errs = {0};
	long long id = form_id(r, "person");
	const char *role = req_form(r, "role");
	enum case_result rc;

	if (id == 0)
		form_error(&errs, "person", "Enter the number of the person, from their page");
	if (role == NULL || choice_find(roles, NCHOICES(roles), role) == -1)
		form_error(&errs, "role", "Select their part in the case");
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	rc = case_person_add(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), id, role);
	if (rc == CASE_NOT_FOUND) {
		form_error(&errs, "person", "There is no person with that number that you can see");
		return case_overview_render(r, 400, &errs);
	}
	case_done(r, rc, "Person added to the case.", "#people");
}

/* POST /staff/cases/{ref}/groups (group, member-N) */
void
case_group_post(struct req *r)
{
	struct form_errors errs = {0};
	long long members[GROUP_MEMBERS_MAX];
	const char *name = form_text(r, "group", 200, &errs, "group",
	    "Enter the name of the group", "Name must be 200 characters or fewer");
	size_t i, n = 0;
	long long id;

	if (name == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	for (i = 0; i < r->form.n && n < GROUP_MEMBERS_MAX; i++)
		if (strncmp(r->form.v[i].key, "member-", 7) == 0 &&
		    (id = strtoll(r->form.v[i].key + 7, NULL, 10)) > 0)
			members[n++] = id;
	case_done(r, case_group_add(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), name, members, n), arena_printf(r->arena,
	    "Named group %s added.", name), "#people");
}

/* A coordinate typed in field within [min, max]; *given 0 when blank. 0,
 * or -1 with an error on the field. */
static int
coordinate(struct req *r, const char *field, double min, double max, double *out,
    int *given, struct form_errors *errs, const char *message)
{
	const char *v = req_form(r, field);
	char *end;

	*given = v != NULL && *v != '\0';
	if (!*given)
		return 0;
	*out = strtod(v, &end);
	if (*end != '\0' || *out < min || *out > max) {
		form_error(errs, field, message);
		return -1;
	}
	return 0;
}

/* POST /staff/cases/{ref}/places (label, address, postcode, lat, lon, radius) */
void
case_place_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *label, *address, *postcode, *rad = req_form(r, "radius");
	double lat = 0, lon = 0;
	int has_lat, has_lon;
	long radius = 100;
	char *end;

	label = form_text(r, "label", 200, &errs, "label", "Enter what to call the place",
	    "What to call it must be 200 characters or fewer");
	address = form_text(r, "address", 500, &errs, "address", NULL,
	    "Address must be 500 characters or fewer");
	postcode = form_text(r, "postcode", 10, &errs, "postcode", NULL,
	    "Postcode must be 10 characters or fewer");
	if (label == NULL || address == NULL || postcode == NULL)
		return page_error(r, 500, NULL);
	coordinate(r, "lat", 49.0, 61.0, &lat, &has_lat, &errs,
	    "Latitude must be a number between 49 and 61");
	coordinate(r, "lon", -9.0, 2.5, &lon, &has_lon, &errs,
	    "Longitude must be a number between -9 and 2.5");
	if (has_lat != has_lon)
		form_error(&errs, "lat", "Enter both the latitude and the longitude, or neither");
	if (!has_lat && !has_lon && *address == '\0' && *postcode == '\0')
		form_error(&errs, "address", "Enter an address, a postcode or a point");
	if (rad != NULL && *rad != '\0' && ((radius = strtol(rad, &end, 10)) < 1 ||
	    radius > 10000 || *end != '\0'))
		form_error(&errs, "radius", "Radius must be a whole number of metres from 1 to 10,000");
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	case_done(r, case_place_add(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), label, address, postcode, lat, lon, has_lat && has_lon,
	    (int)radius), "Place added to the case.", "#places");
}

/* The consent answers typed (consent-N = yes or no, how-N). */
static size_t
consent_answers(struct req *r, struct case_consent_answer *out, size_t max)
{
	const char *key;
	size_t i, n = 0;
	long long id;
	char *end;

	for (i = 0; i < r->form.n && n < max; i++) {
		key = r->form.v[i].key;
		if (strncmp(key, "consent-", 8) != 0 ||
		    (id = strtoll(key + 8, &end, 10)) <= 0 || *end != '\0')
			continue;
		if (strcmp(r->form.v[i].val, "yes") != 0 && strcmp(r->form.v[i].val, "no") != 0)
			continue;
		out[n].person_id = id;
		out[n].consented = strcmp(r->form.v[i].val, "yes") == 0;
		if ((out[n].how = req_form(r, arena_printf(r->arena, "how-%lld", id))) == NULL)
			out[n].how = "";
		if (strlen(out[n].how) > 200)
			out[n].how = arena_strndup(r->arena, out[n].how, 200);
		n++;
	}
	return n;
}

/* POST /staff/cases/{ref}/agencies (agency, consent-N, how-N) */
void
case_agency_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_consent_answer ans[64];
	struct case_table missing;
	long long agency = form_id(r, "agency");
	enum case_result rc;
	size_t n;
	int i;

	if (agency == 0) {
		form_error(&errs, "agency", "Choose the agency to add");
		return case_overview_render(r, 400, &errs);
	}
	n = consent_answers(r, ans, sizeof(ans) / sizeof(ans[0]));
	rc = case_agency_add(r->pg, r->arena, &r->actor, req_param(r, "ref"), form_version(r),
	    agency, ans, n, &missing);
	if (rc == CASE_UNANSWERED) {
		for (i = 0; i < missing.rows; i++)
			form_error(&errs, arena_printf(r->arena, "consent-%s",
			    case_cell(&missing, i, 0)), "Select whether the victim consented "
			    "to this agency seeing their details");
		return case_overview_render(r, 400, &errs);
	}
	if (rc == CASE_NOT_FOUND) {
		form_error(&errs, "agency", "Choose an agency from the list");
		return case_overview_render(r, 400, &errs);
	}
	case_done(r, rc, "Agency added to the case.", "#agencies");
}

/* POST /staff/cases/{ref}/agencies/remove (agency) */
void
case_agency_remove_post(struct req *r)
{
	case_done(r, case_agency_remove(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), form_id(r, "agency")), "The agency no longer works this case. "
	    "Its victims' consent answers are kept.", "#agencies");
}

/* POST /staff/cases/{ref}/lead (lead) */
void
case_lead_post(struct req *r)
{
	struct form_errors errs = {0};
	long long lead = form_id(r, "lead");
	enum case_result rc;

	rc = lead == 0 ? CASE_NOT_FOUND : case_lead_change(r->pg, r->arena, &r->actor,
	    req_param(r, "ref"), form_version(r), lead);
	if (rc == CASE_NOT_FOUND) {
		form_error(&errs, "lead-officer", "Choose an active case officer of an agency "
		    "working this case");
		return case_overview_render(r, 400, &errs);
	}
	case_done(r, rc, "The lead officer was changed.", "#lead");
}

/* The closure's "victim told" date, as YYYY-MM-DD, or "" when left blank. */
static const char *
told_on(struct req *r, struct form_errors *errs)
{
	const char *d = req_form(r, "told-day"), *m = req_form(r, "told-month"),
	    *y = req_form(r, "told-year");
	struct date_refusal why;
	struct date dt;

	if ((d == NULL || *d == '\0') && (m == NULL || *m == '\0') && (y == NULL || *y == '\0'))
		return "";
	switch (date_input_check(r->arena, d != NULL ? d : "", m != NULL ? m : "",
	    y != NULL ? y : "", "Date the victim was told", "Enter the date the victim was told",
	    time(NULL), &dt, &why)) {
	case 0:
		return arena_printf(r->arena, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
	case 1:
		form_error_date(r, errs, "told", "told", why.parts, why.message);
		return "";
	default:
		return NULL;
	}
}

/* POST /staff/cases/{ref}/close */
void
case_close_post(struct req *r)
{
	struct form_errors errs = {0};
	struct case_closing cl;
	size_t dated;

	cl.outcome = req_form(r, "outcome");
	if (cl.outcome == NULL || case_outcome_label(cl.outcome) == NULL)
		form_error(&errs, "outcome", "Choose the outcome the case closes with");
	cl.note = form_long_text(r, "note", CASE_SUMMARY_MAX, &errs, "note", NULL,
	    "Note must be 10,000 characters or fewer");
	dated = errs.n;
	cl.told_on = told_on(r, &errs);
	dated = errs.n;
	cl.told_how = req_form(r, "told-how");
	cl.told_what = form_long_text(r, "told-what", CASE_NOTE_MAX, &errs, "told-what", NULL,
	    "What they were told must be 2,000 characters or fewer");
	cl.public_reason = form_text(r, "public-reason", 500, &errs, "public-reason", NULL,
	    "The reason for the public must be 500 characters or fewer");
	if (cl.note == NULL || cl.told_on == NULL || cl.told_what == NULL ||
	    cl.public_reason == NULL)
		return page_error(r, 500, NULL);
	if (cl.told_how == NULL || *cl.told_how == '\0')
		cl.told_how = "";
	else if (choice_find(case_told_hows, case_told_hows_n, cl.told_how) == -1)
		form_error(&errs, "told-how", "Choose how the victim was told from the list");
	/* Told is one record: a date, how and what, or none of them. */
	if (*cl.told_on != '\0' || *cl.told_how != '\0' || *cl.told_what != '\0') {
		if (*cl.told_on == '\0' && errs.n == dated)
			form_error_date(r, &errs, "told", "told", DATE_WHOLE,
			    "Enter the date the victim was told");
		if (*cl.told_how == '\0')
			form_error(&errs, "told-how", "Choose how the victim was told");
		if (*cl.told_what == '\0')
			form_error(&errs, "told-what", "Enter what the victim was told");
	}
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	case_done(r, case_close(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), &cl), "The case is closed.", "#closure");
}

/* POST /staff/cases/{ref}/reopen (reopen-reason) */
void
case_reopen_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *reason = form_text(r, "reopen-reason", CASE_NOTE_MAX, &errs,
	    "reopen-reason", "Enter why the case is reopened",
	    "Reason must be 2,000 characters or fewer");

	if (reason == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return case_overview_render(r, 400, &errs);
	case_done(r, case_reopen(r->pg, r->arena, &r->actor, req_param(r, "ref"),
	    form_version(r), reason), "The case is open again.", "#closure");
}
