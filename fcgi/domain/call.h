#ifndef DOMAIN_CALL_H
#define DOMAIN_CALL_H

#include <stddef.h>
#include <time.h>

#include "domain/intake.h"

struct actor;
struct arena;
struct config;
struct pg;

/* Calls about an incident (incident_call, 0025): a call handler finds the
 * incident a repeat caller rings about and adds the call to it. The first
 * call of an incident is the intake's (domain/intake.h, INTAKE_CALL);
 * every later one comes through call_add, like any later change to an
 * incident. */

#define CALL_NOTE_MAX		2000	/* characters, as incident_call.note */
#define CALL_FIND_MAX		20	/* incidents a search lists */
#define CALL_QUERY_MIN		3	/* characters a search needs */
#define CALL_QUERY_MAX		100

/* What a later call adds: the caller as typed (a name, a number or both;
 * empty strings when not given), what they said, the force's log number
 * of the call and the four screening answers. */
struct call_input {
	const char		*caller_name;
	const char		*caller_phone;
	const char		*note;
	const char		*log_number;
	struct intake_screening	 screening;
};

struct call_result {
	const char	*field;		/* CALL_INVALID: the phone's or the log number's */
	const char	*why;		/* ... and what to fix in it */
	long long	 call_id;
	long long	 caller_id;	/* 0: no caller given */
	int		 caller_new;	/* the caller became a person of the incident */
	time_t		 assessment_due;	/* 0: none */
};

enum call_rc {
	CALL_OK,
	CALL_NOT_FOUND,		/* or not the actor's to see: the same answer */
	CALL_CLOSED,		/* a closed incident takes no more calls */
	CALL_CONFLICT,		/* changed by someone else at the same moment */
	CALL_INVALID,		/* a bad phone number or log number: see field, why */
	CALL_ERROR,
};

/* An open incident as the repeat-caller search lists it. */
struct call_hit {
	const char	*reference;
	const char	*type;
	const char	*place;		/* address and postcode, "" when none */
	const char	*when;		/* when it happened (or was reported), London */
	const char	*caller;	/* the latest caller or reporter, "" when none */
	const char	*assessment_due;	/* London, or "" */
};

/* A name typed in one box, as given and family names. */
struct call_name {
	const char	*given, *family;
};

extern const struct pg_stmts call_statements;

enum call_rc	call_add(struct pg *, struct arena *, const struct config *,
		    const struct actor *, const char *reference,
		    const struct call_input *, struct call_result *);
int		call_find(struct pg *, struct arena *, const struct actor *,
		    const char *query, struct call_hit **, size_t *);
int		call_name_split(struct arena *, const char *name, struct call_name *);
/* Room for call_when_parse's date (YYYY-MM-DD) and time (HH:MM). */
#define CALL_WHEN_LEN	32

int		call_when_parse(const char *text, time_t now, char date[CALL_WHEN_LEN],
		    char hhmm[CALL_WHEN_LEN]);
int		call_time_words(time_t, char *out, size_t len);

#endif
