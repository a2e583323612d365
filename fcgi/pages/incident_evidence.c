/* Staff add evidence to an incident from its page. The upload is
 * streamed (the route has ROUTE_STREAM_BODY), as on the public form's
 * evidence step: the multipart parser hands each file's bytes to the
 * evidence store as they arrive, and only a complete file of a type we
 * take is kept (domain/evidence_store.c). The form's csrf field comes
 * before its files, so nothing is written for a form that did not come
 * from us. When anything fails, the files this request stored are removed
 * again and nothing is recorded. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "domain/access.h"
#include "domain/evidence_store.h"
#include "domain/incident_evidence.h"
#include "http/kv.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/upload.h"
#include "pages/form.h"
#include "pages/incident_page.h"
#include "pages/layout.h"
#include "pages/pages.h"

#define FIELD_MAX	256	/* csrf, version, seen: short by nature */

/* One upload as the parser's callbacks see it. */
struct staff_upload {
	struct req		*r;
	struct evidence_limits	 lim;
	struct evidence_write	 w;
	int			 writing;
	int			 csrf_checked, csrf_ok;
	char			 value[FIELD_MAX];
	size_t			 value_len;
	struct stored_file	*files;
	const char		**names;
	size_t			 n, max;
	enum evidence_store_err	 store_err;	/* why it stopped, if the store did */
	const char		*stopped;	/* the file it stopped at */
	int			 nomem;
};

static int
up_begin(void *arg, const struct multipart_part *p)
{
	struct staff_upload *up = arg;
	enum evidence_store_err e;

	up->value_len = 0;
	if (!p->is_file)
		return 0;
	if (!up->csrf_checked) {
		up->csrf_checked = 1;
		up->csrf_ok = csrf_valid(up->r);
	}
	if (!up->csrf_ok || up->n >= up->max)
		return -1;
	up->stopped = arena_strdup(up->r->arena, p->filename);
	if ((e = evidence_store_begin(&up->w, up->r->cfg->evidence_dir,
	    &up->lim)) != STORE_OK) {
		evidence_store_abort(&up->w);
		up->store_err = e;
		return -1;
	}
	up->writing = 1;
	return 0;
}

static int
up_data(void *arg, const struct multipart_part *p, const char *data, size_t len)
{
	struct staff_upload *up = arg;

	(void)p;
	if (up->writing) {
		if ((up->store_err = evidence_store_write(&up->w, data, len)) == STORE_OK)
			return 0;
		return -1;
	}
	if (len > FIELD_MAX - up->value_len)
		len = FIELD_MAX - up->value_len;
	memcpy(up->value + up->value_len, data, len);
	up->value_len += len;
	return 0;
}

static int
up_end(void *arg, const struct multipart_part *p)
{
	struct staff_upload *up = arg;
	char *name, *value;

	if (!up->writing) {
		/* The parser and this struct reuse their buffers: copy both. */
		name = arena_strdup(up->r->arena, p->name);
		value = arena_strndup(up->r->arena, up->value, up->value_len);
		if (name == NULL || value == NULL ||
		    kv_add(up->r->arena, &up->r->form, name, value, up->value_len) == -1) {
			up->nomem = 1;
			return -1;
		}
		return 0;
	}
	up->writing = 0;
	if ((up->store_err = evidence_store_commit(&up->w, &up->files[up->n])) != STORE_OK)
		return -1;
	up->names[up->n++] = up->stopped;
	up->stopped = NULL;
	return 0;
}

static const struct multipart_callbacks up_callbacks = { up_begin, up_data, up_end };

/* Reads the whole body through the parser. */
static enum multipart_err
up_read(struct req *r, struct staff_upload *up)
{
	struct multipart_limits lim = multipart_limits_default;

	lim.files_max = up->max;
	lim.file_max = r->cfg->upload_max;
	lim.field_max = FIELD_MAX;
	lim.parts_max = lim.files_max + 8;
	lim.total_max = multipart_total_for(lim.files_max, lim.file_max);
	return upload_read_body(r, &lim, &up_callbacks, up);
}

/* Takes back the files this request stored that nobody had stored before
 * (the same bytes may be another incident's evidence). */
static void
up_discard(const struct config *cfg, struct staff_upload *up)
{
	char path[PATH_MAX];
	size_t i;

	if (up->writing)
		evidence_store_abort(&up->w);
	up->writing = 0;
	for (i = 0; i < up->n; i++) {
		if (up->files[i].duplicate)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", cfg->evidence_dir,
		    up->files[i].path) < (int)sizeof(path) && unlink(path) == -1)
			log_warn("evidence: unlink %s: %s", path, strerror(errno));
	}
}

/* What went wrong, in words that say what to do. */
static const char *
up_problem(struct req *r, const struct staff_upload *up, enum multipart_err me)
{
	if (me == MULTIPART_ABORTED && up->store_err != STORE_OK)
		return arena_printf(r->arena, "%s: %s", up->stopped != NULL ?
		    up->stopped : "The file", evidence_store_strerror(up->store_err));
	switch (me) {
	case MULTIPART_ABORTED:
	case MULTIPART_TOO_MANY_FILES:
		return arena_printf(r->arena, "Upload up to %zu files at a time", up->max);
	case MULTIPART_FILE_TOO_LARGE:
	case MULTIPART_TOO_LARGE:
		return arena_printf(r->arena, "Each file must be smaller than %zu MB",
		    r->cfg->upload_max / (1000 * 1000));
	case MULTIPART_BAD_FILENAME:
		return "The file name has characters we cannot take (such as control "
		    "characters). Rename the file and try again";
	default:
		return "The file did not arrive complete. Select it again and upload it";
	}
}

/* POST /staff/incidents/{ref}/evidence (multipart/form-data): stores the
 * chosen files and adds them to the incident. 303 back to it; 400 with the
 * page and what to fix when no file was chosen or one cannot be taken; 403
 * for a form that did not come from us; 409 with what changed when someone
 * else changed the incident first; 404 as ever. */
void
incident_evidence_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	struct staff_upload up;
	enum multipart_err me;
	long long ver;
	int status = 400;

	memset(&up, 0, sizeof(up));
	up.r = r;
	up.lim = evidence_limits_default;
	up.lim.file_max = r->cfg->upload_max;
	up.max = (size_t)r->cfg->upload_files_max;
	if ((up.files = arena_calloc(r->arena, up.max + 1, sizeof(*up.files))) == NULL ||
	    (up.names = arena_calloc(r->arena, up.max + 1, sizeof(*up.names))) == NULL)
		return page_error(r, 500, NULL);
	me = up_read(r, &up);
	/* Not an upload at all: nothing was read or written. */
	if (me == MULTIPART_NOT_FORM || me == MULTIPART_NO_BOUNDARY)
		return page_error(r, 400, "Choose the files with the form on the "
		    "incident's page, then upload them.");
	if (!up.csrf_checked)
		up.csrf_ok = csrf_valid(r);
	if (!up.csrf_ok) {
		up_discard(r->cfg, &up);
		if (access_refused(r->pg, &r->actor, "csrf_rejected", r->path,
		    "missing or wrong CSRF token") == -1)
			log_error("audit of csrf_rejected %s failed", r->path);
		return page_error(r, 403, "This form has expired or did not come from "
		    "Concord. Go back, reload the page and try again.");
	}
	if (up.nomem) {
		up_discard(r->cfg, &up);
		return page_error(r, 500, NULL);
	}
	if (me != MULTIPART_OK) {
		up_discard(r->cfg, &up);
		form_error(&errs, "evidence-file", up_problem(r, &up, me));
		return incident_page_again(r, me == MULTIPART_TOO_LARGE ||
		    me == MULTIPART_FILE_TOO_LARGE ? 413 : 400, &errs, &forms);
	}
	if ((ver = incident_form_version(r)) == -1) {
		up_discard(r->cfg, &up);
		return;
	}
	if (up.n == 0) {
		form_error(&errs, "evidence-file", "Select a file to upload");
		return incident_page_again(r, 400, &errs, &forms);
	}
	switch (incident_evidence_add(r->pg, r->arena, &r->actor, req_param(r, "ref"), ver,
	    up.files, up.names, up.n)) {
	case INCIDENT_OK:
		page_flash(r, up.n == 1 ? "Evidence added." :
		    arena_printf(r->arena, "%zu files of evidence added.", up.n));
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/incidents/%s",
		    req_param(r, "ref")));
	case INCIDENT_NOT_FOUND:
		up_discard(r->cfg, &up);
		return page_error(r, 404, NULL);
	case INCIDENT_CONFLICT:
		up_discard(r->cfg, &up);
		status = incident_stale(r, &errs, &forms, "evidence-file");
		return incident_page_again(r, status, &errs, &forms);
	default:
		up_discard(r->cfg, &up);
		return page_error(r, 503, NULL);
	}
}
