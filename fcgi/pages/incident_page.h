#ifndef PAGES_INCIDENT_PAGE_H
#define PAGES_INCIDENT_PAGE_H

struct form_errors;
struct incident;
struct req;

/* What was typed into the incident page's forms, to show again, and —
 * after a stale form — since when to list what changed
 * (pages/incident_view.c; the evidence upload is pages/incident_evidence.c,
 * setting the point pages/incident_locate.c). */
struct incident_forms {
	const char	*status, *reason, *outcome;	/* the status form */
	const char	*text, *shared;			/* the update form; "yes"/"no" */
	int		 for_cad;			/* ... and send it to the CAD */
	const char	*close_reason;			/* asking to close */
	const char	*link_ref, *link_reason;	/* linking */
	const char	*lon, *lat;			/* setting the point */
	int		 stale;				/* the form was stale */
	const char	*stale_since;			/* its "seen", or NULL */
};

void		incident_page(struct req *, int status, const struct incident *,
		    const struct form_errors *, const struct incident_forms *);
void		incident_page_again(struct req *, int status, const struct form_errors *,
		    const struct incident_forms *);
int		incident_stale(struct req *, struct form_errors *, struct incident_forms *,
		    const char *field);
long long	incident_form_version(struct req *);

#endif
