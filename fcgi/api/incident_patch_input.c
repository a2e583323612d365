/* Reading a PATCH body of the CAD API (api/incident_patch_input.h). The
 * location is read by api/location_input.c, as every body's is. */
#include <string.h>

#include <json-c/json.h>

#include "api/api_body.h"
#include "api/incident_patch_input.h"
#include "api/problem.h"
#include "core/arena.h"
#include "domain/api_incident.h"
#include "domain/api_mapping.h"
#include "http/request.h"

/* A client code through a mapping: the Concord code, or NULL with an
 * unmapped_code error naming it. */
static const char *
code_map(struct req *r, const struct api_mapping *m, const char *field, const char *code,
    const char *(*map)(const struct api_mapping *, const char *),
    struct problem_fields *errs)
{
	const char *to = map(m, code);

	if (to == NULL)
		problem_field_add(errs, field, "unmapped_code", arena_printf(r->arena,
		    "\"%s\" is not one of the client's mapped %s codes", code,
		    strcmp(field, "type") == 0 ? "type" : "status"));
	return to;
}

int
api_patch_read(struct req *r, const struct api_mapping *m, struct json_object *body,
    struct api_patch *p, struct api_location *loc, struct problem_fields *errs)
{
	const char *log_name = api_mapping_field(m, "log_number"), *code;
	const char *const known[] = { "description", log_name, "status", "type",
	    "occurred_at", "location", "extensions", NULL };
	struct json_object *where = NULL;
	size_t before = errs->n + errs->dropped;

	memset(p, 0, sizeof(*p));
	memset(loc, 0, sizeof(*loc));
	api_members_known(r, body, "", known, errs);
	api_member_string(r, body, "description", "description", &p->description, errs);
	api_member_string(r, body, log_name, log_name, &p->log_number, errs);
	api_member_string(r, body, "occurred_at", "occurred_at", &p->occurred_at, errs);
	if (api_member_string(r, body, "status", "status", &code, errs) == 1)
		p->status = code_map(r, m, "status", code, api_mapping_status, errs);
	if (api_member_string(r, body, "type", "type", &code, errs) == 1)
		p->type_code = code_map(r, m, "type", code, api_mapping_type, errs);
	if (api_member_object(r, body, "location", "location", &where, errs) == 1)
		api_location_read(r, where, "location", loc, errs);
	api_member_object(r, body, "extensions", "extensions", &p->extensions, errs);
	p->address = loc->address;
	p->postcode = loc->postcode;
	return errs->n + errs->dropped > before ? -1 : 0;
}
