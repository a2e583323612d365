#ifndef API_LOCATION_INPUT_H
#define API_LOCATION_INPUT_H

struct json_object;
struct problem_fields;
struct req;

/*
 * A location in a CAD API body (README "CAD API"), one of
 *   {"lat": 51.515, "lon": -0.092}              WGS 84
 *   {"easting": 532500, "northing": 181300}     British National Grid
 *   {"address": "1 Wood Street", "postcode": "EC2V 7HH"}
 * and an address may go with a point. The numbers' checks need no
 * database; a grid point is turned into degrees by the caller
 * (domain/api_incident.h bng_to_wgs84), then placed by the domain.
 *
 * The same reading for every body that carries a location (PATCH here;
 * the create body's reader should call this one too).
 */

#define API_UK_LAT_MIN	49.0
#define API_UK_LAT_MAX	61.0
#define API_UK_LON_MIN	(-9.0)
#define API_UK_LON_MAX	2.5
#define API_BNG_E_MAX	700000.0
#define API_BNG_N_MAX	1300000.0

struct api_location {
	int		 has_degrees;	/* lat and lon */
	double		 lat, lon;
	int		 has_grid;	/* easting and northing */
	double		 easting, northing;
	const char	*address, *postcode;	/* NULL when not given */
};

/* Reads the location object o, named path ("location") in its errors:
 * unknown_field, wrong_type, required (a half of a pair, or nothing at
 * all), out_of_range, swapped_coordinates, bng_as_degrees. 0, or -1 with
 * the errors added. */
int	api_location_read(struct req *, struct json_object *o, const char *path,
	    struct api_location *, struct problem_fields *);
/* The checks of a lat/lon pair alone: NULL when it passes, else the
 * problem's code, with the words for a person in *why. */
const char *api_degrees_check(double lat, double lon, const char **why);
const char *api_grid_check(double easting, double northing, const char **why);

#endif
