/* The configuration file parser. */
#include "test.h"

#include <stdio.h>

#include "core/config.h"

static void
reads_every_kind_of_value(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c,
	    "# comment\n"
	    "env = production\n"
	    "  socket=/run/x.sock   # trailing comment\n"
	    "socket_mode = 0666\n"
	    "workers = 4\n"
	    "db = host=/tmp dbname=concord\n"
	    "body_max = 2097152\n"
	    "demo = 1\n"
	    "\n", err, sizeof(err)), 0);
	assert_true(c.production);
	assert_string_equal(c.socket, "/run/x.sock");
	assert_int_equal(c.socket_mode, 0666);
	assert_int_equal(c.workers, 4);
	assert_string_equal(c.db, "host=/tmp dbname=concord");
	assert_int_equal(c.body_max, 2097152);
	assert_int_equal(c.demo, 1);
}

/* The map: a tile URL that could break out of the CSP or an attribute is
 * refused, and so are coordinates and zooms out of range. */
static void
map_settings_are_checked(void **state)
{
	static const char *bad[] = {
		"map_tile_url = javascript:alert(1)\n",
		"map_tile_url = //evil.example/{z}/{x}/{y}.png\n",
		"map_tile_url = https://evil.example\n",
		"map_tile_url = https:///{z}.png\n",
		"map_tile_url = https://a.example/x;script-src\n",
		"map_tile_url = https://a.example/\"x\n",
		"map_tile_url = https://a.example/a b\n",
		"map_lon = 181\n",
		"map_lat = -86\n",
		"map_lat = 51.5x\n",
		"map_lat = nan\n",
		"map_zoom = 0\n",
		"map_zoom = 20\n",
	};
	struct config c;
	char err[256];
	size_t i;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.map_tile_url, "");
	assert_int_equal(config_parse(&c,
	    "map_tile_url = https://{s}.tile.example.org/{z}/{x}/{y}.png\n"
	    "map_attribution = (c) Example contributors\n"
	    "map_lon = -0.0922\n"
	    "map_lat = 51.5155\n"
	    "map_zoom = 14\n", err, sizeof(err)), 0);
	assert_string_equal(c.map_tile_url, "https://{s}.tile.example.org/{z}/{x}/{y}.png");
	assert_string_equal(c.map_attribution, "(c) Example contributors");
	assert_true(c.map_lon > -0.09221 && c.map_lon < -0.09219);
	assert_true(c.map_lat > 51.51549 && c.map_lat < 51.51551);
	assert_int_equal(c.map_zoom, 14);
	assert_int_equal(config_parse(&c, "map_tile_url = /dev-tiles/{z}/{x}/{y}.png\n",
	    err, sizeof(err)), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config_defaults(&c);
		assert_int_equal(config_parse(&c, bad[i], err, sizeof(err)), -1);
		assert_non_null(strstr(err, "line 1: map_"));
	}
}

/* public_url starts links in mail and JSON: an absolute http(s) base with
 * no trailing slash, and nothing that could end a URL in text or HTML. */
static void
public_url_is_an_absolute_base(void **state)
{
	static const char *bad[] = {
		"public_url = 127.0.0.1:8080\n",
		"public_url = /concord\n",
		"public_url = ftp://a.example\n",
		"public_url = https://\n",
		"public_url = https:///path\n",
		"public_url = https://a.example/\n",
		"public_url = https://a.example/?x=1\n",
		"public_url = https://a.example/#top\n",
		"public_url = https://a.example/\"><script>\n",
		"public_url = https://a.example/a b\n",
		"public_url = \n",
	};
	struct config c;
	char err[256];
	size_t i;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.public_url, "http://localhost");
	assert_int_equal(config_parse(&c, "public_url = http://127.0.0.1:18090\n", err,
	    sizeof(err)), 0);
	assert_string_equal(c.public_url, "http://127.0.0.1:18090");
	assert_int_equal(config_parse(&c, "public_url = https://asb.example.gov.uk/concord\n",
	    err, sizeof(err)), 0);
	assert_string_equal(c.public_url, "https://asb.example.gov.uk/concord");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config_defaults(&c);
		assert_int_equal(config_parse(&c, bad[i], err, sizeof(err)), -1);
		assert_non_null(strstr(err, "line 1: public_url"));
	}
}

/* postcode_districts: outward codes, kept upper-cased with one space
 * between; a word that is not one is refused by name. */
static void
postcode_districts_are_outward_codes(void **state)
{
	static const char *bad[] = {
		"postcode_districts = EC1A 1BB\n",
		"postcode_districts = EC\n",
		"postcode_districts = EC1AB\n",
		"postcode_districts = 1EC\n",
		"postcode_districts = EC1A,EC1M\n",
	};
	struct config c;
	char err[256];
	size_t i;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.postcode_districts, "");
	assert_int_equal(config_parse(&c, "postcode_districts = ec1a  EC1M\tE1 m60 sw1a\n",
	    err, sizeof(err)), 0);
	assert_string_equal(c.postcode_districts, "EC1A EC1M E1 M60 SW1A");
	assert_int_equal(config_parse(&c, "postcode_districts =\n", err, sizeof(err)), 0);
	assert_string_equal(c.postcode_districts, "");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config_defaults(&c);
		assert_int_equal(config_parse(&c, bad[i], err, sizeof(err)), -1);
		assert_non_null(strstr(err, "line 1: postcode_districts: \""));
	}
}

static void
unknown_key_names_the_line(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "workers = 2\nwrokers = 3\n", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "line 2"));
	assert_non_null(strstr(err, "wrokers"));
}

static void
bad_values_are_refused(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "workers = lots\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "workers = 99999\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "workers = 3x\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "env = staging\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "socket_mode = 0999\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "just a line\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "key = value"));
	assert_int_equal(config_parse(&c, "body_max = 99999999999999999999\n", err,
	    sizeof(err)), -1);
}

/* The job daemon's own connection, and how long delivered jobs are kept:
 * 30 days unless set, never zero (that would delete what is being sent). */
static void
worker_settings_are_read_and_checked(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(c.outbox_keep_days, 30);
	assert_string_equal(c.db_worker, "");
	assert_int_equal(config_parse(&c, "db_worker = dbname=concord user=concord_worker\n"
	    "outbox_keep_days = 7\n", err, sizeof(err)), 0);
	assert_string_equal(c.db_worker, "dbname=concord user=concord_worker");
	assert_int_equal(c.outbox_keep_days, 7);
	assert_int_equal(config_parse(&c, "outbox_keep_days = 0\n", err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "outbox_keep_days = 4000\n", err, sizeof(err)), -1);
}

static void
overlong_values_and_lines_are_refused(void **state)
{
	struct config c;
	char err[256], text[8000];

	(void)state;
	config_defaults(&c);
	memset(text, 'a', sizeof(text));
	memcpy(text, "socket = ", 9);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(config_parse(&c, text, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "too long"));
	memcpy(text, "db = ", 5);
	text[2000] = '\0';	/* A line that fits, a value that does not */
	assert_int_equal(config_parse(&c, text, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "db: value too long"));
}

/* The flag windows: the documented defaults, each key read, and each
 * refused just outside its range (with its name in the message). */
static void
flag_windows_are_read_and_checked(void **state)
{
	static const struct {
		const char	*key;
		size_t		 off;
		int		 def, lo, hi;
	} keys[] = {
#define K(f, d, lo, hi)	{ #f, offsetof(struct config, f), d, lo, hi }
		K(repeat_victim_days, 365, 1, 3650),
		K(repeat_location_metres, 100, 1, 10000),
		K(repeat_location_days, 90, 1, 3650),
		K(repeat_location_count, 3, 2, 100),
		K(case_review_days, 183, 1, 3650),
		K(case_review_prompt_at, 2, 1, 100),
		K(case_review_threshold, 3, 1, 100),
#undef K
	};
	struct config c;
	char err[256], line[128];
	size_t i;
	int v;

	(void)state;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		config_defaults(&c);
		assert_int_equal(*(int *)((char *)&c + keys[i].off), keys[i].def);
		/* Prompt and threshold are raised together to stay in order. */
		snprintf(line, sizeof(line), "case_review_threshold = 100\n%s = %d\n",
		    keys[i].key, keys[i].hi);
		assert_int_equal(config_parse(&c, line, err, sizeof(err)), 0);
		assert_int_equal(*(int *)((char *)&c + keys[i].off), keys[i].hi);
		for (v = keys[i].lo - 1; v <= keys[i].hi + 1; v += keys[i].hi - keys[i].lo + 2) {
			config_defaults(&c);
			snprintf(line, sizeof(line), "%s = %d\n", keys[i].key, v);
			assert_int_equal(config_parse(&c, line, err, sizeof(err)), -1);
			assert_non_null(strstr(err, keys[i].key));
		}
	}
}

/* A prompt that comes after the threshold could never be shown. */
static void
case_review_prompt_comes_before_threshold(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_prompt_at = 3\n", err,
	    sizeof(err)), 0);
	assert_int_equal(config_parse(&c, "case_review_prompt_at = 4\n", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "case_review_threshold (3)"));
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_threshold = 5\n"
	    "case_review_prompt_at = 4\n", err, sizeof(err)), 0);
}

/* The Case Review count's local rules, their defaults, ranges
 * and yes/no. */
static void
case_review_count_rules_are_read_and_checked(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(c.case_review_complaint_within_days, 31);
	assert_int_equal(c.case_review_hate_single, 0);
	assert_int_equal(c.case_review_several_reports, 5);
	assert_int_equal(c.case_review_several_people, 2);
	assert_int_equal(config_parse(&c, "case_review_complaint_within_days = 366\n"
	    "case_review_hate_single = yes\ncase_review_several_reports = 0\n"
	    "case_review_several_people = 100\n", err, sizeof(err)), 0);
	assert_int_equal(c.case_review_complaint_within_days, 366);
	assert_int_equal(c.case_review_hate_single, 1);
	assert_int_equal(c.case_review_several_reports, 0);
	assert_int_equal(c.case_review_several_people, 100);
	assert_int_equal(config_parse(&c, "case_review_hate_single = no\n", err,
	    sizeof(err)), 0);
	assert_int_equal(c.case_review_hate_single, 0);
	assert_int_equal(config_parse(&c, "case_review_hate_single = 1\n", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "case_review_hate_single: must be yes or no"));
	assert_int_equal(config_parse(&c, "case_review_complaint_within_days = 0\n",
	    err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "case_review_complaint_within_days = 367\n",
	    err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "case_review_several_reports = 101\n",
	    err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "case_review_several_reports = -1\n",
	    err, sizeof(err)), -1);
	assert_int_equal(config_parse(&c, "case_review_several_people = 0\n",
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "case_review_several_people"));
}

/* The review cadences are day lists, increasing, 1 to 3650 days,
 * at most 16; empty is none; the defaults are issue 13's. */
static void
review_cadences_are_day_lists(void **state)
{
	static const char *bad[] = {
		"case_review_cadence_high = 14,28,28\n",
		"case_review_cadence_high = 28,14\n",
		"case_review_cadence_high = 0\n",
		"case_review_cadence_high = 3651\n",
		"case_review_cadence_high = 14,\n",
		"case_review_cadence_high = 14,,28\n",
		"case_review_cadence_high = 14 28\n",
		"case_review_cadence_high = fortnightly\n",
		"case_review_cadence_medium = 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17\n",
	};
	struct config c;
	char err[256];
	size_t i;

	(void)state;
	config_defaults(&c);
	assert_int_equal(c.case_review_cadence_high.n, 3);
	assert_int_equal(c.case_review_cadence_high.days[0], 14);
	assert_int_equal(c.case_review_cadence_high.days[2], 56);
	assert_int_equal(c.case_review_cadence_medium.n, 2);
	assert_int_equal(c.case_review_cadence_medium.days[1], 56);
	assert_int_equal(c.case_review_cadence_standard.n, 0);
	assert_int_equal(config_parse(&c, "case_review_cadence_high = 7, 14 ,21\n"
	    "case_review_cadence_medium =\n"
	    "case_review_cadence_standard = 90\n", err, sizeof(err)), 0);
	assert_int_equal(c.case_review_cadence_high.n, 3);
	assert_int_equal(c.case_review_cadence_high.days[1], 14);
	assert_int_equal(c.case_review_cadence_high.days[2], 21);
	assert_int_equal(c.case_review_cadence_medium.n, 0);
	assert_int_equal(c.case_review_cadence_standard.n, 1);
	assert_int_equal(c.case_review_cadence_standard.days[0], 90);
	assert_int_equal(config_parse(&c, "case_review_cadence_low = 7\n", err,
	    sizeof(err)), -1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config_defaults(&c);
		assert_int_equal(config_parse(&c, bad[i], err, sizeof(err)), -1);
		assert_non_null(strstr(err, "case_review_cadence_"));
		/* A refused value leaves the default as it was. */
		assert_int_equal(c.case_review_cadence_high.n, 3);
		assert_int_equal(c.case_review_cadence_medium.n, 2);
	}
}

static void
missing_file_is_an_error(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	assert_int_equal(config_load(&c, "/nonexistent/concord.conf", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/concord.conf"));
}

/* The Case Review register's keys — the documented defaults,
 * each day count read at its ends and refused just outside, and the team
 * and agency codes held to the database's code rule. */
static void
case_review_register_keys_are_read_and_checked(void **state)
{
	static const struct {
		const char	*key;
		size_t		 off;
		int		 def, lo, hi;
	} keys[] = {
#define K(f, d, lo, hi)	{ #f, offsetof(struct config, f), d, lo, hi }
		K(case_review_acknowledge_days, 3, 1, 60),
		K(case_review_decide_days, 14, 1, 120),
		K(case_review_review_days, 21, 1, 365),
		K(case_review_recommendations_days, 10, 1, 120),
		K(case_review_outcome_days, 5, 1, 120),
		K(case_review_appeal_days, 15, 1, 120),
#undef K
	};
	struct config c;
	char err[256], line[128];
	size_t i;
	int v;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.case_review_team, "community-safety");
	assert_string_equal(c.case_review_agency, "");
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		config_defaults(&c);
		assert_int_equal(*(int *)((char *)&c + keys[i].off), keys[i].def);
		for (v = keys[i].lo; v <= keys[i].hi; v += keys[i].hi - keys[i].lo) {
			snprintf(line, sizeof(line), "%s = %d\n", keys[i].key, v);
			assert_int_equal(config_parse(&c, line, err, sizeof(err)), 0);
			assert_int_equal(*(int *)((char *)&c + keys[i].off), v);
		}
		for (v = keys[i].lo - 1; v <= keys[i].hi + 1; v += keys[i].hi - keys[i].lo + 2) {
			config_defaults(&c);
			snprintf(line, sizeof(line), "%s = %d\n", keys[i].key, v);
			assert_int_equal(config_parse(&c, line, err, sizeof(err)), -1);
			assert_non_null(strstr(err, keys[i].key));
		}
	}
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_team = asb-hub\n"
	    "case_review_agency = city-council\n", err, sizeof(err)), 0);
	assert_string_equal(c.case_review_team, "asb-hub");
	assert_string_equal(c.case_review_agency, "city-council");
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_team = Community Safety\n", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "case_review_team"));
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_team =\n", err, sizeof(err)), -1);
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_agency = x\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "case_review_agency"));
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "case_review_agency = "
	    "an-agency-code-longer-than-32-chars\n", err, sizeof(err)), -1);
}

/* The reporting views' pseudonym key is a file beside the API key's. */
static void
pseudonym_key_file_is_read(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.pseudonym_key_file, "pseudonym.key");
	assert_int_equal(config_parse(&c, "pseudonym_key_file = /srv/concord/pseudonym.key\n",
	    err, sizeof(err)), 0);
	assert_string_equal(c.pseudonym_key_file, "/srv/concord/pseudonym.key");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_every_kind_of_value),
		cmocka_unit_test(map_settings_are_checked),
		cmocka_unit_test(public_url_is_an_absolute_base),
		cmocka_unit_test(postcode_districts_are_outward_codes),
		cmocka_unit_test(unknown_key_names_the_line),
		cmocka_unit_test(bad_values_are_refused),
		cmocka_unit_test(worker_settings_are_read_and_checked),
		cmocka_unit_test(overlong_values_and_lines_are_refused),
		cmocka_unit_test(flag_windows_are_read_and_checked),
		cmocka_unit_test(case_review_prompt_comes_before_threshold),
		cmocka_unit_test(case_review_count_rules_are_read_and_checked),
		cmocka_unit_test(review_cadences_are_day_lists),
		cmocka_unit_test(missing_file_is_an_error),
		cmocka_unit_test(case_review_register_keys_are_read_and_checked),
		cmocka_unit_test(pseudonym_key_file_is_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
