#ifndef DOMAIN_AREA_H
#define DOMAIN_AREA_H

struct arena;
struct pg;
struct pg_result;

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

/* Among overlapping areas: in one of our beats, our council's area
 * (covering the point, or else the nearest within AREA_NEAR); otherwise
 * the area covering the point, a core partner's first. lon and lat are SQL expressions (such
 * as "$1"); one row of AREA_COLUMNS, read by area_row. A statement that
 * needs the place and more in one round trip embeds it. AREA_NEAR: how
 * far (in degrees, about 350 m east-west and 550 m north-south in London)
 * from a point in one of our beats to look for our council's area when
 * the coarse outline just misses the point. */
#define AREA_NEAR	"0.005"
#define AREA_COLUMNS	11
#define AREA_LOCATE_SQL(lon, lat)					\
	"WITH p AS (SELECT ST_SetSRID(ST_MakePoint(" lon "::float8, "	\
	lat "::float8), 4326) AS pt) "					\
	"SELECT b.id, b.agency_id, b.code, b.name, coalesce(b.core, false), " \
	"a.id, a.agency_id, a.code, a.name, coalesce(ag.core_partner AND ag.active, false), " \
	"ag.name "							\
	"FROM p "							\
	"LEFT JOIN LATERAL (SELECT x.id, x.agency_id, x.code, x.name, "	\
	"  g.core_partner AND g.active AS core "			\
	"  FROM beat x JOIN agency g ON g.id = x.agency_id "		\
	"  WHERE x.retired_at IS NULL AND ST_Covers(x.geom, p.pt) "	\
	"  ORDER BY g.core_partner AND g.active DESC, x.id LIMIT 1) b ON true " \
	"LEFT JOIN LATERAL (SELECT coalesce("				\
	"  CASE WHEN b.core THEN (" AREA_CORE_SQL("ST_Covers(l.geom, p.pt)", "l.id") ") END, " \
	"  CASE WHEN b.core THEN (" AREA_CORE_SQL("ST_DWithin(l.geom, p.pt, " AREA_NEAR ")", \
	"ST_Distance(l.geom, p.pt), l.id") ") END, "			\
	"  (SELECT l.id FROM la_area l JOIN agency g ON g.id = l.agency_id " \
	"  WHERE l.retired_at IS NULL AND ST_Covers(l.geom, p.pt) "	\
	"  ORDER BY g.core_partner AND g.active DESC, l.id LIMIT 1)) AS id) ai ON true " \
	"LEFT JOIN la_area a ON a.id = ai.id "				\
	"LEFT JOIN agency ag ON ag.id = a.agency_id"
/* A core partner's current council area where cond holds, the first by
 * order (for AREA_LOCATE_SQL: each look-up runs only when the one before
 * found nothing, so the distance is measured only near a boundary). */
#define AREA_CORE_SQL(cond, order)					\
	"SELECT l.id FROM la_area l JOIN agency g ON g.id = l.agency_id "	\
	"WHERE l.retired_at IS NULL AND g.core_partner AND g.active AND " cond \
	" ORDER BY " order " LIMIT 1"

extern const struct pg_stmts area_statements;

int	area_point_valid(double lon, double lat);
void	area_point_text(double lon, double lat, char x[32], char y[32]);
void	area_row(const struct pg_result *, struct area_location *);
enum area_result area_locate(struct pg *, double lon, double lat,
	    struct area_location *);
int	area_outline(struct pg *, struct arena *, const char **geojson);

#endif
