/* Setting the point of an incident that has none ("Set the location" on
 * the incident's page, under Where): the longitude and latitude typed, or
 * chosen on the map where there is one. The domain reads them as the
 * intake does and allocates the incident by them
 * (domain/incident_locate.c). */
#include "core/arena.h"
#include "domain/incident_locate.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/form.h"
#include "pages/incident_page.h"
#include "pages/layout.h"
#include "pages/pages.h"

/* POST /staff/incidents/{ref}/location: 303 back to the incident, now
 * allocated by its point; 400 with the form, what was typed and what to
 * fix for a point that is blank, not a point or outside the partnership,
 * or for an incident that has one already or is closed; 409 with what
 * changed when someone else changed it first; 404 as ever. */
void
incident_locate_post(struct req *r)
{
	struct form_errors errs = {0};
	struct incident_forms forms = {0};
	const char *why;
	long long ver;
	int status = 400;

	if ((ver = incident_form_version(r)) == -1)
		return;
	forms.lon = req_form(r, "lon");
	forms.lat = req_form(r, "lat");
	switch (incident_locate(r->pg, r->arena, &r->actor, r->cfg, req_param(r, "ref"),
	    forms.lon, forms.lat, ver, &why)) {
	case LOCATE_OK:
		page_flash(r, "Location set. The incident is now allocated by its point.");
		return resp_redirect(r, 303, arena_printf(r->arena, "/staff/incidents/%s",
		    req_param(r, "ref")));
	case LOCATE_BAD_POINT:
		form_error(&errs, "lat", why);
		break;
	case LOCATE_HAS_POINT:
		form_error(&errs, "lat", "This incident has a point on the "
		    "map already");
		break;
	case LOCATE_CLOSED:
		form_error(&errs, "lat", "This incident is closed. Reopen it "
		    "before setting its location");
		break;
	case LOCATE_NOT_FOUND:
		return page_error(r, 404, NULL);
	case LOCATE_CONFLICT:
		status = incident_stale(r, &errs, &forms, "lat");
		break;
	default:
		return page_error(r, 503, NULL);
	}
	incident_page_again(r, status, &errs, &forms);
}
