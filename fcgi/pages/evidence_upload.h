#ifndef PAGES_EVIDENCE_UPLOAD_H
#define PAGES_EVIDENCE_UPLOAD_H

#include <stddef.h>

#include "domain/evidence_store.h"
#include "http/multipart.h"

struct req;

/* A form that sends files straight into the evidence store (a route with
 * ROUTE_STREAM_BODY): the multipart parser hands each file's bytes to
 * domain/evidence_store.c as they arrive, and only a complete file of a
 * type we take is kept. The form's other fields go into the request's
 * form (req_form); its csrf field must come before its files, so nothing
 * is written for a form that did not come from us. Staff evidence on an
 * incident's page (pages/incident_evidence.c) and the reporter's diary
 * (pages/track_log.c) read their uploads this way. */
struct evidence_upload {
	struct req		*r;
	struct evidence_limits	 lim;
	struct evidence_write	 w;
	int			 writing;
	int			 csrf_checked, csrf_ok;
	char			*value;		/* the field being read */
	size_t			 value_len, field_max;
	struct stored_file	*files;		/* stored so far: n of max */
	const char		**names;	/* as sent */
	size_t			 n, max;
	enum evidence_store_err	 store_err;	/* why it stopped, if the store did */
	const char		*stopped;	/* the file it stopped at */
	int			 nomem;
	/* Asked as each file begins, once the CSRF token is checked: 0
	 * takes it, -1 stops the upload (the hook keeps why). NULL: none. */
	int			(*file_begins)(void *);
	void			*file_begins_arg;
};

int			 evidence_upload_init(struct evidence_upload *, struct req *,
			    size_t field_max);
enum multipart_err	 evidence_upload_read(struct evidence_upload *);
void			 evidence_upload_discard(struct evidence_upload *);
const char		*evidence_upload_problem(const struct evidence_upload *,
			    enum multipart_err);

#endif
