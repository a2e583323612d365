#ifndef GEO_AREA_SET_H
#define GEO_AREA_SET_H

#include <stddef.h>

struct arena;
struct buf;

/* Areas read from boundary files (GeoJSON or KML), before any database:
 * each feature's fields as text and its polygons as rings of longitude,
 * latitude pairs. Everything lives in the set's arena. */

#define AREA_SET_ERR	512	/* room for one message */
#define AREA_SET_FILES	4096	/* files in one import */

struct area_ring {
	double		*xy;		/* x0, y0, x1, y1, ... */
	size_t		 n;		/* positions */
};

/* A polygon: the outer ring, then its holes. */
struct area_poly {
	struct area_ring *rings;
	size_t		 nrings, cap;
};

/* A field of a feature: a GeoJSON property, a KML name or ExtendedData. */
struct area_field {
	const char	*key;
	const char	*value;
};

struct area_feature {
	const char	*file;		/* the file it came from */
	size_t		 index;		/* 1-based, within its file */
	struct area_field *fields;
	size_t		 nfields, fields_cap;
	struct area_poly *polys;
	size_t		 npolys, polys_cap;
	size_t		 closed;	/* rings closed by the reader */
	size_t		 skipped;	/* points and lines beside the polygons */
	const char	*other;		/* the first of those: "Point" ... */
	const char	*code, *name;	/* set by area_set_pick */
};

struct area_set {
	struct arena	*arena;
	struct area_feature *f;
	size_t		 n, cap;
};

/* What to take an area's code and name from. */
struct area_pick {
	const char	*code_field;	/* NULL with code_from_file */
	int		 code_from_file;	/* the file's name, less its extension */
	const char	*name_field;	/* NULL: the name is the code */
};

enum area_format { AREA_FORMAT_UNKNOWN, AREA_FORMAT_GEOJSON, AREA_FORMAT_KML };

int	 area_set_init(struct area_set *);
void	 area_set_free(struct area_set *);

/* The format of a file from its first bytes (not its name). */
enum area_format area_format_sniff(const char *text, size_t len);

/* Reads one file of either format into set. Returns 0, or -1 with a
 * message in err (naming the file and, where it can, the feature). */
int	 area_set_read(struct area_set *, const char *file, const char *text,
	    size_t len, char *err, size_t errlen);

/* For the readers: a new feature of file, a field, a polygon, a ring
 * (copied). NULL or -1 when memory runs out. */
struct area_feature *area_feature_add(struct area_set *, const char *file,
	    size_t index);
int	 area_field_add(struct area_set *, struct area_feature *, const char *key,
	    size_t keylen, const char *value, size_t valuelen);
struct area_poly *area_poly_add(struct area_set *, struct area_feature *);
int	 area_ring_add(struct area_set *, struct area_poly *, const double *xy,
	    size_t n, size_t *closed);

/* The value of a field, or NULL. */
const char *area_field(const struct area_feature *, const char *key);

/* "00ABFX.kml feature 3 (E05009288 Aldersgate)", as far as known. */
void	 area_feature_label(const struct area_feature *, char *out, size_t len);

/* Sets every feature's code and name, and refuses a missing field (saying
 * which fields there are), an empty, too long or duplicate code, or an
 * empty or too long name. Returns 0, or -1 with err. */
int	 area_set_pick(struct area_set *, const struct area_pick *, char *err,
	    size_t errlen);

/* Refuses a set with no polygons, a feature with none (naming what it
 * has instead), and coordinates that are not longitude, latitude in degrees, naming
 * what they look like: British National Grid metres, latitude first, ...
 * Returns 0, or -1 with err. */
int	 area_set_coords_check(const struct area_set *, char *err, size_t errlen);

/* The feature's polygons as a GeoJSON MultiPolygon into b. Returns 0, or
 * -1 when memory runs out. */
int	 area_feature_geojson(const struct area_feature *, struct buf *b);

/* Positions in all the set's rings. */
size_t	 area_set_positions(const struct area_set *);

#endif
