/* The reporter's private tracking page: /track/{reference}?t={token}. A
 * wrong token and an unknown reference get the same 404, so the page
 * never tells whether a reference exists. */
#include <string.h>

#include "core/arena.h"
#include "domain/incident_update.h"
#include "domain/report.h"
#include "http/request.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

static void
track_not_found(struct req *r)
{
	struct view_dict *d = page_dict(r);

	if (d != NULL && view_show(d, "NOT_FOUND") == -1) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 404, "track.tpl", "We could not find that report", d);
}

/* GET /track/{reference}?t={token} */
void
track_get(struct req *r)
{
	const char *ref = req_param(r, "ref"), *token = req_query(r, "t");
	struct report_status st;
	struct view_dict *d, *s, *u;
	size_t i;
	int rc;

	memset(&st, 0, sizeof(st));
	if (ref == NULL || token == NULL || strlen(ref) > 31 || strlen(token) != 64)
		return track_not_found(r);
	if ((rc = report_track(r->pg, r->arena, ref, token, &st)) == -1)
		return page_error(r, 503, "Sorry, we cannot show your report at the "
		    "moment. Please try again later.");
	if (rc == 0 || st.reference == NULL)
		return track_not_found(r);
	if ((d = page_dict(r)) == NULL || (s = view_section(d, "FOUND")) == NULL ||
	    view_set(s, "REFERENCE", st.reference) == -1 ||
	    view_set(s, "TYPE", st.type != NULL ? st.type : "") == -1 ||
	    view_set(s, "STATUS", incident_status_words(st.status)) == -1 ||
	    view_set(s, "REPORTED", st.reported != NULL ? st.reported : "") == -1)
		goto oom;
	if (st.nupdates == 0 && view_show(s, "NO_UPDATES") == -1)
		goto oom;
	for (i = 0; i < st.nupdates; i++)
		if ((u = view_section(s, "UPDATE")) == NULL ||
		    view_set(u, "WHEN", st.updates[i].when) == -1 ||
		    text_paragraphs_dict(r->arena, u, "PARAGRAPH", st.updates[i].text) == -1)
			goto oom;
	page_render(r, 200, "track.tpl", arena_printf(r->arena, "Report %s", st.reference), d);
	return;
oom:
	view_dict_free(d);
	page_error(r, 500, NULL);
}
