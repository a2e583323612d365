#ifndef DOMAIN_INTAKE_H
#define DOMAIN_INTAKE_H

#include <stddef.h>
#include <time.h>

#include "domain/allocate.h"
#include "domain/asb_catalogue.h"
#include "domain/flags.h"
#include "domain/report.h"

struct actor;
struct arena;
struct config;
struct json_object;
struct pg;
struct rd;
struct intake_result;

/* The one intake every channel feeds (DESIGN.md "One intake"): the public
 * form, a partner, Open311, a police officer, a call handler, a CAD
 * system. A channel parses its own format into a submission of text as
 * the person typed it and hands it here; the intake checks every field and
 * every answer (one checker per kind: domain/answer.c, contact_check.c,
 * point_check.c, core/date.c), applies the channel's mandatory fields
 * (the force's agency row: police_mandatory, call_mandatory), finds the
 * duplicate or the similar incidents, writes the incident, its people,
 * the report, the risk assessment, the audit rows and the outbox jobs in
 * one transaction, refreshes the flags (domain/flag_store.h), and returns
 * the result or the list of field errors. Nothing is saved when there is
 * an error. */

enum intake_channel {
	INTAKE_PUBLIC,
	INTAKE_PARTNER,
	INTAKE_OPEN311,
	INTAKE_POLICE,
	INTAKE_CALL,		/* a call handler's quick entry */
	INTAKE_CAD,
	/* History (concordctl import police-uk): a report of the public
	 * channels' path, anonymous, with no answers, its own occurrence time
	 * as when it was reported, joining the history that occurred within
	 * the dedup window of it (domain/intake_dedup.h), placed even outside
	 * the partnership (in the force's triage queue), and closed at once
	 * (sql/migrations/0043_import_history.sql). The report path, not the
	 * staff one: a row of a force's published records is a report of one
	 * incident with no log number, officer or victim to give, and the
	 * report path is where reports of the same thing join one incident. */
	INTAKE_IMPORT,
};

/* The names of the fields, as errors name them and as the force's
 * mandatory lists name them. A page gives its inputs these ids (a person's
 * and an answer's fields are "person-N-given-name", "answer-KEY",
 * "risk-KEY"), so an error summary links straight to the input. */
#define INTAKE_F_TYPE		"type"
#define INTAKE_F_NSIR		"nsir"
#define INTAKE_F_DESCRIPTION	"description"
#define INTAKE_F_WHEN		"when"		/* occurred date and time */
#define INTAKE_F_WHERE		"where"		/* a point, an address or a postcode */
#define INTAKE_F_POSTCODE	"postcode"
#define INTAKE_F_LOG_NUMBER	"log_number"
#define INTAKE_F_OFFICER	"officer"
#define INTAKE_F_VICTIM		"victim"	/* at least one person as victim */
#define INTAKE_F_PEOPLE		"people"
#define INTAKE_F_RISK		"risk"		/* a complete risk assessment */
#define INTAKE_F_CALLER		"caller"	/* a caller's name or number */
#define INTAKE_F_CALLER_PHONE	"caller_phone"
#define INTAKE_F_SCREENING	"screening"	/* the four questions answered */
#define INTAKE_F_LINK		"link"		/* link to, or confirm new */

#define INTAKE_PEOPLE_MAX	12
#define INTAKE_ERRORS_MAX	40
#define INTAKE_DESCRIPTION_MAX	5000	/* characters */
#define INTAKE_LOG_NUMBER_MAX	40
/* A screening "yes" makes a full risk assessment by an officer due this
 * many hours on: the config key assessment_due_hours (cfg->
 * assessment_due_hours), default ASSESSMENT_DUE_HOURS_DEFAULT (24). */

/* A person in the submission: an existing one picked (existing_id), or a
 * new one from the facts typed. */
struct intake_person {
	long long	 existing_id;		/* 0: a new person */
	enum flag_role	 role;
	const char	*given_name, *family_name;
	const char	*dob;			/* YYYY-MM-DD */
	const char	*phone, *email, *address, *postcode;
	const char	*preferred_contact;	/* email, phone, post, none */
	int		 vulnerable;		/* -1 not said */
	int		 contact_consent, share_consent;	/* -1 not said */
};

/* A call handler's four screening questions: 1 yes, 0 no, -1 not asked. */
struct intake_screening {
	int	repeat;		/* is this a repeat? */
	int	vulnerable;	/* is anyone vulnerable? */
	int	targeted;	/* is the caller targeted because of who they are? */
	int	at_risk;	/* is anyone at risk of harm now? */
};

struct intake_submission {
	enum intake_channel	 channel;
	/* What the public form, a partner and Open311 send: the report's
	 * fields as domain/report.h has them (answers already checked by the
	 * same answer_check the intake uses; the intake checks them again
	 * against the type's questions). */
	struct report_input	 report;
	/* Staff channels (police, call handler, CAD) give the type, the
	 * description, the answers (optional), the address and the postcode
	 * in report too (report.type_code, .description, .answers, .address,
	 * .postcode; the rest of report is the public channels'), and the
	 * page's idempotency key (report.idempotency_key, up to 64
	 * characters): sent again by the same member of staff, the intake
	 * answers INTAKE_OK with the incident made the first time
	 * (report.resubmitted set). Then: */
	/* Staff channels (police, call handler, CAD): NULL when not given. */
	const char		*nsir;		/* personal, nuisance, environmental */
	const char		*occurred_date;	/* YYYY-MM-DD, Europe/London */
	const char		*occurred_time;	/* HH:MM, or NULL */
	const char		*lon_text, *lat_text;	/* a map point as sent */
	int			 at_caller_address;	/* where: the caller's address */
	const char		*log_number;
	long long		 officer_id;	/* 0: none */
	const struct intake_person *people;
	size_t			 npeople;
	struct json_object	*risk_answers;	/* {question key: "yes"|"no"|"unknown"} */
	int			 risk_version;	/* the questionnaire version shown */
	struct intake_screening	 screening;
	const char		*call_note;	/* the call, for the incident's calls */
	/* Similar incidents were shown: link to this one (a reference), or
	 * the officer confirmed the incident is new. */
	const char		*link_to;
	int			 confirmed_new;
	/* The public channels: the type's questions when the caller has
	 * read them already (report.type_code's; the form checks that none
	 * was skipped), so the intake does not read them again. NULL: the
	 * intake reads them. */
	const struct asb_question *questions;
	size_t			 nquestions;
	/* The type, read with them (asb_type_questions): NULL, the intake
	 * reads it. */
	const struct asb_type_ref *type;
	/* The CAD API (api/incident_create.c): the SHA-256 (hex) of the body
	 * sent with report.idempotency_key, kept on the incident so that a
	 * retry is told from the same key sent again with another body. NULL:
	 * none. */
	const char		*idempotency_body;
	/* Staff channels: called in the intake's transaction once the
	 * incident is written, its flags refreshed and it is allocated, just
	 * before the commit, for a channel's own rows that must stand or fall
	 * with the incident (the CAD API's reference, receipt and status).
	 * 0, or -1 to roll everything back (INTAKE_ERROR). NULL: none. */
	int			(*within)(struct pg *, const struct actor *,
				    const struct intake_result *, void *arg);
	void			*within_arg;
};

/* N counts the people from 1, in the order of the submission. */
struct intake_error {
	const char	*field;		/* an INTAKE_F_* name, "person-N-...", "answer-KEY" */
	const char	*message;	/* for a person: says what to fix */
};

#define INTAKE_TEXT_MAX		8192	/* bytes the errors' words may take */
#define INTAKE_REASONS_MAX	4096	/* bytes the allocations' reasons may take */

struct intake_result {
	struct report_result	 report;	/* reference, incident id, ... */
	char			 incident_reference[32];
	long long		 incident_id;
	/* FLAG_BIT()s after the refresh; for a report that joined an
	 * incident, those it raised itself (the incident's are its owner's). */
	unsigned		 flags;
	int			 risk_level;	/* enum risk_level, or -1 none */
	/* The queues a new incident went to, and why (none for a report
	 * that joined an incident: it keeps the incident's); the reasons'
	 * words are kept in reasons (cut short when they do not fit). */
	struct allocations	 allocations;
	char			 reasons[INTAKE_REASONS_MAX];
	time_t			 assessment_due;	/* 0: none */
	struct intake_error	 errors[INTAKE_ERRORS_MAX];
	size_t			 nerrors;
	/* For the public channels' own pages: what the report said
	 * (REPORT_BAD_TYPE, REPORT_BAD_POINT, REPORT_OUTSIDE with
	 * report.where, whose council is "" when the postcode said so: the
	 * field errors say the same in words, that one first). */
	enum report_rc		 report_rc;
	/* The types or questions changed after the channel read them: the
	 * report was checked again by the new ones. */
	int			 catalogue_changed;
	char			 text[INTAKE_TEXT_MAX];	/* the errors' fields and words */
	size_t			 ntext;
};

enum intake_rc {
	INTAKE_OK,
	INTAKE_INVALID,		/* see errors: nothing saved */
	INTAKE_ERROR,
};

/* The force's rules for a staff channel (agency row, 0025). */
struct intake_rules {
	const char	*log_number_pattern;	/* NULL: any text up to 40 */
	const char	*log_number_example;	/* for the message, or NULL */
	const char	*mandatory[24];		/* INTAKE_F_* names */
	size_t		 nmandatory;
};

extern const struct pg_stmts intake_statements;

int		intake_rules_load(struct pg *, struct arena *, const struct actor *,
		    enum intake_channel, struct intake_rules *);
int		intake_mandatory(const struct intake_rules *, const char *field);
enum intake_rc	intake_submit(struct pg *, struct rd *, const struct config *,
		    const struct actor *, const struct intake_submission *,
		    struct intake_result *);

#endif
