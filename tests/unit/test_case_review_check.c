/* The one check of a Case Review application (domain/case_review_apply.c):
 * what every channel is refused for, the online applicant's way to be
 * reached, and someone else's application. */
#include "test.h"

#include "domain/case_review.h"

static struct case_review_input
valid(const char *channel)
{
	struct case_review_input in = {
		.channel = channel, .received_on = "", .applicant_name = "Ann Applicant",
		.applicant_email = "ann@example.com", .applicant_phone = "",
		.applicant_address = "", .applicant_postcode = "", .on_behalf = 0,
		.victim_name = "", .relationship = "", .behaviour = "Noise every night",
		.reported_to = "The council, in March",
	};
	return in;
}

static int
has(const struct case_review_problem *p, size_t n, const char *field)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(p[i].field, field) == 0)
			return 1;
	return 0;
}

static void
a_full_application_passes(void **state)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in = valid("online");

	(void)state;
	assert_int_equal(case_review_check(&in, p), 0);
	in = valid("phone");
	in.received_on = "2026-11-30";
	assert_int_equal(case_review_check(&in, p), 0);
}

static void
name_and_behaviour_are_needed(void **state)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in = valid("paper");
	size_t n;

	(void)state;
	in.applicant_name = "  ";
	in.behaviour = "";
	n = case_review_check(&in, p);
	assert_int_equal(n, 2);
	assert_true(has(p, n, "applicant-name"));
	assert_true(has(p, n, "behaviour"));
}

static void
online_needs_a_way_to_reach_them_staff_do_not(void **state)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in = valid("online");
	size_t n;

	(void)state;
	in.applicant_email = "";
	n = case_review_check(&in, p);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "applicant-email"));
	in.applicant_address = "1 High Street";
	assert_int_equal(case_review_check(&in, p), 0);
	in = valid("in_person");
	in.applicant_email = "";
	assert_int_equal(case_review_check(&in, p), 0);
}

static void
for_someone_else_needs_their_name(void **state)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in = valid("online");
	size_t n;

	(void)state;
	in.on_behalf = 1;
	n = case_review_check(&in, p);
	assert_int_equal(n, 1);
	assert_true(has(p, n, "victim-name"));
	in.victim_name = "Vic Tim";
	assert_int_equal(case_review_check(&in, p), 0);
}

static void
bad_values_are_refused(void **state)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in = valid("fax");
	size_t n;

	(void)state;
	in.applicant_email = "not an address";
	in.received_on = "2026-02-30";
	n = case_review_check(&in, p);
	assert_true(has(p, n, "channel"));
	assert_true(has(p, n, "applicant-email"));
	in = valid("online");
	in.received_on = "2026-11-30";	/* the public do not say when */
	n = case_review_check(&in, p);
	assert_true(has(p, n, "received-day"));
	in = valid("phone");
	in.received_on = "2999-01-01";	/* not yet */
	n = case_review_check(&in, p);
	assert_true(has(p, n, "received-day"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_full_application_passes),
		cmocka_unit_test(name_and_behaviour_are_needed),
		cmocka_unit_test(online_needs_a_way_to_reach_them_staff_do_not),
		cmocka_unit_test(for_someone_else_needs_their_name),
		cmocka_unit_test(bad_values_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
