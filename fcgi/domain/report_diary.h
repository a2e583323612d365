#ifndef DOMAIN_REPORT_DIARY_H
#define DOMAIN_REPORT_DIARY_H

#include <stddef.h>

#include "domain/intake.h"

struct actor;
struct pg;
struct stored_file;

/* The reporter's diary (sql/migrations/0040_report_diary.sql): whoever
 * holds a report's tracking token logs another occurrence of what they
 * reported from the tracking page. An entry joins the report and its
 * incident, with its files as the incident's evidence; it makes no new
 * incident or report, so it never counts as another complaint. */

#define REPORT_DIARY_WHAT_MAX	INTAKE_DESCRIPTION_MAX	/* characters */
#define REPORT_DIARY_IMPACT_MAX	2000	/* characters, as the form's impact step */

struct report_diary_input {
	/* When it happened, as intake_when_check gives it. */
	const char		*occurred_at;
	int			 time_known;	/* 0: the day only (occurred_at is midday) */
	const char		*what;		/* 1..REPORT_DIARY_WHAT_MAX characters */
	const char		*impact;	/* "" or up to REPORT_DIARY_IMPACT_MAX */
	/* Stored by domain/evidence_store.c, named as sent. */
	const struct stored_file *files;
	const char *const	*names;
	size_t			 nfiles;
};

enum report_diary_rc {
	DIARY_OK,
	DIARY_NOT_FOUND,	/* no such reference, or not its token */
	DIARY_FUTURE,		/* later than now: nothing saved */
	DIARY_ERROR,
};

extern const struct pg_stmts report_diary_statements;

enum report_diary_rc	report_diary_add(struct pg *, const struct actor *,
			    const char *reference, const char *token,
			    const struct report_diary_input *);

#endif
