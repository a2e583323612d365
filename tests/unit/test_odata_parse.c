/* fcgi/odata: the system query options and $filter of an OData request,
 * read for a test entity: what parses, what is a 400 and where, what is
 * a 501, and syntax-only mode. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "odata/odata_impl.h"
#include "odata_entity.h"

static struct arena *arena;

static int
setup(void **state)
{
	(void)state;
	arena = arena_new(4096);
	return arena == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(arena);
	return 0;
}

static struct odata_query q;
static struct odata_error err;

static void
ok(const char *query)
{
	if (odata_query_parse(arena, &test_entity, query, &q, &err) != 0)
		fail_msg("%s: %d %s: %s", query, err.status, err.code, err.message);
}

/* The query is refused with status and code, at query_at in the raw
 * query string (-2: any). */
static void
refused(const char *query, int status, const char *code, long query_at)
{
	if (odata_query_parse(arena, &test_entity, query, &q, &err) != -1)
		fail_msg("%s: parsed", query);
	if (err.status != status || strcmp(err.code, code) != 0 ||
	    (query_at != -2 && err.query_at != query_at))
		fail_msg("%s: %d %s at %ld (%s), want %d %s at %ld", query, err.status,
		    err.code, err.query_at, err.message, status, code, query_at);
	assert_true(err.message[0] != '\0');
}

/* A $filter value alone: refused with status and code at at. */
static void
filter_refused(const char *filter, int status, const char *code, long at)
{
	struct odata_expr *e;

	if (odata_filter_parse(arena, &test_entity, filter, &e, &err) != -1)
		fail_msg("%s: parsed", filter);
	if (err.status != status || strcmp(err.code, code) != 0 || err.at != at)
		fail_msg("%s: %d %s at %ld (%s), want %d %s at %ld", filter, err.status,
		    err.code, err.at, err.message, status, code, at);
}

static void
filter_ok(const char *filter)
{
	struct odata_expr *e;

	if (odata_filter_parse(arena, &test_entity, filter, &e, &err) != 0)
		fail_msg("%s: %d %s: %s", filter, err.status, err.code, err.message);
	assert_non_null(e);
}

static void
test_every_option_is_read(void **state)
{
	(void)state;
	ok("$select=Name,At&$orderby=Name%20desc,At&$top=10&$skip=20&$count=true"
	    "&$format=application/json;odata.metadata=minimal&$skiptoken=ab%2Bc&key=xyz");
	assert_int_equal(q.nselect, 2);
	assert_string_equal(q.select[0]->name, "Name");
	assert_string_equal(q.select[1]->name, "At");
	assert_int_equal(q.norder, 2);
	assert_string_equal(q.order[0].column->name, "Name");
	assert_true(q.order[0].desc);
	assert_string_equal(q.order[1].column->name, "At");
	assert_false(q.order[1].desc);
	assert_int_equal(q.top, 10);
	assert_int_equal(q.skip, 20);
	assert_true(q.count);
	assert_string_equal(q.format, "application/json;odata.metadata=minimal");
	assert_string_equal(q.skiptoken, "ab+c");
	assert_null(q.filter);
	assert_ptr_equal(q.entity, &test_entity);
}

static void
test_nothing_asked_gives_the_defaults(void **state)
{
	(void)state;
	ok("");
	assert_int_equal(q.top, -1);
	assert_int_equal(q.skip, 0);
	assert_int_equal(q.nselect, 0);
	assert_int_equal(q.norder, 0);
	assert_null(q.skiptoken);
	ok("$select=*&$count=false&&custom=1&@alias=2");
	assert_int_equal(q.nselect, 0);
	assert_false(q.count);
}

static void
test_a_repeated_system_option_is_400(void **state)
{
	(void)state;
	refused("$top=1&$top=2", 400, "repeated_option", 7);
	refused("$filter=Open&$select=Name&$filter=Open", 400, "repeated_option", 26);
	/* a custom option may repeat */
	ok("key=1&key=2");
}

static void
test_top_skip_and_count_take_only_their_values(void **state)
{
	(void)state;
	refused("$top=-1", 400, "syntax", 5);
	refused("$top=ten", 400, "syntax", 5);
	refused("$top=", 400, "syntax", 5);
	refused("$top", 400, "syntax", 4);
	refused("$skip=1.5", 400, "syntax", 6);
	refused("$top=99999999999999999999", 400, "syntax", 5);
	refused("$count=yes", 400, "syntax", 7);
	refused("$count=TRUE", 400, "syntax", 7);
	ok("$top=0&$skip=0");
	assert_int_equal(q.top, 0);
}

static void
test_unsupported_options_are_501_and_unknown_ones_400(void **state)
{
	(void)state;
	refused("$expand=Team", 501, "not_supported", 0);
	refused("$top=1&$search=blue", 501, "not_supported", 7);
	refused("$apply=groupby((Name))", 501, "not_supported", 0);
	refused("$compute=Count%20add%201%20as%20C", 501, "not_supported", 0);
	refused("$levels=2", 501, "not_supported", 0);
	refused("$index=1", 501, "not_supported", 0);
	refused("$foo=1", 400, "unknown_option", 0);
	refused("$Filter=Open", 400, "unknown_option", 0);
	/* OData 4.0: without '$' it is a custom option, ignored */
	ok("filter=Nope%20eq%201&top=x");
	assert_null(q.filter);
	assert_int_equal(q.top, -1);
}

static void
test_filter_errors_say_where_and_what(void **state)
{
	(void)state;
	filter_refused("Name eq", 400, "syntax", 7);
	filter_refused("Name eq ", 400, "syntax", 8);
	assert_non_null(strstr(err.message, "after 'eq'"));
	assert_non_null(strstr(err.message, "at character 9"));
	filter_refused("(Open", 400, "syntax", 5);
	filter_refused("Open)", 400, "syntax", 4);
	filter_refused("Name eq 'x", 400, "syntax", 8);
	filter_refused("Name  eq 'x' foo", 400, "syntax", 13);
	filter_refused(" Open", 400, "syntax", 0);
	filter_refused("Open ", 400, "syntax", 4);
	filter_refused("", 400, "syntax", 0);
	filter_refused("Name eq 'x' and", 400, "syntax", 15);
	filter_refused("Count gt 5.", 400, "syntax", 11);
	/* the query's offset counts the raw bytes before it */
	refused("$filter=Name%20eq%20", 400, "syntax", 20);
	assert_int_equal(err.at, 8);
}

static void
test_unknown_properties_are_400(void **state)
{
	(void)state;
	filter_refused("Nope eq 1", 400, "unknown_property", 0);
	filter_refused("Open and Nope", 400, "unknown_property", 9);
	refused("$select=Name,Nope", 400, "unknown_property", 13);
	refused("$orderby=Nope%20desc", 400, "unknown_property", 9);
	/* names are case-sensitive */
	filter_refused("name eq 'x'", 400, "unknown_property", 0);
}

static void
test_type_errors_are_400_type(void **state)
{
	(void)state;
	filter_refused("contains(Count,'x')", 400, "type", 9);
	filter_refused("Name eq 5", 400, "type", 5);
	filter_refused("Count eq 'x'", 400, "type", 6);
	filter_refused("Count add 'x' eq 1", 400, "type", 6);
	filter_refused("Name", 400, "type", 0);
	filter_refused("Count", 400, "type", 0);
	filter_refused("hour(Day) eq 1", 400, "type", 5);
	filter_refused("Open and Name eq 'x' or Count", 400, "type", 21);
	filter_refused("not Count", 400, "type", 0);
	filter_refused("-Name eq 'x'", 400, "type", 0);
	filter_refused("Day eq 2024-01-01T00:00:00Z", 400, "type", 4);
	filter_refused("Count gt null", 400, "type", 6);
	filter_refused("length(null) eq 1", 400, "type", 7);
	filter_refused("Name in ('a', 1)", 400, "type", 14);
	filter_refused("substring(Name, 'a') eq 'b'", 400, "type", 16);
	filter_ok("Amount gt 5 and Score lt 2.5 and Count add Amount ge 1e3");
	filter_ok("Open eq true and not (Open ne false)");
	filter_ok("Day le 2024-02-29 and At gt 2024-01-31T10:00:00Z");
}

static void
test_functions_unknown_are_400_standard_unsupported_501(void **state)
{
	(void)state;
	filter_refused("frobnicate(Name) eq 1", 400, "unknown_function", 0);
	filter_refused("length(Name, Name) eq 1", 400, "arity", 0);
	filter_refused("now(1) eq At", 400, "arity", 0);
	filter_refused("matchesPattern(Name,'^a')", 501, "not_supported", 0);
	filter_refused("geo.distance(Name,Name) lt 1", 501, "not_supported", 0);
	filter_refused("isof(Name,Edm.String)", 501, "not_supported", 0);
	filter_refused("cast(Name,Edm.Int32) eq 1", 501, "not_supported", 0);
	filter_refused("Things/any(t:t/Open)", 501, "not_supported", 6);
	filter_refused("Name/Length eq 1", 501, "not_supported", 4);
	filter_refused("$it/Name eq 'x'", 501, "not_supported", 0);
	filter_refused("Things/$count gt 1", 501, "not_supported", 6);
	filter_refused("Name eq @who", 501, "not_supported", 8);
	filter_refused("Name has 'x'", 501, "not_supported", 5);
	filter_refused("Count divby 2 eq 1", 501, "not_supported", 6);
	filter_refused("Name in ['a']", 501, "not_supported", 8);
	filter_ok("contains(Name,'a') and startswith(Name,'b') and endswith(Name,'c')");
	filter_ok("length(trim(tolower(toupper(Name)))) eq indexof(concat(Name,'x'),'x')");
	filter_ok("substring(Name,1) eq 'a' and substring(Name,1,2) eq 'b'");
	filter_ok("year(At) eq 2024 and month(Day) eq 1 and day(At) eq 2 and hour(At) eq 3 "
	    "and minute(At) eq 4 and second(At) eq 5 and date(At) eq 2024-01-02");
	filter_ok("At lt now() and round(Amount) eq floor(Score) and ceiling(Count) eq 1");
}

static void
test_literals_of_every_kind(void **state)
{
	struct odata_expr *e;

	(void)state;
	filter_ok("Name eq 'O''Neil'");
	assert_int_equal(odata_filter_parse(arena, &test_entity, "Name eq 'O''Neil'", &e, &err), 0);
	assert_int_equal(e->b->kind, N_LITERAL);
	assert_string_equal(e->b->text, "O'Neil");
	filter_ok("Count eq -2147483648 and Id eq 9223372036854775807");
	filter_ok("Amount eq 12345678901234567890123 and Score eq -1.5e-3 and Score ne INF");
	filter_ok("At ge 2024-01-31T10:00:00+01:00 and At le 2024-01-31T10:00:00.123456-05:00");
	filter_ok("At eq 2024-01-31T10:00Z and Closed eq null");
	filter_refused("At eq 2024-01-31T24:00:00Z", 400, "syntax", 18);
	filter_refused("Day eq 2024-02-30", 400, "syntax", 15);
	filter_refused("Day eq 2023-02-29", 400, "syntax", 15);
	filter_refused("Day eq 2024-13-01", 400, "syntax", 13);
	filter_refused("At eq 2024-01-31T10:00:00", 400, "syntax", 25);
	filter_refused("Name eq 01234567-89ab-cdef-0123-456789abcdef", 501, "not_supported", 8);
	filter_refused("Name eq 01234567-89ab-cdef-456789abcdef", 400, "syntax", 31);
	filter_refused("At eq duration'P1DT2H'", 501, "not_supported", 6);
	filter_refused("At eq duration'1DT2H'", 400, "syntax", 15);
	filter_refused("Name eq binary'Zm9v'", 501, "not_supported", 8);
	filter_refused("Name eq Model.Kind'A'", 501, "not_supported", 8);
	filter_refused("Name eq X'00'", 400, "syntax", 8);
	filter_refused("Day eq 0000-01-01", 501, "not_supported", 7);
	filter_refused("Count eq 1e", 400, "syntax", 11);
	filter_refused("Score eq 1e400", 400, "syntax", 9);
	filter_refused("Score eq -1e-400", 400, "syntax", 9);
	filter_refused("Count eq 12ab", 400, "syntax", 11);
	/* the database takes UTF-8 text only */
	filter_ok("Name eq 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80'");
	filter_refused("Name eq 'ab\xff'", 400, "syntax", 11);
	filter_refused("Name eq 'a\xc3'", 400, "syntax", 10);
	filter_refused("Name eq '\xed\xa0\x80'", 400, "syntax", 9);
	filter_refused("Name eq '\xc0\xaf'", 400, "syntax", 9);
}

static void
test_the_query_string_is_decoded_before_parsing(void **state)
{
	(void)state;
	ok("%24filter=Name%20eq%20%27a%26b%27");
	assert_string_equal(q.filter->b->text, "a&b");
	/* form encoding: '+' is a space, except a date-time offset's sign */
	ok("$filter=At+ge+2024-01-31T10:00:00+01:00");
	assert_string_equal(q.filter->b->text, "2024-01-31T10:00:00+01:00");
	ok("$filter=At%20ge%202024-01-31T10:00:00%2B01:00");
	assert_string_equal(q.filter->b->text, "2024-01-31T10:00:00+01:00");
	refused("$filter=Name%20eq%20%27%ZZ%27", 400, "syntax", 23);
	refused("$filter=Name%20eq%20%27%00%27", 400, "syntax", 23);
	refused("$filter=Name%20eq%20%2", 400, "syntax", 20);
}

static void
test_in_lists_and_null(void **state)
{
	(void)state;
	filter_ok("Id in (1, 2,3)");
	filter_ok("Name in ('a','b',null)");
	filter_ok("Name in ()");
	filter_ok("Name in (Name)");
	filter_refused("Name in (Name,'a')", 400, "syntax", 13);
	filter_refused("Name in ('a',Name)", 400, "syntax", 13);
	filter_refused("Name in 'a'", 400, "syntax", 8);
	filter_ok("Amount eq null or null ne Name");
}

static void
test_select_and_orderby_lists(void **state)
{
	(void)state;
	ok("$select=Name,Name,Count");
	assert_int_equal(q.nselect, 2);
	refused("$select=", 400, "syntax", 8);
	refused("$select=Name,", 400, "syntax", 13);
	refused("$select=Name;Count", 400, "syntax", 12);
	refused("$select=Team/Name", 501, "not_supported", 8);
	refused("$select=Model.Thing", 501, "not_supported", 8);
	ok("$orderby=Name%20asc,%20Count%20desc,Id");
	assert_int_equal(q.norder, 3);
	assert_true(q.order[1].desc);
	refused("$orderby=Name%20up", 400, "syntax", 16);
	refused("$orderby=length(Name)", 501, "not_supported", 9);
	refused("$orderby=Name,", 400, "syntax", -2);
	refused("$orderby=Id,Name,Count,Amount,Score,Open,Day,At,Closed", 400, "too_many", 48);
}

static void
test_deep_nesting_is_refused(void **state)
{
	char s[2000];
	size_t i;

	(void)state;
	for (i = 0; i < 500; i++)
		s[i] = '(';
	strcpy(s + 500, "Open");
	for (i = 0; i < 500; i++)
		s[504 + i] = ')';
	s[1004] = '\0';
	filter_refused(s, 400, "too_deep", 100);
	for (i = 0; i < 300; i++)
		memcpy(s + 4 * i, "not ", 4);
	strcpy(s + 1200, "Open");
	filter_refused(s, 400, "too_deep", 400);
	/* just under the limit parses */
	strcpy(s + 4 * 99, "Open");
	filter_ok(s);
}

static void
test_memory_grows_with_the_input_not_its_square(void **state)
{
	struct buf b = {0};
	struct arena *own;
	struct odata_expr *e;
	int i;

	(void)state;
	buf_puts(&b, "Name in (");
	for (i = 0; i < 3000; i++)
		buf_printf(&b, "%s'value%04d'", i ? ", " : "", i);
	buf_puts(&b, ")");
	assert_false(b.oom);
	assert_non_null(own = arena_new(4096));
	assert_int_equal(odata_filter_parse(own, &test_entity, buf_cstr(&b), &e, &err), 0);
	assert_int_equal(e->nargs, 3000);
	assert_true(arena_used(own) < 40 * b.len);
	arena_free(own);
	buf_free(&b);
}

static void
test_syntax_only_mode_knows_no_types(void **state)
{
	struct odata_expr *e;

	(void)state;
	assert_int_equal(odata_filter_parse(arena, NULL, "Foo eq 'x' and contains(Bar, 5)", &e, &err), 0);
	assert_int_equal(odata_filter_parse(arena, NULL, "Price add 2.45", &e, &err), 0);
	assert_int_equal(e->kind, N_ADD);
	assert_int_equal(odata_filter_parse(arena, NULL, "Foo eq", &e, &err), -1);
	assert_int_equal(err.at, 6);
	assert_int_equal(odata_query_parse(arena, NULL, "$select=A,B&$orderby=C%20desc", &q, &err), 0);
	assert_int_equal(q.norder, 1);
	assert_null(q.order[0].column);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_option_is_read),
		cmocka_unit_test(test_nothing_asked_gives_the_defaults),
		cmocka_unit_test(test_a_repeated_system_option_is_400),
		cmocka_unit_test(test_top_skip_and_count_take_only_their_values),
		cmocka_unit_test(test_unsupported_options_are_501_and_unknown_ones_400),
		cmocka_unit_test(test_filter_errors_say_where_and_what),
		cmocka_unit_test(test_unknown_properties_are_400),
		cmocka_unit_test(test_type_errors_are_400_type),
		cmocka_unit_test(test_functions_unknown_are_400_standard_unsupported_501),
		cmocka_unit_test(test_literals_of_every_kind),
		cmocka_unit_test(test_the_query_string_is_decoded_before_parsing),
		cmocka_unit_test(test_in_lists_and_null),
		cmocka_unit_test(test_select_and_orderby_lists),
		cmocka_unit_test(test_deep_nesting_is_refused),
		cmocka_unit_test(test_memory_grows_with_the_input_not_its_square),
		cmocka_unit_test(test_syntax_only_mode_knows_no_types),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
