/* The tokens of an OData expression (odata_impl.h): names, literals and
 * punctuation, read from a decoded option value. A malformed literal is a
 * 400 at the byte where it goes wrong, as the OASIS ABNF cases expect. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odata/odata_impl.h"

#define MAX_NAME	128

int
odata_fail(struct odata_error *err, int status, const char *code,
    const char *option, long at, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (err == NULL)
		return -1;
	err->status = status;
	err->code = code;
	err->option = option;
	err->at = at;
	err->query_at = -1;
	err->message[0] = '\0';
	if (option != NULL && at >= 0)
		n = snprintf(err->message, sizeof(err->message),
		    "%s: at character %ld, ", option, at + 1);
	else if (option != NULL)
		n = snprintf(err->message, sizeof(err->message), "%s: ", option);
	if (n < 0 || (size_t)n >= sizeof(err->message))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(err->message + n, sizeof(err->message) - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int
is_ident(int c)
{
	return is_alpha(c) || is_digit(c) || c == '_';
}

static char
at_(const struct odata_lexer *lx, size_t i)
{
	return i < lx->n ? lx->s[i] : '\0';
}

static int
bad(struct odata_lexer *lx, size_t at, const char *fmt, const char *arg)
{
	return odata_fail(lx->err, 400, "syntax", lx->option, (long)at, fmt, arg);
}

static int
oom(struct odata_lexer *lx)
{
	return odata_fail(lx->err, 500, "memory", lx->option, -1, "out of memory");
}

/* Reads n hex digits at *i; -1 (400 at the first that is not) otherwise. */
static int
hex_run(struct odata_lexer *lx, size_t *i, int n)
{
	for (; n > 0; n--, (*i)++)
		if (!is_hex(at_(lx, *i)))
			return bad(lx, *i, "a guid is 8-4-4-4-12 hexadecimal digits%s", "");
	return 0;
}

/* A guid, 01234567-89ab-cdef-0123-456789abcdef, at start. */
static int
lex_guid(struct odata_lexer *lx, size_t start, struct odata_token *t)
{
	static const int group[] = { 8, 4, 4, 4, 12 };
	size_t i = start, g;

	for (g = 0; g < 5; g++) {
		if (g > 0) {
			if (at_(lx, i) != '-')
				return bad(lx, i, "a guid is 8-4-4-4-12 hexadecimal digits%s", "");
			i++;
		}
		if (hex_run(lx, &i, group[g]) == -1)
			return -1;
	}
	if (is_ident(at_(lx, i)) || at_(lx, i) == '-')
		return bad(lx, i, "a guid is 8-4-4-4-12 hexadecimal digits%s", "");
	t->kind = TOK_UNSUPPORTED;
	t->what = "guid literals";
	t->len = i - start;
	return 0;
}

/* Two digits of a clock value at *i: the first at most hi1; when it is
 * hi1, the second at most hi2. */
static int
two_digits(struct odata_lexer *lx, size_t *i, char hi1, char hi2, const char *what)
{
	char a = at_(lx, *i), b = at_(lx, *i + 1);

	if (!is_digit(a) || a > hi1)
		return bad(lx, *i, "expected the %s as two digits", what);
	if (!is_digit(b) || (a == hi1 && b > hi2))
		return bad(lx, *i + 1, "expected the %s as two digits", what);
	*i += 2;
	return 0;
}

/* hh:mm[:ss[.fraction]] at *i. */
static int
clock_part(struct odata_lexer *lx, size_t *i)
{
	size_t f;

	if (two_digits(lx, i, '2', '3', "hour (00 to 23)") == -1)
		return -1;
	if (at_(lx, *i) != ':')
		return bad(lx, *i, "expected ':' between the hour and the minute%s", "");
	(*i)++;
	if (two_digits(lx, i, '5', '9', "minute (00 to 59)") == -1)
		return -1;
	if (at_(lx, *i) != ':')
		return 0;
	(*i)++;
	if (at_(lx, *i) == '6' && at_(lx, *i + 1) == '0')
		*i += 2;	/* a leap second */
	else if (two_digits(lx, i, '5', '9', "second (00 to 59)") == -1)
		return -1;
	if (at_(lx, *i) == '.') {
		(*i)++;
		for (f = 0; is_digit(at_(lx, *i)); f++)
			(*i)++;
		if (f == 0 || f > 12)
			return bad(lx, *i, "expected 1 to 12 digits of fractional seconds%s", "");
	}
	return 0;
}

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A date, and a date-time when a 'T' follows, at start (the year's
 * digits end at ydig, where a '-' is). */
static int
lex_date(struct odata_lexer *lx, size_t start, size_t ydig, int neg,
    struct odata_token *t)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t y0 = start + (size_t)neg, i = ydig + 1, d0;
	long year = 0, month, day;
	size_t k;

	if (ydig - y0 < 4)
		return bad(lx, ydig, "expected a date as YYYY-MM-DD%s", "");
	if (at_(lx, y0) == '0' && ydig - y0 > 4)
		return bad(lx, y0 + 4, "expected a date as YYYY-MM-DD%s", "");
	for (k = y0; k < ydig && k < y0 + 6; k++)
		year = year * 10 + (at_(lx, k) - '0');
	if (ydig - y0 > 6)
		year = 999999;
	if (at_(lx, i) == '0') {
		if (!is_digit(at_(lx, i + 1)) || at_(lx, i + 1) == '0')
			return bad(lx, i + 1, "expected the month as 01 to 12%s", "");
	} else if (at_(lx, i) == '1') {
		if (at_(lx, i + 1) < '0' || at_(lx, i + 1) > '2')
			return bad(lx, i + 1, "expected the month as 01 to 12%s", "");
	} else
		return bad(lx, i, "expected the month as 01 to 12%s", "");
	month = (at_(lx, i) - '0') * 10 + (at_(lx, i + 1) - '0');
	i += 2;
	if (at_(lx, i) != '-')
		return bad(lx, i, "expected '-' before the day (YYYY-MM-DD)%s", "");
	d0 = ++i;
	if (at_(lx, i) == '0') {
		if (!is_digit(at_(lx, i + 1)) || at_(lx, i + 1) == '0')
			return bad(lx, i + 1, "expected the day as 01 to 31%s", "");
	} else if (at_(lx, i) == '1' || at_(lx, i) == '2') {
		if (!is_digit(at_(lx, i + 1)))
			return bad(lx, i + 1, "expected the day as 01 to 31%s", "");
	} else if (at_(lx, i) == '3') {
		if (at_(lx, i + 1) != '0' && at_(lx, i + 1) != '1')
			return bad(lx, i + 1, "expected the day as 01 to 31%s", "");
	} else
		return bad(lx, i, "expected the day as 01 to 31%s", "");
	day = (at_(lx, i) - '0') * 10 + (at_(lx, i + 1) - '0');
	i += 2;
	if (day > mdays[month - 1] || (month == 2 && day == 29 && !neg && !leap(year)))
		return bad(lx, d0, "that day is not in that month%s", "");
	t->kind = TOK_DATE;
	if (at_(lx, i) == 'T') {
		i++;
		if (clock_part(lx, &i) == -1)
			return -1;
		if (at_(lx, i) == 'Z')
			i++;
		else if (at_(lx, i) == '+' || at_(lx, i) == '-') {
			i++;
			if (two_digits(lx, &i, '2', '3', "offset's hours") == -1)
				return -1;
			if (at_(lx, i) != ':')
				return bad(lx, i, "expected ':' in the offset (+hh:mm)%s", "");
			i++;
			if (two_digits(lx, &i, '5', '9', "offset's minutes") == -1)
				return -1;
		} else
			return bad(lx, i, "expected Z or an offset such as +01:00 after the time%s", "");
		t->kind = TOK_DATETIME;
	}
	if (is_ident(at_(lx, i)) || at_(lx, i) == '.' || at_(lx, i) == ':')
		return bad(lx, i, "unexpected character after the date%s", "");
	t->len = i - start;
	/* PostgreSQL has no year 0 and the feed's views hold none outside
	 * these years: the value parses, the query is not supported. */
	if (neg || year == 0 || year > 9999) {
		t->kind = TOK_UNSUPPORTED;
		t->what = "dates outside the years 0001 to 9999";
		return 0;
	}
	if ((t->text = arena_strndup(lx->arena, lx->s + start, t->len)) == NULL)
		return oom(lx);
	return 0;
}

/* A number, date, date-time, guid or time of day starting at start
 * (a sign, if any, is at start). */
static int
lex_number(struct odata_lexer *lx, size_t start, struct odata_token *t)
{
	size_t i = start, d0, ndig;
	int neg = 0, sign = 0;
	char c;
	long long v;

	if (at_(lx, i) == '-' || at_(lx, i) == '+') {
		neg = at_(lx, i) == '-';
		sign = 1;
		i++;
	}
	d0 = i;
	if (!sign && is_hex(at_(lx, i))) {
		size_t h = i;

		while (h < i + 8 && is_hex(at_(lx, h)))
			h++;
		if (h == i + 8 && at_(lx, h) == '-')
			return lex_guid(lx, start, t);
	}
	while (is_digit(at_(lx, i)))
		i++;
	ndig = i - d0;
	c = at_(lx, i);
	if (c == '-' && !(sign && !neg))
		return lex_date(lx, start, i, neg, t);
	if (c == ':' && ndig == 2 && !sign) {
		size_t j = d0;

		if (clock_part(lx, &j) == -1)
			return -1;
		t->kind = TOK_UNSUPPORTED;
		t->what = "time-of-day literals";
		t->len = j - start;
		return 0;
	}
	t->kind = TOK_INT;
	if (c == '.') {
		i++;
		if (!is_digit(at_(lx, i)))
			return bad(lx, i, "expected a digit after the decimal point%s", "");
		while (is_digit(at_(lx, i)))
			i++;
		t->kind = TOK_DECIMAL;
		c = at_(lx, i);
	}
	if (c == 'e' || c == 'E') {
		i++;
		if (at_(lx, i) == '+' || at_(lx, i) == '-')
			i++;
		if (!is_digit(at_(lx, i)))
			return bad(lx, i, "expected the exponent's digits%s", "");
		while (is_digit(at_(lx, i)))
			i++;
		t->kind = TOK_DOUBLE;
	}
	c = at_(lx, i);
	if (is_ident(c) || c == '.')
		return bad(lx, i, "unexpected character after a number%s", "");
	t->len = i - start;
	/* The value as PostgreSQL reads it: no '+'. */
	if ((t->text = arena_strndup(lx->arena, lx->s + d0 - (size_t)neg,
	    i - d0 + (size_t)neg)) == NULL)
		return oom(lx);
	if (t->kind == TOK_DOUBLE) {
		errno = 0;
		(void)strtod(t->text, NULL);
		if (errno == ERANGE)
			return bad(lx, start, "a number beyond the range of Edm.Double%s", "");
	}
	if (t->kind == TOK_INT) {
		errno = 0;
		v = strtoll(t->text, NULL, 10);
		if (errno == ERANGE)
			t->kind = TOK_DECIMAL;	/* beyond Int64: a decimal */
		else if (v < INT32_MIN || v > INT32_MAX)
			t->what = "int64";
	}
	return 0;
}

/* The quoted part of a prefixed literal (duration'…', an enum member,
 * geography'…'): to the closing quote, '' escaping one. */
static int
quoted_end(struct odata_lexer *lx, size_t q, size_t *end)
{
	size_t i = q + 1;

	for (;;) {
		if (i >= lx->n)
			return bad(lx, q, "a quoted value that does not end: close it with '%s", "");
		if (lx->s[i] == '\'') {
			if (at_(lx, i + 1) == '\'') {
				i += 2;
				continue;
			}
			*end = i + 1;
			return 0;
		}
		i++;
	}
}

/* duration'[-]P[nD][T[nH][nM][n[.n]S]]': checked, then not supported. */
static int
duration_check(struct odata_lexer *lx, size_t q, size_t end)
{
	size_t i = q + 1, last = end - 1, nd;
	int parts = 0, in_time = 0;
	char u;

	if (at_(lx, i) == '-')
		i++;
	if (at_(lx, i) != 'P')
		return bad(lx, i, "a duration starts with P, e.g. duration'P1DT2H'%s", "");
	i++;
	while (i < last) {
		if (lx->s[i] == 'T' && !in_time) {
			in_time = 1;
			i++;
			continue;
		}
		for (nd = 0; i < last && is_digit(lx->s[i]); nd++)
			i++;
		if (nd == 0)
			return bad(lx, i, "expected digits in the duration%s", "");
		if (i < last && lx->s[i] == '.') {
			i++;
			for (nd = 0; i < last && is_digit(lx->s[i]); nd++)
				i++;
			if (nd == 0 || i >= last || lx->s[i] != 'S')
				return bad(lx, i, "expected digits then S in the duration%s", "");
		}
		u = i < last ? lx->s[i] : '\0';
		if (!(u == 'D' && !in_time) && !(in_time && (u == 'H' || u == 'M' || u == 'S')))
			return bad(lx, i, "expected D, H, M or S in the duration%s", "");
		parts++;
		i++;
	}
	if (parts == 0)
		return bad(lx, i, "a duration needs at least one part, e.g. P1D%s", "");
	return 0;
}

/* binary'base64url' */
static int
binary_check(struct odata_lexer *lx, size_t q, size_t end)
{
	size_t i;
	char c;

	for (i = q + 1; i < end - 1; i++) {
		c = lx->s[i];
		if (!is_ident(c) && c != '-' && c != '=' && c != '+' && c != '/')
			return bad(lx, i, "a binary value is base64url%s", "");
	}
	return 0;
}

/* A name, a qualified name, a prefixed literal, INF or NaN. */
static int
lex_name(struct odata_lexer *lx, size_t start, struct odata_token *t)
{
	size_t i = start, end = 0, seg;
	int qualified = 0;

	if (is_hex(at_(lx, i))) {
		size_t h = i;

		while (h < i + 8 && is_hex(at_(lx, h)))
			h++;
		if (h == i + 8 && at_(lx, h) == '-')
			return lex_guid(lx, start, t);
	}
	for (;;) {
		seg = i;
		if (!is_alpha(at_(lx, i)) && at_(lx, i) != '_')
			return bad(lx, i, "expected a name%s", "");
		while (is_ident(at_(lx, i)))
			i++;
		if (i - seg > MAX_NAME)
			return bad(lx, seg, "a name longer than 128 characters%s", "");
		if (at_(lx, i) == '.' && (is_alpha(at_(lx, i + 1)) || at_(lx, i + 1) == '_')) {
			qualified = 1;
			i++;
			continue;
		}
		break;
	}
	t->len = i - start;
	if (at_(lx, i) == '\'') {
		size_t n = i - start;
		const char *s = lx->s + start;

		if (quoted_end(lx, i, &end) == -1)
			return -1;
		if (n == 8 && strncmp(s, "duration", 8) == 0) {
			if (duration_check(lx, i, end) == -1)
				return -1;
			t->what = "duration literals";
		} else if (n == 6 && strncmp(s, "binary", 6) == 0) {
			if (binary_check(lx, i, end) == -1)
				return -1;
			t->what = "binary literals";
		} else if ((n == 9 && strncmp(s, "geography", 9) == 0) ||
		    (n == 8 && strncmp(s, "geometry", 8) == 0))
			t->what = "geographic literals";
		else if (qualified)
			t->what = "enumeration literals";
		else
			return odata_fail(lx->err, 400, "syntax", lx->option, (long)start,
			    "'%.*s' before a quote is not a kind of literal: write a string "
			    "as 'text'", (int)n, s);
		t->kind = TOK_UNSUPPORTED;
		t->len = end - start;
		return 0;
	}
	if (!qualified && ((t->len == 3 && strncmp(lx->s + start, "INF", 3) == 0) ||
	    (t->len == 3 && strncmp(lx->s + start, "NaN", 3) == 0))) {
		t->kind = TOK_DOUBLE;
		t->text = lx->s[start] == 'I' ? "Infinity" : "NaN";
		return 0;
	}
	t->kind = TOK_NAME;
	if ((t->text = arena_strndup(lx->arena, lx->s + start, t->len)) == NULL)
		return oom(lx);
	return 0;
}

/* The length of the UTF-8 sequence at s (n bytes left), or 0 when it is
 * not one (overlong, a surrogate, beyond U+10FFFF, cut short). */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	return len;
}

/* 'text' with '' for a quote; the value unescaped. */
static int
lex_string(struct odata_lexer *lx, size_t start, struct odata_token *t)
{
	size_t i, n = 0, end;
	char *v;

	/* its length first: a token is read more than once (peeked), and
	 * the copy must be the string's size, not the rest of the input's */
	if (quoted_end(lx, start, &end) == -1)
		return bad(lx, start, "a string that does not end: close it with '%s", "");
	if ((v = arena_alloc(lx->arena, end - start)) == NULL)
		return oom(lx);
	for (i = start + 1;;) {
		if (i >= lx->n)
			return bad(lx, start, "a string that does not end: close it with '%s", "");
		if (lx->s[i] == '\'') {
			if (at_(lx, i + 1) != '\'')
				break;
			i++;
		} else if ((unsigned char)lx->s[i] >= 0x80) {
			/* the database takes UTF-8 text only */
			size_t k = utf8_len((const unsigned char *)lx->s + i, lx->n - i);

			if (k == 0)
				return bad(lx, i, "a string that is not UTF-8 text%s", "");
			memcpy(v + n, lx->s + i, k);
			n += k;
			i += k;
			continue;
		}
		v[n++] = lx->s[i++];
	}
	v[n] = '\0';
	t->kind = TOK_STRING;
	t->text = v;
	t->len = i + 1 - start;
	return 0;
}

static int
lex_at(struct odata_lexer *lx, size_t start, struct odata_token *t)
{
	char c = at_(lx, start);
	size_t i;

	memset(t, 0, sizeof(*t));
	t->at = start;
	t->len = 1;
	if (start >= lx->n) {
		t->kind = TOK_END;
		t->len = 0;
		return 0;
	}
	switch (c) {
	case ' ':
	case '\t':
		for (i = start; at_(lx, i) == ' ' || at_(lx, i) == '\t'; i++)
			;
		t->kind = TOK_SPACE;
		t->len = i - start;
		return 0;
	case '(': t->kind = TOK_OPEN; return 0;
	case ')': t->kind = TOK_CLOSE; return 0;
	case ',': t->kind = TOK_COMMA; return 0;
	case '/': t->kind = TOK_SLASH; return 0;
	case ':': t->kind = TOK_COLON; return 0;
	case '*': t->kind = TOK_STAR; return 0;
	case '[':
	case '{':
	case '"': t->kind = TOK_JSON; return 0;
	case '\'':
		return lex_string(lx, start, t);
	case '$':
	case '@':
		for (i = start + 1; is_ident(at_(lx, i)) || at_(lx, i) == '.'; i++)
			;
		if (i == start + 1)
			return bad(lx, start, "expected a name after '%s'", c == '$' ? "$" : "@");
		t->kind = c == '$' ? TOK_DOLLAR : TOK_ALIAS;
		t->len = i - start;
		if ((t->text = arena_strndup(lx->arena, lx->s + start, t->len)) == NULL)
			return oom(lx);
		return 0;
	case '-':
		if (is_digit(at_(lx, start + 1)))
			return lex_number(lx, start, t);
		if (strncmp(lx->s + start + 1, "INF", 3) == 0 && !is_ident(at_(lx, start + 4))) {
			t->kind = TOK_DOUBLE;
			t->text = "-Infinity";
			t->len = 4;
			return 0;
		}
		t->kind = TOK_MINUS;
		return 0;
	case '+':
		if (is_digit(at_(lx, start + 1)))
			return lex_number(lx, start, t);
		return bad(lx, start, "unexpected '+' (a space in a URL is %%20)%s", "");
	default:
		break;
	}
	if (is_digit(c))
		return lex_number(lx, start, t);
	if (is_alpha(c) || c == '_')
		return lex_name(lx, start, t);
	if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
		return bad(lx, start, "unexpected byte here%s", "");
	{
		char ch[2] = { c, '\0' };

		return bad(lx, start, "unexpected '%s'", ch);
	}
}

int
odata_peek(struct odata_lexer *lx, struct odata_token *t)
{
	return lex_at(lx, lx->pos, t);
}

int
odata_lex(struct odata_lexer *lx, struct odata_token *t)
{
	if (lex_at(lx, lx->pos, t) == -1)
		return -1;
	lx->pos = t->at + t->len;
	return 0;
}
