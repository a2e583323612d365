/* The OData feed's query string (fcgi/odata/): odata_query_parse for a
 * fixed entity with a column of each type; a refusal carries a status of
 * 400, 501 or 500, a code, a message and offsets inside the input. What
 * parses compiles with odata_sql_select (first page and a next page with
 * NULL and non-NULL skip values) and odata_sql_count, and the SQL's
 * parameters are numbered $1 .. $n with nothing of the input in the text
 * but the whitelisted names. The same text as a $filter alone, and in
 * syntax-only mode, must not crash either. */
#include "fuzz.h"

#include "core/arena.h"
#include "odata/odata.h"

static const struct odata_column columns[] = {
	{ "Id", ODATA_INT64, 0, "key" },
	{ "Name", ODATA_STRING, 1, "string" },
	{ "Count", ODATA_INT32, 0, "int" },
	{ "Amount", ODATA_DECIMAL, 1, "decimal" },
	{ "Score", ODATA_DOUBLE, 1, "double" },
	{ "Open", ODATA_BOOLEAN, 0, "bool" },
	{ "Day", ODATA_DATE, 1, "date" },
	{ "At", ODATA_DATETIME, 0, "date-time" },
	{ "Closed", ODATA_DATETIME, 1, "nullable date-time" },
};

static const struct odata_entity entity = {
	"Things", "Thing", "rpt_thing", "rpt_thing", columns,
	sizeof(columns) / sizeof(columns[0]), "Id",
};

static void
check_error(const struct odata_error *e, size_t n, int query)
{
	CHECK(e->status == 400 || e->status == 501 || e->status == 500);
	CHECK(e->code != NULL && e->code[0] != '\0');
	CHECK(e->message[0] != '\0');
	CHECK(memchr(e->message, '\0', sizeof(e->message)) != NULL);
	CHECK(e->at >= -1);
	if (query)
		CHECK(e->query_at >= -1 && e->query_at <= (long)n);
	else
		CHECK(e->at <= (long)n);
}

/* The SQL has only ASCII outside quoted names, and each $k is at most
 * nparams. */
static void
check_sql(const struct odata_sql *s)
{
	const char *p = s->sql.data;
	long k;

	CHECK(p != NULL && !s->sql.oom);
	CHECK(s->nparams >= 0 && s->nparams <= ODATA_MAX_PARAMS);
	for (; *p != '\0'; p++) {
		CHECK((unsigned char)*p < 0x80);
		if (*p == '$') {
			k = strtol(p + 1, NULL, 10);
			CHECK(k >= 1 && k <= s->nparams);
		}
	}
}

static void
compile(struct arena *a, const struct odata_query *q)
{
	static const char *const values[] = { "1", NULL, "x", NULL, "2024-01-01", NULL,
	    "7", NULL, "3", "4" };
	const char *after[ODATA_MAX_ORDER + 1];
	struct odata_sql s;
	struct odata_error e;
	size_t i;

	if (odata_sql_select(a, q, NULL, 0, 100, &s, &e) == 0) {
		check_sql(&s);
		odata_sql_free(&s);
	} else
		check_error(&e, 0, 0);
	for (i = 0; i <= q->norder; i++)
		after[i] = values[i % (sizeof(values) / sizeof(values[0]))];
	after[q->norder] = "42";
	if (odata_sql_select(a, q, after, q->norder + 1, 100, &s, &e) == 0) {
		check_sql(&s);
		odata_sql_free(&s);
	} else
		check_error(&e, 0, 0);
	if (odata_sql_count(a, q, &s, &e) == 0) {
		check_sql(&s);
		odata_sql_free(&s);
	} else
		check_error(&e, 0, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct arena *a;
	struct odata_query q;
	struct odata_error e;
	struct odata_expr *f;
	char *s = fuzz_string(data, n);
	size_t len = strlen(s);

	if ((a = arena_new(4096)) == NULL)
		abort();
	if (odata_query_parse(a, &entity, s, &q, &e) == 0) {
		CHECK(q.nselect <= ODATA_MAX_SELECT && q.norder <= ODATA_MAX_ORDER);
		CHECK(q.top >= -1 && q.skip >= 0);
		compile(a, &q);
	} else
		check_error(&e, len, 1);
	if (odata_filter_parse(a, &entity, s, &f, &e) == 0) {
		memset(&q, 0, sizeof(q));
		q.entity = &entity;
		q.filter = f;
		q.top = -1;
		compile(a, &q);
	} else
		check_error(&e, len, 0);
	if (odata_filter_parse(a, NULL, s, &f, &e) != 0)
		check_error(&e, len, 0);
	if (odata_query_parse(a, NULL, s, &q, &e) != 0)
		check_error(&e, len, 1);
	arena_free(a);
	free(s);
	return 0;
}
