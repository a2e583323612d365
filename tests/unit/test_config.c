/* The configuration file parser. */
#include "test.h"

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
	text[2000] = '\0';	/* a line that fits, a value that does not */
	assert_int_equal(config_parse(&c, text, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "db: value too long"));
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_every_kind_of_value),
		cmocka_unit_test(unknown_key_names_the_line),
		cmocka_unit_test(bad_values_are_refused),
		cmocka_unit_test(overlong_values_and_lines_are_refused),
		cmocka_unit_test(missing_file_is_an_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
