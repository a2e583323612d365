#ifndef DOMAIN_INCIDENT_H
#define DOMAIN_INCIDENT_H

#include <stddef.h>

struct actor;
struct arena;
struct pg;
struct pg_result;

#define INCIDENT_SHARED_MAX	16

/* An incident as the staff list and page show it. */
struct incident {
	long long	 id;
	const char	*reference;
	const char	*type;
	const char	*status;
	const char	*description;
	const char	*address;
	const char	*postcode;
	const char	*reported;	/* Europe/London, for people */
	long long	 owner_id;
	const char	*owner;
	const char	*sharing;	/* partnership, agency or named */
	long long	 shared[INCIDENT_SHARED_MAX];
	size_t		 nshared;
	const char	*shared_names;
	const char	*channel;
	long long	 version;
	unsigned	 flags;		/* FLAG_BIT()s of domain/flags.h, as stored */
	/* No map point, only an address or a postcode: staff confirm where
	 * it is (the public channels take such a report, README "The one
	 * intake"). */
	int		 location_to_confirm;
};

enum incident_result {
	INCIDENT_OK,
	INCIDENT_NOT_FOUND,	/* or not this actor's to see: the same answer */
	INCIDENT_CONFLICT,	/* changed by someone else since it was read */
	INCIDENT_UNCHANGED,
	INCIDENT_NEEDS_CLOSE,	/* closing and reopening take incident.close */
	INCIDENT_NEEDS_REASON,	/* ... and a reason */
	INCIDENT_BAD_STATUS,
	INCIDENT_NEEDS_OUTCOME,	/* a closure takes an outcome (domain/incident_status.c) */
	INCIDENT_BAD_OUTCOME,
	INCIDENT_IS_CLOSED,	/* asking to close a closed incident */
	INCIDENT_OTHER_NOT_FOUND, /* the other incident of a link (domain/incident_link.c) */
	INCIDENT_SAME,		/* an incident linked to itself */
	INCIDENT_EXISTS,	/* already linked */
	INCIDENT_ERROR,
};

/* The orders the staff list offers; the number is the search's $11. */
enum incident_sort {
	INCIDENT_SORT_NEWEST,
	INCIDENT_SORT_OLDEST,
	INCIDENT_SORT_RISK,		/* highest risk first, then newest */
	INCIDENT_SORT_UPDATED,		/* most recently changed first */
	INCIDENT_SORT_REFERENCE,
};

#define INCIDENT_QUERY_MAX	200	/* characters of a search */

/* What the staff list searches for; each field NULL for "any". The values
 * are the caller's to check: a status, a risk level, an ASB type code, a
 * beat or council area code, a flag (urgent, vulnerable, repeat_victim,
 * repeat_location, repeat_subject, hate), dates as YYYY-MM-DD
 * (Europe/London, inclusive). */
struct incident_filter {
	const char		*query;
	const char		*status, *type, *risk, *flag, *beat, *area;
	const char		*from, *to;
	enum incident_sort	 sort;
};

/* An incident as the list shows it. */
struct incident_hit {
	struct incident	 in;
	const char	*risk;		/* standard, medium, high, or "" */
	int		 vulnerable, repeat_victim, repeat_location;
};

/* A beat ("beat") or council area ("area") to filter by. */
struct incident_area {
	const char	*kind, *code, *name;
};

/* The flags as stored, in the order of enum flag (domain/flags.h). */
#define INCIDENT_FLAG_COLUMNS \
	"i.urgent, i.vulnerable, i.repeat_victim, i.repeat_location, i.repeat_subject, i.hate"

/* An incident's row as struct incident reads it (incident_read_at), from
 * "incident i" with its type "t" and owner "a": a statement of another
 * domain file may list incidents with it and join more. */
#define INCIDENT_COLUMNS \
	"i.id, i.reference, t.name, i.status, coalesce(i.description, ''), " \
	"coalesce(i.address, ''), coalesce(i.postcode, ''), " \
	"to_char(i.reported_at AT TIME ZONE 'Europe/London', 'FMDD Mon YYYY \"at\" HH24:MI'), " \
	"i.owning_agency_id, a.name, i.sharing, i.shared_with::text, " \
	"coalesce((SELECT string_agg(s.name, ', ' ORDER BY s.name) FROM agency s " \
	"  WHERE s.id = ANY (i.shared_with)), ''), i.channel, i.version, " \
	INCIDENT_FLAG_COLUMNS ", " \
	/* reported by an address or a postcode alone: no point to go by */ \
	"i.location IS NULL AND (coalesce(i.address, '') <> '' " \
	"  OR coalesce(i.postcode, '') <> '') " \
	"FROM incident i JOIN asb_type t ON t.id = i.asb_type_id " \
	"JOIN agency a ON a.id = i.owning_agency_id "

extern const struct pg_stmts incident_statements;

void	incident_read_at(struct arena *, struct pg_result *, int row, int c0,
	    struct incident *);
int	incident_second_check(const struct actor *, const struct incident *);

int	incident_visible(const struct actor *, long long owner, const char *sharing,
	    const long long *shared, size_t nshared);
int	incident_row_visible(const struct actor *, const struct pg_result *, int row,
	    int owner_col);
void	incident_ids_parse(const char *pg_array, long long *out, size_t max, size_t *n);
int	incident_search(struct pg *, struct arena *, const struct actor *,
	    const struct incident_filter *, int limit, int offset,
	    struct incident_hit **, size_t *, long long *total);
int	incident_search_areas(struct pg *, struct arena *, struct incident_area **,
	    size_t *);
int	incident_mine(struct pg *, struct arena *, const struct actor *, int limit,
	    struct incident **, size_t *);
enum incident_result incident_view(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct incident *);
enum incident_result incident_find(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct incident *);
enum incident_result incident_load(struct pg *, struct arena *, const struct actor *,
	    const char *reference, struct incident *);
enum incident_result incident_begin(struct pg *, struct arena *,
	    const struct actor *, const char *reference, struct incident *);
enum incident_result incident_touch(struct pg *, long long id, long long version);
int	incident_status_valid(const char *);

#endif
