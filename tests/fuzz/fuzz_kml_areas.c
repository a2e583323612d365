/* KML boundary files (geo/kml_areas.c, libxml2) and what follows them in
 * an import (geo/area_set.c): whatever the bytes, a set read is one the
 * later steps can walk, and a refusal says something. */
#include "fuzz.h"

#include "core/buf.h"
#include "geo/area_set.h"
#include "geo/kml_areas.h"

/* Shared with fuzz_geojson_areas.c: the steps after reading. */
#include "fuzz_area_steps.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct area_set s;
	char err[AREA_SET_ERR];

	if (area_set_init(&s) == -1)
		abort();
	err[0] = '\0';
	if (kml_areas_read(&s, "f.kml", (const char *)data, n, err, sizeof(err)) == 0)
		area_steps_check(&s);
	else
		CHECK(err[0] != '\0');
	area_set_free(&s);
	return 0;
}
