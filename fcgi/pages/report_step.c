/* What every step of the public reporting form at /report shares: the
 * order of the steps, loading and saving the draft, and the small helpers
 * the steps' pages use. The form is one question per page (the GOV.UK
 * pattern), working without JavaScript: each step is a GET that shows the
 * form and a POST that checks it, saves the answers into the draft
 * (pages/report_draft.c) and sends the browser on (303). Each step lives
 * in a file of its own (report_type.c, report_ask.c, report_when.c,
 * report_where.c, report_impact.c, report_about.c, report_partner.c,
 * report_evidence.c, report_check.c). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "domain/area.h"
#include "domain/asb_catalogue.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

/* ------------------------------------------------------------------ */
/* The steps, in order. A step with no path is not offered yet.        */

static const char *const step_paths[] = {
	[STEP_TYPE] = "/report/type",
	[STEP_SUBTYPE] = "/report/subtype",
	[STEP_QUESTIONS] = "/report/questions",
	[STEP_DESCRIPTION] = "/report/description",
	[STEP_TRIAGE] = "/report/triage",
	[STEP_WHEN] = "/report/when",
	[STEP_WHERE] = "/report/where",
	[STEP_IMPACT] = "/report/impact",
	[STEP_ABOUT] = "/report/about-you",
	[STEP_PARTNER] = "/report/partner",	/* partners only, instead of about-you */
	[STEP_EVIDENCE] = "/report/evidence",
	[STEP_CHECK] = "/report/check",
};

/* The draft's type and its questions as they are now (every step shows
 * an administrator's edit at once); or, with kept, as this worker last
 * read them, for the submit, whose transaction checks they are current
 * (domain/asb_catalogue.c). */
int
questions_of(struct req *r, struct report_draft *d, struct qlist *ql, int kept)
{
	const char *type = draft_get(d, DK_TYPE);

	ql->q = NULL;
	ql->n = 0;
	memset(&ql->type, 0, sizeof(ql->type));
	if (*type == '\0')
		return 0;
	return (kept ? asb_type_questions_kept : asb_type_questions)(r->pg, r->arena,
	    type, &ql->type, &ql->q, &ql->n);
}

/* Whether step s is offered to this person: a signed-in partner reporter
 * gives their organisation's details instead of "About you". */
static int
step_offered(struct req *r, enum step s)
{
	if (s == STEP_ABOUT || s == STEP_PARTNER)
		return (s == STEP_PARTNER) == (report_partner_on(r) != 0);
	return step_paths[s] != NULL;
}

/* The path of the step after `from` (question n, when from is
 * STEP_QUESTIONS); in change mode, the check page at once, except after a
 * change of type, whose new questions are each asked ("change=all"). */
const char *
step_after(struct req *r, struct report_draft *d, enum step from, size_t n,
    const struct qlist *ql, int change)
{
	int all = change && (from == STEP_TYPE || from == STEP_SUBTYPE || changing_all(r));
	enum step s;

	if (from == STEP_TYPE && draft_get(d, DK_HAS_SUB)[0] == '1')
		return change ? "/report/subtype?change=1" : "/report/subtype";
	if (from == STEP_TYPE || from == STEP_SUBTYPE || from == STEP_QUESTIONS) {
		size_t next = from == STEP_QUESTIONS ? n + 1 : 1;

		if (next <= ql->n && (!change || all))
			return arena_printf(r->arena, "/report/questions/%zu%s", next,
			    all ? "?change=all" : "");
		if (change)
			return "/report/check";
		return step_paths[STEP_DESCRIPTION];
	}
	if (change)
		return "/report/check";
	for (s = from + 1; s < STEP_CHECK && !step_offered(r, s); s++)
		;
	return step_paths[s];
}

/* The path of the step before `at`, for the Back link. */
const char *
step_before(struct req *r, struct report_draft *d, enum step at, size_t n,
    const struct qlist *ql, int change)
{
	enum step s;

	if (change)
		return "/report/check";
	if (at == STEP_TYPE)
		return "/report";
	if (at == STEP_SUBTYPE)
		return "/report/type";
	if (at == STEP_QUESTIONS && n > 1)
		return arena_printf(r->arena, "/report/questions/%zu", n - 1);
	if (at == STEP_QUESTIONS || (at == STEP_DESCRIPTION && ql->n == 0))
		return draft_get(d, DK_HAS_SUB)[0] == '1' ? "/report/subtype" : "/report/type";
	if (at == STEP_DESCRIPTION)
		return arena_printf(r->arena, "/report/questions/%zu", ql->n);
	for (s = at - 1; s > STEP_DESCRIPTION && !step_offered(r, s); s--)
		;
	return step_paths[s];
}

/* ------------------------------------------------------------------ */
/* Shared by every step                                                */

/* The change mode the page was asked in: the form's or the link's. */
static const char *
change_mode(struct req *r)
{
	const char *c = r->method == METHOD_POST ? req_form(r, "change") :
	    req_query(r, "change");

	return c != NULL ? c : "";
}

int
changing(struct req *r)
{
	return strcmp(change_mode(r), "1") == 0 || changing_all(r);
}

/* Change mode walking every question of a newly chosen type. */
int
changing_all(struct req *r)
{
	return strcmp(change_mode(r), "all") == 0;
}

/* Back to the start when the draft has gone. */
void
draft_lost(struct req *r)
{
	page_notice(r, "Your report was not saved because you did not continue "
	    "it for 24 hours, or your browser did not keep it. Please start again.");
	resp_redirect(r, 303, "/report");
}

void
draft_unavailable(struct req *r)
{
	page_error(r, 503, "Sorry, we cannot take reports at the moment. Please "
	    "try again later. If you are in danger now, call 999.");
}

/* Loads the draft for a step after the first. Returns 1 when the step may
 * go on; 0 when the response is already made (start again, 503, or the
 * confirmation of a report already sent). */
int
draft_enter(struct req *r, struct report_draft *d, int need_type)
{
	switch (draft_load(r, d)) {
	case DRAFT_ERROR:
		draft_unavailable(r);
		return 0;
	case DRAFT_NONE:
		draft_lost(r);
		return 0;
	default:
		break;
	}
	if (draft_value(d, DK_RESULT) != NULL) {
		draft_free(d);
		resp_redirect(r, 303, "/report/done");
		return 0;
	}
	if (need_type && *draft_get(d, DK_TYPE) == '\0') {
		draft_free(d);
		resp_redirect(r, 303, "/report/type");
		return 0;
	}
	return 1;
}

/* Saves the draft and sends the browser to `next`. */
void
draft_next(struct req *r, struct report_draft *d, const char *next)
{
	if (draft_save(r, d, REPORT_DRAFT_SECONDS) == -1)
		return draft_unavailable(r);
	resp_redirect(r, 303, next);
}

/* A new page dictionary with what every step's template reads: the CSRF
 * token, the Back link, change mode, and whose words (FOR_PUBLIC, or
 * FOR_PARTNER for a partner reporting about others). */
struct view_dict *
step_dict(struct req *r, const char *back, int change,
    const struct form_errors *errs)
{
	struct view_dict *dict = page_dict(r);

	if (dict == NULL)
		return NULL;
	if (view_set_global(dict, "CSRF", csrf_token(r)) == -1 ||
	    view_set(dict, "BACK", back) == -1 ||
	    form_errors_dict(dict, errs) == -1 ||
	    (change && view_set(view_section(dict, "CHANGE"), "VALUE",
	    changing_all(r) ? "all" : "1") == -1) ||
	    view_show(dict, report_partner_on(r) ? "FOR_PARTNER" : "FOR_PUBLIC") == -1) {
		view_dict_free(dict);
		return NULL;
	}
	return dict;
}

/* Sets key to the form's value when the dictionary is being filled from
 * the form, or to the draft's otherwise. */
int
keep(struct view_dict *dict, const char *key, const char *value)
{
	return view_set(dict, key, value != NULL ? value : "");
}

/* Shows section `name`_<VALUE> (e.g. FEELS_UNSAFE_YES) for a radio. */
int
checked(struct view_dict *dict, const char *name, const char *value)
{
	char sec[64];
	size_t i, n;

	if (value == NULL || *value == '\0' || strlen(name) + strlen(value) + 2 > sizeof(sec))
		return 0;
	n = (size_t)snprintf(sec, sizeof(sec), "%s_%s", name, value);
	for (i = 0; i < n; i++)
		sec[i] = sec[i] == '-' ? '_' : (char)toupper((unsigned char)sec[i]);
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)sec[i]) && sec[i] != '_')
			return 0;
	return view_show(dict, sec);
}

/* A trimmed form field ("" when absent); NULL only when out of memory. */
const char *
field(struct req *r, const char *name)
{
	struct form_errors none = {0};

	return form_text(r, name, (size_t)-1, &none, name, NULL, NULL);
}

/* A yes/no radio: "yes", "no", or "" (recording `missing`). */
const char *
yes_no(struct req *r, const char *name, struct form_errors *errs, const char *missing)
{
	const char *v = req_form(r, name);

	if (v != NULL && (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0))
		return v;
	form_error(errs, name, missing);
	return "";
}

/* Whether v is one of the NULL-ended allowed values. */
int
one_of(const char *v, const char *const *allowed)
{
	for (; v != NULL && *allowed != NULL; allowed++)
		if (strcmp(v, *allowed) == 0)
			return 1;
	return 0;
}

/* The ticked allowed values of checkboxes `name`, each once. */
const char *
checked_list(struct req *r, const char *name, const char *const *allowed)
{
	const char *list = "";
	size_t i;

	for (i = 0; list != NULL && i < r->form.n; i++)
		if (strcmp(r->form.v[i].key, name) == 0 && one_of(r->form.v[i].val, allowed) &&
		    strstr(list, r->form.v[i].val) == NULL)
			list = arena_printf(r->arena, "%s%s%s", list, *list ? "," : "",
			    r->form.v[i].val);
	return list;
}

int
checked_list_dict(struct view_dict *dict, const char *name, const char *list,
    const char *const *allowed)
{
	for (; list != NULL && *allowed != NULL; allowed++)
		if (strstr(list, *allowed) != NULL && checked(dict, name, *allowed) == -1)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* A step's table of fields                                            */

/* The fields' values as the draft has them. */
void
step_fields_saved(const struct report_draft *d, const struct step_field *f,
    size_t n, const char **v)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = draft_get(d, f[i].key);
}

/* The fields' values as the form sent them, in table order, recording
 * what is missing or too long in errs. Returns 0, or -1 when out of
 * memory. */
int
step_fields_read(struct req *r, const struct step_field *f, size_t n,
    struct form_errors *errs, const char **v)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (f[i].kind) {
		case SF_TEXT:
		case SF_LONG_TEXT:
			v[i] = (f[i].kind == SF_TEXT ? form_text : form_long_text)(r,
			    f[i].name, f[i].max, errs, f[i].name, f[i].missing, f[i].too_long);
			if (v[i] == NULL)
				return -1;
			break;
		case SF_YES_NO:
			v[i] = yes_no(r, f[i].name, errs, f[i].missing);
			break;
		case SF_CHOICE:
			v[i] = req_form(r, f[i].name);
			break;
		}
	}
	return 0;
}

/* Puts the fields' values into the step's template. Returns 0 or -1. */
int
step_fields_dict(struct view_dict *dict, const struct step_field *f, size_t n,
    const char *const *v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((f[i].kind == SF_TEXT || f[i].kind == SF_LONG_TEXT ?
		    keep(dict, f[i].dict, v[i]) :
		    checked(dict, f[i].dict, v[i])) == -1)
			return -1;
	return 0;
}

/* Keeps the fields' values in the draft. Returns 0 or -1. */
int
step_fields_save(struct report_draft *d, const struct step_field *f, size_t n,
    const char *const *v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (draft_set(d, f[i].key, v[i]) == -1)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Shared by the place and the submit steps                            */

/* The message for a place outside the partnership. */
const char *
outside_message(struct req *r, const struct area_location *where)
{
	if (where->council[0] != '\0' && where->area.id != 0)
		return arena_printf(r->arena, "This is in %s. Report it to %s instead.",
		    where->area.name, where->council);
	if (where->council[0] != '\0')
		return arena_printf(r->arena, "This is outside the area we cover. "
		    "Report it to %s instead.", where->council);
	return "This is outside the area we cover. Report it to the local council "
	    "for that place instead, or call 101 if you are not sure who to ask.";
}

/* A string member of a draft's object, "" when absent. */
const char *
file_field(struct json_object *f, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(f, key, &v) ? json_object_get_string(v) : "";
}
