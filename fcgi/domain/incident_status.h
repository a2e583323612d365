#ifndef DOMAIN_INCIDENT_STATUS_H
#define DOMAIN_INCIDENT_STATUS_H

#include <stddef.h>

#include "domain/incident.h"
#include "domain/perm.h"

struct actor;
struct arena;
struct pg;

/* The moves of an incident's status and what each takes
 * (README "The incident page"):
 * - forward (new → open → allocated → in progress → monitoring): anyone
 *   who may update it; the reporters get a shared update in plain words;
 * - backward (in progress → open, say): a reason, and no shared update —
 *   the reporters are not told their case went back;
 * - closing: incident.close, a reason and an outcome; the closure (who,
 *   when, why, outcome) is kept on the incident;
 * - reopening a closed one: incident.close and a reason, no shared update.
 * A role without incident.close may ask a supervisor to close instead. */
enum status_move {
	MOVE_NONE,
	MOVE_FORWARD,
	MOVE_BACKWARD,
	MOVE_CLOSE,
	MOVE_REOPEN,
	MOVE_BAD,	/* not a status */
};

/* An outcome of a closure: the code stored, the words shown. */
struct incident_outcome {
	const char *code, *label;
};

extern const struct incident_outcome	incident_outcomes[];
extern const size_t			incident_outcomes_n;

#define INCIDENT_REASON_MAX	2000	/* characters */

/* A status change as asked for; reason and outcome "" or NULL when none. */
struct status_change {
	const char	*status;
	const char	*reason;
	const char	*outcome;
};

/* An incident whose closure someone asked for, for the supervisor's home. */
struct close_request {
	const char	*reference;
	const char	*type;
	const char	*by;		/* name, agency */
	const char	*at;		/* Europe/London */
	const char	*reason;
};

extern const struct pg_stmts incident_status_statements;

enum status_move	 incident_status_move(const char *from, const char *to);
int			 incident_outcome_valid(const char *);
const char		*incident_outcome_label(const char *);
int			 incident_status_may_choose(perm_set, const char *from,
			    const char *to);
enum incident_result	 incident_status_check(perm_set, const char *from,
			    const struct status_change *);
enum incident_result	 incident_status_change(struct pg *, struct arena *,
			    const struct actor *, const char *reference,
			    const struct status_change *, long long version);
enum incident_result	 incident_status_apply(struct pg *, struct arena *,
			    const struct actor *, const struct incident *,
			    const struct status_change *);
enum incident_result	 incident_close_request_apply(struct pg *,
			    const struct actor *, const struct incident *,
			    const char *reason);
enum incident_result	 incident_close_request(struct pg *, struct arena *,
			    const struct actor *, const char *reference,
			    const char *reason, long long version);
int			 incident_close_requests(struct pg *, struct arena *,
			    const struct actor *, int limit, struct close_request **,
			    size_t *);

#endif
