/* The ASB Case Review count (domain/case_review_rule.c) at every edge the
 * issue names: one month from the behaviour, six months before the
 * application, two and three complaints, one behaviour reported to two
 * agencies, diary entries, the local hate rule and several people. */
#include "test.h"

#include "core/config.h"
#include "domain/case_review_rule.h"

#define DAY	86400
#define HOUR	3600
#define AT	((time_t)1790000000)	/* 2026-09-21, the application */

static struct cr_rules R;

static int
setup(void **state)
{
	(void)state;
	cr_rules_default(&R);
	return 0;
}

/* A complaint made `ago` seconds before AT about behaviour `late` seconds
 * before that, to agency 1, of type 7, by the victim (person 5). */
static const long long VICTIM[] = { 5 };

static struct cr_complaint
complaint(long long id, time_t ago, time_t late)
{
	struct cr_complaint c = {
		.incident_id = id, .complained_at = AT - ago,
		.behaviour_at = AT - ago - late, .agency_id = 1, .type_id = 7,
		.reporters = VICTIM, .nreporters = 1,
	};

	return c;
}

static struct cr_tally
count(const struct cr_complaint *c, size_t n, struct cr_verdict *v)
{
	struct cr_tally r;

	assert_int_equal(cr_count(&R, AT, c, n, v, &r), 0);
	return r;
}

static void
defaults_are_the_statutory_ones(void **state)
{
	(void)state;
	assert_int_equal(R.days, 183);
	assert_int_equal(R.within_days, 31);
	assert_int_equal(R.prompt_at, 2);
	assert_int_equal(R.threshold, 3);
	assert_int_equal(R.hate_single, 0);
	assert_int_equal(R.several_reports, 5);
	assert_int_equal(R.several_people, 2);
}

/* Two complaints prompt, the third meets the threshold. */
static void
two_prompt_and_three_meet(void **state)
{
	struct cr_complaint c[] = { complaint(1, 100 * DAY, 0), complaint(2, 50 * DAY, 0),
	    complaint(3, 0, 0) };
	struct cr_tally r;

	(void)state;
	r = count(c, 1, NULL);
	assert_int_equal(r.count, 1);
	assert_int_equal(r.state, CASE_REVIEW_NONE);
	r = count(c, 2, NULL);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.state, CASE_REVIEW_PROMPT);
	assert_int_equal(r.met, CR_MET_NO);
	r = count(c, 3, NULL);
	assert_int_equal(r.count, 3);
	assert_int_equal(r.met, CR_MET_COUNT);
	assert_int_equal(r.state, CASE_REVIEW_THRESHOLD);
	/* A local lower threshold. */
	R.threshold = 2;
	assert_int_equal(count(c, 2, NULL).met, CR_MET_COUNT);
}

/* Within one month of the behaviour: 31 days to the second is in, one
 * second more is out (and says why); behaviour recorded after the
 * complaint is not late. */
static void
one_month_from_the_behaviour(void **state)
{
	struct cr_complaint c[] = { complaint(1, 10 * DAY, 31 * DAY),
	    complaint(2, 5 * DAY, 0), complaint(3, 0, 0) };
	struct cr_verdict v[3];
	struct cr_tally r;

	(void)state;
	r = count(c, 3, v);
	assert_int_equal(r.count, 3);
	assert_int_equal(v[0].why, CR_COUNTED);
	c[0].behaviour_at -= 1;
	r = count(c, 3, v);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.met, CR_MET_NO);
	assert_int_equal(v[0].why, CR_LATE);
	assert_string_equal(cr_why_text(CR_LATE),
	    "Not counted: made more than a month after the behaviour");
	c[0].behaviour_at = c[0].complained_at + HOUR;
	assert_int_equal(count(c, 3, v).count, 3);
	/* A local 28 days: 29 days after the behaviour is late. */
	R.within_days = 28;
	c[0].behaviour_at = c[0].complained_at - 29 * DAY;
	assert_int_equal(count(c, 3, v).count, 2);
}

/* Six months (183 days) before the application: a complaint on day 183
 * counts, one a second older does not, nor one after the application. */
static void
six_months_before_the_application(void **state)
{
	struct cr_complaint c[] = { complaint(1, 183 * DAY, 0),
	    complaint(2, 50 * DAY, 0), complaint(3, 0, 0) };
	struct cr_verdict v[3];
	struct cr_tally r;

	(void)state;
	assert_int_equal(count(c, 3, v).count, 3);
	c[0] = complaint(1, 183 * DAY + 1, 0);
	r = count(c, 3, v);
	assert_int_equal(r.count, 2);
	assert_int_equal(v[0].why, CR_BEFORE_WINDOW);
	c[0] = complaint(1, -1, 0);	/* a second after the application */
	r = count(c, 3, v);
	assert_int_equal(r.count, 2);
	assert_int_equal(v[0].why, CR_AFTER);
}

/* One behaviour reported to two agencies counts once: the same type
 * within 24 hours at different agencies, or incidents linked. The same
 * type at the same agency, or 24 hours and a second apart, is two. */
static void
one_behaviour_reported_twice_counts_once(void **state)
{
	long long to_police[] = { 11 };
	struct cr_complaint c[] = { complaint(10, 20 * DAY, 0),
	    complaint(11, 20 * DAY - 3 * HOUR, 0), complaint(12, 0, 0) };
	struct cr_verdict v[3];
	struct cr_tally r;

	(void)state;
	c[1].agency_id = 2;
	c[1].behaviour_at = c[0].behaviour_at + 24 * HOUR;
	r = count(c, 3, v);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.met, CR_MET_NO);
	assert_int_equal(v[0].why, CR_COUNTED);
	assert_int_equal(v[1].why, CR_SAME_BEHAVIOUR);
	assert_int_equal(v[1].same_as, 10);
	c[1].behaviour_at += 1;
	assert_int_equal(count(c, 3, v).count, 3);
	c[1].behaviour_at -= 1;
	c[1].agency_id = 1;	/* same agency: its intake and links decide */
	assert_int_equal(count(c, 3, v).count, 3);
	c[1].type_id = 8;	/* another type, linked by staff */
	c[0].linked = to_police;
	c[0].nlinked = 1;
	r = count(c, 3, v);
	assert_int_equal(r.count, 2);
	assert_int_equal(v[1].why, CR_SAME_BEHAVIOUR);
	/* Both complaints of the one behaviour late: it is not counted. */
	c[0].behaviour_at -= 40 * DAY;
	c[1].behaviour_at = c[0].behaviour_at;
	r = count(c, 3, v);
	assert_int_equal(r.count, 1);
	assert_int_equal(v[0].why, CR_LATE);
	assert_int_equal(v[1].why, CR_LATE);
}

/* Diary entries on one report are one complaint. */
static void
diary_entries_are_one_complaint(void **state)
{
	struct cr_complaint c[] = { complaint(1, 30 * DAY, 0), complaint(2, 0, 0) };

	(void)state;
	c[0].diary_entries = 12;
	assert_int_equal(count(c, 2, NULL).count, 2);
	assert_int_equal(count(c, 2, NULL).state, CASE_REVIEW_PROMPT);
}

/* The local hate rule: one counted hate-motivated complaint meets it when
 * configured, and not when it is late. */
static void
a_single_hate_incident_when_configured(void **state)
{
	struct cr_complaint c[] = { complaint(1, DAY, 0) };
	struct cr_tally r;

	(void)state;
	c[0].hate = 1;
	r = count(c, 1, NULL);
	assert_int_equal(r.met, CR_MET_NO);
	assert_int_equal(r.hate, 1);
	R.hate_single = 1;
	r = count(c, 1, NULL);
	assert_int_equal(r.met, CR_MET_HATE);
	assert_int_equal(r.state, CASE_REVIEW_THRESHOLD);
	assert_string_equal(cr_met_text(r.met), "a hate-motivated complaint");
	c[0].behaviour_at -= 40 * DAY;
	assert_int_equal(count(c, 1, NULL).met, CR_MET_NO);
}

/* Several reports from several people: five reports (each person's of one
 * behaviour once) from at least two people, on two behaviours; the same
 * person's two reports of one behaviour are one; 0 turns it off. */
static void
several_reports_from_several_people(void **state)
{
	long long three[] = { 5, 6, 7 }, two[] = { 5, 8 }, again[] = { 5 };
	struct cr_complaint c[] = { complaint(1, 30 * DAY, 0), complaint(2, 0, 0),
	    complaint(3, 0, HOUR) };
	struct cr_tally r;

	(void)state;
	c[0].reporters = three;
	c[0].nreporters = 3;
	c[1].reporters = two;
	c[1].nreporters = 2;
	r = count(c, 2, NULL);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.reports, 5);
	assert_int_equal(r.people, 4);
	assert_int_equal(r.met, CR_MET_SEVERAL);
	R.several_people = 5;
	assert_int_equal(count(c, 2, NULL).met, CR_MET_NO);
	R.several_people = 2;
	/* The victim's own report of the second behaviour to another agency. */
	c[2].agency_id = 2;
	c[2].reporters = again;
	c[1].nreporters = 1;
	r = count(c, 3, NULL);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.reports, 4);
	assert_int_equal(r.met, CR_MET_NO);
	R.several_reports = 0;
	c[1].nreporters = 2;
	assert_int_equal(count(c, 3, NULL).met, CR_MET_NO);
}

/* Too many facts is an error, not a silent cut. */
static void
too_many_facts_is_refused(void **state)
{
	static struct cr_complaint c[CR_FACTS_MAX + 1];
	struct cr_tally r;

	(void)state;
	assert_int_equal(cr_count(&R, AT, c, CR_FACTS_MAX + 1, NULL, &r), -1);
	assert_int_equal(cr_count(&R, AT, c, CR_FACTS_MAX, NULL, &r), 0);
}

static void
rules_come_from_config(void **state)
{
	struct config cfg;
	struct cr_rules r;
	char err[256];

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(config_parse(&cfg, "case_review_days = 90\n"
	    "case_review_complaint_within_days = 28\ncase_review_hate_single = yes\n"
	    "case_review_several_reports = 0\n", err, sizeof(err)), 0);
	cr_rules_from_config(&cfg, &r);
	assert_int_equal(r.days, 90);
	assert_int_equal(r.within_days, 28);
	assert_int_equal(r.hate_single, 1);
	assert_int_equal(r.several_reports, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(defaults_are_the_statutory_ones, setup),
		cmocka_unit_test_setup(two_prompt_and_three_meet, setup),
		cmocka_unit_test_setup(one_month_from_the_behaviour, setup),
		cmocka_unit_test_setup(six_months_before_the_application, setup),
		cmocka_unit_test_setup(one_behaviour_reported_twice_counts_once, setup),
		cmocka_unit_test_setup(diary_entries_are_one_complaint, setup),
		cmocka_unit_test_setup(a_single_hate_incident_when_configured, setup),
		cmocka_unit_test_setup(several_reports_from_several_people, setup),
		cmocka_unit_test_setup(too_many_facts_is_refused, setup),
		cmocka_unit_test_setup(rules_come_from_config, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
