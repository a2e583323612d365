/* Staff evidence on an incident: the stored files (domain/evidence_store.c
 * wrote the bytes) become evidence rows of the incident, each audited by
 * evidence_add, in one transaction that also moves the incident's version
 * on — so a page opened before sees that it changed. */
#include <stddef.h>

#include "domain/evidence.h"
#include "domain/evidence_store.h"
#include "domain/incident.h"
#include "domain/incident_evidence.h"
#include "domain/tx.h"
#include "store/pg.h"

/* Adds n stored files, named as sent, to an incident the actor may see,
 * if it is still at version. INCIDENT_OK, INCIDENT_NOT_FOUND (audited),
 * INCIDENT_CONFLICT (nothing added) or INCIDENT_ERROR. The caller removes
 * the files it stored when this is not INCIDENT_OK. */
enum incident_result
incident_evidence_add(struct pg *pg, struct arena *ar, const struct actor *a,
    const char *reference, long long version, const struct stored_file *files,
    const char *const *names, size_t n)
{
	struct incident in;
	enum incident_result rc;
	long long id;
	size_t i;

	if ((rc = incident_begin(pg, ar, a, reference, &in)) != INCIDENT_OK)
		return rc;
	if ((rc = incident_touch(pg, in.id, version)) != INCIDENT_OK) {
		pg_rollback(pg);
		return rc;
	}
	for (i = 0; i < n; i++)
		if ((id = evidence_add(pg, a, in.id, NULL, &files[i], names[i])) <= 0)
			goto err;
	return pg_commit(pg) == 0 ? INCIDENT_OK : INCIDENT_ERROR;
err:
	pg_rollback(pg);
	return INCIDENT_ERROR;
}
