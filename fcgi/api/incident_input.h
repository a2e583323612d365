#ifndef API_INCIDENT_INPUT_H
#define API_INCIDENT_INPUT_H

#include <stddef.h>

#include "domain/intake.h"

struct api_mapping;
struct arena;
struct json_object;
struct problem_fields;

/*
 * The strict reader of the CAD API's JSON bodies (README "CAD API"), for
 * the create, the PATCH and the EIDO adapter alike. Two steps, neither of
 * which needs a database (tests/fuzz/fuzz_incident_input.c runs both):
 *
 * 1. api_body_parse: the bytes as sent — the media type, the size, UTF-8,
 *    JSON (strict, at most API_JSON_DEPTH deep, one object, nothing after
 *    it). A refusal is a status and a problem code (and the byte offset of
 *    the fault in detail).
 * 2. api_input_read: the object — every member known, of its type, arrays
 *    bounded, the client's codes mapped (its defaults applied first, its
 *    renamed log number and caller fields read by their names), the
 *    location's numbers in range. Each fault is a field error named by its
 *    JSON path ("location.lat", "people[1].phone").
 *
 * What needs the database comes after: British National Grid to WGS84
 * (domain/point_bng.h) and everything the intake checks.
 */

#define API_BODY_MAX		(256 * 1024)	/* bytes */
#define API_JSON_DEPTH		16
#define API_PEOPLE_MAX		INTAKE_PEOPLE_MAX
#define API_ANSWERS_MAX		64
#define API_TEXT_MAX		(64 * 1024)	/* bytes of any one string */
#define API_EXTERNAL_ID_MAX	200
#define API_EXTENSIONS_MAX	(64 * 1024)	/* bytes of extensions as JSON */

/* What the body is read for: a create (every field, defaults applied) or
 * a PATCH (description, log number, status, type, occurred_at, location,
 * extensions; no defaults). */
enum api_input_mode {
	API_INPUT_CREATE,
	API_INPUT_PATCH,
};

/* Why the bytes were refused. */
struct api_body_error {
	int		 status;	/* 400, 413, 415 */
	const char	*code;		/* invalid_json, json_too_deep, ... */
	const char	*title;
	char		 detail[160];	/* with the byte offset where one helps */
};

/* The bytes as sent, into *out (the caller puts it). 0, or -1 with err. */
int	api_body_parse(const char *content_type, const char *body, size_t len,
	    struct json_object **out, struct api_body_error *err);

/* Which members a body gave (API_HAS_ bits of api_input.has). */
#define API_HAS_TYPE		0x0001
#define API_HAS_STATUS		0x0002
#define API_HAS_LOG_NUMBER	0x0004
#define API_HAS_EXTERNAL_ID	0x0008
#define API_HAS_DESCRIPTION	0x0010
#define API_HAS_OCCURRED_AT	0x0020
#define API_HAS_LOCATION	0x0040
#define API_HAS_CALLER		0x0080
#define API_HAS_PEOPLE		0x0100
#define API_HAS_SCREENING	0x0200
#define API_HAS_ANSWERS		0x0400
#define API_HAS_NOTE		0x0800
#define API_HAS_EXTENSIONS	0x1000

/* A place: a WGS84 point, a British National Grid one (converted later),
 * an address and a postcode, in any of the combinations the contract
 * allows (a point of one kind, with or without an address). */
struct api_location {
	int		 has_point;	/* lat and lon */
	double		 lat, lon;
	int		 has_bng;	/* easting and northing */
	double		 easting, northing;
	const char	*address, *postcode;
};

struct api_input {
	unsigned		 has;		/* API_HAS_ bits */
	/* The client's codes as sent (or defaulted) and what they map to. */
	const char		*type_code, *asb_type;
	const char		*status_code, *status;
	const char		*log_number;
	const char		*external_id;
	const char		*description;
	const char		*occurred_at;	/* RFC 3339, checked by the intake */
	struct api_location	 location;
	/* The caller first (role reporter) when given, then people[]; the
	 * JSON path of each, for the intake's errors ("caller", "people[0]"). */
	struct intake_person	*people;
	const char		**person_paths;
	size_t			 npeople;
	struct intake_screening	 screening;	/* -1: not said */
	/* {key: {"answer": value}}, as the intake reads answers: the
	 * input's own (api_input_free). */
	struct json_object	*answers;
	const char		*note;
	struct json_object	*extensions;	/* borrowed from the body */
	/* The client's names of the renamed fields, for its errors. */
	const char		*log_number_field, *caller_field;
};

/* Reads body (an object) for mode with the client's mappings (NULL: none)
 * into in, strings in ar. The defaults are added to body itself, so body
 * must be the caller's own. 0, or -1 with each fault in errs (and -1 with
 * none when memory ran out). */
int	api_input_read(struct arena *, const struct api_mapping *,
	    struct json_object *body, enum api_input_mode, struct api_input *,
	    struct problem_fields *errs);

/* Puts what the input owns (its answers); the input may be read again. */
void	api_input_free(struct api_input *);

/* The JSON path of an intake error's field (domain/intake.h names:
 * "where", "person-2-phone", "answer-noise_level") in the client's terms;
 * the name itself when it has no place in the body. */
const char *api_input_path(struct arena *, const struct api_input *,
	    const char *intake_field);

#endif
