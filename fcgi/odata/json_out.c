/* JSON values of the feed's pages. */
#include <string.h>

#include "odata/json_out.h"

void
odata_json_string(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;

	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
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
	buf_append(b, run, (size_t)(s - run));
	buf_putc(b, '"');
}

void
odata_json_value(struct buf *b, enum odata_type t, const char *text)
{
	if (text == NULL) {
		buf_puts(b, "null");
		return;
	}
	switch (t) {
	case ODATA_BOOLEAN:
		buf_puts(b, text[0] == 't' ? "true" : "false");
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
		buf_puts(b, text);
		break;
	default:
		odata_json_string(b, text);
	}
}
