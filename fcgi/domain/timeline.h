#ifndef DOMAIN_TIMELINE_H
#define DOMAIN_TIMELINE_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* Everything that happened to an incident, newest first, as one list:
 * its creation, each report, update and call, risk assessments and
 * reviews, status changes, links, evidence added, Case Review notices, a
 * request to close, the reporters' diary entries (0040) and what was done in
 * its queues (0041's queue_event). Row security shows only what the actor
 * may see. */

enum timeline_kind {
	TL_CREATED,	/* a: channel */
	TL_REPORT,	/* a: reference, b: channel */
	TL_UPDATE,	/* a: text; shared */
	TL_CALL,	/* a: note, b: log number */
	TL_RISK,	/* a: level, b: score, c: reason */
	TL_RISK_REVIEW,	/* a: level before, b: level after, c: note */
	TL_STATUS,	/* a: from, b: to, c: reason, d: outcome */
	TL_LINK,	/* a: the other incident's reference, b: reason */
	TL_EVIDENCE,	/* a: file name, b: category, c: report reference */
	TL_CASE_REVIEW,	/* a: how, b: note */
	TL_CLOSE_REQUEST, /* a: reason */
	TL_DIARY,	/* a: what happened, b: when it happened (words), c: how it
			 * affected them, d: its files, a line each: "<id> <name>" */
	TL_QUEUE,	/* a: what (queue_event.kind), b: the team, c: the reason or
			 * note, d: the person (claimed, assigned) or, for a
			 * reallocation, the team it came from */
	TL__MAX
};

struct timeline_entry {
	enum timeline_kind	 kind;
	const char		*when;	/* Europe/London */
	const char		*by;	/* name, agency; "" for the public or the system */
	const char		*a, *b, *c, *d;
	int			 shared;
};

#define TIMELINE_MAX	500

extern const struct pg_stmts timeline_statements;

int	timeline_since_valid(const char *since);
int	timeline_read(struct pg *, struct arena *, long long incident_id,
	    const char *since, struct timeline_entry **, size_t *);
int	timeline_of_incident(struct pg *, struct arena *, const struct actor *,
	    long long incident_id, const char *since, struct timeline_entry **,
	    size_t *);

#endif
