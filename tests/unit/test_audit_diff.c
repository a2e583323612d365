/* audit_diff: an update records exactly the changed fields. */
#include "test.h"

#include <json-c/json.h>

#include "domain/audit.h"

/* Parses JSON text the test wrote; fails the test on a typo. */
static struct json_object *
j(const char *text)
{
	struct json_object *o = json_tokener_parse(text);

	assert_non_null(o);
	return o;
}

/* Asserts that o has the JSON value of text (json_object_equal). */
static void
assert_json(struct json_object *o, const char *text)
{
	struct json_object *want = j(text);

	if (!json_object_equal(o, want))
		fail_msg("got %s, want %s", json_object_to_json_string(o), text);
	json_object_put(want);
}

/* Runs audit_diff on two JSON texts and checks both sides. */
static void
check_diff(const char *old_text, const char *new_text, const char *want_before,
    const char *want_after)
{
	struct json_object *old_obj = j(old_text), *new_obj = j(new_text);
	struct json_object *before, *after;

	assert_int_equal(audit_diff(old_obj, new_obj, &before, &after), 0);
	/* The diff holds its own references: it outlives old and new. */
	json_object_put(old_obj);
	json_object_put(new_obj);
	assert_json(before, want_before);
	assert_json(after, want_after);
	json_object_put(before);
	json_object_put(after);
}

static void
changed_values_keep_only_those_keys(void **state)
{
	(void)state;
	check_diff("{\"status\":\"open\",\"risk\":\"standard\",\"team\":4}",
	    "{\"status\":\"closed\",\"risk\":\"standard\",\"team\":7}",
	    "{\"status\":\"open\",\"team\":4}",
	    "{\"status\":\"closed\",\"team\":7}");
}

static void
added_key_is_only_in_after(void **state)
{
	(void)state;
	check_diff("{\"status\":\"open\"}",
	    "{\"status\":\"open\",\"oel\":\"CAD-123\"}",
	    "{}", "{\"oel\":\"CAD-123\"}");
}

static void
removed_key_is_only_in_before(void **state)
{
	(void)state;
	check_diff("{\"status\":\"open\",\"phone\":\"07700 900123\"}",
	    "{\"status\":\"open\"}",
	    "{\"phone\":\"07700 900123\"}", "{}");
}

static void
null_and_empty_string_and_types_differ(void **state)
{
	(void)state;
	check_diff("{\"a\":null,\"b\":\"\",\"c\":1,\"d\":null}",
	    "{\"a\":\"\",\"b\":null,\"c\":\"1\",\"d\":null}",
	    "{\"a\":null,\"b\":\"\",\"c\":1}",
	    "{\"a\":\"\",\"b\":null,\"c\":\"1\"}");
}

static void
nested_values_compare_deeply(void **state)
{
	(void)state;
	/* Same nested value (key order does not matter): no change. */
	check_diff("{\"answers\":{\"q1\":\"yes\",\"q2\":[1,2]},\"loc\":{\"x\":1},"
	    "\"n\":1}",
	    "{\"loc\":{\"x\":1},\"answers\":{\"q2\":[1,2],\"q1\":\"yes\"},"
	    "\"n\":2}",
	    "{\"n\":1}", "{\"n\":2}");
	/* One element deep inside changed: the whole value is recorded. */
	check_diff("{\"answers\":{\"q1\":\"yes\",\"q2\":[1,2]}}",
	    "{\"answers\":{\"q1\":\"yes\",\"q2\":[1,3]}}",
	    "{\"answers\":{\"q1\":\"yes\",\"q2\":[1,2]}}",
	    "{\"answers\":{\"q1\":\"yes\",\"q2\":[1,3]}}");
}

static void
nothing_changed_gives_null_both_sides(void **state)
{
	struct json_object *old_obj = j("{\"a\":1,\"b\":{\"c\":[true,null]}}");
	struct json_object *new_obj = j("{\"b\":{\"c\":[true,null]},\"a\":1}");
	struct json_object *before = old_obj, *after = old_obj;

	(void)state;
	assert_int_equal(audit_diff(old_obj, new_obj, &before, &after), 0);
	assert_null(before);
	assert_null(after);
	assert_int_equal(audit_diff(NULL, NULL, &before, &after), 0);
	assert_null(before);
	assert_null(after);
	json_object_put(old_obj);
	json_object_put(new_obj);
}

static void
null_side_counts_as_empty_object(void **state)
{
	struct json_object *o = j("{\"a\":1}");
	struct json_object *before, *after;

	(void)state;
	assert_int_equal(audit_diff(NULL, o, &before, &after), 0);
	assert_json(before, "{}");
	assert_json(after, "{\"a\":1}");
	json_object_put(before);
	json_object_put(after);
	assert_int_equal(audit_diff(o, NULL, &before, &after), 0);
	assert_json(before, "{\"a\":1}");
	assert_json(after, "{}");
	json_object_put(before);
	json_object_put(after);
	json_object_put(o);
}

static void
non_objects_are_refused(void **state)
{
	struct json_object *arr = j("[1]"), *o = j("{}");
	struct json_object *before = o, *after = o;

	(void)state;
	assert_int_equal(audit_diff(arr, o, &before, &after), -1);
	assert_null(before);
	assert_null(after);
	assert_int_equal(audit_diff(o, arr, &before, &after), -1);
	json_object_put(arr);
	json_object_put(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(changed_values_keep_only_those_keys),
		cmocka_unit_test(added_key_is_only_in_after),
		cmocka_unit_test(removed_key_is_only_in_before),
		cmocka_unit_test(null_and_empty_string_and_types_differ),
		cmocka_unit_test(nested_values_compare_deeply),
		cmocka_unit_test(nothing_changed_gives_null_both_sides),
		cmocka_unit_test(null_side_counts_as_empty_object),
		cmocka_unit_test(non_objects_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
