/* multipart/form-data, streamed: the body is pushed through in chunks of
 * any size and never held. The only bytes kept between chunks are a
 * partial match of the delimiter — and those equal the delimiter's own
 * prefix, so they need no buffer of their own — and the header line being
 * read. Nothing here allocates. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http/multipart.h"

#define MIB	((size_t)1024 * 1024)

/* Room for the fields and headers of a report beside its files. */
#define FORM_ALLOWANCE	MIB

const struct multipart_limits multipart_limits_default = {
	.parts_max = 64,
	.files_max = 10,
	.header_max = 2048,
	.headers_max = 8,
	.file_max = 20 * MIB,
	.field_max = 64 * 1024,
	.total_max = 10 * 20 * MIB + FORM_ALLOWANCE,
	.filename_max = MULTIPART_FILENAME_MAX,
};

enum state {
	S_PREAMBLE,	/* before the first delimiter: ignored */
	S_DELIM,	/* after a delimiter: "--", or padding and CRLF */
	S_DELIM_DASH,	/* "-" seen: the closing delimiter? */
	S_DELIM_CR,	/* CR seen: a part's headers follow the LF */
	S_HEADER,	/* in a header line */
	S_HEADER_CR,	/* CR seen in the header block */
	S_DATA,		/* a part's content */
	S_EPILOGUE,	/* after the closing delimiter: ignored */
	S_FAILED,
};

/* Transport padding allowed between a delimiter and its CRLF. */
#define PAD_MAX	32

/* The body's total size for a form of files_max files of file_max bytes,
 * with room for the other fields; SIZE_MAX when that overflows. nginx's
 * client_max_body_size for the upload route must be this number. */
size_t
multipart_total_for(size_t files_max, size_t file_max)
{
	if (file_max != 0 && files_max > (SIZE_MAX - FORM_ALLOWANCE) / file_max)
		return SIZE_MAX;
	return files_max * file_max + FORM_ALLOWANCE;
}

static enum multipart_err
mp_fail(struct multipart *mp, enum multipart_err e)
{
	mp->err = e;
	mp->state = S_FAILED;
	return e;
}

/* ------------------------------------------------------------------------
 * Content-Type and its boundary */

/* RFC 2046 bchars: what a boundary may contain (space, but not last). */
static int
bchar(unsigned char c)
{
	return isalnum(c) || (c != '\0' && strchr("'()+_,-./:=? ", c) != NULL);
}

/* Skips optional whitespace. */
static const char *
ows(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Copies the boundary parameter of a Content-Type value into out (at
 * least MULTIPART_BOUNDARY_MAX + 1 bytes); any other parameter (charset,
 * or something made up) is read past and ignored, and never touches out.
 * Returns MULTIPART_OK or why not. */
static enum multipart_err
boundary_parse(const char *ct, char *out)
{
	static const char type[] = "multipart/form-data";
	const char *p, *name;
	size_t n, nlen;
	int found = 0, is_boundary;

	if (ct == NULL)
		return MULTIPART_NOT_FORM;
	p = ows(ct);
	if (strncasecmp(p, type, sizeof(type) - 1) != 0)
		return MULTIPART_NOT_FORM;
	p = ows(p + sizeof(type) - 1);
	if (*p != '\0' && *p != ';')
		return MULTIPART_NOT_FORM;
	while (*p == ';') {
		p = ows(p + 1);
		name = p;
		while (*p != '\0' && *p != '=' && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		nlen = (size_t)(p - name);
		p = ows(p);
		if (*p != '=') {
			p += strcspn(p, ";");
			continue;
		}
		is_boundary = nlen == 8 && strncasecmp(name, "boundary", 8) == 0;
		if (is_boundary && found++)
			return MULTIPART_BAD_BOUNDARY;	/* two: which one? */
		p = ows(p + 1);
		n = 0;
		/* Only the boundary is copied, and only up to its limit: n
		 * goes on counting so that a longer one is refused below. */
		if (*p == '"') {
			for (p++; *p != '"'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				if (*p == '\0')
					return MULTIPART_BAD_BOUNDARY;
				if (is_boundary && n < MULTIPART_BOUNDARY_MAX)
					out[n] = *p;
				n++;
			}
			p = ows(p + 1);
		} else {
			while (*p != '\0' && *p != ';' && *p != ' ' && *p != '\t') {
				if (is_boundary && n < MULTIPART_BOUNDARY_MAX)
					out[n] = *p;
				n++;
				p++;
			}
			p = ows(p);
		}
		if (*p != '\0' && *p != ';')
			return MULTIPART_BAD_BOUNDARY;
		if (!is_boundary)
			continue;
		if (n == 0 || n > MULTIPART_BOUNDARY_MAX)
			return MULTIPART_BAD_BOUNDARY;
		out[n] = '\0';
		if (out[n - 1] == ' ')
			return MULTIPART_BAD_BOUNDARY;
		while (n-- > 0)
			if (!bchar((unsigned char)out[n]))
				return MULTIPART_BAD_BOUNDARY;
	}
	if (*p != '\0')
		return MULTIPART_NOT_FORM;
	return found ? MULTIPART_OK : MULTIPART_NO_BOUNDARY;
}

/* Sets up a parse of a body sent with this Content-Type header value,
 * under these limits (NULL: the defaults). Returns MULTIPART_OK, or
 * NOT_FORM, NO_BOUNDARY or BAD_BOUNDARY; then every feed fails the same. */
enum multipart_err
multipart_init(struct multipart *mp, const char *content_type,
    const struct multipart_limits *lim)
{
	char b[MULTIPART_BOUNDARY_MAX + 1];
	enum multipart_err e;

	memset(mp, 0, sizeof(*mp));
	mp->lim = lim != NULL ? *lim : multipart_limits_default;
	if (mp->lim.filename_max == 0 || mp->lim.filename_max > MULTIPART_FILENAME_MAX)
		mp->lim.filename_max = MULTIPART_FILENAME_MAX;
	if ((e = boundary_parse(content_type, b)) != MULTIPART_OK)
		return mp_fail(mp, e);
	mp->delim_len = (size_t)snprintf(mp->delim, sizeof(mp->delim), "\r\n--%s", b);
	/* The first delimiter may open the body, without the CRLF before it:
	 * start as if the CRLF had been seen. */
	mp->match = 2;
	mp->state = S_PREAMBLE;
	return MULTIPART_OK;
}

/* Who to call, with what argument. */
void
multipart_callbacks(struct multipart *mp, const struct multipart_callbacks *cb,
    void *arg)
{
	mp->cb = cb;
	mp->arg = arg;
}

/* ------------------------------------------------------------------------
 * Part headers */

/* Decodes UTF-8 at s (n bytes left): the code point, and its length in
 * *len; -1 when malformed (overlong, surrogate, beyond U+10FFFF, cut). */
static long
utf8_next(const unsigned char *s, size_t n, size_t *len)
{
	long c;
	size_t i, k;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		k = 1, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		k = 2, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		k = 3, c = s[0] & 0x07;
	else
		return -1;
	if (n < k + 1)
		return -1;
	for (i = 1; i <= k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((k == 2 && c < 0x800) || (k == 3 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*len = k + 1;
	return c;
}

/* Characters no file name of ours may hold: C0 and C1 controls, DEL, and
 * the bidirectional controls that make "evil\u202Egpj.exe" look like a
 * picture. */
static int
name_char_bad(long c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x200e ||
	    c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

/* The file name to keep from what the client sent (n bytes, UTF-8): its
 * last path component (after '/' or '\'), without surrounding spaces,
 * trimmed to max bytes at a character boundary, keeping a short
 * extension. *had_path says whether folder names were cut off. Returns 0,
 * or -1 for control characters, NUL, bad UTF-8, or nothing left ("", ".",
 * ".."). */
static int
filename_clean(const char *in, size_t n, char *out, size_t max, int *had_path)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i, len, start = 0, end, keep, ext, cut;
	long c;

	for (i = 0; i < n; i += len) {
		if ((c = utf8_next(s + i, n - i, &len)) < 0 || name_char_bad(c))
			return -1;
		if (c == '/' || c == '\\')
			start = i + 1;
	}
	*had_path = start > 0;
	end = n;
	while (start < end && s[start] == ' ')
		start++;
	while (end > start && s[end - 1] == ' ')
		end--;
	len = end - start;
	if (len == 0 || (len == 1 && s[start] == '.') ||
	    (len == 2 && s[start] == '.' && s[start + 1] == '.'))
		return -1;
	if (len <= max) {
		memcpy(out, in + start, len);
		out[len] = '\0';
		return 0;
	}
	/* Too long: keep the extension (up to 16 bytes, dot included) and as
	 * much of the rest as fits, cut before a UTF-8 continuation byte. */
	ext = 0;
	for (i = end; i > start && end - i < 16; i--)
		if (s[i - 1] == '.') {
			ext = end - (i - 1);
			break;
		}
	if (ext == len)
		ext = 0;
	keep = max - ext;
	cut = start + keep;
	while (cut > start && (s[cut] & 0xc0) == 0x80)
		cut--;
	keep = cut - start;
	memcpy(out, in + start, keep);
	memcpy(out + keep, in + end - ext, ext);
	out[keep + ext] = '\0';
	return 0;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* An RFC 5987 ext-value (charset'lang'percent-encoded) into UTF-8 in out
 * (outmax bytes with the NUL). Returns the length, or -1 when malformed,
 * too long or in a charset other than UTF-8 and ISO-8859-1. */
static long
ext_value_decode(const char *v, size_t n, char *out, size_t outmax)
{
	const char *q1, *q2, *end = v + n;
	size_t o = 0;
	int latin1, hi, lo;
	unsigned char c;

	if ((q1 = memchr(v, '\'', n)) == NULL ||
	    (q2 = memchr(q1 + 1, '\'', (size_t)(end - q1 - 1))) == NULL)
		return -1;
	if ((size_t)(q1 - v) == 5 && strncasecmp(v, "UTF-8", 5) == 0)
		latin1 = 0;
	else if ((size_t)(q1 - v) == 10 && strncasecmp(v, "ISO-8859-1", 10) == 0)
		latin1 = 1;
	else
		return -1;
	for (v = q2 + 1; v < end; v++) {
		c = (unsigned char)*v;
		if (c == '%') {
			if (end - v < 3 || (hi = hexval((unsigned char)v[1])) < 0 ||
			    (lo = hexval((unsigned char)v[2])) < 0)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			v += 2;
		}
		if (o + 3 > outmax)
			return -1;
		if (latin1 && c >= 0x80) {
			out[o++] = (char)(0xc0 | c >> 6);
			out[o++] = (char)(0x80 | (c & 0x3f));
		} else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	return (long)o;
}

/* Reads a parameter value at *pp (before end): a quoted-string, in which
 * a backslash escapes only '"' and '\' (browsers send Windows paths raw),
 * or a token up to ';'. Copies at most outmax - 1 bytes into out, NUL
 * bytes included; returns the full length, or -1 for an unclosed quote. */
static long
param_value(const char **pp, const char *end, char *out, size_t outmax)
{
	const char *p = *pp;
	size_t n = 0;

	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\'))
				p++;
			if (n + 1 < outmax)
				out[n] = *p;
			n++;
		}
		if (p == end)
			return -1;
		p++;
	} else {
		while (p < end && *p != ';') {
			if (n + 1 < outmax)
				out[n] = *p;
			n++;
			p++;
		}
		while (n > 0 && n < outmax && (out[n - 1] == ' ' || out[n - 1] == '\t'))
			n--;
	}
	out[n < outmax ? n : outmax - 1] = '\0';
	*pp = p;
	return (long)n;
}

/* Content-Disposition: form-data; name="..."; filename="..."; filename*=... */
static enum multipart_err
disposition_parse(struct multipart *mp, const char *p, const char *end)
{
	char raw[MULTIPART_LINE_MAX], star[MULTIPART_LINE_MAX];
	char dec[MULTIPART_LINE_MAX], skip[1];
	const char *pname;
	size_t plen, i;
	long n, starlen = -1, rawlen = -1;
	int have_name = 0;

	if (mp->have_disposition)
		return MULTIPART_MALFORMED;
	mp->have_disposition = 1;
	if ((size_t)(end - p) < 9 || strncasecmp(p, "form-data", 9) != 0)
		return MULTIPART_NO_NAME;
	p += 9;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (p < end) {
		if (*p != ';')
			return MULTIPART_MALFORMED;
		for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
			;
		pname = p;
		while (p < end && *p != '=' && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		plen = (size_t)(p - pname);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end || *p != '=')
			return MULTIPART_MALFORMED;
		for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
			;
		if (plen == 4 && strncasecmp(pname, "name", 4) == 0) {
			if (have_name)
				return MULTIPART_MALFORMED;
			have_name = 1;
			if ((n = param_value(&p, end, mp->name, sizeof(mp->name))) < 0)
				return MULTIPART_MALFORMED;
			if ((size_t)n >= sizeof(mp->name))
				return MULTIPART_BAD_NAME;
			for (i = 0; i < (size_t)n; i++)
				if ((unsigned char)mp->name[i] < 0x20 || mp->name[i] == 0x7f)
					return MULTIPART_BAD_NAME;
		} else if (plen == 8 && strncasecmp(pname, "filename", 8) == 0) {
			if (rawlen >= 0)
				return MULTIPART_MALFORMED;
			if ((rawlen = param_value(&p, end, raw, sizeof(raw))) < 0)
				return MULTIPART_MALFORMED;
		} else if (plen == 9 && strncasecmp(pname, "filename*", 9) == 0) {
			if (starlen >= 0)
				return MULTIPART_MALFORMED;
			if ((starlen = param_value(&p, end, star, sizeof(star))) < 0)
				return MULTIPART_MALFORMED;
		} else if (param_value(&p, end, skip, sizeof(skip)) < 0)
			return MULTIPART_MALFORMED;	/* another parameter: skipped */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
	}
	if (!have_name || mp->name[0] == '\0')
		return MULTIPART_NO_NAME;
	/* filename* (RFC 5987) wins over filename when it can be read. */
	if (starlen >= 0) {
		mp->has_filename = 1;
		n = ext_value_decode(star, (size_t)starlen, dec, sizeof(dec));
		if (n < 0 && rawlen < 0)
			return MULTIPART_BAD_FILENAME;
		if (n >= 0) {
			memcpy(raw, dec, (size_t)n + 1);
			rawlen = n;
		}
	}
	if (rawlen >= 0) {
		mp->has_filename = 1;
		if (rawlen == 0)
			mp->filename[0] = '\0';	/* the browser's "no file chosen" */
		else if (filename_clean(raw, (size_t)rawlen, mp->filename,
		    mp->lim.filename_max, &mp->had_path) == -1)
			return MULTIPART_BAD_FILENAME;
	}
	return MULTIPART_OK;
}

/* One complete header line of a part (without its CRLF). */
static enum multipart_err
header_line(struct multipart *mp)
{
	const char *p = mp->line, *end = mp->line + mp->line_len, *colon;
	size_t nlen, i;

	if (++mp->header_lines > mp->lim.headers_max)
		return MULTIPART_TOO_MANY_HEADERS;
	if (*p == ' ' || *p == '\t')
		return MULTIPART_MALFORMED;	/* obsolete line folding */
	if ((colon = memchr(p, ':', mp->line_len)) == NULL)
		return MULTIPART_MALFORMED;
	nlen = (size_t)(colon - p);
	for (p = colon + 1; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (nlen == 19 && strncasecmp(mp->line, "Content-Disposition", 19) == 0)
		return disposition_parse(mp, p, end);
	if (nlen == 12 && strncasecmp(mp->line, "Content-Type", 12) == 0) {
		if ((size_t)(end - p) > MULTIPART_CTYPE_MAX)
			return MULTIPART_MALFORMED;
		for (i = 0; p + i < end; i++) {
			if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
				return MULTIPART_MALFORMED;
			mp->content_type[i] = p[i];
		}
		mp->content_type[i] = '\0';
		return MULTIPART_OK;
	}
	/* Other headers (Content-Transfer-Encoding is deprecated by RFC 7578)
	 * are ignored, but not NUL bytes in them. */
	if (memchr(mp->line, '\0', mp->line_len) != NULL)
		return MULTIPART_MALFORMED;
	return MULTIPART_OK;
}

/* A new part's headers are about to be read. */
static enum multipart_err
part_reset(struct multipart *mp)
{
	if (mp->parts >= mp->lim.parts_max)
		return MULTIPART_TOO_MANY_PARTS;
	mp->parts++;
	mp->header_bytes = mp->header_lines = mp->line_len = 0;
	mp->have_disposition = mp->has_filename = mp->had_path = 0;
	mp->name[0] = mp->filename[0] = mp->content_type[0] = '\0';
	memset(&mp->part, 0, sizeof(mp->part));
	return MULTIPART_OK;
}

/* The headers are complete: tell the caller a part begins. */
static enum multipart_err
part_begin(struct multipart *mp)
{
	if (!mp->have_disposition)
		return MULTIPART_NO_NAME;
	mp->part.index = mp->parts - 1;
	mp->part.name = mp->name;
	mp->part.content_type = mp->content_type;
	mp->part.is_file = mp->has_filename && mp->filename[0] != '\0';
	mp->part.filename = mp->part.is_file ? mp->filename : NULL;
	mp->part.had_path = mp->part.is_file && mp->had_path;
	mp->part.size = 0;
	if (mp->part.is_file && ++mp->files > mp->lim.files_max)
		return MULTIPART_TOO_MANY_FILES;
	if (mp->cb != NULL && mp->cb->part_begin != NULL &&
	    mp->cb->part_begin(mp->arg, &mp->part) != 0)
		return MULTIPART_ABORTED;
	return MULTIPART_OK;
}

/* ------------------------------------------------------------------------
 * Part data */

/* Hands n bytes of the part's content to the caller, within its limit. */
static enum multipart_err
emit(struct multipart *mp, const char *p, size_t n)
{
	size_t max = mp->part.is_file ? mp->lim.file_max : mp->lim.field_max;

	if (n == 0)
		return MULTIPART_OK;
	if (n > max - mp->part.size)
		return mp->part.is_file ? MULTIPART_FILE_TOO_LARGE :
		    MULTIPART_FIELD_TOO_LARGE;
	mp->part.size += n;
	if (mp->cb != NULL && mp->cb->part_data != NULL &&
	    mp->cb->part_data(mp->arg, &mp->part, p, n) != 0)
		return MULTIPART_ABORTED;
	return MULTIPART_OK;
}

/* Reads a part's content from p until the delimiter. Content is passed on
 * in runs straight from p. A possible delimiter is held back: when it
 * turns out not to be one, the bytes held back from earlier chunks are the
 * delimiter's own prefix, so they are passed on from mp->delim. Only the
 * delimiter's first byte is a CR and its boundary has no CR or LF, so
 * after a mismatch a new match can only begin at the mismatched byte.
 * Returns the bytes used (through the delimiter), or len; *e on error. */
static size_t
data_scan(struct multipart *mp, const char *p, size_t len, enum multipart_err *e)
{
	size_t i = 0, run = 0, tent = 0, carried = mp->match;
	const char *cr;

	while (i < len) {
		if (mp->match == 0) {
			if ((cr = memchr(p + i, '\r', len - i)) == NULL) {
				i = len;
				break;
			}
			i = (size_t)(cr - p);
			tent = i++;
			mp->match = 1;
			continue;
		}
		if (p[i] == mp->delim[mp->match]) {
			i++;
			if (++mp->match < mp->delim_len)
				continue;
			mp->match = 0;
			if (carried == 0 && (*e = emit(mp, p + run, tent - run)) != MULTIPART_OK)
				return i;
			if (mp->cb != NULL && mp->cb->part_end != NULL &&
			    mp->cb->part_end(mp->arg, &mp->part) != 0)
				*e = MULTIPART_ABORTED;
			mp->state = S_DELIM;
			mp->pad = 0;
			return i;
		}
		/* Not the delimiter after all: what was held back is data. */
		if (carried > 0) {
			if ((*e = emit(mp, mp->delim, carried)) != MULTIPART_OK)
				return i;
			carried = 0;
			run = 0;
		}
		mp->match = 0;
	}
	if (mp->match > 0 && carried > 0)
		return len;	/* the whole chunk continued a held-back match */
	*e = emit(mp, p + run, (mp->match > 0 ? tent : len) - run);
	return len;
}

/* Skips the preamble up to the first delimiter. */
static size_t
preamble_scan(struct multipart *mp, const char *p, size_t len)
{
	size_t i = 0;
	const char *cr;

	while (i < len) {
		if (mp->match == 0) {
			if ((cr = memchr(p + i, '\r', len - i)) == NULL)
				return len;
			i = (size_t)(cr - p);
		}
		if (p[i] == mp->delim[mp->match]) {
			i++;
			if (++mp->match == mp->delim_len) {
				mp->match = 0;
				mp->state = S_DELIM;
				mp->pad = 0;
				return i;
			}
		} else if (mp->match > 0)
			mp->match = 0;	/* look at this byte again */
		else
			i++;
	}
	return len;
}

/* ------------------------------------------------------------------------
 * Feeding */

/* One byte between parts and in the headers. */
static enum multipart_err
step(struct multipart *mp, char c)
{
	enum multipart_err e;

	switch (mp->state) {
	case S_DELIM:
		if (c == '-')
			mp->state = S_DELIM_DASH;
		else if (c == '\r')
			mp->state = S_DELIM_CR;
		else if ((c == ' ' || c == '\t') && ++mp->pad <= PAD_MAX)
			;
		else
			return MULTIPART_MALFORMED;
		return MULTIPART_OK;
	case S_DELIM_DASH:
		if (c != '-')
			return MULTIPART_MALFORMED;
		mp->state = S_EPILOGUE;
		return MULTIPART_OK;
	case S_DELIM_CR:
		if (c != '\n')
			return MULTIPART_MALFORMED;
		if ((e = part_reset(mp)) != MULTIPART_OK)
			return e;
		mp->state = S_HEADER;
		return MULTIPART_OK;
	case S_HEADER:
		if (++mp->header_bytes > mp->lim.header_max)
			return MULTIPART_HEADER_TOO_LARGE;
		if (c == '\r') {
			mp->state = S_HEADER_CR;
			return MULTIPART_OK;
		}
		if (mp->line_len == sizeof(mp->line))
			return MULTIPART_HEADER_TOO_LARGE;
		mp->line[mp->line_len++] = c;
		return MULTIPART_OK;
	case S_HEADER_CR:
		if (++mp->header_bytes > mp->lim.header_max)
			return MULTIPART_HEADER_TOO_LARGE;
		if (c != '\n')
			return MULTIPART_MALFORMED;
		mp->state = S_HEADER;
		if (mp->line_len == 0) {
			mp->state = S_DATA;
			mp->match = 0;
			return part_begin(mp);
		}
		e = header_line(mp);
		mp->line_len = 0;
		return e;
	default:
		return MULTIPART_MALFORMED;
	}
}

/* Parses the next len bytes of the body (any number, from 1). Returns
 * MULTIPART_OK, or the first error, which every later call repeats. */
enum multipart_err
multipart_feed(struct multipart *mp, const char *data, size_t len)
{
	enum multipart_err e = MULTIPART_OK;
	size_t i = 0;

	if (mp->state == S_FAILED)
		return mp->err;
	if (len > mp->lim.total_max - mp->total)
		return mp_fail(mp, MULTIPART_TOO_LARGE);
	mp->total += len;
	while (i < len) {
		switch (mp->state) {
		case S_PREAMBLE:
			i += preamble_scan(mp, data + i, len - i);
			break;
		case S_DATA:
			i += data_scan(mp, data + i, len - i, &e);
			break;
		case S_EPILOGUE:
			return MULTIPART_OK;
		default:
			e = step(mp, data[i++]);
			break;
		}
		if (e != MULTIPART_OK)
			return mp_fail(mp, e);
	}
	return MULTIPART_OK;
}

/* The body has ended. Returns MULTIPART_OK when it was complete, with its
 * closing delimiter; MULTIPART_TRUNCATED when not; or an earlier error. */
enum multipart_err
multipart_finish(struct multipart *mp)
{
	if (mp->state == S_FAILED)
		return mp->err;
	if (mp->state != S_EPILOGUE)
		return mp_fail(mp, MULTIPART_TRUNCATED);
	return MULTIPART_OK;
}

/* ------------------------------------------------------------------------
 * Messages */

/* What went wrong, for the person sending the form. */
const char *
multipart_strerror(enum multipart_err e)
{
	switch (e) {
	case MULTIPART_OK:
		return "No error.";
	case MULTIPART_NOT_FORM:
		return "The form was not sent as multipart/form-data. Send it from the page's form.";
	case MULTIPART_NO_BOUNDARY:
		return "The form was sent without a multipart boundary. Send it from the page's form.";
	case MULTIPART_BAD_BOUNDARY:
		return "The form's multipart boundary is not valid (1 to 70 letters, digits or '()+_,-./:=?). Send it from the page's form.";
	case MULTIPART_MALFORMED:
		return "The form data could not be read. Send the form again.";
	case MULTIPART_TRUNCATED:
		return "The upload was cut short before it finished. Check your connection and send the form again.";
	case MULTIPART_TOO_MANY_PARTS:
		return "The form has too many fields. Send fewer fields or files.";
	case MULTIPART_TOO_MANY_FILES:
		return "Too many files were attached. Remove some and send the form again.";
	case MULTIPART_HEADER_TOO_LARGE:
		return "A field or file name in the form is too long. Use a shorter file name.";
	case MULTIPART_TOO_MANY_HEADERS:
		return "A field in the form has too many headers. Send the form from the page.";
	case MULTIPART_NO_NAME:
		return "A part of the form has no field name. Send the form from the page.";
	case MULTIPART_BAD_NAME:
		return "A field name in the form is too long or contains control characters.";
	case MULTIPART_BAD_FILENAME:
		return "A file name contains control characters or is not valid. Rename the file and attach it again.";
	case MULTIPART_FILE_TOO_LARGE:
		return "A file is too large. Attach a smaller file.";
	case MULTIPART_FIELD_TOO_LARGE:
		return "A field in the form is too long. Shorten it and send the form again.";
	case MULTIPART_TOO_LARGE:
		return "The upload is too large. Attach fewer or smaller files.";
	case MULTIPART_ABORTED:
		return "The upload was refused.";
	}
	return "The form data could not be read.";
}

/* The HTTP status for an error: 413 for sizes, 415 for a body that is not
 * a form, 400 for the rest (MULTIPART_ABORTED: the callback's reason
 * should decide). */
int
multipart_status(enum multipart_err e)
{
	switch (e) {
	case MULTIPART_OK:
		return 200;
	case MULTIPART_NOT_FORM:
		return 415;
	case MULTIPART_FILE_TOO_LARGE:
	case MULTIPART_FIELD_TOO_LARGE:
	case MULTIPART_TOO_LARGE:
		return 413;
	default:
		return 400;
	}
}

/* A size for people: "20 MB", "64 KB", "900 bytes". */
static void
size_text(char *out, size_t len, size_t n)
{
	if (n >= MIB && n % MIB == 0)
		snprintf(out, len, "%zu MB", n / MIB);
	else if (n >= MIB)
		snprintf(out, len, "%.1f MB", (double)n / (double)MIB);
	else if (n >= 1024)
		snprintf(out, len, "%zu KB", n / 1024);
	else
		snprintf(out, len, "%zu bytes", n);
}

/* multipart_strerror, with the limit and the file or field concerned
 * where that helps. Writes into buf and returns it. */
const char *
multipart_explain(const struct multipart *mp, char *buf, size_t len)
{
	char sz[32];
	const char *what = mp->part.is_file && mp->part.filename != NULL ?
	    mp->part.filename : mp->name;

	switch (mp->err) {
	case MULTIPART_FILE_TOO_LARGE:
		size_text(sz, sizeof(sz), mp->lim.file_max);
		snprintf(buf, len, "The file \"%s\" is too large: each file must be %s or smaller.",
		    what, sz);
		break;
	case MULTIPART_FIELD_TOO_LARGE:
		size_text(sz, sizeof(sz), mp->lim.field_max);
		snprintf(buf, len, "The field \"%s\" is too long: it must be %s or shorter.",
		    what, sz);
		break;
	case MULTIPART_TOO_MANY_FILES:
		snprintf(buf, len, "Too many files were attached: attach %zu or fewer.",
		    mp->lim.files_max);
		break;
	case MULTIPART_TOO_LARGE:
		size_text(sz, sizeof(sz), mp->lim.total_max);
		snprintf(buf, len, "The upload is too large: everything together must be %s or less.",
		    sz);
		break;
	default:
		snprintf(buf, len, "%s", multipart_strerror(mp->err));
		break;
	}
	return buf;
}
