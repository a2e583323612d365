#ifndef DOMAIN_API_MAPPING_H
#define DOMAIN_API_MAPPING_H

#include <stddef.h>

struct json_object;
struct pg;

/*
 * A CAD client's code mappings (api_client.mappings):
 *
 *   {"types":    {"R12": "nuisance-gatherings", "N1": "noise"},
 *    "statuses": {"OPEN": "open", "ENRT": "in_progress", "CLSD": "closed"},
 *    "defaults": {"type": "R12"},
 *    "fields":   {"log_number": "incident_number", "caller": "informant"}}
 *
 * types: its incident type codes to ASB type codes; statuses: its status
 * codes to incident statuses; defaults: a value for a field the client
 * leaves out (given in the client's own terms: a default type is one of
 * its codes); fields: the name in its bodies of the field that holds the
 * log number and of the one that holds the caller. A code that is not
 * mapped is refused by name, never replaced by a default.
 */

#define API_MAPPING_MAX	65536	/* bytes of the mappings' JSON */

extern const struct pg_stmts api_mapping_statements;

struct api_mapping {
	struct json_object	*root;		/* owned; NULL: no mappings */
	struct json_object	*types, *statuses, *defaults, *fields;
};

/* Reads and checks the shape of text (all four members optional; every
 * value a string, defaults any JSON). 0, or -1 with what is wrong in err;
 * free with api_mapping_free either way. */
int		 api_mapping_parse(const char *text, struct api_mapping *,
		     char *err, size_t errlen);
void		 api_mapping_free(struct api_mapping *);
/* Checks the mapped-to values against the database: every ASB type code
 * exists and is active, every status is an incident status. 0, 1 with
 * the first wrong one in err, or -1 on a database error. */
int		 api_mapping_check(struct pg *, const struct api_mapping *,
		     char *err, size_t errlen);

/* The ASB type code (or incident status) the client's code maps to;
 * NULL when it is not mapped. */
const char	*api_mapping_type(const struct api_mapping *, const char *code);
const char	*api_mapping_status(const struct api_mapping *, const char *code);
/* The other way: the client's first code for an ASB type code or status,
 * in the order it lists them; NULL when it has none. */
const char	*api_mapping_type_code(const struct api_mapping *, const char *asb_code);
const char	*api_mapping_status_code(const struct api_mapping *, const char *status);
/* The name in the client's bodies of field ("log_number", "caller"):
 * its own name, or field itself when it has none. */
const char	*api_mapping_field(const struct api_mapping *, const char *field);
/* The client's default for field, or NULL (borrowed). */
struct json_object *api_mapping_default(const struct api_mapping *, const char *field);

#endif
