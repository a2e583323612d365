/* The checks of routing rules (domain/rule_check.c): each problem a saved
 * rule can have (a type gone or inactive, categories that exclude every
 * type, an area code gone, a reporting agency gone or inactive, an earlier
 * stop rule that hides it, a team gone or inactive), and what a rule being
 * saved must put right. */
#include "test.h"

#include "core/arena.h"
#include "domain/rule_check.h"

static struct arena *A;

static struct rule_type types[] = {
	{ 1, "noise", "Noise", "nuisance", 1 },
	{ 2, "vandalism", "Vandalism", "environmental", 1 },
	{ 3, "harassment", "Harassment", "personal", 1 },
	{ 4, "old-type", "Old type", "nuisance", 0 },
};

static struct rule_agency agencies[] = {
	{ 10, "City Police", 1 },
	{ 11, "Hackney Homes", 1 },
	{ 12, "Closed Trust", 0 },
};

static struct rule_team teams[] = {
	{ 100, 10, "ASB Hub", "City Police", 1 },
	{ 101, 11, "Tenancy Enforcement", "Hackney Homes", 1 },
	{ 102, 10, "Old Team", "City Police", 0 },
};

static struct rule_area areas[] = {
	{ "E05000030", "Bassishaw", 1, "City Police" },
	{ "E09000001", "City of London", 0, "City Council" },
};

static struct rule_refs refs = {
	types, 4, agencies, 3, teams, 3, areas, 2, 10, "City Police", 100,
};

static long long hub[] = { 100 };

static int
setup(void **state)
{
	(void)state;
	A = arena_new(4096);
	return A == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

/* A rule with no conditions that sends to the hub. */
static struct routing_rule
rule(int position, const char *name)
{
	struct routing_rule r;

	memset(&r, 0, sizeof(r));
	r.position = position;
	r.name = name;
	r.teams.v = hub;
	r.teams.n = 1;
	return r;
}

#define WORDS(w, ...) do { static const char *v_[] = { __VA_ARGS__ }; \
	(w).v = v_; (w).n = sizeof(v_) / sizeof(v_[0]); } while (0)
#define IDS(w, ...) do { static long long v_[] = { __VA_ARGS__ }; \
	(w).v = v_; (w).n = sizeof(v_) / sizeof(v_[0]); } while (0)

static struct rule_problems
problems(const struct routing_rule *rules, size_t n)
{
	struct rule_problems p;

	assert_int_equal(rule_problems_find(A, rules, n, &refs, &p), 0);
	return p;
}

static void
good_rules_have_no_problem(void **state)
{
	struct routing_rule r[2] = { rule(1, "Youth"), rule(2, "Housing") };
	struct rule_problems p;

	(void)state;
	WORDS(r[0].flags, "youth");
	WORDS(r[0].types, "noise", "vandalism");
	IDS(r[1].agencies, 11);
	IDS(r[1].teams, 101);
	WORDS(r[1].areas, "E05000030", "E09000001");
	p = problems(r, 2);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.nrules, 0);
}

static void
a_type_gone_or_inactive_is_flagged(void **state)
{
	struct routing_rule r[2] = { rule(1, "Mixed"), rule(2, "Dead") };
	struct rule_problems p;

	(void)state;
	WORDS(r[0].types, "noise", "gone-type");
	WORDS(r[1].types, "old-type");
	p = problems(r, 2);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.nrules, 2);
	assert_int_equal(p.v[0].rule, 0);
	assert_int_equal(p.v[0].kind, RULE_TYPE_GONE);
	assert_string_equal(p.v[0].message, "Type “gone-type” is no longer in the "
	    "catalogue, so the rule never matches it");
	assert_int_equal(p.v[1].rule, 1);
	assert_int_equal(p.v[1].kind, RULE_TYPE_INACTIVE);
	assert_string_equal(p.v[1].message, "Type Old type (old-type) is inactive: "
	    "this rule can never match");
	assert_true(rule_never_matches(&r[1], &refs));
	assert_false(rule_never_matches(&r[0], &refs));
}

static void
categories_that_exclude_every_type_are_flagged(void **state)
{
	struct routing_rule r[2] = { rule(1, "Excluded"), rule(2, "One fits") };
	struct rule_problems p;

	(void)state;
	WORDS(r[0].types, "noise", "vandalism");
	WORDS(r[0].categories, "personal");
	WORDS(r[1].types, "noise", "harassment");
	WORDS(r[1].categories, "personal");
	p = problems(r, 2);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].rule, 0);
	assert_int_equal(p.v[0].kind, RULE_CATEGORIES_EXCLUDE);
	assert_true(rule_never_matches(&r[0], &refs));
}

static void
an_area_code_gone_is_flagged(void **state)
{
	struct routing_rule r[2] = { rule(1, "Some gone"), rule(2, "All gone") };
	struct rule_problems p;

	(void)state;
	WORDS(r[0].areas, "E05000030", "E05999999");
	WORDS(r[1].areas, "E05999999");
	p = problems(r, 2);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.v[0].kind, RULE_AREA_GONE);
	assert_string_equal(p.v[0].message, "Area code “E05999999” is not a current "
	    "beat or council area, so the rule never matches there");
	assert_string_equal(p.v[1].message, "Area code “E05999999” is not a current "
	    "beat or council area: this rule can never match");
}

static void
a_reporting_agency_inactive_or_gone_is_flagged(void **state)
{
	struct routing_rule r[1] = { rule(1, "Agencies") };
	struct rule_problems p;

	(void)state;
	IDS(r[0].agencies, 12, 99);
	p = problems(r, 1);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.v[0].kind, RULE_AGENCY_INACTIVE);
	assert_string_equal(p.v[0].message, "Reporting agency Closed Trust is "
	    "inactive: this rule can never match");
	assert_int_equal(p.v[1].kind, RULE_AGENCY_GONE);
	assert_true(rule_never_matches(&r[0], &refs));
}

static void
an_earlier_stop_rule_with_no_conditions_hides_every_later_one(void **state)
{
	struct routing_rule r[3] = { rule(1, "Everything"), rule(2, "Youth"),
	    rule(3, "Any") };
	struct rule_problems p;

	(void)state;
	r[0].stop = 1;
	WORDS(r[1].flags, "youth");
	p = problems(r, 3);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.nrules, 2);
	assert_int_equal(p.v[0].rule, 1);
	assert_int_equal(p.v[0].kind, RULE_UNREACHABLE);
	assert_string_equal(p.v[0].message, "This rule is never reached: rule 1 "
	    "“Everything” comes first, says stop, and matches every incident this "
	    "one does");
	assert_int_equal(p.v[1].rule, 2);
}

static void
an_earlier_stop_rule_with_a_subset_of_the_conditions_hides_a_later_one(void **state)
{
	struct routing_rule r[4] = { rule(1, "Hate"), rule(2, "Hate and youth, public"),
	    rule(3, "Youth only"), rule(4, "Hate, by type") };
	struct rule_problems p;

	(void)state;
	r[0].stop = 1;
	WORDS(r[0].flags, "hate");
	WORDS(r[0].channels, "public", "open311");
	WORDS(r[1].flags, "youth", "hate");
	WORDS(r[1].channels, "public");
	WORDS(r[1].types, "noise");
	WORDS(r[2].flags, "youth");
	WORDS(r[2].channels, "public");
	/* Any channel: wider than the stop rule's two. */
	WORDS(r[3].flags, "hate");
	p = problems(r, 4);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].rule, 1);
	assert_int_equal(p.v[0].kind, RULE_UNREACHABLE);
}

static void
a_stop_rule_by_category_hides_a_rule_by_types_of_that_category(void **state)
{
	struct routing_rule r[3] = { rule(1, "Nuisance"), rule(2, "Noise"),
	    rule(3, "Noise or graffiti") };
	struct rule_problems p;

	(void)state;
	r[0].stop = 1;
	WORDS(r[0].categories, "nuisance");
	WORDS(r[1].types, "noise");
	WORDS(r[2].types, "noise", "vandalism");
	p = problems(r, 3);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].rule, 1);
	assert_false(rule_covers(&r[0], &r[2], &refs));
}

static void
a_stop_rule_that_never_matches_and_a_rule_without_stop_hide_nothing(void **state)
{
	struct routing_rule r[3] = { rule(1, "Dead stop"), rule(2, "No stop"),
	    rule(3, "Later") };
	struct rule_problems p;

	(void)state;
	r[0].stop = 1;
	WORDS(r[0].types, "old-type");
	p = problems(r, 3);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].rule, 0);
	assert_int_equal(p.v[0].kind, RULE_TYPE_INACTIVE);
}

static void
a_team_gone_or_inactive_is_flagged(void **state)
{
	struct routing_rule r[2] = { rule(1, "Some"), rule(2, "None left") };
	struct rule_problems p;

	(void)state;
	IDS(r[0].teams, 100, 102);
	IDS(r[1].teams, 555);
	p = problems(r, 2);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.v[0].kind, RULE_TEAM_INACTIVE);
	assert_string_equal(p.v[0].message, "It sends to Old Team (City Police), "
	    "which is inactive");
	assert_int_equal(p.v[1].kind, RULE_TEAM_GONE);
	assert_string_equal(p.v[1].message, "It sends to a team that no longer "
	    "exists (team 555): the rule adds no queue");
}

static int
invalid(const struct routing_rule *r, struct rule_invalid *out)
{
	return rule_invalid_find(A, r, &refs, out, 16);
}

static void
a_valid_rule_needs_nothing_put_right(void **state)
{
	struct routing_rule r = rule(1, "Fine");
	struct rule_invalid bad[16];

	(void)state;
	WORDS(r.types, "noise");
	WORDS(r.categories, "nuisance", "personal");
	WORDS(r.flags, "youth", "repeat_victim");
	WORDS(r.channels, "public", "import");
	IDS(r.agencies, 10, 11);
	WORDS(r.areas, "E09000001");
	assert_int_equal(invalid(&r, bad), 0);
}

static void
the_form_must_name_only_what_exists_and_is_active(void **state)
{
	struct routing_rule r = rule(1, "Bad");
	struct rule_invalid bad[16];

	(void)state;
	WORDS(r.types, "nope", "old-type", "vandalism");
	WORDS(r.categories, "nuisance");
	WORDS(r.flags, "angry");
	WORDS(r.channels, "fax");
	IDS(r.agencies, 12);
	WORDS(r.areas, "E05000030", "ZZ1");
	IDS(r.teams, 102);
	assert_int_equal(invalid(&r, bad), 8);
	assert_string_equal(bad[0].field, "types");
	assert_string_equal(bad[0].message, "“nope” is not a type in the catalogue: "
	    "untick it");
	assert_string_equal(bad[1].message, "Old type is inactive: untick it");
	assert_string_equal(bad[2].field, "categories");
	assert_string_equal(bad[2].message, "Vandalism is a type in the Environmental "
	    "category, which the categories you chose leave out: tick Environmental "
	    "or untick Vandalism");
	assert_string_equal(bad[3].field, "flags");
	assert_string_equal(bad[4].field, "channels");
	assert_string_equal(bad[5].field, "agencies");
	assert_string_equal(bad[5].message, "Closed Trust is inactive: untick it");
	assert_string_equal(bad[6].field, "areas");
	assert_string_equal(bad[6].message, "“ZZ1” is not the code of a current beat "
	    "or council area");
	assert_string_equal(bad[7].field, "teams");
	assert_string_equal(bad[7].message, "Old Team (City Police) is inactive: "
	    "untick it");
}

static void
the_form_must_send_to_one_to_twenty_teams(void **state)
{
	struct routing_rule r = rule(1, "Teams");
	struct rule_invalid bad[16];
	long long many[21];
	size_t i;

	(void)state;
	r.teams.n = 0;
	assert_int_equal(invalid(&r, bad), 1);
	assert_string_equal(bad[0].message, "Select at least one team to send to");
	for (i = 0; i < 21; i++)
		many[i] = 100;
	r.teams.v = many;
	r.teams.n = 21;
	assert_int_equal(invalid(&r, bad), 1);
	assert_string_equal(bad[0].message, "Select at most 20 teams");
	r.teams.n = 20;
	assert_int_equal(invalid(&r, bad), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_rules_have_no_problem),
		cmocka_unit_test(a_type_gone_or_inactive_is_flagged),
		cmocka_unit_test(categories_that_exclude_every_type_are_flagged),
		cmocka_unit_test(an_area_code_gone_is_flagged),
		cmocka_unit_test(a_reporting_agency_inactive_or_gone_is_flagged),
		cmocka_unit_test(an_earlier_stop_rule_with_no_conditions_hides_every_later_one),
		cmocka_unit_test(an_earlier_stop_rule_with_a_subset_of_the_conditions_hides_a_later_one),
		cmocka_unit_test(a_stop_rule_by_category_hides_a_rule_by_types_of_that_category),
		cmocka_unit_test(a_stop_rule_that_never_matches_and_a_rule_without_stop_hide_nothing),
		cmocka_unit_test(a_team_gone_or_inactive_is_flagged),
		cmocka_unit_test(a_valid_rule_needs_nothing_put_right),
		cmocka_unit_test(the_form_must_name_only_what_exists_and_is_active),
		cmocka_unit_test(the_form_must_send_to_one_to_twenty_teams),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
