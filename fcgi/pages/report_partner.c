/* The partner route: a signed-in partner reporter (a housing provider's
 * tenancy officer, say) goes through the same reporting form as the
 * public, with one step of their own, /report/partner ("Your
 * organisation's details"), in place of "About you" — their account says
 * who they are. The report is sent on the partner channel: it and its
 * incident belong to their agency and are shared with the partnership.
 * /staff/partner-reports lists their agency's reports and where each has
 * got to. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/arena.h"
#include "domain/actor.h"
#include "domain/partner_reports.h"
#include "domain/perm.h"
#include "domain/report.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

#define REFERENCE_MAX	100
#define WHO_MAX		500
#define PAGE_SIZE	25

static const struct {
	const char *value, *words;
} tenants_answers[] = {
	{ "yes", "Yes" },
	{ "no", "No" },
	{ "unknown", "Don't know" },
};

/* Whether the person on the form reports for a partner agency: signed in,
 * with the permission. Anyone else gets the public form. */
int
report_partner_on(struct req *r)
{
	return r->session != NULL && perm_has(r->actor.perms, PERM_REPORT_PARTNER);
}

/* The partner step's path when a partner's draft has not been through it,
 * else NULL. */
const char *
report_partner_missing(struct report_draft *d)
{
	return *draft_get(d, DK_AFFECTED) == '\0' || *draft_get(d, DK_RESPONSIBLE) == '\0' ?
	    "/report/partner" : NULL;
}

static const char *
tenants_words(const char *v)
{
	size_t i;

	for (i = 0; i < sizeof(tenants_answers) / sizeof(tenants_answers[0]); i++)
		if (strcmp(v, tenants_answers[i].value) == 0)
			return tenants_answers[i].words;
	return "";
}

/* One row of the check page's PARTNER card. */
static int
partner_row(struct view_dict *card, const char *key, const char *value,
    const char *hidden)
{
	struct view_dict *s = view_section(card, "ROW");

	return s == NULL || view_set(s, "KEY", key) == -1 ||
	    view_set(s, "VALUE", *value != '\0' ? value : "Not given") == -1 ||
	    view_set(s, "CHANGE", "/report/partner?change=1") == -1 ||
	    view_set(s, "HIDDEN", hidden) == -1 ? -1 : 0;
}

/* "Yes", "No" or "Don't know", and who, in words. */
static const char *
side_words(struct req *r, struct report_draft *d, enum draft_key tenant, enum draft_key who)
{
	const char *t = tenants_words(draft_get(d, tenant)), *w = draft_get(d, who);

	return *w == '\0' ? t : arena_printf(r->arena, "%s: %s", t, w);
}

/* The check page's "Your organisation's details" card. 0 or -1. */
int
report_partner_rows(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct view_dict *card = view_section(dict, "PARTNER");

	return card == NULL ||
	    view_set(card, "AGENCY", r->session->agency_name) == -1 ||
	    view_set(card, "NAME", r->session->name) == -1 ||
	    partner_row(card, "Your organisation's reference",
	    draft_get(d, DK_PARTNER_REFERENCE), "your organisation's reference") == -1 ||
	    partner_row(card, "Tenancy reference", draft_get(d, DK_TENANCY_REFERENCE),
	    "the tenancy reference") == -1 ||
	    partner_row(card, "The people affected are your tenants or residents",
	    side_words(r, d, DK_AFFECTED, DK_AFFECTED_WHO),
	    "who was affected") == -1 ||
	    partner_row(card, "The people responsible are your tenants or residents",
	    side_words(r, d, DK_RESPONSIBLE, DK_RESPONSIBLE_WHO),
	    "who is responsible") == -1 ? -1 : 0;
}

static int
tenant_flag(const char *v)
{
	return strcmp(v, "yes") == 0 ? 1 : strcmp(v, "no") == 0 ? 0 : -1;
}

/* Makes the report a partner's: their fields, and none of the public's
 * contact details (a draft started before signing in may hold some). */
void
report_partner_input(struct report_draft *d, struct report_input *in)
{
	in->channel = "partner";
	in->partner_reference = draft_get(d, DK_PARTNER_REFERENCE);
	in->tenancy_reference = draft_get(d, DK_TENANCY_REFERENCE);
	in->affected_tenant = tenant_flag(draft_get(d, DK_AFFECTED));
	in->responsible_tenant = tenant_flag(draft_get(d, DK_RESPONSIBLE));
	in->affected = draft_get(d, DK_AFFECTED_WHO);
	in->responsible = draft_get(d, DK_RESPONSIBLE_WHO);
	/* Tenants are involved when either side is; not when neither is. */
	in->involves_tenants = in->affected_tenant > 0 || in->responsible_tenant > 0 ? 1 :
	    in->affected_tenant == 0 && in->responsible_tenant == 0 ? 0 : -1;
	/* The reporter is the signed-in user (created_by and the audit row):
	 * no person record of them. */
	in->anonymous = 1;
	in->given_name = in->family_name = in->email = in->phone = "";
	in->preferred_contact = "";
	in->for_someone_else = -1;
	in->share_consent = 1;
	in->email_updates = 0;
}

/* ------------------------------------------------------------------ */
/* /report/partner                                                     */

/* The references have a check of their own (reference_read), and the
 * tenants answers are each one of tenants_answers: report_partner_post
 * reads them itself; the table loads, shows and keeps them. */
enum { PA_REFERENCE, PA_TENANCY, PA_AFFECTED, PA_AFFECTED_WHO, PA_RESPONSIBLE,
	PA_RESPONSIBLE_WHO, PA__N };

static const struct step_field partner_fields[PA__N] = {
	[PA_REFERENCE] = { "partner-reference", DK_PARTNER_REFERENCE, "REFERENCE",
	    SF_TEXT, REFERENCE_MAX, NULL, NULL },
	[PA_TENANCY] = { "tenancy-reference", DK_TENANCY_REFERENCE, "TENANCY",
	    SF_TEXT, REFERENCE_MAX, NULL, NULL },
	[PA_AFFECTED] = { "affected", DK_AFFECTED, "AFFECTED", SF_CHOICE, 0,
	    "Select whether the people affected are your tenants or residents, "
	    "or don't know", NULL },
	[PA_AFFECTED_WHO] = { "affected-who", DK_AFFECTED_WHO, "AFFECTED_WHO", SF_LONG_TEXT,
	    WHO_MAX, NULL, "Who was affected must be 500 characters or fewer" },
	[PA_RESPONSIBLE] = { "responsible", DK_RESPONSIBLE, "RESPONSIBLE", SF_CHOICE, 0,
	    "Select whether the people responsible are your tenants or residents, "
	    "or don't know", NULL },
	[PA_RESPONSIBLE_WHO] = { "responsible-who", DK_RESPONSIBLE_WHO, "RESPONSIBLE_WHO",
	    SF_LONG_TEXT, WHO_MAX, NULL, "Who is responsible must be 500 characters or fewer" },
};

/* One of tenants_answers, or "" with the field's message in errs. */
static const char *
tenants_read(struct req *r, const struct step_field *f, struct form_errors *errs)
{
	const char *v = req_form(r, f->name);
	size_t i;

	for (i = 0; v != NULL && i < sizeof(tenants_answers) / sizeof(tenants_answers[0]); i++)
		if (strcmp(v, tenants_answers[i].value) == 0)
			return v;
	form_error(errs, f->name, f->missing);
	return "";
}

static void
partner_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_PARTNER, 0, NULL, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, partner_fields, PA__N, v) == -1 ||
	    view_set(dict, "AGENCY", r->session->agency_name) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_partner.tpl",
	    form_title(r, errs, "Your organisation's details"), dict);
}

/* GET /report/partner */
void
report_partner_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[PA__N];

	if (!draft_enter(r, &d, 1))
		return;
	step_fields_saved(&d, partner_fields, PA__N, v);
	partner_render(r, &d, 200, v, &errs);
	draft_free(&d);
}

/* A reference as organisations write them: letters, digits, spaces and
 * - / . _ # : ( ). Nothing that could be mistaken for markup or a formula. */
static int
reference_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr(" -/._#:()", *s) == NULL)
			return 0;
	return 1;
}

/* One optional reference field, checked. NULL only when out of memory. */
static const char *
reference_read(struct req *r, const char *name, const char *what,
    struct form_errors *errs)
{
	const char *v = form_text(r, name, REFERENCE_MAX, errs, name, NULL,
	    arena_printf(r->arena, "%s must be %d characters or fewer", what,
	    REFERENCE_MAX));

	if (v != NULL && strlen(v) <= REFERENCE_MAX && !reference_ok(v))
		form_error(errs, name, arena_printf(r->arena, "%s must only include "
		    "letters, numbers, spaces and - / . _ # : ( )", what));
	return v;
}

/* POST /report/partner */
void
report_partner_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[PA__N];

	if (!draft_enter(r, &d, 1))
		return;
	v[PA_REFERENCE] = reference_read(r, partner_fields[PA_REFERENCE].name,
	    "Your organisation's reference", &errs);
	v[PA_TENANCY] = reference_read(r, partner_fields[PA_TENANCY].name,
	    "Tenancy reference", &errs);
	if (v[PA_REFERENCE] == NULL || v[PA_TENANCY] == NULL)
		goto unavailable;
	v[PA_AFFECTED] = tenants_read(r, &partner_fields[PA_AFFECTED], &errs);
	v[PA_RESPONSIBLE] = tenants_read(r, &partner_fields[PA_RESPONSIBLE], &errs);
	if (step_fields_read(r, &partner_fields[PA_AFFECTED_WHO], 1, &errs,
	    &v[PA_AFFECTED_WHO]) == -1 || step_fields_read(r,
	    &partner_fields[PA_RESPONSIBLE_WHO], 1, &errs, &v[PA_RESPONSIBLE_WHO]) == -1)
		goto unavailable;
	if (errs.n > 0) {
		partner_render(r, &d, 400, v, &errs);
		goto out;
	}
	if (step_fields_save(&d, partner_fields, PA__N, v) == -1)
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_PARTNER, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* /staff/partner-reports                                              */

/* The incident's status in plain words, for the partner who reported it. */
static const char *
status_words(const char *s)
{
	static const struct { const char *code, *words; } w[] = {
		{ "new", "Received, not yet looked at" },
		{ "open", "Being looked at" },
		{ "allocated", "Passed to a team" },
		{ "in_progress", "Being dealt with" },
		{ "monitoring", "Being monitored" },
		{ "closed", "Closed" },
	};
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strcmp(s, w[i].code) == 0)
			return w[i].words;
	return s;
}

/* GET /staff/partner-reports?page=N: the agency's reports, newest first. */
void
partner_report_list_get(struct req *r)
{
	const char *pg = req_query(r, "page");
	long page = pg != NULL ? strtol(pg, NULL, 10) : 1;
	struct partner_report *rows;
	struct view_dict *d, *s;
	size_t n, i;

	if (page < 1 || page > 10000)
		page = 1;
	if (partner_reports_list(r->pg, r->arena, &r->actor, PAGE_SIZE + 1,
	    (int)(page - 1) * PAGE_SIZE, &rows, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (view_set(d, "AGENCY", r->session->agency_name) == -1 ||
	    view_show(d, n > 0 ? "RESULTS" : "NONE") == -1)
		goto oom;
	for (i = 0; i < n && i < PAGE_SIZE; i++)
		if ((s = view_section(d, "ROW")) == NULL ||
		    view_set(s, "REFERENCE", rows[i].reference) == -1 ||
		    view_set(s, "INCIDENT", rows[i].incident_reference) == -1 ||
		    view_set(s, "TYPE", rows[i].type) == -1 ||
		    view_set(s, "PLACE", rows[i].place) == -1 ||
		    view_set(s, "REPORTED", rows[i].reported) == -1 ||
		    view_set(s, "STATUS", status_words(rows[i].status)) == -1 ||
		    view_set(s, "YOUR_REFERENCE", rows[i].partner_reference) == -1 ||
		    (*rows[i].tenancy_reference != '\0' && view_set(view_section(s,
		    "TENANCY"), "REF", rows[i].tenancy_reference) == -1) ||
		    (strcmp(rows[i].reference, rows[i].incident_reference) != 0 &&
		    view_show(s, "LINKED") == -1))
			goto oom;
	if ((page > 1 && view_set_int(view_section(d, "PREV"), "PAGE", page - 1) == -1) ||
	    (n > PAGE_SIZE && view_set_int(view_section(d, "NEXT"), "PAGE", page + 1) == -1))
		goto oom;
	page_render(r, 200, "partner_reports.tpl", "Your organisation's reports", d);
	return;
oom:
	view_dict_free(d);
	page_error(r, 500, NULL);
}
