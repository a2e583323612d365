#ifndef API_INCIDENT_PATCH_INPUT_H
#define API_INCIDENT_PATCH_INPUT_H

#include "api/location_input.h"

struct api_mapping;
struct api_patch;
struct json_object;
struct problem_fields;
struct req;

/* A PATCH body (README "CAD API") into a change in Concord's terms: the
 * log number under the client's name for it, status and type as its
 * codes (an unmapped one refused by name), the location as
 * api/location_input.h reads it (left in loc: a grid point is the
 * caller's to convert), extensions any object. 0, or -1 with the errors
 * added. Strings point into body. */
int	api_patch_read(struct req *, const struct api_mapping *, struct json_object *body,
	    struct api_patch *, struct api_location *loc, struct problem_fields *);

#endif
