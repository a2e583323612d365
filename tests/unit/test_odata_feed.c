/* The OData feed's own parts, apart from the query language: JSON values
 * (odata/json_out.c), skip tokens (odata/skiptoken.c), the entity sets
 * (odata/entities.c), $metadata (odata/metadata.c) and the Basic
 * credentials the feed takes (auth/basic.c). */
#include "test.h"

#include "auth/basic.h"
#include "odata/entities.h"
#include "odata/json_out.h"
#include "odata/metadata.h"
#include "odata/skiptoken.h"

static void
value_is(enum odata_type t, const char *text, const char *want)
{
	struct buf b = {0};

	odata_json_value(&b, t, text);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void
test_values_are_json_of_their_type(void **state)
{
	(void)state;
	value_is(ODATA_INT64, "9007199254740993", "9007199254740993");
	value_is(ODATA_DECIMAL, "12.50", "12.50");
	value_is(ODATA_DECIMAL, "NaN", "\"NaN\"");
	value_is(ODATA_DOUBLE, "-Infinity", "\"-INF\"");
	value_is(ODATA_DOUBLE, "Infinity", "\"INF\"");
	value_is(ODATA_BOOLEAN, "t", "true");
	value_is(ODATA_BOOLEAN, "f", "false");
	value_is(ODATA_DATE, "2026-03-29", "\"2026-03-29\"");
	value_is(ODATA_DATETIME, NULL, "null");
	value_is(ODATA_STRING, "a \"b\"\\\n\t\x01 é", "\"a \\\"b\\\"\\\\\\n\\t\\u0001 é\"");
}

static void
test_a_token_goes_round_and_only_for_its_query(void **state)
{
	struct arena *ar = arena_new(1024);
	unsigned long long check = odata_token_check("Incidents", "id gt 1", NULL);
	const char *vals[3] = { "2026-03-29 01:00:00+00", NULL, "42" }, **got;
	struct buf b = {0};

	(void)state;
	assert_int_equal(odata_token_encode(&b, check, vals, 3), 0);
	assert_int_equal(strspn(buf_cstr(&b), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
	    "vwxyz0123456789-_"), b.len);
	assert_int_equal(odata_token_decode(ar, buf_cstr(&b), check, 3, &got), 0);
	assert_string_equal(got[0], vals[0]);
	assert_null(got[1]);
	assert_string_equal(got[2], "42");
	/* Another filter, another order, another count of values: refused. */
	assert_int_equal(odata_token_decode(ar, buf_cstr(&b), odata_token_check("Incidents",
	    "id gt 2", NULL), 3, &got), -1);
	assert_int_equal(odata_token_decode(ar, buf_cstr(&b), odata_token_check("Incidents",
	    "id gt 1", "id"), 3, &got), -1);
	assert_int_equal(odata_token_decode(ar, buf_cstr(&b), check, 2, &got), -1);
	assert_int_equal(odata_token_decode(ar, "not a token!", check, 3, &got), -1);
	assert_int_equal(odata_token_decode(ar, "", check, 3, &got), -1);
	buf_free(&b);
	arena_free(ar);
}

static void
test_every_set_has_a_not_null_id_key_and_unique_names(void **state)
{
	size_t i, j, k;

	(void)state;
	assert_true(odata_entities_n >= 14);
	for (i = 0; i < odata_entities_n; i++) {
		const struct odata_entity *e = &odata_entities[i];
		int key = 0;

		assert_ptr_equal(odata_entity_find(e->set), e);
		assert_ptr_equal(odata_entity_by_view(e->view), e);
		for (j = 0; j < e->ncolumns; j++) {
			assert_true(e->columns[j].doc != NULL && e->columns[j].doc[0] != '\0');
			if (strcmp(e->columns[j].name, e->key) == 0)
				key = !e->columns[j].nullable;
			for (k = 0; k < j; k++)
				assert_string_not_equal(e->columns[j].name, e->columns[k].name);
		}
		assert_true(key);
		for (k = 0; k < i; k++)
			assert_string_not_equal(e->set, odata_entities[k].set);
	}
	assert_null(odata_entity_find("incidents"));
	assert_null(odata_entity_by_view("pg_shadow"));
}

static void
test_metadata_names_the_sets_given_and_escapes_text(void **state)
{
	const struct odata_entity *sets[1] = { odata_entity_find("Incidents") };
	struct buf b = {0};

	(void)state;
	assert_int_equal(odata_metadata_write(&b, sets, 1), 0);
	assert_non_null(strstr(buf_cstr(&b), "<EntitySet Name=\"Incidents\" "
	    "EntityType=\"Concord.Reporting.Incident\">"));
	assert_non_null(strstr(buf_cstr(&b), "<Property Name=\"reported_at\" "
	    "Type=\"Edm.DateTimeOffset\""));
	assert_null(strstr(buf_cstr(&b), "Allocations"));
	assert_non_null(strstr(buf_cstr(&b), "Capabilities.ConformanceLevelType/Intermediate"));
	buf_free(&b);
}

static void
test_basic_credentials(void **state)
{
	struct arena *ar = arena_new(1024);
	const char *u, *p;

	(void)state;
	/* "analyst@x.example:ck_1.s:e" */
	assert_int_equal(basic_decode(ar, "Basic YW5hbHlzdEB4LmV4YW1wbGU6Y2tfMS5zOmU=", &u, &p), 0);
	assert_string_equal(u, "analyst@x.example");
	assert_string_equal(p, "ck_1.s:e");
	/* ":key", the scheme in any case */
	assert_int_equal(basic_decode(ar, "basic OmtleQ==", &u, &p), 0);
	assert_string_equal(u, "");
	assert_string_equal(p, "key");
	assert_int_equal(basic_decode(ar, "Bearer OmtleQ==", &u, &p), -1);
	assert_int_equal(basic_decode(ar, "Basic bm9jb2xvbg==", &u, &p), -1);	/* no colon */
	assert_int_equal(basic_decode(ar, "Basic Om t leQ==", &u, &p), -1);
	assert_int_equal(basic_decode(ar, "Basic Om=tleQ==", &u, &p), -1);
	assert_int_equal(basic_decode(ar, "Basic AAA6", &u, &p), -1);		/* a NUL */
	assert_int_equal(basic_decode(ar, "Basic ", &u, &p), -1);
	arena_free(ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_are_json_of_their_type),
		cmocka_unit_test(test_a_token_goes_round_and_only_for_its_query),
		cmocka_unit_test(test_every_set_has_a_not_null_id_key_and_unique_names),
		cmocka_unit_test(test_metadata_names_the_sets_given_and_escapes_text),
		cmocka_unit_test(test_basic_credentials),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
