/* JSON values of the feed's pages. */
#include <string.h>

#include "odata/json_out.h"

/* Bytes a JSON string cannot hold as they are. */
static int
escaped(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

static void
string_escaped(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s, *end = s + n;

	buf_putc(b, '"');
	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;

		if (!escaped(c))
			continue;
		buf_append(b, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			buf_puts(b, "\\u00");
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
	buf_append(b, run, (size_t)(end - run));
	buf_putc(b, '"');
}

void
odata_json_string_n(struct buf *b, const char *s, size_t n)
{
	char quoted[256];
	size_t i;

	/* Most values are short and need no escape: one append, quotes and
	 * all (a page has hundreds of thousands of them). */
	for (i = 0; i < n && !escaped((unsigned char)s[i]); i++)
		;
	if (i < n || n > sizeof(quoted) - 2) {
		string_escaped(b, s, n);
		return;
	}
	quoted[0] = '"';
	memcpy(quoted + 1, s, n);
	quoted[n + 1] = '"';
	buf_append(b, quoted, n + 2);
}

void
odata_json_string(struct buf *b, const char *s)
{
	odata_json_string_n(b, s, strlen(s));
}

void
odata_json_value(struct buf *b, enum odata_type t, const char *text)
{
	odata_json_value_n(b, t, text, text != NULL ? strlen(text) : 0);
}

void
odata_json_value_n(struct buf *b, enum odata_type t, const char *text, size_t n)
{
	if (text == NULL) {
		buf_append(b, "null", 4);
		return;
	}
	switch (t) {
	case ODATA_BOOLEAN:
		if (text[0] == 't')
			buf_append(b, "true", 4);
		else
			buf_append(b, "false", 5);
		break;
	case ODATA_DOUBLE:
	case ODATA_DECIMAL:
		if (strcmp(text, "NaN") == 0 || strcmp(text, "Infinity") == 0 ||
		    strcmp(text, "-Infinity") == 0) {
			buf_puts(b, text[0] == 'N' ? "\"NaN\"" : text[0] == 'I' ?
			    "\"INF\"" : "\"-INF\"");
			break;
		}
		/* FALLTHROUGH */
	case ODATA_INT32:
	case ODATA_INT64:
		buf_append(b, text, n);
		break;
	default:
		odata_json_string_n(b, text, n);
	}
}
