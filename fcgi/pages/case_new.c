/* A new monitored case (/staff/cases/new): from incidents typed by
 * reference, or straight from a flag on an incident's page (?from=REF
 * &origin=repeat_victim|repeat_location|case_review), with the flagged
 * incidents shown and linked. The creator's agency leads it; the lead
 * officer is the creator unless another of its case officers is chosen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/case_core.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static const struct choice origins[] = {
	{ "incidents", "Incidents chosen by hand" },
	{ "repeat_victim", "The repeat victim flag" },
	{ "repeat_location", "The repeat location flag" },
	{ "case_review", "The ASB Case Review threshold" },
};
static const struct choice levels[] = {
	{ "standard", "Standard" }, { "medium", "Medium" }, { "high", "High" },
};

/* What the form holds, typed or from the query. */
struct new_form {
	const char	*refs, *title, *summary, *risk, *origin, *from, *lead;
};

static const char *
or_blank(const char *s)
{
	return s != NULL ? s : "";
}

static void
new_page(struct req *r, int status, const struct new_form *f, const struct form_errors *errs)
{
	struct case_table officers, flagged;
	struct view_dict *d, *s;
	char me[24];
	int i;

	if (case_officers(r->pg, r->arena, &r->actor, &officers) == -1)
		return page_error(r, 503, NULL);
	memset(&flagged, 0, sizeof(flagged));
	if (*f->from != '\0' && strcmp(f->origin, "incidents") != 0 &&
	    case_flagged(r->pg, r->arena, r->cfg, &r->actor, f->origin, f->from, &flagged) == -1)
		return page_error(r, 503, NULL);
	snprintf(me, sizeof(me), "%lld", r->actor.user_id);
	if ((d = page_dict(r)) == NULL || form_errors_dict(d, errs) == -1 ||
	    view_set(d, "REFS", f->refs) == -1 || view_set(d, "TITLE", f->title) == -1 ||
	    view_set(d, "SUMMARY", f->summary) == -1 || view_set(d, "ORIGIN", f->origin) == -1 ||
	    view_set(d, "FROM", f->from) == -1 ||
	    options_dict(d, "RISK_OPTION", levels, NCHOICES(levels),
	        *f->risk != '\0' ? f->risk : "standard") == -1)
		goto fail;
	for (i = 0; i < officers.rows; i++)
		if ((s = view_section(d, "OFFICER")) == NULL ||
		    view_set(s, "ID", case_cell(&officers, i, 0)) == -1 ||
		    view_set(s, "NAME", case_cell(&officers, i, 1)) == -1 ||
		    (strcmp(case_cell(&officers, i, 0), *f->lead != '\0' ? f->lead : me) == 0 &&
		    view_show(s, "SELECTED") == -1))
			goto fail;
	if (flagged.rows > 0) {
		if ((s = view_section(d, "FLAGGED")) == NULL ||
		    view_set(s, "FLAG", choice_label(origins, NCHOICES(origins), f->origin)) == -1)
			goto fail;
		for (i = 0; i < flagged.rows; i++)
			if (view_set(view_section(s, "FLAGGED_REF"), "REF",
			    case_cell(&flagged, i, 0)) == -1)
				goto fail;
	}
	page_render(r, status, "case_new.tpl", form_title(r, errs, "Open a monitored case"), d);
	return;
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* GET /staff/cases/new[?from=REF&origin=FLAG][&refs=REF...] */
void
case_new_get(struct req *r)
{
	struct new_form f = {
		or_blank(req_query(r, "refs")), "", "", "",
		or_blank(req_query(r, "origin")), or_blank(req_query(r, "from")), "",
	};

	if (*f.origin == '\0' || choice_find(origins, NCHOICES(origins), f.origin) == -1)
		f.origin = "incidents";
	if (strcmp(f.origin, "incidents") == 0 && *f.from != '\0' && *f.refs == '\0')
		f.refs = f.from;
	new_page(r, 200, &f, &(struct form_errors){0});
}

/* POST /staff/cases/new */
void
case_new_post(struct req *r)
{
	struct form_errors errs = {0};
	struct new_form f;
	struct case_new c = {0};
	const char *ref, *bad;
	char *end;
	int n;

	f.refs = form_long_text(r, "refs", 2000, &errs, "refs", NULL,
	    "References must be 2,000 characters or fewer");
	f.title = form_text(r, "title", CASE_TITLE_MAX, &errs, "title",
	    "Enter a title for the case", "Title must be 200 characters or fewer");
	f.summary = form_long_text(r, "summary", CASE_SUMMARY_MAX, &errs, "summary", NULL,
	    "Summary must be 10,000 characters or fewer");
	f.risk = or_blank(req_form(r, "risk"));
	f.origin = or_blank(req_form(r, "origin"));
	f.from = or_blank(req_form(r, "from"));
	f.lead = or_blank(req_form(r, "lead"));
	if (f.refs == NULL || f.title == NULL || f.summary == NULL)
		return page_error(r, 500, NULL);
	if (choice_find(origins, NCHOICES(origins), f.origin) == -1)
		f.origin = "incidents";
	if (choice_find(levels, NCHOICES(levels), f.risk) == -1)
		form_error(&errs, "risk", "Select the case's risk level");
	if ((n = case_refs_split(r->arena, f.refs, c.refs, CASE_REFS_MAX)) == -1)
		form_error(&errs, "refs", "Enter at most 50 references, each as it is on "
		    "the incident, for example ASB-2026-000123");
	else if (n == 0 && (*f.from == '\0' || strcmp(f.origin, "incidents") == 0))
		form_error(&errs, "refs", "Enter the reference of at least one incident");
	c.nrefs = n > 0 ? (size_t)n : 0;
	c.lead_user_id = strtoll(f.lead, &end, 10);
	if (*end != '\0' || c.lead_user_id < 0)
		c.lead_user_id = 0;
	if (errs.n > 0)
		return new_page(r, 400, &f, &errs);
	c.title = f.title;
	c.summary = f.summary;
	c.risk = f.risk;
	c.origin = f.origin;
	c.from = *f.from != '\0' ? f.from : NULL;
	switch (case_open(r->pg, r->arena, r->cfg, &r->actor, &c, &ref, &bad)) {
	case CASE_OK:
		page_flash(r, arena_printf(r->arena, "Case %s opened.", ref));
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/cases/%s", ref));
	case CASE_NOT_FOUND:
		form_error(&errs, "refs", arena_printf(r->arena, "There is no incident %s "
		    "that you can see", bad != NULL ? bad : ""));
		return new_page(r, 400, &f, &errs);
	case CASE_CONFLICT:
		form_error(&errs, "lead", "Choose an active case officer of your agency");
		return new_page(r, 400, &f, &errs);
	default:
		return page_error(r, 503, NULL);
	}
}
