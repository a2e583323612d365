/* On the incident page: the monitored cases the incident is linked to,
 * and for case officers the ways to open one from it — with this incident,
 * or straight from its repeat victim, repeat location or Case Review
 * threshold flag with the flagged incidents linked (pages/case_new.c). */
#include <stddef.h>

#include "domain/case_core.h"
#include "domain/flag_store.h"
#include "domain/flags.h"
#include "domain/incident.h"
#include "http/request.h"
#include "pages/pages.h"
#include "view/view.h"

static int
from_flag(struct view_dict *d, const char *origin, const char *words)
{
	struct view_dict *s = view_section(d, "FROM_FLAG");

	return s == NULL || view_set(s, "ORIGIN", origin) == -1 ||
	    view_set(s, "FLAG", words) == -1 ? -1 : 0;
}

/* Fills section CASES of the incident page. 0, or -1 on error. */
int
case_incident_dict(struct req *r, struct view_dict *d, const struct incident *in,
    const struct incident_flags *fl)
{
	struct case_table t;
	struct view_dict *s, *c, *o;
	size_t i;
	int k, threshold = 0;

	if (!perm_has(r->actor.perms, PERM_CASE_MANAGE))
		return 0;
	if (case_of_incident(r->pg, r->arena, &r->actor, in->id, &t) == -1 ||
	    (s = view_section(d, "CASES")) == NULL)
		return -1;
	for (k = 0; k < t.rows; k++)
		if ((c = view_section(s, "CASE")) == NULL ||
		    view_set(c, "CASE_REF", case_cell(&t, k, 0)) == -1 ||
		    view_set(c, "TITLE", case_cell(&t, k, 1)) == -1 ||
		    view_set(c, "STATUS", case_cell(&t, k, 2)[0] == 'o' ? "Open" : "Closed") == -1)
			return -1;
	if (t.rows == 0 && view_show(s, "NO_CASE") == -1)
		return -1;
	for (i = 0; fl != NULL && i < fl->nvictims; i++)
		threshold |= fl->victims[i].state == CASE_REVIEW_THRESHOLD;
	if ((o = view_section(s, "OPEN_CASE")) == NULL || view_set(o, "REF", in->reference) == -1 ||
	    (fl != NULL && (fl->bits & FLAG_BIT(FLAG_REPEAT_VICTIM)) &&
	    from_flag(o, "repeat_victim", "repeat victim") == -1) ||
	    (fl != NULL && (fl->bits & FLAG_BIT(FLAG_REPEAT_LOCATION)) &&
	    from_flag(o, "repeat_location", "repeat location") == -1) ||
	    (threshold && from_flag(o, "case_review", "ASB Case Review threshold") == -1))
		return -1;
	return 0;
}
