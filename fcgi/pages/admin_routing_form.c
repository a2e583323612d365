/* Adding and changing a routing rule: its name, its conditions (types,
 * categories, flags, channels, reporting agencies, areas), the teams it
 * sends to and whether later rules still apply. The form offers what is
 * active, and keeps showing (ticked, so they can be unticked) what a saved
 * rule names that has since gone or been made inactive; saving refuses
 * those (domain/rule_check.c rule_invalid_find). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/admin_asb.h"
#include "domain/routing_rule.h"
#include "domain/rule_check.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/admin_routing.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* The form as typed: stop is -1 when not chosen. */
struct rule_form {
	struct routing_rule	 rule;
	int			 stop;
	const char		*areas_text;	/* as typed, for the form again */
	const char		*reason;
};

/* ---- The form's options ---- */

/* The types: every active one, and any the rule names that is not. */
static int
types_dict(struct req *r, struct view_dict *d, const struct rule_form *f,
    const struct rule_refs *refs)
{
	const struct rule_type *t;
	size_t i, k = 0;
	int on;

	for (i = 0; i < refs->ntypes; i++) {
		t = &refs->types[i];
		on = rule_words_has(&f->rule.types, t->code);
		if ((t->active || on) && routing_check_item(r, d, "TYPE_OPTION", "types",
		    &k, t->code, t->active ? t->name : arena_printf(r->arena,
		    "%s (inactive)", t->name), on) == -1)
			return -1;
	}
	for (i = 0; i < f->rule.types.n; i++)
		if (rule_refs_type(refs, f->rule.types.v[i]) == NULL &&
		    routing_check_item(r, d, "TYPE_OPTION", "types", &k, f->rule.types.v[i],
		    arena_printf(r->arena, "“%s” (no longer in the catalogue)",
		    f->rule.types.v[i]), 1) == -1)
			return -1;
	return 0;
}

/* The categories, flags and channels: fixed lists. */
static int
fixed_dict(struct req *r, struct view_dict *d, const struct rule_form *f)
{
	size_t i, k;

	for (i = 0, k = 0; i < ASB_CATEGORIES_N; i++)
		if (routing_check_item(r, d, "CATEGORY_OPTION", "categories", &k,
		    asb_categories[i].code, asb_categories[i].label,
		    rule_words_has(&f->rule.categories, asb_categories[i].code)) == -1)
			return -1;
	for (i = 0, k = 0; i < ROUTE_FLAGS; i++)
		if (routing_check_item(r, d, "FLAG_OPTION", "flags", &k, route_flag_names[i],
		    route_flag_words[i], rule_words_has(&f->rule.flags, route_flag_names[i])) == -1)
			return -1;
	for (i = 0, k = 0; i < RULE_CHANNELS_N; i++)
		if (routing_check_item(r, d, "CHANNEL_OPTION", "channels", &k,
		    rule_channels[i].code, rule_channels[i].label,
		    rule_words_has(&f->rule.channels, rule_channels[i].code)) == -1)
			return -1;
	return 0;
}

/* The reporting agencies: every active one, and any the rule names. */
static int
agencies_dict(struct req *r, struct view_dict *d, const struct rule_form *f,
    const struct rule_refs *refs)
{
	const struct rule_agency *g;
	size_t i, k = 0;
	int on;

	for (i = 0; i < refs->nagencies; i++) {
		g = &refs->agencies[i];
		on = rule_ids_has(&f->rule.agencies, g->id);
		if ((g->active || on) && routing_check_item(r, d, "AGENCY_OPTION",
		    "agencies", &k, arena_printf(r->arena, "%lld", g->id), g->active ?
		    g->name : arena_printf(r->arena, "%s (inactive)", g->name), on) == -1)
			return -1;
	}
	return 0;
}

/* The current beats and council areas, for the list under the codes. */
static int
areas_dict(struct view_dict *d, const struct rule_refs *refs)
{
	struct view_dict *row;
	size_t i;

	for (i = 0; i < refs->nareas; i++)
		if ((row = view_section(d, "AREA_ROW")) == NULL ||
		    view_set(row, "CODE", refs->areas[i].code) == -1 ||
		    view_set(row, "NAME", refs->areas[i].name) == -1 ||
		    view_set(row, "KIND", refs->areas[i].beat ? "Beat" : "Council area") == -1 ||
		    view_set(row, "AGENCY", refs->areas[i].agency_name) == -1)
			return -1;
	return 0;
}

/* The teams, grouped by agency: every active one, and any the rule names
 * (those that no longer exist in a group of their own). */
static int
teams_dict(struct req *r, struct view_dict *d, const struct rule_form *f,
    const struct rule_refs *refs)
{
	const struct rule_team *t;
	struct view_dict *group = NULL;
	long long agency = 0;
	size_t i, k = 0;
	int on;

	for (i = 0; i < refs->nteams; i++) {
		t = &refs->teams[i];
		on = rule_ids_has(&f->rule.teams, t->id);
		if (!t->active && !on)
			continue;
		if ((group == NULL || t->agency_id != agency) &&
		    ((group = view_section(d, "TEAM_GROUP")) == NULL ||
		    view_set(group, "AGENCY", t->agency_name) == -1))
			return -1;
		agency = t->agency_id;
		if (routing_check_item(r, group, "TEAM_OPTION", "teams", &k,
		    arena_printf(r->arena, "%lld", t->id), t->active ? t->name :
		    arena_printf(r->arena, "%s (inactive)", t->name), on) == -1)
			return -1;
	}
	group = NULL;
	for (i = 0; i < f->rule.teams.n; i++) {
		if (rule_refs_team(refs, f->rule.teams.v[i]) != NULL)
			continue;
		if (group == NULL && ((group = view_section(d, "TEAM_GROUP")) == NULL ||
		    view_set(group, "AGENCY", "Teams that no longer exist") == -1))
			return -1;
		if (routing_check_item(r, group, "TEAM_OPTION", "teams", &k,
		    arena_printf(r->arena, "%lld", f->rule.teams.v[i]),
		    arena_printf(r->arena, "Team %lld", f->rule.teams.v[i]), 1) == -1)
			return -1;
	}
	return 0;
}

/* The area codes one a line, for the textarea. */
static const char *
areas_text(struct req *r, const struct rule_words *w)
{
	struct buf b = {0};
	const char *s;
	size_t i;

	for (i = 0; i < w->n; i++)
		buf_printf(&b, "%s%s", i > 0 ? "\n" : "", w->v[i]);
	if (b.len == 0) {
		buf_free(&b);
		return "";
	}
	s = b.oom ? NULL : arena_strndup(r->arena, b.data, b.len);
	buf_free(&b);
	return s;
}

/* Renders the add or change form with what was typed and any problems. */
static void
rule_form_page(struct req *r, int status, const struct rule_form *f,
    const struct rule_refs *refs, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *o;
	int editing = f->rule.id != 0;
	const char *title = editing ? "Change a routing rule" : "Add a routing rule";

	if (d == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 ||
	    view_set(d, "BUTTON", editing ? "Save changes" : "Add rule") == -1 ||
	    view_set(d, "ACTION", editing ? arena_printf(r->arena,
	    "/admin/routing/%lld", f->rule.id) : "/admin/routing") == -1 ||
	    view_set(d, "NAME", f->rule.name) == -1 ||
	    view_set(d, "AREAS", f->areas_text) == -1 ||
	    view_set(d, "REASON", f->reason) == -1 ||
	    admin_yes_no_dict(d, "STOP", f->stop) == -1 ||
	    types_dict(r, d, f, refs) == -1 || fixed_dict(r, d, f) == -1 ||
	    agencies_dict(r, d, f, refs) == -1 || areas_dict(d, refs) == -1 ||
	    teams_dict(r, d, f, refs) == -1 || form_errors_dict(d, errs) == -1)
		goto fail;
	if (editing && ((o = view_section(d, "EDITING")) == NULL ||
	    view_set_int(o, "ID", f->rule.id) == -1 ||
	    view_set_int(o, "POSITION", f->rule.position) == -1 ||
	    view_set(o, "VERSION", f->rule.version) == -1 ||
	    view_set(o, "NAME", f->rule.name) == -1))
		goto fail;
	return page_render(r, status, "admin_routing_form.tpl",
	    form_title(r, errs, title), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_routing_form.tpl", title, NULL);
}

/* ---- Reading the form ---- */

/* The ids ticked in a group of checkboxes, as a rule's list. */
static void
form_ids(struct req *r, const char *name, struct rule_ids *ids)
{
	ids->v = admin_ids(r, name, &ids->n);
}

/* The area codes typed, one a line or separated by commas, each once. 0,
 * or -1 out of memory. */
static int
areas_read(struct req *r, struct rule_form *f)
{
	struct kvlist split = {0};
	const char *s = req_form(r, "areas"), *e, *code;
	size_t len;

	f->areas_text = s != NULL ? s : "";
	for (s = f->areas_text; *s != '\0'; s = *e != '\0' ? e + 1 : e) {
		e = s + strcspn(s, ",\r\n");
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		for (len = (size_t)(e - s); len > 0 && (s[len - 1] == ' ' ||
		    s[len - 1] == '\t'); len--)
			;
		if (len > 0 && ((code = arena_strndup(r->arena, s, len)) == NULL ||
		    kv_add(r->arena, &split, "areas", code, len) == -1))
			return -1;
	}
	return routing_words(r, &split, "areas", &f->rule.areas);
}

/* Reads and checks the form against what rules may name. Returns 0, or
 * -1 when out of memory. */
static int
rule_form_read(struct req *r, struct rule_form *f, const struct rule_refs *refs,
    struct form_errors *errs)
{
	struct rule_invalid bad[FORM_ERRORS_MAX];
	int i, n;

	f->rule.name = form_text(r, "name", RULE_NAME_MAX, errs, "name",
	    "Enter a name for the rule", "Name must be 200 characters or fewer");
	if (routing_words(r, &r->form, "types", &f->rule.types) == -1 ||
	    routing_words(r, &r->form, "categories", &f->rule.categories) == -1 ||
	    routing_words(r, &r->form, "flags", &f->rule.flags) == -1 ||
	    routing_words(r, &r->form, "channels", &f->rule.channels) == -1 ||
	    areas_read(r, f) == -1)
		return -1;
	form_ids(r, "agencies", &f->rule.agencies);
	form_ids(r, "teams", &f->rule.teams);
	if ((n = rule_invalid_find(r->arena, &f->rule, refs, bad, FORM_ERRORS_MAX)) < 0)
		return -1;
	/* One message a field, as GOV.UK shows them: the next shows once the
	 * first is put right. */
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(bad[i].field, bad[i - 1].field) != 0)
			form_error(errs, bad[i].field, bad[i].message);
	f->stop = admin_yes_no(r, "stop", errs, "stop",
	    "Select yes if later rules should not apply when this one matches");
	f->rule.stop = f->stop == 1;
	f->reason = admin_reason(r, "reason", 0, errs);
	f->rule.version = admin_version(r);
	return f->rule.name && f->reason ? 0 : -1;
}

/* ---- Handlers ---- */

/* GET /admin/routing/new */
void
routing_new_get(struct req *r)
{
	struct rule_form f = { .rule = { .name = "" }, .stop = 0, .areas_text = "",
	    .reason = "" };
	struct form_errors errs = {0};
	struct routing_rule *rules;
	struct rule_refs refs;
	size_t n;

	if (routing_rules_read(r->pg, r->arena, &r->actor, &rules, &n, &refs) == -1)
		return page_error(r, 500, NULL);
	rule_form_page(r, 200, &f, &refs, &errs);
}

/* POST /admin/routing: 303 to the rules; 400 with the form. */
void
routing_create_post(struct req *r)
{
	struct rule_form f = {0};
	struct form_errors errs = {0};
	struct routing_rule *rules;
	struct rule_refs refs;
	size_t n;

	if (routing_rules_read(r->pg, r->arena, &r->actor, &rules, &n, &refs) == -1 ||
	    rule_form_read(r, &f, &refs, &errs) == -1)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return rule_form_page(r, 400, &f, &refs, &errs);
	if (routing_rule_create(r->pg, r->arena, &r->actor, &f.rule, f.reason) != ADMIN_OK)
		return page_error(r, 500, NULL);
	admin_done(r, arena_printf(r->arena, "Rule %d “%s” has been added.",
	    f.rule.position, f.rule.name), "/admin/routing");
}

/* GET /admin/routing/{id} */
void
routing_edit_get(struct req *r)
{
	struct rule_form f = { .reason = "" };
	struct form_errors errs = {0};
	struct rule_refs refs;
	long long id;

	if (admin_id_param(r, &id) == -1 || !admin_found(r, routing_rule_get(r->pg,
	    r->arena, &r->actor, id, &f.rule, &refs)))
		return;
	f.stop = f.rule.stop;
	if ((f.areas_text = areas_text(r, &f.rule.areas)) == NULL)
		return page_error(r, 500, NULL);
	rule_form_page(r, 200, &f, &refs, &errs);
}

/* POST /admin/routing/{id}: 303 to the rules; 400 with the form; 409 when
 * someone else changed the rule since the form was loaded. */
void
routing_update_post(struct req *r)
{
	struct rule_form f = {0};
	struct form_errors errs = {0};
	struct routing_rule cur;
	struct rule_refs refs;
	enum admin_rc rc;
	long long id;

	if (admin_id_param(r, &id) == -1 || !admin_found(r, routing_rule_get(r->pg,
	    r->arena, &r->actor, id, &cur, &refs)))
		return;
	if (rule_form_read(r, &f, &refs, &errs) == -1)
		return page_error(r, 500, NULL);
	f.rule.id = id;
	f.rule.position = cur.position;
	if (errs.n > 0)
		return rule_form_page(r, 400, &f, &refs, &errs);
	rc = routing_rule_update(r->pg, r->arena, &r->actor, &f.rule, f.reason);
	if (!admin_updated(r, rc, "rule", arena_printf(r->arena, "rule %d “%s”",
	    cur.position, f.rule.name), arena_printf(r->arena,
	    "Rule %d “%s” has been changed.", cur.position, f.rule.name), NULL,
	    "/admin/routing"))
		page_error(r, 500, NULL);
}
