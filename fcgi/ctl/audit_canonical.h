#ifndef CTL_AUDIT_CANONICAL_H
#define CTL_AUDIT_CANONICAL_H

#include <stddef.h>

struct buf;

/* A text or jsonb column as read from the database: len bytes at s, or SQL
 * NULL when s is NULL. */
struct audit_text {
	const char	*s;
	size_t		 len;
};

/* The raw columns of one audit_event row that its hash covers. before and
 * after are jsonb's own text output (PostgreSQL prints jsonb in one fixed
 * form: keys sorted, ", " and ": " between items); the other texts are as
 * stored, in UTF-8. */
struct audit_row {
	long long		chain;
	long long		seq;
	long long		id;
	long long		at_us;		/* microseconds since 1970-01-01 UTC */
	const long long		*actor_id;	/* NULL: SQL NULL */
	const long long		*agency_id;
	struct audit_text	entity;
	struct audit_text	entity_id;
	struct audit_text	action;
	struct audit_text	before;
	struct audit_text	after;
	struct audit_text	reason;
	struct audit_text	request_id;
	struct audit_text	client_addr;
};

int	audit_canonical(struct buf *, const struct audit_row *);

#endif
