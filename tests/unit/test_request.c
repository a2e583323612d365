/* Building a request from FastCGI parameters, with hostile input. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/buf.h"
#include "http/request.h"

static struct arena *a;

static int
setup(void **state)
{
	(void)state;
	a = arena_new(0);
	return a == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

static void
a_normal_get(void **state)
{
	char *env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/incidents/ASB-2026-000001?tab=history&x=%2F",
		"REQUEST_ID=abc123",
		"REMOTE_ADDR=127.0.0.1",
		"HTTP_USER_AGENT=test/1.0",
		"HTTP_COOKIE=sid=s1; flash=hi",
		"HTTPS=on",
		NULL,
	};
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, env, &req_limits_default), 0);
	assert_int_equal(r.method, METHOD_GET);
	assert_string_equal(r.path, "/incidents/ASB-2026-000001");
	assert_string_equal(r.query_string, "tab=history&x=%2F");
	assert_string_equal(req_query(&r, "tab"), "history");
	assert_string_equal(req_query(&r, "x"), "/");
	assert_string_equal(r.request_id, "abc123");
	assert_string_equal(req_header(&r, "User-Agent"), "test/1.0");
	assert_string_equal(req_cookie(&r, "sid"), "s1");
	assert_true(r.https);
	assert_int_equal(r.content_length, -1);
}

static void
missing_request_id_gets_one(void **state)
{
	char *env[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/", NULL };
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, env, &req_limits_default), 0);
	assert_int_equal(strlen(r.request_id), 32);
}

static void
unknown_method_is_405(void **state)
{
	char *env[] = { "REQUEST_METHOD=BREW", "REQUEST_URI=/", NULL };
	char *none[] = { "REQUEST_URI=/", NULL };
	char *longm[] = { "REQUEST_METHOD=AVERYVERYVERYLONGMETHODNAME", "REQUEST_URI=/", NULL };
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, env, &req_limits_default), 405);
	assert_non_null(r.error);
	assert_int_equal(req_parse(&r, a, none, &req_limits_default), 405);
	assert_int_equal(req_parse(&r, a, longm, &req_limits_default), 405);
	assert_string_equal(r.method_name, "(long)");
}

static void
bad_targets_are_400_or_414(void **state)
{
	char *rel[] = { "REQUEST_METHOD=GET", "REQUEST_URI=incidents", NULL };
	char *nouri[] = { "REQUEST_METHOD=GET", NULL };
	char *badpct[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/a%zz", NULL };
	char *nulpct[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/a%00b", NULL };
	char *badq[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/?q=%", NULL };
	char *longuri[] = { "REQUEST_METHOD=GET", NULL, NULL };
	struct req r;
	char *u;

	(void)state;
	assert_int_equal(req_parse(&r, a, rel, &req_limits_default), 400);
	assert_int_equal(req_parse(&r, a, nouri, &req_limits_default), 400);
	assert_int_equal(req_parse(&r, a, badpct, &req_limits_default), 400);
	assert_int_equal(req_parse(&r, a, nulpct, &req_limits_default), 400);
	assert_int_equal(req_parse(&r, a, badq, &req_limits_default), 400);
	u = malloc(20000);
	memcpy(u, "REQUEST_URI=/", 13);
	memset(u + 13, 'a', 10000);
	u[10013] = '\0';
	longuri[1] = u;
	assert_int_equal(req_parse(&r, a, longuri, &req_limits_default), 414);
	free(u);
}

static void
too_many_query_parameters_is_400(void **state)
{
	struct buf b = {0};
	char *env[] = { "REQUEST_METHOD=GET", NULL, NULL };
	struct req r;
	int i;

	(void)state;
	buf_puts(&b, "REQUEST_URI=/?");
	for (i = 0; i < 100; i++)
		buf_printf(&b, "k%d=v&", i);
	env[1] = b.data;
	assert_int_equal(req_parse(&r, a, env, &req_limits_default), 400);
	buf_free(&b);
}

static void
huge_header_is_431(void **state)
{
	char *env[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/", NULL, NULL };
	struct req r;
	char *h = malloc(10000);

	(void)state;
	memcpy(h, "HTTP_X_BIG=", 11);
	memset(h + 11, 'x', 9000);
	h[9011] = '\0';
	env[2] = h;
	assert_int_equal(req_parse(&r, a, env, &req_limits_default), 431);
	free(h);
}

static void
content_length_is_checked(void **state)
{
	char *ok[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=10", NULL };
	char *neg[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=-1", NULL };
	char *junk[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=12ab", NULL };
	char *big[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=1048577", NULL };
	char *huge[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
	    "CONTENT_LENGTH=99999999999999999999999", NULL };
	char *empty[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/", "CONTENT_LENGTH=", NULL };
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, ok, &req_limits_default), 0);
	assert_int_equal(r.content_length, 10);
	assert_int_equal(req_parse(&r, a, neg, &req_limits_default), 400);
	assert_int_equal(req_parse(&r, a, junk, &req_limits_default), 400);
	assert_int_equal(req_parse(&r, a, big, &req_limits_default), 413);
	assert_int_equal(req_parse(&r, a, huge, &req_limits_default), 413);
	assert_int_equal(req_parse(&r, a, empty, &req_limits_default), 0);
	assert_int_equal(r.content_length, -1);
}

static void
form_body_is_parsed_only_when_urlencoded(void **state)
{
	char *form[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
	    "CONTENT_TYPE=application/x-www-form-urlencoded; charset=utf-8",
	    "CONTENT_LENGTH=13", NULL };
	char *json[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
	    "CONTENT_TYPE=application/json", "CONTENT_LENGTH=13", NULL };
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, form, &req_limits_default), 0);
	r.body = "a=1&b=two+3&";
	r.body_len = strlen(r.body);
	assert_int_equal(req_body_parse(&r, &req_limits_default), 0);
	assert_string_equal(req_form(&r, "b"), "two 3");
	assert_int_equal(req_parse(&r, a, json, &req_limits_default), 0);
	r.body = "a=1";
	r.body_len = 3;
	assert_int_equal(req_body_parse(&r, &req_limits_default), 0);
	assert_null(req_form(&r, "a"));
}

static void
malformed_form_body_is_400(void **state)
{
	char *form[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, form, &req_limits_default), 0);
	r.body = "a=%G1";
	r.body_len = 5;
	assert_int_equal(req_body_parse(&r, &req_limits_default), 400);
	assert_non_null(r.error);
}

static void
environment_without_equals_is_skipped(void **state)
{
	char *env[] = { "GARBAGE", "REQUEST_METHOD=GET", "=", "REQUEST_URI=/", NULL };
	struct req r;

	(void)state;
	assert_int_equal(req_parse(&r, a, env, &req_limits_default), 0);
	assert_string_equal(r.path, "/");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_normal_get),
		cmocka_unit_test(missing_request_id_gets_one),
		cmocka_unit_test(unknown_method_is_405),
		cmocka_unit_test(bad_targets_are_400_or_414),
		cmocka_unit_test(too_many_query_parameters_is_400),
		cmocka_unit_test(huge_header_is_431),
		cmocka_unit_test(content_length_is_checked),
		cmocka_unit_test(form_body_is_parsed_only_when_urlencoded),
		cmocka_unit_test(malformed_form_body_is_400),
		cmocka_unit_test(environment_without_equals_is_skipped),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
