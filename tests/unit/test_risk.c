/* Risk scoring (domain/risk.c): bands at every edge, forcing questions,
 * don't-know answers, versions and review dates. The questionnaire here
 * is the seeded default, version 1 (sql/migrations/0022_risk_assessment.sql). */
#include "test.h"

#include <stdio.h>

#include <json-c/json.h>

#include "domain/risk.h"

#define DAY	86400
#define Y	RISK_ANSWER_YES
#define N	RISK_ANSWER_NO

static const struct risk_question v1_questions[] = {
	{ "targeted", "Targeted?", "", Y, 3, RISK_MEDIUM },
	{ "disability", "Disability?", "", Y, 3, RISK_NO_LEVEL },
	{ "age", "Age?", "", Y, 2, RISK_NO_LEVEL },
	{ "isolated", "Isolated?", "", Y, 2, RISK_NO_LEVEL },
	{ "health_affected", "Health?", "", Y, 3, RISK_NO_LEVEL },
	{ "afraid_home", "Afraid?", "", Y, 3, RISK_NO_LEVEL },
	{ "considering_moving", "Moving?", "", Y, 2, RISK_NO_LEVEL },
	{ "children_affected", "Children?", "", Y, 2, RISK_NO_LEVEL },
	{ "threats", "Threats?", "", Y, 3, RISK_MEDIUM },
	{ "perpetrator_known", "Known?", "", Y, 1, RISK_NO_LEVEL },
	{ "escalating", "Escalating?", "", Y, 3, RISK_NO_LEVEL },
	{ "property_damaged", "Property?", "", Y, 2, RISK_NO_LEVEL },
	{ "support", "Support?", "", N, 2, RISK_NO_LEVEL },
};
static const int high_days[] = { 14, 28, 56 }, medium_days[] = { 28, 56 };

static const struct risk_questionnaire v1 = {
	1, "default", 50, v1_questions, sizeof(v1_questions) / sizeof(v1_questions[0]),
	{ 0, 8, 16 }, { NULL, medium_days, high_days }, { 0, 2, 3 },
};

/* Version 2: disability weighs more, a question on repeat reports is new,
 * escalating alone makes it high, medium starts at 6. */
static const struct risk_question v2_questions[] = {
	{ "targeted", "Targeted?", "", Y, 3, RISK_MEDIUM },
	{ "disability", "Disability?", "", Y, 5, RISK_NO_LEVEL },
	{ "escalating", "Escalating?", "", Y, 3, RISK_HIGH },
	{ "repeat", "Reported before?", "", Y, 2, RISK_NO_LEVEL },
};
static const struct risk_questionnaire v2 = {
	2, "second", 0, v2_questions, sizeof(v2_questions) / sizeof(v2_questions[0]),
	{ 0, 6, 12 }, { NULL, medium_days, high_days }, { 0, 2, 3 },
};

/* Answers as {"key": "yes" ...} from "key=yes key2=no ..." (the test's
 * own text). Every v1 question the text leaves out is answered with its
 * safe answer when fill is set. */
static struct json_object *
answers(const char *text, const struct risk_questionnaire *fill)
{
	struct json_object *o = json_object_new_object();
	char buf[512], *tok, *eq, *save;
	size_t i;

	assert_non_null(o);
	snprintf(buf, sizeof(buf), "%s", text);
	for (tok = strtok_r(buf, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		eq = strchr(tok, '=');
		assert_non_null(eq);
		*eq = '\0';
		json_object_object_add(o, tok, json_object_new_string(eq + 1));
	}
	for (i = 0; fill != NULL && i < fill->n; i++)
		if (!json_object_object_get_ex(o, fill->questions[i].key, NULL))
			json_object_object_add(o, fill->questions[i].key,
			    json_object_new_string(fill->questions[i].risky == Y ? "no" : "yes"));
	return o;
}

/* Scores text against q, expecting success; returns the result. */
static struct risk_result
score(const struct risk_questionnaire *q, const char *text, int fill)
{
	struct json_object *o = answers(text, fill ? q : NULL);
	struct risk_result r;
	const char *bad;

	assert_int_equal(risk_score(q, o, &r, &bad), RISK_OK);
	assert_null(bad);
	json_object_put(o);
	return r;
}

static void
every_band_edge(void **state)
{
	struct risk_result r;

	(void)state;
	r = score(&v1, "", 1);
	assert_int_equal(r.score, 0);
	assert_int_equal(r.level, RISK_STANDARD);
	r = score(&v1, "disability=yes health_affected=yes perpetrator_known=yes", 1);
	assert_int_equal(r.score, 7);
	assert_int_equal(r.level, RISK_STANDARD);
	r = score(&v1, "disability=yes health_affected=yes age=yes", 1);
	assert_int_equal(r.score, 8);
	assert_int_equal(r.level, RISK_MEDIUM);
	r = score(&v1, "disability=yes health_affected=yes afraid_home=yes escalating=yes "
	    "age=yes perpetrator_known=yes", 1);
	assert_int_equal(r.score, 15);
	assert_int_equal(r.level, RISK_MEDIUM);
	r = score(&v1, "disability=yes health_affected=yes afraid_home=yes escalating=yes "
	    "age=yes isolated=yes", 1);
	assert_int_equal(r.score, 16);
	assert_int_equal(r.level, RISK_HIGH);
	assert_null(r.forced_by);
	/* Every risky answer: the top of the scale. */
	r = score(&v1, "targeted=yes disability=yes age=yes isolated=yes health_affected=yes "
	    "afraid_home=yes considering_moving=yes children_affected=yes threats=yes "
	    "perpetrator_known=yes escalating=yes property_damaged=yes support=no", 0);
	assert_int_equal(r.score, 31);
	assert_int_equal(r.level, RISK_HIGH);
}

static void
band_of_each_edge(void **state)
{
	static const struct { int score; enum risk_level want; } cases[] = {
		{ 0, RISK_STANDARD }, { 7, RISK_STANDARD }, { 8, RISK_MEDIUM },
		{ 15, RISK_MEDIUM }, { 16, RISK_HIGH }, { 1000, RISK_HIGH },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(risk_band_of(&v1, cases[i].score), cases[i].want);
	assert_int_equal(risk_band_of(&v2, 5), RISK_STANDARD);
	assert_int_equal(risk_band_of(&v2, 6), RISK_MEDIUM);
	assert_int_equal(risk_band_of(&v2, 11), RISK_MEDIUM);
	assert_int_equal(risk_band_of(&v2, 12), RISK_HIGH);
}

static void
a_forcing_question_raises_the_level_on_its_own(void **state)
{
	struct risk_result r;

	(void)state;
	r = score(&v1, "targeted=yes", 1);
	assert_int_equal(r.score, 3);
	assert_int_equal(r.band, RISK_STANDARD);
	assert_int_equal(r.level, RISK_MEDIUM);
	assert_string_equal(r.forced_by, "targeted");
	r = score(&v1, "threats=yes", 1);
	assert_int_equal(r.level, RISK_MEDIUM);
	assert_string_equal(r.forced_by, "threats");
	/* Forcing high beats a medium band; the first such question is named. */
	r = score(&v2, "targeted=yes escalating=yes disability=no repeat=no", 0);
	assert_int_equal(r.score, 6);
	assert_int_equal(r.band, RISK_MEDIUM);
	assert_int_equal(r.level, RISK_HIGH);
	assert_string_equal(r.forced_by, "escalating");
}

static void
a_forcing_question_never_lowers_a_higher_band(void **state)
{
	struct risk_result r;

	(void)state;
	r = score(&v1, "targeted=yes disability=yes health_affected=yes afraid_home=yes "
	    "escalating=yes age=yes", 1);
	assert_int_equal(r.score, 17);
	assert_int_equal(r.level, RISK_HIGH);
	/* The score gave high: nothing forced it. */
	assert_null(r.forced_by);
	/* Medium by score and forced medium: the band explains it. */
	r = score(&v1, "targeted=yes disability=yes health_affected=yes", 1);
	assert_int_equal(r.score, 9);
	assert_int_equal(r.level, RISK_MEDIUM);
	assert_null(r.forced_by);
}

static void
only_the_risky_answer_forces_or_weighs(void **state)
{
	struct risk_result r;

	(void)state;
	/* "Don't know" to a forcing question weighs half and forces nothing. */
	r = score(&v1, "targeted=unknown", 1);
	assert_int_equal(r.score, 1);
	assert_int_equal(r.level, RISK_STANDARD);
	assert_null(r.forced_by);
	/* Support is the question whose risky answer is no. */
	r = score(&v1, "support=no", 1);
	assert_int_equal(r.score, 2);
	r = score(&v1, "support=yes", 1);
	assert_int_equal(r.score, 0);
}

static void
dont_know_adds_part_of_the_weight_rounded_down_once(void **state)
{
	struct risk_result r;

	(void)state;
	/* 3 * 50% = 1.5 → 1; two of them 3, not 1 + 1. */
	r = score(&v1, "disability=unknown", 1);
	assert_int_equal(r.score, 1);
	r = score(&v1, "disability=unknown health_affected=unknown", 1);
	assert_int_equal(r.score, 3);
	/* Nothing known yet: every weight at half, 31 / 2 → 15, medium. */
	r = score(&v1, "", 0);
	assert_int_equal(r.score, 15);
	assert_int_equal(r.level, RISK_MEDIUM);
	/* A version where don't know weighs nothing. */
	r = score(&v2, "disability=unknown targeted=no escalating=no repeat=no", 0);
	assert_int_equal(r.score, 0);
}

static void
an_unanswered_question_counts_as_dont_know(void **state)
{
	struct risk_result missing, unknown;

	(void)state;
	missing = score(&v1, "targeted=no disability=yes", 0);
	unknown = score(&v1, "targeted=no disability=yes age=unknown isolated=unknown "
	    "health_affected=unknown afraid_home=unknown considering_moving=unknown "
	    "children_affected=unknown threats=unknown perpetrator_known=unknown "
	    "escalating=unknown property_damaged=unknown support=unknown", 0);
	assert_int_equal(missing.score, unknown.score);
	assert_int_equal(missing.score, 3 + 25 / 2);
	/* NULL answers: nothing asked at all. */
	{
		struct risk_result r;
		const char *bad;

		assert_int_equal(risk_score(&v1, NULL, &r, &bad), RISK_OK);
		assert_int_equal(r.score, 15);
	}
}

/* Scores text against q expecting an error for key. */
static void
refused(const struct risk_questionnaire *q, const char *text, enum risk_rc want,
    const char *key)
{
	struct json_object *o = answers(text, NULL);
	struct risk_result r;
	const char *bad;

	assert_int_equal(risk_score(q, o, &r, &bad), want);
	assert_non_null(bad);
	assert_string_equal(bad, key);
	json_object_put(o);
}

static void
bad_answers_are_refused_and_named(void **state)
{
	struct json_object *o;
	struct risk_result r;
	const char *bad;

	(void)state;
	refused(&v1, "targeted=no nonsense=yes", RISK_BAD_KEY, "nonsense");
	refused(&v1, "targeted=maybe", RISK_BAD_ANSWER, "targeted");
	refused(&v1, "targeted=Yes", RISK_BAD_ANSWER, "targeted");
	o = json_tokener_parse("{\"threats\": true}");
	assert_int_equal(risk_score(&v1, o, &r, &bad), RISK_BAD_ANSWER);
	assert_string_equal(bad, "threats");
	json_object_put(o);
	o = json_tokener_parse("[\"yes\"]");
	assert_int_equal(risk_score(&v1, o, &r, &bad), RISK_BAD_ANSWER);
	assert_null(bad);
	json_object_put(o);
}

static void
each_version_scores_with_its_own_questions(void **state)
{
	struct json_object *o;
	struct risk_result r;
	const char *bad;

	(void)state;
	/* The same answers weigh what their version says. */
	r = score(&v1, "disability=yes", 1);
	assert_int_equal(r.score, 3);
	r = score(&v2, "disability=yes targeted=no escalating=no repeat=no", 0);
	assert_int_equal(r.score, 5);
	/* An answer to a question only version 2 has is not one of version 1's. */
	refused(&v1, "repeat=yes", RISK_BAD_KEY, "repeat");
	/* A version 1 assessment still scores as it did once version 2 exists:
	 * v1 is not changed by v2 being defined. */
	o = answers("disability=yes health_affected=yes age=yes", &v1);
	assert_int_equal(risk_score(&v1, o, &r, &bad), RISK_OK);
	assert_int_equal(r.score, 8);
	assert_int_equal(r.level, RISK_MEDIUM);
	assert_int_equal(risk_score(&v2, o, &r, &bad), RISK_BAD_KEY);
	json_object_put(o);
	assert_string_equal(v1.questions[1].key, "disability");
	assert_int_equal(v1.questions[1].weight, 3);
}

static void
review_dates_follow_the_cadence(void **state)
{
	const time_t at = 1764547200;	/* 2025-12-01 00:00 UTC */
	time_t d[4] = { 0, 0, 0, 0 };

	(void)state;
	assert_int_equal(risk_review_dates(&v1, RISK_HIGH, at, d, 4), 3);
	assert_int_equal(d[0], at + 14 * DAY);
	assert_int_equal(d[1], at + 28 * DAY);
	assert_int_equal(d[2], at + 56 * DAY);
	assert_int_equal(risk_review_dates(&v1, RISK_MEDIUM, at, d, 4), 2);
	assert_int_equal(d[0], at + 28 * DAY);
	assert_int_equal(d[1], at + 56 * DAY);
	assert_int_equal(risk_review_dates(&v1, RISK_STANDARD, at, d, 4), 0);
	/* A short buffer is filled as far as it goes; the count is whole. */
	d[1] = 0;
	assert_int_equal(risk_review_dates(&v1, RISK_HIGH, at, d, 1), 3);
	assert_int_equal(d[0], at + 14 * DAY);
	assert_int_equal(d[1], 0);
}

static void
next_review_is_the_first_after_the_last_done(void **state)
{
	const time_t at = 1764547200;

	(void)state;
	assert_int_equal(risk_review_next(&v1, RISK_HIGH, at, at), at + 14 * DAY);
	assert_int_equal(risk_review_next(&v1, RISK_HIGH, at, at + 14 * DAY - 1),
	    at + 14 * DAY);
	/* Reviewed on the day it was due: the next one is the following. */
	assert_int_equal(risk_review_next(&v1, RISK_HIGH, at, at + 14 * DAY),
	    at + 28 * DAY);
	assert_int_equal(risk_review_next(&v1, RISK_HIGH, at, at + 55 * DAY),
	    at + 56 * DAY);
	assert_int_equal(risk_review_next(&v1, RISK_HIGH, at, at + 56 * DAY), 0);
	assert_int_equal(risk_review_next(&v1, RISK_MEDIUM, at, at), at + 28 * DAY);
	assert_int_equal(risk_review_next(&v1, RISK_STANDARD, at, at), 0);
}

static void
names_round_trip(void **state)
{
	enum risk_level l;
	enum risk_answer a;

	(void)state;
	assert_int_equal(risk_level_parse("high", &l), 0);
	assert_int_equal(l, RISK_HIGH);
	assert_string_equal(risk_level_name(RISK_MEDIUM), "medium");
	assert_int_equal(risk_level_parse("severe", &l), -1);
	assert_int_equal(risk_level_parse(NULL, &l), -1);
	assert_int_equal(risk_answer_parse("unknown", &a), 0);
	assert_int_equal(a, RISK_ANSWER_UNKNOWN);
	assert_string_equal(risk_answer_name(RISK_ANSWER_NO), "no");
	assert_int_equal(risk_answer_parse("", &a), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_band_edge),
		cmocka_unit_test(band_of_each_edge),
		cmocka_unit_test(a_forcing_question_raises_the_level_on_its_own),
		cmocka_unit_test(a_forcing_question_never_lowers_a_higher_band),
		cmocka_unit_test(only_the_risky_answer_forces_or_weighs),
		cmocka_unit_test(dont_know_adds_part_of_the_weight_rounded_down_once),
		cmocka_unit_test(an_unanswered_question_counts_as_dont_know),
		cmocka_unit_test(bad_answers_are_refused_and_named),
		cmocka_unit_test(each_version_scores_with_its_own_questions),
		cmocka_unit_test(review_dates_follow_the_cadence),
		cmocka_unit_test(next_review_is_the_first_after_the_last_done),
		cmocka_unit_test(names_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
