/* The CAD API's JSON bodies (api/api_body.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "api/api_body.h"
#include "api/incident_input.h"
#include "api/problem.h"
#include "core/arena.h"
#include "http/request.h"

int
api_body_object(struct req *r, struct json_object **out)
{
	struct api_body_error err;

	if (api_body_parse(r->content_type, r->body, r->body_len, out, &err) == -1) {
		problem_send(r, err.status, err.code, err.title, err.detail);
		return 0;
	}
	return 1;
}

static const char *
type_words(enum json_type t)
{
	switch (t) {
	case json_type_string:
		return "This must be text";
	case json_type_object:
		return "This must be an object";
	default:
		return "This must be a number";
	}
}

/* Member key of o of type t (double: an int too): 1, 0 absent or null,
 * -1 wrong (error added). */
static int
member(struct req *r, struct json_object *o, const char *key, const char *path,
    enum json_type t, struct json_object **v, struct problem_fields *errs)
{
	int ok;

	if (!json_object_object_get_ex(o, key, v) || *v == NULL)
		return 0;
	ok = json_object_is_type(*v, t) || (t == json_type_double &&
	    json_object_is_type(*v, json_type_int));
	if (ok)
		return 1;
	problem_field_add(errs, path != NULL ? path : arena_strdup(r->arena, key),
	    "wrong_type", type_words(t));
	return -1;
}

int
api_member_string(struct req *r, struct json_object *o, const char *key,
    const char *path, const char **out, struct problem_fields *errs)
{
	struct json_object *v;
	int rc = member(r, o, key, path, json_type_string, &v, errs);

	if (rc == 1)
		*out = json_object_get_string(v);
	return rc;
}

int
api_member_number(struct req *r, struct json_object *o, const char *key,
    const char *path, double *out, struct problem_fields *errs)
{
	struct json_object *v;
	int rc = member(r, o, key, path, json_type_double, &v, errs);

	if (rc == 1)
		*out = json_object_get_double(v);
	return rc;
}

int
api_member_object(struct req *r, struct json_object *o, const char *key,
    const char *path, struct json_object **out, struct problem_fields *errs)
{
	struct json_object *v;
	int rc = member(r, o, key, path, json_type_object, &v, errs);

	if (rc == 1)
		*out = v;
	return rc;
}

const char *
api_path(struct req *r, const char *prefix, const char *key)
{
	const char *s = arena_printf(r->arena, "%s%s", prefix, key);

	/* Out of memory, the error still names the member. */
	return s != NULL ? s : key;
}

void
api_members_known(struct req *r, struct json_object *o, const char *prefix,
    const char *const *known, struct problem_fields *errs)
{
	const char *const *k;

	json_object_object_foreach(o, key, v) {
		(void)v;
		for (k = known; *k != NULL && strcmp(*k, key) != 0; k++)
			;
		if (*k == NULL)
			problem_field_add(errs, api_path(r, prefix, key), "unknown_field",
			    "This field is not one the API takes");
	}
}

void
api_fields_send(struct req *r, const struct problem_fields *errs)
{
	const char *code = errs->n > 0 ? errs->items[0].code : "invalid_fields";
	size_t i;

	for (i = 1; i < errs->n; i++)
		if (strcmp(errs->items[i].code, code) != 0)
			code = "invalid_fields";
	problem_send_fields(r, 422, code, "Some fields of the body cannot be taken.",
	    errs);
}
