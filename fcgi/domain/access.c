/* Access events on the audit trail: sign-in and sign-out (succeeded or
 * not), and refused requests — a wrong CSRF token, a missing permission,
 * an ended session, a record that is not the caller's to see. */
#include "domain/access.h"
#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/tx.h"
#include "store/pg.h"

/* One audit row in its own transaction. Returns 0 or -1. */
int
access_record(struct pg *pg, const struct actor *a, const char *entity,
    const char *entity_id, const char *action, const char *reason)
{
	if (tx_begin(pg, a) == -1)
		return -1;
	if (audit_append(pg, a, entity, entity_id, action, NULL, NULL, reason) == -1) {
		pg_rollback(pg);
		return -1;
	}
	return pg_commit(pg);
}

int
access_refused(struct pg *pg, const struct actor *a, const char *action,
    const char *path, const char *reason)
{
	return access_record(pg, a, "request", path, action, reason);
}
