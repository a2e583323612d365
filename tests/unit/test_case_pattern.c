/* A case's patterns (domain/case_pattern.c): the time bands and their
 * shades, and who was together — pairs on two or more incidents, groups
 * taken whole, each incident's repeats counted once. */
#include "test.h"

#include "core/arena.h"
#include "domain/case_pattern.h"

/* ------------------------------------------------------------------ */
/* Time bands                                                          */

static void
bands_put_monday_first_and_keep_totals(void **state)
{
	struct pattern_bands b = {0};

	(void)state;
	assert_int_equal(pattern_band_add(&b, 1, 0), 0);	/* Monday 00:00 */
	assert_int_equal(pattern_band_add(&b, 7, 23), 0);	/* Sunday 23:00 */
	assert_int_equal(pattern_band_add(&b, 7, 23), 0);
	assert_int_equal(pattern_band_add(&b, 3, 14), 0);	/* Wednesday 14:00 */
	assert_int_equal(b.count[0][0], 1);
	assert_int_equal(b.count[6][23], 2);
	assert_int_equal(b.count[2][14], 1);
	assert_int_equal(b.day_total[6], 2);
	assert_int_equal(b.hour_total[23], 2);
	assert_int_equal(b.hour_total[14], 1);
	assert_int_equal(b.total, 4);
	assert_int_equal(b.max, 2);
}

static void
a_band_out_of_range_counts_nothing(void **state)
{
	struct pattern_bands b = {0};

	(void)state;
	assert_int_equal(pattern_band_add(&b, 0, 10), -1);
	assert_int_equal(pattern_band_add(&b, 8, 10), -1);
	assert_int_equal(pattern_band_add(&b, 2, -1), -1);
	assert_int_equal(pattern_band_add(&b, 2, 24), -1);
	assert_int_equal(b.total, 0);
	assert_int_equal(b.max, 0);
}

static void
shades_are_quarters_of_the_busiest_band(void **state)
{
	struct pattern_bands b = { .max = 8 };
	int lo, hi;

	(void)state;
	assert_int_equal(pattern_shade(&b, 0), 0);
	assert_int_equal(pattern_shade(&b, 1), 1);
	assert_int_equal(pattern_shade(&b, 2), 1);
	assert_int_equal(pattern_shade(&b, 3), 2);
	assert_int_equal(pattern_shade(&b, 6), 3);
	assert_int_equal(pattern_shade(&b, 7), 4);
	assert_int_equal(pattern_shade(&b, 8), 4);
	assert_int_equal(pattern_shade_range(&b, 1, &lo, &hi), 0);
	assert_int_equal(lo, 1);
	assert_int_equal(hi, 2);
	assert_int_equal(pattern_shade_range(&b, 4, &lo, &hi), 0);
	assert_int_equal(lo, 7);
	assert_int_equal(hi, 8);
	assert_int_equal(pattern_shade_range(&b, 0, &lo, &hi), -1);
	assert_int_equal(pattern_shade_range(&b, 5, &lo, &hi), -1);
}

static void
the_busiest_band_is_darkest_even_when_few(void **state)
{
	struct pattern_bands one = { .max = 1 }, three = { .max = 3 }, none = {0};
	int lo, hi, s;

	(void)state;
	assert_int_equal(pattern_shade(&one, 1), 4);
	for (s = 1; s <= 3; s++)
		assert_int_equal(pattern_shade_range(&one, s, &lo, &hi), -1);
	assert_int_equal(pattern_shade_range(&one, 4, &lo, &hi), 0);
	assert_int_equal(lo, 1);
	assert_int_equal(hi, 1);
	/* 3 at most: 1 is shade 2, 2 shade 3, 3 shade 4; shade 1 has none. */
	assert_int_equal(pattern_shade(&three, 1), 2);
	assert_int_equal(pattern_shade(&three, 2), 3);
	assert_int_equal(pattern_shade(&three, 3), 4);
	assert_int_equal(pattern_shade_range(&three, 1, &lo, &hi), -1);
	assert_int_equal(pattern_shade_range(&three, 2, &lo, &hi), 0);
	assert_int_equal(lo, 1);
	assert_int_equal(hi, 1);
	assert_int_equal(pattern_shade(&none, 0), 0);
	assert_int_equal(pattern_shade_range(&none, 4, &lo, &hi), -1);
}

/* Every shade's range and pattern_shade agree, for any busiest band. */
static void
shade_ranges_cover_every_count_once(void **state)
{
	struct pattern_bands b = {0};
	int max, c, s, lo, hi, hits;

	(void)state;
	for (max = 1; max <= 40; max++) {
		b.max = max;
		for (c = 1; c <= max; c++) {
			hits = 0;
			for (s = 1; s <= 4; s++)
				if (pattern_shade_range(&b, s, &lo, &hi) == 0 && c >= lo && c <= hi) {
					assert_int_equal(pattern_shade(&b, c), s);
					hits++;
				}
			assert_int_equal(hits, 1);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Who was together                                                    */

struct fixture {
	struct arena	*ar;
};

static int
setup(void **state)
{
	static struct fixture f;

	if ((f.ar = arena_new(4096)) == NULL)
		return -1;
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(((struct fixture *)*state)->ar);
	return 0;
}

#define INC(id, ...)	{ id, (const long long[]){ __VA_ARGS__ }, \
			  sizeof((const long long[]){ __VA_ARGS__ }) / sizeof(long long) }

static void
assert_ids(const long long *got, size_t n, const long long *want, size_t nwant)
{
	size_t i;

	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
}

#define ASSERT_IDS(got, n, ...) assert_ids(got, n, (const long long[]){ __VA_ARGS__ }, \
	sizeof((const long long[]){ __VA_ARGS__ }) / sizeof(long long))

static void
a_pair_needs_two_incidents_together(void **state)
{
	struct fixture *f = *state;
	/* 7 and 9 together on 10 and 12; 7 and 8 only on 11; 9 alone on 13. */
	const struct pattern_incident in[] = {
		INC(10, 7, 9), INC(11, 8, 7), INC(12, 9, 7), INC(13, 9),
	};
	struct pattern_company c;

	assert_int_equal(pattern_together(f->ar, in, 4, &c), 0);
	assert_int_equal(c.npairs, 1);
	ASSERT_IDS(c.pairs[0].subjects, c.pairs[0].nsubjects, 7, 9);
	ASSERT_IDS(c.pairs[0].incidents, c.pairs[0].nincidents, 10, 12);
	assert_int_equal(c.ngroups, 0);
	assert_false(c.truncated);
}

static void
a_subject_twice_on_one_incident_counts_once(void **state)
{
	struct fixture *f = *state;
	/* 5 is recorded twice on 1 (two parts in it): still one incident. */
	const struct pattern_incident in[] = { INC(1, 5, 5, 6), INC(2, 5) };
	struct pattern_company c;

	assert_int_equal(pattern_together(f->ar, in, 2, &c), 0);
	assert_int_equal(c.npairs, 0);
	assert_int_equal(c.ngroups, 0);
}

static void
pairs_come_most_incidents_first(void **state)
{
	struct fixture *f = *state;
	const struct pattern_incident in[] = {
		INC(1, 1, 2), INC(2, 1, 2), INC(3, 3, 4), INC(4, 3, 4), INC(5, 4, 3),
	};
	struct pattern_company c;

	assert_int_equal(pattern_together(f->ar, in, 5, &c), 0);
	assert_int_equal(c.npairs, 2);
	ASSERT_IDS(c.pairs[0].subjects, 2, 3, 4);
	ASSERT_IDS(c.pairs[0].incidents, c.pairs[0].nincidents, 3, 4, 5);
	ASSERT_IDS(c.pairs[1].subjects, 2, 1, 2);
	ASSERT_IDS(c.pairs[1].incidents, c.pairs[1].nincidents, 1, 2);
}

static void
a_group_is_everyone_on_its_incidents(void **state)
{
	struct fixture *f = *state;
	/* 1, 2 and 3 on 100 and 101 (4 only on 100): the group is 1, 2, 3
	 * and its three pairs are each on the same two incidents. */
	const struct pattern_incident in[] = {
		INC(100, 1, 2, 3, 4), INC(101, 3, 2, 1), INC(102, 9),
	};
	struct pattern_company c;

	assert_int_equal(pattern_together(f->ar, in, 3, &c), 0);
	assert_int_equal(c.ngroups, 1);
	ASSERT_IDS(c.groups[0].subjects, c.groups[0].nsubjects, 1, 2, 3);
	ASSERT_IDS(c.groups[0].incidents, c.groups[0].nincidents, 100, 101);
	assert_int_equal(c.npairs, 3);
	ASSERT_IDS(c.pairs[0].subjects, 2, 1, 2);
	ASSERT_IDS(c.pairs[1].subjects, 2, 1, 3);
	ASSERT_IDS(c.pairs[2].subjects, 2, 2, 3);
}

/* The group no two incidents share exactly: {1,2,3} is on all three of
 * these, though each two of them share four subjects. */
static void
a_group_found_only_by_intersecting_groups(void **state)
{
	struct fixture *f = *state;
	const struct pattern_incident in[] = {
		INC(1, 1, 2, 3, 4, 5), INC(2, 1, 2, 3, 4, 6), INC(3, 1, 2, 3, 5, 6),
	};
	struct pattern_company c;

	assert_int_equal(pattern_together(f->ar, in, 3, &c), 0);
	assert_int_equal(c.ngroups, 4);
	ASSERT_IDS(c.groups[0].subjects, c.groups[0].nsubjects, 1, 2, 3);
	ASSERT_IDS(c.groups[0].incidents, c.groups[0].nincidents, 1, 2, 3);
	ASSERT_IDS(c.groups[1].subjects, c.groups[1].nsubjects, 1, 2, 3, 4);
	ASSERT_IDS(c.groups[1].incidents, c.groups[1].nincidents, 1, 2);
	ASSERT_IDS(c.groups[2].subjects, c.groups[2].nsubjects, 1, 2, 3, 5);
	ASSERT_IDS(c.groups[3].subjects, c.groups[3].nsubjects, 1, 2, 3, 6);
}

static void
a_smaller_group_inside_shows_only_when_on_more_incidents(void **state)
{
	struct fixture *f = *state;
	/* 1, 2, 3 always together: {1, 2} and the like are pairs, never a
	 * group of their own; no group of three inside {1, 2, 3} either. */
	const struct pattern_incident in[] = {
		INC(1, 1, 2, 3), INC(2, 1, 2, 3), INC(3, 1, 2, 3),
	};
	struct pattern_company c;

	assert_int_equal(pattern_together(f->ar, in, 3, &c), 0);
	assert_int_equal(c.ngroups, 1);
	assert_int_equal(c.groups[0].nincidents, 3);
	assert_int_equal(c.npairs, 3);
	assert_int_equal(c.pairs[0].nincidents, 3);
}

static void
no_incidents_no_company(void **state)
{
	struct fixture *f = *state;
	struct pattern_company c;
	const struct pattern_incident in[] = { INC(1, 4), INC(2, 4) };

	assert_int_equal(pattern_together(f->ar, NULL, 0, &c), 0);
	assert_int_equal(c.npairs + c.ngroups, 0);
	assert_int_equal(pattern_together(f->ar, in, 2, &c), 0);
	assert_int_equal(c.npairs + c.ngroups, 0);
}

static void
too_many_pairs_are_cut_and_say_so(void **state)
{
	struct fixture *f = *state;
	/* 30 subjects, all on two incidents: 435 pairs, one group. */
	long long ids[30];
	struct pattern_incident in[2];
	struct pattern_company c;
	size_t i;

	for (i = 0; i < 30; i++)
		ids[i] = (long long)i + 1;
	in[0] = (struct pattern_incident){ 1, ids, 30 };
	in[1] = (struct pattern_incident){ 2, ids, 30 };
	assert_int_equal(pattern_together(f->ar, in, 2, &c), 0);
	assert_int_equal(c.npairs, PATTERN_GROUPS_MAX);
	assert_true(c.truncated);
	assert_int_equal(c.ngroups, 1);
	assert_int_equal(c.groups[0].nsubjects, 30);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bands_put_monday_first_and_keep_totals),
		cmocka_unit_test(a_band_out_of_range_counts_nothing),
		cmocka_unit_test(shades_are_quarters_of_the_busiest_band),
		cmocka_unit_test(the_busiest_band_is_darkest_even_when_few),
		cmocka_unit_test(shade_ranges_cover_every_count_once),
		cmocka_unit_test_setup_teardown(a_pair_needs_two_incidents_together, setup, teardown),
		cmocka_unit_test_setup_teardown(a_subject_twice_on_one_incident_counts_once,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(pairs_come_most_incidents_first, setup, teardown),
		cmocka_unit_test_setup_teardown(a_group_is_everyone_on_its_incidents, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(a_group_found_only_by_intersecting_groups,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(a_smaller_group_inside_shows_only_when_on_more_incidents,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(no_incidents_no_company, setup, teardown),
		cmocka_unit_test_setup_teardown(too_many_pairs_are_cut_and_say_so, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
