/* Similar incidents at creation (domain/similar.c): what counts as enough
 * to look for, and the people as the look-up reads them. */
#include "test.h"

#include <string.h>

#include <json-c/json.h>

#include "domain/similar.c"

static void
keys_of(struct person_keys *k, const char *given, const char *family, const char *dob,
    const char *phone, const char *email)
{
	struct person_facts f = { given, family, dob, phone, email, NULL };

	pm_keys_make(&f, k);
}

static void
a_name_alone_is_not_enough_to_look(void **state)
{
	struct person_keys k;
	struct similar_query q = { .keys = &k, .nkeys = 1 };

	(void)state;
	keys_of(&k, "Jo", "Smith", NULL, NULL, NULL);
	assert_false(similar_wanted(&q));
	keys_of(&k, "Jo", "Smith", "1980-03-31", NULL, NULL);
	assert_true(similar_wanted(&q));
	keys_of(&k, NULL, NULL, NULL, "07700 900123", NULL);
	assert_true(similar_wanted(&q));
	keys_of(&k, NULL, NULL, NULL, NULL, "Jo@Example.com");
	assert_true(similar_wanted(&q));
}

static void
a_point_or_a_picked_person_is_enough(void **state)
{
	long long id = 7;
	struct similar_query none = {0}, point = { .has_point = 1 };
	struct similar_query picked = { .person_ids = &id, .nids = 1 };

	(void)state;
	assert_false(similar_wanted(&none));
	assert_true(similar_wanted(&point));
	assert_true(similar_wanted(&picked));
}

static void
people_are_sent_by_the_keys_that_identify_them(void **state)
{
	struct person_keys k[2];
	long long id = 42;
	struct similar_query q = { .keys = k, .nkeys = 2, .person_ids = &id, .nids = 1 };
	struct json_object *j;

	(void)state;
	keys_of(&k[0], "Jo", "Smith", NULL, "+44 7700 900123", NULL);
	keys_of(&k[1], "Ann", "Lee", "1990-01-02", NULL, "ANN@example.com");
	assert_non_null(j = people_json(&q));
	/* The name of one without a date of birth is left out. */
	assert_string_equal(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN),
	    "[{\"id\":42},{\"phone\":\"+447700900123\"},"
	    "{\"email\":\"ann@example.com\",\"name\":\"ann lee\",\"dob\":\"1990-01-02\"}]");
	json_object_put(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_name_alone_is_not_enough_to_look),
		cmocka_unit_test(a_point_or_a_picked_person_is_enough),
		cmocka_unit_test(people_are_sent_by_the_keys_that_identify_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
