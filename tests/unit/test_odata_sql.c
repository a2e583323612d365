/* fcgi/odata/sql.c: the SQL an OData query compiles to for a test entity:
 * the text and the parameters for representative filters, the keyset
 * condition with ascending, descending and NULL values, OFFSET on a first
 * page only, and the refusals. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "odata/odata.h"
#include "odata_entity.h"

static struct arena *arena;
static struct odata_query q;
static struct odata_error err;
static struct odata_sql sql;

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

static void
parse(const char *query)
{
	if (odata_query_parse(arena, &test_entity, query, &q, &err) != 0)
		fail_msg("%s: %d %s: %s", query, err.status, err.code, err.message);
}

/* The query's SELECT (with after, when given) is want, with the
 * parameters listed (NULL-terminated). */
static void
select_is(const char *query, const char *const *after, size_t nafter, long long limit,
    const char *want, const char *const *params)
{
	int i;

	parse(query);
	if (odata_sql_select(arena, &q, after, nafter, limit, &sql, &err) != 0)
		fail_msg("%s: %s", query, err.message);
	if (strcmp(buf_cstr(&sql.sql), want) != 0)
		fail_msg("%s:\n got: %s\nwant: %s", query, buf_cstr(&sql.sql), want);
	for (i = 0; params != NULL && params[i] != NULL; i++) {
		assert_true(i < sql.nparams);
		assert_string_equal(sql.params[i], params[i]);
	}
	assert_int_equal(sql.nparams, i);
	odata_sql_free(&sql);
}

/* The WHERE of the query's SELECT contains part. */
static void
where_has(const char *query, const char *part)
{
	char got[4096];

	parse(query);
	assert_int_equal(odata_sql_select(arena, &q, NULL, 0, 10, &sql, &err), 0);
	snprintf(got, sizeof(got), "%s", buf_cstr(&sql.sql));
	odata_sql_free(&sql);
	if (strstr(got, part) == NULL)
		fail_msg("%s:\n got: %s\nwant a part: %s", query, got, part);
}

#define P(...)	((const char *const[]){ __VA_ARGS__, NULL })

static void
test_a_filter_becomes_parameters(void **state)
{
	(void)state;
	select_is("$select=Name,Count&$filter=Name%20eq%20%27x%27%20and%20Count%20gt%205", NULL, 0, 100,
	    "SELECT \"Name\", \"Count\", \"Id\"::text AS \"odata_key\" FROM \"rpt_thing\" "
	    "WHERE ((\"Name\" = $1::text) AND (\"Count\" > $2::integer)) "
	    "ORDER BY \"Id\" ASC LIMIT 100",
	    P("x", "5"));
	/* a quote in the value stays in the parameter */
	select_is("$select=Id&$filter=Name%20eq%20%27O%27%27Neil%3B--%27", NULL, 0, 5,
	    "SELECT \"Id\", \"Id\"::text AS \"odata_key\" FROM \"rpt_thing\" "
	    "WHERE (\"Name\" = $1::text) ORDER BY \"Id\" ASC LIMIT 5",
	    P("O'Neil;--"));
}

static void
test_every_column_is_written_in_its_form(void **state)
{
	(void)state;
	select_is("", NULL, 0, -1,
	    "SELECT \"Id\", \"Name\", \"Count\", \"Amount\", \"Score\", \"Open\", "
	    "to_char(\"Day\", 'YYYY-MM-DD') AS \"Day\", "
	    "to_char(\"At\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS \"At\", "
	    "to_char(\"Closed\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS \"Closed\", "
	    "\"Id\"::text AS \"odata_key\" FROM \"rpt_thing\" ORDER BY \"Id\" ASC",
	    NULL);
}

static void
test_literals_are_cast_to_the_column_type(void **state)
{
	(void)state;
	where_has("$filter=Amount%20gt%205", "(\"Amount\" > $1::numeric)");
	where_has("$filter=Id%20eq%205", "(\"Id\" = $1::bigint)");
	where_has("$filter=Score%20lt%201e3", "(\"Score\" < $1::double precision)");
	where_has("$filter=Count%20gt%202.5", "(\"Count\" > $1::numeric)");
	where_has("$filter=Count%20gt%205000000000", "(\"Count\" > $1::bigint)");
	where_has("$filter=Day%20eq%202024-02-29", "(\"Day\" = $1::date)");
	where_has("$filter=At%20ge%202024-01-31T10:00:00%2B01:00", "(\"At\" >= $1::timestamptz)");
	where_has("$filter=Open%20eq%20true", "(\"Open\" = $1::boolean)");
	parse("$filter=At%20ge%202024-01-31T10:00:00%2B01:00");
	assert_int_equal(odata_sql_count(arena, &q, &sql, &err), 0);
	assert_string_equal(buf_cstr(&sql.sql),
	    "SELECT count(*) FROM \"rpt_thing\" WHERE (\"At\" >= $1::timestamptz)");
	assert_int_equal(sql.nparams, 1);
	assert_string_equal(sql.params[0], "2024-01-31T10:00:00+01:00");
	odata_sql_free(&sql);
}

static void
test_nulls_compare_as_odata_says(void **state)
{
	(void)state;
	where_has("$filter=Amount%20eq%20null", "WHERE (\"Amount\" IS NULL)");
	where_has("$filter=null%20ne%20Amount", "WHERE (\"Amount\" IS NOT NULL)");
	where_has("$filter=Name%20ne%20%27a%27", "WHERE (\"Name\" IS DISTINCT FROM $1::text)");
	where_has("$filter=not%20(Name%20eq%20%27a%27)", "WHERE ((\"Name\" = $1::text) IS NOT TRUE)");
	where_has("$filter=Name%20in%20(%27a%27,null)",
	    "WHERE ((\"Name\" IN ($1::text)) OR \"Name\" IS NULL)");
	where_has("$filter=Name%20in%20()", "WHERE FALSE");
}

static void
test_functions_compile_to_postgresql(void **state)
{
	(void)state;
	where_has("$filter=contains(Name,%27a%25_%27)", "(strpos(\"Name\", $1::text) > 0)");
	where_has("$filter=startswith(Name,%27a%27)", "starts_with(\"Name\", $1::text)");
	where_has("$filter=endswith(Name,%27a%27)",
	    "(right(\"Name\", length($1::text)) = $2::text)");
	where_has("$filter=tolower(Name)%20eq%20toupper(trim(Name))",
	    "(lower(\"Name\") = upper(btrim(\"Name\")))");
	where_has("$filter=length(concat(Name,Name))%20eq%20indexof(Name,%27x%27)",
	    "(length((\"Name\" || \"Name\")) = (strpos(\"Name\", $1::text) - 1))");
	where_has("$filter=substring(Name,1,2)%20eq%20%27b%27",
	    "(substr(\"Name\", ($1::integer)::integer + 1, greatest(($2::integer)::integer, 0)) = $3::text)");
	where_has("$filter=year(At)%20eq%202024",
	    "(extract(year from (\"At\" AT TIME ZONE 'Europe/London'))::integer = $1::integer)");
	where_has("$filter=month(Day)%20eq%201", "(extract(month from \"Day\")::integer = $1::integer)");
	where_has("$filter=second(At)%20eq%201",
	    "floor(extract(second from (\"At\" AT TIME ZONE 'Europe/London')))::integer");
	where_has("$filter=date(At)%20eq%202024-01-01",
	    "((\"At\" AT TIME ZONE 'Europe/London')::date = $1::date)");
	where_has("$filter=At%20lt%20now()", "(\"At\" < now())");
	where_has("$filter=round(Amount)%20eq%20ceiling(Score)", "(round(\"Amount\") = ceil(\"Score\"))");
	where_has("$filter=Count%20mod%202%20eq%201%20and%20-Count%20lt%200",
	    "((mod(\"Count\", NULLIF($1::integer, 0)) = $2::integer) AND ((-\"Count\") < $3::integer))");
	where_has("$filter=(Count%20add%201)%20mul%202%20sub%20Amount%20div%203%20gt%200",
	    "((((\"Count\" + $1::integer) * $2::integer) - (\"Amount\" / NULLIF($3::numeric, 0))) > $4::numeric)");
}

static void
test_keyset_after_mixed_directions_and_nulls(void **state)
{
	const char *after[] = { "b", NULL, "42" };
	const char *after_null_first[] = { NULL, "7" };
	const char *after_all[] = { "2024-01-01T00:00:00.000001Z", "3", "7" };

	(void)state;
	select_is("$select=Name&$orderby=Name%20desc,Day&$skip=5", after, 3, 50,
	    "SELECT \"Name\", \"Name\"::text AS \"odata_order_0\", "
	    "to_char(\"Day\", 'YYYY-MM-DD') AS \"odata_order_1\", \"Id\"::text AS \"odata_key\" "
	    "FROM \"rpt_thing\" WHERE (((\"Name\" < $1::text OR \"Name\" IS NULL)) "
	    "OR (\"Name\" = $1::text AND \"Day\" IS NOT NULL) "
	    "OR (\"Name\" = $1::text AND \"Day\" IS NULL AND \"Id\" > $2::bigint)) "
	    "ORDER BY \"Name\" DESC NULLS LAST, \"Day\" ASC NULLS FIRST, \"Id\" ASC LIMIT 50",
	    P("b", "42"));
	/* descending, after a NULL: only the NULLs with a greater key */
	select_is("$select=Name&$orderby=Closed%20desc", after_null_first, 2, 50,
	    "SELECT \"Name\", to_char(\"Closed\" AT TIME ZONE 'UTC', "
	    "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"odata_order_0\", \"Id\"::text AS \"odata_key\" "
	    "FROM \"rpt_thing\" WHERE ((\"Closed\" IS NULL AND \"Id\" > $1::bigint)) "
	    "ORDER BY \"Closed\" DESC NULLS LAST, \"Id\" ASC LIMIT 50",
	    P("7"));
	/* the filter's parameters come first; a NOT NULL column needs no IS NULL */
	select_is("$select=Id&$filter=Open&$orderby=At%20desc,Count", after_all, 3, 10,
	    "SELECT \"Id\", to_char(\"At\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
	    "AS \"odata_order_0\", \"Count\"::text AS \"odata_order_1\", \"Id\"::text AS \"odata_key\" "
	    "FROM \"rpt_thing\" WHERE \"Open\" AND ((\"At\" < $1::timestamptz) "
	    "OR (\"At\" = $1::timestamptz AND \"Count\" > $2::integer) "
	    "OR (\"At\" = $1::timestamptz AND \"Count\" = $2::integer AND \"Id\" > $3::bigint)) "
	    "ORDER BY \"At\" DESC, \"Count\" ASC, \"Id\" ASC LIMIT 10",
	    P("2024-01-01T00:00:00.000001Z", "3", "7"));
}

static void
test_offset_only_on_the_first_page(void **state)
{
	const char *after[] = { "9" };

	(void)state;
	select_is("$select=Id&$skip=20", NULL, 0, 10,
	    "SELECT \"Id\", \"Id\"::text AS \"odata_key\" FROM \"rpt_thing\" "
	    "ORDER BY \"Id\" ASC LIMIT 10 OFFSET 20", NULL);
	select_is("$select=Id&$skip=20", after, 1, 10,
	    "SELECT \"Id\", \"Id\"::text AS \"odata_key\" FROM \"rpt_thing\" "
	    "WHERE ((\"Id\" > $1::bigint)) ORDER BY \"Id\" ASC LIMIT 10", P("9"));
}

static void
test_a_skip_token_of_another_query_is_400(void **state)
{
	const char *after[] = { "a", "9" };

	(void)state;
	parse("$orderby=Name");
	assert_int_equal(odata_sql_select(arena, &q, after, 1, 10, &sql, &err), -1);
	assert_int_equal(err.status, 400);
	assert_string_equal(err.code, "skiptoken");
	assert_int_equal(odata_sql_select(arena, &q, after, 2, 10, &sql, &err), 0);
	odata_sql_free(&sql);
}

static void
test_too_many_values_is_400(void **state)
{
	struct buf b = {0};
	int i;

	(void)state;
	buf_puts(&b, "$filter=Id%20in%20(");
	for (i = 0; i < 300; i++)
		buf_printf(&b, "%s%d", i ? "," : "", i);
	buf_puts(&b, ")");
	parse(buf_cstr(&b));
	assert_int_equal(odata_sql_select(arena, &q, NULL, 0, 10, &sql, &err), -1);
	assert_int_equal(err.status, 400);
	assert_string_equal(err.code, "too_many_values");
	assert_int_equal(odata_sql_count(arena, &q, &sql, &err), -1);
	assert_int_equal(err.status, 400);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_filter_becomes_parameters),
		cmocka_unit_test(test_every_column_is_written_in_its_form),
		cmocka_unit_test(test_literals_are_cast_to_the_column_type),
		cmocka_unit_test(test_nulls_compare_as_odata_says),
		cmocka_unit_test(test_functions_compile_to_postgresql),
		cmocka_unit_test(test_keyset_after_mixed_directions_and_nulls),
		cmocka_unit_test(test_offset_only_on_the_first_page),
		cmocka_unit_test(test_a_skip_token_of_another_query_is_400),
		cmocka_unit_test(test_too_many_values_is_400),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
