/* Where a webhook goes, as its signature names it (jobs/webhook_send.c):
 * the path and query libcurl will send, and only http and https. */
#include "test.h"

#include "jobs/jobs.h"

struct target {
	char	path[256];
	char	query[256];
	char	err[256];
};

static int
parse(const char *url, struct target *t)
{
	memset(t, 0, sizeof(*t));
	return webhook_target(url, t->path, sizeof(t->path), t->query, sizeof(t->query),
	    t->err, sizeof(t->err));
}

static void
path_and_query_as_sent(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse("http://127.0.0.1:8080/cad/hooks?via=concord&x=%20", &t), 0);
	assert_string_equal(t.path, "/cad/hooks");
	assert_string_equal(t.query, "via=concord&x=%20");
	assert_int_equal(parse("https://cad.example/in#part", &t), 0);
	assert_string_equal(t.path, "/in");
	assert_string_equal(t.query, "");
}

/* An address with no path is a POST to "/"; dot segments go as libcurl
 * resolves them before sending. */
static void
no_path_is_root_and_dots_are_resolved(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse("https://cad.example", &t), 0);
	assert_string_equal(t.path, "/");
	assert_int_equal(parse("http://cad.example/a/b/../c/./d", &t), 0);
	assert_string_equal(t.path, "/a/c/d");
}

static void
refuses_other_schemes(void **state)
{
	static const char *const bad[] = {
		"ftp://cad.example/in", "file:///etc/passwd", "gopher://cad.example/",
		"dict://cad.example/", "cad.example/in", "",
	};
	struct target t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(bad[i], &t), -1);
}

/* What would be sent other than as written cannot be signed as written. */
static void
refuses_spaces_controls_and_non_ascii(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse("http://cad.example/a b", &t), -1);
	assert_int_equal(parse("http://cad.example/a\tb", &t), -1);
	assert_int_equal(parse("http://cad.example/caf\xc3\xa9", &t), -1);
	assert_non_null(strstr(t.err, "ASCII"));
}

static void
refuses_what_does_not_fit(void **state)
{
	char url[600];
	struct target t;

	(void)state;
	memset(url, 'a', sizeof(url) - 1);
	url[sizeof(url) - 1] = '\0';
	memcpy(url, "http://x.example/", 17);
	assert_int_equal(parse(url, &t), -1);
	assert_non_null(strstr(t.err, "too long"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(path_and_query_as_sent),
		cmocka_unit_test(no_path_is_root_and_dots_are_resolved),
		cmocka_unit_test(refuses_other_schemes),
		cmocka_unit_test(refuses_spaces_controls_and_non_ascii),
		cmocka_unit_test(refuses_what_does_not_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
