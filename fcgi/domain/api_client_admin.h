#ifndef DOMAIN_API_CLIENT_ADMIN_H
#define DOMAIN_API_CLIENT_ADMIN_H

#include <stddef.h>

#include "auth/api_sign.h"

struct actor;
struct arena;
struct config;
struct pg;

/*
 * Administering API clients (sql/migrations/0046_cad_api.sql), for the
 * pages under /admin/api-clients and for concordctl api-client, which
 * both call these: a CAD client is registered with its service account
 * (a user of its agency with no password, so it can never sign in), its
 * scopes, webhook address, code mappings and first key; its keys are
 * rotated with an overlap, revoked one by one or with the whole client.
 * An Open311 client has one key of its own (domain/open311.h). A secret is
 * returned once, to be shown once, and never stored. Every change has its
 * audit row, in the change's transaction.
 */

#define API_CLIENT_NAME_MAX	100
#define API_WEBHOOK_MAX		2000
#define API_OVERLAP_DEFAULT	24	/* hours an old key still works after a rotation */
#define API_OVERLAP_MAX		720
#define API_KEY_ID_LEN		23	/* "ck_" and 20 hex digits */
#define API_CLIENT_ERRORS_MAX	6

enum api_admin_rc {
	API_ADMIN_ERROR = -1,	/* the database failed: nothing changed */
	API_ADMIN_OK = 0,
	API_ADMIN_INVALID,	/* see the field errors: nothing changed */
	API_ADMIN_NOT_FOUND,	/* no such client (or key of the client) */
	API_ADMIN_UNCHANGED,	/* the form held what is stored */
	API_ADMIN_STALE,	/* changed by someone else since the form was made */
	API_ADMIN_REVOKED,	/* the client (or the key) is revoked already */
	API_ADMIN_WRONG_KIND,	/* an Open311 client has no keys to rotate */
};

/* What is wrong with a client as given, field by field: "name", "kind",
 * "agency", "scopes", "webhook_url", "mappings", "overlap", "analyst",
 * "views". */
struct api_client_errors {
	size_t	n;
	struct {
		const char	*field;
		char		 message[300];
	} e[API_CLIENT_ERRORS_MAX];
};

/* A key as the pages list it. state: "live", "ending" (a rotated key in
 * its overlap), "expired" or "revoked". Times are shown in Europe/London,
 * "" when not set. */
struct api_key_rec {
	const char	*key_id;
	const char	*state;
	const char	*created;
	const char	*expires;
	const char	*revoked;
	const char	*last_used;
};

struct api_client_rec {
	long long	 id;
	const char	*name;
	const char	*kind;		/* "cad", "open311" or "odata" */
	const char	*agency_name;	/* "" for Open311 */
	const char	*agency_code;
	const char	*account_email;	/* its service account's; "" for Open311 */
	const char	**scopes;
	size_t		 nscopes;
	const char	*webhook_url;	/* "" when none */
	const char	*mappings;	/* jsonb text, pretty */
	int		 revoked;	/* revoked (CAD) or deactivated (Open311) */
	const char	*created;
	const char	*version;	/* for the edit form */
	struct api_key_rec *keys;	/* newest first; none for Open311 */
	size_t		 nkeys;
};

#define API_ODATA_VIEWS_MAX	16

/* A client as an administrator gives it. Open311 uses only name; an OData
 * client (an analyst's key to the reporting feed) name, analyst and views. */
struct api_client_in {
	const char	*name;
	const char	*kind;		/* "cad", "open311" or "odata" */
	const char	*analyst;	/* odata: the analyst's e-mail address */
	const char	*views[API_ODATA_VIEWS_MAX];	/* odata: rpt_incident, ... */
	size_t		 nviews;
	long long	 agency_id;	/* or 0 and agency_code */
	const char	*agency_code;
	int		 read;		/* the scopes asked for */
	int		 write;
	const char	*webhook_url;	/* "" or NULL: none */
	const char	*mappings;	/* JSON text; "" or NULL: {} */
	const char	*version;	/* editing: what the form was made from */
};

/* What to show once: a CAD or OData key's id and secret (an OData key
 * is sent as "<key_id>.<secret>"), or an Open311 key (in secret, with
 * key_id ""). */
struct api_new_secret {
	char	key_id[API_KEY_ID_LEN + 1];
	char	secret[65];
	char	expires_old[40];	/* a rotation: when the old keys stop, or "" */
};

extern const struct pg_stmts api_client_admin_statements;

int		api_admin_list(struct pg *, struct arena *, const struct actor *,
		    struct api_client_rec **, size_t *n);
int		api_admin_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct api_client_rec *);
long long	api_admin_find(struct pg *, const struct actor *, const char *name);
enum api_admin_rc api_admin_register(struct pg *, const struct config *,
		    const struct actor *, const struct api_client_in *,
		    struct api_client_errors *, struct api_new_secret *, long long *id);
enum api_admin_rc api_admin_update(struct pg *, struct arena *, const struct actor *,
		    long long id, const struct api_client_in *,
		    struct api_client_errors *);
enum api_admin_rc api_admin_rotate(struct pg *, const struct config *,
		    const struct actor *, long long id, int overlap_hours,
		    struct api_client_errors *, struct api_new_secret *);
enum api_admin_rc api_admin_revoke_key(struct pg *, const struct actor *,
		    long long id, const char *key_id);
enum api_admin_rc api_admin_revoke(struct pg *, const struct actor *, long long id);

#endif
