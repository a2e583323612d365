/* The provisional score (domain/risk_provisional.c): each triage answer
 * adds its mapped question's weight only when true, custom questions add
 * their triage weight by kind, and the result falls in version 1's bands
 * (sql/migrations/0022 and 0032). */
#include "test.h"

#include <json-c/json.h>

#include "domain/risk.h"
#include "domain/risk_provisional.h"

/* The default mapping onto version 1's weights: afraid_home 3,
 * disability 3, targeted 3, escalating 3. */
static const struct risk_triage_weight v1_triage[] = {
	{ "feels_unsafe", 3 }, { "vulnerable", 3 }, { "targeted", 3 },
	{ "happened_before", 3 },
};
#define NTRIAGE	(sizeof(v1_triage) / sizeof(v1_triage[0]))

static const struct risk_custom_weight custom[] = {
	{ "weapon_seen", "yes_no", 4 },
	{ "how_often", "single_choice", 2 },
	{ "what_kind", "multiple_choice", 1 },
};
#define NCUSTOM	(sizeof(custom) / sizeof(custom[0]))

static const struct risk_questionnaire v1_bands = {
	.version = 1, .band_min = { 0, 8, 16 },
};

static int
score(const char *impact, const char *answers)
{
	struct json_object *i = impact ? json_tokener_parse(impact) : NULL;
	struct json_object *a = answers ? json_tokener_parse(answers) : NULL;
	int s = risk_provisional_score(v1_triage, NTRIAGE, custom, NCUSTOM, i, a);

	json_object_put(i);
	json_object_put(a);
	return s;
}

static void
nothing_known_scores_zero(void **state)
{
	(void)state;
	assert_int_equal(score(NULL, NULL), 0);
	assert_int_equal(score("{}", "{}"), 0);
}

static void
each_triage_yes_adds_its_questions_weight(void **state)
{
	(void)state;
	assert_int_equal(score("{\"feels_unsafe\": true}", NULL), 3);
	assert_int_equal(score("{\"vulnerable\": true, \"targeted\": true}", NULL), 6);
	assert_int_equal(score("{\"feels_unsafe\": true, \"vulnerable\": true, "
	    "\"targeted\": true, \"happened_before\": true}", NULL), 12);
}

static void
a_triage_no_or_unanswered_adds_nothing(void **state)
{
	(void)state;
	assert_int_equal(score("{\"feels_unsafe\": false, \"targeted\": null, "
	    "\"impact\": \"I cannot sleep\"}", NULL), 0);
	/* Only a JSON true counts, not words that look like yes. */
	assert_int_equal(score("{\"feels_unsafe\": \"true\"}", NULL), 0);
}

static void
custom_questions_count_by_kind(void **state)
{
	(void)state;
	assert_int_equal(score(NULL, "{\"weapon_seen\": {\"answer\": \"yes\"}}"), 4);
	assert_int_equal(score(NULL, "{\"weapon_seen\": {\"answer\": \"no\"}}"), 0);
	assert_int_equal(score(NULL, "{\"how_often\": {\"answer\": \"daily\"}}"), 2);
	assert_int_equal(score(NULL, "{\"how_often\": {\"answer\": \"\"}}"), 0);
	assert_int_equal(score(NULL, "{\"what_kind\": {\"answer\": [\"noise\"]}}"), 1);
	assert_int_equal(score(NULL, "{\"what_kind\": {\"answer\": []}}"), 0);
	/* An answer to a question that does not count (not in the list). */
	assert_int_equal(score(NULL, "{\"notes\": {\"answer\": \"yes\"}}"), 0);
}

static void
triage_and_custom_add_up(void **state)
{
	(void)state;
	assert_int_equal(score("{\"feels_unsafe\": true, \"targeted\": true}",
	    "{\"weapon_seen\": {\"answer\": \"yes\"}, \"how_often\": "
	    "{\"answer\": \"daily\"}}"), 12);
}

static void
a_zero_or_negative_weight_adds_nothing(void **state)
{
	static const struct risk_triage_weight t[] = { { "feels_unsafe", 0 },
	    { "targeted", -5 } };
	static const struct risk_custom_weight c[] = { { "weapon_seen", "yes_no", -2 } };
	struct json_object *i = json_tokener_parse("{\"feels_unsafe\": true, "
	    "\"targeted\": true}");
	struct json_object *a = json_tokener_parse("{\"weapon_seen\": {\"answer\": \"yes\"}}");

	(void)state;
	assert_int_equal(risk_provisional_score(t, 2, c, 1, i, a), 0);
	json_object_put(i);
	json_object_put(a);
}

static void
the_score_falls_in_the_current_bands(void **state)
{
	(void)state;
	/* Two yeses: 6, standard; three: 9, medium; four and a weapon: 16, high. */
	assert_int_equal(risk_band_of(&v1_bands, score("{\"feels_unsafe\": true, "
	    "\"targeted\": true}", NULL)), RISK_STANDARD);
	assert_int_equal(risk_band_of(&v1_bands, score("{\"feels_unsafe\": true, "
	    "\"targeted\": true, \"vulnerable\": true}", NULL)), RISK_MEDIUM);
	assert_int_equal(risk_band_of(&v1_bands, score("{\"feels_unsafe\": true, "
	    "\"targeted\": true, \"vulnerable\": true, \"happened_before\": true}",
	    "{\"weapon_seen\": {\"answer\": \"yes\"}}")), RISK_HIGH);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_known_scores_zero),
		cmocka_unit_test(each_triage_yes_adds_its_questions_weight),
		cmocka_unit_test(a_triage_no_or_unanswered_adds_nothing),
		cmocka_unit_test(custom_questions_count_by_kind),
		cmocka_unit_test(triage_and_custom_add_up),
		cmocka_unit_test(a_zero_or_negative_weight_adds_nothing),
		cmocka_unit_test(the_score_falls_in_the_current_bands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
