#ifndef DOMAIN_ROUTING_RULE_H
#define DOMAIN_ROUTING_RULE_H

#include <stddef.h>

#include "domain/admin.h"
#include "domain/routing.h"

struct actor;
struct arena;
struct pg;

/* Routing rules as an administrator edits them (/admin/routing). The
 * rules are tried in order of position; what they mean is SQL's alone
 * (allocation_plan, sql/migrations/0041_allocation.sql): a rule matches
 * when every condition it has holds (an empty list is no condition;
 * within a list any value will do; every flag listed must be raised), and
 * every matching rule adds its teams, up to and including the first
 * matching rule that says stop (domain/routing.c, route_plan, is the one
 * place that applies them). Deleting a rule keeps its row (deleted_at),
 * so that an allocation still names its rule; the positions of the rules
 * left are 1 to n with no gap. Each change is audited ("routing_rule"). */

#define RULE_NAME_MAX	200

/* A list of codes, and a list of ids. */
struct rule_words {
	const char	**v;
	size_t		  n;
};

struct rule_ids {
	long long	*v;
	size_t		 n;
};

struct routing_rule {
	long long		 id;
	int			 position;
	const char		*name;
	struct rule_words	 types;		/* asb_type codes */
	struct rule_words	 categories;	/* asb_categories codes */
	struct rule_words	 flags;		/* route_flag_names */
	struct rule_words	 channels;	/* rule_channels codes */
	struct rule_ids		 agencies;	/* the reporting agency */
	struct rule_words	 areas;		/* a beat's or a council area's code */
	struct rule_ids		 teams;		/* where it sends: 1 to 20 */
	int			 stop;
	const char		*version;	/* what it was when read, for the form */
};

/* A coded value and its words. */
struct rule_def {
	const char	*code;
	const char	*label;
};

#define RULE_CHANNELS_N	7
extern const struct rule_def rule_channels[RULE_CHANNELS_N];

const char	*rule_def_label(const struct rule_def *, size_t n, const char *code);
int		 rule_def_find(const struct rule_def *, size_t n, const char *code);

/* What a rule may name, read together: every type of the catalogue, every
 * agency, every team, the current beats and council areas, and the force
 * whose triage queue takes what no beat does (allocation_plan's: the
 * partnership's first core, active police agency). */
struct rule_type {
	long long	 id;
	const char	*code, *name, *category;
	int		 active;
};

struct rule_agency {
	long long	 id;
	const char	*name;
	int		 active;
};

struct rule_team {
	long long	 id, agency_id;
	const char	*name, *agency_name;
	int		 active;
};

struct rule_area {
	const char	*code, *name;
	int		 beat;		/* 1 a beat, 0 a council area */
	const char	*agency_name;
};

struct rule_refs {
	struct rule_type	*types;
	size_t			 ntypes;
	struct rule_agency	*agencies;
	size_t			 nagencies;
	struct rule_team	*teams;		/* by agency, then name */
	size_t			 nteams;
	struct rule_area	*areas;		/* beats, then council areas */
	size_t			 nareas;
	long long		 force_id;	/* 0: no force */
	const char		*force_name;
	long long		 triage_team_id;	/* 0: none */
};

const struct rule_type	 *rule_refs_type(const struct rule_refs *, const char *code);
const struct rule_agency *rule_refs_agency(const struct rule_refs *, long long id);
const struct rule_team	 *rule_refs_team(const struct rule_refs *, long long id);
const struct rule_area	 *rule_refs_area(const struct rule_refs *, const char *code);

extern const struct pg_stmts routing_rule_statements;

int		routing_rules_read(struct pg *, struct arena *, const struct actor *,
		    struct routing_rule **, size_t *n, struct rule_refs *);
int		routing_rule_get(struct pg *, struct arena *, const struct actor *,
		    long long id, struct routing_rule *, struct rule_refs *);
enum admin_rc	routing_rule_create(struct pg *, struct arena *, const struct actor *,
		    struct routing_rule *, const char *reason);
enum admin_rc	routing_rule_update(struct pg *, struct arena *, const struct actor *,
		    const struct routing_rule *, const char *reason);
enum admin_rc	routing_rule_delete(struct pg *, struct arena *, const struct actor *,
		    long long id, const char *reason, const char **name);
enum admin_rc	routing_rule_move(struct pg *, struct arena *, const struct actor *,
		    long long id, int up, const char **name, int *position);
enum admin_rc	routing_triage_set(struct pg *, const struct actor *, long long team_id);

#endif
