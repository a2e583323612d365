/* A CAD client's code mappings (domain/api_mapping.h). */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>
#include <libpq-fe.h>

#include "domain/api_mapping.h"
#include "store/pg.h"

static const char *const statuses[] = {
	"new", "open", "allocated", "in_progress", "monitoring", "closed", NULL
};
static const char *const mapped_fields[] = { "log_number", "caller", NULL };

static const struct pg_stmt stmts[] = {
	{ "api_mapping_types",
	  "SELECT c FROM jsonb_array_elements_text($1::jsonb) AS c WHERE NOT EXISTS (SELECT 1 FROM "
	  "asb_type t WHERE t.code = c AND t.active) LIMIT 1" },
};

const struct pg_stmts api_mapping_statements = { stmts, sizeof(stmts) / sizeof(stmts[0]) };

static int
listed(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* member of root as an object of strings (or absent). 0, or -1 with err. */
static int
string_map(struct json_object *root, const char *member, struct json_object **out,
    char *err, size_t errlen)
{
	struct json_object *o;

	*out = NULL;
	if (!json_object_object_get_ex(root, member, &o) || o == NULL)
		return 0;
	if (!json_object_is_type(o, json_type_object)) {
		snprintf(err, errlen, "\"%s\" must be an object", member);
		return -1;
	}
	json_object_object_foreach(o, k, v) {
		if (*k == '\0' || strlen(k) > 100 || !json_object_is_type(v, json_type_string) ||
		    json_object_get_string_len(v) == 0) {
			snprintf(err, errlen, "\"%s\": every code must map to a text value",
			    member);
			return -1;
		}
	}
	*out = o;
	return 0;
}

int
api_mapping_parse(const char *text, struct api_mapping *m, char *err, size_t errlen)
{
	struct json_tokener *tok;
	enum json_tokener_error e;

	memset(m, 0, sizeof(*m));
	err[0] = '\0';
	if (text == NULL || *text == '\0')
		return 0;
	if (strlen(text) > API_MAPPING_MAX) {
		snprintf(err, errlen, "the mappings are longer than %d bytes", API_MAPPING_MAX);
		return -1;
	}
	if ((tok = json_tokener_new_ex(16)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	m->root = json_tokener_parse_ex(tok, text, (int)strlen(text));
	e = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (m->root == NULL || e != json_tokener_success) {
		snprintf(err, errlen, "the mappings are not JSON: %s",
		    json_tokener_error_desc(e));
		return -1;
	}
	if (!json_object_is_type(m->root, json_type_object)) {
		snprintf(err, errlen, "the mappings must be a JSON object");
		return -1;
	}
	json_object_object_foreach(m->root, k, v) {
		(void)v;
		if (strcmp(k, "types") != 0 && strcmp(k, "statuses") != 0 &&
		    strcmp(k, "defaults") != 0 && strcmp(k, "fields") != 0) {
			snprintf(err, errlen, "unknown member \"%s\" (types, statuses, "
			    "defaults, fields)", k);
			return -1;
		}
	}
	if (string_map(m->root, "types", &m->types, err, errlen) == -1 ||
	    string_map(m->root, "statuses", &m->statuses, err, errlen) == -1 ||
	    string_map(m->root, "fields", &m->fields, err, errlen) == -1)
		return -1;
	if (json_object_object_get_ex(m->root, "defaults", &m->defaults) &&
	    !json_object_is_type(m->defaults, json_type_object)) {
		snprintf(err, errlen, "\"defaults\" must be an object");
		return -1;
	}
	if (m->statuses != NULL) {
		json_object_object_foreach(m->statuses, code, to) {
			if (!listed(statuses, json_object_get_string(to))) {
				snprintf(err, errlen, "statuses: \"%s\" maps to \"%s\", which "
				    "is not a status (new, open, allocated, in_progress, "
				    "monitoring, closed)", code, json_object_get_string(to));
				return -1;
			}
		}
	}
	if (m->fields != NULL) {
		json_object_object_foreach(m->fields, f, name) {
			(void)name;
			if (!listed(mapped_fields, f)) {
				snprintf(err, errlen, "fields: \"%s\" cannot be renamed "
				    "(log_number, caller)", f);
				return -1;
			}
		}
	}
	return 0;
}

void
api_mapping_free(struct api_mapping *m)
{
	json_object_put(m->root);
	memset(m, 0, sizeof(*m));
}

int
api_mapping_check(struct pg *pg, const struct api_mapping *m, char *err, size_t errlen)
{
	struct json_object *codes;
	const char *p[1];
	PGresult *res;
	int rc;

	err[0] = '\0';
	if (m->types == NULL)
		return 0;
	if ((codes = json_object_new_array()) == NULL)
		return -1;
	json_object_object_foreach(m->types, k, v) {
		(void)k;
		json_object_array_add(codes, json_object_get(v));
	}
	p[0] = json_object_to_json_string_ext(codes, JSON_C_TO_STRING_PLAIN);
	res = pg_exec(pg, "api_mapping_types", 1, p);
	json_object_put(codes);
	if (res == NULL)
		return -1;
	rc = PQntuples(res) > 0;
	if (rc)
		snprintf(err, errlen, "types: \"%s\" is not an active ASB type code",
		    PQgetvalue(res, 0, 0));
	PQclear(res);
	return rc;
}

static const char *
map_get(struct json_object *map, const char *key)
{
	struct json_object *v;

	if (map == NULL || key == NULL || !json_object_object_get_ex(map, key, &v))
		return NULL;
	return json_object_get_string(v);
}

static const char *
map_find(struct json_object *map, const char *value)
{
	if (map == NULL || value == NULL)
		return NULL;
	json_object_object_foreach(map, k, v)
		if (strcmp(json_object_get_string(v), value) == 0)
			return k;
	return NULL;
}

const char *
api_mapping_type(const struct api_mapping *m, const char *code)
{
	return map_get(m->types, code);
}

const char *
api_mapping_status(const struct api_mapping *m, const char *code)
{
	return map_get(m->statuses, code);
}

const char *
api_mapping_type_code(const struct api_mapping *m, const char *asb_code)
{
	return map_find(m->types, asb_code);
}

const char *
api_mapping_status_code(const struct api_mapping *m, const char *status)
{
	return map_find(m->statuses, status);
}

const char *
api_mapping_field(const struct api_mapping *m, const char *field)
{
	const char *name = map_get(m->fields, field);

	return name != NULL ? name : field;
}

struct json_object *
api_mapping_default(const struct api_mapping *m, const char *field)
{
	struct json_object *v;

	if (m->defaults == NULL || !json_object_object_get_ex(m->defaults, field, &v))
		return NULL;
	return v;
}
