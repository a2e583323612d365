/* The allocation plan (domain/routing.h): areas' teams, the force's manual
 * triage queue, and the routing rules in order. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "domain/routing.h"

const char *const route_flag_names[ROUTE_FLAGS] = {
	"youth", "hate", "vulnerable", "repeat_location", "repeat_victim", "urgent",
};

const char *const route_flag_words[ROUTE_FLAGS] = {
	"Young people involved", "Hate", "Vulnerable victim", "Repeat location",
	"Repeat victim", "Urgent",
};

int
route_flag_parse(const char *name)
{
	int f;

	for (f = 0; f < ROUTE_FLAGS; f++)
		if (name != NULL && strcmp(name, route_flag_names[f]) == 0)
			return f;
	return -1;
}

/* 1 when s is one of the n strings in list. */
static int
in_list(const char *const *list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* The rule's area condition: the code of the beat or area that matched. */
static const char *
area_matched(const struct route_rule *r, const struct route_facts *f)
{
	if (f->beat.id != 0 && in_list(r->areas, r->nareas, f->beat.code))
		return f->beat.code;
	if (f->area.id != 0 && in_list(r->areas, r->nareas, f->area.code))
		return f->area.code;
	return NULL;
}

int
route_rule_matches(const struct route_rule *r, const struct route_facts *f)
{
	size_t i;
	int agency = r->nagencies == 0;

	for (i = 0; i < r->nagencies; i++)
		agency |= r->agencies[i] == f->agency;
	return (r->ntypes == 0 || in_list(r->types, r->ntypes, f->type_code)) &&
	    (r->ncategories == 0 || in_list(r->categories, r->ncategories, f->category)) &&
	    (r->flags & ~f->flags) == 0 &&
	    (r->nchannels == 0 || in_list(r->channels, r->nchannels, f->channel)) &&
	    agency && (r->nareas == 0 || area_matched(r, f) != NULL);
}

/* Why a matching rule sent it: its position, its name and the conditions
 * it has, each with the incident's value that met it. */
static const char *
rule_reason(struct arena *ar, const struct route_rule *r, const struct route_facts *f)
{
	struct buf b = { 0 };
	const char *sep = ": ", *out;
	int fl;

	buf_printf(&b, "Rule %d \xe2\x80\x9c%s\xe2\x80\x9d", r->position, r->name);
	if (r->ntypes > 0) {
		buf_printf(&b, "%stype %s", sep, f->type_code);
		sep = "; ";
	}
	if (r->ncategories > 0) {
		buf_printf(&b, "%scategory %s", sep, f->category);
		sep = "; ";
	}
	for (fl = 0; fl < ROUTE_FLAGS; fl++)
		if (r->flags & ROUTE_BIT(fl)) {
			buf_printf(&b, "%s%s", sep, route_flag_words[fl]);
			sep = "; ";
		}
	if (r->nchannels > 0) {
		buf_printf(&b, "%schannel %s", sep, f->channel);
		sep = "; ";
	}
	if (r->nagencies > 0) {
		buf_printf(&b, "%sreported by %s", sep, f->agency_name != NULL ?
		    f->agency_name : "the agency");
		sep = "; ";
	}
	if (r->nareas > 0) {
		buf_printf(&b, "%sarea %s", sep, area_matched(r, f));
		sep = "; ";
	}
	if (strcmp(sep, ": ") == 0)
		buf_puts(&b, ": every incident");
	out = buf_cstr(&b) != NULL ? arena_strdup(ar, buf_cstr(&b)) : NULL;
	buf_free(&b);
	return out;
}

/* Adds team to the plan unless it is there already. 0, or -1 when the
 * reason could not be made. */
static int
add(struct route_plan *p, long long team, const char *kind, long long beat,
    long long area, long long rule, int ltc, const char *reason)
{
	size_t i;

	if (team == 0)
		return 0;
	if (reason == NULL)
		return -1;
	for (i = 0; i < p->n; i++)
		if (p->r[i].team == team)
			return 0;
	if (p->n == ROUTES_MAX)
		return 0;
	p->r[p->n++] = (struct route){ team, kind, beat, area, rule, ltc, reason };
	return 0;
}

/* The areas' teams, or the force's triage queue. */
static int
plan_areas(struct arena *ar, const struct route_facts *f, struct route_plan *p)
{
	int ltc = !f->has_point && f->has_address;

	if (f->beat.team != 0 && add(p, f->beat.team, "neighbourhood", f->beat.id, 0, 0, 0,
	    arena_printf(ar, "In beat %s (%s): its neighbourhood team", f->beat.name,
	    f->beat.code)) == -1)
		return -1;
	if (f->area.team != 0 && add(p, f->area.team, "council", 0, f->area.id, 0, ltc,
	    f->has_point ? arena_printf(ar, "In council area %s (%s): its council team",
	    f->area.name, f->area.code) : arena_printf(ar, "Address in council area %s "
	    "(%s), no point: location to confirm", f->area.name, f->area.code)) == -1)
		return -1;
	if (f->beat.team != 0 || (!f->has_point && f->area.team != 0))
		return 0;
	return add(p, f->triage_team, "triage", 0, 0, 0, ltc, ltc ?
	    "An address and no point: location to confirm" : !f->has_point ?
	    "No location given: manual triage" :
	    "The point is outside every beat: manual triage");
}

int
route_plan(struct arena *ar, const struct route_facts *f, struct route_plan *out)
{
	const struct route_rule *r;
	const char *why;
	size_t i, t;

	out->n = 0;
	if (plan_areas(ar, f, out) == -1)
		return -1;
	for (i = 0; i < f->nrules; i++) {
		r = &f->rules[i];
		if (!route_rule_matches(r, f))
			continue;
		if ((why = rule_reason(ar, r, f)) == NULL)
			return -1;
		for (t = 0; t < r->nteams; t++)
			if (add(out, r->teams[t], "specialist", 0, 0, r->id, 0, why) == -1)
				return -1;
		if (r->stop)
			break;
	}
	return 0;
}
