/* RFC 4180 CSV (core/csv.c). Every row read, written back out with every
 * field quoted, and again by csv_put (quoting only what must be), must
 * read back as the same fields; rows start on lines
 * that only go forward; a refusal says why and on which line. */
#include "fuzz.h"

#include "core/buf.h"
#include "core/csv.h"

/* The row quoted: each field in "", its quotes doubled, CRLF at the end. */
static size_t
row_write(const struct csv *c, char *out)
{
	size_t n = 0, i;
	const char *s;

	for (i = 0; i < c->nfields; i++) {
		if (i > 0)
			out[n++] = ',';
		out[n++] = '"';
		for (s = c->field[i]; *s != '\0'; s++) {
			if (*s == '"')
				out[n++] = '"';
			out[n++] = *s;
		}
		out[n++] = '"';
	}
	out[n++] = '\r';
	out[n++] = '\n';
	return n;
}

/* The row through csv_put reads back as the same fields. */
static void
put_again(const struct csv *c)
{
	struct buf b = {0};
	struct csv again;
	size_t i;

	for (i = 0; i < c->nfields; i++)
		csv_put(&b, c->field[i], i + 1 == c->nfields);
	CHECK(!b.oom);
	csv_init(&again, buf_cstr(&b), b.len);
	CHECK(csv_next(&again) == 1);
	CHECK(again.nfields == c->nfields);
	for (i = 0; i < c->nfields; i++)
		CHECK(strcmp(again.field[i], c->field[i]) == 0);
	csv_free(&again);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct csv c, again;
	size_t last = 0, len, i;
	char *out;
	int rc;

	if ((out = malloc(2 * n + 4 * CSV_FIELDS_MAX + 8)) == NULL)
		abort();
	csv_init(&c, (const char *)data, n);
	while ((rc = csv_next(&c)) == 1) {
		CHECK(c.nfields >= 1 && c.nfields <= CSV_FIELDS_MAX);
		CHECK(c.row_line > last);
		last = c.row_line;
		len = row_write(&c, out);
		csv_init(&again, out, len);
		CHECK(csv_next(&again) == 1);
		CHECK(again.nfields == c.nfields);
		for (i = 0; i < c.nfields; i++)
			CHECK(strcmp(again.field[i], c.field[i]) == 0);
		CHECK(csv_next(&again) == 0);
		csv_free(&again);
		put_again(&c);
	}
	if (rc == -1)
		CHECK(c.error != NULL && c.error_line >= 1 && c.nfields == 0);
	csv_free(&c);
	free(out);
	return 0;
}
