#ifndef PAGES_ADMIN_H
#define PAGES_ADMIN_H

#include <stddef.h>

#include "domain/admin.h"

struct form_errors;
struct req;
struct role;
struct view_dict;

/* What the administration pages share: reading ids, codes, yes/no radios
 * and checkbox lists, answering the outcome of a change, ending the
 * sessions a change made stale, and a record's history. */

#define ADMIN_REASON_MAX	1000

int		 admin_id_param(struct req *, long long *id);
int		 admin_id_value(const char *s, long long *id);
int		 admin_found(struct req *, int got);
int		 admin_code_valid(const char *s, char extra);
const char	*admin_code(struct req *, char extra, const char *invalid,
		    struct form_errors *);
const char	*admin_version(struct req *);
int		 admin_yes_no(struct req *, const char *name, struct form_errors *,
		    const char *field, const char *missing);
const char	*admin_reason(struct req *, const char *field, int required,
		    struct form_errors *);
long long	*admin_ids(struct req *, const char *name, size_t *n);
int		 admin_yes_no_dict(struct view_dict *, const char *prefix, int value);
const char	*admin_role_kinds(struct req *, const struct role *);
void		 admin_revoke_sessions(struct req *, const struct admin_revoke *);
int		 admin_failed(struct req *, enum admin_rc, const char *what);
int		 admin_updated(struct req *, enum admin_rc, const char *what,
		    const char *name, const char *changed,
		    const struct admin_revoke *, const char *location);
void		 admin_done(struct req *, const char *message, const char *location);
void		 admin_history(struct req *, const char *title, const char *base,
		    const char *entity, long long id);

#endif
