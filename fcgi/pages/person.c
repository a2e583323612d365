/* The person page (/staff/people/{id}): the record, their incidents and
 * parts in them, and who they may be the same as; merging two records of
 * one person (a confirmation showing both side by side) and undoing a
 * merge, for those with person.merge; and the person's history. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/person.h"
#include "domain/person_match.h"
#include "domain/person_merge.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/history.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static const struct choice role_labels[] = {
	{ "victim", "Victim" },
	{ "witness", "Witness" },
	{ "reporter", "Reporter" },
	{ "subject", "Subject" },
};

static const struct choice contact_labels[] = {
	{ "email", "Email" },
	{ "phone", "Phone" },
	{ "post", "Post" },
	{ "none", "Does not want to be contacted" },
	{ "", "Not given" },
};

static const char *
yes_no(int b)
{
	return b ? "Yes" : "No";
}

static const char *
or_not_given(const char *s)
{
	return *s != '\0' ? s : "Not given";
}

/* The facts of a person, in the order both pages show them. */
struct fact {
	const char *key, *value;
};

#define NFACTS	11

static void
facts_of(const struct person *p, struct fact f[NFACTS])
{
	const struct fact all[NFACTS] = {
		{ "Name", p->name },
		{ "Date of birth", or_not_given(p->dob_text) },
		{ "Phone", or_not_given(p->phone) },
		{ "Email", or_not_given(p->email) },
		{ "Address", or_not_given(p->address) },
		{ "Postcode", or_not_given(p->postcode) },
		{ "How they prefer to be contacted", choice_label(contact_labels,
		    NCHOICES(contact_labels), p->preferred_contact) },
		{ "Agrees to be contacted", yes_no(p->contact_consent) },
		{ "Agrees to their details being shared", yes_no(p->share_consent) },
		{ "Vulnerable", yes_no(p->vulnerable) },
		{ "Record held by", p->owner },
	};

	memcpy(f, all, sizeof(all));
}

/* The person's summary list: FACT rows of KEY and VALUE. 0 or -1. */
static int
facts_dict(struct view_dict *d, const struct person *p)
{
	struct fact f[NFACTS];
	struct view_dict *row;
	size_t i;

	facts_of(p, f);
	for (i = 0; i < NFACTS; i++)
		if ((row = view_section(d, "FACT")) == NULL ||
		    view_set(row, "KEY", f[i].key) == -1 ||
		    view_set(row, "VALUE", f[i].value) == -1)
			return -1;
	return 0;
}

/* The incidents and parts: INCIDENTS with INCIDENT rows, or NO_INCIDENTS. */
static int
incidents_dict(struct view_dict *d, const struct person_page *pp)
{
	struct view_dict *t, *row;
	size_t i;

	if (pp->nincidents == 0)
		return view_show(d, "NO_INCIDENTS");
	if ((t = view_section(d, "INCIDENTS")) == NULL)
		return -1;
	for (i = 0; i < pp->nincidents; i++) {
		const struct person_incident *in = &pp->incidents[i];

		if ((row = view_section(t, "INCIDENT")) == NULL ||
		    view_set(row, "REFERENCE", in->reference) == -1 ||
		    view_set(row, "TYPE", in->type) == -1 ||
		    view_set(row, "STATUS", status_label(in->status)) == -1 ||
		    view_set(row, "REPORTED", in->reported) == -1 ||
		    view_set(row, "ROLE", choice_label(role_labels,
		    NCHOICES(role_labels), in->role)) == -1)
			return -1;
	}
	return 0;
}

/* "May be the same person as": MATCHES with MATCH rows (NAME, ID, LEVEL,
 * REASON rows, and MERGE for those who may merge). */
static int
matches_dict(struct req *r, struct view_dict *d, const struct person_page *pp,
    int merger)
{
	struct view_dict *t, *row, *s;
	size_t i, k;

	if (pp->nsuggestions == 0)
		return 0;
	if ((t = view_section(d, "MATCHES")) == NULL)
		return -1;
	for (i = 0; i < pp->nsuggestions; i++) {
		const struct pm_suggestion *m = &pp->suggestions[i];
		const char *name = *m->given_name == '\0' && *m->family_name == '\0' ?
		    "Name not given" : arena_printf(r->arena, "%s%s%s", m->given_name,
		    *m->given_name != '\0' && *m->family_name != '\0' ? " " : "",
		    m->family_name);

		if ((row = view_section(t, "MATCH")) == NULL ||
		    view_set(row, "NAME", name) == -1 ||
		    view_set_int(row, "ID", m->person_id) == -1 ||
		    view_set(row, "LEVEL", m->score.level == PM_STRONG ?
		    "Strong match" : "Possible match") == -1 ||
		    (merger && view_show(row, "MERGE") == -1))
			return -1;
		for (k = 0; k < m->score.nreasons; k++)
			if ((s = view_section(row, "REASON")) == NULL ||
			    view_set(s, "TEXT", m->score.reasons[k]) == -1)
				return -1;
	}
	return 0;
}

/* The "merged into" banner of a merged person. */
static int
merged_dict(struct view_dict *d, const struct person *p, int merger)
{
	struct view_dict *m;

	if (p->merged_into == 0)
		return 0;
	if ((m = view_section(d, "MERGED")) == NULL ||
	    view_set_int(m, "KEPT_ID", p->merged_into) == -1 ||
	    view_set(m, "KEPT_NAME", *p->merged_into_name != '\0' ?
	    p->merged_into_name : "another record") == -1 ||
	    view_set(m, "AT", p->merged_at) == -1 ||
	    view_set(m, "BY", *p->merged_by != '\0' ? p->merged_by : "Concord") == -1 ||
	    view_set_int(m, "ID", p->id) == -1 ||
	    (merger && view_show(m, "UNDO") == -1))
		return -1;
	return 0;
}

/* GET /staff/people/{id}: 404 when there is no such person or the user's
 * agency may not see them (the same answer). */
void
person_get(struct req *r)
{
	struct person_page pp;
	struct view_dict *d;
	long long id;
	int merger = perm_has(r->actor.perms, PERM_PERSON_MERGE);

	if (admin_id_value(req_param(r, "id"), &id) == -1)
		return page_error(r, 404, NULL);
	switch (person_view(r->pg, r->arena, &r->actor, id, &pp)) {
	case PERSON_OK:
		break;
	case PERSON_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (view_set(d, "NAME", pp.p.name) == -1 ||
	    view_set_int(d, "ID", pp.p.id) == -1 ||
	    view_set_int(d, "PERSON_ID", pp.p.id) == -1 ||
	    view_set(d, "CREATED", pp.p.created) == -1 ||
	    facts_dict(d, &pp.p) == -1 ||
	    (pp.p.vulnerable && view_show(d, "VULNERABLE") == -1) ||
	    merged_dict(d, &pp.p, merger) == -1 ||
	    incidents_dict(d, &pp) == -1 ||
	    matches_dict(r, d, &pp, merger) == -1 ||
	    (merger && pp.p.merged_into == 0 && view_show(d, "MERGE_OTHER") == -1)) {
		view_dict_free(d);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "person.tpl", pp.p.name, d);
}

/* The merge page: the "which record" form alone (other NULL), or both
 * people side by side with the choice of the one to keep. */
static void
merge_page(struct req *r, int status, long long id, const char *with,
    const struct person *p, const struct person *other, const char *keep,
    const struct form_errors *errs)
{
	struct fact fa[NFACTS], fb[NFACTS];
	struct view_dict *d, *pair, *row;
	size_t i;

	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	if (view_set_int(d, "ID", id) == -1 || form_errors_dict(d, errs) == -1)
		goto fail;
	if (other == NULL) {
		if ((row = view_section(d, "CHOOSE")) == NULL ||
		    view_set(row, "WITH", with != NULL ? with : "") == -1 ||
		    (errs->n > 0 && (view_set(row, "MESSAGE", errs->e[0].message) == -1 ||
		    view_show(row, "WITH_ERROR") == -1)))
			goto fail;
		return page_render(r, status, "person_merge.tpl",
		    form_title(r, errs, "Merge with another record"), d);
	}
	facts_of(p, fa);
	facts_of(other, fb);
	if ((pair = view_section(d, "PAIR")) == NULL ||
	    view_set_int(pair, "ID", p->id) == -1 ||
	    view_set_int(pair, "OTHER_ID", other->id) == -1 ||
	    view_set(pair, "NAME", p->name) == -1 ||
	    view_set(pair, "OTHER_NAME", other->name) == -1 ||
	    (keep != NULL && strcmp(keep, "this") == 0 && view_show(pair, "KEEP_THIS") == -1) ||
	    (keep != NULL && strcmp(keep, "other") == 0 && view_show(pair, "KEEP_OTHER") == -1) ||
	    (errs->n > 0 && (view_set(pair, "MESSAGE", errs->e[0].message) == -1 ||
	    view_show(pair, "KEEP_ERROR") == -1)))
		goto fail;
	for (i = 0; i < NFACTS; i++)
		if ((row = view_section(pair, "ROW")) == NULL ||
		    view_set(row, "KEY", fa[i].key) == -1 ||
		    view_set(row, "A", fa[i].value) == -1 ||
		    view_set(row, "B", fb[i].value) == -1)
			goto fail;
	return page_render(r, status, "person_merge.tpl",
	    form_title(r, errs, "Merge these records?"), d);
fail:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* Reads both people for the merge page and shows it; a bad or unknown
 * other record is a message on the "which record" form. */
static void
merge_show(struct req *r, int status, long long id, const char *with,
    const char *keep, struct form_errors *errs)
{
	struct person p, other;
	long long wid;

	if (with == NULL)
		return merge_page(r, status, id, NULL, NULL, NULL, NULL, errs);
	if (admin_id_value(with, &wid) == -1) {
		form_error(errs, "with", "Enter the record number of the other person, "
		    "for example 1234");
		return merge_page(r, 400, id, with, NULL, NULL, NULL, errs);
	}
	if (wid == id) {
		form_error(errs, "with", "Enter the number of a different record: "
		    "a record cannot be merged with itself");
		return merge_page(r, 400, id, with, NULL, NULL, NULL, errs);
	}
	switch (person_pair(r->pg, r->arena, &r->actor, id, wid, &p, &other)) {
	case PERSON_OK:
		break;
	case PERSON_NOT_FOUND:
		if (p.id == 0)
			return page_error(r, 404, NULL);
		form_error(errs, "with", arena_printf(r->arena, "There is no person "
		    "record %lld that you can see", wid));
		return merge_page(r, 400, id, with, NULL, NULL, NULL, errs);
	default:
		return page_error(r, 503, NULL);
	}
	if (p.merged_into != 0)
		return page_error(r, 409, "This record has already been merged into "
		    "another. Undo that merge first.");
	if (other.merged_into != 0) {
		form_error(errs, "with", arena_printf(r->arena, "Record %lld has already "
		    "been merged into record %lld: merge with that one instead", wid,
		    other.merged_into));
		return merge_page(r, 400, id, with, NULL, NULL, NULL, errs);
	}
	merge_page(r, status, id, with, &p, &other, keep, errs);
}

/* GET /staff/people/{id}/merge[?with=ID] */
void
person_merge_get(struct req *r)
{
	struct form_errors errs = {0};
	long long id;

	if (admin_id_value(req_param(r, "id"), &id) == -1)
		return page_error(r, 404, NULL);
	merge_show(r, 200, id, req_query(r, "with"), NULL, &errs);
}

/* POST /staff/people/{id}/merge (with, keep: "this" or "other"): 303 to
 * the kept record; 400 with the page when something is missing; 409 when
 * one of them was merged meanwhile. */
void
person_merge_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *with = req_form(r, "with"), *keep = req_form(r, "keep");
	long long id, wid, kept, merged;

	if (admin_id_value(req_param(r, "id"), &id) == -1)
		return page_error(r, 404, NULL);
	if (with == NULL || admin_id_value(with, &wid) == -1 || wid == id)
		return merge_show(r, 400, id, with != NULL ? with : "", NULL, &errs);
	if (keep == NULL || (strcmp(keep, "this") != 0 && strcmp(keep, "other") != 0)) {
		form_error(&errs, "keep", "Select the record to keep");
		return merge_show(r, 400, id, with, NULL, &errs);
	}
	kept = strcmp(keep, "this") == 0 ? id : wid;
	merged = kept == id ? wid : id;
	switch (person_merge(r->pg, r->cfg, &r->actor, kept, merged)) {
	case PERSON_OK:
		page_flash(r, arena_printf(r->arena, "Records merged: record %lld is now "
		    "part of this one. You can undo it from record %lld.", merged, merged));
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/people/%lld",
		    kept));
	case PERSON_NOT_FOUND:
		return page_error(r, 404, NULL);
	case PERSON_MERGED:
		return page_error(r, 409, "One of these records has been merged into "
		    "another since you opened this page. Open the person again.");
	default:
		return page_error(r, 503, NULL);
	}
}

/* POST /staff/people/{id}/unmerge: 303 back to the record. */
void
person_unmerge_post(struct req *r)
{
	long long id;

	if (admin_id_value(req_param(r, "id"), &id) == -1)
		return page_error(r, 404, NULL);
	switch (person_unmerge(r->pg, r->cfg, &r->actor, id)) {
	case PERSON_OK:
		page_flash(r, "Merge undone: this record and its incidents, reports and "
		    "calls are separate again.");
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/people/%lld", id));
	case PERSON_NOT_FOUND:
		return page_error(r, 404, NULL);
	case PERSON_NOT_MERGED:
		return page_error(r, 409, "This record is not merged into another, so "
		    "there is nothing to undo.");
	case PERSON_KEPT_MERGED:
		return page_error(r, 409, "The record this one was merged into has since "
		    "been merged into another. Undo that merge first.");
	default:
		return page_error(r, 503, NULL);
	}
}

/* GET /staff/people/{id}/history */
void
person_history_get(struct req *r)
{
	struct person p;
	long long id;

	if (admin_id_value(req_param(r, "id"), &id) == -1)
		return page_error(r, 404, NULL);
	switch (person_find(r->pg, r->arena, &r->actor, id, &p)) {
	case PERSON_OK:
		return history_show(r, arena_printf(r->arena, "History of %s", p.name),
		    arena_printf(r->arena, "/staff/people/%lld", id), "person",
		    arena_printf(r->arena, "%lld", id));
	case PERSON_NOT_FOUND:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
}
