/* Email messages as files: RFC 5322 headers, RFC 2047 for a subject that is
 * not plain ASCII, quoted-printable for a body that is not 7-bit clean. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "core/buf.h"
#include "jobs/jobs.h"

#define MAIL_LINE_MAX	998	/* octets, without CRLF (RFC 5322 2.1.1) */
#define QP_LINE_MAX	76	/* RFC 2045 6.7 */
#define WORD_BYTES	45	/* encodes to 60 base64 chars: a word under 75 */

/* Whether c may appear unquoted in the local part of an address. */
static int
atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* Whether s is one plain address, local@domain (a dot-atom on each side,
 * ASCII only): nothing that could add a header or a second recipient. */
int
mail_addr_valid(const char *s)
{
	const char *at = strchr(s, '@'), *p;
	size_t len = strlen(s);

	if (at == NULL || at == s || len > 254 || at - s > 64 ||
	    strchr(at + 1, '@') != NULL || at[1] == '\0')
		return 0;
	for (p = s; p < at; p++)
		if (!(atext((unsigned char)*p) || (*p == '.' && p > s &&
		    p[1] != '@' && p[1] != '.')))
			return 0;
	for (p = at + 1; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-')
			continue;
		if (*p == '.' && p[-1] != '@' && p[-1] != '.' && p[1] != '\0')
			continue;
		return 0;
	}
	return 1;
}

/* Whether s can stand in a header as it is. */
static int
header_plain(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			return 0;
	return strstr(s, "=?") == NULL;
}

/* Appends a subject of UTF-8 text as RFC 2047 encoded words, folded onto
 * continuation lines, never splitting a character between two words. */
static void
header_encoded(struct buf *b, const char *s)
{
	unsigned char out[4 * ((WORD_BYTES + 2) / 3) + 1];
	size_t len = strlen(s), n;
	int first = 1;

	while (len > 0) {
		n = len < WORD_BYTES ? len : WORD_BYTES;
		while (n < len && n > 1 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		EVP_EncodeBlock(out, (const unsigned char *)s, (int)n);
		buf_printf(b, "%s=?UTF-8?B?%s?=", first ? "" : "\r\n ", out);
		first = 0;
		s += n;
		len -= n;
	}
}

/* Whether a body (lines already split at \n) must be quoted-printable. */
static int
body_needs_qp(const char *s)
{
	const unsigned char *p;
	size_t col = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r') {
			col = 0;
			continue;
		}
		if (*p >= 0x80 || (*p < 0x20 && *p != '\t') || *p == 0x7f)
			return 1;
		if (++col > MAIL_LINE_MAX)
			return 1;
	}
	return 0;
}

/* Appends one line of the body as quoted-printable, with soft breaks. */
static void
qp_line(struct buf *b, const unsigned char *s, size_t n)
{
	char enc[4];
	size_t i, col = 0, w;

	for (i = 0; i < n; i++) {
		if ((s[i] >= 33 && s[i] <= 126 && s[i] != '=') ||
		    ((s[i] == ' ' || s[i] == '\t') && i + 1 < n)) {
			enc[0] = (char)s[i];
			enc[1] = '\0';
		} else
			snprintf(enc, sizeof(enc), "=%02X", s[i]);
		w = strlen(enc);
		if (col + w > QP_LINE_MAX - 1) {
			buf_puts(b, "=\r\n");
			col = 0;
		}
		buf_puts(b, enc);
		col += w;
	}
	buf_puts(b, "\r\n");
}

/* Appends the body with CRLF line ends (from \n, \r\n or \r), encoded as
 * the Content-Transfer-Encoding header said. */
static void
body_put(struct buf *b, const char *body, int qp)
{
	const char *p = body, *e;
	size_t n;

	while (*p != '\0') {
		for (e = p; *e != '\0' && *e != '\n' && *e != '\r'; e++)
			continue;
		n = (size_t)(e - p);
		if (qp)
			qp_line(b, (const unsigned char *)p, n);
		else {
			buf_append(b, p, n);
			buf_puts(b, "\r\n");
		}
		if (e[0] == '\r' && e[1] == '\n')
			e++;
		p = *e != '\0' ? e + 1 : e;
	}
}

/* Formats a whole message into b; m's strings must have been checked
 * (mail_addr_valid, no line breaks in the subject). Returns 0, or -1 when
 * out of memory. */
int
mail_format(struct buf *b, const struct mail *m)
{
	char date[64];
	struct tm tm;
	time_t t = (time_t)m->date;
	int qp = body_needs_qp(m->body);

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_printf(b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: ", date,
	    m->from, m->to);
	if (header_plain(m->subject))
		buf_puts(b, m->subject);
	else
		header_encoded(b, m->subject);
	buf_printf(b, "\r\nMessage-ID: %s\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: %s\r\n"
	    "\r\n", m->message_id, qp ? "quoted-printable" : "7bit");
	body_put(b, m->body, qp);
	return b->oom ? -1 : 0;
}
