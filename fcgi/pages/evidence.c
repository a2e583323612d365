/* Evidence files for staff: the app checks who may see the file and audits
 * the download; nginx then streams it (X-Accel-Redirect to an internal
 * location), so the file never passes through a worker. */
#include <stdlib.h>

#include "core/arena.h"
#include "domain/evidence.h"
#include "http/request.h"
#include "pages/layout.h"
#include "pages/pages.h"

/* GET /staff/evidence/{id}: 200 with X-Accel-Redirect; 404 for a file that
 * is not there or not this agency's to see. */
void
evidence_get(struct req *r)
{
	struct evidence_meta m;
	const char *p = req_param(r, "id");
	char *end;
	long long id = strtoll(p, &end, 10);

	if (*p == '\0' || *end != '\0' || id <= 0)
		return page_error(r, 404, NULL);
	switch (evidence_open_for_download(r->pg, r->arena, &r->actor, id, &m)) {
	case 1:
		break;
	case 0:
		return page_error(r, 404, NULL);
	default:
		return page_error(r, 503, NULL);
	}
	if (resp_header(r, "X-Accel-Redirect", arena_printf(r->arena, "/_evidence/%s",
	    m.path)) == -1 || resp_header(r, "Content-Disposition", arena_printf(
	    r->arena, "attachment; filename=\"%s\"", m.download_name)) == -1 ||
	    resp_header(r, "Cache-Control", "private, no-store") == -1)
		return page_error(r, 500, NULL);
	r->resp.status = 200;
	r->resp.content_type = m.media_type;
}
