/* Calls (domain/call.c): how a call handler's "when" is read in London
 * time across the clock changes, how one name box splits, and how a due
 * time reads. */
#include "test.h"

#include <time.h>

#include "core/arena.h"
#include "domain/call.h"

static struct arena *a;

/* 2026-03-29 is the last Sunday of March: BST from 01:00 UTC. */
#define BEFORE_BST	1774745940	/* 2026-03-29 00:59 UTC, 00:59 GMT */
#define AFTER_BST	1774746060	/* 2026-03-29 01:01 UTC, 02:01 BST */
/* 2026-10-25 is the last Sunday of October: GMT again from 01:00 UTC. */
#define LAST_BST	1792889940	/* 2026-10-25 00:59 UTC, 01:59 BST */
#define BACK_GMT	1792890060	/* 2026-10-25 01:01 UTC, 01:01 GMT */
#define LATE_SUMMER	1782689400	/* 2026-06-28 23:30 UTC, 00:30 BST on the 29th */

static void
when_is(const char *text, time_t now, const char *date, const char *hhmm)
{
	char d[CALL_WHEN_LEN], t[CALL_WHEN_LEN];

	assert_int_equal(call_when_parse(text, now, d, t), 0);
	assert_string_equal(d, date);
	assert_string_equal(t, hhmm);
}

static void
blank_is_now_in_london(void **state)
{
	(void)state;
	when_is("", BEFORE_BST, "2026-03-29", "00:59");
	when_is("  ", AFTER_BST, "2026-03-29", "02:01");
	when_is("", LAST_BST, "2026-10-25", "01:59");
	when_is("", BACK_GMT, "2026-10-25", "01:01");
	/* After midnight in London, before it in UTC: London's day. */
	when_is("", LATE_SUMMER, "2026-06-29", "00:30");
}

static void
a_time_is_today_in_london(void **state)
{
	(void)state;
	when_is("14:05", LATE_SUMMER, "2026-06-29", "14:05");
	when_is("9pm", BACK_GMT, "2026-10-25", "21:00");
	when_is("09:30", BEFORE_BST, "2026-03-29", "09:30");
}

static void
a_date_and_time_is_day_first(void **state)
{
	(void)state;
	when_is("27/03/2026 14:05", LATE_SUMMER, "2026-03-27", "14:05");
	when_is("1/2/2026 9:15am", LATE_SUMMER, "2026-02-01", "09:15");
}

static void
anything_else_is_refused(void **state)
{
	char d[CALL_WHEN_LEN], t[CALL_WHEN_LEN];
	const char *bad[] = { "yesterday", "25:00", "31/02/2026 10:00", "27/03/2026",
	    "2026-03-27 10:00", "27/03/26x 10:00", "14:05 tomorrow" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(call_when_parse(bad[i], LATE_SUMMER, d, t), -1);
}

static void
name_splits_at_the_last_word(void **state)
{
	struct call_name n;

	(void)state;
	assert_int_equal(call_name_split(a, "Jo Anne Smith", &n), 0);
	assert_string_equal(n.given, "Jo Anne");
	assert_string_equal(n.family, "Smith");
	assert_int_equal(call_name_split(a, "Jo  Smith ", &n), 0);
	assert_string_equal(n.given, "Jo");
	assert_string_equal(n.family, "Smith");
	assert_int_equal(call_name_split(a, "Jo", &n), 0);
	assert_string_equal(n.given, "Jo");
	assert_string_equal(n.family, "");
	assert_int_equal(call_name_split(a, "", &n), 0);
	assert_string_equal(n.given, "");
	assert_string_equal(n.family, "");
}

static void
due_time_reads_in_london(void **state)
{
	char out[48];

	(void)state;
	assert_int_equal(call_time_words(LATE_SUMMER, out, sizeof(out)), 0);
	assert_string_equal(out, "29 Jun 2026 at 00:30");
	assert_int_equal(call_time_words(BACK_GMT, out, sizeof(out)), 0);
	assert_string_equal(out, "25 Oct 2026 at 01:01");
	assert_int_equal(call_time_words(BACK_GMT, out, 8), -1);
}

static int
setup(void **state)
{
	(void)state;
	return (a = arena_new(4096)) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blank_is_now_in_london),
		cmocka_unit_test(a_time_is_today_in_london),
		cmocka_unit_test(a_date_and_time_is_day_first),
		cmocka_unit_test(anything_else_is_refused),
		cmocka_unit_test(name_splits_at_the_last_word),
		cmocka_unit_test(due_time_reads_in_london),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
