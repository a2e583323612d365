/* The evidence step of the reporting form: photos, recordings and
 * documents. The upload is streamed (the route has ROUTE_STREAM_BODY):
 * the multipart parser hands each file's bytes to the evidence store as
 * they arrive, so memory stays bounded whatever the size. A file is only
 * kept when all of it arrived and its bytes are of a type we take; it is
 * kept with the draft's unsent files (drafts/ in the evidence folder)
 * until the report is sent, and the evidence rows are written with the
 * report (domain/report.c). An upload that fails leaves nothing behind.
 *
 * What one draft and one address may store in an hour is limited (the
 * upload_*_hour settings): the request's length is counted against both
 * before anything is read, each file as it begins, and what was not
 * stored is given back at the end. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/access.h"
#include "domain/evidence_store.h"
#include "http/kv.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/upload.h"
#include "pages/evidence_words.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "pages/upload_quota.h"
#include "store/counter.h"
#include "store/redis.h"
#include "view/view.h"

#define FIELD_MAX	256	/* csrf, change, action: short by nature */
/* Every kind of file core/sniff.c takes, by its content, in the words
 * the page's hint and the refusal of any other file both use: keep it in
 * step with sniff.c's table. Plain text is a document (a note typed on a
 * phone is evidence too), whatever the file's name says. */
#define ACCEPTED_KINDS	"photos (JPG, PNG, HEIC, HEIF, AVIF, GIF or WebP), " \
	"videos (MP4, MOV, 3GP, WebM, MKV or OGV), audio recordings (MP3, M4A, " \
	"AAC, WAV, OGG, FLAC or AMR) or documents (PDF, DOCX, XLSX, PPTX, ODT, " \
	"ODS, ODP or plain text)"

/* One upload request as the parser's callbacks see it. */
struct upload {
	struct req		*r;
	struct evidence_limits	 lim;
	size_t			 have;		/* files the draft has already */
	size_t			 max;		/* files a report may have */
	struct json_object	*added;		/* files stored by this request */
	struct evidence_write	 w;
	int			 writing;
	int			 csrf_checked;
	char			 value[FIELD_MAX];
	size_t			 value_len;
	const char		*draft;		/* the draft's id: where its files go */
	struct quota		 q;
	/* Why it stopped, when a callback stopped it. */
	enum { UP_OK, UP_CSRF, UP_PATH, UP_TOO_MANY, UP_QUOTA, UP_STORE, UP_NOMEM } why;
	enum evidence_store_err	 store_err;
	char			 name[MULTIPART_FILENAME_MAX + 1];
};

static struct json_object *
draft_files(struct report_draft *d)
{
	struct json_object *files;

	if ((files = draft_value(d, DK_EVIDENCE)) != NULL &&
	    json_object_is_type(files, json_type_array))
		return files;
	return NULL;
}

/* ---- the parser's callbacks ---- */

static int
csrf_check(struct upload *up)
{
	up->csrf_checked = 1;
	if (csrf_valid(up->r))
		return 0;
	up->why = UP_CSRF;
	return -1;
}

static int
on_begin(void *arg, const struct multipart_part *p)
{
	struct upload *up = arg;
	enum evidence_store_err e;

	up->value_len = 0;
	if (!p->is_file)
		return 0;
	snprintf(up->name, sizeof(up->name), "%s", p->filename);
	/* Nothing is written to disk for a form that did not come from us. */
	if (!up->csrf_checked && csrf_check(up) == -1)
		return -1;
	if (p->had_path) {
		up->why = UP_PATH;
		return -1;
	}
	if (up->have + json_object_array_length(up->added) >= up->max) {
		up->why = UP_TOO_MANY;
		return -1;
	}
	switch (quota_take(up->r->rd, &up->q, 1, 1)) {
	case 0:
		break;
	case 1:
		up->why = UP_QUOTA;
		return -1;
	default:
		up->why = UP_NOMEM;
		return -1;
	}
	if ((e = evidence_store_begin_draft(&up->w, up->r->cfg->evidence_dir, up->draft,
	    &up->lim)) != STORE_OK) {
		evidence_store_abort(&up->w);
		up->why = UP_STORE;
		up->store_err = e;
		return -1;
	}
	up->writing = 1;
	return 0;
}

static int
on_data(void *arg, const struct multipart_part *p, const char *data, size_t len)
{
	struct upload *up = arg;
	enum evidence_store_err e;

	(void)p;
	if (up->writing) {
		if ((e = evidence_store_write(&up->w, data, len)) == STORE_OK)
			return 0;
		up->why = UP_STORE;
		up->store_err = e;
		return -1;
	}
	/* The parser's field_max is FIELD_MAX: this always fits. */
	if (len > FIELD_MAX - up->value_len)
		len = FIELD_MAX - up->value_len;
	memcpy(up->value + up->value_len, data, len);
	up->value_len += len;
	return 0;
}

/* The stored file, as the draft keeps it. */
static struct json_object *
file_json(const struct stored_file *sf, const char *name)
{
	struct json_object *f = json_object_new_object();

	if (f == NULL)
		return NULL;
	json_object_object_add(f, "sha256", json_object_new_string(sf->sha256));
	json_object_object_add(f, "path", json_object_new_string(sf->path));
	json_object_object_add(f, "size", json_object_new_int64((int64_t)sf->size));
	json_object_object_add(f, "media_type", json_object_new_string(sf->media_type));
	json_object_object_add(f, "ext", json_object_new_string(sf->ext));
	json_object_object_add(f, "category", json_object_new_string(sf->category));
	json_object_object_add(f, "name", json_object_new_string(name));
	json_object_object_add(f, "new", json_object_new_boolean(!sf->duplicate));
	return f;
}

static int
on_end(void *arg, const struct multipart_part *p)
{
	struct upload *up = arg;
	struct stored_file sf;
	struct json_object *f;
	enum evidence_store_err e;

	if (!up->writing) {
		/* The parser and this struct reuse their buffers: copy both. */
		char *name = arena_strdup(up->r->arena, p->name),
		    *value = arena_alloc(up->r->arena, up->value_len + 1);

		if (value != NULL) {
			memcpy(value, up->value, up->value_len);
			value[up->value_len] = '\0';
		}
		if (name == NULL || value == NULL ||
		    kv_add(up->r->arena, &up->r->form, name, value, up->value_len) == -1) {
			up->why = UP_NOMEM;
			return -1;
		}
		return 0;
	}
	up->writing = 0;
	if ((e = evidence_store_commit(&up->w, &sf)) != STORE_OK) {
		up->why = UP_STORE;
		up->store_err = e;
		return -1;
	}
	if ((f = file_json(&sf, up->name)) == NULL ||
	    json_object_array_add(up->added, f) != 0) {
		json_object_put(f);
		up->why = UP_NOMEM;
		return -1;
	}
	return 0;
}

static const struct multipart_callbacks upload_callbacks = { on_begin, on_data, on_end };

/* Reads the whole body through the parser. */
static enum multipart_err
upload_read(struct req *r, struct upload *up)
{
	const struct config *cfg = r->cfg;
	struct multipart_limits lim = multipart_limits_default;

	lim.files_max = (size_t)cfg->upload_files_max;
	lim.file_max = cfg->upload_max;
	lim.field_max = FIELD_MAX;
	lim.parts_max = lim.files_max + 8;
	lim.total_max = multipart_total_for(lim.files_max, lim.file_max);
	return upload_read_body(r, &lim, &upload_callbacks, up);
}

/* Takes back what a failed upload stored: files whose bytes nobody had
 * stored before (a duplicate belongs to someone else's report too). */
static void
upload_discard(const struct config *cfg, struct upload *up)
{
	struct json_object *f, *isnew;
	size_t i;
	char path[PATH_MAX];

	if (up->writing)
		evidence_store_abort(&up->w);
	up->writing = 0;
	for (i = 0; i < json_object_array_length(up->added); i++) {
		f = json_object_array_get_idx(up->added, i);
		if (!json_object_object_get_ex(f, "new", &isnew) ||
		    !json_object_get_boolean(isnew))
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", cfg->evidence_dir,
		    file_field(f, "path")) < (int)sizeof(path) && unlink(path) == -1)
			log_warn("evidence: unlink %s: %s", path, strerror(errno));
	}
}

/* What went wrong, in words that say what to do. */
static const char *
upload_problem(struct req *r, const struct upload *up, enum multipart_err me, int *status)
{
	const struct config *cfg = r->cfg;
	unsigned long long mb = cfg->upload_max / (1000 * 1000);

	*status = 400;
	if (me == MULTIPART_ABORTED) {
		switch (up->why) {
		case UP_PATH:
			return arena_printf(r->arena, "The file name “%s” includes folder "
			    "names. Choose the file itself, not a folder", up->name);
		case UP_TOO_MANY:
			return arena_printf(r->arena, "You can add up to %d files to a "
			    "report. Remove a file before adding another", cfg->upload_files_max);
		case UP_QUOTA:
			*status = 429;
			return quota_problem(r, &up->q);
		case UP_STORE:
			switch (up->store_err) {
			case STORE_EMPTY:
				return arena_printf(r->arena, "The file “%s” is empty", up->name);
			case STORE_TOO_LARGE:
				*status = 413;
				return arena_printf(r->arena, "The file “%s” must be smaller "
				    "than %llu MB", up->name, mb);
			case STORE_BAD_TYPE:
				return arena_printf(r->arena, "The file “%s” must be a photo, "
				    "video, audio recording or document: " ACCEPTED_KINDS,
				    up->name);
			case STORE_BAD_IMAGE:
				return arena_printf(r->arena, "The picture “%s” cannot be "
				    "used: it is damaged or its size is too large. Take a "
				    "new photo or a screenshot of it", up->name);
			default:
				break;
			}
			/* FALLTHROUGH */
		default:
			*status = 503;
			return NULL;
		}
	}
	switch (me) {
	case MULTIPART_TOO_MANY_FILES:
		return arena_printf(r->arena, "You can add up to %d files to a report. "
		    "Remove a file before adding another", cfg->upload_files_max);
	case MULTIPART_FILE_TOO_LARGE:
	case MULTIPART_TOO_LARGE:
		*status = 413;
		return arena_printf(r->arena, "Each file must be smaller than %llu MB", mb);
	case MULTIPART_BAD_FILENAME:
		return "The file name has characters we cannot take (such as "
		    "control characters). Rename the file and try again";
	default:
		return "The file did not arrive complete. Select it again and "
		    "upload it";
	}
}

/* ---- the page ---- */

/* A stored file's kind as its bytes say, whatever its name says:
 * "Photo (PNG)", "Document (plain text)". NULL when out of memory. */
static const char *
file_kind_words(struct req *r, struct json_object *f)
{
	const char *kind = evidence_kind_words(file_field(f, "category"));
	const char *ext = file_field(f, "ext");
	char *up;
	size_t i;

	if (*ext == '\0')
		return kind;
	if (strcmp(ext, "txt") == 0)
		return arena_printf(r->arena, "%s (plain text)", kind);
	if ((up = arena_strdup(r->arena, ext)) == NULL)
		return NULL;
	for (i = 0; up[i] != '\0'; i++)
		up[i] = (char)toupper((unsigned char)up[i]);
	return arena_printf(r->arena, "%s (%s)", kind, up);
}

static void
evidence_render(struct req *r, struct report_draft *d, int status,
    const struct form_errors *errs)
{
	const struct config *cfg = r->cfg;
	int change = changing(r);
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_EVIDENCE, 0, NULL, change), change, errs), *s;
	struct json_object *files = draft_files(d), *f;
	size_t i, n = files != NULL ? json_object_array_length(files) : 0;
	const char *kind;
	char idx[24];

	if (dict == NULL)
		return page_error(r, 500, NULL);
	for (i = 0; i < n; i++) {
		f = json_object_array_get_idx(files, i);
		snprintf(idx, sizeof(idx), "%zu", i);
		if ((kind = file_kind_words(r, f)) == NULL ||
		    (s = view_section(dict, "FILE")) == NULL ||
		    view_set(s, "NAME", file_field(f, "name")) == -1 ||
		    view_set(s, "KIND", kind) == -1 ||
		    view_set(s, "SIZE", evidence_size_words(r->arena, strtoll(file_field(f, "size"),
		    NULL, 10))) == -1 ||
		    view_set(s, "INDEX", idx) == -1 ||
		    view_set(s, "CSRF", csrf_token(r)) == -1 ||
		    (change && view_show(s, "CHANGE") == -1))
			goto fail;
	}
	if ((n > 0 && view_show(dict, "HAVE_FILES") == -1) ||
	    view_show(dict, n < (size_t)cfg->upload_files_max ? "CAN_ADD" : "FULL") == -1 ||
	    view_set(dict, "FILES_MAX", arena_printf(r->arena, "%d", cfg->upload_files_max)) == -1 ||
	    view_set(dict, "FILE_MB", arena_printf(r->arena, "%zu",
	    cfg->upload_max / (1000 * 1000))) == -1 ||
	    view_set(dict, "KINDS", ACCEPTED_KINDS) == -1 ||
	    view_set(dict, "NEXT", n > 0 ? "Continue" : "Continue without adding files") == -1)
		goto fail;
	page_render(r, status, "report_evidence.tpl", form_title(r, errs,
	    "Add photos, recordings or documents (optional)"), dict);
	return;
fail:
	view_dict_free(dict);
	page_error(r, 500, NULL);
}

/* GET /report/evidence */
void
report_evidence_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;

	if (!draft_enter(r, &d, 1))
		return;
	evidence_render(r, &d, 200, &errs);
	draft_free(&d);
}

/* GET /report/evidence/too-large: where nginx sends an upload larger
 * than all the files a report may have together (its error_page 413). */
void
report_evidence_too_large_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;

	if (!draft_enter(r, &d, 1))
		return;
	form_error(&errs, "evidence", arena_printf(r->arena, "The files you chose are "
	    "too large. Each file must be smaller than %zu MB",
	    r->cfg->upload_max / (1000 * 1000)));
	evidence_render(r, &d, 413, &errs);
	draft_free(&d);
}

/* Adds this request's files to the draft's list. */
static int
files_keep(struct report_draft *d, struct json_object *added)
{
	struct json_object *files = draft_files(d), *f;
	size_t i;

	if (files == NULL) {
		if ((files = json_object_new_array()) == NULL ||
		    draft_put(d, DK_EVIDENCE, files) != 0)
			return -1;
	}
	for (i = 0; i < json_object_array_length(added); i++) {
		f = json_object_get(json_object_array_get_idx(added, i));
		json_object_object_del(f, "new");
		if (json_object_array_add(files, f) != 0) {
			json_object_put(f);
			return -1;
		}
	}
	return 0;
}

/* What this request stored, for the quotas: bytes and files. */
static void
upload_stored(const struct upload *up, long long *bytes, long long *files)
{
	size_t i, n = json_object_array_length(up->added);

	*bytes = 0;
	*files = (long long)n;
	for (i = 0; i < n; i++)
		*bytes += strtoll(file_field(json_object_array_get_idx(up->added, i), "size"),
		    NULL, 10);
}

/* POST /report/evidence (multipart/form-data): stores the chosen files,
 * then either shows the list again ("Upload and add more") or goes on. */
void
report_evidence_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	struct json_object *files;
	struct upload up;
	enum multipart_err me;
	const char *action, *problem;
	long long bytes = 0, nfiles = 0, length;
	int status, more;

	if (!draft_enter(r, &d, 1))
		return;
	memset(&up, 0, sizeof(up));
	up.r = r;
	up.draft = draft_id(&d);
	up.lim = evidence_limits_default;
	up.lim.file_max = r->cfg->upload_max;
	up.max = (size_t)r->cfg->upload_files_max;
	up.have = (files = draft_files(&d)) != NULL ? json_object_array_length(files) : 0;
	quota_init(r, &up.q, up.draft);
	if ((up.added = json_object_new_array()) == NULL) {
		draft_unavailable(r);
		goto out;
	}
	/* The whole body counts until the files in it are known. */
	length = r->content_length >= 0 ? r->content_length :
	    (long long)multipart_total_for((size_t)r->cfg->upload_files_max, r->cfg->upload_max);
	switch (quota_take(r->rd, &up.q, 0, length)) {
	case 0:
		break;
	case 1:
		form_error(&errs, "evidence", quota_problem(r, &up.q));
		evidence_render(r, &d, 429, &errs);
		goto settle;
	default:
		draft_unavailable(r);
		goto settle;
	}
	me = upload_read(r, &up);
	if (me == MULTIPART_OK && !up.csrf_checked)
		csrf_check(&up);
	if (up.why == UP_CSRF) {
		upload_discard(r->cfg, &up);
		if (access_refused(r->pg, &r->actor, "csrf_rejected", r->path,
		    "missing or wrong CSRF token") == -1)
			log_error("audit of csrf_rejected %s failed", r->path);
		page_error(r, 403, "This form has expired or did not come from "
		    "Concord. Go back, reload the page and try again.");
		goto settle;
	}
	if (me != MULTIPART_OK) {
		upload_discard(r->cfg, &up);
		if ((problem = upload_problem(r, &up, me, &status)) == NULL) {
			draft_unavailable(r);
			goto settle;
		}
		form_error(&errs, "evidence", problem);
		evidence_render(r, &d, status, &errs);
		goto settle;
	}
	action = req_form(r, "action");
	more = action != NULL && strcmp(action, "more") == 0;
	/* "Upload and add more" with nothing chosen: say so rather than show
	 * the same page again as though something had happened. */
	if (more && json_object_array_length(up.added) == 0) {
		form_error(&errs, "evidence", "Select a file");
		evidence_render(r, &d, 400, &errs);
		goto settle;
	}
	if (files_keep(&d, up.added) == -1) {
		upload_discard(r->cfg, &up);
		draft_unavailable(r);
		goto settle;
	}
	upload_stored(&up, &bytes, &nfiles);
	draft_next(r, &d, !more ? step_after(r, &d, STEP_EVIDENCE, 0, NULL, changing(r)) :
	    changing(r) ? "/report/evidence?change=1" : "/report/evidence");
settle:
	quota_settle(r->rd, &up.q, bytes, nfiles);
out:
	json_object_put(up.added);
	draft_free(&d);
}

/* POST /report/evidence/remove: takes a file off the report. The stored
 * bytes stay until the retention purge: the same bytes may belong to
 * another report. */
void
report_evidence_remove_post(struct req *r)
{
	struct report_draft d;
	struct json_object *files;
	const char *v = req_form(r, "file");
	char *end;
	long i;

	if (!draft_enter(r, &d, 1))
		return;
	files = draft_files(&d);
	i = v != NULL ? strtol(v, &end, 10) : -1;
	if (files != NULL && v != NULL && *v != '\0' && *end == '\0' && i >= 0 &&
	    (size_t)i < json_object_array_length(files)) {
		page_flash(r, arena_printf(r->arena, "“%s” has been removed",
		    file_field(json_object_array_get_idx(files, (size_t)i), "name")));
		if (json_object_array_del_idx(files, (size_t)i, 1) != 0) {
			draft_unavailable(r);
			goto out;
		}
	}
	draft_next(r, &d, changing(r) ? "/report/evidence?change=1" : "/report/evidence");
out:
	draft_free(&d);
}
