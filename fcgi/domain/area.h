#ifndef DOMAIN_AREA_H
#define DOMAIN_AREA_H

struct pg;

#define AREA_CODE_MAX	64
#define AREA_NAME_MAX	256

/* A police beat or a council area (reference data: no row security). */
struct area_ref {
	long long	 id;		/* 0: none */
	long long	 agency_id;	/* the force, or the council */
	char		 code[AREA_CODE_MAX];
	char		 name[AREA_NAME_MAX];
};

/* Where a point is, for allocation and for the public form. */
struct area_location {
	struct area_ref	 beat;		/* the beat it is in; id 0 when none */
	struct area_ref	 area;		/* the council area it is in; id 0 when none */
	int		 in_partnership;
	/* Outside the partnership: the council whose area it is in, to
	 * report it to instead ("Hackney Council"); "" when none is known
	 * (the river, or beyond every area loaded). */
	char		 council[AREA_NAME_MAX];
};

enum area_result {
	AREA_OK,		/* located, even if in no beat or area */
	AREA_BAD_POINT,		/* not a longitude and latitude */
	AREA_ERROR,		/* the database failed: pg_error says why */
};

extern const struct pg_stmts area_statements;

int	area_point_valid(double lon, double lat);
enum area_result area_locate(struct pg *, double lon, double lat,
	    struct area_location *);

#endif
