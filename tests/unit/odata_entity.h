/* The entity the OData unit tests query: a bigint key and a column of
 * each type, some of them nullable. */
#ifndef TESTS_UNIT_ODATA_ENTITY_H
#define TESTS_UNIT_ODATA_ENTITY_H

#include "odata/odata.h"

static const struct odata_column test_columns[] = {
	{ "Id", ODATA_INT64, 0, "the key" },
	{ "Name", ODATA_STRING, 1, "a string" },
	{ "Count", ODATA_INT32, 0, "an integer" },
	{ "Amount", ODATA_DECIMAL, 1, "a decimal" },
	{ "Score", ODATA_DOUBLE, 1, "a double" },
	{ "Open", ODATA_BOOLEAN, 0, "a boolean" },
	{ "Day", ODATA_DATE, 1, "a date" },
	{ "At", ODATA_DATETIME, 0, "a date-time" },
	{ "Closed", ODATA_DATETIME, 1, "a nullable date-time" },
};

static const struct odata_entity test_entity = {
	"Things", "Thing", "rpt_thing", "rpt_thing", test_columns,
	sizeof(test_columns) / sizeof(test_columns[0]), "Id",
};

#endif
