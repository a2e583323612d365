#ifndef DOMAIN_INTAKE_IMPL_H
#define DOMAIN_INTAKE_IMPL_H

#include <stddef.h>
#include <time.h>

#include <libpq-fe.h>

#include "domain/intake.h"
#include "domain/intake_write.h"

struct asb_question;
struct json_object;

/* Inside domain/intake: one intake's working state, and the checks every
 * channel shares (domain/intake.c) that the staff channels' own checks
 * (domain/intake_staff.c) use too. Each records a field's error in the
 * result, or marks the intake failed when the database or memory fails. */

/* One intake's working state. */
struct intake {
	struct pg			*pg;
	struct arena			*ar;
	const struct config		*cfg;
	const struct actor		*actor;
	const struct intake_submission	*in;
	struct intake_result		*res;
	struct intake_rules		 rules;
	struct intake_plan		 plan;
	const char			*category;	/* the type's */
	const char			*type_name;	/* the type's */
	const struct asb_question	*questions;	/* the type's, once checked */
	size_t				 nquestions;
	time_t				 now;
	int				 failed;	/* the database or memory */
	int				 stale;		/* REPORT_STALE: check again */
};

void		 ik_error(struct intake *, const char *field, const char *message);
const char	*ik_field(struct intake *, size_t person, const char *what);
const char	*ik_trim(struct intake *, const char *);
PGresult	*ik_lookup(struct intake *, const char *name, int n, const char *const *p);
void		 ik_type(struct intake *, const char *code);
void		 ik_description(struct intake *, const char *);
const char	*ik_postcode(struct intake *, const char *field, const char *postcode);
void		 ik_answers(struct intake *, struct json_object *answers, int required);
int		 ik_refresh(struct intake *, long long incident_id, int provisional);

extern const struct pg_stmts intake_staff_statements;

enum intake_rc	 intake_submit_staff(struct intake *);

#endif
