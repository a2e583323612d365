#ifndef DOMAIN_ADMIN_H
#define DOMAIN_ADMIN_H

#include <stddef.h>

#include <libpq-fe.h>

struct actor;
struct arena;
struct json_object;
struct pg;

/* What an administrator's change came to. The page turns each into a
 * status and a message; none of them has written anything but ADMIN_OK. */
enum admin_rc {
	ADMIN_ERROR = -1,	/* the database failed: nothing changed */
	ADMIN_OK = 0,		/* changed, with exactly one audit row */
	ADMIN_UNCHANGED,	/* the form held what is stored: no audit row */
	ADMIN_NOT_FOUND,	/* no such record */
	ADMIN_STALE,		/* changed by someone else since the form was loaded */
	ADMIN_DUPLICATE,	/* the code (or e-mail address) is taken */
	ADMIN_BAD_AGENCY,	/* no such agency */
	ADMIN_BAD_TEAM,		/* the team is not one of the agency's */
	ADMIN_BAD_ROLE,		/* a role may not be held in that agency (detail: its name) */
	ADMIN_SELF_DISABLE,	/* administrators may not disable themselves */
	ADMIN_SELF_ADMIN,	/* ... nor take away their own administration */
	ADMIN_ALREADY,		/* disabled or enabled already */
};

/* Users whose sessions must end once the change is committed (their
 * permissions, agency or state changed). Ids are in the caller's arena. */
struct admin_revoke {
	long long	*ids;
	size_t		 n;
};

/* Agency kinds, in the order of the agency_kind type, with their labels. */
struct agency_kind_def {
	const char	*code;
	const char	*label;
};

#define AGENCY_KINDS_N	4
extern const struct agency_kind_def agency_kinds[AGENCY_KINDS_N];

/* Reads row `row` of a result into the record at out (a struct agency,
 * team, role or user_rec). Returns 0, or -1 when out of memory. */
typedef int	 admin_read_fn(struct arena *, PGresult *, int row, void *out);

const char	*agency_kind_label(const char *code);

/* Reading records, each in a transaction of its own. */
int		 admin_rows(struct pg *, struct arena *, const struct actor *,
		    const char *stmt, int nparams, const char *const *params,
		    size_t size, admin_read_fn *, void **out, size_t *n);
int		 admin_row(struct pg *, struct arena *, const struct actor *,
		    const char *stmt, long long id, size_t size, admin_read_fn *,
		    void *out);

/* The steps of a change, inside the transaction the caller began. */
enum admin_rc	 admin_lock(struct pg *, struct arena *, const char *stmt,
		    const char *id, admin_read_fn *, void *old);
enum admin_rc	 admin_unique(struct pg *, const char *stmt, int nparams,
		    const char *const *params);
enum admin_rc	 admin_insert(struct pg *, const char *stmt, int nparams,
		    const char *const *params, long long *id);
enum admin_rc	 admin_created(struct pg *, const struct actor *,
		    const char *entity, long long id, struct json_object *after,
		    const char *reason);
enum admin_rc	 admin_update_audited(struct pg *, const struct actor *,
		    const char *entity, long long id, struct json_object *old_obj,
		    struct json_object *new_obj, const char *reason,
		    const char *stmt, int nparams, const char *const *params);
int		 admin_change_audit(struct pg *, const struct actor *,
		    const char *entity, long long id, const char *action,
		    struct json_object *old_obj, struct json_object *new_obj,
		    const char *reason, int *changed);
int		 admin_revoke_add(struct arena *, struct admin_revoke *, long long id);
int		 admin_revoke_select(struct pg *, struct arena *, const char *stmt,
		    const char *id, struct admin_revoke *);
enum admin_rc	 admin_tx_end(struct pg *, enum admin_rc);

char		*admin_col(struct arena *, PGresult *, int row, int col);
long long	 admin_col_id(PGresult *, int row, int col);
int		 admin_col_bool(PGresult *, int row, int col);
size_t		 admin_array_split(struct arena *, const char *pg_array,
		    const char ***items);
void		 admin_id_text(long long id, char out[24]);
int		 admin_word_valid(const char *s, size_t min, size_t max, char extra);

#endif
