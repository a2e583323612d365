/* audit_canonical: concordctl's own copy of the canonical text that an
 * audit row's hash covers must match, byte for byte, what PostgreSQL's
 * audit_event_canonical() prints (jsonb_build_array(...)::text) for the
 * same values. The expected texts below are what PostgreSQL 15 prints. */
#include "test.h"

#include "core/buf.h"
#include "ctl/audit_canonical.h"

#define TEXT(s)	((struct audit_text){ (s), sizeof(s) - 1 })

static void
assert_canonical(const struct audit_row *row, const char *want)
{
	struct buf b = {0};

	assert_int_equal(audit_canonical(&b, row), 0);
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.data, want, b.len);
	buf_free(&b);
}

/* Integers in decimal, SQL NULL as null, ", " between items. */
static void
test_nulls_and_numbers(void **state)
{
	long long agency = 2;
	struct audit_row row = {
		.chain = 3, .seq = 7, .id = 42, .at_us = 1700000000123456LL,
		.agency_id = &agency, .entity = TEXT("user"), .action = TEXT("view"),
	};

	(void)state;
	assert_canonical(&row, "[3, 7, 42, 1700000000123456, null, 2, \"user\", "
	    "null, \"view\", null, null, null, null, null]");
	/* Before 1970 the time is negative. */
	row.at_us = -1;
	assert_canonical(&row, "[3, 7, 42, -1, null, 2, \"user\", "
	    "null, \"view\", null, null, null, null, null]");
}

/* An empty text is "", not null: the two rows must not hash alike. */
static void
test_empty_text_is_not_null(void **state)
{
	struct audit_row row = {
		.chain = 0, .seq = 1, .id = 1, .at_us = 0,
		.entity = TEXT("e"), .action = TEXT("a"), .reason = TEXT(""),
	};

	(void)state;
	assert_canonical(&row, "[0, 1, 1, 0, null, null, \"e\", null, \"a\", "
	    "null, null, \"\", null, null]");
}

/* Escaped as escape_json() does: the short escapes, \u00xx (lower case)
 * for the other control bytes, and everything else as it is, DEL and
 * UTF-8 included. */
static void
test_texts_are_escaped_as_postgresql_does(void **state)
{
	struct audit_row row = {
		.chain = 1, .seq = 2, .id = 3, .at_us = 4,
		.entity = TEXT("q\"b\\s/"), .entity_id = TEXT("\b\f\n\r\t"),
		.action = TEXT("\x01\x1f\x1b\x7f"), .reason = TEXT("caf\xc3\xa9 \xe2\x82\xac"),
	};

	(void)state;
	assert_canonical(&row, "[1, 2, 3, 4, null, null, \"q\\\"b\\\\s/\", "
	    "\"\\b\\f\\n\\r\\t\", \"\\u0001\\u001f\\u001b\x7f\", null, null, "
	    "\"caf\xc3\xa9 \xe2\x82\xac\", null, null]");
}

/* jsonb values are taken as the database printed them. */
static void
test_jsonb_is_copied_verbatim(void **state)
{
	long long actor = 9;
	struct audit_row row = {
		.chain = 15, .seq = 100, .id = 200, .at_us = 300, .actor_id = &actor,
		.entity = TEXT("incident"), .entity_id = TEXT("12"),
		.action = TEXT("update"), .before = TEXT("{\"status\": \"open\"}"),
		.after = TEXT("{\"status\": \"closed\"}"), .request_id = TEXT("r1"),
		.client_addr = TEXT("127.0.0.1"),
	};

	(void)state;
	assert_canonical(&row, "[15, 100, 200, 300, 9, null, \"incident\", \"12\", "
	    "\"update\", {\"status\": \"open\"}, {\"status\": \"closed\"}, null, "
	    "\"r1\", \"127.0.0.1\"]");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nulls_and_numbers),
		cmocka_unit_test(test_empty_text_is_not_null),
		cmocka_unit_test(test_texts_are_escaped_as_postgresql_does),
		cmocka_unit_test(test_jsonb_is_copied_verbatim),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
