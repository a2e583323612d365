/* The routing rules page (/admin/routing): the rules in order with their
 * conditions in words, the teams they send to and the problems found in
 * them (domain/rule_check.c), the force's manual triage queue, and the
 * "try it" box (pages/admin_routing_try.c); moving a rule up or down,
 * deleting one, and a rule's history. */
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

/* ---- Shared by the rules pages ---- */

/* The values of name in kv (a form, a query), each once, as a rule's list
 * (strings in the request's arena). 0, or -1 out of memory. */
int
routing_words(struct req *r, const struct kvlist *kv, const char *name,
    struct rule_words *w)
{
	size_t i, k, count = kv_count(kv, name);

	w->v = NULL;
	w->n = 0;
	if (count == 0)
		return 0;
	if ((w->v = arena_calloc(r->arena, count, sizeof(*w->v))) == NULL)
		return -1;
	for (i = 0; i < kv->n; i++) {
		if (strcmp(kv->v[i].key, name) != 0 || kv->v[i].val[0] == '\0')
			continue;
		for (k = 0; k < w->n && strcmp(w->v[k], kv->v[i].val) != 0; k++)
			;
		if (k == w->n)
			w->v[w->n++] = kv->v[i].val;
	}
	return 0;
}

/* One checkbox of the group name in section of d: its id is name for the
 * first (*k 0: what an error links to), then name-2, name-3 ... 0 or -1. */
int
routing_check_item(struct req *r, struct view_dict *d, const char *section,
    const char *name, size_t *k, const char *value, const char *label, int checked)
{
	struct view_dict *o;
	const char *id = *k == 0 ? name : arena_printf(r->arena, "%s-%zu", name, *k + 1);

	(*k)++;
	if (value == NULL || label == NULL || (o = view_section(d, section)) == NULL ||
	    view_set(o, "ID", id) == -1 || view_set(o, "VALUE", value) == -1 ||
	    view_set(o, "LABEL", label) == -1 || (checked && view_show(o, "CHECKED") == -1))
		return -1;
	return 0;
}

/* One line of a rule's conditions, "Type: Noise or Graffiti", from what
 * b holds (nothing when it holds nothing), b emptied. 0 or -1. */
static int
condition_line(struct view_dict *d, const char *what, struct buf *b)
{
	struct view_dict *o;
	const char *values;
	int rc = 0;

	if (b->len > 0)
		rc = (values = buf_cstr(b)) == NULL || b->oom ||
		    (o = view_section(d, "CONDITION")) == NULL ||
		    view_set(o, "WHAT", what) == -1 || view_set(o, "VALUES", values) == -1 ?
		    -1 : 0;
	buf_reset(b);
	return rc;
}

/* Adds one value to a line: "a", "a or b", "a, b or c" (join: "or", "and"). */
static void
line_add(struct buf *b, size_t i, size_t n, const char *join, const char *value)
{
	buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? join : ", ", value);
}

/* The rule's conditions in words, one CONDITION (WHAT, VALUES) each, or
 * EVERY when it has none. 0 or -1. */
int
routing_conditions_dict(struct req *r, struct view_dict *d,
    const struct routing_rule *rule, const struct rule_refs *refs)
{
	const struct rule_type *t;
	const struct rule_agency *g;
	const struct rule_area *a;
	struct buf b = {0};
	size_t i;
	int rc = -1;

	for (i = 0; i < rule->types.n; i++)
		line_add(&b, i, rule->types.n, " or ", (t = rule_refs_type(refs,
		    rule->types.v[i])) != NULL ? t->name : rule->types.v[i]);
	if (condition_line(d, "Type", &b) == -1)
		goto out;
	for (i = 0; i < rule->categories.n; i++)
		line_add(&b, i, rule->categories.n, " or ",
		    asb_category_label(rule->categories.v[i]));
	if (condition_line(d, "Category", &b) == -1)
		goto out;
	for (i = 0; i < rule->flags.n; i++) {
		int fl = route_flag_parse(rule->flags.v[i]);

		line_add(&b, i, rule->flags.n, " and ", fl >= 0 ? route_flag_words[fl] :
		    rule->flags.v[i]);
	}
	if (condition_line(d, rule->flags.n > 1 ? "Flags, all of" : "Flag", &b) == -1)
		goto out;
	for (i = 0; i < rule->channels.n; i++)
		line_add(&b, i, rule->channels.n, " or ", rule_def_label(rule_channels,
		    RULE_CHANNELS_N, rule->channels.v[i]));
	if (condition_line(d, "Channel", &b) == -1)
		goto out;
	for (i = 0; i < rule->agencies.n; i++)
		line_add(&b, i, rule->agencies.n, " or ", (g = rule_refs_agency(refs,
		    rule->agencies.v[i])) != NULL ? g->name : arena_printf(r->arena,
		    "agency %lld", rule->agencies.v[i]));
	if (condition_line(d, "Reported by", &b) == -1)
		goto out;
	for (i = 0; i < rule->areas.n; i++)
		line_add(&b, i, rule->areas.n, " or ", (a = rule_refs_area(refs,
		    rule->areas.v[i])) != NULL ? arena_printf(r->arena, "%s (%s)", a->name,
		    a->code) : rule->areas.v[i]);
	if (condition_line(d, "In area", &b) == -1)
		goto out;
	rc = rule->types.n + rule->categories.n + rule->flags.n + rule->channels.n +
	    rule->agencies.n + rule->areas.n == 0 ? view_show(d, "EVERY") : 0;
out:
	buf_free(&b);
	return rc;
}

/* ---- The rules page ---- */

/* The teams a rule sends to, each TEAM (NAME, AGENCY). 0 or -1. */
static int
rule_teams_dict(struct req *r, struct view_dict *d, const struct routing_rule *rule,
    const struct rule_refs *refs)
{
	const struct rule_team *t;
	struct view_dict *o;
	size_t i;

	for (i = 0; i < rule->teams.n; i++) {
		t = rule_refs_team(refs, rule->teams.v[i]);
		if ((o = view_section(d, "TEAM")) == NULL ||
		    view_set(o, "NAME", t != NULL ? t->name : arena_printf(r->arena,
		    "Team %lld (no longer exists)", rule->teams.v[i])) == -1 ||
		    view_set(o, "AGENCY", t != NULL ? t->agency_name : "") == -1)
			return -1;
	}
	return 0;
}

/* One row of the rules table, with its problems. 0 or -1. */
static int
rule_row_dict(struct req *r, struct view_dict *d, const struct routing_rule *rules,
    size_t n, size_t i, const struct rule_refs *refs, const struct rule_problems *pr)
{
	const struct routing_rule *rule = &rules[i];
	struct view_dict *row, *o;
	size_t k;

	if ((row = view_section(d, "RULE")) == NULL ||
	    view_set_int(row, "ID", rule->id) == -1 ||
	    view_set_int(row, "POSITION", rule->position) == -1 ||
	    view_set(row, "NAME", rule->name) == -1 ||
	    view_set(row, "STOP", rule->stop ? "Yes" : "No") == -1 ||
	    routing_conditions_dict(r, row, rule, refs) == -1 ||
	    rule_teams_dict(r, row, rule, refs) == -1 ||
	    (i > 0 && view_show(row, "UP") == -1) ||
	    (i + 1 < n && view_show(row, "DOWN") == -1))
		return -1;
	for (k = 0; k < pr->n; k++)
		if (pr->v[k].rule == i && ((o = view_section(row, "PROBLEM")) == NULL ||
		    view_set(o, "MESSAGE", pr->v[k].message) == -1))
			return -1;
	return 0;
}

/* The triage select: every active team, by agency, the queue's selected. */
static int
triage_dict(struct view_dict *d, const struct rule_refs *refs, long long chosen)
{
	struct view_dict *tri, *group = NULL, *o;
	long long agency = 0;
	size_t i;

	if (refs->force_id == 0)
		return view_show(d, "NO_FORCE");
	if ((tri = view_section(d, "TRIAGE")) == NULL ||
	    view_set(tri, "FORCE", refs->force_name) == -1)
		return -1;
	for (i = 0; i < refs->nteams; i++) {
		const struct rule_team *t = &refs->teams[i];

		if (!t->active)
			continue;
		if ((group == NULL || t->agency_id != agency) &&
		    ((group = view_section(tri, "TRIAGE_GROUP")) == NULL ||
		    view_set(group, "AGENCY", t->agency_name) == -1))
			return -1;
		agency = t->agency_id;
		if ((o = view_section(group, "TRIAGE_OPTION")) == NULL ||
		    view_set_int(o, "ID", t->id) == -1 || view_set(o, "NAME", t->name) == -1 ||
		    (t->id == chosen && view_show(o, "SELECTED") == -1))
			return -1;
	}
	return 0;
}

/* Renders the rules page: status, the triage team to show selected, and
 * any problems of the triage form (the try box reads its own). */
static void
routing_page(struct req *r, int status, long long triage_chosen,
    struct form_errors *errs)
{
	struct routing_rule *rules;
	struct rule_refs refs;
	struct rule_problems pr;
	struct view_dict *d, *o;
	size_t i, n;

	if (routing_rules_read(r->pg, r->arena, &r->actor, &rules, &n, &refs) == -1 ||
	    rule_problems_find(r->arena, rules, n, &refs, &pr) == -1)
		return page_error(r, 500, NULL);
	if ((d = page_dict(r)) == NULL)
		goto fail;
	for (i = 0; i < n; i++)
		if (rule_row_dict(r, d, rules, n, i, &refs, &pr) == -1)
			goto fail;
	if ((n == 0 && view_show(d, "NO_RULES") == -1) ||
	    (pr.n > 0 && ((o = view_section(d, "PROBLEMS")) == NULL ||
	    view_set(o, "COUNT", pr.n == 1 ? "1 problem" : arena_printf(r->arena,
	    "%zu problems", pr.n)) == -1 ||
	    view_set(o, "RULES", pr.nrules == 1 ? "1 rule" : arena_printf(r->arena,
	    "%zu rules", pr.nrules)) == -1)) ||
	    triage_dict(d, &refs, triage_chosen ? triage_chosen : refs.triage_team_id) == -1 ||
	    routing_try_dict(r, d, &refs, errs) == -1 || form_errors_dict(d, errs) == -1)
		goto fail;
	if (errs->n > 0 && status == 200)
		status = 400;
	return page_render(r, status, "admin_routing.tpl",
	    form_title(r, errs, "Routing rules"), d);
fail:
	view_dict_free(d);
	page_render(r, 500, "admin_routing.tpl", "Routing rules", NULL);
}

/* GET /admin/routing[?try=1&...] */
void
routing_list_get(struct req *r)
{
	struct form_errors errs = {0};

	routing_page(r, 200, 0, &errs);
}

/* POST /admin/routing/triage: 303 to the rules; 400 with the page. */
void
routing_triage_post(struct req *r)
{
	struct form_errors errs = {0};
	long long team;

	if (admin_id_value(req_form(r, "triage_team"), &team) == -1) {
		form_error(&errs, "triage-team", "Select the team that triages incidents "
		    "with no location or a point outside every beat");
		return routing_page(r, 400, 0, &errs);
	}
	switch (routing_triage_set(r->pg, &r->actor, team)) {
	case ADMIN_OK:
		return admin_done(r, "The manual triage queue has been changed.",
		    "/admin/routing");
	case ADMIN_UNCHANGED:
		return admin_done(r, "No changes were made to the manual triage queue.",
		    "/admin/routing");
	case ADMIN_BAD_TEAM:
		form_error(&errs, "triage-team", "Select an active team from the list");
		return routing_page(r, 400, team, &errs);
	case ADMIN_NOT_FOUND:
		return page_error(r, 409, "There is no active core police agency to "
		    "set the triage queue of.");
	default:
		return page_error(r, 500, NULL);
	}
}

/* POST /admin/routing/{id}/move (direction=up|down): 303 to the rules. */
void
routing_move_post(struct req *r)
{
	const char *dir = req_form(r, "direction"), *name = "";
	int up, position = 0;
	long long id;
	enum admin_rc rc;

	if (admin_id_param(r, &id) == -1)
		return;
	if (dir == NULL || (strcmp(dir, "up") != 0 && strcmp(dir, "down") != 0))
		return page_error(r, 400, "Choose whether to move the rule up or down.");
	up = strcmp(dir, "up") == 0;
	rc = routing_rule_move(r->pg, r->arena, &r->actor, id, up, &name, &position);
	if (admin_failed(r, rc, "rule"))
		return;
	admin_done(r, rc == ADMIN_OK ? arena_printf(r->arena, "“%s” is now rule %d.",
	    name, position) : arena_printf(r->arena, "“%s” is %s already.", name,
	    up ? "the first rule" : "the last rule"), "/admin/routing");
}

/* POST /admin/routing/{id}/delete: 303 to the rules. */
void
routing_delete_post(struct req *r)
{
	struct form_errors errs = {0};
	const char *reason = admin_reason(r, "reason", 0, &errs), *name = "";
	long long id;
	enum admin_rc rc;

	if (admin_id_param(r, &id) == -1)
		return;
	if (reason == NULL)
		return page_error(r, 500, NULL);
	if (errs.n > 0)
		return page_error(r, 400, errs.e[0].message);
	rc = routing_rule_delete(r->pg, r->arena, &r->actor, id, reason, &name);
	if (admin_failed(r, rc, "rule"))
		return;
	admin_done(r, arena_printf(r->arena, "“%s” has been deleted.", name),
	    "/admin/routing");
}

/* GET /admin/routing/{id}/history */
void
routing_history_get(struct req *r)
{
	struct routing_rule rule;
	long long id;

	if (admin_id_param(r, &id) == -1 || !admin_found(r, routing_rule_get(r->pg,
	    r->arena, &r->actor, id, &rule, NULL)))
		return;
	admin_history(r, arena_printf(r->arena, "History of rule %d “%s”",
	    rule.position, rule.name), "/admin/routing", "routing_rule", id);
}
