#ifndef DOMAIN_API_INCIDENT_H
#define DOMAIN_API_INCIDENT_H

#include <stddef.h>

struct arena;
struct pg;

/* The CAD API's own rows about an incident (sql/migrations/0046_cad_api.sql,
 * 0047_api_incident_ref.sql): a create as answered, kept against its
 * Idempotency-Key (api_idempotency); the client's own id for the incident
 * and what its documents carried that Concord has no column for
 * (api_incident_ref); and what a create's receipt says. None of these
 * tables has row security; reading an incident needs the actor's
 * transaction. */

extern const struct pg_stmts api_incident_statements;

/* A create as it was answered. */
struct api_idem {
	const char	*body_hash;	/* hex SHA-256 of the body sent */
	long long	 incident_id;
	int		 status;
	const char	*response;	/* JSON text */
};

/* The answer kept for the client's key: 1 found, 0 none, -1 on error. */
int	api_idem_find(struct pg *, struct arena *, long long client_id,
	    const char *key, struct api_idem *);
/* Keeps an answer (a second one for the key is ignored). 0, or -1. */
int	api_idem_save(struct pg *, long long client_id, const char *key,
	    const struct api_idem *);
/* The incident the client's service account made with the key, and the
 * body hash kept on it: 1 found, 0 none, -1 on error (in the actor's
 * transaction). */
int	api_idem_incident(struct pg *, struct arena *, long long user_id,
	    const char *key, long long *incident_id, const char **body_hash);

/* The reference of the incident the client's external id names (in the
 * actor's transaction: "" when row security hides it): 1 with it, 0
 * none, -1 on error. */
int	api_ref_find(struct pg *, struct arena *, long long client_id,
	    const char *external_id, const char **reference);
/* The client's external id (NULL: none) and kept fields (JSON text, NULL:
 * {}) for a new incident: 1 saved, 0 the external id names another
 * incident already, -1 on error. */
int	api_ref_save(struct pg *, long long client_id, const char *external_id,
	    long long incident_id, const char *kept);

#define API_RECEIPT_ALLOCATIONS	16

/* What a receipt says of an incident now (in the actor's transaction). */
struct api_receipt_team {
	const char	*code, *name, *agency, *kind, *reason;
};

struct api_receipt {
	const char		*reference;
	long long		 version;	/* incident.revision: the API's version */
	const char		*status;
	const char		*risk_level;	/* NULL: not assessed */
	int			 linked;
	struct api_receipt_team	 allocations[API_RECEIPT_ALLOCATIONS];
	size_t			 nallocations;
};

/* 0, or -1 on error (or no such incident for the actor). */
int	api_receipt_read(struct pg *, struct arena *, long long incident_id,
	    struct api_receipt *);

#endif
