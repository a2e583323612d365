#ifndef DOMAIN_POINT_CHECK_H
#define DOMAIN_POINT_CHECK_H

/* The one reading of a point sent as text (the form's map picker,
 * Open311's lat and long): the same verdict on both channels, and the
 * same words for a person when it is refused. */

#define POINT_WORDS	"The place given is not a point on the map: its latitude " \
			"must be from -90 to 90 and its longitude from -180 to 180, " \
			"in decimal degrees"

const char	*point_parse(const char *lon, const char *lat, double *, double *);

#endif
