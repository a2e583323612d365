#ifndef DOMAIN_RISK_PROVISIONAL_H
#define DOMAIN_RISK_PROVISIONAL_H

struct pg;

/* The provisional risk score of an incident nobody has assessed yet: from
 * the public form's triage answers (feels unsafe, someone vulnerable,
 * targeted for who they are, happened before) and the answers to the
 * type's questions weighted by question.triage_weight (what
 * administrators edit), mapped onto the current questionnaire's bands.
 * Shown to staff as provisional until an officer records an assessment.
 *
 * Inside the caller's transaction (its actor set): computes and stores
 * incident.provisional_score and provisional_level. 0, or -1 on error. */
int	risk_provisional_refresh(struct pg *, long long incident_id);

#endif
