#ifndef DOMAIN_PERSON_MATCH_H
#define DOMAIN_PERSON_MATCH_H

#include <stddef.h>

#include "core/email.h"

/* Person matching: the normal forms of what identifies a person, a score
 * comparing two people, and the existing people that may be the same as
 * a new one. It only ever suggests: nothing here writes a person, and a
 * merge is a supervisor's decision made elsewhere (README "Person
 * matching"). */

struct actor;
struct arena;
struct pg;
struct pg_result;

extern const struct pg_stmts person_match_statements;

#define PM_NAME_MAX	256
#define PM_PHONE_MAX	20	/* "+" and up to 15 digits (E.164) */
#define PM_POSTCODE_MAX	8
#define PM_DOB_MAX	11	/* YYYY-MM-DD */
#define PM_SUGGEST_MAX	20

/* The scores at which a comparison becomes a possible or a strong match
 * (the weights are in person_match.c and the README). */
#define PM_POSSIBLE_MIN	30
#define PM_STRONG_MIN	60

/* What a person is known by, as typed; NULL or "" when not known. */
struct person_facts {
	const char	*given_name;
	const char	*family_name;
	const char	*dob;		/* YYYY-MM-DD */
	const char	*phone;
	const char	*email;
	const char	*postcode;
};

/* The normal forms: "" where a fact is missing or has no normal form. */
struct person_keys {
	char	name[PM_NAME_MAX];
	char	dob[PM_DOB_MAX];
	char	phone[PM_PHONE_MAX];
	char	email[EMAIL_MAX + 1];
	char	postcode[PM_POSTCODE_MAX];
};

enum pm_field { PM_NAME, PM_DOB, PM_PHONE, PM_EMAIL, PM_POSTCODE, PM_FIELDS };
enum pm_level { PM_NONE, PM_POSSIBLE, PM_STRONG };

/* How two people compare. agree and differ have a bit per pm_field, set
 * only for facts both have; reasons are sentences for staff, one per
 * fact compared. */
struct pm_score {
	int		 score;
	enum pm_level	 level;
	unsigned	 agree;
	unsigned	 differ;
	const char	*reasons[PM_FIELDS];
	size_t		 nreasons;
};

/* A suggestion: an existing person the actor may see, and why. */
struct pm_suggestion {
	long long	 person_id;
	const char	*given_name;
	const char	*family_name;
	struct pm_score	 score;
};

int	pm_name_normal(const char *given, const char *family, char *out, size_t len);
int	pm_phone_normal(const char *in, char *out, size_t len);
int	pm_postcode_normal(const char *in, char *out, size_t len);
int	pm_dob_normal(const char *in, char *out, size_t len);
void	pm_keys_make(const struct person_facts *, struct person_keys *);
void	pm_facts_row(const struct pg_result *, int row, struct person_facts *);
void	pm_score(const struct person_keys *, const struct person_keys *,
	    struct pm_score *);
enum pm_level pm_level_for(int score);
const char *pm_level_name(enum pm_level);
int	pm_suggest_tx(struct pg *, struct arena *, const struct person_keys *,
	    long long exclude_id, struct pm_suggestion **out, size_t *n);
int	pm_suggest(struct pg *, struct arena *, const struct actor *,
	    const struct person_facts *, long long exclude_id,
	    struct pm_suggestion **out, size_t *n);

#endif
