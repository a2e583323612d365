#ifndef DOMAIN_EVIDENCE_STORE_H
#define DOMAIN_EVIDENCE_STORE_H

#include <limits.h>

#include "core/sniff.h"

/* The Redis key of a public report's draft, by its id (the 64 hex digits
 * that also name its drafts/ folder). */
#define EVIDENCE_DRAFT_KEY	"concord:draft:%s"
#define EVIDENCE_DRAFT_ID_LEN	64

/* Evidence files on disk, written while they stream in. A file goes to
 * $evidence_dir/tmp/ first (O_EXCL, 0600) while its SHA-256 is computed
 * and its type sniffed; only a complete file of an accepted type is
 * fsync'd and moved to $evidence_dir/ab/cd/<sha256> (content-addressed:
 * the same bytes are stored once). Anything else is unlinked, so no
 * partial file ever has a final name.
 *
 * A file uploaded with a public report not yet sent is kept apart, in
 * $evidence_dir/drafts/<draft id>/<sha256> (folders 0700): only when the
 * report is sent is it linked into the content-addressed store
 * (evidence_store_send), and the purge removes a draft's folder once the
 * draft has expired (domain/evidence_purge.c).
 *
 * Stored files are mode 0644 in 0755 folders, so that nginx's worker user
 * can serve them (X-Accel-Redirect to the internal /_evidence/ location);
 * keep them private with the evidence folder's own mode (e.g. 0750,
 * owner concord, group www-data). */

enum evidence_store_err {
	STORE_OK = 0,
	STORE_EMPTY,		/* no bytes at all */
	STORE_TOO_LARGE,	/* over file_max */
	STORE_BAD_TYPE,		/* not a photo, document, audio or video type we take */
	STORE_BAD_IMAGE,	/* an image whose declared size is absurd or unreadable */
	STORE_IO,		/* the disk: full, unwritable (logged) */
};

struct evidence_limits {
	unsigned long long	 file_max;	/* bytes; config upload_max */
	unsigned long		 max_side;	/* pixels */
	unsigned long long	 max_pixels;
};

/* 20 MiB, SNIFF_MAX_SIDE (20000 px), SNIFF_MAX_PIXELS (100 megapixels). */
extern const struct evidence_limits evidence_limits_default;

/* A file that is stored. The strings are static or in the struct. */
struct stored_file {
	char			 sha256[65];	/* lower-case hex */
	char			 path[144];	/* "ab/cd/<sha256>" or "drafts/<id>/<sha256>",
						 * relative to the evidence folder */
	unsigned long long	 size;
	const char		*media_type;	/* "image/jpeg" */
	const char		*ext;		/* "jpg" */
	const char		*category;	/* "photo", "document", "audio" or "video" */
	unsigned long		 width;		/* declared image size, or 0 */
	unsigned long		 height;
	int			 duplicate;	/* those bytes were stored already */
};

/* One file being written; only for the evidence_store_* functions. */
struct evidence_write {
	int			 fd;		/* -1: nothing open */
	char			 dir[PATH_MAX];
	char			 tmp[PATH_MAX];
	struct evp_md_ctx_st	*md;
	struct sniff		 sniff;
	struct evidence_limits	 lim;
	unsigned long long	 size;
	enum evidence_store_err	 err;
	int			 type_checked;
	int			 size_checked;
	char			 draft[EVIDENCE_DRAFT_ID_LEN + 1];	/* "": the sent store */
};

enum evidence_store_err	 evidence_store_begin(struct evidence_write *,
			    const char *dir, const struct evidence_limits *);
enum evidence_store_err	 evidence_store_begin_draft(struct evidence_write *,
			    const char *dir, const char *draft,
			    const struct evidence_limits *);
enum evidence_store_err	 evidence_store_write(struct evidence_write *,
			    const void *, size_t);
enum evidence_store_err	 evidence_store_commit(struct evidence_write *,
			    struct stored_file *);
void			 evidence_store_abort(struct evidence_write *);
const char		*evidence_store_strerror(enum evidence_store_err);
int			 evidence_store_path(const char *sha256, char *out, size_t len);
int			 evidence_store_send(const char *dir, const char *draft,
			    struct stored_file *);

#endif
