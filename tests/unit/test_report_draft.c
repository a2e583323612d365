/* The public form's draft keys: every member of enum draft_key has one
 * name of its own, a value set under a key is read back under that key
 * only, and the names stay those that drafts already in Redis (and the
 * pages that read them) were written with. */
#include <string.h>

#include "test.h"

#include "pages/report_draft.c"

static void
every_key_has_a_name_of_its_own(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < DK__COUNT; i++) {
		assert_non_null(draft_key_name((enum draft_key)i));
		assert_true(*draft_key_name((enum draft_key)i) != '\0');
		for (j = 0; j < i; j++)
			assert_string_not_equal(draft_key_name((enum draft_key)i),
			    draft_key_name((enum draft_key)j));
	}
}

static void
a_value_is_read_back_under_its_own_key_only(void **state)
{
	struct report_draft d;
	char v[16];
	int i, j;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_non_null(d.doc = json_object_new_object());
	for (i = 0; i < DK__COUNT; i++) {
		snprintf(v, sizeof(v), "v%d", i);
		assert_int_equal(draft_set(&d, (enum draft_key)i, v), 0);
	}
	for (i = 0; i < DK__COUNT; i++) {
		snprintf(v, sizeof(v), "v%d", i);
		assert_string_equal(draft_get(&d, (enum draft_key)i), v);
	}
	draft_del(&d, DK_TOWN);
	assert_string_equal(draft_get(&d, DK_TOWN), "");
	for (j = 0; j < DK__COUNT; j++)
		if (j != DK_TOWN)
			assert_true(*draft_get(&d, (enum draft_key)j) != '\0');
	draft_free(&d);
}

/* A draft saved before this release must load the same after it: its
 * JSON names the members as they were first written. */
static void
the_names_are_those_drafts_were_written_with(void **state)
{
	struct report_draft d;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.doc = json_tokener_parse("{\"type\":\"noise\",\"address_line1\":\"1 High St\","
	    "\"feels_unsafe\":\"yes\",\"for_someone_else\":\"no\",\"idem\":\"k\","
	    "\"answers\":{},\"result\":{\"reference\":\"ASB-1\"}}");
	assert_non_null(d.doc);
	assert_string_equal(draft_get(&d, DK_TYPE), "noise");
	assert_string_equal(draft_get(&d, DK_ADDRESS_LINE1), "1 High St");
	assert_string_equal(draft_get(&d, DK_FEELS_UNSAFE), "yes");
	assert_string_equal(draft_get(&d, DK_FOR_SOMEONE_ELSE), "no");
	assert_string_equal(draft_get(&d, DK_IDEM), "k");
	assert_non_null(draft_value(&d, DK_RESULT));
	assert_true(json_object_is_type(draft_object(&d, DK_ANSWERS), json_type_object));
	assert_null(draft_value(&d, DK_EVIDENCE));
	draft_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_key_has_a_name_of_its_own),
		cmocka_unit_test(a_value_is_read_back_under_its_own_key_only),
		cmocka_unit_test(the_names_are_those_drafts_were_written_with),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
