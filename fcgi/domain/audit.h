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
int	audit_append_both(struct pg *, const struct actor *, const char *entity,
	    const char *entity_id, const char *action, const char *entity2,
	    const char *entity_id2, const char *action2,
	    struct json_object *before, struct json_object *after,
	    const char *reason, const char *job_type, struct json_object *job);
int	audit_not_found(struct pg *, const struct actor *, const char *kind,
	    const char *asked);
int	audit_diff(struct json_object *old_obj, struct json_object *new_obj,
	    struct json_object **before, struct json_object **after);

#endif
