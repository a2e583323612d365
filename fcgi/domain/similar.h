#ifndef DOMAIN_SIMILAR_H
#define DOMAIN_SIMILAR_H

#include <stddef.h>

#include "domain/person_match.h"

struct actor;
struct arena;
struct pg;

/* The open incidents like one being recorded (issue 9 "Similar incidents
 * at creation"): those near its place, and those involving its people,
 * among the incidents the actor may see. The officer links the new one
 * to one of them or confirms it is new; nothing here writes. */

extern const struct pg_stmts similar_statements;

#define SIMILAR_MAX	10

/* What is known of the incident so far. */
struct similar_query {
	int				 has_point;
	double				 lon, lat;
	int				 metres;	/* config repeat_location_metres */
	const struct person_keys	*keys;		/* new people's match keys */
	size_t				 nkeys;
	const long long			*person_ids;	/* existing people picked */
	size_t				 nids;
};

struct similar_incident {
	const char	*reference;
	const char	*type;		/* the ASB type's name */
	const char	*date;		/* when it happened (else reported), Europe/London */
	const char	*status;
	long		 metres;	/* from the place, or -1 when unknown */
	int		 near;		/* within the query's metres */
	int		 same_person;	/* involves one of the people */
};

int	similar_wanted(const struct similar_query *);
int	similar_find(struct pg *, struct arena *, const struct actor *,
	    const struct similar_query *, struct similar_incident **, size_t *);

#endif
