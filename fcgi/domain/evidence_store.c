/* Writing evidence files: to a private temporary file while they stream,
 * hashed and sniffed on the way, then — complete and of a type we take —
 * linked under their SHA-256. A failure at any point unlinks the temporary
 * file; the final name only ever holds a whole, fsync'd file.
 *
 * The type is sniffed by core/sniff.c, which looks only at bytes and knows
 * nothing of HTTP. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "core/log.h"
#include "core/random.h"
#include "domain/evidence_store.h"

const struct evidence_limits evidence_limits_default = {
	.file_max = 20ULL * 1024 * 1024,
	.max_side = SNIFF_MAX_SIDE,
	.max_pixels = SNIFF_MAX_PIXELS,
};

/* Where a file with this hash lives, relative to the evidence folder:
 * "ab/cd/abcd…". Returns 0, or -1 when sha256 is not 64 lower-case hex
 * digits or out is too small. */
int
evidence_store_path(const char *sha256, char *out, size_t len)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((sha256[i] >= '0' && sha256[i] <= '9') ||
		    (sha256[i] >= 'a' && sha256[i] <= 'f')))
			return -1;
	if (sha256[64] != '\0')
		return -1;
	if (snprintf(out, len, "%.2s/%.2s/%s", sha256, sha256 + 2, sha256) >= (int)len)
		return -1;
	return 0;
}

/* mkdir that is content when the folder is there already. A new folder
 * gets exactly mode, whatever the umask: nginx must be able to traverse
 * the hash folders. */
static int
mkdir_once(const char *path, mode_t mode)
{
	if (mkdir(path, mode) == -1) {
		if (errno == EEXIST)
			return 0;
		log_error("evidence: mkdir %s: %s", path, strerror(errno));
		return -1;
	}
	if (chmod(path, mode) == -1) {
		log_error("evidence: chmod %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* A draft id: EVIDENCE_DRAFT_ID_LEN lower-case hex digits. */
static int
draft_id_ok(const char *id)
{
	size_t i;

	if (id == NULL || strlen(id) != EVIDENCE_DRAFT_ID_LEN)
		return 0;
	for (i = 0; i < EVIDENCE_DRAFT_ID_LEN; i++)
		if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f')))
			return 0;
	return 1;
}

/* Makes the two folders of rel ("ab/cd/<sha256>" or "drafts/<id>/<sha256>")
 * under dir with mode; sub gets the inner one. Returns 0, or -1 (logged
 * by mkdir_once) when one cannot be made or the names do not fit. */
static int
folders_make(const char *dir, const char *rel, mode_t mode, char *sub, size_t len)
{
	const char *slash = rel;
	int i, n;

	for (i = 0; i < 2; i++) {
		if ((slash = strchr(slash, '/')) == NULL)
			return -1;
		n = snprintf(sub, len, "%s/%.*s", dir, (int)(slash - rel), rel);
		if (n < 0 || (size_t)n >= len || mkdir_once(sub, mode) == -1)
			return -1;
		slash++;
	}
	return 0;
}

/* Closes and unlinks the temporary file, if there is one. */
static void
tmp_discard(struct evidence_write *w)
{
	if (w->fd != -1) {
		close(w->fd);
		w->fd = -1;
	}
	if (w->tmp[0] != '\0') {
		if (unlink(w->tmp) == -1 && errno != ENOENT)
			log_error("evidence: unlink %s: %s", w->tmp, strerror(errno));
		w->tmp[0] = '\0';
	}
	EVP_MD_CTX_free(w->md);
	w->md = NULL;
}

static enum evidence_store_err
store_fail(struct evidence_write *w, enum evidence_store_err e)
{
	tmp_discard(w);
	if (w->err == STORE_OK)
		w->err = e;
	return w->err;
}

/* Opens a temporary file for a new upload in dir/tmp/ (made when missing),
 * under these limits (NULL: the defaults). Returns STORE_OK or STORE_IO.
 * Whatever it returns, finish with evidence_store_commit or _abort. */
enum evidence_store_err
evidence_store_begin(struct evidence_write *w, const char *dir,
    const struct evidence_limits *lim)
{
	char tmpdir[PATH_MAX], rnd[33];

	memset(w, 0, sizeof(*w));
	w->fd = -1;
	w->lim = lim != NULL ? *lim : evidence_limits_default;
	sniff_init(&w->sniff);
	if (dir == NULL || *dir == '\0') {
		log_error("evidence: no evidence_dir configured");
		return store_fail(w, STORE_IO);
	}
	if (snprintf(w->dir, sizeof(w->dir), "%s", dir) >= (int)sizeof(w->dir) ||
	    snprintf(tmpdir, sizeof(tmpdir), "%s/tmp", dir) >= (int)sizeof(tmpdir)) {
		log_error("evidence: folder name too long: %s", dir);
		return store_fail(w, STORE_IO);
	}
	if (mkdir_once(dir, 0755) == -1 || mkdir_once(tmpdir, 0700) == -1)
		return store_fail(w, STORE_IO);
	if (random_hex(rnd, 16) == -1 ||
	    snprintf(w->tmp, sizeof(w->tmp), "%s/upload-%s", tmpdir, rnd) >= (int)sizeof(w->tmp)) {
		w->tmp[0] = '\0';
		return store_fail(w, STORE_IO);
	}
	w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (w->fd == -1) {
		log_error("evidence: open %s: %s", w->tmp, strerror(errno));
		w->tmp[0] = '\0';	/* not ours to unlink */
		return store_fail(w, STORE_IO);
	}
	if ((w->md = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(w->md, EVP_sha256(), NULL) != 1) {
		log_error("evidence: SHA-256 unavailable");
		return store_fail(w, STORE_IO);
	}
	return STORE_OK;
}

/* As evidence_store_begin, for a file of a public report's draft: it is
 * kept in drafts/<draft>/ until the report is sent. Returns STORE_IO also
 * when draft is not a draft id. */
enum evidence_store_err
evidence_store_begin_draft(struct evidence_write *w, const char *dir,
    const char *draft, const struct evidence_limits *lim)
{
	enum evidence_store_err e = evidence_store_begin(w, dir, lim);

	if (e != STORE_OK)
		return e;
	if (!draft_id_ok(draft)) {
		log_error("evidence: not a draft id");
		return store_fail(w, STORE_IO);
	}
	memcpy(w->draft, draft, EVIDENCE_DRAFT_ID_LEN + 1);
	return STORE_OK;
}

/* Refuses early what will be refused anyway: an unknown type once the
 * head has been seen, and an image as soon as its size is read. */
static enum evidence_store_err
early_check(struct evidence_write *w)
{
	struct sniff_type t;

	if (w->type_checked && w->size_checked)
		return STORE_OK;
	sniff_result(&w->sniff, &t);
	if (!w->type_checked && w->sniff.head_len == SNIFF_HEAD) {
		w->type_checked = 1;
		if (t.category == SNIFF_UNKNOWN)
			return STORE_BAD_TYPE;
	}
	if (!w->size_checked && t.has_size && t.width > 0 && t.height > 0) {
		w->size_checked = 1;
		if (!sniff_size_ok(&t, w->lim.max_side, w->lim.max_pixels))
			return STORE_BAD_IMAGE;
	}
	return STORE_OK;
}

/* Appends n bytes. Returns STORE_OK, or an error after which the
 * temporary file is already gone (and every later call fails the same). */
enum evidence_store_err
evidence_store_write(struct evidence_write *w, const void *data, size_t n)
{
	const char *p = data;
	enum evidence_store_err e;
	ssize_t k;
	size_t left = n;

	if (w->err != STORE_OK)
		return w->err;
	if (n > w->lim.file_max - w->size)
		return store_fail(w, STORE_TOO_LARGE);
	w->size += n;
	sniff_feed(&w->sniff, data, n);
	if ((e = early_check(w)) != STORE_OK)
		return store_fail(w, e);
	if (EVP_DigestUpdate(w->md, data, n) != 1)
		return store_fail(w, STORE_IO);
	while (left > 0) {
		if ((k = write(w->fd, p, left)) == -1) {
			if (errno == EINTR)
				continue;
			log_error("evidence: write %s: %s", w->tmp, strerror(errno));
			return store_fail(w, STORE_IO);
		}
		p += k;
		left -= (size_t)k;
	}
	return STORE_OK;
}

/* fsync on a folder, so a rename or link in it survives a crash. */
static void
dir_sync(const char *path)
{
	int fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return;
	if (fsync(fd) == -1)
		log_warn("evidence: fsync %s: %s", path, strerror(errno));
	close(fd);
}

/* Moves the temporary file to its final name, unless that file exists
 * already (the same bytes, stored before). */
static enum evidence_store_err
place(struct evidence_write *w, struct stored_file *out)
{
	char final[PATH_MAX], sub[PATH_MAX];
	struct stat st;
	int n;

	/* Unsent files are nobody's to serve: their folders are private. */
	if (folders_make(w->dir, out->path, w->draft[0] != '\0' ? 0700 : 0755, sub,
	    sizeof(sub)) == -1)
		return STORE_IO;
	n = snprintf(final, sizeof(final), "%s/%s", w->dir, out->path);
	if (n < 0 || (size_t)n >= sizeof(final))
		return STORE_IO;
	/* link() never replaces a file: two uploads of the same bytes racing
	 * each other both end with one complete file. */
	if (link(w->tmp, final) == 0) {
		dir_sync(sub);
		return STORE_OK;
	}
	if (errno != EEXIST) {
		log_error("evidence: link %s: %s", final, strerror(errno));
		return STORE_IO;
	}
	out->duplicate = 1;
	if (stat(final, &st) == 0 && (unsigned long long)st.st_size == out->size) {
		/* The retention sweep keeps files no report uses for a day (a
		 * draft's lifetime) after they were last stored: this draft
		 * needs them that long from now. */
		if (utimensat(AT_FDCWD, final, NULL, 0) == -1)
			log_warn("evidence: touch %s: %s", final, strerror(errno));
		return STORE_OK;
	}
	/* Something else under a name that says what it holds: replace it,
	 * atomically, with the bytes that belong there. */
	log_error("evidence: %s has the wrong size: replacing it", final);
	if (rename(w->tmp, final) == -1) {
		log_error("evidence: rename %s: %s", final, strerror(errno));
		return STORE_IO;
	}
	w->tmp[0] = '\0';
	out->duplicate = 0;
	dir_sync(sub);
	return STORE_OK;
}

/* The upload is complete: checks its type and size, fsyncs it and stores
 * it under its hash, filling *out. Returns STORE_OK, or why it was
 * refused, with nothing left behind either way. */
enum evidence_store_err
evidence_store_commit(struct evidence_write *w, struct stored_file *out)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0, i;
	struct sniff_type t;
	enum evidence_store_err e;

	memset(out, 0, sizeof(*out));
	if (w->err != STORE_OK)
		return w->err;
	if (w->fd == -1)
		return store_fail(w, STORE_IO);
	if (w->size == 0)
		return store_fail(w, STORE_EMPTY);
	sniff_result(&w->sniff, &t);
	if (t.category == SNIFF_UNKNOWN)
		return store_fail(w, STORE_BAD_TYPE);
	if (!sniff_size_ok(&t, w->lim.max_side, w->lim.max_pixels))
		return store_fail(w, STORE_BAD_IMAGE);
	if (EVP_DigestFinal_ex(w->md, md, &mdlen) != 1 || mdlen != 32)
		return store_fail(w, STORE_IO);
	for (i = 0; i < mdlen; i++) {
		out->sha256[2 * i] = hex[md[i] >> 4];
		out->sha256[2 * i + 1] = hex[md[i] & 15];
	}
	out->sha256[64] = '\0';
	if (w->draft[0] != '\0')
		snprintf(out->path, sizeof(out->path), "drafts/%s/%s", w->draft, out->sha256);
	else
		evidence_store_path(out->sha256, out->path, sizeof(out->path));
	out->size = w->size;
	out->media_type = t.media_type;
	out->ext = t.ext;
	out->category = sniff_category_name(t.category);
	out->width = t.width;
	out->height = t.height;
	if (fsync(w->fd) == -1 || fchmod(w->fd, 0644) == -1) {
		log_error("evidence: fsync %s: %s", w->tmp, strerror(errno));
		return store_fail(w, STORE_IO);
	}
	if (close(w->fd) == -1) {
		w->fd = -1;
		log_error("evidence: close %s: %s", w->tmp, strerror(errno));
		return store_fail(w, STORE_IO);
	}
	w->fd = -1;
	if ((e = place(w, out)) != STORE_OK) {
		memset(out, 0, sizeof(*out));
		return store_fail(w, e);
	}
	tmp_discard(w);		/* the temporary name; the file keeps its final one */
	return STORE_OK;
}

/* The report naming this file of draft is being sent: links the file into
 * the content-addressed store, where sf->path then points. Called before
 * the report's transaction, so that a committed report never names a file
 * that is not there; should the transaction fail, the sent store's purge
 * removes the link no row names. Returns 0, or -1 (logged). */
int
evidence_store_send(const char *dir, const char *draft, struct stored_file *sf)
{
	char from[PATH_MAX], to[PATH_MAX], sub[PATH_MAX];
	struct stat st;
	int n;

	if (!draft_id_ok(draft) ||
	    evidence_store_path(sf->sha256, sf->path, sizeof(sf->path)) == -1 ||
	    folders_make(dir, sf->path, 0755, sub, sizeof(sub)) == -1)
		return -1;
	n = snprintf(to, sizeof(to), "%s/%s", dir, sf->path);
	if (n < 0 || (size_t)n >= sizeof(to))
		return -1;
	n = snprintf(from, sizeof(from), "%s/drafts/%s/%s", dir, draft, sf->sha256);
	if (n < 0 || (size_t)n >= sizeof(from))
		return -1;
	/* Fresh before it has its sent name: the sent store's purge keeps a
	 * file no row names for a while after it was last touched. */
	if (utimensat(AT_FDCWD, from, NULL, 0) == 0 && link(from, to) == 0) {
		dir_sync(sub);
		return 0;
	}
	if (errno != EEXIST && errno != ENOENT) {
		log_error("evidence: link %s: %s", to, strerror(errno));
		return -1;
	}
	/* The same bytes were sent before with another report (or the draft
	 * is older than drafts/ and stored its file there already). */
	if (stat(to, &st) == -1 || (unsigned long long)st.st_size != sf->size) {
		log_error("evidence: %s is missing from the draft and the store", sf->sha256);
		return -1;
	}
	if (utimensat(AT_FDCWD, to, NULL, 0) == -1)
		log_warn("evidence: touch %s: %s", to, strerror(errno));
	return 0;
}

/* Gives up on the file: the temporary file goes. Safe after anything,
 * commit included, and more than once. */
void
evidence_store_abort(struct evidence_write *w)
{
	tmp_discard(w);
	if (w->err == STORE_OK)
		w->err = STORE_IO;
}

/* What was wrong with the file, for the person who sent it. */
const char *
evidence_store_strerror(enum evidence_store_err e)
{
	switch (e) {
	case STORE_OK:
		return "No error.";
	case STORE_EMPTY:
		return "The file is empty. Choose the file again.";
	case STORE_TOO_LARGE:
		return "The file is too large. Attach a smaller file.";
	case STORE_BAD_TYPE:
		return "The file must be a photo (JPEG, PNG, GIF, WebP, HEIC), a document "
		    "(PDF, Word, OpenDocument, plain text), a sound recording (MP3, M4A, WAV, "
		    "OGG, AMR) or a video (MP4, MOV, WebM, 3GP).";
	case STORE_BAD_IMAGE:
		return "The image is damaged or its dimensions are too large. Attach a "
		    "photo no more than 20000 pixels on each side.";
	case STORE_IO:
		return "The file could not be saved. Try again later.";
	}
	return "The file could not be saved.";
}
