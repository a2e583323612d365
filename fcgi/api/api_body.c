/* The CAD API's JSON bodies (api/api_body.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "api/api_body.h"
#include "api/problem.h"
#include "core/arena.h"
#include "http/request.h"

/* Whether the body is declared JSON: application/json, any parameters
 * (charset) after it. */
static int
json_declared(const char *ct)
{
	size_t n = strlen("application/json");

	return ct != NULL && strncasecmp(ct, "application/json", n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int
api_body_object(struct req *r, struct json_object **out)
{
	struct json_tokener *tok;
	enum json_tokener_error e;
	struct json_object *o;
	const char *detail;
	size_t end;

	*out = NULL;
	if (!json_declared(r->content_type)) {
		problem_send(r, 415, "unsupported_media_type", "The body must be JSON.",
		    "Send Content-Type: application/json.");
		return 0;
	}
	if (r->body_len > API_BODY_MAX) {
		problem_send(r, 413, "body_too_large", "The request body is too large.",
		    "At most 256 KiB.");
		return 0;
	}
	if ((tok = json_tokener_new_ex(API_JSON_DEPTH)) == NULL) {
		problem_send(r, 500, "internal", "Out of memory.", NULL);
		return 0;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	o = json_tokener_parse_ex(tok, r->body != NULL ? r->body : "", (int)r->body_len);
	e = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	/* Anything after the value, or a value cut short, is not JSON. */
	if (e == json_tokener_success && end < r->body_len)
		e = json_tokener_error_parse_unexpected;
	else if (e == json_tokener_continue)
		e = json_tokener_error_parse_eof;
	if (e != json_tokener_success) {
		json_object_put(o);
		if (e == json_tokener_error_depth) {
			problem_send(r, 400, "json_too_deep", "The JSON is nested too deeply.",
			    "At most 16 levels.");
		} else if (e == json_tokener_error_parse_utf8_string) {
			problem_send(r, 400, "invalid_utf8", "The body is not valid UTF-8.",
			    arena_printf(r->arena, "At byte %zu.", end));
		} else {
			detail = arena_printf(r->arena, "At byte %zu: %s.", end,
			    json_tokener_error_desc(e));
			problem_send(r, 400, "invalid_json", "The body is not valid JSON.",
			    detail);
		}
		return 0;
	}
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		problem_send(r, 422, "wrong_type", "The body must be a JSON object.", NULL);
		return 0;
	}
	*out = o;
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
