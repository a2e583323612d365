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

/* A field name as words: "core_partner" is "Core partner". */
static const char *
field_label(struct req *r, const char *key)
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

/* A value as text: strings as they are, true and false as Yes and No,
 * lists joined with commas; nothing (absent, null, empty) as "none". */
static const char *
value_text(struct req *r, struct json_object *v)
{
	struct buf b = {0};
	const char *s;
	size_t i, n;

	if (v == NULL)
		return "(none)";
	switch (json_object_get_type(v)) {
	case json_type_null:
		return "(none)";
	case json_type_boolean:
		return json_object_get_boolean(v) ? "Yes" : "No";
	case json_type_string:
		s = json_object_get_string(v);
		return *s == '\0' ? "(none)" : arena_strdup(r->arena, s);
	case json_type_array:
		if ((n = json_object_array_length(v)) == 0)
			return "(none)";
		for (i = 0; i < n; i++) {
			struct json_object *e = json_object_array_get_idx(v, i);

			if (i > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, json_object_is_type(e, json_type_string) ?
			    json_object_get_string(e) : json_object_to_json_string(e));
		}
		s = b.oom ? NULL : arena_strndup(r->arena, b.data, b.len);
		buf_free(&b);
		return s != NULL ? s : "";
	default:
		return arena_strdup(r->arena, json_object_to_json_string_ext(v,
		    JSON_C_TO_STRING_PLAIN));
	}
}

/* One CHANGE per field in before or after: FIELD, BEFORE and AFTER. */
static int
changes_dict(struct req *r, struct view_dict *row, const char *before_text,
    const char *after_text)
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
			    view_set(c, "BEFORE", value_text(r, v)) == -1 ||
			    view_set(c, "AFTER", value_text(r, val)) == -1)
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
			    view_set(c, "BEFORE", value_text(r, val)) == -1 ||
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

/* Reads ?before= and ?after= (anything else there is ignored: the first
 * page is shown). */
void
history_cursor_read(struct req *r, struct history_cursor *cur)
{
	memset(cur, 0, sizeof(*cur));
	if (admin_id_value(req_query(r, "after"), &cur->after) == -1)
		cur->after = 0;
	if (cur->after == 0 && admin_id_value(req_query(r, "before"), &cur->before) == -1)
		cur->before = 0;
}

/* Fills history.tpl's table from a page of events: EVENTS with one EVENT
 * each, or NO_EVENTS; NEWER and OLDER links (HREF) go to base_href, which
 * may carry a query already. show_record adds the Record column. */
int
history_dict(struct req *r, struct view_dict *d, const struct history_page *pg,
    const char *base_href, int show_record)
{
	struct view_dict *table, *row, *s;
	const char *sep = strchr(base_href, '?') != NULL ? "&" : "?";
	size_t i;

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
		    changes_dict(r, row, e->before, e->after) == -1)
			return -1;
		if (*e->agency != '\0' && ((s = view_section(row, "AGENCY")) == NULL ||
		    view_set(s, "NAME", e->agency) == -1))
			return -1;
		if (*e->reason != '\0' && ((s = view_section(row, "REASON")) == NULL ||
		    view_set(s, "TEXT", e->reason) == -1))
			return -1;
		if (show_record && ((s = view_section(row, "RECORD")) == NULL ||
		    view_set(s, "ENTITY", field_label(r, e->entity)) == -1 ||
		    view_set(s, "ENTITY_ID", e->entity_id) == -1))
			return -1;
	}
	if ((pg->newer != 0 || pg->older != 0) && view_show(d, "PAGINATION") == -1)
		return -1;
	if (pg->newer != 0 && ((s = view_section(d, "NEWER")) == NULL ||
	    view_set(s, "HREF", arena_printf(r->arena, "%s%safter=%lld", base_href,
	    sep, pg->newer)) == -1))
		return -1;
	if (pg->older != 0 && ((s = view_section(d, "OLDER")) == NULL ||
	    view_set(s, "HREF", arena_printf(r->arena, "%s%sbefore=%lld", base_href,
	    sep, pg->older)) == -1))
		return -1;
	return 0;
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
	const char *self;

	history_cursor_read(r, &cur);
	if (history_of_record(r->pg, r->arena, &r->actor, entity, entity_id, &cur, &pg) == -1)
		return page_error(r, 500, NULL);
	self = r->path;
	d = page_dict(r);
	if (d != NULL && (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BACK_HREF", back_href) == -1 ||
	    history_dict(r, d, &pg, self, 0) == -1)) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 200, "history.tpl", title, d);
}
