/* Staff views of reports: the list of new reports, and the reports on an
 * incident's page with their answers, the vulnerability prompts and — where
 * permitted — the reporter's contact details. */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "domain/evidence.h"
#include "domain/perm.h"
#include "domain/report_list.h"
#include "http/request.h"
#include "pages/evidence_words.h"
#include "domain/flags.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/reports.h"
#include "view/view.h"

#define PAGE_SIZE	25

static const struct {
	const char *key, *label;
} flags[] = {
	{ "at_risk", "Happening now" },
	{ "feels_unsafe", "Feels unsafe at home" },
	{ "vulnerable", "Someone in the household is vulnerable" },
	{ "targeted", "Thinks they are targeted because of who they are" },
	{ "happened_before", "Has happened before" },
	{ "for_someone_else", "Reported for someone else" },
};

/* The flags a report raised, as GOV.UK tags (FLAG sections): its
 * incident's urgent flag first, then what the report said. */
static int
flags_dict(struct view_dict *d, const char *impact, unsigned incident_flags)
{
	struct json_object *o = json_tokener_parse(impact), *v, *rel;
	struct view_dict *f;
	size_t i;
	int rc = 0;

	if ((incident_flags & FLAG_BIT(FLAG_URGENT)) &&
	    view_set(view_section(d, "FLAG"), "LABEL", "Urgent") == -1)
		rc = -1;
	if (o != NULL && json_object_object_get_ex(o, "for_whom", &v) &&
	    ((f = view_section(d, "FOR_WHOM")) == NULL ||
	    view_set(f, "NAME", json_object_get_string(v)) == -1 ||
	    view_set(f, "RELATION", json_object_object_get_ex(o, "for_whom_relation", &rel) ?
	    json_object_get_string(rel) : "relationship not given") == -1))
		rc = -1;

	for (i = 0; o != NULL && i < sizeof(flags) / sizeof(flags[0]); i++)
		if (json_object_object_get_ex(o, flags[i].key, &v) &&
		    json_object_get_boolean(v) &&
		    ((f = view_section(d, "FLAG")) == NULL ||
		    view_set(f, "LABEL", flags[i].label) == -1))
			rc = -1;
	if (o != NULL && json_object_object_get_ex(o, "impact", &v) &&
	    view_set(view_section(d, "IMPACT"), "TEXT", json_object_get_string(v)) == -1)
		rc = -1;
	json_object_put(o);
	return rc;
}

/* The answers to the type's questions, in the words they were asked. */
static int
answers_dict(struct view_dict *d, const char *answers)
{
	struct json_object *o = json_tokener_parse(answers), *q, *ans, *disp;
	struct view_dict *row;
	const char *text;
	int rc = 0;

	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return 0;
	}
	json_object_object_foreach(o, key, val) {
		(void)key;
		if (!json_object_object_get_ex(val, "question", &q) ||
		    !json_object_object_get_ex(val, "answer", &ans))
			continue;
		/* In the words the reporter chose; the stored codes only for
		 * answers kept before the words were (Open311's, say). */
		if (json_object_object_get_ex(val, "display", &disp) &&
		    *json_object_get_string(disp) != '\0')
			text = json_object_get_string(disp);
		else
			text = json_object_is_type(ans, json_type_array) ?
			    json_object_to_json_string_ext(ans, JSON_C_TO_STRING_PLAIN) :
			    json_object_get_string(ans);
		if ((row = view_section(d, "ANSWER")) == NULL ||
		    view_set(row, "QUESTION", json_object_get_string(q)) == -1 ||
		    view_set(row, "VALUE", text) == -1)
			rc = -1;
	}
	json_object_put(o);
	return rc;
}

static int
row_dict(struct view_dict *d, const struct report_row *r)
{
	return view_set(d, "REFERENCE", r->reference) == -1 ||
	    view_set(d, "INCIDENT", r->incident_reference) == -1 ||
	    view_set(d, "CHANNEL", r->channel) == -1 ||
	    view_set(d, "TYPE", r->type) == -1 ||
	    view_set(d, "PLACE", r->place) == -1 ||
	    (*r->place != '\0' && view_show(d, "WHERE") == -1) ||
	    view_set(d, "REPORTED", r->reported) == -1 ||
	    view_set(d, "DESCRIPTION", r->description) == -1 ||
	    (r->linked && view_show(d, "LINKED") == -1) ||
	    flags_dict(d, r->impact, r->incident_flags) == -1 ? -1 : 0;
}

/* GET /staff/reports?page=N: the newest reports first. */
void
report_list_get(struct req *r)
{
	const char *pg = req_query(r, "page");
	long page = pg != NULL ? strtol(pg, NULL, 10) : 1;
	struct report_row *rows;
	struct view_dict *d, *s;
	size_t n, i;

	if (page < 1 || page > 10000)
		page = 1;
	if (report_list_new(r->pg, r->arena, &r->actor, PAGE_SIZE + 1,
	    (int)(page - 1) * PAGE_SIZE, &rows, &n) == -1)
		return page_error(r, 503, NULL);
	if ((d = page_dict(r)) == NULL)
		return page_error(r, 500, NULL);
	view_show(d, n > 0 ? "RESULTS" : "NONE");
	for (i = 0; i < n && i < PAGE_SIZE; i++)
		if ((s = view_section(d, "ROW")) == NULL || row_dict(s, &rows[i]) == -1) {
			view_dict_free(d);
			return page_error(r, 500, NULL);
		}
	if (page > 1)
		view_set_int(view_section(d, "PREV"), "PAGE", page - 1);
	if (n > PAGE_SIZE)
		view_set_int(view_section(d, "NEXT"), "PAGE", page + 1);
	page_render(r, 200, "report_list.tpl", "New reports", d);
}

/* A partner's answer about one side ("affected", "responsible"): whether
 * they are its tenants, and who, in section `sec`. */
static int
side_dict(struct view_dict *d, struct json_object *partner, const char *key,
    const char *sec)
{
	struct json_object *side, *t, *who;
	struct view_dict *s;

	if (partner == NULL || !json_object_object_get_ex(partner, key, &side) ||
	    !json_object_is_type(side, json_type_object))
		return 0;
	json_object_object_get_ex(side, "tenant", &t);
	json_object_object_get_ex(side, "who", &who);
	return (s = view_section(d, sec)) == NULL ||
	    view_set(s, "TENANT", t == NULL ? "Not known" :
	    json_object_get_boolean(t) ? "Yes" : "No") == -1 ||
	    view_set(s, "WHO", who != NULL ? json_object_get_string(who) : "") == -1 ? -1 : 0;
}

/* A partner's report: who sent it and their organisation's details. */
static int
partner_dict(struct view_dict *d, const struct report_row *r)
{
	struct json_object *o, *v;
	struct view_dict *s;
	const char *tenants = "Not known";
	int rc;

	if (*r->partner == '\0' && *r->staff_name == '\0')
		return 0;
	if ((s = view_section(d, "PARTNER")) == NULL)
		return -1;
	o = json_tokener_parse(*r->partner ? r->partner : "{}");
	if (o != NULL && json_object_object_get_ex(o, "involves_tenants", &v) && v != NULL)
		tenants = json_object_get_boolean(v) ? "Yes" : "No";
	rc = view_set(s, "BY", r->staff_name) == -1 ||
	    view_set(s, "AGENCY", r->staff_agency) == -1 ||
	    view_set(s, "THEIR_REF", o != NULL && json_object_object_get_ex(o,
	    "reference", &v) ? json_object_get_string(v) : "") == -1 ||
	    view_set(s, "TENANCY_REF", o != NULL && json_object_object_get_ex(o,
	    "tenancy_reference", &v) ? json_object_get_string(v) : "") == -1 ||
	    view_set(s, "TENANTS", tenants) == -1 ||
	    side_dict(s, o, "affected", "AFFECTED") == -1 ||
	    side_dict(s, o, "responsible", "RESPONSIBLE") == -1 ? -1 : 0;
	json_object_put(o);
	return rc;
}

/* The files that came with one report: links for those who may open
 * them, names for the others. */
static int
files_dict(struct req *r, struct view_dict *d, const char *reference,
    const struct evidence_item *files, size_t n)
{
	int may_open = perm_has(r->actor.perms, PERM_EVIDENCE_VIEW);
	struct view_dict *f;
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(files[i].report_reference, reference) != 0)
			continue;
		if ((f = view_section(d, "FILE")) == NULL ||
		    view_set(f, "NAME", files[i].original_name) == -1 ||
		    view_set(f, "KIND", evidence_kind_words(files[i].category)) == -1 ||
		    view_set(f, "SIZE", evidence_size_words(r->arena, files[i].size)) == -1 ||
		    (may_open && view_set_int(view_section(f, "LINK"), "ID", files[i].id) == -1) ||
		    (!may_open && view_show(f, "NO_LINK") == -1))
			return -1;
	}
	return 0;
}

/* Adds the REPORT sections of an incident's page. Returns 0 or -1. */
int
reports_of_incident_dict(struct req *r, struct view_dict *d, long long incident_id)
{
	struct report_row *rows;
	struct evidence_item *files;
	struct view_dict *s, *c;
	size_t n, nfiles, i;

	if (report_list_for_incident(r->pg, r->arena, &r->actor, incident_id, &rows,
	    &n) == -1 || evidence_of_incident(r->pg, r->arena, &r->actor, incident_id,
	    &files, &nfiles) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if ((s = view_section(d, "REPORT")) == NULL || row_dict(s, &rows[i]) == -1 ||
		    answers_dict(s, rows[i].answers) == -1 ||
		    partner_dict(s, &rows[i]) == -1 ||
		    files_dict(r, s, rows[i].reference, files, nfiles) == -1)
			return -1;
		if (rows[i].person_id == 0) {
			if (*rows[i].staff_name == '\0')
				view_show(s, "NO_CONTACT");
			continue;
		}
		if ((c = view_section(s, "CONTACT")) == NULL ||
		    view_set(c, "NAME", rows[i].contact_name) == -1 ||
		    view_set(c, "EMAIL", rows[i].contact_email) == -1 ||
		    view_set(c, "PHONE", rows[i].contact_phone) == -1 ||
		    view_set(c, "PREFERRED", rows[i].contact_preferred) == -1)
			return -1;
	}
	return 0;
}
