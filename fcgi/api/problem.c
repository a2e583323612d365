/* application/problem+json answers (api/problem.h). */
#include <stdio.h>

#include <json-c/json.h>

#include "api/problem.h"
#include "http/request.h"

void
problem_field_add(struct problem_fields *f, const char *field, const char *code,
    const char *message)
{
	if (f->n == PROBLEM_FIELDS_MAX) {
		f->dropped++;
		return;
	}
	f->items[f->n].field = field;
	f->items[f->n].code = code;
	f->items[f->n].message = message;
	f->n++;
}

static struct json_object *
field_object(const struct problem_field *e)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL)
		return NULL;
	json_object_object_add(o, "field", json_object_new_string(e->field));
	json_object_object_add(o, "code", json_object_new_string(e->code));
	json_object_object_add(o, "message", json_object_new_string(e->message));
	return o;
}

struct json_object *
problem_object(int status, const char *code, const char *title, const char *detail,
    const struct problem_fields *f)
{
	struct json_object *o = json_object_new_object(), *list;
	char type[128];
	size_t i;

	if (o == NULL)
		return NULL;
	snprintf(type, sizeof(type), "urn:concord:problem:%s", code);
	json_object_object_add(o, "type", json_object_new_string(type));
	json_object_object_add(o, "title", json_object_new_string(title));
	json_object_object_add(o, "status", json_object_new_int(status));
	json_object_object_add(o, "code", json_object_new_string(code));
	if (detail != NULL)
		json_object_object_add(o, "detail", json_object_new_string(detail));
	if (f != NULL) {
		if ((list = json_object_new_array()) == NULL) {
			json_object_put(o);
			return NULL;
		}
		for (i = 0; i < f->n; i++)
			json_object_array_add(list, field_object(&f->items[i]));
		json_object_object_add(o, "errors", list);
		if (f->dropped > 0)
			json_object_object_add(o, "errors_not_shown",
			    json_object_new_int64((int64_t)f->dropped));
	}
	return o;
}

static void
send_object(struct req *r, int status, struct json_object *o)
{
	if (o == NULL) {
		resp_text(r, 500, "Out of memory.");
		return;
	}
	resp_json(r, status, o);
	r->resp.content_type = "application/problem+json";
	json_object_put(o);
}

void
problem_send(struct req *r, int status, const char *code, const char *title,
    const char *detail)
{
	send_object(r, status, problem_object(status, code, title, detail, NULL));
}

void
problem_send_fields(struct req *r, int status, const char *code, const char *title,
    const struct problem_fields *f)
{
	send_object(r, status, problem_object(status, code, title, NULL, f));
}

void
problem_unavailable(struct req *r)
{
	problem_send(r, 503, "unavailable", "The API is unavailable at the moment.",
	    "Try again in a minute.");
}
