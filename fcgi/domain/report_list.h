#ifndef DOMAIN_REPORT_LIST_H
#define DOMAIN_REPORT_LIST_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;

/* A report as staff see it: in the list of new reports, and on the page of
 * the incident it belongs to. */
struct report_row {
	long long	 id;
	const char	*reference;
	const char	*incident_reference;
	const char	*channel;
	const char	*type;
	const char	*place;
	const char	*reported;
	const char	*description;
	const char	*answers;	/* JSON: {key: {"question", "answer"}} */
	const char	*impact;	/* JSON: feels_unsafe, vulnerable, targeted... */
	const char	*partner;	/* JSON, partner route only, or "" */
	int		 linked;	/* a further report of an existing incident */
	long long	 person_id;	/* 0: anonymous, or not this actor's to see */
	const char	*contact_name;
	const char	*contact_email;
	const char	*contact_phone;
	const char	*contact_preferred;
	const char	*staff_name;	/* who sent it, when staff did (partner route); "" */
	const char	*staff_agency;
	unsigned	 incident_flags;	/* FLAG_BIT()s of its incident, as stored */
};

extern const struct pg_stmts report_list_statements;

int	report_list_audit(struct pg *, const struct actor *, const char *list,
	    int offset, size_t results);
int	report_list_new(struct pg *, struct arena *, const struct actor *, int limit,
	    int offset, struct report_row **, size_t *);
int	report_list_for_incident(struct pg *, struct arena *, const struct actor *,
	    long long incident_id, struct report_row **, size_t *);

#endif
