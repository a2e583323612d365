#ifndef API_EIDO_IN_H
#define API_EIDO_IN_H

#include <stddef.h>

struct arena;
struct json_object;
struct problem_fields;

/*
 * NENA's Emergency Incident Data Object (EIDO JSON, NENA-STA-021) into the
 * CAD API's own create body (README "CAD API"), so that an EIDO goes
 * through exactly the code a JSON create or patch does. No database: the
 * unit tests and the fuzzer run it as it is.
 *
 *   $id                                   → external_id
 *   incidentComponent type codes          → type (the first the client maps;
 *                                           none: left out, so the client's
 *                                           mappings.defaults.type applies)
 *   incidentComponent status codes        → status (only one the client maps)
 *   internalIncidentId, or the id part of
 *     urn:emergency:uid:incidentid:ID:…   → log_number (under the client's name)
 *   the earliest callStartTimestamp       → occurred_at (UTC)
 *   locationComponent's PIDF-LO           → location {lat, lon} and/or
 *     (gml:pos "lat lon", civicAddress)     {address, postcode}
 *   personComponent                       → caller (the first "Caller") and
 *                                           people (victim, witness, subject,
 *                                           reporter), names, date of birth,
 *                                           phone, email; the phone also from
 *                                           the callback component
 *   notesComponent, EmergencyCallData
 *     Comment additional data             → description (plain text)
 *   everything else                       → extensions {"eido": …}
 *
 * The extensions (api_incident_ref.kept) hold the whole document except
 * its $id and the personal details that went into Concord's person rows
 * (a person's name, date of birth and home contact information have one
 * home, where retention and erasure reach them): eido_out rebuilds the
 * document's other parts from it. A person with no role Concord knows is
 * kept whole.
 */

#define EIDO_PIDF_MAX	(64 * 1024)	/* bytes of one locationByValue */

/* What the translation needs to know of the client (domain/api_mapping.h),
 * without a database: whether it maps a type or status code, and the names
 * its bodies give the log number and the caller. Any member may be NULL. */
struct eido_in_opts {
	int		(*type_mapped)(const char *code, void *ctx);
	int		(*status_mapped)(const char *code, void *ctx);
	void		 *ctx;
	const char	 *log_number_field;	/* NULL: "log_number" */
	const char	 *caller_field;		/* NULL: "caller" */
};

struct eido_in {
	struct json_object	*body;		/* the create body; owned */
	const char		*external_id;	/* the $id, in body */
};

/* Translates doc (a parsed EIDO) into out->body. 0, or -1 with field errors
 * named by EIDO paths ("locationComponent[0].locationByValue") in errs,
 * their strings in ar (also -1 with errs->n == 0: out of memory). */
int	eido_in_translate(struct json_object *doc, const struct eido_in_opts *,
	    struct arena *, struct eido_in *out, struct problem_fields *errs);
void	eido_in_free(struct eido_in *);

/* The part of a create body (from eido_in_translate) that a PATCH takes:
 * description, log number, type, status, occurred_at, location and
 * extensions, for a document whose $id already has its incident. NULL out
 * of memory. */
struct json_object *eido_in_patch_body(struct json_object *create,
	    const struct eido_in_opts *);

/* o[key] when o is an object that has it, else NULL; the same when it
 * is a string, as a C string. */
struct json_object *eido_member(struct json_object *o, const char *key);
const char	*eido_str(struct json_object *o, const char *key);

/* The Concord role ("reporter" for a caller, "victim", "witness",
 * "subject") of an EIDO person component, from its first role Concord
 * has; NULL when it has none. */
const char *eido_person_role(struct json_object *person);

/* A PIDF-LO document (RFC 4119, the GML shapes of RFC 5491 and the civic
 * address of RFC 5139) as found in a locationByValue. */
struct pidf_location {
	int	 has_point;
	double	 lat, lon;		/* WGS84, from the first gml:pos */
	char	*address;		/* civic address in one line, or NULL */
	char	*postcode;		/* PC, or NULL */
};

/* Reads text into loc, strings in ar. 0, or -1 with why in err. */
int	pidf_location_read(const char *text, size_t len, struct arena *,
	    struct pidf_location *loc, char *err, size_t errlen);


#endif
