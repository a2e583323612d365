#ifndef PAGES_QUEUE_PAGE_H
#define PAGES_QUEUE_PAGE_H

struct arena;
struct incident;
struct req;
struct timeline_entry;
struct view_dict;

/* The words of the queues (pages/queue_words.c), for the queue pages
 * (pages/queue.c, pages/queue_item.c) and the incident page. */

const char	*queue_age_words(struct arena *, long long seconds);
const char	*queue_triage_words(const char *triage);
int		 queue_clock_dict(struct arena *, struct view_dict *, const char *triage,
		    int acted, const char *triage_due, int triage_late,
		    const char *action_due, int action_late);
const char	*queue_event_title(struct arena *, const struct timeline_entry *);
int		 incident_queues_dict(struct req *, struct view_dict *,
		    const struct incident *);

#endif
