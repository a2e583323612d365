#ifndef DOMAIN_PERSON_H
#define DOMAIN_PERSON_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;
struct pm_suggestion;

/* People for staff: one person's record as the person page shows it,
 * with their incidents and the people they may be the same as. Row
 * security (concord.person_view and the agency's sharing) decides who
 * is seen, and the C rule checks again; every view is audited. */

#define PERSON_INCIDENTS_MAX	200

struct person {
	long long	 id;
	const char	*given_name, *family_name;
	const char	*name;		/* "Given Family", or "Name not given" */
	const char	*dob;		/* YYYY-MM-DD, or "" */
	const char	*dob_text;	/* "3 March 1980", or "" */
	const char	*phone, *email, *address, *postcode;
	const char	*preferred_contact;	/* email, phone, post, none, or "" */
	int		 contact_consent, share_consent, vulnerable;
	const char	*owner;		/* the owning agency's name */
	const char	*created;	/* Europe/London */
	/* When this record was merged into another: that one's id, its name
	 * ("" when the actor may not see it), when and by whom. */
	long long	 merged_into;
	const char	*merged_into_name;
	const char	*merged_at, *merged_by;
};

/* One incident the person is in, with their part in it. */
struct person_incident {
	const char	*reference, *type, *status, *reported;
	const char	*role;		/* victim, witness, reporter or subject */
};

struct person_page {
	struct person		 p;
	struct person_incident	*incidents;
	size_t			 nincidents;
	struct pm_suggestion	*suggestions;	/* none for a merged person */
	size_t			 nsuggestions;
};

enum person_result {
	PERSON_OK,
	PERSON_NOT_FOUND,	/* or not this actor's to see: the same answer */
	PERSON_SAME,		/* a person cannot be merged with themself */
	PERSON_MERGED,		/* one of them is already merged into another */
	PERSON_NOT_MERGED,	/* nothing to undo */
	PERSON_KEPT_MERGED,	/* the kept person was merged since: undo that first */
	PERSON_ERROR,
};

extern const struct pg_stmts person_statements;

enum person_result person_view(struct pg *, struct arena *, const struct actor *,
	    long long id, struct person_page *);
enum person_result person_pair(struct pg *, struct arena *, const struct actor *,
	    long long id, long long other_id, struct person *, struct person *other);
enum person_result person_find(struct pg *, struct arena *, const struct actor *,
	    long long id, struct person *);

/* The person and the incident parts that person_view reads, in the
 * caller's transaction; for person_merge.c. */
enum person_result person_load(struct pg *, struct arena *, const struct actor *,
	    long long id, struct person *);

#endif
