#ifndef GEO_GEOJSON_AREAS_H
#define GEO_GEOJSON_AREAS_H

#include <stddef.h>

struct area_set;

/* Reads a GeoJSON FeatureCollection, Feature or bare geometry (Polygon,
 * MultiPolygon, GeometryCollection) from text into set: each feature's
 * properties that are text or numbers as fields, its polygons as rings.
 * Returns 0, or -1 with a message in err naming the file, the line (for
 * JSON that does not parse) or the feature. */
int	geojson_areas_read(struct area_set *, const char *file, const char *text,
	    size_t len, char *err, size_t errlen);

#endif
