#ifndef DOMAIN_EVIDENCE_H
#define DOMAIN_EVIDENCE_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;
struct stored_file;

/* Evidence records: the metadata row of a stored file (domain/
 * evidence_store.c writes the bytes), and authorised, audited downloads.
 * An evidence row has its incident's owner and sharing, so an agency sees
 * exactly the evidence of the incidents it sees. */

/* A file a member of staff may download. Strings are in the arena. */
struct evidence_meta {
	long long	 id;
	long long	 incident_id;
	const char	*path;		/* "ab/cd/<sha256>", relative to evidence_dir */
	const char	*sha256;
	long long	 size;
	const char	*media_type;	/* from the bytes: safe as Content-Type */
	const char	*category;	/* photo, document, audio or video */
	const char	*original_name;	/* as sent (no path, no control characters) */
	const char	*download_name;	/* ASCII letters, digits and " ()._-" only,
					 * ending in the type's extension: safe in
					 * a quoted Content-Disposition filename */
};

extern const struct pg_stmts evidence_statements;

long long	evidence_add(struct pg *, const struct actor *, long long incident_id,
		    const char *report_reference, const struct stored_file *,
		    const char *original_name);
int		evidence_open_for_download(struct pg *, struct arena *,
		    const struct actor *, long long evidence_id, struct evidence_meta *);
/* The files of one incident the actor sees, oldest first. */
struct evidence_item {
	long long	 id;
	const char	*report_reference;	/* "" when added by staff */
	const char	*category;
	long long	 size;
	const char	*original_name;
};

int		evidence_of_incident(struct pg *, struct arena *, const struct actor *,
		    long long incident_id, struct evidence_item **, size_t *);
char		*evidence_download_name(struct arena *, long long id,
		    const char *original_name, const char *media_type);

#endif
