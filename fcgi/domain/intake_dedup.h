#ifndef DOMAIN_INTAKE_DEDUP_H
#define DOMAIN_INTAKE_DEDUP_H

#include <libpq-fe.h>

struct pg;
struct rd;
struct report_input;

/* Whether a report from the public channels repeats an open incident
 * (same type, within REPORT_DEDUP_METRES and REPORT_DEDUP_SECONDS): the
 * lock on its neighbourhood with the look-up, and the fast index that the
 * next report looks in. A report of imported history (channel "import")
 * repeats an imported incident that occurred within the same window of
 * its own occurrence, at the same distance (report_is_history). */

extern const struct pg_stmts intake_dedup_statements;

/* The lock on the neighbourhood and, when look, the look-up: FROM items
 * for the statement that begins the report's transaction, after the
 * items that make the owner the actor (`after`, an SQL condition on them,
 * so that these run later). Each argument is an SQL expression (impact:
 * the report's triage answers, jsonb; at: NULL, or for imported history
 * the time the report's incident occurred, which the look-up's window is
 * around instead of now: sql/migrations/0043_import_history.sql); it
 * adds d.incident_id, d.owner, d.adds and d.flags (INTAKE_DEDUP_COLUMNS),
 * NULL when nothing was found or looked for.
 * The cells are locked in the array's order (lock_cells sorts them), and
 * report_duplicate_of is VOLATILE, so its query sees what committed while
 * the lock was awaited (sql/migrations/0035_join_cost.sql). */
#define INTAKE_DEDUP_SQL(after, cells, type_id, lon, lat, impact, at, look) \
	"CROSS JOIN LATERAL (SELECT count(pg_advisory_xact_lock(1919250544, u.k)) " \
	"AS n FROM unnest(CASE WHEN " after " THEN " cells "::integer[] END) AS u (k)) " \
	"AS lk LEFT JOIN LATERAL (SELECT d.incident_id, d.owner, d.adds, d.flags " \
	"FROM report_duplicate_of(CASE WHEN lk.n >= 0 THEN " type_id "::bigint END, " \
	lon "::float8, " lat "::float8, " impact "::jsonb, " at "::timestamptz) AS d " \
	"WHERE " look "::boolean) AS d ON true"
#define INTAKE_DEDUP_COLUMNS	4

struct intake_dedup_ask {
	char	 cells[16 * 12 + 3];	/* the lock's keys, an array literal */
	int	 look;			/* look in the same statement */
};

/* The open incident a report repeats (incident 0: none), and what the
 * report finds there (0038): whether its triage answers add to the
 * incident's, and the incident's flags (incident_flag_letters). */
struct intake_dedup_found {
	long long	 incident;
	long long	 owner;
	int		 adds;
	char		 flags[8];
};

void	intake_dedup_ask(struct rd *, const struct report_input *, long long type_id,
	    long long own, struct intake_dedup_ask *);
void	intake_dedup_row(PGresult *, int row, int col, struct intake_dedup_found *);
int	intake_dedup_answer(struct pg *, struct rd *, const struct report_input *,
	    long long type_id, long long own, const char *impact,
	    const struct intake_dedup_ask *, const struct intake_dedup_found *looked,
	    struct intake_dedup_found *);
void	intake_dedup_remember(struct rd *, const struct report_input *,
	    long long incident_id);
int	report_is_history(const struct report_input *);

#endif
