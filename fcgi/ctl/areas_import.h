/* concordctl areas import, between its files: the command line and the
 * import under way (ctl/areas_import.c), whose agencies and teams
 * ctl/areas_owners.c finds or makes. */
#ifndef CTL_AREAS_IMPORT_H
#define CTL_AREAS_IMPORT_H

#include "ctl/areas.h"
#include "geo/area_set.h"
#include "store/pg.h"

struct json_object;

/* --area-agency AREA=CODE */
struct agency_map {
	const char	*area;
	const char	*agency;
	int		 used;
};

struct import_args {
	int			 beats;		/* --kind beat; else council-area */
	struct area_pick	 pick;
	const char		*agency;	/* --agency */
	struct agency_map	 map[AREAS_MAP_MAX];
	size_t			 nmap;
	int			 create_councils;
	const char		*team;		/* --team */
	double			 sliver_m2;
	int			 check;		/* --check: write nothing */
	char			**files;
	size_t			 nfiles;
};

/* An agency the import has looked up or created. */
struct agency_seen {
	char		 code[40];
	long long	 id;
	int		 named;		/* by --agency or --area-agency */
	long long	 team_id;	/* --team in it: 0 not looked up, -1 none */
};

struct import {
	struct import_args	*args;
	struct area_set		*set;
	struct pg		*pg;
	struct agency_seen	*seen;
	size_t			 nseen;
	long long		*agency_of, *team_of;	/* per feature */
	const char		**team_code;		/* derived, per feature */
	struct json_object	*report, *created, *teams_created, *no_team;
	int			 teams_reused;	/* beats' own teams already there */
	int			 with_team;	/* areas given a team */
	double			 t0;		/* when it began, in ms */
};

extern const struct pg_stmts areas_owner_statements;

/* Every area's agency (created with --create-councils when missing) and
 * team, into im->agency_of and im->team_of. Returns 0, or -1 after a
 * message. */
int	areas_owners(struct import *);

/* Prints the database's error; returns -1. */
int	areas_db_fail(struct import *);

#endif
