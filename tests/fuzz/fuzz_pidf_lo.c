/* PIDF-LO (api/eido_in.c pidf_location_read, libxml2): whatever the
 * bytes, a refusal says why, and a location read, written again
 * (api/eido_out.c), reads back to the same point, address and postcode. */
#include "fuzz.h"

#include <math.h>

#include "api/eido_in.h"
#include "api/eido_out.h"
#include "core/arena.h"
#include "core/buf.h"

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct pidf_location loc, back;
	struct arena *ar = arena_new(4096);
	struct buf b = {0};
	char err[256];

	if (ar == NULL)
		abort();
	err[0] = '\0';
	if (pidf_location_read((const char *)data, n, ar, &loc, err, sizeof(err)) == -1) {
		CHECK(err[0] != '\0');
		goto out;
	}
	CHECK(loc.has_point || loc.address != NULL || loc.postcode != NULL);
	/* Concord writes seven decimals: compare at that. */
	if (loc.has_point && (fabs(loc.lat) > 1e9 || fabs(loc.lon) > 1e9))
		goto out;
	CHECK(pidf_location_write(&b, &loc, "pres:f@fuzz", NULL) == 0);
	CHECK(pidf_location_read(buf_cstr(&b), b.len, ar, &back, err, sizeof(err)) == 0);
	CHECK(back.has_point == loc.has_point);
	if (loc.has_point)
		CHECK(fabs(back.lat - loc.lat) < 1e-6 && fabs(back.lon - loc.lon) < 1e-6);
	CHECK(same(back.postcode, loc.postcode));
out:
	buf_free(&b);
	arena_free(ar);
	return 0;
}
