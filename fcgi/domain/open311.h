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
struct asb_question;

struct open311_attribute {
	const struct asb_question *question;	/* what its answer is checked against */
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
	const char	*service_code;	/* one or several, comma-separated */
	const char	*start;		/* ISO 8601, checked by open311_datetime_valid */
	const char	*end;
	const char	*status;	/* "open", "closed" */
};

struct open311_client {
	long long	 id;
	char		 name[128];
};

/* A post as sent, to know it when it comes again: a client that got no
 * answer (a worker died after the commit, a 502) sends it again, and must
 * get the first answer, not a second report. Kept OPEN311_RETRY_HOURS. */
#define OPEN311_RETRY_HOURS	24
#define OPEN311_IDEM_KEY_MAX	255	/* an Idempotency-Key header */

struct open311_retry {
	long long	 client_id;
	char		 key_hash[65];	/* of the Idempotency-Key, else of the body */
	char		 body_hash[65];
	char		 reference[32];	/* the first answer: the report made */
	int		 linked;	/* it joined an open incident */
};

enum open311_retry_rc {
	OPEN311_RETRY_NEW,	/* not seen: take the report */
	OPEN311_RETRY_SAME,	/* sent before: reference and linked say the answer */
	OPEN311_RETRY_CONFLICT,	/* the key came before with another body */
	OPEN311_RETRY_ERROR,
};

struct report_result;

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
int	open311_retry_init(struct open311_retry *, long long client_id,
	    const char *idempotency_key, const char *body, size_t len);
enum open311_retry_rc open311_retry_find(struct pg *, struct open311_retry *);
int	open311_retry_keep(struct pg *, const struct report_result *, void *retry);

#endif
