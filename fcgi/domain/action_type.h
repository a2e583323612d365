#ifndef DOMAIN_ACTION_TYPE_H
#define DOMAIN_ACTION_TYPE_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* The kinds of action a case's plan offers (action_type, 0051): data an
 * administrator keeps at /admin/action-types (admin.types). Every change
 * is audited (entity "action_type"). An inactive type is not offered for
 * new actions; the actions that have it keep it. */
extern const struct pg_stmts action_type_statements;

#define ACTION_TYPE_NAME_MAX	200
#define ACTION_TYPE_BASIS_MAX	500

struct action_type {
	long long	 id;
	const char	*code;
	const char	*name;
	const char	*legal_basis;	/* "" for none */
	int		 enforcement;	/* legal dates, conditions, breaches */
	int		 active;
	int		 position;	/* listed from the lowest */
	long long	 version;
};

enum action_type_result {
	ACTION_TYPE_OK,
	ACTION_TYPE_NOT_FOUND,
	ACTION_TYPE_CONFLICT,	/* changed since the form was opened */
	ACTION_TYPE_CODE_TAKEN,
	ACTION_TYPE_ERROR,
};

/* Every type (active_only: the active ones), by position then name, in a
 * transaction of its own. 0 or -1. */
int	action_types_list(struct pg *, struct arena *, const struct actor *, int active_only,
	    struct action_type **, size_t *);
enum action_type_result	action_type_get(struct pg *, struct arena *, const struct actor *,
	    long long id, struct action_type *);
/* Adds t (its code, name, legal basis, enforcement, active, position);
 * *id the new one's. */
enum action_type_result	action_type_create(struct pg *, const struct actor *,
	    const struct action_type *t, long long *id);
/* Changes type t->id if it is still at t->version: its name, legal basis,
 * enforcement, active and position (the code is fixed). */
enum action_type_result	action_type_update(struct pg *, const struct actor *,
	    const struct action_type *t);

#endif
