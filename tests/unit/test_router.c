/* Route matching and path parameters. */
#include <stdio.h>
#include <stdlib.h>

#include "test.h"

#include "core/arena.h"
#include "server/router.h"

static void h1(struct req *r) { (void)r; }
static void h2(struct req *r) { (void)r; }
static void h3(struct req *r) { (void)r; }

static const struct route table[] = {
	{ METHOD_GET,	"/",				h1, PERM_PUBLIC, 0 },
	{ METHOD_GET,	"/incidents/{ref}",		h2, PERM_PUBLIC, 0 },
	{ METHOD_POST,	"/incidents/{ref}/notes/{n}",	h3, PERM_PUBLIC, 0 },
};

static const struct route *
match(struct arena *a, struct req *r, enum http_method m, const char *path,
    int *status)
{
	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->method = m;
	r->path = path;
	return route_match(table, 3, r, status);
}

static void
matches_fixed_and_parameter_paths(void **state)
{
	struct arena *a = arena_new(0);
	struct req r;
	int st;

	(void)state;
	assert_ptr_equal(match(a, &r, METHOD_GET, "/", &st)->handler, h1);
	assert_ptr_equal(match(a, &r, METHOD_GET, "/incidents/ASB-1", &st)->handler, h2);
	assert_string_equal(req_param(&r, "ref"), "ASB-1");
	assert_ptr_equal(match(a, &r, METHOD_POST, "/incidents/X/notes/7", &st)->handler, h3);
	assert_string_equal(req_param(&r, "ref"), "X");
	assert_string_equal(req_param(&r, "n"), "7");
	arena_free(a);
}

static void
head_uses_the_get_route(void **state)
{
	struct arena *a = arena_new(0);
	struct req r;
	int st;

	(void)state;
	assert_ptr_equal(match(a, &r, METHOD_HEAD, "/", &st)->handler, h1);
	arena_free(a);
}

static void
unknown_path_is_404_and_wrong_method_405(void **state)
{
	struct arena *a = arena_new(0);
	struct req r;
	int st;

	(void)state;
	assert_null(match(a, &r, METHOD_GET, "/nothing", &st));
	assert_int_equal(st, 404);
	assert_null(match(a, &r, METHOD_DELETE, "/incidents/ASB-1", &st));
	assert_int_equal(st, 405);
	arena_free(a);
}

static void
parameters_need_exactly_one_nonempty_segment(void **state)
{
	struct arena *a = arena_new(0);
	struct req r;
	int st;

	(void)state;
	assert_null(match(a, &r, METHOD_GET, "/incidents/", &st));
	assert_null(match(a, &r, METHOD_GET, "/incidents", &st));
	assert_null(match(a, &r, METHOD_GET, "/incidents/a/b", &st));
	assert_null(match(a, &r, METHOD_GET, "/incidents//", &st));
	assert_null(match(a, &r, METHOD_GET, "//", &st));
	assert_null(match(a, &r, METHOD_GET, "", &st));
	assert_int_equal(route_path_match("/a/{x}", "/a/b/", NULL), 0);
	assert_int_equal(route_path_match("/a", "/ab", NULL), 0);
	assert_int_equal(route_path_match("/ab", "/a", NULL), 0);
	arena_free(a);
}

/* concord-fcgi --routes: a line per route, in table order, that a script
 * can split on tabs; a signed API route's permission is marked "api:", an
 * OData feed route's "odata:". */
static void
prints_method_pattern_and_permission_per_line(void **state)
{
	static const struct route t[] = {
		{ METHOD_GET,	"/",			h1, PERM_PUBLIC, 0 },
		{ METHOD_POST,	"/staff/sign-out",	h2, PERM_SIGNED_IN, 0 },
		{ METHOD_GET,	"/staff/incidents/{ref}", h3, PERM_INCIDENT_VIEW, ROUTE_NO_CSRF },
		{ METHOD_POST,	"/admin/users/{id}",	h1, PERM_ADMIN_USERS, 0 },
		{ METHOD_PATCH,	"/api/v1/incidents/{ref}", h2, PERM_INCIDENT_UPDATE, ROUTE_API_SIGNED },
		{ METHOD_GET,	"/odata/v4/{set}",	h3, PERM_REPORTING_VIEW, ROUTE_ODATA },
	};
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(route_table_print(f, t, 6), 0);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(text,
	    "GET\t/\tpublic\n"
	    "POST\t/staff/sign-out\tsigned_in\n"
	    "GET\t/staff/incidents/{ref}\tincident.view\n"
	    "POST\t/admin/users/{id}\tadmin.users\n"
	    "PATCH\t/api/v1/incidents/{ref}\tapi:incident.update\n"
	    "GET\t/odata/v4/{set}\todata:reporting.view\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matches_fixed_and_parameter_paths),
		cmocka_unit_test(head_uses_the_get_route),
		cmocka_unit_test(unknown_path_is_404_and_wrong_method_405),
		cmocka_unit_test(parameters_need_exactly_one_nonempty_segment),
		cmocka_unit_test(prints_method_pattern_and_permission_per_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
