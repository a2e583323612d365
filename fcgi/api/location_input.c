/* A location in a CAD API body (api/location_input.h): which of the
 * three forms it is, and whether its numbers can be a place in the UK —
 * the mistakes a CAD integration makes (the pair swapped, grid metres
 * sent as degrees) named as such. */
#include <string.h>

#include <json-c/json.h>

#include "api/api_body.h"
#include "api/location_input.h"
#include "api/problem.h"
#include "http/request.h"

static const char *const members[] = {
	"lat", "lon", "easting", "northing", "address", "postcode", NULL
};

static int
in_uk(double lat, double lon)
{
	return lat >= API_UK_LAT_MIN && lat <= API_UK_LAT_MAX &&
	    lon >= API_UK_LON_MIN && lon <= API_UK_LON_MAX;
}

const char *
api_grid_check(double e, double n, const char **why)
{
	if (e >= 0 && e <= API_BNG_E_MAX && n >= 0 && n <= API_BNG_N_MAX)
		return NULL;
	*why = "An easting must be from 0 to 700000 and a northing from 0 to "
	    "1300000 metres (British National Grid)";
	return "out_of_range";
}

const char *
api_degrees_check(double lat, double lon, const char **why)
{
	const char *ignored;

	if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
		if (api_grid_check(lon, lat, &ignored) == NULL ||
		    api_grid_check(lat, lon, &ignored) == NULL) {
			*why = "These look like British National Grid metres: send them "
			    "as easting and northing";
			return "bng_as_degrees";
		}
		*why = "A latitude must be from -90 to 90 and a longitude from -180 "
		    "to 180 degrees";
		return "out_of_range";
	}
	if (in_uk(lat, lon))
		return NULL;
	if (in_uk(lon, lat)) {
		*why = "The latitude and longitude are the wrong way round";
		return "swapped_coordinates";
	}
	*why = "The place is not in the United Kingdom";
	return "out_of_range";
}

/* A pair of numbers a and b: 1 both, 0 neither, -1 errors added. */
static int
pair_read(struct req *r, struct json_object *o, const char *path, const char *ka,
    const char *kb, double *a, double *b, struct problem_fields *errs)
{
	int ha = api_member_number(r, o, ka, api_path(r, path, ka), a, errs);
	int hb = api_member_number(r, o, kb, api_path(r, path, kb), b, errs);

	if (ha == -1 || hb == -1)
		return -1;
	if (ha != hb) {
		problem_field_add(errs, api_path(r, path, ha ? kb : ka), "required",
		    "Give both halves of the point");
		return -1;
	}
	return ha;
}

int
api_location_read(struct req *r, struct json_object *o, const char *path,
    struct api_location *loc, struct problem_fields *errs)
{
	const char *prefix = api_path(r, path, "."), *code, *why;
	size_t before = errs->n + errs->dropped;
	int deg, grid;

	memset(loc, 0, sizeof(*loc));
	api_members_known(r, o, prefix, members, errs);
	deg = pair_read(r, o, prefix, "lat", "lon", &loc->lat, &loc->lon, errs);
	grid = pair_read(r, o, prefix, "easting", "northing", &loc->easting,
	    &loc->northing, errs);
	if (api_member_string(r, o, "address", api_path(r, prefix, "address"),
	    &loc->address, errs) == -1 ||
	    api_member_string(r, o, "postcode", api_path(r, prefix, "postcode"),
	    &loc->postcode, errs) == -1)
		return -1;
	if (deg == 1 && grid == 1)
		problem_field_add(errs, path, "invalid", "Give the point either as lat "
		    "and lon or as easting and northing, not both");
	else if (deg == 1 && (code = api_degrees_check(loc->lat, loc->lon, &why)) != NULL)
		problem_field_add(errs, api_path(r, prefix, "lat"), code, why);
	else if (grid == 1 && (code = api_grid_check(loc->easting, loc->northing,
	    &why)) != NULL)
		problem_field_add(errs, api_path(r, prefix, "easting"), code, why);
	else if (deg == 0 && grid == 0 && loc->address == NULL && loc->postcode == NULL)
		problem_field_add(errs, path, "required", "Give a point, an address or "
		    "a postcode");
	loc->has_degrees = deg == 1;
	loc->has_grid = grid == 1;
	return errs->n + errs->dropped > before ? -1 : 0;
}
