#ifndef DOMAIN_QUEUE_IMPL_H
#define DOMAIN_QUEUE_IMPL_H

/* What the queue files (domain/queue_list.c, queue_item.c, queue_act.c)
 * share: the SQL of an allocation against its clocks and the helpers that
 * bind and read it. Not for anyone else. */

#include "domain/clocks.h"
#include "domain/queue.h"

struct arena;
struct config;
struct pg;
struct pg_result;

/* When a clock's target falls for incident i: hours is a parameter
 * holding clock_hours_text's array. */
#define QUEUE_DUE_SQL(hours)						\
	"clock_due(i.reported_at, i.risk_level, " hours "::integer[])"

/* A time as people read it, Europe/London. */
#define QUEUE_LONDON_SQL(ts)						\
	"to_char((" ts ") AT TIME ZONE 'Europe/London', "		\
	"'FMDD Mon YYYY \"at\" HH24:MI')"

/* Four columns: when the triage is due and whether that has passed, then
 * the same for the first action (queue_clock_cols reads them). */
#define QUEUE_DUE_COLUMNS(th, ah)					\
	QUEUE_LONDON_SQL(QUEUE_DUE_SQL(th)) ", " QUEUE_DUE_SQL(th) " < now(), " \
	QUEUE_LONDON_SQL(QUEUE_DUE_SQL(ah)) ", " QUEUE_DUE_SQL(ah) " < now()"

/* Where allocation x of incident i stands (0044's queue_clock), and when
 * its next target falls (queue_next_due). */
#define QUEUE_CLOCK_SQL(x, i, th, ah)					\
	"queue_clock(" x ".triage IS NOT NULL, " x ".first_action_at IS NOT NULL, " \
	i ".reported_at, " i ".risk_level, " th "::integer[], " ah "::integer[])"
#define QUEUE_NEXT_DUE_SQL(th, ah)					\
	"queue_next_due(x.triage IS NOT NULL, x.first_action_at IS NOT NULL, " \
	"i.reported_at, i.risk_level, " th "::integer[], " ah "::integer[])"

/* The two clocks' hours as parameters. -1 without a configuration. */
struct queue_hours {
	char	triage[CLOCK_HOURS_TEXT];
	char	action[CLOCK_HOURS_TEXT];
};

int		 queue_hours(const struct config *, struct queue_hours *);
const char	*queue_col(struct arena *, struct pg_result *, int row, int col);
long long	 queue_num(struct pg_result *, int row, int col);
int		 queue_bool(struct pg_result *, int row, int col);
/* QUEUE_DUE_COLUMNS from column c. */
void		 queue_due_read(struct arena *, struct pg_result *, int row, int c,
		    const char **triage_due, int *triage_late, const char **action_due,
		    int *action_late);

/* Reads one row into out (an element of queue_rows' array). */
typedef void	(*queue_row_fn)(struct arena *, struct pg_result *, int row, void *out);
int		 queue_rows(struct pg *, struct arena *, const struct actor *,
		    const char *stmt, int nparams, const char *const *params, size_t size,
		    queue_row_fn, void **out, size_t *n);

/* domain/queue_item.c, for the actions (domain/queue_act.c). */
enum queue_result queue_allocation_read(struct pg *, struct arena *,
		    const struct config *, const struct actor *, long long id, int lock,
		    struct queue_allocation *);
int		 queue_person_ok(struct pg *, struct arena *,
		    const struct queue_allocation *, long long person);
int		 queue_target_ok(struct pg *, struct arena *, const struct actor *,
		    const struct queue_allocation *, long long team);

#endif
