/* RFC 4180 comma-separated values (core/csv.h): one row at a time out of
 * a buffer, each field unquoted into the reader's own memory. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csv.h"

/* Starts reading data (len bytes; it must outlive the reader). */
void
csv_init(struct csv *c, const char *data, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->p = data;
	c->end = data + len;
	c->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
}

void
csv_free(struct csv *c)
{
	free(c->buf);
	c->buf = NULL;
	c->cap = 0;
}

/* Whether s (n bytes) is well-formed UTF-8: no overlong forms, no
 * surrogates, nothing past U+10FFFF. */
static int
utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;
	unsigned cp, min;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			need = 1, cp = s[i] & 0x1f, min = 0x80;
		} else if ((s[i] & 0xf0) == 0xe0) {
			need = 2, cp = s[i] & 0x0f, min = 0x800;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			need = 3, cp = s[i] & 0x07, min = 0x10000;
		} else
			return 0;
		if (n - i - 1 < need)
			return 0;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += need + 1;
	}
	return 1;
}

/* Appends one byte to the row being read: 0, or -1 (error set). */
static int
put(struct csv *c, size_t *n, char ch)
{
	char *grown;
	size_t cap;

	if (*n + 1 >= CSV_ROW_MAX) {
		c->error = "a row is longer than 1 MiB";
		return -1;
	}
	if (*n + 1 >= c->cap) {
		cap = c->cap ? c->cap * 2 : 4096;
		if ((grown = realloc(c->buf, cap)) == NULL) {
			c->error = "out of memory";
			return -1;
		}
		c->buf = grown;
		c->cap = cap;
	}
	c->buf[(*n)++] = ch;
	return 0;
}

/* Consumes the line break at c->p, if there is one: 1 when there was. */
static int
line_end(struct csv *c)
{
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
	} else if (c->p < c->end && *c->p == '\n')
		c->p++;
	else
		return 0;
	c->line++;
	return 1;
}

/* One field from c->p into buf at *n (NUL-terminated), leaving c->p on
 * the comma, the line break or the end after it. 0, or -1 (error set). */
static int
field_read(struct csv *c, size_t *n)
{
	size_t from = *n;

	if (c->p < c->end && *c->p == '"') {
		for (c->p++;; c->p++) {
			if (c->p == c->end) {
				c->error = "a quoted field is not closed (a \" is missing)";
				return -1;
			}
			if (*c->p == '"') {
				if (c->p + 1 < c->end && c->p[1] == '"')
					c->p++;
				else
					break;
			} else if (*c->p == '\n' || (*c->p == '\r' &&
			    (c->p + 1 == c->end || c->p[1] != '\n')))
				c->line++;
			if (put(c, n, *c->p) == -1)
				return -1;
		}
		c->p++;
		if (c->p < c->end && *c->p != ',' && *c->p != '\r' && *c->p != '\n') {
			c->error = "text after a closing quote (a quote inside a quoted "
			    "field must be doubled: \"\")";
			return -1;
		}
	} else {
		for (; c->p < c->end && *c->p != ',' && *c->p != '\r' && *c->p != '\n'; c->p++) {
			if (*c->p == '"') {
				c->error = "a quote inside a field that does not start with one "
				    "(quote the whole field and double the quote: \"\")";
				return -1;
			}
			if (put(c, n, *c->p) == -1)
				return -1;
		}
	}
	if (memchr(c->buf ? c->buf + from : "", '\0', *n - from) != NULL) {
		c->error = "a NUL byte: this is not a text file";
		return -1;
	}
	if (!utf8_valid((const unsigned char *)(c->buf ? c->buf + from : ""), *n - from)) {
		c->error = "text that is not UTF-8 (save the file as UTF-8)";
		return -1;
	}
	return put(c, n, '\0');
}

/* Reads the next row into c->field and c->nfields. 1 a row, 0 the end of
 * the data, -1 malformed (c->error and c->error_line say what and where;
 * the row's first line; nothing after it can be read). */
int
csv_next(struct csv *c)
{
	size_t off[CSV_FIELDS_MAX], n = 0, i;

	c->nfields = 0;
	if (c->error != NULL)
		return -1;
	while (line_end(c))
		;	/* empty lines */
	if (c->p == c->end)
		return 0;
	c->row_line = c->line;
	for (;;) {
		if (c->nfields == CSV_FIELDS_MAX) {
			c->error = "a row has more than 64 fields";
			goto bad;
		}
		off[c->nfields++] = n;
		if (field_read(c, &n) == -1)
			goto bad;
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		line_end(c);
		break;
	}
	for (i = 0; i < c->nfields; i++)
		c->field[i] = c->buf + off[i];
	return 1;
bad:
	c->nfields = 0;
	c->error_line = c->row_line;
	return -1;
}

/* One field of a row being written (csv.h says how it is quoted). */
void
csv_put(struct buf *b, const char *field, int last)
{
	const char *s;

	/* An empty field is "": a row of one empty field would otherwise be
	 * an empty line, which readers skip; so is one that starts with a
	 * byte order mark, which a reader skips at the start of a file. */
	if (*field != '\0' && strncmp(field, "\xef\xbb\xbf", 3) != 0 &&
	    field[strcspn(field, ",\"\r\n")] == '\0')
		buf_puts(b, field);
	else {
		buf_putc(b, '"');
		for (s = field; *s != '\0'; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	}
	buf_puts(b, last ? "\r\n" : ",");
}
