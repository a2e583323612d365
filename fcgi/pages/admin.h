#ifndef PAGES_ADMIN_H
#define PAGES_ADMIN_H

#include <stddef.h>

#include "domain/admin.h"

struct form_errors;
struct req;
struct role;
struct view_dict;

/* What the administration pages share: reading ids, yes/no radios and
 * checkbox lists, answering the outcome of a change, and ending the
 * sessions a change made stale. */

#define ADMIN_REASON_MAX	1000

int		 admin_id_param(struct req *, long long *id);
int		 admin_id_value(const char *s, long long *id);
int		 admin_code_valid(const char *s, char extra);
int		 admin_yes_no(struct req *, const char *name, struct form_errors *,
		    const char *field, const char *missing);
const char	*admin_reason(struct req *, const char *field, int required,
		    struct form_errors *);
long long	*admin_ids(struct req *, const char *name, size_t *n);
int		 admin_yes_no_dict(struct view_dict *, const char *prefix, int value);
const char	*admin_role_kinds(struct req *, const struct role *);
void		 admin_revoke_sessions(struct req *, const struct admin_revoke *);
int		 admin_failed(struct req *, enum admin_rc, const char *what);
void		 admin_done(struct req *, const char *message, const char *location);

#endif
