/* The queues in words: how old an item is, where it stands against its
 * clocks, its triage, what its queue events say on the incident's
 * timeline, and the incident page's "Queues" section (where it is now
 * and why, and where it was). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "domain/incident.h"
#include "domain/queue.h"
#include "domain/timeline.h"
#include "http/request.h"
#include "pages/queue_page.h"
#include "view/view.h"

/* "25 minutes", "5 hours", "3 days": to the unit a queue is worked in. */
const char *
queue_age_words(struct arena *a, long long s)
{
	long long n;
	const char *unit;

	if (s < 60)
		return "Under a minute";
	if (s < 3600) {
		n = s / 60;
		unit = "minute";
	} else if (s < 48 * 3600) {
		n = s / 3600;
		unit = "hour";
	} else {
		n = s / 86400;
		unit = "day";
	}
	return arena_printf(a, "%lld %s%s", n, unit, n == 1 ? "" : "s");
}

const char *
queue_triage_words(const char *triage)
{
	if (strcmp(triage, "accepted") == 0)
		return "Accepted";
	if (strcmp(triage, "nfa") == 0)
		return "No further action";
	return "Not triaged";
}

/* One CLOCK line: its text, and LATE when past its target. */
static int
clock_line(struct view_dict *d, const char *text, int late)
{
	struct view_dict *s;

	return text == NULL || (s = view_section(d, "CLOCK")) == NULL ||
	    view_set(s, "TEXT", text) == -1 || (late && view_show(s, "LATE") == -1) ?
	    -1 : 0;
}

/* The two clocks of an item as CLOCK lines: its triage until it is
 * triaged, and its first action. 0 or -1. */
int
queue_clock_dict(struct arena *a, struct view_dict *d, const char *triage, int acted,
    const char *triage_due, int triage_late, const char *action_due, int action_late)
{
	if (*triage == '\0' && clock_line(d, arena_printf(a, triage_late ?
	    "Triage was due %s" : "Triage due by %s", triage_due), triage_late) == -1)
		return -1;
	if (acted)
		return clock_line(d, "First action done", 0);
	return clock_line(d, arena_printf(a, action_late ? "First action was due %s" :
	    "First action due by %s", action_due), action_late);
}

/* A queue event of the timeline in words (domain/timeline.h, TL_QUEUE). */
const char *
queue_event_title(struct arena *a, const struct timeline_entry *e)
{
	const char *k = e->a;

	if (strcmp(k, "allocated") == 0)
		return arena_printf(a, "Placed in the queue of %s", e->b);
	if (strcmp(k, "reallocated") == 0)
		return arena_printf(a, "Reallocated from %s to %s",
		    *e->d != '\0' ? e->d : "another queue", e->b);
	if (strcmp(k, "claimed") == 0)
		return arena_printf(a, "Claimed in the queue of %s", e->b);
	if (strcmp(k, "assigned") == 0)
		return arena_printf(a, "Assigned to %s in the queue of %s", e->d, e->b);
	if (strcmp(k, "accepted") == 0)
		return arena_printf(a, "Accepted in triage by %s", e->b);
	if (strcmp(k, "nfa") == 0)
		return arena_printf(a, "No further action by %s", e->b);
	if (strcmp(k, "first_action") == 0)
		return arena_printf(a, "First action by %s", e->b);
	if (strcmp(k, "location_set") == 0)
		return arena_printf(a, "Location set in the queue of %s", e->b);
	return arena_printf(a, "Queue of %s: %s", e->b, k);
}

/* ---- the incident page's queues ---- */

/* How an allocation was triaged, and when and by whom. */
static const char *
triaged_words(struct arena *a, const struct queue_allocation *q)
{
	if (*q->triage == '\0')
		return "Not triaged";
	return arena_printf(a, "%s, %s%s%s", queue_triage_words(q->triage), q->triaged_at,
	    *q->triaged_by != '\0' ? ", by " : "", q->triaged_by);
}

static int
now_dict(struct req *r, struct view_dict *s, const struct queue_allocation *q)
{
	struct view_dict *row;

	return (row = view_section(s, "QUEUE")) == NULL ||
	    view_set(row, "TEAM", q->team_name) == -1 ||
	    view_set(row, "AGENCY", q->team_agency) == -1 ||
	    view_set(row, "REASON", q->reason) == -1 ||
	    view_set(row, "SINCE", q->since) == -1 ||
	    view_set(row, "ASSIGNED", *q->assigned != '\0' ? q->assigned : "Nobody") == -1 ||
	    view_set(row, "TRIAGE", triaged_words(r->arena, q)) == -1 ||
	    (q->location_to_confirm && view_show(row, "TO_CONFIRM") == -1) ||
	    (q->team_agency_id == r->actor.agency_id &&
	    view_set_int(view_section(row, "WORK"), "ID", (long)q->id) == -1) ? -1 : 0;
}

static int
earlier_dict(struct view_dict *s, const struct queue_allocation *q)
{
	struct view_dict *row;

	return (row = view_section(s, "QUEUE")) == NULL ||
	    view_set(row, "TEAM", q->team_name) == -1 ||
	    view_set(row, "AGENCY", q->team_agency) == -1 ||
	    view_set(row, "SINCE", q->since) == -1 ||
	    view_set(row, "REASON", q->reason) == -1 ||
	    view_set(row, "ENDED", q->ended_at) == -1 ||
	    view_set(row, "WHY", q->ended_reason) == -1 ||
	    (*q->ended_by != '\0' &&
	    view_set(view_section(row, "BY"), "NAME", q->ended_by) == -1) ||
	    (*q->moved_to != '\0' &&
	    view_set(view_section(row, "TO"), "TEAM", q->moved_to) == -1) ? -1 : 0;
}

/* The queues the incident is in, each with why it is there (QUEUES), and
 * those it has left, with when, who and why and where it went (EARLIER);
 * NO_QUEUES when it is in none. 0 or -1. */
int
incident_queues_dict(struct req *r, struct view_dict *d, const struct incident *in)
{
	struct queue_allocation *q;
	struct view_dict *now = NULL, *before = NULL;
	size_t n, i;

	if (queue_allocations_of_incident(r->pg, r->arena, r->cfg, &r->actor, in->id,
	    &q, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (!q[i].ended && ((now == NULL && (now = view_section(d, "QUEUES")) == NULL) ||
		    now_dict(r, now, &q[i]) == -1))
			return -1;
		if (q[i].ended && ((before == NULL &&
		    (before = view_section(d, "EARLIER")) == NULL) ||
		    earlier_dict(before, &q[i]) == -1))
			return -1;
	}
	return now == NULL ? view_show(d, "NO_QUEUES") : 0;
}
