/* The allocation plan (domain/routing.c): areas' teams, the force's
 * manual triage queue, and the routing rules in order with stop. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/routing.h"

#define BEAT_TEAM	11
#define AREA_TEAM	22
#define TRIAGE_TEAM	33
#define HUB		44
#define HOUSING		55

static struct arena *ar;

static int
setup(void **state)
{
	(void)state;
	ar = arena_new(4096);
	return ar == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(ar);
	return 0;
}

/* A point in beat Cheap and the City's council area, a public report of
 * noise, no flags, no rules. */
static struct route_facts
in_cheap(void)
{
	struct route_facts f;

	memset(&f, 0, sizeof(f));
	f.beat = (struct route_area){ 1, "E05009298", "Cheap", BEAT_TEAM };
	f.area = (struct route_area){ 2, "E09000001", "City of London", AREA_TEAM };
	f.triage_team = TRIAGE_TEAM;
	f.has_point = 1;
	f.has_address = 1;
	f.type_code = "noise";
	f.category = "nuisance";
	f.channel = "public";
	f.agency = 7;
	f.agency_name = "Hackney Homes";
	return f;
}

static struct route_rule
rule(int position, const char *name, long long team)
{
	struct route_rule r;

	memset(&r, 0, sizeof(r));
	r.id = position * 100;
	r.position = position;
	r.name = name;
	r.teams[0] = team;
	r.nteams = 1;
	return r;
}

static void
beat_and_council_teams_with_reasons(void **state)
{
	struct route_facts f = in_cheap();
	struct route_plan p;

	(void)state;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.r[0].team, BEAT_TEAM);
	assert_string_equal(p.r[0].kind, "neighbourhood");
	assert_int_equal(p.r[0].beat, 1);
	assert_string_equal(p.r[0].reason, "In beat Cheap (E05009298): its neighbourhood team");
	assert_int_equal(p.r[1].team, AREA_TEAM);
	assert_string_equal(p.r[1].kind, "council");
	assert_int_equal(p.r[1].area, 2);
	assert_false(p.r[1].location_to_confirm);
}

static void
outside_every_beat_goes_to_triage(void **state)
{
	struct route_facts f = in_cheap();
	struct route_plan p;

	(void)state;
	memset(&f.beat, 0, sizeof(f.beat));
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.r[1].team, TRIAGE_TEAM);
	assert_string_equal(p.r[1].kind, "triage");
	assert_string_equal(p.r[1].reason, "The point is outside every beat: manual triage");
}

static void
no_location_goes_to_triage(void **state)
{
	struct route_facts f = in_cheap();
	struct route_plan p;

	(void)state;
	memset(&f.beat, 0, sizeof(f.beat));
	memset(&f.area, 0, sizeof(f.area));
	f.has_point = f.has_address = 0;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.r[0].team, TRIAGE_TEAM);
	assert_string_equal(p.r[0].reason, "No location given: manual triage");
	assert_false(p.r[0].location_to_confirm);
}

static void
an_address_without_a_point_is_to_confirm(void **state)
{
	struct route_facts f = in_cheap();
	struct route_plan p;

	(void)state;
	memset(&f.beat, 0, sizeof(f.beat));
	memset(&f.area, 0, sizeof(f.area));
	f.has_point = 0;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.r[0].team, TRIAGE_TEAM);
	assert_true(p.r[0].location_to_confirm);
	/* Known to be in a council area (a postcode's): its team has it. */
	f.area = (struct route_area){ 2, "E09000001", "City of London", AREA_TEAM };
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.r[0].team, AREA_TEAM);
	assert_true(p.r[0].location_to_confirm);
}

static void
a_beat_without_a_team_goes_to_triage(void **state)
{
	struct route_facts f = in_cheap();
	struct route_plan p;

	(void)state;
	f.beat.team = 0;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.r[p.n - 1].team, TRIAGE_TEAM);
}

static void
every_condition_must_hold(void **state)
{
	struct route_facts f = in_cheap();
	struct route_rule r = rule(1, "Youth noise", HUB);

	(void)state;
	assert_true(route_rule_matches(&r, &f));	/* no condition: every incident */
	r.types[r.ntypes++] = "graffiti";
	assert_false(route_rule_matches(&r, &f));
	r.types[r.ntypes++] = "noise";			/* any one value will do */
	assert_true(route_rule_matches(&r, &f));
	r.flags = ROUTE_BIT(ROUTE_YOUTH) | ROUTE_BIT(ROUTE_HATE);
	f.flags = ROUTE_BIT(ROUTE_YOUTH);
	assert_false(route_rule_matches(&r, &f));	/* every flag listed */
	f.flags |= ROUTE_BIT(ROUTE_HATE) | ROUTE_BIT(ROUTE_URGENT);
	assert_true(route_rule_matches(&r, &f));
	r.channels[r.nchannels++] = "police";
	assert_false(route_rule_matches(&r, &f));
	r.channels[r.nchannels++] = "public";
	assert_true(route_rule_matches(&r, &f));
	r.agencies[r.nagencies++] = 8;
	assert_false(route_rule_matches(&r, &f));
	r.agencies[r.nagencies++] = 7;
	assert_true(route_rule_matches(&r, &f));
	r.areas[r.nareas++] = "E05009999";
	assert_false(route_rule_matches(&r, &f));
	r.areas[r.nareas++] = "E09000001";		/* the council area's code */
	assert_true(route_rule_matches(&r, &f));
	r.categories[r.ncategories++] = "personal";
	assert_false(route_rule_matches(&r, &f));
}

static void
rules_add_teams_in_order_up_to_the_first_stop(void **state)
{
	struct route_facts f = in_cheap();
	struct route_rule rules[3];
	struct route_plan p;

	(void)state;
	rules[0] = rule(1, "Housing provider", HOUSING);
	rules[0].agencies[rules[0].nagencies++] = 7;
	rules[0].stop = 1;
	rules[1] = rule(2, "Everything to the hub", HUB);
	rules[2] = rule(3, "Noise", HUB);
	f.rules = rules;
	f.nrules = 3;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 3);
	assert_int_equal(p.r[2].team, HOUSING);
	assert_string_equal(p.r[2].kind, "specialist");
	assert_int_equal(p.r[2].rule, 100);
	assert_string_equal(p.r[2].reason,
	    "Rule 1 \xe2\x80\x9cHousing provider\xe2\x80\x9d: reported by Hackney Homes");
	/* Not the housing provider's: the stop rule does not match, the next do. */
	f.agency = 9;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 3);
	assert_int_equal(p.r[2].team, HUB);
	assert_string_equal(p.r[2].reason,
	    "Rule 2 \xe2\x80\x9c" "Everything to the hub\xe2\x80\x9d: every incident");
}

static void
each_team_once_with_its_first_reason(void **state)
{
	struct route_facts f = in_cheap();
	struct route_rule rules[2];
	struct route_plan p;

	(void)state;
	rules[0] = rule(1, "Beat team too", BEAT_TEAM);
	rules[1] = rule(2, "Hate", HUB);
	rules[1].flags = ROUTE_BIT(ROUTE_HATE);
	f.flags = ROUTE_BIT(ROUTE_HATE);
	f.rules = rules;
	f.nrules = 2;
	assert_int_equal(route_plan(ar, &f, &p), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.r[0].kind, "neighbourhood");
	assert_string_equal(p.r[2].reason, "Rule 2 \xe2\x80\x9cHate\xe2\x80\x9d: Hate");
}

static void
flag_names_parse(void **state)
{
	(void)state;
	assert_int_equal(route_flag_parse("youth"), ROUTE_YOUTH);
	assert_int_equal(route_flag_parse("repeat_location"), ROUTE_REPEAT_LOCATION);
	assert_int_equal(route_flag_parse("Youth"), -1);
	assert_int_equal(route_flag_parse(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(beat_and_council_teams_with_reasons),
		cmocka_unit_test(outside_every_beat_goes_to_triage),
		cmocka_unit_test(no_location_goes_to_triage),
		cmocka_unit_test(an_address_without_a_point_is_to_confirm),
		cmocka_unit_test(a_beat_without_a_team_goes_to_triage),
		cmocka_unit_test(every_condition_must_hold),
		cmocka_unit_test(rules_add_teams_in_order_up_to_the_first_stop),
		cmocka_unit_test(each_team_once_with_its_first_reason),
		cmocka_unit_test(flag_names_parse),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
