/* The public form's last steps: submit the draft as one report through
 * the one intake (domain/intake.c), and the confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "core/random.h"
#include "domain/evidence_store.h"
#include "domain/intake.h"
#include "domain/report.h"
#include "domain/report_draft_store.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/report_partner.h"
#include "view/view.h"

/* ------------------------------------------------------------------ */
/* 10. Submit                                                          */

/* A yes/no field as report_input has it: 1, 0 or -1. */
static int
flag(struct report_draft *d, enum draft_key k)
{
	const char *v = draft_get(d, k);

	return strcmp(v, "yes") == 0 ? 1 : strcmp(v, "no") == 0 ? 0 : -1;
}

/* Who reports and how to reach them; a signed-in partner's report is
 * their agency's, without the public's contact details. */
static void
input_reporter(struct req *r, struct report_draft *d, struct report_input *in)
{
	in->anonymous = strcmp(draft_get(d, DK_IDENTITY), "anonymous") == 0;
	in->given_name = draft_get(d, DK_GIVEN_NAME);
	in->family_name = draft_get(d, DK_FAMILY_NAME);
	in->email = draft_get(d, DK_EMAIL);
	in->phone = draft_get(d, DK_PHONE);
	in->preferred_contact = draft_get(d, DK_CONTACT);
	in->for_someone_else = flag(d, DK_FOR_SOMEONE_ELSE);
	in->for_whom = draft_get(d, DK_OTHER_NAME);
	in->for_whom_relation = draft_get(d, DK_OTHER_RELATION);
	in->share_consent = flag(d, DK_SHARE);
	in->email_updates = *draft_get(d, DK_UPDATES) != '\0' && *in->email != '\0';
	if (report_partner_on(r))
		report_partner_input(d, in);
}

/* Whether the draft's reporter gets the confirmation mail with the
 * tracking link: domain/report.c's rule, on the draft's answers. */
static int
confirmation_mailed(struct req *r, struct report_draft *d)
{
	struct report_input in;

	memset(&in, 0, sizeof(in));
	in.channel = "public";
	input_reporter(r, d, &in);
	return report_mails_confirmation(&in);
}

/* The result as the draft keeps it, for the confirmation and
 * resubmissions: the reference, the tracking token, and what the
 * confirmation says about them (mailed, partner). NULL when out of memory. */
static struct json_object *
result_json(struct req *r, struct report_draft *d, const char *reference,
    const char *token)
{
	struct json_object *res = json_object_new_object();

	if (res == NULL)
		return NULL;
	if (json_object_object_add(res, "reference", json_object_new_string(reference)) != 0 ||
	    json_object_object_add(res, "token", json_object_new_string(token)) != 0 ||
	    json_object_object_add(res, "mailed",
	    json_object_new_boolean(confirmation_mailed(r, d))) != 0 ||
	    json_object_object_add(res, "partner",
	    json_object_new_boolean(report_partner_on(r))) != 0) {
		json_object_put(res);
		return NULL;
	}
	return res;
}

/* Keeps the result in the draft. 0 or -1. */
static int
result_keep(struct req *r, struct report_draft *d, const char *reference,
    const char *token)
{
	if (draft_put(d, DK_RESULT, result_json(r, d, reference, token)) == -1)
		return -1;
	return draft_save(r, d, REPORT_DRAFT_SECONDS);
}

/* The files the evidence step stored, as the report's evidence: each is
 * linked from the draft's unsent files into the evidence store now, before
 * the report that names it is written. */
static int
input_files(struct req *r, struct report_draft *d, struct report_input *in)
{
	struct json_object *files, *f;
	struct report_file *rf;
	struct stored_file *sf;
	size_t i, n;

	if ((files = draft_value(d, DK_EVIDENCE)) == NULL ||
	    (n = json_object_array_length(files)) == 0)
		return 0;
	if ((rf = arena_calloc(r->arena, n, sizeof(*rf))) == NULL ||
	    (sf = arena_calloc(r->arena, n, sizeof(*sf))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		f = json_object_array_get_idx(files, i);
		snprintf(sf[i].sha256, sizeof(sf[i].sha256), "%s", file_field(f, "sha256"));
		sf[i].size = strtoull(file_field(f, "size"), NULL, 10);
		if (evidence_store_send(r->cfg->evidence_dir, draft_id(d), &sf[i]) == -1)
			return -1;
		sf[i].media_type = file_field(f, "media_type");
		sf[i].ext = file_field(f, "ext");
		sf[i].category = file_field(f, "category");
		rf[i].stored = &sf[i];
		rf[i].name = file_field(f, "name");
	}
	in->files = rf;
	in->nfiles = n;
	return 0;
}

/* The draft as a report. Returns 0, or -1 when out of memory or one of
 * its files cannot be sent (logged). */
static int
input_make(struct req *r, struct report_draft *d, struct intake_submission *sub,
    struct json_object **recurring)
{
	struct report_input *in = &sub->report;
	struct json_object *times;
	const char *date = draft_get(d, DK_OCCURRED_DATE), *t = draft_get(d, DK_OCCURRED_TIME);
	const char *line1 = draft_get(d, DK_ADDRESS_LINE1), *town = draft_get(d, DK_TOWN);
	char *list, *tok, *save;

	memset(sub, 0, sizeof(*sub));
	*recurring = NULL;
	in->channel = "public";
	in->public_url = r->cfg->public_url;
	in->type_code = draft_get(d, DK_TYPE);
	in->description = draft_get(d, DK_DESCRIPTION);
	in->answers = draft_value(d, DK_ANSWERS);
	/* The intake reads them as London time, noon when no time was given. */
	if (*date != '\0') {
		sub->occurred_date = date;
		sub->occurred_time = t;
	}
	if (strcmp(draft_get(d, DK_WHEN), "ongoing") == 0) {
		if ((*recurring = json_object_new_object()) == NULL ||
		    (times = json_object_new_array()) == NULL ||
		    (list = arena_strdup(r->arena, draft_get(d, DK_TIMES))) == NULL)
			return -1;
		json_object_object_add(*recurring, "how_often",
		    json_object_new_string(draft_get(d, DK_HOW_OFTEN)));
		for (tok = strtok_r(list, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save))
			json_object_array_add(times, json_object_new_string(tok));
		json_object_object_add(*recurring, "times_of_day", times);
		in->recurring = *recurring;
	}
	if (*draft_get(d, DK_LON) != '\0') {
		in->has_point = 1;
		in->lon = strtod(draft_get(d, DK_LON), NULL);
		in->lat = strtod(draft_get(d, DK_LAT), NULL);
	}
	in->address = arena_printf(r->arena, "%s%s%s", line1, *line1 && *town ? ", " : "", town);
	in->postcode = draft_get(d, DK_POSTCODE);
	in->impact = draft_get(d, DK_IMPACT);
	in->feels_unsafe = flag(d, DK_FEELS_UNSAFE);
	in->vulnerable = flag(d, DK_VULNERABLE);
	in->targeted = flag(d, DK_TARGETED);
	in->happened_before = flag(d, DK_HAPPENED_BEFORE);
	in->happening_now = flag(d, DK_HAPPENING_NOW);
	in->idempotency_key = draft_get(d, DK_IDEM);
	in->tracking_token = draft_get(d, DK_TRACK);
	input_reporter(r, d, in);
	return in->address != NULL && input_files(r, d, in) == 0 ? 0 : -1;
}

static void	done_render(struct req *, const char *reference, const char *token,
		    int mailed, int partner);

/* The confirmation of a saved report. Kept in the draft, it is shown by
 * /report/done; when Redis cannot keep it, it is shown here and now: the
 * report is saved whatever Redis does (and sending the form again finds
 * it in the database by its idempotency key). */
static void
submit_done(struct req *r, struct report_draft *d, const struct report_result *res)
{
	if (result_keep(r, d, res->reference, res->token) == 0)
		return resp_redirect(r, 303, "/report/done");
	log_warn("report: %s saved, but its result could not be kept in the draft",
	    res->reference);
	done_render(r, res->reference, res->token, confirmation_mailed(r, d),
	    report_partner_on(r));
}

/* Another request holds the key: no waiting for it (a worker serves one
 * request at a time). Its report, when the database has it; otherwise a
 * page that says it is being sent, with a link to look again. */
static void
submit_pending(struct req *r, struct report_draft *d)
{
	struct report_result res;

	switch (report_find(r->pg, &r->actor, draft_get(d, DK_IDEM),
	    draft_get(d, DK_TRACK), &res)) {
	case 1:
		return submit_done(r, d, &res);
	case 0:
		return page_render(r, 202, "report_sending.tpl",
		    "Your report is being sent", page_dict(r));
	default:
		return draft_unavailable(r);
	}
}

/* A made-up reference for a form a robot filled in: it looks like the
 * real thing, and nothing is saved. */
static int
decoy(struct req *r, struct report_draft *d)
{
	unsigned char b[4];
	char token[65];
	time_t now = time(NULL);
	struct tm t;

	gmtime_r(&now, &t);
	if (random_bytes(b, sizeof(b)) == -1 || random_hex(token, 32) == -1)
		return -1;
	return result_keep(r, d, arena_printf(r->arena, "ASB-%d-%06lu",
	    t.tm_year + 1900, (unsigned long)((b[0] << 16 | b[1] << 8 | b[2]) % 1000000)),
	    token);
}

/* What the intake refused that the form's own steps did not (they check
 * the same fields with the same checkers, so this is a backstop): every
 * error in one page, the draft kept. */
static void
submit_refused(struct req *r, const struct intake_result *res)
{
	const char *words = "Your report could not be sent:";
	size_t i;

	for (i = 0; words != NULL && i < res->nerrors; i++)
		words = arena_printf(r->arena, "%s %s.", words, res->errors[i].message);
	page_error(r, 400, words != NULL ? arena_printf(r->arena, "%s Your answers are "
	    "saved: go back, change them and send the report again.", words) :
	    "Your report could not be sent. Your answers are saved: go back and "
	    "check them.");
}

/* POST /report/submit: one report per draft, however often it is sent. */
void
report_submit_post(struct req *r)
{
	struct intake_submission sub;
	struct intake_result *res;
	struct report_input *in = &sub.report;
	struct report_draft d;
	struct json_object *recurring = NULL;
	struct qlist ql;
	const char *idem, *missing, *sent;
	int held, limited;

	if (!draft_enter(r, &d, 1))
		return;
	idem = draft_get(&d, DK_IDEM);
	sent = req_form(r, "idempotency-key");
	if ((missing = step_missing(r, &d)) != NULL ||
	    (missing = question_missing(r, &d, &ql, 1)) != NULL || *idem == '\0') {
		if (missing != NULL && *missing == '\0')
			draft_unavailable(r);
		else
			resp_redirect(r, 303, missing != NULL ? missing : "/report/check");
		goto out;
	}
	if (sent == NULL || strcmp(sent, idem) != 0) {
		/* An old copy of the check page: show the answers as they are. */
		resp_redirect(r, 303, "/report/check");
		goto out;
	}
	/* Without Redis there is no lock: the database's unique key decides. */
	if ((held = report_submit_lock(r->rd, idem)) == 0) {
		submit_pending(r, &d);
		goto out;
	}
	if (*draft_get(&d, DK_TRAP) != '\0') {
		if (decoy(r, &d) == -1)
			goto unavailable;
		resp_redirect(r, 303, "/report/done");
		goto out;
	}
	/* Partner reporters are signed in and answer for what they send; a
	 * whole office may share one address. */
	if ((limited = report_partner_on(r) || held == -1 ? 0 :
	    report_submit_limited(r->rd, "report",
	    r->remote_addr != NULL ? r->remote_addr : "-")) == -1)
		goto unavailable_unlock;
	if (limited) {
		page_error(r, 429, "There have been too many reports from your "
		    "connection in the last hour. Your answers are saved: try again "
		    "later. If you are in danger now, call 999.");
		goto unlock;
	}
	if ((res = arena_calloc(r->arena, 1, sizeof(*res))) == NULL ||
	    input_make(r, &d, &sub, &recurring) == -1)
		goto unavailable_unlock;
	sub.channel = strcmp(in->channel, "partner") == 0 ? INTAKE_PARTNER : INTAKE_PUBLIC;
	/* Read for question_missing: the intake checks the answers by them. */
	if (ql.q != NULL) {
		sub.questions = ql.q;
		sub.nquestions = ql.n;
		sub.type = &ql.type;
	}
	switch (intake_submit(r->pg, r->rd, r->cfg, &r->actor, &sub, res)) {
	case INTAKE_OK:
		submit_done(r, &d, &res->report);
		break;
	case INTAKE_INVALID:
		break;
	default:
		page_error(r, 503, "Sorry, we could not send your report just now. "
		    "Your answers are saved: go back and try again in a few minutes. "
		    "If you are in danger now, call 999.");
		goto unlock;
	}
	if (res->nerrors == 0)
		goto out;
	/* The questions changed while the report was checked: the check page
	 * reads them again and asks whatever is new. */
	if (res->catalogue_changed) {
		resp_redirect(r, 303, "/report/check");
		goto unlock;
	}
	switch (res->report_rc) {
	case REPORT_OUTSIDE:
		if (draft_set(&d, DK_WHERE_PROBLEM, outside_message(r, &res->report.where)) == -1 ||
		    draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)
			goto unavailable_unlock;
		resp_redirect(r, 303, "/report/where?change=1");
		goto unlock;
	case REPORT_BAD_POINT:
		if (draft_set(&d, DK_WHERE_PROBLEM, "The place chosen on the map is not "
		    "valid. Choose it again, or enter the address") == -1 ||
		    draft_save(r, &d, REPORT_DRAFT_SECONDS) == -1)
			goto unavailable_unlock;
		resp_redirect(r, 303, "/report/where?change=1");
		goto unlock;
	case REPORT_BAD_TYPE:
		page_notice(r, "The kind of problem you chose can no longer be "
		    "reported here. Choose another.");
		if (draft_set(&d, DK_TYPE, "") == -1 || draft_save(r, &d,
		    REPORT_DRAFT_SECONDS) == -1)
			goto unavailable_unlock;
		resp_redirect(r, 303, "/report/type");
		goto unlock;
	default:
		submit_refused(r, res);
		goto unlock;
	}
unavailable_unlock:
	draft_unavailable(r);
unlock:
	report_submit_unlock(r->rd, idem);
	goto out;
unavailable:
	draft_unavailable(r);
out:
	if (recurring != NULL)
		json_object_put(recurring);
	draft_free(&d);
}

/* ------------------------------------------------------------------ */
/* 11. Done                                                            */

/* The confirmation page: the reference and, when known, the tracking
 * link, which the page says the reporter has by mail too when they gave
 * an address (mailed). A partner reporting for their organisation
 * (partner) is told what happens next in words for them. */
static void
done_render(struct req *r, const char *reference, const char *token, int mailed,
    int partner)
{
	struct view_dict *dict, *track = NULL;
	const char *link = "";

	/* The same link as in the confirmation mail, from public_url. */
	if (*token != '\0')
		link = arena_printf(r->arena, REPORT_TRACK_LINK, r->cfg->public_url,
		    reference, token);
	dict = page_dict(r);
	if (dict == NULL || link == NULL ||
	    view_set(dict, "REFERENCE", reference) == -1 ||
	    view_show(dict, partner ? "PARTNER" : "PUBLIC") == -1 ||
	    (*link != '\0' && ((track = view_section(dict, "TRACK")) == NULL ||
	    view_set(track, "LINK", link) == -1 ||
	    view_show(track, partner ? "PARTNER" : "PUBLIC") == -1 ||
	    view_show(track, mailed ? "MAILED" : "NOT_MAILED") == -1))) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, 200, "report_done.tpl", "Report sent", dict);
}

/* The result's member k, true or false; false when absent (a result kept
 * before it said). */
static int
result_flag(struct json_object *res, const char *k)
{
	struct json_object *v;

	return json_object_object_get_ex(res, k, &v) && json_object_get_boolean(v);
}

/* A draft sent without its result kept (Redis failed after the commit,
 * or the request sending it has not finished): the report from the
 * database, else the "being sent" page or the check page. Returns 1 with
 * the result in the draft, 0 when the response is made. */
static int
done_from_database(struct req *r, struct report_draft *d)
{
	const char *idem = draft_get(d, DK_IDEM);
	struct report_result res;
	int found;

	if (*idem == '\0') {
		draft_lost(r);
		return 0;
	}
	if ((found = report_find(r->pg, &r->actor, idem, draft_get(d, DK_TRACK),
	    &res)) == 1) {
		if (draft_put(d, DK_RESULT, result_json(r, d, res.reference,
		    res.token)) == -1) {
			draft_unavailable(r);
			return 0;
		}
		return 1;
	}
	if (found == -1)
		draft_unavailable(r);
	else if (report_submit_busy(r->rd, idem) != 0)
		page_render(r, 202, "report_sending.tpl", "Your report is being sent",
		    page_dict(r));
	else
		resp_redirect(r, 303, "/report/check");
	return 0;
}

/* GET /report/done: the reference and the private tracking link. The
 * answers are then forgotten; the result stays a while, so that sending
 * the check page again shows this page rather than a second report. */
void
report_done_get(struct req *r)
{
	struct report_draft d;
	struct json_object *res, *ref, *tok, *kept;
	enum draft_rc rc = draft_load(r, &d);

	if (rc == DRAFT_ERROR)
		return draft_unavailable(r);
	if (rc == DRAFT_NONE) {
		draft_free(&d);
		return draft_lost(r);
	}
	if (draft_value(&d, DK_RESULT) == NULL &&
	    !done_from_database(r, &d)) {
		draft_free(&d);
		return;
	}
	if ((res = draft_value(&d, DK_RESULT)) == NULL ||
	    !json_object_object_get_ex(res, "reference", &ref) ||
	    !json_object_object_get_ex(res, "token", &tok)) {
		draft_free(&d);
		return draft_lost(r);
	}
	done_render(r, json_object_get_string(ref), json_object_get_string(tok),
	    result_flag(res, "mailed"), result_flag(res, "partner"));
	/* Keep only the result (and the key it answers). */
	if ((kept = json_object_new_object()) != NULL) {
		json_object_object_add(kept, draft_key_name(DK_RESULT), json_object_get(res));
		json_object_object_add(kept, draft_key_name(DK_IDEM),
		    json_object_new_string(draft_get(&d, DK_IDEM)));
		json_object_put(d.doc);
		d.doc = kept;
		if (draft_save(r, &d, REPORT_DONE_SECONDS) == -1)
			log_warn("report: the sent draft could not be cleared");
	}
	draft_free(&d);
}
