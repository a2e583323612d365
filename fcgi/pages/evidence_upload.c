/* Forms that send files straight into the evidence store (see
 * pages/evidence_upload.h). When anything fails, the caller removes the
 * files this request stored with evidence_upload_discard, and nothing is
 * recorded. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "http/kv.h"
#include "http/request.h"
#include "http/upload.h"
#include "pages/evidence_upload.h"

static int
up_begin(void *arg, const struct multipart_part *p)
{
	struct evidence_upload *up = arg;
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
	if (up->file_begins != NULL && up->file_begins(up->file_begins_arg) == -1)
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
	struct evidence_upload *up = arg;

	(void)p;
	if (up->writing) {
		if ((up->store_err = evidence_store_write(&up->w, data, len)) == STORE_OK)
			return 0;
		return -1;
	}
	/* The parser's field_max is ours: this always fits. */
	if (len > up->field_max - up->value_len)
		len = up->field_max - up->value_len;
	memcpy(up->value + up->value_len, data, len);
	up->value_len += len;
	return 0;
}

static int
up_end(void *arg, const struct multipart_part *p)
{
	struct evidence_upload *up = arg;
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

/* An upload of up to upload_files_max files of upload_max bytes each
 * (the settings), with fields of up to field_max bytes. 0, or -1 when
 * out of memory. */
int
evidence_upload_init(struct evidence_upload *up, struct req *r, size_t field_max)
{
	memset(up, 0, sizeof(*up));
	up->r = r;
	up->lim = evidence_limits_default;
	up->lim.file_max = r->cfg->upload_max;
	up->max = (size_t)r->cfg->upload_files_max;
	up->field_max = field_max;
	if ((up->files = arena_calloc(r->arena, up->max + 1, sizeof(*up->files))) == NULL ||
	    (up->names = arena_calloc(r->arena, up->max + 1, sizeof(*up->names))) == NULL ||
	    (up->value = arena_alloc(r->arena, field_max + 1)) == NULL)
		return -1;
	return 0;
}

/* Reads the whole body through the parser. */
enum multipart_err
evidence_upload_read(struct evidence_upload *up)
{
	struct multipart_limits lim = multipart_limits_default;

	lim.files_max = up->max;
	lim.file_max = up->r->cfg->upload_max;
	lim.field_max = up->field_max;
	lim.parts_max = lim.files_max + 16;
	lim.total_max = multipart_total_for(lim.files_max, lim.file_max);
	return upload_read_body(up->r, &lim, &up_callbacks, up);
}

/* Takes back the files this request stored that nobody had stored before
 * (the same bytes may be another incident's evidence). */
void
evidence_upload_discard(struct evidence_upload *up)
{
	const struct config *cfg = up->r->cfg;
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
const char *
evidence_upload_problem(const struct evidence_upload *up, enum multipart_err me)
{
	struct req *r = up->r;

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
