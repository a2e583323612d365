/* Person matching (domain/person_match.c): every normal form, every level
 * boundary, and that the interface can only suggest. */
#include "test.h"

#include <stdio.h>

#include "domain/person_match.h"

static void
name_is(const char *given, const char *family, const char *want)
{
	char out[PM_NAME_MAX];

	if (want == NULL) {
		assert_int_equal(pm_name_normal(given, family, out, sizeof(out)), -1);
		return;
	}
	assert_int_equal(pm_name_normal(given, family, out, sizeof(out)), 0);
	assert_string_equal(out, want);
}

static void
name_case_and_spaces_fold(void **state)
{
	(void)state;
	name_is("Jo", "Smith", "jo smith");
	name_is("jo ", " smith", "jo smith");
	name_is("  JO\t", "SMITH  ", "jo smith");
	name_is("Jo  Anne", "Smith", "jo anne smith");
	name_is(NULL, "Smith", "smith");
}

static void
name_accents_fold_for_latin1(void **state)
{
	(void)state;
	name_is("Zoë", "Brontë", "zoe bronte");
	name_is("JOSÉ", "Muñoz", "jose munoz");
	name_is("Ærin", "Straße", "aerin strasse");
	name_is("Søren", "Þórsson", "soren thorsson");
	/* letters outside Latin-1 are kept as they are */
	name_is("Łukasz", "Nowak", "Łukasz nowak");
}

static void
name_punctuation_separates_and_apostrophes_vanish(void **state)
{
	(void)state;
	name_is("Siobhan", "O'Brien", "siobhan obrien");
	name_is("Siobhan", "O\xe2\x80\x99" "Brien", "siobhan obrien");
	name_is("Mary-Jane", "Watson.", "mary jane watson");
	name_is("Anne\xc2\xa0Marie", "Lee", "anne marie lee");
}

static void
name_titles_are_left_out(void **state)
{
	(void)state;
	name_is("Mr Jo", "Smith", "jo smith");
	name_is("Dr. Jo", "Smith", "jo smith");
	name_is("MRS", "Smith", "smith");
	/* only whole words: "Mrsa" and "Drew" are names */
	name_is("Drew", "Mrsa", "drew mrsa");
	name_is("Mr", "", NULL);
}

static void
name_without_letters_or_bad_utf8_has_no_form(void **state)
{
	char small[4];

	(void)state;
	name_is("", "", NULL);
	name_is(" - ", ".", NULL);
	name_is("Jo\xc3", "Smith", NULL);
	name_is("Jo\xff", "Smith", NULL);
	assert_int_equal(pm_name_normal("Joanna", "Smith", small, sizeof(small)), -1);
}

/* fn gives want as the normal form of in, or (want NULL) has none for it;
 * out is as small as the callers' buffers are. */
static void
normal_is(int (*fn)(const char *, char *, size_t), size_t len, const char *in,
    const char *want)
{
	char out[64];

	assert_true(len <= sizeof(out));
	if (want == NULL) {
		assert_int_equal(fn(in, out, len), -1);
		return;
	}
	assert_int_equal(fn(in, out, len), 0);
	assert_string_equal(out, want);
}

#define phone_is(in, want)	normal_is(pm_phone_normal, PM_PHONE_MAX, in, want)
#define postcode_is(in, want)	normal_is(pm_postcode_normal, PM_POSTCODE_MAX, in, want)

static void
phone_uk_forms_agree(void **state)
{
	(void)state;
	phone_is("07700 900123", "+447700900123");
	phone_is("07700900123", "+447700900123");
	phone_is("+44 7700 900123", "+447700900123");
	phone_is("+44 (0)7700 900123", "+447700900123");
	phone_is("0044 7700 900 123", "+447700900123");
	phone_is("(020) 7946-0000", "+442079460000");
	phone_is("01632.960.001", "+441632960001");
	/* a ten-digit number: 0 and nine */
	phone_is("016977 3456", "+44169773456");
}

static void
phone_other_countries_keep_their_code(void **state)
{
	(void)state;
	phone_is("+33 1 23 45 67 89", "+33123456789");
	phone_is("00353 1 234 5678", "+35312345678");
}

static void
phone_not_a_number_has_no_form(void **state)
{
	(void)state;
	phone_is("", NULL);
	phone_is("7700 900123", NULL);		/* no 0 or country code */
	phone_is("077009001", NULL);		/* too short for the UK */
	phone_is("077009001234", NULL);		/* too long */
	phone_is("+44 07700 9001 234", NULL);
	phone_is("07700 900123 ext 4", NULL);
	phone_is("07700+900123", NULL);
	phone_is("+1234567", NULL);
	phone_is("+0123456789", NULL);
}

static void
postcode_loses_spaces_and_case(void **state)
{
	(void)state;
	postcode_is("sw1a 1aa", "SW1A1AA");
	postcode_is("SW1A1AA", "SW1A1AA");
	postcode_is(" M1  1AE ", "M11AE");
	postcode_is("b33 8th", "B338TH");
	postcode_is("", NULL);
	postcode_is("M1 1A", NULL);
	postcode_is("SW1A 1AAA", NULL);
	postcode_is("1WA 1AA", NULL);
	postcode_is("SW1A-1AA", NULL);
	postcode_is("SW1A 11A", NULL);
}

static void
dob_is_a_real_date(void **state)
{
	char out[PM_DOB_MAX];

	(void)state;
	assert_int_equal(pm_dob_normal("1980-2-3", out, sizeof(out)), 0);
	assert_string_equal(out, "1980-02-03");
	assert_int_equal(pm_dob_normal("2000-02-29", out, sizeof(out)), 0);
	assert_int_equal(pm_dob_normal("2001-02-29", out, sizeof(out)), -1);
	assert_int_equal(pm_dob_normal("1980-02-03x", out, sizeof(out)), -1);
	assert_int_equal(pm_dob_normal("", out, sizeof(out)), -1);
}

static void
keys_use_the_one_email_rule(void **state)
{
	struct person_facts f = { "Jo", "Smith", NULL, NULL, " Jo.Smith@Example.ORG ", NULL };
	struct person_keys k;

	(void)state;
	pm_keys_make(&f, &k);
	assert_string_equal(k.email, "jo.smith@example.org");
	f.email = "jo smith@example.org";
	pm_keys_make(&f, &k);
	assert_string_equal(k.email, "");
	/* missing facts give empty keys, never garbage */
	assert_string_equal(k.dob, "");
	assert_string_equal(k.phone, "");
	assert_string_equal(k.postcode, "");
	assert_string_equal(k.name, "jo smith");
}

static void
score(const struct person_facts *a, const struct person_facts *b, struct pm_score *s)
{
	struct person_keys ka, kb;

	pm_keys_make(a, &ka);
	pm_keys_make(b, &kb);
	pm_score(&ka, &kb, s);
}

static void
level_boundaries(void **state)
{
	(void)state;
	assert_int_equal(pm_level_for(0), PM_NONE);
	assert_int_equal(pm_level_for(PM_POSSIBLE_MIN - 1), PM_NONE);
	assert_int_equal(pm_level_for(PM_POSSIBLE_MIN), PM_POSSIBLE);
	assert_int_equal(pm_level_for(PM_STRONG_MIN - 1), PM_POSSIBLE);
	assert_int_equal(pm_level_for(PM_STRONG_MIN), PM_STRONG);
	assert_string_equal(pm_level_name(PM_STRONG), "strong");
	assert_string_equal(pm_level_name(PM_POSSIBLE), "possible");
	assert_string_equal(pm_level_name(PM_NONE), "none");
}

static void
same_name_and_phone_written_differently_is_strong(void **state)
{
	struct person_facts a = { "Jo", "Smith", NULL, "07700 900123", NULL, NULL };
	struct person_facts b = { "jo ", " smith", NULL, "+44 7700 900 123", NULL, NULL };
	struct pm_score s;

	(void)state;
	score(&a, &b, &s);
	assert_int_equal(s.score, 65);
	assert_int_equal(s.level, PM_STRONG);
	assert_int_equal(s.agree, (1u << PM_NAME) | (1u << PM_PHONE));
	assert_int_equal(s.differ, 0);
	assert_int_equal(s.nreasons, 2);
	assert_string_equal(s.reasons[0], "Same name");
	assert_string_equal(s.reasons[1], "Same phone number");
}

static void
each_fact_weighs_as_documented(void **state)
{
	struct person_facts a = { "Jo", "Smith", "1980-02-03", "07700 900123",
	    "jo@example.org", "SW1A 1AA" };
	struct person_facts b = { 0 };
	struct pm_score s;

	(void)state;
	/* the name alone: possible, exactly at the boundary */
	b.given_name = "JO";
	b.family_name = "SMITH";
	score(&a, &b, &s);
	assert_int_equal(s.score, 30);
	assert_int_equal(s.level, PM_POSSIBLE);
	/* the date of birth alone: below it */
	memset(&b, 0, sizeof(b));
	b.dob = "1980-2-3";
	score(&a, &b, &s);
	assert_int_equal(s.score, 25);
	assert_int_equal(s.level, PM_NONE);
	/* the postcode alone */
	memset(&b, 0, sizeof(b));
	b.postcode = "sw1a1aa";
	score(&a, &b, &s);
	assert_int_equal(s.score, 15);
	assert_int_equal(s.level, PM_NONE);
	/* name and date of birth: 55, still possible */
	b.postcode = NULL;
	b.given_name = "Jo";
	b.family_name = "Smith";
	b.dob = "1980-02-03";
	score(&a, &b, &s);
	assert_int_equal(s.score, 55);
	assert_int_equal(s.level, PM_POSSIBLE);
	/* date of birth and email: 60, strong exactly at the boundary */
	memset(&b, 0, sizeof(b));
	b.dob = "1980-02-03";
	b.email = "JO@example.org";
	score(&a, &b, &s);
	assert_int_equal(s.score, 60);
	assert_int_equal(s.level, PM_STRONG);
	/* everything */
	score(&a, &a, &s);
	assert_int_equal(s.score, 140);
	assert_int_equal(s.nreasons, 5);
}

static void
different_birthday_outweighs_name_and_phone(void **state)
{
	struct person_facts a = { "Jo", "Smith", "1980-02-03", "07700 900123", NULL, NULL };
	struct person_facts b = { "Jo", "Smith", "2008-06-01", "07700900123", NULL, NULL };
	struct person_facts c = { "Jo", "Smith", "2008-06-01", NULL, NULL, NULL };
	struct pm_score s;

	(void)state;
	score(&a, &b, &s);
	assert_int_equal(s.score, 25);
	assert_int_equal(s.level, PM_NONE);
	assert_int_equal(s.differ, 1u << PM_DOB);
	assert_string_equal(s.reasons[1], "Different date of birth");
	/* never below zero */
	score(&a, &c, &s);
	assert_int_equal(s.score, 0);
	assert_int_equal(s.level, PM_NONE);
}

static void
other_differences_cost_nothing_and_missing_facts_are_not_compared(void **state)
{
	struct person_facts a = { "Jo", "Smith", NULL, "07700 900123", "a@example.org",
	    "SW1A 1AA" };
	struct person_facts b = { "Joanne", "Smith", NULL, "07700 900123", "b@example.org",
	    "M1 1AE" };
	struct pm_score s;

	(void)state;
	score(&a, &b, &s);
	assert_int_equal(s.score, 35);
	assert_int_equal(s.level, PM_POSSIBLE);
	assert_int_equal(s.differ, (1u << PM_NAME) | (1u << PM_EMAIL) | (1u << PM_POSTCODE));
	assert_int_equal(s.nreasons, 4);
	/* nothing in common to compare: none, no reasons */
	memset(&b, 0, sizeof(b));
	score(&a, &b, &s);
	assert_int_equal(s.score, 0);
	assert_int_equal(s.nreasons, 0);
	assert_int_equal(s.agree | s.differ, 0);
}

/* "Never merges" by construction: the only thing a look-up can give back
 * is a list of suggestions; the scoring takes both people read-only. */
static void
the_interface_only_suggests(void **state)
{
	int (*suggest)(struct pg *, struct arena *, const struct actor *,
	    const struct person_facts *, long long, struct pm_suggestion **,
	    size_t *) = pm_suggest;
	void (*compare)(const struct person_keys *, const struct person_keys *,
	    struct pm_score *) = pm_score;

	(void)state;
	assert_non_null(suggest);
	assert_non_null(compare);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_case_and_spaces_fold),
		cmocka_unit_test(name_accents_fold_for_latin1),
		cmocka_unit_test(name_punctuation_separates_and_apostrophes_vanish),
		cmocka_unit_test(name_titles_are_left_out),
		cmocka_unit_test(name_without_letters_or_bad_utf8_has_no_form),
		cmocka_unit_test(phone_uk_forms_agree),
		cmocka_unit_test(phone_other_countries_keep_their_code),
		cmocka_unit_test(phone_not_a_number_has_no_form),
		cmocka_unit_test(postcode_loses_spaces_and_case),
		cmocka_unit_test(dob_is_a_real_date),
		cmocka_unit_test(keys_use_the_one_email_rule),
		cmocka_unit_test(level_boundaries),
		cmocka_unit_test(same_name_and_phone_written_differently_is_strong),
		cmocka_unit_test(each_fact_weighs_as_documented),
		cmocka_unit_test(different_birthday_outweighs_name_and_phone),
		cmocka_unit_test(other_differences_cost_nothing_and_missing_facts_are_not_compared),
		cmocka_unit_test(the_interface_only_suggests),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
