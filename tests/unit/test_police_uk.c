/* ctl/police_uk.c: the header found by column names, rows of ASB made
 * into what the intake takes, and each month spread over its minutes the
 * same way every time. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "ctl/police_uk.h"

static const char *const header[] = {
	"Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
	"Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
};

static void
row_make(struct police_uk_row *r, const char *month, const char *lon, const char *lat,
    const char *where)
{
	const char *const f[] = { "", month, "City of London Police", "City of London Police",
	    lon, lat, where, "E01000001", "City of London 001A", POLICE_UK_ASB, "", "" };
	struct police_uk_header h;
	char why[512];

	assert_int_equal(police_uk_header_read(header, 12, &h, why, sizeof(why)), 0);
	assert_int_equal(police_uk_row_read(&h, f, 12, r), 0);
}

static void
test_header_by_name_in_any_order(void **state)
{
	const char *const cols[] = { "Crime type", "Latitude", "Longitude", "Month",
	    "Location", "Extra" };
	const char *const vals[] = { POLICE_UK_ASB, "51.5", "-0.09", "2017-01", "Here", "x" };
	struct police_uk_header h;
	struct police_uk_row r;
	char why[512];

	(void)state;
	assert_int_equal(police_uk_header_read(cols, 6, &h, why, sizeof(why)), 0);
	assert_int_equal(police_uk_row_read(&h, vals, 6, &r), 0);
	assert_string_equal(r.v[PUK_MONTH], "2017-01");
	assert_string_equal(r.v[PUK_LONGITUDE], "-0.09");
	assert_string_equal(r.v[PUK_CRIME_ID], "");
	assert_true(police_uk_is_asb(&r));
	/* A row with another number of fields is refused. */
	assert_int_equal(police_uk_row_read(&h, vals, 5, &r), -1);
}

static void
test_wrong_header_says_which_column(void **state)
{
	const char *const cols[] = { "Month", "Longitude", "Latitude", "Location", "Type" };
	const char *const twice[] = { "Month", "Month", "Longitude", "Latitude", "Location",
	    "Crime type" };
	struct police_uk_header h;
	char why[512];

	(void)state;
	assert_int_equal(police_uk_header_read(cols, 5, &h, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "no column \"Crime type\""));
	assert_int_equal(police_uk_header_read(twice, 6, &h, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "\"Month\" twice"));
}

static void
test_row_becomes_a_report(void **state)
{
	struct police_uk_incident inc;
	struct police_uk_row r;

	(void)state;
	row_make(&r, "2017-02", "-0.093355", "51.514790", "On or near Gresham Street");
	assert_int_equal(police_uk_incident_make(&r, police_uk_row_hash(&r), 0, &inc), PUK_OK);
	assert_true(inc.has_point);
	assert_true(inc.lon == -0.093355 && inc.lat == 51.514790);
	assert_string_equal(inc.location, "On or near Gresham Street");
	assert_memory_equal(inc.date, "2017-02-", 8);
	assert_true(atoi(inc.date + 8) >= 1 && atoi(inc.date + 8) <= 28);
	assert_int_equal(strlen(inc.time), 5);
	assert_int_equal(strncmp(inc.key, "police-uk:", 10), 0);
	assert_int_equal(strlen(inc.key), 26);
	assert_non_null(strstr(inc.description, "data.police.uk (2017-02)"));
	assert_non_null(strstr(inc.description, "LSOA: E01000001."));
}

static void
test_no_location_is_no_point_and_no_address(void **state)
{
	struct police_uk_incident inc;
	struct police_uk_row r;

	(void)state;
	row_make(&r, "2018-05", "", "", "No Location");
	assert_int_equal(police_uk_incident_make(&r, 1, 0, &inc), PUK_OK);
	assert_false(inc.has_point);
	assert_null(inc.location);
}

static void
test_bad_month_and_coordinates_are_refused(void **state)
{
	static const char *const months[] = { "2017-13", "2017-1", "17-01", "2017/01",
	    "January 2017", "", "2017-00", "1899-12" };
	struct police_uk_incident inc;
	struct police_uk_row r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
		row_make(&r, months[i], "-0.09", "51.5", "Here");
		assert_int_equal(police_uk_incident_make(&r, 1, 0, &inc), PUK_BAD_MONTH);
	}
	row_make(&r, "2017-01", "-0.09", "", "Here");
	assert_int_equal(police_uk_incident_make(&r, 1, 0, &inc), PUK_BAD_COORDINATES);
	row_make(&r, "2017-01", "west", "51.5", "Here");
	assert_int_equal(police_uk_incident_make(&r, 1, 0, &inc), PUK_BAD_COORDINATES);
	/* British National Grid numbers are not degrees. */
	row_make(&r, "2017-01", "532500", "181300", "Here");
	assert_int_equal(police_uk_incident_make(&r, 1, 0, &inc), PUK_BAD_COORDINATES);
	assert_non_null(strstr(police_uk_refusal_words(PUK_BAD_COORDINATES), "latitude"));
}

/* The same row always gets the same time and key; the next identical row
 * another; and a month's rows cover the month. */
static void
test_month_spread_is_deterministic_and_covers_the_month(void **state)
{
	struct police_uk_incident a, b, c;
	struct police_uk_row r;
	int days[32] = { 0 }, hours[24] = { 0 }, i, d;
	char lon[16];

	(void)state;
	row_make(&r, "2016-02", "-0.09", "51.5", "Here");
	police_uk_incident_make(&r, police_uk_row_hash(&r), 0, &a);
	police_uk_incident_make(&r, police_uk_row_hash(&r), 0, &b);
	police_uk_incident_make(&r, police_uk_row_hash(&r), 1, &c);
	assert_string_equal(a.date, b.date);
	assert_string_equal(a.time, b.time);
	assert_string_equal(a.key, b.key);
	assert_string_not_equal(a.key, c.key);
	for (i = 0; i < 2000; i++) {
		snprintf(lon, sizeof(lon), "-0.%04d", i);
		row_make(&r, "2016-02", lon, "51.5", "Here");
		police_uk_incident_make(&r, police_uk_row_hash(&r), 0, &a);
		d = atoi(a.date + 8);
		assert_true(d >= 1 && d <= 29);	/* 2016 was a leap year */
		days[d]++;
		hours[atoi(a.time)]++;
	}
	for (d = 1; d <= 29; d++)
		assert_true(days[d] > 20);	/* about 69 each */
	for (i = 0; i < 24; i++)
		assert_true(hours[i] > 40);	/* about 83 each */
}

static void
test_repeats_count_identical_rows(void **state)
{
	struct police_uk_repeats t = { 0 };
	unsigned before;
	uint64_t h;

	(void)state;
	for (h = 0; h < 5000; h++) {
		assert_int_equal(police_uk_repeat(&t, h * 7919, &before), 0);
		assert_int_equal(before, 0);
	}
	assert_int_equal(police_uk_repeat(&t, 7919 * 42, &before), 0);
	assert_int_equal(before, 1);
	assert_int_equal(police_uk_repeat(&t, 7919 * 42, &before), 0);
	assert_int_equal(before, 2);
	police_uk_repeats_free(&t);
}

/* A long Context is cut between characters, never inside one. */
static void
test_description_stays_utf8(void **state)
{
	const char *const cols[] = { "Month", "Longitude", "Latitude", "Location",
	    "Crime type", "Context" };
	static char context[4000];
	const char *vals[] = { "2017-01", "-0.09", "51.5", "Here", POLICE_UK_ASB, context };
	struct police_uk_incident inc;
	struct police_uk_header h;
	struct police_uk_row r;
	char why[512];
	size_t i, n;

	(void)state;
	for (i = 0; i + 2 < sizeof(context); i += 2)
		memcpy(context + i, "\xc3\xa9", 2);
	assert_int_equal(police_uk_header_read(cols, 6, &h, why, sizeof(why)), 0);
	assert_int_equal(police_uk_row_read(&h, vals, 6, &r), 0);
	assert_int_equal(police_uk_incident_make(&r, 1, 0, &inc), PUK_OK);
	n = strlen(inc.description);
	assert_true(n < sizeof(inc.description));
	assert_true(((unsigned char)inc.description[n - 1] & 0xc0) == 0x80);
	assert_true((unsigned char)inc.description[n - 2] == 0xc3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_by_name_in_any_order),
		cmocka_unit_test(test_wrong_header_says_which_column),
		cmocka_unit_test(test_row_becomes_a_report),
		cmocka_unit_test(test_no_location_is_no_point_and_no_address),
		cmocka_unit_test(test_bad_month_and_coordinates_are_refused),
		cmocka_unit_test(test_month_spread_is_deterministic_and_covers_the_month),
		cmocka_unit_test(test_repeats_count_identical_rows),
		cmocka_unit_test(test_description_stays_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
