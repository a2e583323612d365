#ifndef DOMAIN_INCIDENT_EVIDENCE_H
#define DOMAIN_INCIDENT_EVIDENCE_H

#include <stddef.h>

#include "domain/incident.h"

struct actor;
struct arena;
struct pg;
struct stored_file;

/* Files a member of staff adds to an incident from its page. */
enum incident_result	incident_evidence_add(struct pg *, struct arena *,
			    const struct actor *, const char *reference,
			    long long version, const struct stored_file *files,
			    const char *const *names, size_t n);

#endif
