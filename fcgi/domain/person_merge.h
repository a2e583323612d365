#ifndef DOMAIN_PERSON_MERGE_H
#define DOMAIN_PERSON_MERGE_H

#include "domain/person.h"

struct actor;
struct config;
struct pg;

/* Merging two records of one person (a supervisor's decision, permission
 * person.merge; person matching only suggests), and undoing it. A merge
 * moves everything the actor may see that points at the merged person to
 * the kept one, marks the merged person and records exactly what moved
 * (person_merge, sql/migrations/0031_person_merge.sql), so that undo puts
 * every row back; both are audited and refresh the flags of the
 * incidents they touch. */

extern const struct pg_stmts person_merge_statements;

enum person_result person_merge(struct pg *, const struct config *,
	    const struct actor *, long long kept_id, long long merged_id);
enum person_result person_unmerge(struct pg *, const struct config *,
	    const struct actor *, long long merged_id);

#endif
