/* The checks of routing rules (domain/rule_check.h): what can never match,
 * what is never reached, what sends nowhere, and what a form must put
 * right before a rule is saved. The matching itself is allocation_plan's
 * (SQL); these read the same conditions the same way: an empty list is no
 * condition, within a list any value will do, every listed flag must be
 * raised, and rules after the first matching stop rule are not applied. */
#include <string.h>

#include "core/arena.h"
#include "domain/admin_asb.h"
#include "domain/rule_check.h"

/* ---- Sets ---- */

/* 1 when s is in w. */
int
rule_words_has(const struct rule_words *w, const char *s)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->v[i], s) == 0)
			return 1;
	return 0;
}

/* 1 when id is in ids. */
int
rule_ids_has(const struct rule_ids *ids, long long id)
{
	size_t i;

	for (i = 0; i < ids->n; i++)
		if (ids->v[i] == id)
			return 1;
	return 0;
}

/* Every word of a is in b. */
static int
words_subset(const struct rule_words *a, const struct rule_words *b)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (!rule_words_has(b, a->v[i]))
			return 0;
	return 1;
}

static int
ids_subset(const struct rule_ids *a, const struct rule_ids *b)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (!rule_ids_has(b, a->v[i]))
			return 0;
	return 1;
}

/* An "any of" condition e holds whenever r does: e is no condition, or r
 * asks for some of e's values and no others. */
static int
words_cover(const struct rule_words *e, const struct rule_words *r)
{
	return e->n == 0 || (r->n > 0 && words_subset(r, e));
}

static int
ids_cover(const struct rule_ids *e, const struct rule_ids *r)
{
	return e->n == 0 || (r->n > 0 && ids_subset(r, e));
}

/* ---- What can match ---- */

/* A type an incident can have: in the catalogue and active. */
static const struct rule_type *
type_usable(const struct rule_refs *refs, const char *code)
{
	const struct rule_type *t = rule_refs_type(refs, code);

	return t != NULL && t->active ? t : NULL;
}

/* Some listed type is usable (or none is listed). */
static int
types_live(const struct routing_rule *r, const struct rule_refs *refs)
{
	size_t i;

	for (i = 0; i < r->types.n; i++)
		if (type_usable(refs, r->types.v[i]) != NULL)
			return 1;
	return r->types.n == 0;
}

/* Some usable listed type is in the categories (or either list is empty). */
static int
categories_live(const struct routing_rule *r, const struct rule_refs *refs)
{
	const struct rule_type *t;
	size_t i;

	if (r->types.n == 0 || r->categories.n == 0)
		return 1;
	for (i = 0; i < r->types.n; i++)
		if ((t = type_usable(refs, r->types.v[i])) != NULL &&
		    rule_words_has(&r->categories, t->category))
			return 1;
	return 0;
}

static int
areas_live(const struct routing_rule *r, const struct rule_refs *refs)
{
	size_t i;

	for (i = 0; i < r->areas.n; i++)
		if (rule_refs_area(refs, r->areas.v[i]) != NULL)
			return 1;
	return r->areas.n == 0;
}

static int
agencies_live(const struct routing_rule *r, const struct rule_refs *refs)
{
	const struct rule_agency *g;
	size_t i;

	for (i = 0; i < r->agencies.n; i++)
		if ((g = rule_refs_agency(refs, r->agencies.v[i])) != NULL && g->active)
			return 1;
	return r->agencies.n == 0;
}

static int
teams_live(const struct routing_rule *r, const struct rule_refs *refs)
{
	const struct rule_team *t;
	size_t i;

	for (i = 0; i < r->teams.n; i++)
		if ((t = rule_refs_team(refs, r->teams.v[i])) != NULL && t->active)
			return 1;
	return 0;
}

/* 1 when no incident can meet the rule's conditions. */
int
rule_never_matches(const struct routing_rule *r, const struct rule_refs *refs)
{
	return !types_live(r, refs) || !categories_live(r, refs) ||
	    !areas_live(r, refs) || !agencies_live(r, refs);
}

/* 1 when every incident that later matches, earlier matches too (as far
 * as the conditions say without looking at incidents): each of earlier's
 * conditions is absent or wider than later's. A category condition also
 * holds for a later rule whose listed types are all of those categories. */
int
rule_covers(const struct routing_rule *e, const struct routing_rule *r,
    const struct rule_refs *refs)
{
	const struct rule_type *t;
	size_t i;
	int cats;

	if (rule_never_matches(e, refs))
		return 0;
	cats = words_cover(&e->categories, &r->categories);
	if (!cats && r->types.n > 0) {
		for (i = 0, cats = 1; cats && i < r->types.n; i++)
			cats = (t = rule_refs_type(refs, r->types.v[i])) != NULL &&
			    rule_words_has(&e->categories, t->category);
	}
	return cats && words_cover(&e->types, &r->types) &&
	    words_subset(&e->flags, &r->flags) &&
	    words_cover(&e->channels, &r->channels) &&
	    ids_cover(&e->agencies, &r->agencies) &&
	    words_cover(&e->areas, &r->areas);
}

/* ---- Problems of saved rules ---- */

/* Adds one problem of rule i. 0, or -1 when out of memory (message NULL). */
static int
problem_add(struct rule_problems *out, size_t *cap, struct arena *ar, size_t i,
    enum rule_problem_kind kind, const char *message)
{
	struct rule_problem *v;

	if (message == NULL)
		return -1;
	if (out->n == *cap) {
		*cap = *cap == 0 ? 8 : *cap * 2;
		if ((v = arena_calloc(ar, *cap, sizeof(*v))) == NULL)
			return -1;
		if (out->n > 0)
			memcpy(v, out->v, out->n * sizeof(*v));
		out->v = v;
	}
	out->v[out->n].rule = i;
	out->v[out->n].kind = kind;
	out->v[out->n].message = message;
	out->n++;
	return 0;
}

/* How a problem with one value ends: the rule can never match, or only
 * that value is lost. */
#define NEVER(dead)	((dead) ? ": this rule can never match" : \
			    ", so the rule never matches it")

/* The problems of conditions that name what is gone or inactive. */
static int
conditions_check(struct arena *ar, const struct routing_rule *r, size_t i,
    const struct rule_refs *refs, struct rule_problems *out, size_t *cap)
{
	const struct rule_type *t;
	const struct rule_agency *g;
	int dead;
	size_t k;

	dead = !types_live(r, refs);
	for (k = 0; k < r->types.n; k++) {
		if ((t = rule_refs_type(refs, r->types.v[k])) == NULL) {
			if (problem_add(out, cap, ar, i, RULE_TYPE_GONE, arena_printf(ar,
			    "Type “%s” is no longer in the catalogue%s", r->types.v[k],
			    NEVER(dead))) == -1)
				return -1;
		} else if (!t->active && problem_add(out, cap, ar, i,
		    RULE_TYPE_INACTIVE, arena_printf(ar, "Type %s (%s) is inactive%s",
		    t->name, t->code, NEVER(dead))) == -1)
			return -1;
	}
	if (!dead && !categories_live(r, refs) && problem_add(out, cap, ar, i,
	    RULE_CATEGORIES_EXCLUDE, "None of its types is in its categories: "
	    "this rule can never match") == -1)
		return -1;
	dead = !areas_live(r, refs);
	for (k = 0; k < r->areas.n; k++)
		if (rule_refs_area(refs, r->areas.v[k]) == NULL &&
		    problem_add(out, cap, ar, i, RULE_AREA_GONE, arena_printf(ar,
		    "Area code “%s” is not a current beat or council area%s",
		    r->areas.v[k], dead ? ": this rule can never match" :
		    ", so the rule never matches there")) == -1)
			return -1;
	dead = !agencies_live(r, refs);
	for (k = 0; k < r->agencies.n; k++) {
		if ((g = rule_refs_agency(refs, r->agencies.v[k])) == NULL) {
			if (problem_add(out, cap, ar, i, RULE_AGENCY_GONE, arena_printf(ar,
			    "Reporting agency %lld no longer exists%s", r->agencies.v[k],
			    NEVER(dead))) == -1)
				return -1;
		} else if (!g->active && problem_add(out, cap, ar, i,
		    RULE_AGENCY_INACTIVE, arena_printf(ar,
		    "Reporting agency %s is inactive%s", g->name, NEVER(dead))) == -1)
			return -1;
	}
	return 0;
}

/* The problems of a rule's teams: gone or inactive. */
static int
teams_check(struct arena *ar, const struct routing_rule *r, size_t i,
    const struct rule_refs *refs, struct rule_problems *out, size_t *cap)
{
	const struct rule_team *t;
	const char *end = teams_live(r, refs) ? "" : ": the rule adds no queue";
	size_t k;

	for (k = 0; k < r->teams.n; k++) {
		if ((t = rule_refs_team(refs, r->teams.v[k])) == NULL) {
			if (problem_add(out, cap, ar, i, RULE_TEAM_GONE, arena_printf(ar,
			    "It sends to a team that no longer exists (team %lld)%s",
			    r->teams.v[k], end)) == -1)
				return -1;
		} else if (!t->active && problem_add(out, cap, ar, i,
		    RULE_TEAM_INACTIVE, arena_printf(ar,
		    "It sends to %s (%s), which is inactive%s", t->name,
		    t->agency_name, end)) == -1)
			return -1;
	}
	return 0;
}

/* Every problem of the rules (in order of position), in order: for each
 * rule its conditions, then whether an earlier stop rule hides it, then
 * its teams. Returns 0, or -1 when out of memory. */
int
rule_problems_find(struct arena *ar, const struct routing_rule *rules, size_t n,
    const struct rule_refs *refs, struct rule_problems *out)
{
	size_t i, k, before, cap = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		before = out->n;
		if (conditions_check(ar, &rules[i], i, refs, out, &cap) == -1)
			return -1;
		for (k = 0; k < i && !rule_never_matches(&rules[i], refs); k++)
			if (rules[k].stop && rule_covers(&rules[k], &rules[i], refs)) {
				if (problem_add(out, &cap, ar, i, RULE_UNREACHABLE,
				    arena_printf(ar, "This rule is never reached: rule %d "
				    "“%s” comes first, says stop, and matches every incident "
				    "this one does", rules[k].position, rules[k].name)) == -1)
					return -1;
				break;
			}
		if (teams_check(ar, &rules[i], i, refs, out, &cap) == -1)
			return -1;
		if (out->n > before)
			out->nrules++;
	}
	return 0;
}

/* ---- What a form must put right ---- */

/* Adds one field error unless max are there. 0, or -1 out of memory. */
static int
invalid_add(struct rule_invalid *out, size_t max, size_t *n, const char *field,
    const char *message)
{
	if (message == NULL)
		return -1;
	if (*n < max) {
		out[*n].field = field;
		out[*n].message = message;
		(*n)++;
	}
	return 0;
}

/* The types: in the catalogue, active, and of the categories chosen. */
static int
types_invalid(struct arena *ar, const struct routing_rule *r,
    const struct rule_refs *refs, struct rule_invalid *out, size_t max, size_t *n)
{
	const struct rule_type *t;
	size_t k;

	if (r->types.n > ROUTE_LIST_MAX)
		return invalid_add(out, max, n, "types", "Select at most 64 types");
	for (k = 0; k < r->types.n; k++) {
		t = rule_refs_type(refs, r->types.v[k]);
		if (t == NULL) {
			if (invalid_add(out, max, n, "types", arena_printf(ar, "“%s” is not "
			    "a type in the catalogue: untick it", r->types.v[k])) == -1)
				return -1;
		} else if (!t->active && invalid_add(out, max, n, "types",
		    arena_printf(ar, "%s is inactive: untick it", t->name)) == -1)
			return -1;
	}
	for (k = 0; k < r->types.n && r->categories.n > 0; k++)
		if ((t = type_usable(refs, r->types.v[k])) != NULL &&
		    !rule_words_has(&r->categories, t->category) &&
		    invalid_add(out, max, n, "categories", arena_printf(ar, "%s is a "
		    "type in the %s category, which the categories you chose leave "
		    "out: tick %s or untick %s", t->name, asb_category_label(t->category),
		    asb_category_label(t->category), t->name)) == -1)
			return -1;
	for (k = 0; k < r->categories.n; k++)
		if (strcmp(asb_category_label(r->categories.v[k]), r->categories.v[k]) == 0)
			return invalid_add(out, max, n, "categories",
			    "Select categories from the list");
	return 0;
}

/* The reporting agencies and the area codes: existing and current. */
static int
where_invalid(struct arena *ar, const struct routing_rule *r,
    const struct rule_refs *refs, struct rule_invalid *out, size_t max, size_t *n)
{
	const struct rule_agency *g;
	size_t k;

	for (k = 0; k < r->agencies.n; k++) {
		if ((g = rule_refs_agency(refs, r->agencies.v[k])) == NULL) {
			if (invalid_add(out, max, n, "agencies",
			    "Select reporting agencies from the list") == -1)
				return -1;
		} else if (!g->active && invalid_add(out, max, n, "agencies",
		    arena_printf(ar, "%s is inactive: untick it", g->name)) == -1)
			return -1;
	}
	if (r->agencies.n > ROUTE_LIST_MAX)
		return invalid_add(out, max, n, "agencies", "Select at most 64 agencies");
	if (r->areas.n > ROUTE_LIST_MAX)
		return invalid_add(out, max, n, "areas", "Enter at most 64 area codes");
	for (k = 0; k < r->areas.n; k++)
		if (rule_refs_area(refs, r->areas.v[k]) == NULL &&
		    invalid_add(out, max, n, "areas", arena_printf(ar, "“%s” is not the "
		    "code of a current beat or council area", r->areas.v[k])) == -1)
			return -1;
	return 0;
}

/* The teams: one to twenty, each existing and active. */
static int
teams_invalid(struct arena *ar, const struct routing_rule *r,
    const struct rule_refs *refs, struct rule_invalid *out, size_t max, size_t *n)
{
	const struct rule_team *t;
	size_t k;

	if (r->teams.n == 0)
		return invalid_add(out, max, n, "teams", "Select at least one team to "
		    "send to");
	if (r->teams.n > ROUTE_TEAMS_MAX)
		return invalid_add(out, max, n, "teams", "Select at most 20 teams");
	for (k = 0; k < r->teams.n; k++) {
		if ((t = rule_refs_team(refs, r->teams.v[k])) == NULL) {
			if (invalid_add(out, max, n, "teams", "Select teams from the list") == -1)
				return -1;
		} else if (!t->active && invalid_add(out, max, n, "teams",
		    arena_printf(ar, "%s (%s) is inactive: untick it", t->name,
		    t->agency_name)) == -1)
			return -1;
	}
	return 0;
}

/* What the form must put right before the rule is saved (its name is the
 * page's to check), in the order of the form's fields, at most max.
 * Returns how many, or -1 when out of memory. */
int
rule_invalid_find(struct arena *ar, const struct routing_rule *r,
    const struct rule_refs *refs, struct rule_invalid *out, size_t max)
{
	size_t n = 0, k;

	if (types_invalid(ar, r, refs, out, max, &n) == -1)
		return -1;
	for (k = 0; k < r->flags.n; k++)
		if (route_flag_parse(r->flags.v[k]) < 0) {
			if (invalid_add(out, max, &n, "flags", "Select flags from the list") == -1)
				return -1;
			break;
		}
	for (k = 0; k < r->channels.n; k++)
		if (rule_def_find(rule_channels, RULE_CHANNELS_N, r->channels.v[k]) < 0) {
			if (invalid_add(out, max, &n, "channels",
			    "Select channels from the list") == -1)
				return -1;
			break;
		}
	if (where_invalid(ar, r, refs, out, max, &n) == -1 ||
	    teams_invalid(ar, r, refs, out, max, &n) == -1)
		return -1;
	return (int)n;
}
