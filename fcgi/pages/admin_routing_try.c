/* The "try it" box of the rules page: a GET form (it changes nothing, and
 * works without JavaScript) with a point or an address only, a type, flags,
 * a channel and the reporting agency; with ?try=1 it shows the beat and
 * council area found and the queues the intake would choose, with why
 * (domain/rule_try.c: area_locate and allocation_plan themselves). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/admin_asb.h"
#include "domain/point_check.h"
#include "domain/routing_rule.h"
#include "domain/rule_try.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/admin_routing.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "view/view.h"

/* The box as typed. */
struct try_form {
	struct allocation_query	 q;
	const char		*where, *lon, *lat, *agency;
	struct rule_words	 flags;
};

enum { TRY_POINT, TRY_ADDRESS, TRY_NONE };

static const struct rule_def where_defs[] = {
	{ "point", "A point on the map" },
	{ "address", "An address only, no point (location to confirm)" },
	{ "none", "No location" },
};

static const struct rule_def kind_words[] = {
	{ "neighbourhood", "Neighbourhood team" },
	{ "council", "Council team" },
	{ "triage", "Manual triage" },
	{ "specialist", "Specialist queue" },
};

/* A query value, "" when absent. */
static const char *
query(struct req *r, const char *name)
{
	const char *v = req_query(r, name);

	return v != NULL ? v : "";
}

/* Reads the box from the query, with what is wrong in errs. 0, or -1. */
static int
try_read(struct req *r, struct try_form *f, const struct rule_refs *refs,
    struct form_errors *errs)
{
	const struct rule_type *t;
	long long id;
	size_t i;
	int w, fl;

	f->where = req_query(r, "where") != NULL ? query(r, "where") : "point";
	f->lon = query(r, "lon");
	f->lat = query(r, "lat");
	f->agency = query(r, "agency");
	f->q.type_code = query(r, "type");
	f->q.channel = query(r, "channel");
	if (routing_words(r, &r->query, "flag", &f->flags) == -1)
		return -1;
	if (req_query(r, "try") == NULL)
		return 0;
	if ((w = rule_def_find(where_defs, 3, f->where)) < 0)
		form_error(errs, "try-where", "Select where the incident is");
	f->q.has_point = w == TRY_POINT;
	f->q.has_address = w == TRY_ADDRESS;
	if (w == TRY_POINT && point_parse(f->lon, f->lat, &f->q.lon, &f->q.lat) != NULL)
		form_error(errs, "try-lon", *f->lon == '\0' && *f->lat == '\0' ?
		    "Enter the longitude and latitude of the point" : POINT_WORDS);
	if ((t = rule_refs_type(refs, f->q.type_code)) == NULL || !t->active)
		form_error(errs, "try-type", "Select the type of ASB");
	for (i = 0; i < f->flags.n; i++)
		if ((fl = route_flag_parse(f->flags.v[i])) >= 0)
			f->q.flags |= ROUTE_BIT(fl);
	if (rule_def_find(rule_channels, RULE_CHANNELS_N, f->q.channel) < 0)
		form_error(errs, "try-channel", "Select the channel it comes in by");
	if (admin_id_value(f->agency, &id) == -1 || rule_refs_agency(refs, id) == NULL)
		form_error(errs, "try-agency", "Select the reporting agency");
	else
		f->q.agency = id;
	return 0;
}

/* A select's options in section: value and label each, one selected. */
static int
select_item(struct view_dict *d, const char *section, const char *value,
    const char *label, const char *selected)
{
	struct view_dict *o;

	return value == NULL || (o = view_section(d, section)) == NULL ||
	    view_set(o, "VALUE", value) == -1 || view_set(o, "LABEL", label) == -1 ||
	    (strcmp(value, selected) == 0 && view_show(o, "SELECTED") == -1) ? -1 : 0;
}

/* The box's inputs, with what was typed. */
static int
try_form_dict(struct req *r, struct view_dict *box, const struct try_form *f,
    const struct rule_refs *refs)
{
	size_t i, k = 0;

	if (view_set(box, "LON", f->lon) == -1 || view_set(box, "LAT", f->lat) == -1)
		return -1;
	for (i = 0; i < 3; i++)
		if (routing_check_item(r, box, "TRY_WHERE", "try-where", &k,
		    where_defs[i].code, where_defs[i].label,
		    strcmp(f->where, where_defs[i].code) == 0) == -1)
			return -1;
	for (i = 0; i < refs->ntypes; i++)
		if (refs->types[i].active && select_item(box, "TRY_TYPE",
		    refs->types[i].code, refs->types[i].name, f->q.type_code) == -1)
			return -1;
	for (i = 0, k = 0; i < ROUTE_FLAGS; i++)
		if (routing_check_item(r, box, "TRY_FLAG", "try-flag", &k,
		    route_flag_names[i], route_flag_words[i],
		    (f->q.flags & ROUTE_BIT(i)) != 0) == -1)
			return -1;
	for (i = 0; i < RULE_CHANNELS_N; i++)
		if (select_item(box, "TRY_CHANNEL", rule_channels[i].code,
		    rule_channels[i].label, f->q.channel) == -1)
			return -1;
	for (i = 0; i < refs->nagencies; i++)
		if (refs->agencies[i].active && select_item(box, "TRY_AGENCY",
		    arena_printf(r->arena, "%lld", refs->agencies[i].id),
		    refs->agencies[i].name, f->agency) == -1)
			return -1;
	return 0;
}

/* Where the point is, in words. */
static int
where_dict(struct req *r, struct view_dict *res, const struct try_form *f,
    const struct rule_try_out *out)
{
	const struct area_location *w = &out->where;

	if (!f->q.has_point)
		return view_set(res, "BEAT", f->q.has_address ?
		    "None: an address without a point is not placed in a beat" :
		    "None: no location") == -1 ||
		    view_set(res, "AREA", "None") == -1 ? -1 : 0;
	return view_set(res, "BEAT", w->beat.id != 0 ? arena_printf(r->arena, "%s (%s)",
	    w->beat.name, w->beat.code) : "None: the point is outside every beat") == -1 ||
	    view_set(res, "AREA", w->area.id != 0 ? arena_printf(r->arena, "%s (%s)",
	    w->area.name, w->area.code) : "None: the point is in no council area") == -1 ?
	    -1 : 0;
}

/* The result: where, then each queue with why, or the intake's refusal. */
static int
try_result_dict(struct req *r, struct view_dict *box, const struct try_form *f,
    const struct rule_try_out *out)
{
	struct view_dict *res, *o, *list;
	size_t i;

	if ((res = view_section(box, "TRY_RESULT")) == NULL || where_dict(r, res, f, out) == -1)
		return -1;
	if (out->refused != NULL)
		return (o = view_section(res, "REFUSED")) == NULL ? -1 :
		    view_set(o, "MESSAGE", out->refused);
	if (out->n == 0)
		return view_show(res, "NO_QUEUE");
	if ((list = view_section(res, "QUEUES")) == NULL)
		return -1;
	for (i = 0; i < out->n; i++)
		if ((o = view_section(list, "QUEUE")) == NULL ||
		    view_set(o, "TEAM", out->q[i].team) == -1 ||
		    view_set(o, "AGENCY", out->q[i].agency) == -1 ||
		    view_set(o, "KIND", rule_def_label(kind_words, 4,
		    out->q[i].route->kind)) == -1 ||
		    view_set(o, "REASON", out->q[i].route->reason) == -1 ||
		    (out->q[i].route->location_to_confirm && view_show(o, "CONFIRM") == -1))
			return -1;
	return 0;
}

/* Fills the TRY box of the rules page and, when asked (?try=1) with no
 * problems in errs, its result. 0, or -1 (out of memory, or the database
 * failed). */
int
routing_try_dict(struct req *r, struct view_dict *d, const struct rule_refs *refs,
    struct form_errors *errs)
{
	struct try_form f;
	struct rule_try_out *out;
	struct view_dict *box;

	memset(&f, 0, sizeof(f));
	if (try_read(r, &f, refs, errs) == -1 || (box = view_section(d, "TRY")) == NULL ||
	    try_form_dict(r, box, &f, refs) == -1)
		return -1;
	if (req_query(r, "try") == NULL || errs->n > 0)
		return 0;
	if ((out = arena_calloc(r->arena, 1, sizeof(*out))) == NULL ||
	    rule_try(r->pg, r->arena, &r->actor, &f.q, refs, out) == -1)
		return -1;
	return try_result_dict(r, box, &f, out);
}
