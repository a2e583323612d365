/* The staff home page: who you are signed in as, and where you can go. */
#include "auth/session.h"
#include "http/request.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* GET /staff */
void
staff_home_get(struct req *r)
{
	struct view_dict *d = page_dict(r);
	perm_set p = r->actor.perms;

	if (d != NULL && (view_set(d, "NAME", r->session->name) == -1 ||
	    view_set(d, "AGENCY", r->session->agency_name) == -1 ||
	    view_set(d, "ROLES", r->session->roles) == -1 ||
	    (perm_has(p, PERM_INCIDENT_VIEW) && view_show(d, "INCIDENTS") == -1) ||
	    (perm_has(p, PERM_AUDIT_TEAM) && view_show(d, "ACTIVITY") == -1) ||
	    (perm_has(p, PERM_REPORT_PARTNER) && view_show(d, "PARTNER") == -1) ||
	    (perm_has(p, PERM_ADMIN_USERS) &&
	    view_show(d, "ADMIN") == -1))) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 200, "staff_home.tpl", "Staff home", d);
}
