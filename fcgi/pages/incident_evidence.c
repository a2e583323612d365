/* Staff add evidence to an incident from its page. The upload is
 * streamed (the route has ROUTE_STREAM_BODY), as on the public form's
 * evidence step: the multipart parser hands each file's bytes to the
 * evidence store as they arrive, and only a complete file of a type we
 * take is kept (domain/evidence_store.c). The form's csrf field comes
 * before its files, so nothing is written for a form that did not come
 * from us. When anything fails, the files this request stored are removed
 * again and nothing is recorded. */
#include <stddef.h>

#include "auth/csrf.h"
#include "core/arena.h"
#include "core/log.h"
#include "domain/access.h"
#include "domain/incident_evidence.h"
#include "http/request.h"
#include "pages/evidence_upload.h"
#include "pages/form.h"
#include "pages/incident_page.h"
#include "pages/layout.h"
#include "pages/pages.h"

#define FIELD_MAX	256	/* csrf, version, seen: short by nature */

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
	struct evidence_upload up;
	enum multipart_err me;
	long long ver;
	int status = 400;

	if (evidence_upload_init(&up, r, FIELD_MAX) == -1)
		return page_error(r, 500, NULL);
	me = evidence_upload_read(&up);
	/* Not an upload at all: nothing was read or written. */
	if (me == MULTIPART_NOT_FORM || me == MULTIPART_NO_BOUNDARY)
		return page_error(r, 400, "Choose the files with the form on the "
		    "incident's page, then upload them.");
	if (!up.csrf_checked)
		up.csrf_ok = csrf_valid(r);
	if (!up.csrf_ok) {
		evidence_upload_discard(&up);
		if (access_refused(r->pg, &r->actor, "csrf_rejected", r->path,
		    "missing or wrong CSRF token") == -1)
			log_error("audit of csrf_rejected %s failed", r->path);
		return page_error(r, 403, "This form has expired or did not come from "
		    "Concord. Go back, reload the page and try again.");
	}
	if (up.nomem) {
		evidence_upload_discard(&up);
		return page_error(r, 500, NULL);
	}
	if (me != MULTIPART_OK) {
		evidence_upload_discard(&up);
		form_error(&errs, "evidence-file", evidence_upload_problem(&up, me));
		return incident_page_again(r, me == MULTIPART_TOO_LARGE ||
		    me == MULTIPART_FILE_TOO_LARGE ? 413 : 400, &errs, &forms);
	}
	if ((ver = incident_form_version(r)) == -1) {
		evidence_upload_discard(&up);
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
		evidence_upload_discard(&up);
		return page_error(r, 404, NULL);
	case INCIDENT_CONFLICT:
		evidence_upload_discard(&up);
		status = incident_stale(r, &errs, &forms, "evidence-file");
		return incident_page_again(r, status, &errs, &forms);
	default:
		evidence_upload_discard(&up);
		return page_error(r, 503, NULL);
	}
}
