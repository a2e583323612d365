/* The public form's "Check your answers" page, and the checks that no
 * step or required question was skipped, which the submit repeats
 * (pages/report_submit.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/random.h"
#include "domain/answer.h"
#include "domain/asb_catalogue.h"
#include "domain/report.h"
#include "domain/report_draft_store.h"
#include "http/request.h"
#include "pages/choice.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

/* ------------------------------------------------------------------ */
/* 9. Check your answers                                               */

/* One summary-list row in section `card`. */
static int
row(struct view_dict *dict, const char *key, const char *value, const char *change,
    const char *hidden)
{
	struct view_dict *s = view_section(dict, "ROW");

	return s == NULL || view_set(s, "KEY", key) == -1 ||
	    view_set(s, "VALUE", value != NULL && *value != '\0' ? value : "Not given") == -1 ||
	    view_set(s, "CHANGE", change) == -1 ||
	    view_set(s, "HIDDEN", hidden != NULL ? hidden : key) == -1 ? -1 : 0;
}

static const char *
words_yes(const char *v)
{
	return strcmp(v, "yes") == 0 ? "Yes" : strcmp(v, "no") == 0 ? "No" : "";
}

/* The times of day as the person would say them: "in the evening and at
 * night". */
static const struct choice times_words[] = {
	{ "morning", "in the morning" }, { "afternoon", "in the afternoon" },
	{ "evening", "in the evening" }, { "night", "at night" },
};

/* "When" in words: "1 December 2026 at 11:55pm", or "It keeps happening:
 * every day, in the evening and at night". */
static const char *
when_words(struct req *r, struct report_draft *d)
{
	const char *date = draft_get(d, DK_OCCURRED_DATE), *t = draft_get(d, DK_OCCURRED_TIME);
	const char *times;
	char day[DATE_WORDS_MAX], clock[CLOCK_WORDS_MAX];
	struct date dt;
	int mins;

	if (strcmp(draft_get(d, DK_WHEN), "ongoing") == 0) {
		if ((times = choice_list_words(r->arena, times_words, NCHOICES(times_words),
		    draft_get(d, DK_TIMES))) == NULL)
			return "";
		return arena_printf(r->arena, "It keeps happening: %s, %s",
		    choice_label(often_labels, often_labels_n, draft_get(d, DK_HOW_OFTEN)), times);
	}
	if (date_parse(date, &dt) == NULL || date_words(day, &dt) == NULL)
		return "";
	if (*t == '\0' || (mins = answer_time_parse(t)) < 0 || clock_words(clock, mins) == NULL)
		return arena_strdup(r->arena, day);
	return arena_printf(r->arena, "%s at %s", day, clock);
}

/* How the person wants to be contacted, in the words the page offered. */
static const char *
contact_words(const char *v)
{
	if (strcmp(v, "email") == 0)
		return "By email";
	if (strcmp(v, "phone") == 0)
		return "By phone";
	if (strcmp(v, "post") == 0)
		return "By post";
	if (strcmp(v, "none") == 0)
		return "Do not contact me";
	return v;
}

static const char *
where_words(struct req *r, struct report_draft *d)
{
	const char *l = draft_get(d, DK_ADDRESS_LINE1), *t = draft_get(d, DK_TOWN),
	    *p = draft_get(d, DK_POSTCODE);

	if (*l == '\0' && *draft_get(d, DK_LON) != '\0')
		return arena_printf(r->arena, "The place chosen on the map%s%s",
		    *p ? ", " : "", p);
	return arena_printf(r->arena, "%s%s%s%s%s", l, *t ? ", " : "", t, *p ? ", " : "", p);
}

/* What is reported: the type, and its sub-type with a link of its own
 * (the type's names as the type pages show them). */
static int
type_rows(struct req *r, struct report_draft *d, struct view_dict *s)
{
	struct asb_type_item *t;
	const char *top = "", *sub = "";
	size_t n, i;

	if (asb_types_list(r->pg, r->arena, &t, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(t[i].code, draft_get(d, DK_TOP)) == 0)
			top = t[i].name;
		if (strcmp(t[i].code, draft_get(d, DK_TYPE)) == 0)
			sub = t[i].name;
	}
	if (row(s, "What you are reporting", top, "/report/type?change=1",
	    "what you are reporting") == -1)
		return -1;
	if (draft_get(d, DK_HAS_SUB)[0] != '1')
		return 0;
	return row(s, "Kind of problem", sub, "/report/subtype?change=1",
	    "the kind of problem");
}

/* The triage card: the four facts every report is asked. */
static int
triage_rows(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct view_dict *s = view_section(dict, "TRIAGE");
	int partner = report_partner_on(r);
	const char *c = "/report/triage?change=1";

	return s == NULL ||
	    row(s, "It is happening now", words_yes(draft_get(d, DK_HAPPENING_NOW)), c,
	    "whether it is happening now") == -1 ||
	    row(s, partner ? "Someone affected is vulnerable" :
	    "Someone in your household is vulnerable",
	    words_yes(draft_get(d, DK_VULNERABLE)), c, "whether someone is vulnerable") == -1 ||
	    row(s, partner ? "They are targeted because of who they are" :
	    "You think you are targeted because of who you are",
	    words_yes(draft_get(d, DK_TARGETED)), c,
	    "whether anyone is targeted because of who they are") == -1 ||
	    row(s, "It has happened before", words_yes(draft_get(d, DK_HAPPENED_BEFORE)), c,
	    "whether it has happened before") == -1 ? -1 : 0;
}

/* The files added, one row each. */
static int
evidence_rows(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct json_object *files = NULL;
	struct view_dict *s;
	size_t i, n;

	if ((s = view_section(dict, "EVIDENCE")) == NULL)
		return -1;
	if ((files = draft_value(d, DK_EVIDENCE)) == NULL ||
	    (n = json_object_array_length(files)) == 0)
		return row(s, "Files", "None added", "/report/evidence?change=1",
		    "photos, recordings or documents");
	for (i = 0; i < n; i++) {
		if (row(s, arena_printf(r->arena, "File %zu", i + 1),
		    file_field(json_object_array_get_idx(files, i), "name"),
		    "/report/evidence?change=1", "photos, recordings or documents") == -1)
			return -1;
	}
	return 0;
}

/* "Yes, for Ann Smith (my mother)", or "No". */
static const char *
other_words(struct req *r, struct report_draft *d)
{
	const char *name = draft_get(d, DK_OTHER_NAME), *rel = draft_get(d, DK_OTHER_RELATION);

	if (strcmp(draft_get(d, DK_FOR_SOMEONE_ELSE), "yes") != 0 || *name == '\0')
		return words_yes(draft_get(d, DK_FOR_SOMEONE_ELSE));
	return arena_printf(r->arena, "Yes, for %s%s%s%s", name, *rel ? " (" : "", rel,
	    *rel ? ")" : "");
}

/* The "About you" card of the check page. 0 or -1. */
static int
about_rows(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct view_dict *s;
	int anon = strcmp(draft_get(d, DK_IDENTITY), "anonymous") == 0;
	const char *name;

	if ((s = view_section(dict, "ABOUT")) == NULL)
		return -1;
	name = anon ? "You are reporting anonymously" : arena_printf(r->arena, "%s %s",
	    draft_get(d, DK_GIVEN_NAME), draft_get(d, DK_FAMILY_NAME));
	if (row(s, "Name", name, "/report/about-you?change=1", "your name") == -1)
		return -1;
	if (!anon && (row(s, "Email", draft_get(d, DK_EMAIL), "/report/about-you?change=1",
	    "your email address") == -1 ||
	    row(s, "Phone", draft_get(d, DK_PHONE), "/report/about-you?change=1",
	    "your phone number") == -1 ||
	    row(s, "How to contact you", contact_words(draft_get(d, DK_CONTACT)),
	    "/report/about-you?change=1", "how to contact you") == -1 ||
	    row(s, "Email updates", *draft_get(d, DK_UPDATES) ? "Yes" : "No",
	    "/report/about-you?change=1", "email updates") == -1))
		return -1;
	if (row(s, "Reporting for someone else", other_words(r, d),
	    "/report/about-you?change=1", "whether you are reporting for someone else") == -1 ||
	    row(s, "We may share it with partner agencies", words_yes(draft_get(d, DK_SHARE)),
	    "/report/about-you?change=1", "sharing with partner agencies") == -1)
		return -1;
	return 0;
}

/* The draft's answers as summary lists, one card per part of the form. */
static int
check_dict(struct req *r, struct report_draft *d, struct view_dict *dict)
{
	struct json_object *answers = NULL, *a, *disp;
	struct view_dict *s;
	struct qlist ql;
	size_t i;
	int partner;

	if (questions_of(r, d, &ql, 0) == -1)
		return -1;
	answers = draft_value(d, DK_ANSWERS);
	if ((s = view_section(dict, "REPORT")) == NULL || type_rows(r, d, s) == -1)
		return -1;
	for (i = 0; i < ql.n; i++) {
		const char *shown = "Not answered";

		if (answers != NULL && json_object_object_get_ex(answers, ql.q[i].key, &a) &&
		    json_object_object_get_ex(a, "display", &disp))
			shown = json_object_get_string(disp);
		if (row(s, ql.q[i].label, shown, arena_printf(r->arena,
		    "/report/questions/%zu?change=1", i + 1), ql.q[i].label) == -1)
			return -1;
	}
	if (row(s, "What happened", draft_get(d, DK_DESCRIPTION), "/report/description?change=1",
	    "what happened") == -1 ||
	    row(s, "When", when_words(r, d), "/report/when?change=1", "when it happened") == -1 ||
	    row(s, "Where", where_words(r, d), "/report/where?change=1", "where it happened") == -1)
		return -1;
	if (triage_rows(r, d, dict) == -1)
		return -1;
	partner = report_partner_on(r);
	if ((s = view_section(dict, "IMPACT")) == NULL ||
	    row(s, partner ? "How it affects them" : "How it affects you",
	    draft_get(d, DK_IMPACT), "/report/impact?change=1", "how it affects people") == -1 ||
	    row(s, partner ? "They feel unsafe in their home" : "You feel unsafe in your home",
	    words_yes(draft_get(d, DK_FEELS_UNSAFE)), "/report/impact?change=1",
	    "whether anyone feels unsafe at home") == -1)
		return -1;
	if (report_partner_on(r) ? report_partner_rows(r, d, dict) == -1 :
	    about_rows(r, d, dict) == -1)
		return -1;
	if (evidence_rows(r, d, dict) == -1)
		return -1;
	return view_set(dict, "IDEMPOTENCY_KEY", draft_get(d, DK_IDEM));
}

/* The first step the draft has not been through; NULL when all are done. */
const char *
step_missing(struct req *r, struct report_draft *d)
{
	if (*draft_get(d, DK_TYPE) == '\0')
		return "/report/type";
	if (*draft_get(d, DK_DESCRIPTION) == '\0')
		return "/report/description";
	if (*draft_get(d, DK_HAPPENING_NOW) == '\0')
		return "/report/triage";
	if (*draft_get(d, DK_WHEN) == '\0')
		return "/report/when";
	if (*draft_get(d, DK_ADDRESS_LINE1) == '\0' && *draft_get(d, DK_LON) == '\0')
		return "/report/where";
	if (*draft_get(d, DK_FEELS_UNSAFE) == '\0')
		return "/report/impact";
	if (report_partner_on(r))
		return report_partner_missing(d);
	if (*draft_get(d, DK_IDENTITY) == '\0')
		return "/report/about-you";
	return NULL;
}

/* The first required question of the type left unanswered (someone may
 * skip a page by typing the address); NULL when there is none, or "" when
 * the database cannot say. kept: as questions_of. */
const char *
question_missing(struct req *r, struct report_draft *d, struct qlist *ql, int kept)
{
	struct json_object *answers = NULL;
	size_t i;

	if (questions_of(r, d, ql, kept) == -1)
		return "";
	answers = draft_value(d, DK_ANSWERS);
	for (i = 0; i < ql->n; i++)
		if (ql->q[i].required && (answers == NULL ||
		    !json_object_object_get_ex(answers, ql->q[i].key, NULL)))
			return arena_printf(r->arena, "/report/questions/%zu", i + 1);
	return NULL;
}

static void
check_render(struct req *r, struct report_draft *d, int status)
{
	struct form_errors errs = {0};
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_CHECK, 0, NULL, 0), 0, &errs);

	if (dict == NULL || check_dict(r, d, dict) == -1) {
		view_dict_free(dict);
		return draft_unavailable(r);
	}
	page_render(r, status, "report_check.tpl", "Check your answers before sending "
	    "your report", dict);
}

/* GET /report/check. The idempotency key is made here, once per draft,
 * with the tracking token the report will have: both are known before the
 * report is sent, so its confirmation can be found again in the database
 * whatever happens to Redis while it is sent. */
void
report_check_get(struct req *r)
{
	struct report_draft d;
	struct qlist ql;
	const char *missing;
	char key[33], token[65];

	if (!draft_enter(r, &d, 1))
		return;
	if ((missing = step_missing(r, &d)) != NULL ||
	    (missing = question_missing(r, &d, &ql, 0)) != NULL) {
		if (missing == NULL || *missing == '\0')
			draft_unavailable(r);
		else
			resp_redirect(r, 303, missing);
		goto out;
	}
	if (*draft_get(&d, DK_IDEM) == '\0' && (random_hex(key, 16) == -1 ||
	    random_hex(token, 32) == -1 || draft_set(&d, DK_IDEM, key) == -1 ||
	    draft_set(&d, DK_TRACK, token) == -1 ||
	    draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)) {
		draft_unavailable(r);
		goto out;
	}
	check_render(r, &d, 200);
out:
	draft_free(&d);
}
