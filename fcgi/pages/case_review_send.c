/* The online Case Review application's last pages: check your answers,
 * the send (case_review_apply, channel online) and the confirmation with
 * the reference and when it will be acknowledged and decided. One
 * application per draft however often the check page is sent: the
 * draft's key holds a lock while it is sent (as /report's does) and the
 * result, once kept, sends every later try to the confirmation. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/case_review.h"
#include "domain/case_review_due.h"
#include "domain/report_draft_store.h"
#include "http/request.h"
#include "pages/case_review_online.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

/* ------------------------------------------------------------------ */
/* Check your answers                                                  */

static int
row(struct view_dict *sec, const char *key, const char *value, enum cr_step s,
    const char *hidden)
{
	struct view_dict *row = view_section(sec, "ROW");

	return row == NULL || view_set(row, "KEY", key) == -1 ||
	    view_set(row, "VALUE", *value != '\0' ? value : "Not given") == -1 ||
	    view_set(row, "CHANGE", cr_change_path(s)) == -1 ||
	    view_set(row, "HIDDEN", hidden) == -1 ? -1 : 0;
}

static struct view_dict *
section(struct view_dict *dict, const char *heading)
{
	struct view_dict *sec = view_section(dict, "SECTION");

	return sec == NULL || view_set(sec, "HEADING", heading) == -1 ? NULL : sec;
}

/* The agencies ticked, in words. */
static const char *
agencies_words(struct req *r, const char *codes)
{
	const char *s = "";
	size_t i;

	for (i = 0; s != NULL && cr_agencies[i] != NULL; i++)
		if (strstr(codes, cr_agencies[i]) != NULL)
			s = arena_printf(r->arena, "%s%s%s", s, *s ? ", " : "",
			    cr_agency_words(cr_agencies[i]));
	return s;
}

static int
answers_dict(struct req *r, struct view_dict *dict, const struct report_draft *d)
{
	const char *addr = draft_get(d, DK_POSTAL_ADDRESS), *pc = draft_get(d, DK_POSTCODE);
	const char *told = agencies_words(r, draft_get(d, DK_REPORTED_AGENCIES));
	const char *where = arena_printf(r->arena, "%s%s%s", addr, *addr && *pc ? "\n" : "", pc);
	int other = strcmp(draft_get(d, DK_FOR_SOMEONE_ELSE), "yes") == 0;
	struct view_dict *sec;

	if (told == NULL || where == NULL)
		return -1;
	if ((sec = section(dict, "Who is applying")) == NULL ||
	    row(sec, "Applying for", other ? "Someone else" : "Myself", CS_WHO,
	    "who you are applying for") == -1 ||
	    (sec = section(dict, "Your details")) == NULL ||
	    row(sec, "Name", draft_get(d, DK_APPLICANT_NAME), CS_YOU, "your name") == -1 ||
	    row(sec, "Email address", draft_get(d, DK_EMAIL), CS_YOU,
	    "your email address") == -1 ||
	    row(sec, "Phone number", draft_get(d, DK_PHONE), CS_YOU,
	    "your phone number") == -1 ||
	    row(sec, "Address", where, CS_YOU, "your address") == -1)
		return -1;
	if (other && ((sec = section(dict, "The person you are applying for")) == NULL ||
	    row(sec, "Their name", draft_get(d, DK_OTHER_NAME), CS_VICTIM,
	    "their name") == -1 ||
	    row(sec, "How you know them", draft_get(d, DK_OTHER_RELATION), CS_VICTIM,
	    "how you know them") == -1))
		return -1;
	if ((sec = section(dict, "What has been happening")) == NULL ||
	    row(sec, "What has been happening", draft_get(d, DK_DESCRIPTION), CS_BEHAVIOUR,
	    "what has been happening") == -1 ||
	    (sec = section(dict, "Who you reported it to")) == NULL ||
	    row(sec, "Reported to", told, CS_REPORTED, "who you reported it to") == -1 ||
	    row(sec, "Roughly when", draft_get(d, DK_REPORTED_WHEN), CS_REPORTED,
	    "when you reported it") == -1 ||
	    row(sec, "More about it", draft_get(d, DK_REPORTED_TO), CS_REPORTED,
	    "more about who you told") == -1)
		return -1;
	return 0;
}

/* GET /case-review/check */
void
case_review_check_get(struct req *r)
{
	struct form_errors none = {0};
	struct report_draft d;
	struct view_dict *dict;
	const char *missing;
	char key[33];

	if (!cr_enter(r, &d))
		return;
	if ((missing = cr_missing(r, &d)) != NULL) {
		if (*missing == '\0')
			cr_unavailable(r);
		else
			resp_redirect(r, 303, missing);
		return draft_free(&d);
	}
	/* The key the send is locked by, and which tells an old copy of this
	 * page from the answers as they are. */
	if (*draft_get(&d, DK_IDEM) == '\0' && (random_hex(key, 16) == -1 ||
	    draft_set(&d, DK_IDEM, key) == -1 || draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)) {
		cr_unavailable(r);
		return draft_free(&d);
	}
	dict = step_dict(r, cr_step_path(CS_REPORTED), 0, &none);
	if (dict == NULL || answers_dict(r, dict, &d) == -1 ||
	    view_set(dict, "IDEMPOTENCY_KEY", draft_get(&d, DK_IDEM)) == -1) {
		view_dict_free(dict);
		page_error(r, 500, NULL);
		return draft_free(&d);
	}
	page_render(r, 200, "case_review_check.tpl",
	    "Check your answers before sending your application", dict);
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* Send                                                                */

/* The result, kept in the draft for the confirmation and for the sends
 * after it: the reference and the two due dates ("" when they could not
 * be worked out: the page then says how many working days). */
static int
result_keep(struct req *r, struct report_draft *d, const char *reference)
{
	struct case_review_rules rules;
	char ack[11] = "", decide[11] = "";
	struct json_object *res;

	case_review_rules_of(r->cfg, &rules);
	if (case_review_first_due(r->pg, r->arena, &r->actor, &rules, ack, decide) == -1) {
		log_warn("case review: %s sent, its due dates not worked out", reference);
		ack[0] = decide[0] = '\0';
	}
	if ((res = json_object_new_object()) == NULL ||
	    json_object_object_add(res, "reference", json_object_new_string(reference)) != 0 ||
	    json_object_object_add(res, "acknowledge", json_object_new_string(ack)) != 0 ||
	    json_object_object_add(res, "decide", json_object_new_string(decide)) != 0) {
		json_object_put(res);
		return -1;
	}
	if (draft_put(d, DK_RESULT, res) == -1)
		return -1;
	return draft_save(r, d, REPORT_DRAFT_SECONDS);
}

/* A made-up reference for a form a robot filled in: nothing is saved. */
static const char *
decoy(struct req *r)
{
	unsigned char b[2];
	time_t now = time(NULL);
	struct tm t;

	if (gmtime_r(&now, &t) == NULL || random_bytes(b, sizeof(b)) == -1)
		return NULL;
	return arena_printf(r->arena, "CR-%d-%04u", t.tm_year + 1900,
	    (unsigned)((b[0] << 8 | b[1]) % 10000));
}

/* POST /case-review/submit */
void
case_review_submit_post(struct req *r)
{
	struct case_review_rules rules;
	struct case_review_input in;
	struct report_draft d;
	const char *idem, *sent, *missing, *reference = NULL;
	int held = 0, limited;

	if (!cr_enter(r, &d))
		return;
	idem = draft_get(&d, DK_IDEM);
	sent = req_form(r, "idempotency-key");
	if ((missing = cr_missing(r, &d)) != NULL || *idem == '\0' || sent == NULL ||
	    strcmp(sent, idem) != 0) {
		/* Not answered yet, or an old copy of the check page: show the
		 * answers as they are. */
		if (missing != NULL && *missing == '\0')
			cr_unavailable(r);
		else
			resp_redirect(r, 303, missing != NULL ? missing : "/case-review/check");
		return draft_free(&d);
	}
	if ((held = report_submit_lock(r->rd, idem)) == 0) {
		page_render(r, 202, "case_review_sending.tpl",
		    "Your application is being sent", page_dict(r));
		return draft_free(&d);
	}
	if (*draft_get(&d, DK_TRAP) != '\0') {
		if ((reference = decoy(r)) == NULL || result_keep(r, &d, reference) == -1)
			goto unavailable;
		resp_redirect(r, 303, "/case-review/done");
		goto unlock;
	}
	/* Sends from one address are counted as /report's are, apart. */
	if ((limited = held == -1 ? 0 : report_submit_limited(r->rd, "case-review",
	    r->remote_addr != NULL ? r->remote_addr : "-")) == -1)
		goto unavailable;
	if (limited) {
		page_error(r, 429, "There have been too many applications from "
		    "your connection in the last hour. Your answers are saved: try again "
		    "later. If you are in danger now, call 999.");
		goto unlock;
	}
	if (cr_input_of(r, &d, &in) == -1)
		goto unavailable;
	case_review_rules_of(r->cfg, &rules);
	switch (case_review_apply(r->pg, r->arena, &r->actor, &rules, &in, &reference)) {
	case CR_OK:
		break;
	case CR_BAD:
		resp_redirect(r, 303, "/case-review/check");
		goto unlock;
	case CR_NOT_SET_UP:
		log_warn("case review: no agency receives online applications "
		    "(case_review_agency, case_review_team)");
		page_error(r, 503, "Sorry, we cannot take Case Review applications online "
		    "at the moment. Your answers are saved: try again later, or call 101 "
		    "and ask to apply for an ASB Case Review. If you are in danger now, "
		    "call 999.");
		goto unlock;
	default:
		goto unavailable;
	}
	if (result_keep(r, &d, reference) == -1) {
		/* Saved whatever Redis does: say so here and now. */
		log_warn("case review: %s saved, its result not kept in the draft", reference);
		page_error(r, 200, arena_printf(r->arena, "Your application has been sent. "
		    "Your reference is %s.", reference));
		goto unlock;
	}
	resp_redirect(r, 303, "/case-review/done");
	goto unlock;
unavailable:
	cr_unavailable(r);
unlock:
	if (held == 1)
		report_submit_unlock(r->rd, idem);
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* Done                                                                */

static const char *
result_field(struct json_object *res, const char *k)
{
	struct json_object *v;

	return json_object_object_get_ex(res, k, &v) ? json_object_get_string(v) : "";
}

/* Section `name` shown with its DATE. */
static int
section_set(struct view_dict *dict, const char *name, const char *date)
{
	struct view_dict *sec = view_section(dict, name);

	return sec == NULL ? -1 : view_set(sec, "DATE", date);
}

/* A due date in words, or "" when not known. */
static const char *
due_words(struct req *r, const char *iso)
{
	char buf[DATE_WORDS_MAX];
	struct date d;

	if (date_parse(iso, &d) == NULL || date_words(buf, &d) == NULL)
		return "";
	return arena_strdup(r->arena, buf);
}

/* GET /case-review/done: the reference and what happens next. The
 * answers are then forgotten; the result stays a while. */
void
case_review_done_get(struct req *r)
{
	struct case_review_rules rules;
	struct report_draft d;
	struct json_object *res, *kept;
	struct view_dict *dict;
	const char *ack, *decide;
	enum draft_rc rc = draft_load_in(r, &d, CR_DRAFT_COOKIE);

	if (rc == DRAFT_ERROR)
		return cr_unavailable(r);
	if (rc == DRAFT_NONE)
		return cr_lost(r);
	if ((res = draft_value(&d, DK_RESULT)) == NULL) {
		resp_redirect(r, 303, "/case-review/check");
		return draft_free(&d);
	}
	case_review_rules_of(r->cfg, &rules);
	ack = due_words(r, result_field(res, "acknowledge"));
	decide = due_words(r, result_field(res, "decide"));
	dict = page_dict(r);
	if (dict == NULL || ack == NULL || decide == NULL ||
	    view_set(dict, "REFERENCE", result_field(res, "reference")) == -1 ||
	    view_set_int(dict, "ACKNOWLEDGE_DAYS", rules.acknowledge) == -1 ||
	    view_set_int(dict, "DECIDE_DAYS", rules.decide) == -1 ||
	    (*ack != '\0' ? section_set(dict, "ACKNOWLEDGE_BY", ack) :
	    view_show(dict, "ACKNOWLEDGE_WITHIN")) == -1 ||
	    (*decide != '\0' ? section_set(dict, "DECIDE_BY", decide) :
	    view_show(dict, "DECIDE_WITHIN")) == -1) {
		view_dict_free(dict);
		page_error(r, 500, NULL);
		return draft_free(&d);
	}
	page_render(r, 200, "case_review_done.tpl", "Application sent", dict);
	if ((kept = json_object_new_object()) != NULL) {
		json_object_object_add(kept, draft_key_name(DK_RESULT), json_object_get(res));
		json_object_put(d.doc);
		d.doc = kept;
		if (draft_save(r, &d, REPORT_DONE_SECONDS) == -1)
			log_warn("case review: the sent draft could not be cleared");
	}
	draft_free(&d);
}
