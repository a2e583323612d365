#ifndef API_API_BODY_H
#define API_API_BODY_H

#include <stddef.h>

struct json_object;
struct problem_fields;
struct req;

/* Reading the CAD API's JSON bodies (README "CAD API"): the body's own
 * checks, answered as problems, then the members of an object by JSON
 * path, each field error added to a list for one 422. */


/* The body as a JSON object (owned by the caller): 1, or 0 when a problem
 * was sent — 415 unsupported_media_type, 413 body_too_large, 400
 * invalid_utf8, json_too_deep or invalid_json (the byte offset in its
 * detail), 422 wrong_type when it is not an object. */
int	api_body_object(struct req *, struct json_object **out);

/* Member key of o, named path in errors: 1 and *out when given (JSON null
 * counts as not given), 0 when absent, -1 when of another type (a
 * wrong_type error added). */
int	api_member_string(struct req *, struct json_object *o, const char *key,
	    const char *path, const char **out, struct problem_fields *);
int	api_member_number(struct req *, struct json_object *o, const char *key,
	    const char *path, double *out, struct problem_fields *);
int	api_member_object(struct req *, struct json_object *o, const char *key,
	    const char *path, struct json_object **out, struct problem_fields *);
/* Adds an unknown_field error for each member of o not in known
 * (NULL-terminated); prefix "" or the object's path ("location."). */
void	api_members_known(struct req *, struct json_object *o, const char *prefix,
	    const char *const *known, struct problem_fields *);
/* Answers 422 with the field errors: the problem's code is theirs when
 * they share one, else invalid_fields. */
void	api_fields_send(struct req *, const struct problem_fields *);
/* path.key, in the request's arena. */
const char *api_path(struct req *, const char *prefix, const char *key);

#endif
