/* What an import does with a set once read (both area fuzzers): pick
 * codes both ways, check coordinates, write each feature's GeoJSON. Each
 * step either succeeds or says why; what it writes is balanced. */
#ifndef TESTS_FUZZ_AREA_STEPS_H
#define TESTS_FUZZ_AREA_STEPS_H

static void
area_steps_check(struct area_set *s)
{
	struct area_pick by_field = { "name", 0, NULL }, by_file = { NULL, 1, "name" };
	char err[AREA_SET_ERR];
	struct buf b = { 0 };
	size_t i, j, depth;

	for (i = 0; i < s->n; i++) {
		CHECK(s->f[i].index >= 1);
		for (j = 0; j < s->f[i].npolys; j++)
			CHECK(s->f[i].polys[j].nrings >= 1);
		buf_reset(&b);
		CHECK(area_feature_geojson(&s->f[i], &b) == 0);
		for (j = 0, depth = 0; j < b.len; j++) {
			depth += b.data[j] == '[' || b.data[j] == '{';
			CHECK(!(b.data[j] == ']' || b.data[j] == '}') || depth-- > 0);
		}
		CHECK(depth == 0);
	}
	buf_free(&b);
	err[0] = '\0';
	if (area_set_pick(s, &by_field, err, sizeof(err)) == -1)
		CHECK(err[0] != '\0');
	else {
		for (i = 0; i < s->n; i++)
			CHECK(s->f[i].code != NULL && s->f[i].code[0] != '\0');
		err[0] = '\0';
		if (area_set_coords_check(s, err, sizeof(err)) == -1)
			CHECK(err[0] != '\0');
	}
	err[0] = '\0';
	if (area_set_pick(s, &by_file, err, sizeof(err)) == -1)
		CHECK(err[0] != '\0');
	else
		CHECK(s->n <= 1);	/* one file here: one area a file */
}

#endif
