#ifndef PAGES_ADMIN_ROUTING_H
#define PAGES_ADMIN_ROUTING_H

#include <stddef.h>

struct form_errors;
struct kvlist;
struct req;
struct routing_rule;
struct rule_refs;
struct rule_words;
struct view_dict;

/* What the routing rules pages share (pages/admin_routing.c, the list,
 * the triage queue, moving and deleting; admin_routing_form.c, adding and
 * changing a rule; admin_routing_try.c, the "try it" box). */

int	routing_words(struct req *, const struct kvlist *, const char *name,
	    struct rule_words *);
int	routing_check_item(struct req *, struct view_dict *, const char *section,
	    const char *name, size_t *k, const char *value, const char *label,
	    int checked);
int	routing_conditions_dict(struct req *, struct view_dict *,
	    const struct routing_rule *, const struct rule_refs *);
int	routing_try_dict(struct req *, struct view_dict *, const struct rule_refs *,
	    struct form_errors *);

#endif
