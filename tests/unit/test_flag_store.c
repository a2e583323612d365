/* The pure parts of the flag store (domain/flag_store.c): an answer that
 * hits its question's notice, and urgent from answers and the screening
 * together. */
#include "test.h"

#include "domain/flag_store.c"

/* answers_urgent on the JSON arrays flag_facts sends. */
static int
urgent_answers(const char *notices, const char *answers)
{
	struct json_object *n = json_tokener_parse(notices), *a = json_tokener_parse(answers);
	int urgent = answers_urgent(n, a);

	json_object_put(n);
	json_object_put(a);
	return urgent;
}

static void
test_an_answer_equal_to_its_notice_answer_is_urgent(void **state)
{
	(void)state;
	assert_int_equal(urgent_answers("[\"yes\",\"yes\"]", "[\"no\",\"yes\"]"), 1);
}

static void
test_answers_that_miss_every_notice_are_not_urgent(void **state)
{
	(void)state;
	assert_int_equal(urgent_answers("[\"yes\"]", "[\"no\"]"), 0);
	/* an answer of another kind (a list of choices) is not the notice's */
	assert_int_equal(urgent_answers("[\"yes\"]", "[\"[\\\"yes\\\"]\"]"), 0);
}

static void
test_no_question_with_a_notice_answered_is_not_asked(void **state)
{
	(void)state;
	assert_int_equal(urgent_answers("[]", "[]"), -1);
	/* what the database would never send is "not asked", never urgent */
	assert_int_equal(urgent_answers("[\"yes\"]", "[]"), -1);
	assert_int_equal(urgent_answers("not json", "[\"yes\"]"), -1);
}

static void
test_at_risk_now_is_urgent_whatever_the_answers(void **state)
{
	(void)state;
	assert_int_equal(urgent_of(-1, 1), 1);
	assert_int_equal(urgent_of(0, 1), 1);
	assert_int_equal(urgent_of(1, 0), 1);
	assert_int_equal(urgent_of(0, -1), 0);
	assert_int_equal(urgent_of(-1, 0), 0);
	assert_int_equal(urgent_of(-1, -1), -1);
}

/* flag_incident's row as flag_facts sends it: a null is "not said". */
static void
test_the_facts_of_an_incident_keep_not_said_apart_from_no(void **state)
{
	struct json_object *self = json_tokener_parse(
	    "[1700000000, true, null, false, null, [\"yes\"], [\"yes\"]]");
	struct flag_facts f;

	(void)state;
	memset(&f, 0, sizeof(f));
	facts_self(self, &f);
	assert_int_equal(f.at, 1700000000);
	assert_int_equal(f.vulnerable, 1);
	assert_int_equal(f.targeted, -1);
	assert_int_equal(f.happened_before, 0);
	assert_int_equal(f.urgent, 1);
	json_object_put(self);
}

/* flag_people's rows: the people here, and their parts elsewhere. */
static void
test_people_here_and_their_parts_elsewhere_are_told_apart(void **state)
{
	struct json_object *rows = json_tokener_parse(
	    "[[7, \"victim\", true, true, null], [7, \"subject\", false, null, 1700000000],"
	    " [8, \"witness\", true, null, null]]");
	struct arena *ar = arena_new(1024);
	struct flag_facts f;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(facts_people(ar, rows, &f), 0);
	assert_int_equal(f.npeople, 2);
	assert_int_equal(f.nlinks, 1);
	assert_int_equal(f.people[0].id, 7);
	assert_int_equal(f.people[0].vulnerable, 1);
	assert_int_equal(f.people[1].role, FLAG_WITNESS);
	assert_int_equal(f.people[1].vulnerable, -1);
	assert_int_equal(f.links[0].role, FLAG_SUBJECT);
	assert_int_equal(f.links[0].at, 1700000000);
	json_object_put(rows);
	arena_free(ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_answer_equal_to_its_notice_answer_is_urgent),
		cmocka_unit_test(test_answers_that_miss_every_notice_are_not_urgent),
		cmocka_unit_test(test_no_question_with_a_notice_answered_is_not_asked),
		cmocka_unit_test(test_at_risk_now_is_urgent_whatever_the_answers),
		cmocka_unit_test(test_the_facts_of_an_incident_keep_not_said_apart_from_no),
		cmocka_unit_test(test_people_here_and_their_parts_elsewhere_are_told_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
