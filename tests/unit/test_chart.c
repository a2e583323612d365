/* The operational dashboard's bar charts (pages/chart.c): round scales,
 * bar lengths, labels cut to fit, and every text escaped by the template
 * (views/chart_bar.tpl) as it is drawn; and the dashboard's filters
 * (domain/dash_filter.c): the last complete week, the hotspot dashboard's
 * month or quarter, and what a form may send. */
#include "test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/london.h"
#include "domain/dash_ops.h"
#include "pages/chart.h"
#include "view/view.h"

static void
scales_end_on_a_round_number_above_the_largest_bar(void **state)
{
	struct chart_scale s;

	(void)state;
	chart_scale(7, 1, &s);
	assert_true(s.step == 2 && s.nsteps == 4 && s.top == 8);
	chart_scale(10, 1, &s);
	assert_true(s.step == 2 && s.nsteps == 5 && s.top == 10);
	chart_scale(43.2, 0, &s);
	assert_true(s.step == 10 && s.nsteps == 5 && s.top == 50);
	chart_scale(0.37, 0, &s);
	assert_true(fabs(s.step - 0.1) < 1e-12 && s.nsteps == 4);
	/* Counts never get a tick between whole numbers. */
	chart_scale(2, 1, &s);
	assert_true(s.step == 1 && s.nsteps == 2 && s.top == 2);
	/* Nothing to show: an axis from 0 to 1. */
	chart_scale(0, 1, &s);
	assert_true(s.step == 1 && s.nsteps == 1 && s.top == 1);
	chart_scale(-3, 0, &s);
	assert_true(s.top == 1);
}

static void
a_bar_is_its_share_of_the_axis_and_a_small_one_still_shows(void **state)
{
	struct chart_scale s;

	(void)state;
	chart_scale(8, 1, &s);
	assert_int_equal(chart_length(8, &s), CHART_PLOT);
	assert_int_equal(chart_length(4, &s), CHART_PLOT / 2);
	assert_int_equal(chart_length(0, &s), 0);
	assert_int_equal(chart_length(0.0001, &s), 1);
	assert_int_equal(chart_length(99, &s), CHART_PLOT);
}

static void
long_labels_are_cut_to_an_ellipsis_between_characters(void **state)
{
	struct arena *ar = arena_new(4096);
	char long_label[80];
	const char *got;

	(void)state;
	assert_string_equal(chart_label(ar, "Neighbourhood"), "Neighbourhood");
	memset(long_label, 'a', sizeof(long_label) - 1);
	long_label[sizeof(long_label) - 1] = '\0';
	got = chart_label(ar, long_label);
	assert_int_equal(strlen(got), CHART_LABEL_MAX - 1 + 3);
	assert_string_equal(got + CHART_LABEL_MAX - 1, "\xe2\x80\xa6");
	/* A two-byte character is never cut in half. */
	got = chart_label(ar, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
	assert_int_equal(strlen(got), 2 * (CHART_LABEL_MAX - 1) + 3);
	assert_string_equal(chart_number(ar, 2), "2");
	assert_string_equal(chart_number(ar, 0.5), "0.5");
	assert_string_equal(chart_number(ar, 0.25), "0.25");
	arena_free(ar);
}

static void
every_text_is_escaped_as_the_template_draws_it(void **state)
{
	struct arena *ar = arena_new(8192);
	struct view_dict *d = view_dict_new();
	struct chart_bar bars[] = {
		{ "<script>alert(1)</script> & \"Co\"", 3, "3" },
		{ "Second team", 6, "6" },
	};
	struct chart c = { "chart-test", "Overdue <b>now</b>", "Actions overdue", 1,
	    bars, 2 };
	struct buf out = {0};
	char err[512];
	const char *html;

	(void)state;
	assert_int_equal(view_load(getenv("VIEWS_DIR"), err, sizeof(err)), 0);
	assert_non_null(d);
	assert_int_equal(chart_dict(ar, d, "TRIAGE_CHART", &c), 0);
	assert_int_equal(view_render("dash_ops.tpl", d, &out), 0);
	html = buf_cstr(&out);
	assert_null(strstr(html, "<script>"));
	assert_null(strstr(html, "<b>now"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"));
	assert_non_null(strstr(html, "<title id=\"chart-test-title\">Overdue &lt;b&gt;now&lt;/b&gt;</title>"));
	assert_non_null(strstr(html, "role=\"img\" aria-labelledby=\"chart-test-title chart-test-desc\""));
	/* The description names every bar and its value. */
	assert_non_null(strstr(html, "A bar chart of 2 bars, Actions overdue: "));
	assert_non_null(strstr(html, "Second team 6."));
	/* The longer bar is the axis' full length: 6 on an axis to 6. */
	assert_non_null(strstr(html, "width=\"340\""));
	assert_non_null(strstr(html, "width=\"170\""));
	view_dict_free(d);
	buf_free(&out);
	view_unload();
	arena_free(ar);
}

static void
the_default_week_is_the_last_that_has_ended(void **state)
{
	struct date d = { 2026, 12, 4 }, m;	/* a Friday */

	(void)state;
	day_from_number(dash_last_week(day_number(&d)), &m);
	assert_true(m.year == 2026 && m.month == 11 && m.day == 23);
	/* On a Monday, the week that ended the day before. */
	d = (struct date){ 2026, 11, 30 };
	day_from_number(dash_last_week(day_number(&d)), &m);
	assert_true(m.year == 2026 && m.month == 11 && m.day == 23);
	/* On a Sunday the week is not over yet. */
	d = (struct date){ 2026, 11, 29 };
	day_from_number(dash_last_week(day_number(&d)), &m);
	assert_true(m.year == 2026 && m.month == 11 && m.day == 16);
	d = (struct date){ 2000, 1, 3 };
	assert_int_equal(day_number(&d), DASH_WEEK_FIRST);
}

static void
the_filters_take_only_what_the_form_sends(void **state)
{
	struct date today = { 2026, 12, 4 };
	long t = day_number(&today);
	struct dash_filter f;

	(void)state;
	assert_int_equal(dash_filter_parse(NULL, "", NULL, "", t, &f), DASH_OK);
	assert_true(f.beat_id == 0 && f.la_area_id == 0 && f.team_id == 0 && f.type_id == 0);
	assert_int_equal(f.week, dash_last_week(t));
	assert_int_equal(dash_filter_parse("beat:12", "7", "3", "2026-11-16", t, &f), DASH_OK);
	assert_true(f.beat_id == 12 && f.la_area_id == 0 && f.team_id == 7 && f.type_id == 3);
	assert_int_equal(dash_filter_parse("la_area:5", NULL, NULL, NULL, t, &f), DASH_OK);
	assert_true(f.la_area_id == 5 && f.beat_id == 0);
	assert_int_equal(dash_filter_parse("beat:", NULL, NULL, NULL, t, &f), DASH_BAD_AREA);
	assert_int_equal(dash_filter_parse("beat:0", NULL, NULL, NULL, t, &f), DASH_BAD_AREA);
	assert_int_equal(dash_filter_parse("ward:1", NULL, NULL, NULL, t, &f), DASH_BAD_AREA);
	assert_int_equal(dash_filter_parse("beat:1x", NULL, NULL, NULL, t, &f), DASH_BAD_AREA);
	assert_int_equal(dash_filter_parse(NULL, "-1", NULL, NULL, t, &f), DASH_BAD_TEAM);
	assert_int_equal(dash_filter_parse(NULL, "1234567890123456789", NULL, NULL, t, &f),
	    DASH_BAD_TEAM);
	assert_int_equal(dash_filter_parse(NULL, NULL, "x", NULL, t, &f), DASH_BAD_TYPE);
	/* A Tuesday, this week (not over), the future, before 2000, not a date. */
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2026-11-17", t, &f), DASH_BAD_WEEK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2026-11-30", t, &f), DASH_BAD_WEEK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2027-01-04", t, &f), DASH_BAD_WEEK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "1999-12-27", t, &f), DASH_BAD_WEEK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2026-11-23x", t, &f), DASH_BAD_WEEK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2026-11-2", t, &f), DASH_BAD_WEEK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2000-01-03", t, &f), DASH_OK);
	assert_int_equal(dash_filter_parse(NULL, NULL, NULL, "2026-11-23", t, &f), DASH_OK);
	assert_non_null(strstr(dash_refusal_words(DASH_BAD_WEEK), "Monday"));
}

/* The hotspot dashboard's period: a month or a quarter that has ended,
 * by default the last complete month, and the one before of its length. */
static void
the_period_is_a_month_or_a_quarter_that_has_ended(void **state)
{
	struct date today = { 2026, 12, 4 }, jan = { 2027, 1, 15 }, d;
	long t = day_number(&today);
	struct dash_filter f;

	(void)state;
	assert_int_equal(dash_period_parse(NULL, t, &f), DASH_OK);
	assert_true(f.p_year == 2026 && f.p_month == 11 && f.p_months == 1);
	day_from_number(f.from, &d);
	assert_true(d.year == 2026 && d.month == 11 && d.day == 1);
	assert_int_equal(f.to - f.from, 30);
	assert_int_equal(f.from - f.prev_from, 31);
	/* January's last complete month is the December before. */
	assert_int_equal(dash_period_parse("", day_number(&jan), &f), DASH_OK);
	assert_true(f.p_year == 2026 && f.p_month == 12);
	day_from_number(f.prev_from, &d);
	assert_true(d.year == 2026 && d.month == 11 && d.day == 1);
	/* A quarter before a new year: Q1 2005 after Q4 2004. */
	assert_int_equal(dash_period_parse("2005-Q1", t, &f), DASH_OK);
	assert_true(f.p_year == 2005 && f.p_month == 1 && f.p_months == 3);
	assert_int_equal(f.to - f.from, 31 + 28 + 31);
	day_from_number(f.prev_from, &d);
	assert_true(d.year == 2004 && d.month == 10 && d.day == 1);
	assert_int_equal(dash_period_parse("2026-Q3", t, &f), DASH_OK);
	assert_int_equal(dash_period_parse("2026-11", t, &f), DASH_OK);
	assert_int_equal(dash_period_parse("2000-01", t, &f), DASH_OK);
	/* Not over yet, the future, before 2000, not a period. */
	assert_int_equal(dash_period_parse("2026-12", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2026-Q4", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2031-01", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("1999-12", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005-13", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005-00", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005-Q0", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005-Q5", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005-3", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005-031", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("2005/03", t, &f), DASH_BAD_PERIOD);
	assert_int_equal(dash_period_parse("20a5-03", t, &f), DASH_BAD_PERIOD);
	assert_non_null(strstr(dash_refusal_words(DASH_BAD_PERIOD), "quarter"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scales_end_on_a_round_number_above_the_largest_bar),
		cmocka_unit_test(a_bar_is_its_share_of_the_axis_and_a_small_one_still_shows),
		cmocka_unit_test(long_labels_are_cut_to_an_ellipsis_between_characters),
		cmocka_unit_test(every_text_is_escaped_as_the_template_draws_it),
		cmocka_unit_test(the_default_week_is_the_last_that_has_ended),
		cmocka_unit_test(the_filters_take_only_what_the_form_sends),
		cmocka_unit_test(the_period_is_a_month_or_a_quarter_that_has_ended),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
