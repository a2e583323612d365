#ifndef GEO_KML_AREAS_H
#define GEO_KML_AREAS_H

#include <stddef.h>

struct area_set;

/* Reads a KML document (2.0 to 2.3, any namespace) from text into set:
 * each Placemark a feature, its <name> the field "name" and its
 * ExtendedData (Data/value and SchemaData/SimpleData) fields by their
 * name attribute; its Polygons, also within MultiGeometry, as rings
 * (outerBoundaryIs, then innerBoundaryIs) of "lon,lat[,alt]" tuples.
 * Returns 0, or -1 with a message in err naming the file and the line or
 * the Placemark. */
int	kml_areas_read(struct area_set *, const char *file, const char *text,
	    size_t len, char *err, size_t errlen);

#endif
