/* The CAD API's body reader (api/incident_input.c): the bytes, then the
 * object, with a client's mappings that rename the log number and the
 * caller and give defaults. Whatever the bytes, a refusal says what and
 * why; a read that passes has its members where the contract puts them
 * (coordinates in their ranges, people bounded), and a read that fails
 * names at least one field. */
#include "fuzz.h"

#include <json-c/json.h>

#include "api/incident_input.h"
#include "api/problem.h"
#include "core/arena.h"
#include "domain/api_mapping.h"

static const char mappings[] =
	"{\"types\": {\"R12\": \"nuisance-gatherings\", \"N1\": \"noise\"},"
	" \"statuses\": {\"OPEN\": \"open\", \"CLSD\": \"closed\"},"
	" \"defaults\": {\"type\": \"N1\", \"location\": {\"lat\": 51.5, \"lon\": -0.1}},"
	" \"fields\": {\"log_number\": \"incident_number\", \"caller\": \"informant\"}}";

static void
check_input(struct arena *ar, const struct api_input *in)
{
	size_t i;

	CHECK(in->npeople <= API_PEOPLE_MAX + 1);
	for (i = 0; i < in->npeople; i++)
		CHECK(in->person_paths[i] != NULL && in->person_paths[i][0] != '\0');
	if (in->location.has_point) {
		CHECK(in->location.lat >= 49 && in->location.lat <= 61);
		CHECK(in->location.lon >= -9 && in->location.lon <= 2.5);
	}
	if (in->location.has_bng) {
		CHECK(in->location.easting >= 0 && in->location.easting <= 700000);
		CHECK(in->location.northing >= 0 && in->location.northing <= 1300000);
	}
	CHECK(in->location.has_point + in->location.has_bng <= 1);
	if (in->type_code != NULL)
		CHECK(in->asb_type != NULL);
	/* Every intake field has a path. */
	CHECK(strcmp(api_input_path(ar, in, "where"), "location") == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct api_mapping m;
	static int ready;
	struct json_object *body;
	struct api_body_error err;
	struct problem_fields errs;
	struct api_input in;
	struct arena *ar;
	char why[128];
	int mode;

	if (!ready) {
		if (api_mapping_parse(mappings, &m, why, sizeof(why)) == -1)
			abort();
		ready = 1;
	}
	if (n < 1)
		return 0;
	/* The first byte picks the mode; the rest is the body. */
	mode = data[0] & 1 ? API_INPUT_PATCH : API_INPUT_CREATE;
	if (api_body_parse("application/json", (const char *)data + 1, n - 1, &body,
	    &err) == -1) {
		CHECK(body == NULL);
		CHECK(err.code != NULL && err.detail[0] != '\0');
		CHECK(err.status == 400 || err.status == 413);
		return 0;
	}
	CHECK(json_object_is_type(body, json_type_object));
	if ((ar = arena_new(4096)) == NULL)
		abort();
	memset(&errs, 0, sizeof(errs));
	if (api_input_read(ar, &m, body, mode, &in, &errs) == 0) {
		CHECK(errs.n == 0);
		check_input(ar, &in);
	} else
		CHECK(errs.n > 0);
	api_input_free(&in);
	json_object_put(body);
	arena_free(ar);
	return 0;
}
