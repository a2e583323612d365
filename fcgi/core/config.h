#ifndef CORE_CONFIG_H
#define CORE_CONFIG_H

#include <limits.h>
#include <stddef.h>

#define CONFIG_DAYS_MAX	16	/* days a day list (case_review_cadence_*) holds */

/* Settings shared by concord-fcgi, concord-worker and concordctl, read from
 * a `key = value` file. Unknown keys are errors, so a typo never silently
 * falls back to a default. */
struct config {
	char	 path[PATH_MAX];
	int	 production;
	char	 socket[PATH_MAX];
	unsigned socket_mode;
	int	 workers;
	char	 db[1024];
	char	 db_admin[1024];
	char	 db_worker[1024];	/* concord-worker's role: reads the outbox */
	int	 outbox_keep_days;	/* delivered jobs are deleted after this */
	char	 redis[PATH_MAX];
	char	 views[PATH_MAX];
	char	 sql[PATH_MAX];
	size_t	 body_max;
	char	 mail_outbox[PATH_MAX];
	char	 mail_from[256];
	int	 demo;
	char	 evidence_dir[PATH_MAX];	/* uploaded files, outside the web root */
	size_t	 upload_max;		/* bytes per uploaded file */
	int	 upload_files_max;	/* files per report */
	/* Upload quotas, per hour: what one draft, and one address, may store
	 * (files removed again still count). */
	size_t	 upload_draft_bytes_hour;
	int	 upload_draft_files_hour;
	size_t	 upload_address_bytes_hour;
	int	 upload_address_files_hour;
	/* The map on the report form's "where" step; no map when the tile
	 * URL is empty. The tile server's origin is added to the CSP. */
	char	 map_tile_url[512];	/* "/..." or "https://host/{z}/{x}/{y}.png" */
	char	 map_attribution[512];	/* plain text */
	double	 map_lon, map_lat;	/* where the map opens */
	int	 map_zoom;
	/* Where the public reaches this site, "http(s)://host[:port][/path]"
	 * without a trailing slash: every absolute link (Open311 discovery,
	 * the tracking link in mail) starts with it. */
	char	 public_url[512];
	/* The immediate flags' windows and counts (domain/flags.h). */
	int	 repeat_victim_days;
	int	 repeat_location_metres;
	int	 repeat_location_days;
	int	 repeat_location_count;
	int	 case_review_days;
	int	 case_review_prompt_at;
	int	 case_review_threshold;
	/* A call handler's screening "yes": hours until an officer's full
	 * risk assessment is due (domain/intake.h). */
	int	 assessment_due_hours;
	/* The clocks' targets, in hours from the report, by risk level
	 * (domain/clocks.h): triage and the first action. */
	int	 triage_hours_high, triage_hours_medium, triage_hours_standard;
	int	 action_hours_high, action_hours_medium, action_hours_standard;
	/* The partnership's postcode districts (outward codes, upper case,
	 * one space between): a report with no map point whose postcode is
	 * in none of them is refused as outside (domain/intake_check.c).
	 * "" checks nothing. */
	char	 postcode_districts[2048];
	/* The server's API key file (32 to 256 random bytes): the CAD API's
	 * key secrets are derived from it (auth/api_sign.h), never stored. */
	char	 api_key_file[PATH_MAX];
	/* The ASB Case Review count's rules beyond the
	 * window and the threshold above (domain/case_review_rule.h). */
	int	 case_review_complaint_within_days;	/* of the behaviour */
	int	 case_review_hate_single;	/* one hate-motivated complaint meets it */
	int	 case_review_several_reports;	/* reports (0: no such rule) ... */
	int	 case_review_several_people;	/* ... from at least this many people */
	/* Victim contact and supervisor reviews: the supervisor
	 * review cadence of a monitored case by its risk level, days from its
	 * opening, increasing (after the last, every last gap; none for an
	 * empty list): domain/case_clock.h. */
	struct config_days {
		int	n;
		int	days[CONFIG_DAYS_MAX];
	}	 case_review_cadence_high, case_review_cadence_medium,
		 case_review_cadence_standard;
	/* The Case Review register (domain/case_review.h): the
	 * co-ordinator team's code (a team of the receiving agency), the
	 * agency online applications are made to (its code; "" the one agency
	 * with an active co-ordinator team), and the milestones' due dates:
	 * working days (weekends and bank holidays skipped) except the
	 * review's, which is calendar days from the decision. */
	char	 case_review_team[33];
	char	 case_review_agency[33];
	int	 case_review_acknowledge_days;		/* working, from receipt */
	int	 case_review_decide_days;		/* working, from receipt */
	int	 case_review_review_days;		/* calendar, from the decision */
	int	 case_review_recommendations_days;	/* working, from the review */
	int	 case_review_outcome_days;		/* working, from the review */
	int	 case_review_appeal_days;		/* working, from the outcome letter */
	/* The reporting views' pseudonyms: the partnership's key (domain/rpt.h). */
	char	 pseudonym_key_file[PATH_MAX];
};

#define ASSESSMENT_DUE_HOURS_DEFAULT	24	/* assessment_due_hours' default */

void	config_defaults(struct config *);
int	config_parse(struct config *, const char *text, char *err, size_t errlen);
int	config_load(struct config *, const char *path, char *err, size_t errlen);

#endif
