/* The intake's checks that need no database (domain/intake_check.c): the
 * channels' mandatory fields, a force's log number format, dates of
 * birth, postcodes, when it happened, trimming, and the error list. */
#include "test.h"

#include <stdio.h>
#include <time.h>

#include "core/arena.h"
#include "domain/area.h"
#include "domain/intake_check.h"

/* 2026-12-02 12:00:00 UTC */
#define NOON	((time_t)1796212800)

static int
has(const char *const *list, const char *field)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, field) == 0)
			return 1;
	return 0;
}

static void
public_channels_require_a_type_and_a_place(void **state)
{
	enum intake_channel c[] = { INTAKE_PUBLIC, INTAKE_PARTNER, INTAKE_OPEN311 };
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_true(has(intake_channel_mandatory(c[i]), INTAKE_F_TYPE));
		assert_true(has(intake_channel_mandatory(c[i]), INTAKE_F_WHERE));
		/* Open311 and the form never asked for a description or a log number. */
		assert_false(has(intake_channel_mandatory(c[i]), INTAKE_F_DESCRIPTION));
		assert_false(has(intake_channel_mandatory(c[i]), INTAKE_F_LOG_NUMBER));
	}
	assert_true(has(intake_channel_mandatory(INTAKE_CAD), INTAKE_F_LOG_NUMBER));
	/* The force's agency row decides for its officers and call handlers. */
	assert_null(intake_channel_mandatory(INTAKE_POLICE));
	assert_null(intake_channel_mandatory(INTAKE_CALL));
}

static void
every_default_mandatory_field_has_words(void **state)
{
	static const char *const f[] = {
		"type", "nsir", "description", "when", "where", "log_number", "victim",
		"risk", "caller", "screening", "postcode", "officer", "people",
		"caller_phone", "link",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		assert_non_null(intake_field_missing(f[i]));
	/* A typo in a force's list enforces nothing rather than everything. */
	assert_null(intake_field_missing("typo"));
}

static void
log_number_matches_the_whole_pattern(void **state)
{
	struct arena *ar = arena_new(1024);
	const char *pat = "^CAD-[0-9]{8}-[0-9]{4}$", *ex = "CAD-20261202-0042";

	(void)state;
	assert_null(intake_log_number_check(ar, pat, ex, "CAD-20261202-0042"));
	assert_string_equal(intake_log_number_check(ar, pat, ex, "CAD-2026120-0042"),
	    "Enter the log number in the force's format, like CAD-20261202-0042");
	assert_non_null(intake_log_number_check(ar, pat, ex, "cad-20261202-0042"));
	/* An unanchored pattern still has to match all of it. */
	assert_null(intake_log_number_check(ar, "[0-9]{4}", NULL, "1234"));
	assert_string_equal(intake_log_number_check(ar, "[0-9]{4}", NULL, "x1234y"),
	    "Enter the log number in the force's format");
	/* No pattern: any one line up to the limit. */
	assert_null(intake_log_number_check(ar, NULL, NULL, "anything 123"));
	assert_non_null(intake_log_number_check(ar, NULL, NULL, "two\nlines"));
	assert_non_null(intake_log_number_check(ar, NULL, NULL,
	    "12345678901234567890123456789012345678901"));
	assert_null(intake_log_number_check(ar, NULL, NULL,
	    "1234567890123456789012345678901234567890"));
	/* A pattern that does not compile refuses, and says whom to ask. */
	assert_non_null(strstr(intake_log_number_check(ar, "([", NULL, "1"),
	    "administrator"));
	arena_free(ar);
}

static void
dob_must_be_a_real_past_date(void **state)
{
	(void)state;
	assert_null(intake_dob_check("1984-03-27", NOON));
	assert_null(intake_dob_check("1900-01-01", NOON));
	assert_null(intake_dob_check("2026-12-02", NOON));
	assert_non_null(strstr(intake_dob_check("1984-02-30", NOON),
	    "impossible date of birth"));
	assert_non_null(intake_dob_check("1899-12-31", NOON));
	assert_non_null(intake_dob_check("27/03/1984", NOON));
	assert_non_null(intake_dob_check("1984-03-27x", NOON));
	assert_string_equal(intake_dob_check("2026-12-03", NOON),
	    "The date of birth must be in the past");
}

static void
postcode_shape_and_normal_form(void **state)
{
	char out[INTAKE_POSTCODE_MAX];

	(void)state;
	assert_null(intake_postcode_check("sw1a1aa", out));
	assert_string_equal(out, "SW1A 1AA");
	assert_null(intake_postcode_check("EC2V 7HH", out));
	assert_string_equal(out, "EC2V 7HH");
	assert_non_null(intake_postcode_check("12345", out));
	assert_non_null(intake_postcode_check("SW1A", out));
	assert_non_null(intake_postcode_check("SW1A-1AA", out));
}

static void
nsir_is_one_of_three(void **state)
{
	(void)state;
	assert_null(intake_nsir_check("personal"));
	assert_null(intake_nsir_check("nuisance"));
	assert_null(intake_nsir_check("environmental"));
	assert_non_null(intake_nsir_check("Personal"));
	assert_non_null(intake_nsir_check(""));
}

static void
when_is_a_date_and_a_time_not_in_the_future(void **state)
{
	struct arena *ar = arena_new(1024);
	const char *at;

	(void)state;
	assert_null(intake_when_check(ar, "2026-11-30", "9:30pm", NOON, &at));
	assert_string_equal(at, "2026-11-30 21:30 Europe/London");
	assert_null(intake_when_check(ar, "2026-11-30", NULL, NOON, &at));
	assert_string_equal(at, "2026-11-30 12:00 Europe/London");
	/* An ISO 8601 date-time (CAD, Open311) through the same parsers. */
	assert_null(intake_when_check(ar, "2026-11-30T21:30:15Z", NULL, NOON, &at));
	assert_string_equal(at, "2026-11-30 21:30Z");
	assert_null(intake_when_check(ar, "2026-11-30T21:30+01:00", NULL, NOON, &at));
	assert_string_equal(at, "2026-11-30 21:30+01:00");
	assert_non_null(intake_when_check(ar, "2026-11-30T25:30Z", NULL, NOON, &at));
	assert_null(intake_when_check(ar, "2026-11-30T21:30-0530", NULL, NOON, &at));
	assert_null(intake_when_check(ar, "2026-11-30T21:30+14", NULL, NOON, &at));
	assert_non_null(intake_when_check(ar, "2026-11-30T21:30+15:00", NULL, NOON, &at));
	assert_non_null(intake_when_check(ar, "2026-11-30T21:30+01:60", NULL, NOON, &at));
	assert_non_null(intake_when_check(ar, "2026-11-30T21:30+01:0", NULL, NOON, &at));
	assert_non_null(intake_when_check(ar, "2026-11-30T21:30 London", NULL, NOON, &at));
	assert_non_null(intake_when_check(ar, "2026-02-30", NULL, NOON, &at));
	assert_null(at);
	assert_non_null(intake_when_check(ar, "2026-11-30", "25:00", NOON, &at));
	/* Tomorrow is a day's grace (as the public form has it); after, no. */
	assert_null(intake_when_check(ar, "2026-12-03", NULL, NOON, &at));
	assert_string_equal(intake_when_check(ar, "2026-12-04", NULL, NOON, &at),
	    "The date it happened must be today or in the past");
	arena_free(ar);
}

static void
trim_drops_white_space_around(void **state)
{
	struct arena *ar = arena_new(256);

	(void)state;
	assert_string_equal(intake_trim(ar, "  Loud music \t\r\n"), "Loud music");
	assert_string_equal(intake_trim(ar, "   "), "");
	assert_string_equal(intake_trim(ar, "a  b"), "a  b");
	assert_null(intake_trim(ar, NULL));
	assert_true(intake_blank(intake_trim(ar, " \n")));
	arena_free(ar);
}

static void
errors_one_per_field_and_kept_in_the_result(void **state)
{
	static struct intake_result res;
	char field[32];
	size_t i;

	(void)state;
	memset(&res, 0, sizeof(res));
	snprintf(field, sizeof(field), "person-2-dob");
	assert_int_equal(intake_error_add(&res, field, "first"), 0);
	/* The words are the result's own copy. */
	field[0] = 'X';
	assert_int_equal(intake_error_add(&res, "person-2-dob", "second"), 0);
	assert_int_equal(res.nerrors, 1);
	assert_string_equal(res.errors[0].field, "person-2-dob");
	assert_string_equal(res.errors[0].message, "first");
	assert_true(intake_has_error(&res, "person-2-dob"));
	assert_false(intake_has_error(&res, "person-1-dob"));
	for (i = 1; i < INTAKE_ERRORS_MAX; i++) {
		snprintf(field, sizeof(field), "f%zu", i);
		assert_int_equal(intake_error_add(&res, field, "m"), 0);
	}
	assert_int_equal(intake_error_add(&res, "one-too-many", "m"), -1);
}

static void
outside_words_name_whose_area_it_is(void **state)
{
	struct arena *ar = arena_new(1024);
	struct area_location w;

	(void)state;
	memset(&w, 0, sizeof(w));
	snprintf(w.council, sizeof(w.council), "Hackney Council");
	w.area.id = 7;
	snprintf(w.area.name, sizeof(w.area.name), "Hackney");
	assert_string_equal(intake_outside_words(ar, &w), "This location is outside "
	    "the area the partnership covers: it is in Hackney. Report it to Hackney "
	    "Council instead.");
	w.area.id = 0;
	assert_string_equal(intake_outside_words(ar, &w), "This location is outside "
	    "the area the partnership covers. Report it to Hackney Council instead.");
	arena_free(ar);
}

/* With no point, the postcode's outward code must be a district: the
 * postcode field's, else one at the end of the address. */
static void
districts_decide_a_place_with_no_point(void **state)
{
	static const char city[] = "EC1A EC2V E1";
	static const char words[] = "This location is outside the area the "
	    "partnership covers. Report it to the local council for that place instead.";

	(void)state;
	assert_null(intake_district_check(city, "ec2v 7hh", NULL));
	assert_null(intake_district_check(city, "E1 7AA", "Middlesex Street"));
	assert_string_equal(intake_district_check(city, "M1 1AE", NULL), words);
	/* E1 is not E14, nor EC1A's start EC1. */
	assert_non_null(intake_district_check(city, "E14 5AB", NULL));
	assert_non_null(intake_district_check(city, "EC1M 6BB", NULL));
	/* A postcode of a bad shape is intake_postcode_check's to refuse. */
	assert_null(intake_district_check(city, "NOT A PC", NULL));
	/* No postcode: the end of the address, the postcode field first. */
	assert_non_null(intake_district_check(city, "", "1 Piccadilly, Manchester M1 1AE."));
	assert_non_null(intake_district_check(city, NULL, "Piccadilly M11AE"));
	assert_null(intake_district_check(city, "EC2V 7HH", "Piccadilly M1 1AE"));
	assert_null(intake_district_check(city, "", "10 Wood Street, London EC2V 7HH"));
	assert_null(intake_district_check(city, "", "Wood Street, EC2"));
	assert_null(intake_district_check(city, "", "Flat 3, 9 Milk Street"));
	assert_null(intake_district_check(city, "", "10 Wood Street (address_id 1000)"));
	assert_null(intake_district_check(city, "", ""));
	/* No districts: no check. */
	assert_null(intake_district_check("", "M1 1AE", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(public_channels_require_a_type_and_a_place),
		cmocka_unit_test(every_default_mandatory_field_has_words),
		cmocka_unit_test(log_number_matches_the_whole_pattern),
		cmocka_unit_test(dob_must_be_a_real_past_date),
		cmocka_unit_test(postcode_shape_and_normal_form),
		cmocka_unit_test(nsir_is_one_of_three),
		cmocka_unit_test(when_is_a_date_and_a_time_not_in_the_future),
		cmocka_unit_test(trim_drops_white_space_around),
		cmocka_unit_test(errors_one_per_field_and_kept_in_the_result),
		cmocka_unit_test(outside_words_name_whose_area_it_is),
		cmocka_unit_test(districts_decide_a_place_with_no_point),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
