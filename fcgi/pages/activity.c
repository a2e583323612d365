/* Your own activity, and (for supervisors and managers) your team's: the
 * audit trail of what people did, newest first. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/history.h"
#include "http/request.h"
#include "pages/admin.h"
#include "pages/history.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "view/view.h"

/* GET /staff/me/history */
void
my_history_get(struct req *r)
{
	struct history_cursor cur;
	struct history_page pg;
	struct view_dict *d;

	history_cursor_read(r, &cur);
	if (history_of_actor(r->pg, r->arena, &r->actor, &cur, &pg) == -1)
		return page_error(r, 500, NULL);
	d = page_dict(r);
	if (d != NULL && (view_set(d, "HEADING", "Your activity") == -1 ||
	    view_show(d, "OWN_HEADING") == -1 ||
	    view_set(d, "BACK_HREF", "/staff") == -1 ||
	    view_show(d, "MINE") == -1 ||
	    history_dict(r, d, &pg, "/staff/me/history", 1) == -1)) {
		view_dict_free(d);
		d = NULL;
	}
	page_render(r, 200, "history.tpl", "Your activity", d);
}

/* The "show the activity of" select: everyone, or one member (keeping
 * "Hide views" as it is). */
static int
members_dict(struct view_dict *d, const struct history_team *t, long long chosen,
    int hide_views)
{
	struct view_dict *f, *o;
	size_t i;

	if ((f = view_section(d, "FILTER")) == NULL ||
	    (chosen == 0 && view_show(f, "ALL_SELECTED") == -1) ||
	    (hide_views && view_show(f, "KEEP_HIDE") == -1))
		return -1;
	for (i = 0; i < t->nmembers; i++)
		if ((o = view_section(f, "MEMBER")) == NULL ||
		    view_set_int(o, "ID", t->members[i].id) == -1 ||
		    view_set(o, "NAME", t->members[i].name) == -1 ||
		    (t->members[i].id == chosen && view_show(o, "SELECTED") == -1))
			return -1;
	return 0;
}

/* GET /staff/activity[?user=ID]: what the members of the supervisor's
 * own team did, newest first. */
void
team_activity_get(struct req *r)
{
	struct history_cursor cur;
	struct history_page pg;
	struct history_team team;
	struct view_dict *d;
	const char *title, *base;
	long long user = 0;

	history_cursor_read(r, &cur);
	if (admin_id_value(req_query(r, "user"), &user) == -1)
		user = 0;
	if (history_of_team(r->pg, r->arena, &r->actor, user, &cur, &pg, &team) == -1)
		return page_error(r, 500, NULL);
	title = team.id == 0 ? "Team activity" :
	    arena_printf(r->arena, "Activity of %s", team.name);
	base = user != 0 ? arena_printf(r->arena, "/staff/activity?user=%lld", user) :
	    "/staff/activity";
	d = page_dict(r);
	if (d == NULL || title == NULL || base == NULL)
		goto fail;
	if (view_set(d, "HEADING", title) == -1 || view_show(d, "OWN_HEADING") == -1 ||
	    view_set(d, "BACK_HREF", "/staff") == -1)
		goto fail;
	if (team.id == 0) {
		if (view_show(d, "NO_TEAM") == -1)
			goto fail;
	} else if (members_dict(d, &team, user, cur.hide_views) == -1 ||
	    history_dict(r, d, &pg, base, 1) == -1)
		goto fail;
	return page_render(r, 200, "history.tpl", title, d);
fail:
	view_dict_free(d);
	page_render(r, 200, "history.tpl", title, NULL);
}
