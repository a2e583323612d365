/* EIDO JSON into the API's create body (api/eido_in.c): whatever the
 * bytes, a refusal names at least one EIDO path, and a document taken
 * gives a body with its $id as external_id, a patch body, and an EIDO
 * back (api/eido_out.c) that is taken again with the same $id. */
#include "fuzz.h"

#include <json-c/json.h>

#include "api/eido_in.h"
#include "api/eido_out.h"
#include "api/problem.h"
#include "core/arena.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct problem_fields errs = {0}, errs2 = {0};
	struct json_object *doc, *patch, *rep, *out;
	struct json_tokener *tok;
	struct eido_in in, again;
	struct arena *ar;

	if ((tok = json_tokener_new_ex(16)) == NULL || (ar = arena_new(4096)) == NULL)
		abort();
	doc = json_tokener_parse_ex(tok, (const char *)data, (int)(n > 262144 ? 262144 : n));
	json_tokener_free(tok);
	if (doc == NULL) {
		arena_free(ar);
		return 0;
	}
	if (eido_in_translate(doc, NULL, ar, &in, &errs) == -1) {
		CHECK(errs.n > 0);
		goto out;
	}
	CHECK(in.external_id != NULL && *in.external_id != '\0');
	patch = eido_in_patch_body(in.body, NULL);
	CHECK(patch != NULL);
	CHECK(json_object_object_get(patch, "external_id") == NULL);
	json_object_put(patch);
	/* As the representation would carry it, then out and in again. */
	rep = json_object_new_object();
	json_object_object_add(rep, "reference", json_object_new_string("ASB-2026-000001"));
	json_object_object_add(rep, "location", json_object_get(json_object_object_get(in.body,
	    "location")));
	json_object_object_add(rep, "external", json_object_new_object());
	json_object_object_add(json_object_object_get(rep, "external"), "id",
	    json_object_new_string(in.external_id));
	json_object_object_add(json_object_object_get(rep, "external"), "kept",
	    json_object_get(json_object_object_get(in.body, "extensions")));
	out = eido_out_build(rep, NULL, "concord.example");
	CHECK(out != NULL);
	if (eido_in_translate(out, NULL, ar, &again, &errs2) == 0) {
		CHECK(strcmp(again.external_id, in.external_id) == 0);
		eido_in_free(&again);
	}
	json_object_put(out);
	json_object_put(rep);
	eido_in_free(&in);
out:
	json_object_put(doc);
	arena_free(ar);
	return 0;
}
