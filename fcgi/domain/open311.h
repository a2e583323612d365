#ifndef DOMAIN_OPEN311_H
#define DOMAIN_OPEN311_H

#include <stddef.h>

struct arena;
struct json_object;
struct pg;
struct rd;

/* Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the ASB
 * types as services, their questions as attributes, the public read of
 * service requests, and the API clients that may post them. */

#define OPEN311_RATE_PER_MINUTE	60	/* posts per client key */
#define OPEN311_LIMIT		1000	/* requests in one list */
#define OPEN311_KEY_MAX		128

/* A service: one active ASB type. */
struct open311_service {
	const char	*code;
	const char	*name;
	const char	*description;	/* the type's hint; "" when none */
	const char	*group;		/* "Personal", "Nuisance", "Environmental" */
	const char	*keywords;	/* comma-separated */
	int		 metadata;	/* the type has questions */
};

/* An attribute: one active question of the type. */
struct open311_attribute {
	const char	*code;		/* question key */
	const char	*description;	/* label */
	const char	*datatype_description;	/* hint; "" when none */
	const char	*kind;		/* question_kind */
	const char	*datatype;	/* string, text, singlevaluelist, ... */
	int		 required;
	int		 order;		/* 1, 2, ... */
	int		 version;
	struct open311_value {
		const char	*key;
		const char	*name;
	}		*values;
	size_t		 nvalues;
};

/* A service request as Open311 publishes it (no personal data). */
struct open311_request {
	const char	*id;		/* the report's reference */
	const char	*status;	/* open, closed */
	const char	*status_notes;	/* the latest public update, or NULL */
	const char	*service_name;
	const char	*service_code;
	const char	*description;	/* or NULL */
	const char	*requested;	/* W3C datetime, UTC */
	const char	*updated;
	const char	*address;	/* or NULL */
	int		 has_point;
	double		 lat, lon;
};

/* The filters of GET requests; NULL where not given. */
struct open311_query {
	const char	*ids;		/* comma-separated references: the rest is ignored */
	const char	*service_code;
	const char	*start;		/* ISO 8601, checked by open311_datetime_valid */
	const char	*end;
	const char	*status;	/* "open", "closed" */
};

struct open311_client {
	long long	 id;
	char		 name[128];
};

extern const struct pg_stmts open311_statements;

int	open311_services(struct pg *, struct arena *, struct open311_service **,
	    size_t *);
int	open311_service_find(struct pg *, struct arena *, const char *code,
	    struct open311_service *, struct open311_attribute **, size_t *);
const char *open311_datatype(const char *kind);
int	open311_answer(struct arena *, const struct open311_attribute *,
	    const char *const *vals, size_t nvals, struct json_object *answers,
	    const char **why);
int	open311_requests_find(struct pg *, struct arena *, const struct open311_query *,
	    struct open311_request **, size_t *);
const char *open311_datetime_valid(struct arena *, const char *);
int	open311_client_check(struct pg *, const char *api_key, struct open311_client *);
int	open311_rate_take(struct rd *, const struct open311_client *, int per_minute);
int	open311_key_new(char key[65], char hash[65]);

#endif
