/* The one reading of a point sent as text (domain/point_check.c), as the
 * public form's map picker and Open311's lat and long both get it: Open311
 * used to take any decimal, out of range or not, and both took what
 * strtod takes (" 51.5", "1e1", "0x1p4", "inf"). */
#include "test.h"

#include "domain/point_check.h"

/* Whether lon, lat is taken; when it is, that it was read exactly. */
static int
taken(const char *lon, const char *lat, double want_lon, double want_lat)
{
	double x = 99999, y = 99999;

	if (point_parse(lon, lat, &x, &y) != NULL) {
		assert_true(x == 99999 && y == 99999);	/* outputs untouched */
		return 0;
	}
	assert_true(x == want_lon && y == want_lat);
	return 1;
}

static void
takes_decimal_degrees(void **state)
{
	(void)state;
	assert_true(taken("-0.0980", "51.5150", -0.098, 51.515));
	assert_true(taken("0", "0", 0, 0));
	assert_true(taken("+1.5", "-2", 1.5, -2));
	assert_true(taken("-0.123456789012", "51.987654321098", -0.123456789012,
	    51.987654321098));
}

/* Each end of both ranges, taken, and just past it, refused. */
static void
range_edges(void **state)
{
	(void)state;
	assert_true(taken("180", "90", 180, 90));
	assert_true(taken("-180", "-90", -180, -90));
	assert_true(taken("180.000", "-90.0", 180, -90));
	assert_false(taken("180.0001", "0", 0, 0));
	assert_false(taken("-180.0001", "0", 0, 0));
	assert_false(taken("0", "90.0001", 0, 0));
	assert_false(taken("0", "-90.0001", 0, 0));
	/* Swapped by mistake: a latitude of 100 is no place. */
	assert_false(taken("51.5", "100", 0, 0));
}

static void
refuses_what_is_not_a_plain_decimal(void **state)
{
	static const char *const bad[] = {
		"", " 51.5", "51.5 ", "51,5", "1e1", "0x1p4", "inf", "-inf", "nan",
		".5", "5.", "-", "+", "--1", "1.2.3", "51.5N", "\xd9\xa1",	/* an Arabic-Indic one */
		"0.0000000000000000000000000000001",	/* 33 bytes */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (taken(bad[i], "51.5", 0, 0))
			fail_msg("took longitude \"%s\"", bad[i]);
		if (taken("-0.1", bad[i], 0, 0))
			fail_msg("took latitude \"%s\"", bad[i]);
	}
	/* 32 bytes is the longest taken. */
	assert_true(taken("0.000000000000000000000000000001", "0", 1e-30, 0));
}

static void
both_must_be_given(void **state)
{
	double x, y;

	(void)state;
	assert_string_equal(point_parse(NULL, "51.5", &x, &y), POINT_WORDS);
	assert_string_equal(point_parse("-0.1", NULL, &x, &y), POINT_WORDS);
	assert_string_equal(point_parse(NULL, NULL, &x, &y), POINT_WORDS);
	assert_string_equal(point_parse("-0.1", "", &x, &y), POINT_WORDS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(takes_decimal_degrees),
		cmocka_unit_test(range_edges),
		cmocka_unit_test(refuses_what_is_not_a_plain_decimal),
		cmocka_unit_test(both_must_be_given),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
