/* The annual figures' pure parts (domain/case_review_figures.c): the
 * financial year, the year a page may ask for, outcomes in words, the
 * tally (each number the length of its list) and the CSV writer. */
#include "test.h"

#include "core/buf.h"
#include "core/csv.h"
#include "domain/case_review_figures.h"

static void
the_year_runs_april_to_march(void **state)
{
	(void)state;
	assert_int_equal(crf_financial_year(2026, 3), 2025);
	assert_int_equal(crf_financial_year(2026, 4), 2026);
	assert_int_equal(crf_financial_year(2026, 1), 2025);
	assert_int_equal(crf_financial_year(2026, 12), 2026);
}

static void
a_page_asks_for_an_offered_year(void **state)
{
	int y;

	(void)state;
	assert_int_equal(crf_year_parse(NULL, 2023, 2026, &y), 0);
	assert_int_equal(y, 0);
	assert_int_equal(crf_year_parse("", 2023, 2026, &y), 0);
	assert_int_equal(crf_year_parse("2023", 2023, 2026, &y), 0);
	assert_int_equal(y, 2023);
	assert_int_equal(crf_year_parse("2026", 2023, 2026, &y), 0);
	assert_int_equal(crf_year_parse("2022", 2023, 2026, &y), -1);
	assert_int_equal(crf_year_parse("2027", 2023, 2026, &y), -1);
	assert_int_equal(crf_year_parse("26", 2023, 2026, &y), -1);
	assert_int_equal(crf_year_parse("2O24", 2023, 2026, &y), -1);
	assert_int_equal(crf_year_parse("+202", 2023, 2026, &y), -1);
	/* No application yet: the current year only. */
	assert_int_equal(crf_year_parse("2026", 0, 2026, &y), 0);
	assert_int_equal(crf_year_parse("2025", 0, 2026, &y), -1);
}

static void
outcomes_in_words(void **state)
{
	(void)state;
	assert_string_equal(crf_outcome("received", 0, 0), "Received: not decided yet");
	assert_string_equal(crf_outcome("threshold_not_met", 0, 0), "Threshold not met");
	assert_string_equal(crf_outcome("threshold_met", 0, 0),
	    "Threshold met: review to be held");
	assert_string_equal(crf_outcome("review_held", 1, 1),
	    "Review held: recommendations made");
	assert_string_equal(crf_outcome("closed", 1, 0), "Review held: no recommendations");
	assert_string_equal(crf_outcome("closed", 0, 0), "Closed");
	assert_int_equal(crf_measure_parse("not-met"), CRF_NOT_MET);
	assert_int_equal(crf_measure_parse("recommendations"), CRF_RECOMMENDED);
	assert_int_equal(crf_measure_parse("bogus"), -1);
	assert_int_equal(crf_measure_parse(NULL), -1);
}

static void
each_number_is_its_list(void **state)
{
	struct crf_application a[] = {
		{ 1, "CR-2025-0001", "", "", CRF_BIT(CRF_RECEIVED) | CRF_BIT(CRF_NOT_MET) },
		{ 2, "CR-2025-0002", "", "", CRF_BIT(CRF_RECEIVED) | CRF_BIT(CRF_REVIEWED) |
		    CRF_BIT(CRF_RECOMMENDED) },
		{ 3, "CR-2024-0009", "", "", CRF_BIT(CRF_REVIEWED) },
	};
	struct crf_agency g[] = { { 1, "Police", {9, 9, 9, 9}, a, 2 },
	    { 2, "Council", {0}, a + 2, 1 }, { 3, "Housing", {0}, NULL, 0 } };
	struct crf_year y = { .agencies = g, .nagencies = 3 };

	(void)state;
	crf_tally(&y);
	assert_int_equal(g[0].count[CRF_RECEIVED], 2);
	assert_int_equal(g[0].count[CRF_NOT_MET], 1);
	assert_int_equal(g[0].count[CRF_REVIEWED], 1);
	assert_int_equal(g[0].count[CRF_RECOMMENDED], 1);
	assert_int_equal(g[1].count[CRF_RECEIVED], 0);
	assert_int_equal(g[1].count[CRF_REVIEWED], 1);
	assert_int_equal(g[2].count[CRF_REVIEWED], 0);
	assert_int_equal(y.total[CRF_RECEIVED], 2);
	assert_int_equal(y.total[CRF_REVIEWED], 2);
	assert_int_equal(y.total[CRF_RECOMMENDED], 1);
}

static void
csv_fields_are_quoted_only_when_they_must_be(void **state)
{
	struct buf b = {0};

	(void)state;
	csv_put(&b, "year", 0);
	csv_put(&b, "Housing, Ltd", 0);
	csv_put(&b, "say \"hi\"", 0);
	csv_put(&b, "two\nlines", 0);
	csv_put(&b, "", 1);
	assert_string_equal(buf_cstr(&b),
	    "year,\"Housing, Ltd\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\r\n");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_year_runs_april_to_march),
		cmocka_unit_test(a_page_asks_for_an_offered_year),
		cmocka_unit_test(outcomes_in_words),
		cmocka_unit_test(each_number_is_its_list),
		cmocka_unit_test(csv_fields_are_quoted_only_when_they_must_be),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
