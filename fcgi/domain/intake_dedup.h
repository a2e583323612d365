#ifndef DOMAIN_INTAKE_DEDUP_H
#define DOMAIN_INTAKE_DEDUP_H

struct pg;
struct rd;
struct report_input;

/* Whether a report from the public channels repeats an open incident
 * (same type, within REPORT_DEDUP_METRES and REPORT_DEDUP_SECONDS): the
 * lock on its neighbourhood with the look-up, and the fast index that the
 * next report looks in. */

extern const struct pg_stmts intake_dedup_statements;

/* The lock on the neighbourhood and, when look, the look-up, as a
 * function call for the FROM of the statement that begins the report's
 * transaction (each argument an SQL expression): it returns incident_id
 * and owner (sql/migrations/0035_join_cost.sql). */
#define INTAKE_DEDUP_SQL(cells, type_id, lon, lat, look)			\
	"report_duplicate_locked(" cells "::integer[], " type_id "::bigint, "	\
	lon "::float8, " lat "::float8, " look "::boolean)"

struct intake_dedup_ask {
	char	 cells[16 * 12 + 3];	/* the lock's keys, an array literal */
	int	 look;			/* look in the same statement */
};

void	intake_dedup_ask(struct rd *, const struct report_input *, long long type_id,
	    long long own, struct intake_dedup_ask *);
int	intake_dedup_answer(struct pg *, struct rd *, const struct report_input *,
	    long long type_id, long long own, const struct intake_dedup_ask *,
	    long long looked_join, long long looked_owner, long long *join,
	    long long *join_owner);
void	intake_dedup_remember(struct rd *, const struct report_input *,
	    long long incident_id);

#endif
