#ifndef DOMAIN_REPORT_H
#define DOMAIN_REPORT_H

#include <stddef.h>

#include "domain/area.h"

struct actor;
struct arena;
struct json_object;
struct pg;
struct rd;
struct report_result;
struct stored_file;

/* A report of ASB as it arrives from any front door — the public form, a
 * partner, Open311 — structured enough to route and triage. Each report
 * has its own reference and tracking token; reports of the same thing
 * (same type, within REPORT_DEDUP_METRES and REPORT_DEDUP_SECONDS of an
 * open incident) join that incident instead of making a second one. */

#define REPORT_DEDUP_METRES	150
#define REPORT_DEDUP_SECONDS	(2 * 60 * 60)

/* The reporter's private tracking link: public_url, reference, token. */
#define REPORT_TRACK_LINK	"%s/track/%s?t=%s"

/* -1 where a yes/no question was not answered. */
struct report_input {
	const char		*channel;	/* "public", "partner", "open311" */
	const char		*type_code;	/* asb_type.code */
	/* The type as the caller read it (its id and name), so that
	 * report_submit does not read it again; 0 and NULL: it reads it. */
	long long		 type_id;
	const char		*type_name;
	/* The catalogue's version the answers were checked by (0036): the
	 * transaction answers REPORT_STALE when it has moved on. 0: not
	 * checked. */
	long long		 catalogue;
	const char		*description;
	struct json_object	*answers;	/* {key: {"question", "answer", "version"}} */
	const char		*occurred_at;	/* ISO 8601, or NULL */
	struct json_object	*recurring;	/* {"how_often", "times_of_day"}, or NULL */
	int			 has_point;
	double			 lon, lat;
	const char		*address;
	const char		*postcode;
	const char		*impact;	/* how it affects them, free text */
	int			 feels_unsafe;
	int			 vulnerable;	/* someone in the household */
	int			 targeted;	/* because of who they are */
	int			 happened_before;
	int			 happening_now;	/* at risk now: urgent */
	int			 anonymous;
	const char		*given_name, *family_name, *email, *phone;
	const char		*preferred_contact;	/* email, phone, post, none */
	int			 for_someone_else;
	const char		*for_whom, *for_whom_relation;	/* when for someone else */
	int			 share_consent;
	int			 email_updates;
	const char		*partner_reference;	/* partner route only */
	const char		*tenancy_reference;
	int			 involves_tenants;
	/* A partner's: whether those affected and those responsible are its
	 * tenants (1, 0, -1 not known), and who they are in words. */
	int			 affected_tenant, responsible_tenant;
	const char		*affected, *responsible;
	const char		*idempotency_key;	/* from the form: one report per key */
	const char		*client_ref;		/* Open311 service_request client id */
	const char		*public_url;		/* config public_url: links in mail */
	/* What a channel keeps with the report, in the report's transaction
	 * (Open311's retry key): 0, or -1 to save nothing. NULL: nothing. */
	int			(*keep)(struct pg *, const struct report_result *, void *);
	void			*keep_arg;
	/* The intake's own rows and refreshes, in the same transaction,
	 * after keep (domain/intake.c): 0, or -1 to save nothing. */
	int			(*within)(struct pg *, const struct report_result *, void *);
	void			*within_arg;
	/* The tracking token to give the report (64 hex), made before it is
	 * sent so that a resubmission can show it again; NULL: a new one. */
	const char		*tracking_token;
	const struct report_file *files;		/* evidence, already stored */
	size_t			 nfiles;
};

/* A file uploaded with a report (domain/evidence_store.c has stored the
 * bytes) and the name it was sent with. */
struct report_file {
	const struct stored_file *stored;
	const char		*name;
};

struct report_result {
	char		 reference[32];		/* this report's: ASB-2026-000123 */
	char		 token[65];		/* tracking token; "" on a resubmission */
	long long	 report_id;
	long long	 incident_id;
	long long	 reporter_id;		/* 0: anonymous, or a resubmission */
	/* The incident's, when this report made it (or on a resubmission);
	 * "" when it joined one: the reporter's agency may not see it. */
	char		 incident_reference[32];
	int		 linked;		/* joined an existing open incident */
	int		 resubmitted;		/* the key was used before: that report */
	/* It added a yes/no triage answer to what the incident's reports
	 * said (incident.report_triage): its provisional score may change. */
	int		 triage_changed;
	/* The incident's FLAG_BITs as the report found them (0: none, or not
	 * known). */
	unsigned	 incident_flags;
	struct area_location where;
};

enum report_rc {
	REPORT_OK,
	REPORT_BAD_TYPE,	/* no such active ASB type */
	REPORT_BAD_POINT,	/* not a longitude and latitude */
	REPORT_OUTSIDE,		/* outside the partnership: where.council says whose */
	REPORT_STALE,		/* the types or questions changed since in->catalogue */
	REPORT_ERROR,
};

/* What the tracking page shows. */
struct report_status {
	const char	*reference;
	const char	*type;
	const char	*status;	/* the incident's status */
	const char	*reported;	/* Europe/London */
	struct report_update {
		const char	*when;
		const char	*text;
	}		*updates;	/* the updates staff chose to share, newest first */
	size_t		 nupdates;
	/* What was reported (report_tracking_summary, 0040): when in words
	 * ("" when not given), or how often it keeps happening (a code of
	 * the form's, and its times of day, comma-separated), and where
	 * roughly ("" when not given). */
	const char	*occurred;
	const char	*how_often;
	const char	*times_of_day;
	const char	*place;
	/* The reporter's diary (domain/report_diary.h), latest occurrence first. */
	struct report_diary_item {
		const char	*when;
		const char	*what;
		const char	*impact;	/* "" when not given */
		const char	*files;		/* their names, ", "-separated; or "" */
	}		*diary;
	size_t		 ndiary;
	/* Closed monitored cases the reporter is a victim on
	 * (report_tracking_cases, 0050): when, and the reason for the public. */
	struct report_case {
		const char	*closed_on;
		const char	*reason;
	}		*cases;
	size_t		 ncases;
};

extern const struct pg_stmts report_statements;
extern const struct pg_stmts report_track_statements;

/* The report's transaction, for domain/intake.c alone (every channel
 * calls intake_submit, which checks first and passes `within`). */
enum report_rc	report_submit(struct pg *, struct rd *, const struct actor *,
		    const struct report_input *, struct report_result *);
int		report_find(struct pg *, const struct actor *, const char *key,
		    const char *token, struct report_result *);
int		report_track(struct pg *, struct arena *, const char *reference,
		    const char *token, struct report_status *);
int		report_token_given(const char *);
int		report_mails_confirmation(const struct report_input *);
int		report_token_is(struct pg *, const char *reference, const char *token);

#endif
