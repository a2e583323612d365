#ifndef DOMAIN_RISK_PROVISIONAL_H
#define DOMAIN_RISK_PROVISIONAL_H

#include <stddef.h>

struct json_object;
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

extern const struct pg_stmts risk_provisional_statements;

/* A triage answer of the public form ("feels_unsafe", ...) and the weight
 * of the questionnaire question it stands for (risk_triage_map, 0032). */
struct risk_triage_weight {
	const char	*triage;
	int		 weight;
};

/* A custom question of the incident's type that counts (triage_weight). */
struct risk_custom_weight {
	const char	*key;
	const char	*kind;		/* question_kind: yes_no, single_choice... */
	int		 weight;
};

int	risk_provisional_score(const struct risk_triage_weight *, size_t,
	    const struct risk_custom_weight *, size_t,
	    struct json_object *impact, struct json_object *answers);

#endif
