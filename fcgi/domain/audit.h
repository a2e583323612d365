#ifndef DOMAIN_AUDIT_H
#define DOMAIN_AUDIT_H

struct actor;
struct json_object;
struct pg;

/* The audit trail: one audit_event row per change, view of a sensitive
 * record, search, export or sign-in, written in the same transaction as
 * what it records. The database chains and hashes the rows
 * (sql/migrations/0007_audit_chain.sql); concordctl audit verify checks
 * them. */
extern const struct pg_stmts audit_statements;

int	audit_append(struct pg *, const struct actor *, const char *entity,
	    const char *entity_id, const char *action,
	    struct json_object *before, struct json_object *after,
	    const char *reason);
/* Two audit rows of one change as an INSERT whose values are SQL
 * expressions (parameters, or a CTE's column: "(SELECT id::text FROM r)"),
 * and its outbox job as another, which adds nothing when the type is NULL:
 * for one statement that writes a change, its audit rows and its job as
 * data-modifying CTEs. audit_both_params gives the values, in this order. */
#define AUDIT_BOTH_SQL(actor, agency, e1, id1, a1, before, after, reason,	\
    request, addr, e2, id2, a2)							\
	"INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "	\
	"action, before, after, reason, request_id, client_addr) VALUES ("	\
	actor "::bigint, " agency "::bigint, " e1 ", " id1 ", " a1 ", "		\
	before "::jsonb, " after "::jsonb, " reason ", " request ", " addr "), (" \
	actor "::bigint, " agency "::bigint, " e2 ", " id2 ", " a2 ", "		\
	before "::jsonb, " after "::jsonb, " reason ", " request ", " addr ")"
#define AUDIT_JOB_SQL(type, payload)						\
	"INSERT INTO outbox (type, payload) SELECT " type "::text, "		\
	payload "::jsonb WHERE " type "::text IS NOT NULL"
#define AUDIT_BOTH_PARAMS	15	/* 13 for the rows, then the job's two */

struct audit_both {
	const char	*p[AUDIT_BOTH_PARAMS];
	char		 uid[24], aid[24];
};

int	audit_both_params(const struct actor *, const char *entity,
	    const char *entity_id, const char *action, const char *entity2,
	    const char *entity_id2, const char *action2,
	    struct json_object *before, struct json_object *after,
	    const char *reason, const char *job_type, struct json_object *job,
	    struct audit_both *);
int	audit_not_found(struct pg *, const struct actor *, const char *kind,
	    const char *asked);
int	audit_diff(struct json_object *old_obj, struct json_object *new_obj,
	    struct json_object **before, struct json_object **after);

#endif
