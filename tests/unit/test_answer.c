/* The one answer checker (domain/answer.c) and the one date parser
 * (core/date.c): each question kind's accepted and refused edge values,
 * as both the public form and Open311 now get them. */
#include "test.h"

#include <time.h>

#include <json-c/json.h>

#include "core/arena.h"
#include "core/chars.h"
#include "core/date.h"
#include "domain/answer.h"
#include "domain/asb_catalogue.h"

static struct arena *a;
static time_t now;	/* 2026-03-27 12:00 UTC */

static const char options[] =
    "[{\"value\":\"tyres\",\"label\":\"Flat tyres\"},"
    "{\"value\":\"windows\",\"label\":\"Broken windows\"}]";

static struct asb_question
question(const char *kind, int required)
{
	struct asb_question q = {
		.key = "k", .label = "What is it?", .hint = "", .kind = kind,
		.options = options, .required = required, .notice_answer = "",
		.notice_text = "", .version = 1,
	};

	return q;
}

/* The verdict on one value: its normal form (the string, or the array as
 * JSON), or "!" and the refusal's words. */
static const char *
verdict_of(const char *kind, int required, const char *const *vals, size_t n)
{
	struct asb_question q = question(kind, required);
	struct answer ans;
	const char *why, *out;
	int rc;

	rc = answer_check(a, &q, vals, n, now, &ans, &why);
	if (rc == 1)
		return arena_printf(a, "!%s", why);
	assert_int_equal(rc, 0);
	if (ans.value == NULL)
		return "(blank)";
	out = arena_printf(a, "%s|%s", json_object_is_type(ans.value, json_type_array) ?
	    json_object_to_json_string_ext(ans.value, JSON_C_TO_STRING_PLAIN) :
	    json_object_get_string(ans.value), ans.display);
	json_object_put(ans.value);
	return out;
}

static const char *
verdict(const char *kind, const char *v)
{
	return verdict_of(kind, 1, &v, 1);
}

static int
setup(void **state)
{
	struct tm t = { .tm_year = 126, .tm_mon = 2, .tm_mday = 27, .tm_hour = 12 };

	(void)state;
	now = timegm(&t);
	return (a = arena_new(4096)) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

static void
date_parser_reads_real_dates_only(void **state)
{
	struct date d;
	const char *end;

	(void)state;
	assert_non_null(end = date_parse("2026-3-7", &d));
	assert_int_equal(*end, '\0');
	assert_int_equal(d.year, 2026);
	assert_int_equal(d.month, 3);
	assert_int_equal(d.day, 7);
	assert_non_null(end = date_parse("2024-02-29T10:00Z", &d));
	assert_string_equal(end, "T10:00Z");
	assert_null(date_parse("2023-02-29", &d));	/* not a leap year */
	assert_null(date_parse("1900-02-29", &d));	/* a century, not a leap year */
	assert_non_null(date_parse("2000-02-29", &d));	/* every 400 years, one */
	assert_null(date_parse("2026-04-31", &d));
	assert_null(date_parse("2026-13-01", &d));
	assert_null(date_parse("2026-00-10", &d));
	assert_null(date_parse("2026-01-00", &d));
	assert_null(date_parse("1899-12-31", &d));
	assert_null(date_parse("26-3-7", &d));
	assert_null(date_parse("20266-3-7", &d));
	assert_null(date_parse("2026-003-7", &d));
	assert_null(date_parse("2026-3-", &d));
	assert_null(date_parse("", &d));
}

static void
dates_are_real_and_not_in_the_future(void **state)
{
	static const char real[] = "!The date must be a real date";
	static const char past[] = "!The date must be today or in the past";

	(void)state;
	assert_string_equal(verdict("date", "2026-3-27"), "2026-03-27|27 March 2026");
	/* A day's grace for a reporter ahead of UTC; the day after is refused. */
	assert_string_equal(verdict("date", "2026-03-28"), "2026-03-28|28 March 2026");
	assert_string_equal(verdict("date", "2026-03-29"), past);
	assert_string_equal(verdict("date", "2027-01-01"), past);
	assert_string_equal(verdict("date", "1900-01-01"), "1900-01-01|1 January 1900");
	assert_string_equal(verdict("date", "1899-12-31"), real);
	assert_string_equal(verdict("date", "2025-02-29"), real);
	assert_string_equal(verdict("date", "2026-3-31-2"), real);
	assert_string_equal(verdict("date", "--"), real);
	assert_string_equal(verdict("date", "2026-03-27T10:00"), real);
	/* The date input's words (core/date.c), as the form's three boxes. */
	assert_string_equal(verdict("date", "26-3-27"), "!Year must include 4 numbers");
	assert_string_equal(verdict("date", "-3-27"), "!The date must include a year");
	assert_string_equal(verdict("date", ""), "!Enter the date for \"What is it?\"");
}

static void
date_grace_crosses_month_and_year_ends(void **state)
{
	struct tm t = { .tm_year = 126, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23 };
	time_t saved = now;

	(void)state;
	now = timegm(&t);
	assert_string_equal(verdict("date", "2027-01-01"), "2027-01-01|1 January 2027");
	assert_int_equal(verdict("date", "2027-01-02")[0], '!');
	now = saved;
}

static void
numbers_are_whole_and_bounded(void **state)
{
	static const char bad[] = "!Enter a whole number from 0 to 100,000, like 3";

	(void)state;
	assert_string_equal(verdict("number", "0"), "0|0");
	assert_string_equal(verdict("number", "100000"), "100000|100000");
	assert_string_equal(verdict("number", " 007 "), "7|7");
	assert_string_equal(verdict("number", "100001"), bad);
	assert_string_equal(verdict("number", "999999999"), bad);
	assert_string_equal(verdict("number", "1234567890"), bad);
	assert_string_equal(verdict("number", "-1"), bad);
	assert_string_equal(verdict("number", "1.5"), bad);
	assert_string_equal(verdict("number", "1e3"), bad);
	assert_string_equal(verdict("number", "twelve"), bad);
	assert_string_equal(verdict("number", ""), "!Enter a number for \"What is it?\"");
}

static void
times_take_the_usual_spellings(void **state)
{
	static const char bad[] = "!Enter a real time, for example 9:30pm or 21:30";

	(void)state;
	assert_string_equal(verdict("time", "21:30"), "21:30|9:30pm");
	assert_string_equal(verdict("time", "21:30:59"), "21:30|9:30pm");
	assert_string_equal(verdict("time", "9pm"), "21:00|9pm");
	assert_string_equal(verdict("time", "9.15AM"), "09:15|9:15am");
	assert_string_equal(verdict("time", "12am"), "00:00|12am");
	assert_string_equal(verdict("time", "12:05pm"), "12:05|12:05pm");
	assert_string_equal(verdict("time", "12:00"), "12:00|12pm");
	assert_string_equal(verdict("time", "0:00"), "00:00|12am");
	assert_string_equal(verdict("time", "23:55"), "23:55|11:55pm");
	assert_string_equal(verdict("time", "23:59"), "23:59|11:59pm");
	assert_string_equal(verdict("time", "24:00"), bad);
	assert_string_equal(verdict("time", "23:60"), bad);
	assert_string_equal(verdict("time", "21:30:60"), bad);
	assert_string_equal(verdict("time", "13pm"), bad);
	assert_string_equal(verdict("time", "0am"), bad);
	assert_string_equal(verdict("time", "9:3"), bad);
	assert_string_equal(verdict("time", "night"), bad);
	assert_string_equal(verdict("time", ""), "!Enter a time for \"What is it?\"");
}

static void
text_has_a_length_limit_per_kind(void **state)
{
	char s[ANSWER_LONG_MAX + 2];

	(void)state;
	memset(s, 'x', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	assert_string_equal(verdict("long_text", s), "!Your answer must be 2000 "
	    "characters or fewer (you have 1 character too many)");
	s[ANSWER_LONG_MAX] = '\0';
	assert_int_equal(strlen(verdict("long_text", s)), 2 * ANSWER_LONG_MAX + 1);
	s[ANSWER_SHORT_MAX + 153] = '\0';
	assert_string_equal(verdict("short_text", s), "!Your answer must be 500 "
	    "characters or fewer (you have 153 characters too many)");
	s[ANSWER_SHORT_MAX] = '\0';
	assert_int_equal(strlen(verdict("short_text", s)), 2 * ANSWER_SHORT_MAX + 1);
	assert_string_equal(verdict("short_text", "  a silver Ford  "),
	    "a silver Ford|a silver Ford");
	assert_string_equal(verdict("short_text", "   "),
	    "!Enter your answer to \"What is it?\"");
}

/* 500 characters of two bytes each are 500 characters, not 1,000. */
static void
text_length_counts_characters_not_bytes(void **state)
{
	char s[2 * (ANSWER_SHORT_MAX + 2) + 1];
	size_t i;
	const char *v;

	(void)state;
	for (i = 0; i < ANSWER_SHORT_MAX; i++)
		memcpy(s + 2 * i, "\xc3\xa9", 2);		/* é */
	s[2 * ANSWER_SHORT_MAX] = '\0';
	assert_int_equal(chars_count(s), ANSWER_SHORT_MAX);
	v = verdict("short_text", s);
	assert_int_not_equal(v[0], '!');
	memcpy(s + 2 * ANSWER_SHORT_MAX, "\xc3\xa9\xc3\xa9", 5);
	assert_string_equal(verdict("short_text", s), "!Your answer must be 500 "
	    "characters or fewer (you have 2 characters too many)");
	/* Stray continuation bytes are no characters, but not endless. */
	memset(s, 0x80, sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	assert_int_equal(chars_count(s), 0);
	assert_false(chars_fit(s, ANSWER_SHORT_MAX / 4));
	assert_true(chars_fit(s, ANSWER_SHORT_MAX));
	assert_string_equal(chars_too_many(a, "Too long", "abc", 2),
	    "Too long (you have 1 character too many)");
	assert_string_equal(chars_too_many(a, "Too long", "abc", 3), "Too long");
	assert_null(chars_too_many(a, NULL, "abc", 1));
}

static void
yes_no_takes_yes_no_and_true_false(void **state)
{
	(void)state;
	assert_string_equal(verdict("yes_no", "yes"), "yes|Yes");
	assert_string_equal(verdict("yes_no", "No"), "no|No");
	assert_string_equal(verdict("yes_no", "true"), "yes|Yes");
	assert_string_equal(verdict("yes_no", "FALSE"), "no|No");
	assert_string_equal(verdict("yes_no", "maybe"), "!Select yes or no");
	assert_string_equal(verdict("yes_no", "y"), "!Select yes or no");
	assert_string_equal(verdict("yes_no", ""), "!Select yes or no for \"What is it?\"");
}

static void
choices_take_only_the_options_offered(void **state)
{
	const char *both[] = { "tyres", "", "windows" };
	const char *one_bad[] = { "tyres", "painted-pink" };
	const char *two[] = { "tyres", "windows" };

	(void)state;
	assert_string_equal(verdict("single_choice", "windows"), "windows|Broken windows");
	assert_string_equal(verdict("single_choice", "Windows"),
	    "!Select one of the options shown");
	assert_string_equal(verdict_of("single_choice", 1, two, 2),
	    "!Select one of the options shown");
	assert_string_equal(verdict("single_choice", ""),
	    "!Select an option for \"What is it?\"");
	assert_string_equal(verdict_of("multiple_choice", 1, both, 3),
	    "[\"tyres\",\"windows\"]|Flat tyres, Broken windows");
	assert_string_equal(verdict_of("multiple_choice", 1, one_bad, 2),
	    "!Select one of the options shown");
	assert_string_equal(verdict_of("multiple_choice", 1, NULL, 0),
	    "!Select at least one option for \"What is it?\"");
}

static void
optional_blank_is_no_answer_and_unknown_kind_fails(void **state)
{
	static const char *const kinds[] = { "short_text", "long_text", "yes_no",
	    "single_choice", "multiple_choice", "date", "time", "number" };
	struct asb_question q = question("colour", 1);
	struct answer ans;
	const char *blank = " ", *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		assert_string_equal(verdict_of(kinds[i], 0, &blank, 1), "(blank)");
	assert_int_equal(answer_check(a, &q, &blank, 1, now, &ans, &why), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(date_parser_reads_real_dates_only),
		cmocka_unit_test(dates_are_real_and_not_in_the_future),
		cmocka_unit_test(date_grace_crosses_month_and_year_ends),
		cmocka_unit_test(numbers_are_whole_and_bounded),
		cmocka_unit_test(times_take_the_usual_spellings),
		cmocka_unit_test(text_has_a_length_limit_per_kind),
		cmocka_unit_test(text_length_counts_characters_not_bytes),
		cmocka_unit_test(yes_no_takes_yes_no_and_true_false),
		cmocka_unit_test(choices_take_only_the_options_offered),
		cmocka_unit_test(optional_blank_is_no_answer_and_unknown_kind_fails),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
