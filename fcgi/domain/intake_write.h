#ifndef DOMAIN_INTAKE_WRITE_H
#define DOMAIN_INTAKE_WRITE_H

#include <stddef.h>
#include <time.h>

#include "domain/area.h"
#include "domain/intake.h"
#include "domain/risk.h"

struct actor;
struct arena;
struct json_object;
struct pg;

/* Inside domain/intake: what the checks decided about a staff channel's
 * submission (every value trimmed and checked), and the writes of one
 * transaction that turn it into an incident, its people, its first call,
 * its link and its first risk assessment. */

extern const struct pg_stmts intake_write_statements;

struct intake_plan {
	struct arena		*ar;
	enum intake_channel	 channel;
	long long		 type_id;
	const char		*type_code;
	const char		*nsir;
	const char		*description;
	const char		*occurred_at;	/* what PostgreSQL reads, or NULL */
	int			 has_point;
	double			 lon, lat;
	struct area_location	 where;
	const char		*address, *postcode;
	const char		*log_number;
	long long		 officer_id;
	struct intake_person	*people;	/* trimmed copies */
	long long		*person_ids;	/* as written */
	size_t			 npeople;
	struct json_object	*answers;	/* checked; NULL: none */
	int			 has_risk;
	struct risk_questionnaire q;
	struct risk_result	 risk;
	struct json_object	*risk_answers;
	const struct intake_screening *screening;
	int			 screened_yes;	/* any screening answer yes */
	int			 due_hours;
	const char		*call_note;
	long long		 link_id;	/* 0: none */
	const char		*idempotency_key;	/* the page's, or NULL */
	const char		*idempotency_body;	/* its body's SHA-256, or NULL */
};

int	intake_write_staff(struct pg *, const struct actor *, struct intake_plan *,
	    struct intake_result *);
int	intake_parts_write(struct pg *, const struct actor *, long long incident_id,
	    const long long *ids, const enum flag_role *roles, size_t);

#endif
