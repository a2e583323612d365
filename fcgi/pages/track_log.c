/* The reporter's diary: /track/{reference}/log?t={token}, reached from
 * the tracking page, logs another occurrence of what they reported —
 * when, what happened, how it affected them, and files (domain/
 * report_diary.c saves it with the report and its incident).
 *
 * The form is multipart/form-data (the route has ROUTE_STREAM_BODY): its
 * files stream into the evidence store (pages/evidence_upload.c) under
 * the public's upload quotas (pages/upload_quota.c), as on the report
 * form's evidence step. Its text fields come before its file input, so
 * they have been read whatever stops the files. A wrong reference or
 * token gets the tracking page's 404 before anything is read. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/access.h"
#include "domain/report.h"
#include "domain/report_diary.h"
#include "http/request.h"
#include "pages/evidence_upload.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/track.h"
#include "pages/upload_quota.h"
#include "view/view.h"

/* A field's bytes: the longest text in UTF-8 with CRLF line ends, and
 * more (what is over its limit in characters is said so, and kept). */
#define FIELD_MAX	65536

/* The form as typed: kept and shown again when it has a problem. */
struct log_form {
	const char	*day, *month, *year, *time, *what, *impact;
	const char	*dropped;	/* the names of files chosen but not kept */
};

/* One request's upload: the files, and the quotas they count against. */
struct log_upload {
	struct evidence_upload	 up;
	struct quota		 q;
	int			 over;		/* a quota refused a file */
	int			 redis_down;	/* the quotas could not be read */
	int			 counted;	/* the body's length is counted */
};

/* ---- the page ---- */

static int
keep(struct view_dict *d, const char *key, const char *value)
{
	return view_set(d, key, value != NULL ? value : "");
}

/* The form, empty or as typed with what to fix. */
static void
log_render(struct req *r, int status, const char *ref, const char *token,
    const struct log_form *f, const struct form_errors *errs)
{
	struct view_dict *d = page_dict(r), *s;

	if (d == NULL || form_errors_dict(d, errs) == -1 ||
	    keep(d, "REFERENCE", ref) == -1 || keep(d, "TOKEN", token) == -1 ||
	    keep(d, "CSRF", csrf_token(r)) == -1 ||
	    keep(d, "DAY", f->day) == -1 || keep(d, "MONTH", f->month) == -1 ||
	    keep(d, "YEAR", f->year) == -1 || keep(d, "TIME", f->time) == -1 ||
	    keep(d, "WHAT", f->what) == -1 || keep(d, "IMPACT", f->impact) == -1 ||
	    view_set_int(d, "WHAT_MAX", REPORT_DIARY_WHAT_MAX) == -1 ||
	    view_set_int(d, "IMPACT_MAX", REPORT_DIARY_IMPACT_MAX) == -1 ||
	    view_set_int(d, "FILES_MAX", r->cfg->upload_files_max) == -1 ||
	    view_set(d, "FILE_MB", arena_printf(r->arena, "%zu",
	    r->cfg->upload_max / (1000 * 1000))) == -1)
		goto oom;
	if (f->dropped != NULL && *f->dropped != '\0' &&
	    ((s = view_section(d, "DROPPED")) == NULL || keep(s, "NAMES", f->dropped) == -1))
		goto oom;
	page_render(r, status, "track_log.tpl", form_title(r, errs, "Log another occurrence"), d);
	return;
oom:
	view_dict_free(d);
	page_error(r, 500, NULL);
}

/* Whether the link names a report and holds its token: 1; or 0, having
 * answered (404, or 503 when the database cannot say). */
static int
log_enter(struct req *r, const char **ref, const char **token)
{
	int rc;

	if (!track_link(r, ref, token)) {
		track_not_found(r);
		return 0;
	}
	if ((rc = report_token_is(r->pg, *ref, *token)) == 1)
		return 1;
	if (rc == 0)
		track_not_found(r);
	else
		page_error(r, 503, "Sorry, we cannot add to your report at the moment. "
		    "Please try again later.");
	return 0;
}

/* GET /track/{reference}/log?t={token} */
void
track_log_get(struct req *r)
{
	struct form_errors errs = {0};
	struct log_form f;
	const char *ref, *token;

	if (!log_enter(r, &ref, &token))
		return;
	memset(&f, 0, sizeof(f));
	log_render(r, 200, ref, token, &f, &errs);
}

/* ---- reading the form ---- */


/* When it happened: as the form's When step checks it (not later than
 * now). Sets *occurred_at; records what to fix. */
static void
when_read(struct req *r, struct log_form *f, struct form_errors *errs,
    const char **occurred_at)
{
	form_when_past(r, "occurred", f->day, f->month, f->year, f->time, "Date it happened",
	    "Enter the date it happened", time(NULL), errs, occurred_at);
}

/* The text fields, trimmed; what to fix in errs. */
static void
log_read(struct req *r, struct log_form *f, struct form_errors *errs,
    struct report_diary_input *in)
{
	struct form_errors none = {0};

	f->day = form_text(r, "occurred-day", 64, &none, "", NULL, NULL);
	f->month = form_text(r, "occurred-month", 64, &none, "", NULL, NULL);
	f->year = form_text(r, "occurred-year", 64, &none, "", NULL, NULL);
	f->time = form_text(r, "occurred-time", 64, &none, "", NULL, NULL);
	if (f->day == NULL || f->month == NULL || f->year == NULL || f->time == NULL) {
		f->day = f->month = f->year = f->time = "";
		form_error(errs, "occurred-day", "Enter the date it happened");
	} else
		when_read(r, f, errs, &in->occurred_at);
	in->time_known = *f->time != '\0';
	f->what = form_long_text(r, "what", REPORT_DIARY_WHAT_MAX, errs, "what",
	    "Enter what happened", arena_printf(r->arena, "What happened must be %d "
	    "characters or fewer", REPORT_DIARY_WHAT_MAX));
	f->impact = form_long_text(r, "impact", REPORT_DIARY_IMPACT_MAX, errs, "impact",
	    NULL, arena_printf(r->arena, "How it affected you must be %d characters "
	    "or fewer", REPORT_DIARY_IMPACT_MAX));
	in->what = f->what;
	in->impact = f->impact;
}

/* ---- the files ---- */

/* Each file counts against the quotas as it begins; the first also
 * counts the whole body's length, as the evidence step counts it before
 * it reads anything (here the text fields are read first, so that what
 * was typed is kept when a quota refuses the files). */
static int
file_begins(void *arg)
{
	struct log_upload *lu = arg;
	struct req *r = lu->up.r;
	int rc = 0;

	if (!lu->counted) {
		lu->counted = 1;
		rc = quota_take(r->rd, &lu->q, 0, r->content_length > 0 ?
		    r->content_length : (long long)multipart_total_for(lu->up.max,
		    r->cfg->upload_max));
	}
	if (rc == 0)
		rc = quota_take(r->rd, &lu->q, 1, 1);
	if (rc == 0)
		return 0;
	if (rc == 1)
		lu->over = 1;
	else
		lu->redis_down = 1;
	return -1;
}

/* The names of the files this request stored, to say they were not kept. */
static const char *
stored_names(struct req *r, const struct evidence_upload *up)
{
	const char *out = "";
	size_t i;

	for (i = 0; i < up->n && out != NULL; i++)
		out = arena_printf(r->arena, "%s%s%s", out, i > 0 ? ", " : "", up->names[i]);
	return out;
}

/* What this request stored, for the quotas. */
static void
log_settle(struct req *r, struct log_upload *lu, int kept)
{
	long long bytes = 0;
	size_t i;

	for (i = 0; kept && i < lu->up.n; i++)
		bytes += (long long)lu->up.files[i].size;
	quota_settle(r->rd, &lu->q, bytes, kept ? (long long)lu->up.n : 0);
}

/* The files' problem, if any, as an error of the evidence field; the
 * status to answer with. 0 when they arrived. */
static int
files_problem(struct req *r, struct log_upload *lu, enum multipart_err me,
    struct form_errors *errs)
{
	if (me == MULTIPART_OK)
		return 0;
	if (lu->over) {
		form_error(errs, "evidence", quota_problem(r, &lu->q));
		return 429;
	}
	form_error(errs, "evidence", evidence_upload_problem(&lu->up, me));
	return me == MULTIPART_TOO_LARGE || me == MULTIPART_FILE_TOO_LARGE ||
	    (me == MULTIPART_ABORTED && lu->up.store_err == STORE_TOO_LARGE) ? 413 : 400;
}

/* Saves the entry; answers the request. The files are the caller's to
 * discard when this returns -1. */
static int
log_save(struct req *r, const char *ref, const char *token, struct log_form *f,
    struct report_diary_input *in, const struct evidence_upload *up)
{
	struct form_errors errs = {0};

	in->files = up->files;
	in->names = up->names;
	in->nfiles = up->n;
	switch (report_diary_add(r->pg, &r->actor, ref, token, in)) {
	case DIARY_OK:
		page_flash(r, "Your entry has been added");
		resp_redirect(r, 303, arena_printf(r->arena, "/track/%s?t=%s#diary", ref, token));
		return 0;
	case DIARY_NOT_FOUND:
		track_not_found(r);
		return -1;
	case DIARY_FUTURE:
		form_error_date(r, &errs, "occurred", "occurred-day", DATE_WHOLE, in->time_known ?
		    "Date and time it happened must be in the past" :
		    "Date it happened must be today or in the past");
		f->dropped = stored_names(r, up);
		log_render(r, 400, ref, token, f, &errs);
		return -1;
	default:
		page_error(r, 503, "Sorry, we cannot add to your report at the moment. "
		    "Please try again later.");
		return -1;
	}
}

/* POST /track/{reference}/log?t={token} (multipart/form-data): 303 to the
 * tracking page with "Your entry has been added"; the form again with
 * what to fix (400, 413 or 429), everything typed kept; 403 for a form
 * that did not come from us; 404 as the tracking page. */
void
track_log_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_diary_input in;
	struct log_upload lu;
	struct log_form f;
	const char *ref, *token;
	enum multipart_err me;
	int status, kept = 0;

	if (!log_enter(r, &ref, &token))
		return;
	memset(&lu, 0, sizeof(lu));
	memset(&in, 0, sizeof(in));
	memset(&f, 0, sizeof(f));
	if (evidence_upload_init(&lu.up, r, FIELD_MAX) == -1)
		return page_error(r, 500, NULL);
	quota_init(r, &lu.q, arena_printf(r->arena, "track-%s", ref));
	lu.up.file_begins = file_begins;
	lu.up.file_begins_arg = &lu;
	me = evidence_upload_read(&lu.up);
	if (me == MULTIPART_NOT_FORM || me == MULTIPART_NO_BOUNDARY) {
		page_error(r, 400, "Fill in the form on the page, then save it.");
		goto out;
	}
	if (!lu.up.csrf_checked)
		lu.up.csrf_ok = csrf_valid(r);
	if (!lu.up.csrf_ok) {
		if (access_refused(r->pg, &r->actor, "csrf_rejected", r->path,
		    "missing or wrong CSRF token") == -1)
			log_error("audit of csrf_rejected %s failed", r->path);
		page_error(r, 403, "This form has expired or did not come from "
		    "Concord. Go back, reload the page and try again.");
		goto out;
	}
	if (lu.up.nomem || lu.redis_down) {
		page_error(r, lu.up.nomem ? 500 : 503, NULL);
		goto out;
	}
	/* A text many times longer than a field may be: what was typed
	 * cannot be shown again, the browser's Back button still has it. */
	if (me == MULTIPART_FIELD_TOO_LARGE) {
		page_error(r, 413, arena_printf(r->arena, "What you typed is much longer "
		    "than an entry can be (%d characters). Go back, shorten it and save "
		    "it again.", REPORT_DIARY_WHAT_MAX));
		goto out;
	}
	log_read(r, &f, &errs, &in);
	if ((status = files_problem(r, &lu, me, &errs)) != 0 || errs.n > 0) {
		f.dropped = stored_names(r, &lu.up);
		log_render(r, status != 0 ? status : 400, ref, token, &f, &errs);
		goto out;
	}
	kept = log_save(r, ref, token, &f, &in, &lu.up) == 0;
out:
	if (!kept)
		evidence_upload_discard(&lu.up);
	log_settle(r, &lu, kept);
}
