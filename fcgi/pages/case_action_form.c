/* The action form and the date inputs of the action pages
 * (pages/case_action_form.h). Due dates and legal dates may be in the
 * future: any real date is taken (core/date.h's check, with no "must be
 * in the past"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/action_clock.h"
#include "domain/action_type.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/case_action_form.h"
#include "pages/form.h"
#include "view/view.h"

/* The last day date_input_check takes as "today or in the past": every
 * date it can read, so that dates to come are taken. */
#define ANY_DAY	((time_t)253402214400)	/* 9999-12-31 */

static const char *
field_value(struct req *r, const char *prefix, const char *part)
{
	const char *v = req_form(r, arena_printf(r->arena, "%s-%s", prefix, part));
	const char *e;

	if (v == NULL)
		return "";
	while (*v == ' ')
		v++;
	for (e = v + strlen(v); e > v && e[-1] == ' '; e--)
		;
	return arena_strndup(r->arena, v, (size_t)(e - v));
}

int
action_date_read(struct req *r, const char *prefix, const char *name, const char *blank,
    struct typed_date *t, struct action_date *out, struct form_errors *errs)
{
	struct date_refusal why;
	const char *group;
	int rc;

	memset(out, 0, sizeof(*out));
	t->day = field_value(r, prefix, "day");
	t->month = field_value(r, prefix, "month");
	t->year = field_value(r, prefix, "year");
	if (t->day == NULL || t->month == NULL || t->year == NULL ||
	    (group = arena_printf(r->arena, "%s-day", prefix)) == NULL)
		return -1;
	if (*t->day == '\0' && *t->month == '\0' && *t->year == '\0' && blank == NULL)
		return 0;
	rc = date_input_check(r->arena, t->day, t->month, t->year, name,
	    blank != NULL ? blank : "", ANY_DAY, &out->d, &why);
	if (rc == -1)
		return -1;
	if (rc == 1) {
		form_error_date(r, errs, prefix, group, why.parts, why.message);
		return 0;
	}
	out->set = 1;
	return 0;
}

int
action_date_dict(struct req *r, struct view_dict *d, const char *key, const char *prefix,
    const char *legend, const char *hint, const struct typed_date *t,
    const struct form_errors *errs)
{
	static const struct {
		int		 bit;
		const char	*sec;
	} parts[] = { { DATE_DAY, "DAY_PART" }, { DATE_MONTH, "MONTH_PART" },
	    { DATE_YEAR, "YEAR_PART" } };
	struct view_dict *inc = view_include(d, key, "case_action_date.tpl"), *e;
	size_t i, j, n = strlen(prefix);

	if (inc == NULL || view_set(inc, "PREFIX", prefix) == -1 ||
	    view_set(inc, "LEGEND", legend) == -1 || view_set(inc, "HINT", hint) == -1 ||
	    view_set(inc, "DAY", t->day != NULL ? t->day : "") == -1 ||
	    view_set(inc, "MONTH", t->month != NULL ? t->month : "") == -1 ||
	    view_set(inc, "YEAR", t->year != NULL ? t->year : "") == -1)
		return -1;
	(void)r;
	for (i = 0; i < errs->n; i++) {
		if (strncmp(errs->e[i].field, prefix, n) != 0 || errs->e[i].field[n] != '-')
			continue;
		if ((e = view_section(inc, "ERROR")) == NULL ||
		    view_set(e, "MESSAGE", errs->e[i].message) == -1 ||
		    view_show(inc, "IN_ERROR") == -1)
			return -1;
		for (j = 0; j < sizeof(parts) / sizeof(parts[0]); j++)
			if ((errs->e[i].parts & parts[j].bit) && view_show(inc, parts[j].sec) == -1)
				return -1;
		break;
	}
	return 0;
}

struct typed_date
action_date_typed(struct req *r, const struct action_date *d)
{
	struct typed_date t = { "", "", "" };

	if (d->set) {
		t.day = arena_printf(r->arena, "%d", d->d.day);
		t.month = arena_printf(r->arena, "%d", d->d.month);
		t.year = arena_printf(r->arena, "%d", d->d.year);
	}
	return t;
}

/* An id chosen from a select: 0 for "" (none), -1 for anything else that
 * is not an id. */
static long long
chosen(const char *v)
{
	long long id;

	if (v == NULL || *v == '\0')
		return 0;
	return admin_id_value(v, &id) == 0 ? id : -1;
}

static const char *
form_or_empty(struct req *r, const char *name)
{
	const char *v = req_form(r, name);

	return v != NULL ? v : "";
}

int
action_form_read(struct req *r, struct action_form *f, struct form_errors *errs)
{
	struct case_action_input *in = &f->in;
	const char *why, *field;

	memset(f, 0, sizeof(*f));
	f->type = form_or_empty(r, "type");
	f->agency = form_or_empty(r, "agency");
	f->team = form_or_empty(r, "team");
	f->person = form_or_empty(r, "person");
	if ((in->type_id = chosen(f->type)) <= 0)
		form_error(errs, "type", "Select the type of action");
	if ((in->title = form_text(r, "title", CASE_ACTION_TITLE_MAX, errs, "title",
	    "Enter what the action is, for example Warning letter to J Smith",
	    "Title must be 200 characters or fewer")) == NULL ||
	    (in->detail = form_long_text(r, "detail", CASE_ACTION_TEXT_MAX, errs, "detail",
	    NULL, "Details must be 10,000 characters or fewer")) == NULL)
		return -1;
	if ((in->owner_agency_id = chosen(f->agency)) <= 0)
		form_error(errs, "agency", "Select the agency that owns the action");
	if ((in->owner_team_id = chosen(f->team)) < 0)
		form_error(errs, "team", "Select a team from the list");
	if ((in->owner_user_id = chosen(f->person)) < 0)
		form_error(errs, "person", "Select a person from the list");
	if (in->owner_team_id == 0 && in->owner_user_id == 0)
		form_error(errs, "team", "Select a team or a person to own the action, so "
		    "that it is on someone's work");
	if (action_date_read(r, "due", "Due date", NULL, &f->due, &in->due, errs) == -1 ||
	    action_date_read(r, "served", "Date served", NULL, &f->served, &in->served,
	    errs) == -1 ||
	    action_date_read(r, "expires", "Expiry date", NULL, &f->expires, &in->expires,
	    errs) == -1 ||
	    action_date_read(r, "review", "Review date", NULL, &f->review, &in->review,
	    errs) == -1 ||
	    (in->conditions = form_long_text(r, "conditions", CASE_ACTION_TEXT_MAX, errs,
	    "conditions", NULL, "Conditions must be 10,000 characters or fewer")) == NULL)
		return -1;
	if ((why = action_legal_dates_check(in->served.set ? &in->served.d : NULL,
	    in->expires.set ? &in->expires.d : NULL, in->review.set ? &in->review.d : NULL,
	    &field)) != NULL)
		form_error_date(r, errs, field, arena_printf(r->arena, "%s-day", field),
		    DATE_WHOLE, why);
	in->version = strtoll(form_or_empty(r, "version"), NULL, 10);
	in->panel_id = chosen(form_or_empty(r, "panel"));
	if (in->panel_id < 0)
		in->panel_id = 0;
	return 0;
}

void
action_form_of(struct req *r, const struct case_action *a, struct action_form *f)
{
	memset(f, 0, sizeof(*f));
	f->in.type_id = a->type_id;
	f->in.title = a->title;
	f->in.detail = a->detail;
	f->in.conditions = a->conditions;
	f->in.owner_agency_id = a->owner_agency_id;
	f->in.owner_team_id = a->owner_team_id;
	f->in.owner_user_id = a->owner_user_id;
	f->in.due = a->due;
	f->in.served = a->served;
	f->in.expires = a->expires;
	f->in.review = a->review;
	f->in.version = a->version;
	f->in.panel_id = a->panel_id;
	f->type = arena_printf(r->arena, "%lld", a->type_id);
	f->agency = arena_printf(r->arena, "%lld", a->owner_agency_id);
	f->team = a->owner_team_id > 0 ? arena_printf(r->arena, "%lld", a->owner_team_id) : "";
	f->person = a->owner_user_id > 0 ? arena_printf(r->arena, "%lld", a->owner_user_id) : "";
	f->due = action_date_typed(r, &a->due);
	f->served = action_date_typed(r, &a->served);
	f->expires = action_date_typed(r, &a->expires);
	f->review = action_date_typed(r, &a->review);
}

/* One select's options: each owner, grouped by agency when grouped. */
static int
owners_dict(struct req *r, struct view_dict *d, const char *section,
    const struct action_owner *o, size_t n, const struct action_choices *c,
    const char *selected, int grouped)
{
	struct view_dict *g = NULL, *opt;
	long long agency = -1;
	const char *id;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (grouped && o[i].agency_id != agency) {
			agency = o[i].agency_id;
			if ((g = view_section(d, section)) == NULL)
				return -1;
			for (k = 0; k < c->nagencies; k++)
				if (c->agencies[k].id == agency &&
				    view_set(g, "AGENCY", c->agencies[k].name) == -1)
					return -1;
		} else if (!grouped && g == NULL && (g = view_section(d, section)) == NULL)
			return -1;
		if ((id = arena_printf(r->arena, "%lld", o[i].id)) == NULL ||
		    (opt = view_section(g, "OPTION")) == NULL ||
		    view_set(opt, "VALUE", id) == -1 || view_set(opt, "LABEL", o[i].name) == -1 ||
		    (strcmp(id, selected) == 0 && view_show(opt, "SELECTED") == -1))
			return -1;
	}
	return 0;
}

int
action_form_dict(struct req *r, struct view_dict *d, const struct action_form *f,
    const struct action_type *types, size_t ntypes, const struct action_choices *c,
    const struct form_errors *errs)
{
	struct view_dict *opt;
	const char *id;
	size_t i;

	for (i = 0; i < ntypes; i++)
		if ((id = arena_printf(r->arena, "%lld", types[i].id)) == NULL ||
		    (opt = view_section(d, "TYPE_OPTION")) == NULL ||
		    view_set(opt, "VALUE", id) == -1 ||
		    view_set(opt, "LABEL", types[i].enforcement ? arena_printf(r->arena,
		        "%s (enforcement)", types[i].name) : types[i].name) == -1 ||
		    (strcmp(id, f->type) == 0 && view_show(opt, "SELECTED") == -1))
			return -1;
	return view_set(d, "TITLE", f->in.title != NULL ? f->in.title : "") == -1 ||
	    view_set(d, "DETAIL", f->in.detail != NULL ? f->in.detail : "") == -1 ||
	    view_set(d, "CONDITIONS", f->in.conditions != NULL ? f->in.conditions : "") == -1 ||
	    view_set_int(d, "VERSION", (long)f->in.version) == -1 ||
	    view_set_int(d, "PANEL", (long)f->in.panel_id) == -1 ||
	    owners_dict(r, d, "AGENCY_GROUP", c->agencies, c->nagencies, c, f->agency, 0) == -1 ||
	    owners_dict(r, d, "TEAM_GROUP", c->teams, c->nteams, c, f->team, 1) == -1 ||
	    owners_dict(r, d, "PERSON_GROUP", c->people, c->npeople, c, f->person, 1) == -1 ||
	    action_date_dict(r, d, "DUE_DATE", "due", "Due date (optional)",
	        "The action is overdue from the day after. For example, 27 3 2027", &f->due,
	        errs) == -1 ||
	    action_date_dict(r, d, "SERVED_DATE", "served", "Date served",
	        "For example, 27 3 2027", &f->served, errs) == -1 ||
	    action_date_dict(r, d, "EXPIRES_DATE", "expires", "Expiry date",
	        "The last day it is in force", &f->expires, errs) == -1 ||
	    action_date_dict(r, d, "REVIEW_DATE", "review", "Review date",
	        "When it is to be reviewed", &f->review, errs) == -1 ||
	    form_errors_dict(d, errs) == -1 ? -1 : 0;
}

int
action_form_refused(struct form_errors *errs, enum case_action_result rc)
{
	switch (rc) {
	case CASE_ACTION_BAD_TYPE:
		form_error(errs, "type", "Select a type of action from the list");
		return 1;
	case CASE_ACTION_BAD_AGENCY:
		form_error(errs, "agency", "Select an agency working this case");
		return 1;
	case CASE_ACTION_BAD_TEAM:
		form_error(errs, "team", "Select a team of the agency that owns the action");
		return 1;
	case CASE_ACTION_BAD_PERSON:
		form_error(errs, "person", "Select a person of the agency that owns the action");
		return 1;
	case CASE_ACTION_NO_OWNER:
		form_error(errs, "team", "Select a team or a person to own the action");
		return 1;
	case CASE_ACTION_BAD_PANEL:
		form_error(errs, "type", "The case panel this action was to come from is not "
		    "one you can see. Start again from the panel's page");
		return 1;
	default:
		return 0;
	}
}
