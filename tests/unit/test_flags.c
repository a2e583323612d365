/* The immediate flag rules (domain/flags.c): each flag, and each window
 * edge at the defaults (365 days, 100 m in 90 days with three incidents,
 * and the victims listed for the Case Review count, whose rule is
 * domain/case_review_rule.c). */
#include "test.h"

#include "core/config.h"
#include "domain/flags.h"

#define DAY	86400
#define NOW	((time_t)1790000000)	/* 2026-09-21 */

static struct flag_windows W;

static int
setup(void **state)
{
	(void)state;
	flag_windows_default(&W);
	return 0;
}

/* Facts with nothing said and nobody in them. */
static struct flag_facts
facts(void)
{
	struct flag_facts f = { .at = NOW, .urgent = -1, .vulnerable = -1,
	    .targeted = -1, .happened_before = -1 };

	return f;
}

/* The same, with one person and their parts in other incidents. */
static struct flag_facts
facts_of(const struct flag_person *p, const struct flag_link *l, size_t nl)
{
	struct flag_facts f = facts();

	f.people = p;
	f.npeople = 1;
	f.links = l;
	f.nlinks = nl;
	return f;
}

static unsigned
bits_of(const struct flag_facts *f)
{
	struct flag_result r;

	flags_compute(&W, f, &r);
	return r.bits;
}

static void
defaults_are_the_documented_ones(void **state)
{
	(void)state;
	assert_int_equal(W.repeat_victim_days, 365);
	assert_int_equal(W.repeat_location_metres, 100);
	assert_int_equal(W.repeat_location_days, 90);
	assert_int_equal(W.repeat_location_count, 3);
	assert_int_equal(W.case_review_days, 183);
	assert_int_equal(W.case_review_prompt_at, 2);
	assert_int_equal(W.case_review_threshold, 3);
}

static void
nothing_said_raises_no_flag(void **state)
{
	struct flag_facts f = facts();
	struct flag_result r;

	(void)state;
	flags_compute(&W, &f, &r);
	assert_int_equal(r.bits, 0);
	assert_int_equal(r.location_count, 1);
	assert_int_equal(r.nvictims, 0);
}

/* Urgent comes from an answer that is its question's notice answer. */
static void
urgent_is_an_answer_that_calls_for_it(void **state)
{
	struct flag_facts f = facts();

	(void)state;
	assert_true(flag_answer_urgent("yes", "yes"));
	assert_false(flag_answer_urgent("yes", "no"));
	assert_false(flag_answer_urgent("", ""));
	assert_false(flag_answer_urgent(NULL, "yes"));
	assert_false(flag_answer_urgent("yes", NULL));
	f.urgent = 1;
	assert_int_equal(bits_of(&f), FLAG_BIT(FLAG_URGENT));
	f.urgent = 0;
	assert_int_equal(bits_of(&f), 0);
}

/* Vulnerable from the answer, or from a victim's record; being targeted
 * for who one is makes both vulnerable and hate-motivated. */
static void
vulnerable_and_hate(void **state)
{
	struct flag_person p[] = {
		{ 1, FLAG_WITNESS, 1 },		/* a vulnerable witness: not a victim */
		{ 2, FLAG_VICTIM, 1 },
	};
	struct flag_facts f = facts();

	(void)state;
	f.vulnerable = 1;
	assert_int_equal(bits_of(&f), FLAG_BIT(FLAG_VULNERABLE));
	f.vulnerable = 0;
	f.targeted = 1;
	assert_int_equal(bits_of(&f), FLAG_BIT(FLAG_VULNERABLE) | FLAG_BIT(FLAG_HATE));
	f.targeted = 0;
	f.people = p;
	f.npeople = 1;
	assert_int_equal(bits_of(&f), 0);
	f.npeople = 2;
	assert_int_equal(bits_of(&f), FLAG_BIT(FLAG_VULNERABLE));
}

/* The same person as victim (or complainant) elsewhere: 365 days either
 * way is a repeat, 365 days and a second is not; a role as witness or
 * subject elsewhere does not count. */
static void
repeat_victim_window_edge(void **state)
{
	struct flag_person p[] = { { 7, FLAG_VICTIM, 0 } };
	struct flag_link l[] = { { 7, FLAG_VICTIM, NOW - 365 * DAY } };
	struct flag_facts f = facts_of(p, l, 1);

	(void)state;
	assert_true(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	l[0].at = NOW - 365 * DAY - 1;
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	l[0].at = NOW - 366 * DAY;
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	l[0].at = NOW + 365 * DAY;	/* linked later: this one is flagged too */
	assert_true(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	l[0].at = NOW - 10 * DAY;
	l[0].role = FLAG_REPORTER;
	assert_true(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	l[0].role = FLAG_WITNESS;
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	l[0].role = FLAG_VICTIM;
	l[0].person_id = 8;	/* someone else */
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
	f.nlinks = 0;
	f.happened_before = 1;	/* the reporter says so */
	assert_true(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_VICTIM));
}

/* Three incidents (this one and two) within 100 m in 90 days: 100 m is
 * inside, 100.1 m is not; day 90 is inside, day 90 and a second is not;
 * two incidents are one short. */
static void
repeat_location_window_edges(void **state)
{
	struct flag_place pl[] = {
		{ 100.0, NOW - 90 * DAY },
		{ 20.0, NOW - DAY },
	};
	struct flag_facts f = facts();
	struct flag_result r;

	(void)state;
	f.places = pl;
	f.nplaces = 2;
	flags_compute(&W, &f, &r);
	assert_int_equal(r.location_count, 3);
	assert_true(r.bits & FLAG_BIT(FLAG_REPEAT_LOCATION));
	pl[0].metres = 100.1;
	flags_compute(&W, &f, &r);
	assert_int_equal(r.location_count, 2);
	assert_false(r.bits & FLAG_BIT(FLAG_REPEAT_LOCATION));
	pl[0].metres = 100.0;
	pl[0].at = NOW - 90 * DAY - 1;
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_LOCATION));
	pl[0].at = NOW - 91 * DAY;
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_LOCATION));
	pl[0].at = NOW - 30 * DAY;
	f.nplaces = 1;	/* N-1 incidents */
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_LOCATION));
	pl[0].metres = -1;	/* no distance known */
	f.nplaces = 2;
	assert_false(bits_of(&f) & FLAG_BIT(FLAG_REPEAT_LOCATION));
}

/* The count and radius are configuration. */
static void
repeat_location_follows_config(void **state)
{
	struct flag_place pl[] = { { 240.0, NOW - 5 * DAY } };
	struct flag_facts f = facts();
	struct flag_windows w = W;
	struct flag_result r;
	struct config c;
	char err[256];

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "repeat_location_count = 2\n"
	    "repeat_location_metres = 250\n", err, sizeof(err)), 0);
	flag_windows_from_config(&c, &w);
	f.places = pl;
	f.nplaces = 1;
	flags_compute(&w, &f, &r);
	assert_true(r.bits & FLAG_BIT(FLAG_REPEAT_LOCATION));
	flags_compute(&W, &f, &r);
	assert_false(r.bits & FLAG_BIT(FLAG_REPEAT_LOCATION));
}

/* A subject here who was a subject elsewhere in 365 days. */
static void
repeat_subject_window_edge(void **state)
{
	struct flag_person p[] = { { 9, FLAG_SUBJECT, 0 } };
	struct flag_link l[] = { { 9, FLAG_SUBJECT, NOW - 365 * DAY } };
	struct flag_facts f = facts_of(p, l, 1);

	(void)state;
	assert_int_equal(bits_of(&f), FLAG_BIT(FLAG_REPEAT_SUBJECT));
	l[0].at = NOW - 366 * DAY;
	assert_int_equal(bits_of(&f), 0);
	l[0].at = NOW - DAY;
	l[0].role = FLAG_VICTIM;	/* a victim there is not a repeat subject */
	assert_int_equal(bits_of(&f), 0);
	p[0].role = FLAG_VICTIM;	/* nor a subject there a repeat victim */
	l[0].role = FLAG_SUBJECT;
	assert_int_equal(bits_of(&f), 0);
}

/* Each victim is listed for their own Case Review count (the rule is
 * domain/case_review_rule.c: tests/unit/test_case_review_rule.c); more
 * victims than fit are still flagged, only not listed. */
static void
each_victim_is_counted_apart(void **state)
{
	struct flag_person p[FLAG_VICTIMS_MAX + 1];
	struct flag_link l[] = { { 2, FLAG_VICTIM, NOW - DAY } };
	struct flag_facts f = facts();
	struct flag_result r;
	size_t i;

	(void)state;
	for (i = 0; i < FLAG_VICTIMS_MAX + 1; i++)
		p[i] = (struct flag_person){ (long long)i + 1, FLAG_VICTIM, 0 };
	p[FLAG_VICTIMS_MAX].vulnerable = 1;
	f.people = p;
	f.npeople = FLAG_VICTIMS_MAX + 1;
	f.links = l;
	f.nlinks = 1;
	flags_compute(&W, &f, &r);
	assert_int_equal(r.nvictims, FLAG_VICTIMS_MAX);
	assert_int_equal(r.victims[0].person_id, 1);
	assert_int_equal(r.victims[FLAG_VICTIMS_MAX - 1].person_id, FLAG_VICTIMS_MAX);
	assert_true(r.bits & FLAG_BIT(FLAG_VULNERABLE));
	assert_true(r.bits & FLAG_BIT(FLAG_REPEAT_VICTIM));
}

static void
flag_names_are_stable(void **state)
{
	(void)state;
	assert_string_equal(case_review_name(CASE_REVIEW_PROMPT), "prompt");
	assert_string_equal(case_review_name(CASE_REVIEW_THRESHOLD), "threshold");
	assert_string_equal(case_review_name(CASE_REVIEW_NONE), "none");
	assert_string_equal(flag_name(FLAG_URGENT), "urgent");
	assert_string_equal(flag_name(FLAG_VULNERABLE), "vulnerable_victim");
	assert_string_equal(flag_name(FLAG_REPEAT_VICTIM), "repeat_victim");
	assert_string_equal(flag_name(FLAG_REPEAT_LOCATION), "repeat_location");
	assert_string_equal(flag_name(FLAG_REPEAT_SUBJECT), "repeat_subject");
	assert_string_equal(flag_name(FLAG_HATE), "hate_motivated");
	assert_string_equal(flag_name((enum flag)FLAGS), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_are_the_documented_ones),
		cmocka_unit_test(nothing_said_raises_no_flag),
		cmocka_unit_test(urgent_is_an_answer_that_calls_for_it),
		cmocka_unit_test(vulnerable_and_hate),
		cmocka_unit_test(repeat_victim_window_edge),
		cmocka_unit_test(repeat_location_window_edges),
		cmocka_unit_test(repeat_location_follows_config),
		cmocka_unit_test(repeat_subject_window_edge),
		cmocka_unit_test(each_victim_is_counted_apart),
		cmocka_unit_test(flag_names_are_stable),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
