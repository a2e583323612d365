/* History pages: a table of audit events, newest first, a page at a time.
 * history_show is the whole page for one record (an agency, a user, an
 * incident ...); activity.c uses history_dict for a person's or a team's
 * events. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/history.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/choice.h"
#include "pages/history.h"
#include "pages/layout.h"
#include "view/view.h"

/* What an audit action is called on the page. */
static const char *
action_label(struct req *r, const char *action)
{
	static const struct {
		const char *action, *label;
	} labels[] = {
		{ "create", "Created" },
		{ "update", "Changed" },
		{ "status", "Status changed" },
		{ "close", "Closed" },
		{ "reopen", "Reopened" },
		{ "close_requested", "Asked a supervisor to close it" },
		{ "view", "Viewed" },
		{ "search", "Searched" },
		{ "not_found", "Looked for a record that is not there or not theirs" },
		{ "download", "Downloaded" },
		{ "upload", "Uploaded evidence" },
		{ "add_report", "Report added" },
		{ "update_added", "Update added" },
		{ "call_added", "Call added" },
		{ "link", "Linked to another incident" },
		{ "unlink", "Unlinked from another incident" },
		{ "risk_assessed", "Risk assessed" },
		{ "risk_reviewed", "Risk reviewed" },
		{ "case_review_told", "Told about the ASB Case Review" },
		{ "merge", "Merged with another record" },
		{ "unmerge", "Merge undone" },
		{ "disable", "Disabled" },
		{ "enable", "Enabled" },
		{ "reset_totp", "Reset authenticator" },
		{ "totp_enrol", "Set up authenticator" },
		{ "password_set", "Changed password" },
		{ "view_history", "Viewed history" },
		{ "view_activity", "Viewed team activity" },
		{ "denied", "Refused: not allowed" },
		{ "csrf_rejected", "Refused: form expired" },
		{ "session_expired", "Session ended" },
		/* Monitored cases */
		{ "link_incident", "Incident linked" },
		{ "dismiss_suggestion", "Suggested incident dismissed" },
		{ "person_add", "Person added" },
		{ "group_add", "Named group added" },
		{ "place_add", "Place added" },
		{ "agency_add", "Agency added" },
		{ "agency_remove", "Agency removed" },
		{ "lead_change", "Lead officer changed" },
	};
	char *s;
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].action, action) == 0)
			return labels[i].label;
	if ((s = arena_strdup(r->arena, action)) == NULL)
		return action;
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == '_' || s[i] == '.')
			s[i] = ' ';
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* A name as words: "core_partner" is "Core partner". */
static const char *
words(struct req *r, const char *key)
{
	char *s = arena_strdup(r->arena, key);
	size_t i;

	if (s == NULL)
		return key;
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == '_')
			s[i] = ' ';
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* What a field of an audit row is called on the page: its label where
 * the words of its name would not say it, else those words. */
static const char *
field_label(struct req *r, const char *key)
{
	static const struct choice labels[] = {
		{ "agency_id", "Agency" },
		{ "owning_agency_id", "Owning agency" },
		{ "owner", "Owning agency" },
		{ "shared_with", "Shared with" },
		{ "team_id", "Team" },
		{ "user_id", "User" },
		{ "officer", "Officer in charge" },
		{ "officer_id", "Officer in charge" },
		{ "type", "Type" },
		{ "asb_type_id", "Type" },
		{ "parent", "Part of type" },
		{ "role_id", "Role" },
		{ "person_id", "Person" },
		{ "reporter_id", "Reporter" },
		{ "victim_id", "Victim" },
		{ "incident_id", "Incident" },
		{ "merged_into", "Merged into" },
		{ "merged", "Merged record" },
		{ "moved", "What moved" },
		{ "log_number", "Incident log number" },
		{ "nsir", "National standard (NSIR) qualifier" },
		{ "risk_level", "Risk level" },
		{ "risk_score", "Risk score" },
		{ "sort_order", "Order" },
		{ "triage_weight", "Weight in the provisional score" },
		{ "original_name", "File name" },
		{ "media_type", "File type" },
		{ "size", "Size in bytes" },
		{ "retention_days", "Days evidence is kept" },
		{ "specialist", "Specialist team" },
		{ "core_partner", "Core partner" },
		{ "asked", "Asked for" },
		{ "record", "Kind of record" },
	};
	int i = choice_find(labels, NCHOICES(labels), key);

	return i >= 0 ? labels[i].label : words(r, key);
}

/* One id or code of a record of this kind as its name: "Hackney Homes",
 * or "record 12" when the reader may not see it. */
static const char *
named(struct req *r, const struct history_page *pg, const char *kind,
    struct json_object *v)
{
	const char *n = NULL;

	if (json_object_is_type(v, json_type_int)) {
		n = history_name_of(pg, kind, (long long)json_object_get_int64(v), NULL);
		return n != NULL ? n : arena_printf(r->arena, "record %lld",
		    (long long)json_object_get_int64(v));
	}
	if (json_object_is_type(v, json_type_string) &&
	    (n = history_name_of(pg, kind, 0, json_object_get_string(v))) != NULL)
		return n;
	return NULL;
}

/* What a merge moved, counted: "2 parts in incidents, 1 report". */
static const char *
moved_text(struct req *r, struct json_object *v)
{
	static const struct choice what[] = {
		{ "incident_person", "parts in incidents" },
		{ "incident_reporter", "incidents as reporter" },
		{ "incident_victim", "incidents as victim" },
		{ "report_reporter", "reports" },
		{ "case_review_notice", "Case Review notices" },
		{ "incident_call", "calls" },
	};
	struct json_object *list;
	struct buf b = {0};
	const char *s;
	size_t i, n;

	for (i = 0; i < NCHOICES(what); i++) {
		if (!json_object_object_get_ex(v, what[i].value, &list) ||
		    !json_object_is_type(list, json_type_array) ||
		    (n = json_object_array_length(list)) == 0)
			continue;
		buf_printf(&b, "%s%zu %s", b.len > 0 ? ", " : "", n, what[i].label);
	}
	s = b.oom ? NULL : b.len == 0 ? "nothing" : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return s != NULL ? s : "";
}

/* A value as text: strings as they are, true and false as Yes and No,
 * lists joined with commas, the ids and codes of records (by the field's
 * kind) as their names, an incident's status in words; nothing (absent,
 * null, empty) as "none". */
static const char *
value_text(struct req *r, const struct history_page *pg, const char *key,
    struct json_object *v)
{
	const char *kind = history_field_kind(key), *s;
	struct buf b = {0};
	size_t i, n;

	if (v == NULL)
		return "(none)";
	if (kind != NULL && !json_object_is_type(v, json_type_array) &&
	    (s = named(r, pg, kind, v)) != NULL)
		return s;
	switch (json_object_get_type(v)) {
	case json_type_null:
		return "(none)";
	case json_type_boolean:
		return json_object_get_boolean(v) ? "Yes" : "No";
	case json_type_string:
		s = json_object_get_string(v);
		if (strcmp(key, "status") == 0)
			return status_label(s);
		return *s == '\0' ? "(none)" : arena_strdup(r->arena, s);
	case json_type_array:
		if ((n = json_object_array_length(v)) == 0)
			return "(none)";
		for (i = 0; i < n; i++) {
			struct json_object *e = json_object_array_get_idx(v, i);

			if (i > 0)
				buf_puts(&b, ", ");
			if (kind != NULL && (s = named(r, pg, kind, e)) != NULL)
				buf_puts(&b, s);
			else
				buf_puts(&b, json_object_is_type(e, json_type_string) ?
				    json_object_get_string(e) : json_object_to_json_string(e));
		}
		s = b.oom ? NULL : arena_strndup(r->arena, b.data, b.len);
		buf_free(&b);
		return s != NULL ? s : "";
	case json_type_object:
		if (strcmp(key, "moved") == 0)
			return moved_text(r, v);
		/* FALLTHROUGH */
	default:
		return arena_strdup(r->arena, json_object_to_json_string_ext(v,
		    JSON_C_TO_STRING_PLAIN));
	}
}

/* One CHANGE per field in before or after: FIELD, BEFORE and AFTER. */
static int
changes_dict(struct req *r, const struct history_page *pg, struct view_dict *row,
    const char *before_text, const char *after_text)
{
	struct json_object *before = NULL, *after = NULL, *v;
	struct view_dict *c, *list = NULL;
	int rc = -1;

	if (*before_text != '\0')
		before = json_tokener_parse(before_text);
	if (*after_text != '\0')
		after = json_tokener_parse(after_text);
	if (after != NULL && json_object_is_type(after, json_type_object)) {
		json_object_object_foreach(after, key, val) {
			if (list == NULL && (list = view_section(row, "CHANGES")) == NULL)
				goto out;
			if (before == NULL || !json_object_object_get_ex(before, key, &v))
				v = NULL;
			if ((c = view_section(list, "CHANGE")) == NULL ||
			    view_set(c, "FIELD", field_label(r, key)) == -1 ||
			    view_set(c, "BEFORE", value_text(r, pg, key, v)) == -1 ||
			    view_set(c, "AFTER", value_text(r, pg, key, val)) == -1)
				goto out;
		}
	}
	if (before != NULL && json_object_is_type(before, json_type_object)) {
		json_object_object_foreach(before, key, val) {
			if (after != NULL && json_object_is_type(after, json_type_object) &&
			    json_object_object_get_ex(after, key, NULL))
				continue;
			if (list == NULL && (list = view_section(row, "CHANGES")) == NULL)
				goto out;
			if ((c = view_section(list, "CHANGE")) == NULL ||
			    view_set(c, "FIELD", field_label(r, key)) == -1 ||
			    view_set(c, "BEFORE", value_text(r, pg, key, val)) == -1 ||
			    view_set(c, "AFTER", "(none)") == -1)
				goto out;
		}
	}
	rc = 0;
out:
	json_object_put(before);
	json_object_put(after);
	return rc;
}

/* Reads ?page=, ?hide=views and ?upto= (anything else there is ignored:
 * the first page, everything shown, as of now). */
void
history_cursor_read(struct req *r, struct history_cursor *cur)
{
	long long v;

	memset(cur, 0, sizeof(*cur));
	cur->page = admin_id_value(req_query(r, "page"), &v) == 0 && v < 1000000 ?
	    (int)v : 1;
	cur->hide_views = kv_get(&r->query, "hide") != NULL &&
	    strcmp(kv_get(&r->query, "hide"), "views") == 0;
	if (admin_id_value(req_query(r, "upto"), &cur->upto) == -1)
		cur->upto = 0;
}

/* The kind of record an audit row is about, as staff call it. */
static const char *
entity_label(struct req *r, const char *entity)
{
	static const struct choice labels[] = {
		{ "asb_type", "ASB type" },
		{ "lookup", "Look-up" },
		{ "user", "User" },
	};

	int i = choice_find(labels, NCHOICES(labels), entity);

	return i >= 0 ? labels[i].label : words(r, entity);
}

/* Where the record an event is about is seen, or NULL. */
static const char *
record_href(struct req *r, const struct history_event *e)
{
	if (*e->record == '\0' || *e->entity_id == '\0')
		return NULL;
	if (strcmp(e->entity, "incident") == 0 || strcmp(e->entity, "report") == 0)
		return arena_printf(r->arena, "/staff/incidents/%s", e->record);
	if (strcmp(e->entity, "person") == 0)
		return arena_printf(r->arena, "/staff/people/%s", e->entity_id);
	return NULL;
}

/* The link to page n of this history, with the filter and the reading. */
static const char *
page_href(struct req *r, const char *base, const struct history_page *pg,
    int hide, int n)
{
	return arena_printf(r->arena, "%s%spage=%d%s&upto=%lld", base,
	    strchr(base, '?') != NULL ? "&" : "?", n, hide ? "&hide=views" : "",
	    pg->upto);
}

/* GOV.UK pagination: Previous, the first, the last and the pages either
 * side of this one (gaps as ellipses), Next; and "Showing 51 to 100 of
 * 230 events". */
static int
pagination_dict(struct req *r, struct view_dict *d, const struct history_page *pg,
    const char *base, int hide)
{
	struct view_dict *nav, *s, *item;
	long long from = (long long)(pg->page - 1) * HISTORY_PAGE_SIZE + 1;
	int n, gap = 0;

	if ((s = view_section(d, "SHOWING")) == NULL ||
	    view_set(s, "FROM", arena_printf(r->arena, "%lld", from)) == -1 ||
	    view_set(s, "TO", arena_printf(r->arena, "%lld", from + (long long)pg->n - 1)) == -1 ||
	    view_set(s, "TOTAL", arena_printf(r->arena, "%lld", pg->total)) == -1)
		return -1;
	if (pg->pages <= 1)
		return 0;
	if ((nav = view_section(d, "PAGINATION")) == NULL)
		return -1;
	if (pg->page > 1 && ((s = view_section(nav, "PREV")) == NULL ||
	    view_set(s, "HREF", page_href(r, base, pg, hide, pg->page - 1)) == -1))
		return -1;
	for (n = 1; n <= pg->pages; n++) {
		if (n != 1 && n != pg->pages && (n < pg->page - 1 || n > pg->page + 1)) {
			if (!gap && ((item = view_section(nav, "ITEM")) == NULL ||
			    view_show(item, "GAP") == -1))
				return -1;
			gap = 1;
			continue;
		}
		gap = 0;
		if ((item = view_section(nav, "ITEM")) == NULL ||
		    (s = view_section(item, "PAGE")) == NULL ||
		    view_set_int(s, "N", n) == -1 ||
		    view_set(s, "HREF", page_href(r, base, pg, hide, n)) == -1 ||
		    (n == pg->page && view_show(s, "CURRENT") == -1))
			return -1;
	}
	if (pg->page < pg->pages && ((s = view_section(nav, "NEXT")) == NULL ||
	    view_set(s, "HREF", page_href(r, base, pg, hide, pg->page + 1)) == -1))
		return -1;
	return 0;
}

/* The "Hide views" form: a GET to the page itself, keeping the page's
 * other filters (base's query) as hidden fields. */
static int
hide_form_dict(struct req *r, struct view_dict *d, const char *base, int hide)
{
	struct view_dict *f, *k;
	size_t i;

	if ((f = view_section(d, "HIDE_FORM")) == NULL ||
	    view_set(f, "ACTION", r->path) == -1 ||
	    (hide && view_show(f, "HIDE_CHECKED") == -1))
		return -1;
	if (strchr(base, '?') == NULL)
		return 0;
	for (i = 0; i < r->query.n; i++) {
		const struct kv *q = &r->query.v[i];

		if (strcmp(q->key, "page") == 0 || strcmp(q->key, "hide") == 0 ||
		    strcmp(q->key, "upto") == 0)
			continue;
		if ((k = view_section(f, "KEEP")) == NULL ||
		    view_set(k, "NAME", q->key) == -1 ||
		    view_set(k, "VALUE", q->val) == -1)
			return -1;
	}
	return 0;
}

/* Fills history.tpl's table from a page of events: EVENTS with one EVENT
 * each, or NO_EVENTS; the "Hide views" form, "Showing 1 to 50 of 230"
 * and the pagination, whose links go to base_href (which may carry a
 * query already). show_record adds the Record column. */
int
history_dict(struct req *r, struct view_dict *d, const struct history_page *pg,
    const char *base_href, int show_record)
{
	struct history_cursor cur;
	struct view_dict *table, *row, *s;
	const char *href;
	size_t i;

	history_cursor_read(r, &cur);
	if (hide_form_dict(r, d, base_href, cur.hide_views) == -1)
		return -1;
	if (pg->n == 0)
		return view_show(d, "NO_EVENTS");
	if ((table = view_section(d, "EVENTS")) == NULL ||
	    (show_record && view_show(table, "RECORD_COL") == -1))
		return -1;
	for (i = 0; i < pg->n; i++) {
		const struct history_event *e = &pg->events[i];

		if ((row = view_section(table, "EVENT")) == NULL ||
		    view_set(row, "WHEN", e->when) == -1 ||
		    view_set(row, "WHEN_ISO", e->when_iso) == -1 ||
		    view_set(row, "WHO", *e->who != '\0' ? e->who : "Concord (system)") == -1 ||
		    view_set(row, "ACTION", action_label(r, e->action)) == -1 ||
		    changes_dict(r, pg, row, e->before, e->after) == -1)
			return -1;
		if (*e->agency != '\0' && ((s = view_section(row, "AGENCY")) == NULL ||
		    view_set(s, "NAME", e->agency) == -1))
			return -1;
		if (*e->reason != '\0' && ((s = view_section(row, "REASON")) == NULL ||
		    view_set(s, "TEXT", e->reason) == -1))
			return -1;
		if (!show_record)
			continue;
		if ((s = view_section(row, "RECORD")) == NULL ||
		    view_set(s, "ENTITY", entity_label(r, e->entity)) == -1 ||
		    view_set(s, "NAME", *e->record != '\0' ? e->record :
		    *e->entity_id != '\0' ? arena_printf(r->arena, "record %s",
		    e->entity_id) : "") == -1)
			return -1;
		if ((href = record_href(r, e)) != NULL &&
		    ((s = view_section(s, "LINK")) == NULL ||
		    view_set(s, "HREF", href) == -1))
			return -1;
	}
	return pagination_dict(r, d, pg, base_href, cur.hide_views);
}

/* The history page of one record: title, a back link, and its events.
 * The caller has checked that the record exists and the user may see it;
 * this audits the viewing. */
void
history_show(struct req *r, const char *title, const char *back_href,
    const char *entity, const char *entity_id)
{
	struct history_cursor cur;
	struct history_page pg;
	struct view_dict *d;

	history_cursor_read(r, &cur);
	if (history_of_record(r->pg, r->arena, &r->actor, entity, entity_id, &cur, &pg) == -1)
		return page_error(r, 500, NULL);
	d = page_dict(r);
	if (d != NULL && (view_set(d, "HEADING", title) == -1 ||
	    view_show(d, "OWN_HEADING") == -1 ||
	    view_set(d, "BACK_HREF", back_href) == -1 ||
	    history_dict(r, d, &pg, r->path, 0) == -1)) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 200, "history.tpl", title, d);
}
