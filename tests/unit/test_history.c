/* History pages (domain/history.c): which fields of audit rows name other
 * records, how a page gathers their ids and codes for the one look-up,
 * and finding a name again. */
#include "test.h"

#include <string.h>

#include <json-c/json.h>

#include "domain/history.c"

static const char *
list(struct name_lists *l, int kind, int codes)
{
	struct buf *b = &l->b[kind][codes];

	buf_puts(b, "");
	return b->len > 0 ? b->data : "";
}

static void
lists_free(struct name_lists *l)
{
	int k;

	for (k = 0; k < NKINDS; k++) {
		buf_free(&l->b[k][0]);
		buf_free(&l->b[k][1]);
	}
}

static void
fields_name_their_kind_of_record(void **state)
{
	(void)state;
	assert_string_equal(history_field_kind("owning_agency_id"), "agency");
	assert_string_equal(history_field_kind("shared_with"), "agency");
	assert_string_equal(history_field_kind("officer"), "user");
	assert_string_equal(history_field_kind("merged_into"), "person");
	assert_string_equal(history_field_kind("roles"), "role");
	assert_null(history_field_kind("name"));
	assert_null(history_field_kind("status"));
}

static void
ids_and_codes_are_gathered_by_kind(void **state)
{
	struct name_lists l;

	(void)state;
	memset(&l, 0, sizeof(l));
	names_collect(&l, "{\"agency\": \"city-police\", \"shared_with\": [3, 4], "
	    "\"team_id\": 5, \"officer\": 9, \"roles\": [\"call_handler\"], "
	    "\"name\": \"Not a record\", \"merged_into\": null}");
	names_collect(&l, "{\"owning_agency_id\": 7, \"person_id\": 11}");
	assert_string_equal(list(&l, 0, 0), "3,4,7");
	assert_string_equal(list(&l, 0, 1), "city-police");
	assert_string_equal(list(&l, 1, 0), "5");
	assert_string_equal(list(&l, 2, 0), "9");
	assert_string_equal(list(&l, 4, 1), "call_handler");
	assert_string_equal(list(&l, 5, 0), "11");
	assert_int_equal(l.n, 8);
	lists_free(&l);
}

static void
codes_that_could_break_the_array_are_not_looked_up(void **state)
{
	struct name_lists l;

	(void)state;
	memset(&l, 0, sizeof(l));
	/* Values become PostgreSQL array literals: only code characters go
	 * in, and a team or user is never looked up by a string. */
	names_collect(&l, "{\"agency\": \"a,b\", \"type\": \"x}\", \"parent\": \"\\\"q\\\"\", "
	    "\"team_id\": \"asb-hub\", \"officer\": \"9\"}");
	names_collect(&l, "not json");
	names_collect(&l, "");
	assert_int_equal(l.n, 0);
	assert_string_equal(list(&l, 0, 1), "");
	assert_string_equal(list(&l, 3, 1), "");
	lists_free(&l);
}

static void
a_page_names_at_most_its_share_of_records(void **state)
{
	struct name_lists l;
	struct buf b = {0};
	int i;

	(void)state;
	memset(&l, 0, sizeof(l));
	buf_puts(&b, "{\"shared_with\": [");
	for (i = 0; i < HISTORY_NAMES_MAX + 50; i++)
		buf_printf(&b, "%s%d", i > 0 ? "," : "", i + 1);
	buf_puts(&b, "]}");
	names_collect(&l, b.data);
	assert_int_equal(l.n, HISTORY_NAMES_MAX);
	buf_free(&b);
	lists_free(&l);
}

static void
names_are_found_by_kind_and_id_or_code(void **state)
{
	struct history_name names[] = {
		{ "agency", 1, "city-police", "City of London Police" },
		{ "user", 1, "", "Alex Admin" },
		{ "role", 2, "call_handler", "Call handler" },
	};
	struct history_page pg = { .names = names, .nnames = 3 };

	(void)state;
	assert_string_equal(history_name_of(&pg, "agency", 1, NULL), "City of London Police");
	assert_string_equal(history_name_of(&pg, "user", 1, NULL), "Alex Admin");
	assert_string_equal(history_name_of(&pg, "agency", 0, "city-police"),
	    "City of London Police");
	assert_string_equal(history_name_of(&pg, "role", 0, "call_handler"), "Call handler");
	assert_null(history_name_of(&pg, "team", 1, NULL));
	assert_null(history_name_of(&pg, "user", 0, ""));
	assert_null(history_name_of(&pg, "agency", 2, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_name_their_kind_of_record),
		cmocka_unit_test(ids_and_codes_are_gathered_by_kind),
		cmocka_unit_test(codes_that_could_break_the_array_are_not_looked_up),
		cmocka_unit_test(a_page_names_at_most_its_share_of_records),
		cmocka_unit_test(names_are_found_by_kind_and_id_or_code),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
