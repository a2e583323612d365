#ifndef DOMAIN_API_INCIDENT_H
#define DOMAIN_API_INCIDENT_H

#include <stddef.h>

struct actor;
struct arena;
struct config;
struct incident;
struct json_object;
struct pg;

/*
 * Existing incidents as the CAD API reads and changes them (README "CAD
 * API"): one incident whole, the change feed, a change of its fields,
 * an entry on it and a client's subscription to it. Each is one
 * transaction with the client's service account as the actor, so row
 * security shows it what its agency may see and every change is audited
 * as the staff pages' are. Codes here are Concord's: the API layer maps
 * the client's (domain/api_mapping.h). Times are RFC 3339 in UTC ("Z").
 */

/* ---- api_incident_read.c: one incident ------------------------------- */

struct api_incident {
	long long	 id;
	long long	 version;		/* the API's: incident.revision */
	const char	*reference, *channel, *status;
	const char	*type_code, *type_name, *type_category;
	/* NULL when not known */
	const char	*description, *log_number;
	const char	*occurred_at, *reported_at, *updated_at;
	int		 has_point;
	double		 lat, lon, easting, northing;
	const char	*address, *postcode;
	int		 to_confirm;		/* an address but no point */
	const char	*beat_code, *beat_name, *area_code, *area_name;
	const char	*risk_level;		/* NULL: not assessed */
	int		 has_score, risk_score;
	unsigned	 flags;			/* FLAG_BIT()s (domain/flags.h) */
	const char	*external_id;		/* this client's id for it, or NULL */
	/* JSON text, as the representation has them (api/incident_json.c):
	 * agencies [{code, name, role}], allocations (current) [{team:
	 * {code, name, agency}, kind, reason, since}], people [{role,
	 * given_name, ...}] (null fields when the actor may not see the
	 * person), timeline [{at, kind, text}] oldest first, kept {...}. */
	const char	*agencies, *allocations, *people, *timeline, *kept;
};

extern const struct pg_stmts api_incident_statements;

/* The incident reference as the actor may see it, with client_id's
 * external id and kept fields; strings in ar. 1, 0 when there is none or
 * it is not the actor's to see, -1 on error. Reads are not audited one by
 * one (a CAD polls); a miss is, as on the staff pages. */
int	api_incident_read(struct pg *, struct arena *, const struct actor *,
	    long long client_id, const char *reference, struct api_incident *);

/* ---- api_incident_feed.c: the change feed ---------------------------- */

/* A place in the feed: after this change (xid, incident id); 0, 0 is the
 * start. */
struct api_feed_pos {
	unsigned long long	 xid;
	long long		 id;
};

struct api_feed_item {
	const char	*reference, *status, *updated_at;
	const char	*type_code, *type_name, *type_category;
	long long	 version;
	const char	*risk_level;	/* or NULL */
	int		 has_score, risk_score;
};

#define API_FEED_MAX	200

/* Up to limit incidents the actor sees, changed after `after` (and at or
 * after since, RFC 3339, when not NULL), in the order of their changes,
 * only changes older than every transaction still running: a change that
 * commits late is never paged past. *next: where to go on from (never
 * behind after); *more: whether more wait. 0, or -1 on error. */
int	api_incident_feed(struct pg *, struct arena *, const struct actor *,
	    const struct api_feed_pos *after, const char *since, int limit,
	    struct api_feed_item **, size_t *, struct api_feed_pos *next, int *more);

/* ---- api_incident_patch.c: a change of its fields -------------------- */

/* What a change asks for; NULL (or 0) leaves a field as it is. */
struct api_patch {
	const char		*description;
	const char		*log_number;
	const char		*status;	/* an incident status */
	const char		*type_code;	/* an ASB type code */
	const char		*occurred_at;	/* RFC 3339 */
	int			 has_point;	/* a new point, WGS 84 */
	double			 lon, lat;
	const char		*address, *postcode;
	struct json_object	*extensions;	/* into api_incident_ref.kept */
	int			 extensions_replace; /* else merged, null removes */
	const char		*client_name;	/* the words of a status move's reason */
};

enum api_change_result {
	API_CHANGE_OK,
	API_CHANGE_NOT_FOUND,	/* or not the actor's to see (audited) */
	API_CHANGE_CONFLICT,	/* not at the version asked for */
	API_CHANGE_INVALID,	/* a value refused: see struct api_refusal */
	API_CHANGE_ERROR,
};

/* Why a value was refused: the field (the member of struct api_patch or
 * of struct api_event: "log_number", "location", "status", "at"...), a
 * code for programs and the words for a person. */
struct api_refusal {
	const char	*field, *code, *message;
};

#define API_NO_VERSION	(-1LL)	/* no If-Match: the last writer wins */

/* Changes the incident if it is at version (the API's, incident.revision;
 * API_NO_VERSION: whatever it is at), with its row locked so two changes made at one version cannot
 * both win: the fields with one audit row, the status through the
 * incident's own status function, a new point as setting one on the
 * incident page does (flags, then allocation), the kept fields of
 * client_id. *new_version: the incident's revision after it. */
enum api_change_result api_incident_change(struct pg *, struct arena *,
	    const struct actor *, const struct config *, long long client_id,
	    const char *reference, const struct api_patch *, long long version,
	    long long *new_version, struct api_refusal *);

/* incident_begin (domain/incident.h) in these terms: API_CHANGE_OK with
 * the transaction open on in, _NOT_FOUND (audited) or _ERROR, ended. */
enum api_change_result api_incident_begin(struct pg *, struct arena *,
	    const struct actor *, const char *reference, struct incident *in);
/* Fills why and returns API_CHANGE_INVALID. */
enum api_change_result api_refusal_set(struct api_refusal *why, const char *field,
	    const char *code, const char *message);
/* Within a transaction incident_begin opened on in: locks its row and
 * reads its staff version and status again into in; *revision (or NULL)
 * the API's version. 0, or -1. */
int	api_incident_lock(struct pg *, struct arena *, struct incident *in,
	    long long *revision);
/* Within it, in locked: moves in to status, as a change does (reason
 * NULL: one naming client). API_CHANGE_OK, _INVALID (not allowed, or at
 * that status already) or _ERROR; the caller commits or rolls back. */
enum api_change_result api_incident_status_move(struct pg *, struct arena *,
	    const struct actor *, struct incident *in, const char *status,
	    const char *reason, const char *client, struct api_refusal *);

/* ---- api_incident_event.c: an entry on it ---------------------------- */

struct api_event {
	const char	*kind;		/* log, contact, status */
	const char	*text;		/* a status move's reason; else the entry */
	const char	*at;		/* RFC 3339, or NULL: now */
	const char	*status;	/* kind status: an incident status */
	const char	*method, *with;	/* kind contact */
	const char	*client_name;
};

/* Adds the entry: a log or contact as an incident_update (not shared
 * with the reporters, not for the CAD), a status through the status
 * function; audited. *at the entry's time, *new_version the incident's
 * revision after it. */
enum api_change_result api_incident_event_add(struct pg *, struct arena *,
	    const struct actor *, const char *reference, const struct api_event *,
	    const char **at, long long *new_version, struct api_refusal *);

/* ---- api_subscription.c ---------------------------------------------- */

/* Subscribes client_id to the incident (on) or ends it; audited.
 * API_CHANGE_OK (also when nothing changed), _NOT_FOUND or _ERROR. */
enum api_change_result api_subscription_set(struct pg *, struct arena *,
	    const struct actor *, long long client_id, const char *reference, int on);

extern const struct pg_stmts api_incident_feed_statements;
extern const struct pg_stmts api_incident_patch_statements;
extern const struct pg_stmts api_incident_event_statements;
extern const struct pg_stmts api_subscription_statements;

/* ---- api_incident.c: the API's own rows ---------------------------- */

/* The CAD API's own rows about an incident (sql/migrations/0046_cad_api.sql,
 * 0047_api_incident_ref.sql): a create as answered, kept against its
 * Idempotency-Key (api_idempotency); the client's own id for the incident
 * and what its documents carried that Concord has no column for
 * (api_incident_ref); and what a create's receipt says. None of these
 * tables has row security; reading an incident needs the actor's
 * transaction. */

extern const struct pg_stmts api_incident_create_statements;

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
