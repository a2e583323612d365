/* The streaming multipart/form-data parser, with hostile input. The
 * parser's source is included so that every allocation it might make is
 * counted (it must make none). */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"

static size_t parser_allocs;

static __attribute__((unused)) void *
counted_malloc(size_t n)
{
	parser_allocs++;
	return malloc(n);
}

static __attribute__((unused)) void *
counted_calloc(size_t n, size_t m)
{
	parser_allocs++;
	return calloc(n, m);
}

static __attribute__((unused)) void *
counted_realloc(void *p, size_t n)
{
	parser_allocs++;
	return realloc(p, n);
}

#define malloc(n)	counted_malloc(n)
#define calloc(n, m)	counted_calloc(n, m)
#define realloc(p, n)	counted_realloc(p, n)
#include "http/multipart.c"
#undef malloc
#undef calloc
#undef realloc

#define CT	"multipart/form-data; boundary=----WebKitFormBoundaryx7Gq2"
#define B	"----WebKitFormBoundaryx7Gq2"

/* Every callback, written down: "<name|file=...|type>" then the data,
 * then "</size>". Two parses agree when their logs do. */
struct log {
	struct buf	 b;
	size_t		 data_calls;
	int		 abort_at_part;	/* -1: never */
};

static int
on_begin(void *arg, const struct multipart_part *p)
{
	struct log *l = arg;

	if (l->abort_at_part >= 0 && p->index == (size_t)l->abort_at_part)
		return -1;
	buf_printf(&l->b, "<%zu %s|%s|%s|%d>", p->index, p->name,
	    p->filename != NULL ? p->filename : "(field)", p->content_type, p->is_file);
	return 0;
}

static int
on_data(void *arg, const struct multipart_part *p, const char *d, size_t n)
{
	struct log *l = arg;

	(void)p;
	l->data_calls++;
	buf_append(&l->b, d, n);
	return 0;
}

static int
on_end(void *arg, const struct multipart_part *p)
{
	struct log *l = arg;

	buf_printf(&l->b, "</%zu>", p->size);
	return 0;
}

static const struct multipart_callbacks cbs = { on_begin, on_data, on_end };

/* Parses body in chunks of the sizes given by next_chunk (NULL: whole).
 * Returns the first error of feed or finish; the log in *l. */
static enum multipart_err
parse_with(const char *ct, const char *body, size_t len,
    const struct multipart_limits *lim, struct log *l,
    size_t (*next_chunk)(size_t left, void *), void *chunk_arg,
    struct multipart *mp)
{
	enum multipart_err e;
	size_t off = 0, n;

	memset(l, 0, sizeof(*l));
	l->abort_at_part = -1;
	if ((e = multipart_init(mp, ct, lim)) != MULTIPART_OK)
		return e;
	multipart_callbacks(mp, &cbs, l);
	while (off < len) {
		n = next_chunk != NULL ? next_chunk(len - off, chunk_arg) : len - off;
		if (n > len - off)
			n = len - off;
		if ((e = multipart_feed(mp, body + off, n)) != MULTIPART_OK)
			return e;
		off += n;
	}
	return multipart_finish(mp);
}

static enum multipart_err
parse(const char *ct, const char *body, const struct multipart_limits *lim,
    struct log *l, struct multipart *mp)
{
	return parse_with(ct, body, strlen(body), lim, l, NULL, NULL, mp);
}

static size_t
one_byte(size_t left, void *arg)
{
	(void)left;
	(void)arg;
	return 1;
}

/* Deterministic pseudo-random chunk sizes from 1 to 97. */
static size_t
random_size(size_t left, void *arg)
{
	unsigned long *seed = arg;

	(void)left;
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(*seed >> 33) % 97 + 1;
}

static const char form[] =
	"--" B "\r\n"
	"Content-Disposition: form-data; name=\"description\"\r\n"
	"\r\n"
	"Shouting outside no. 4 most nights\r\nsince March.\r\n"
	"--" B "\r\n"
	"Content-Disposition: form-data; name=\"evidence\"; filename=\"door.jpg\"\r\n"
	"Content-Type: image/jpeg\r\n"
	"\r\n"
	"\xff\xd8\xff\xe0 JPEG bytes \r\n-- not a boundary\r\n"
	"--" B "\r\n"
	"content-disposition: form-data; name=\"evidence\"; filename=\"noise.m4a\"\r\n"
	"content-type: audio/mp4\r\n"
	"\r\n"
	"\0\0\0\x20" "ftypM4A audio\r\n"
	"--" B "\r\n"
	"Content-Disposition: form-data; name=\"postcode\"\r\n"
	"\r\n"
	"E1 6AN\r\n"
	"--" B "--\r\n";

static const char form_log[] =
	"<0 description|(field)||0>Shouting outside no. 4 most nights\r\nsince March.</48>"
	"<1 evidence|door.jpg|image/jpeg|1>\xff\xd8\xff\xe0 JPEG bytes \r\n-- not a boundary</35>"
	"<2 evidence|noise.m4a|audio/mp4|1>\0\0\0\x20" "ftypM4A audio</17>"
	"<3 postcode|(field)||0>E1 6AN</6>";

static void
reads_fields_and_two_files(void **state)
{
	struct multipart mp;
	struct log l;

	(void)state;
	assert_int_equal(parse_with(CT, form, sizeof(form) - 1, NULL, &l, NULL, NULL,
	    &mp), MULTIPART_OK);
	assert_int_equal(l.b.len, sizeof(form_log) - 1);
	assert_memory_equal(l.b.data, form_log, sizeof(form_log) - 1);
	assert_int_equal(mp.files, 2);
	assert_int_equal(mp.parts, 4);
	buf_free(&l.b);
}

static void
byte_at_a_time_and_random_chunks_give_the_same_result(void **state)
{
	struct multipart mp;
	struct log whole, l;
	unsigned long seed;
	int round;

	(void)state;
	assert_int_equal(parse_with(CT, form, sizeof(form) - 1, NULL, &whole, NULL,
	    NULL, &mp), MULTIPART_OK);
	assert_int_equal(parse_with(CT, form, sizeof(form) - 1, NULL, &l, one_byte,
	    NULL, &mp), MULTIPART_OK);
	assert_int_equal(l.b.len, whole.b.len);
	assert_memory_equal(l.b.data, whole.b.data, whole.b.len);
	buf_free(&l.b);
	for (round = 0; round < 200; round++) {
		seed = (unsigned long)round + 1;
		assert_int_equal(parse_with(CT, form, sizeof(form) - 1, NULL, &l,
		    random_size, &seed, &mp), MULTIPART_OK);
		assert_int_equal(l.b.len, whole.b.len);
		assert_memory_equal(l.b.data, whole.b.data, whole.b.len);
		buf_free(&l.b);
	}
	buf_free(&whole.b);
}

/* Every place the body can be cut in two, boundaries included. */
static void
a_boundary_split_across_chunks_is_found(void **state)
{
	struct multipart mp;
	struct log whole, l;
	size_t cut, len = sizeof(form) - 1;

	(void)state;
	assert_int_equal(parse_with(CT, form, len, NULL, &whole, NULL, NULL, &mp),
	    MULTIPART_OK);
	for (cut = 0; cut <= len; cut++) {
		memset(&l, 0, sizeof(l));
		l.abort_at_part = -1;
		assert_int_equal(multipart_init(&mp, CT, NULL), MULTIPART_OK);
		multipart_callbacks(&mp, &cbs, &l);
		assert_int_equal(multipart_feed(&mp, form, cut), MULTIPART_OK);
		assert_int_equal(multipart_feed(&mp, form + cut, len - cut), MULTIPART_OK);
		assert_int_equal(multipart_finish(&mp), MULTIPART_OK);
		assert_int_equal(l.b.len, whole.b.len);
		assert_memory_equal(l.b.data, whole.b.data, whole.b.len);
		buf_free(&l.b);
	}
	buf_free(&whole.b);
}

/* Content that starts like the delimiter but is not it is content,
 * however it is cut — including the held-back bytes of a partial match
 * that ends a chunk. */
static void
crlf_and_boundary_prefixes_inside_a_file_are_data(void **state)
{
	static const char data[] =
	    "\r\n--" "\r\n-" "\r\r\n--" "\r\n--" "----WebKitFormBoundaryx7Gq" "X"
	    "\r\n" "--" "\r\n--" "----WebKitFormBoundary" "\r" "\n" "\r";
	struct multipart mp;
	struct log l;
	struct buf body = {0};
	size_t want_len;
	unsigned long seed;
	int round;

	(void)state;
	buf_puts(&body, "--" B "\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"x.bin\"\r\n\r\n");
	buf_append(&body, data, sizeof(data) - 1);
	buf_puts(&body, "\r\n--" B "--");
	want_len = sizeof(data) - 1;
	for (round = 0; round < 300; round++) {
		seed = (unsigned long)round * 7 + 3;
		assert_int_equal(parse_with(CT, body.data, body.len, NULL, &l,
		    round == 0 ? one_byte : random_size, &seed, &mp), MULTIPART_OK);
		assert_int_equal(mp.part.size, want_len);
		assert_non_null(memmem(l.b.data, l.b.len, data, sizeof(data) - 1));
		buf_free(&l.b);
	}
	buf_free(&body);
}

static void
a_quoted_boundary_is_read(void **state)
{
	static const char body[] =
	    "--a b:c=d?\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
	    "--a b:c=d?--";
	struct multipart mp;
	struct log l;

	(void)state;
	assert_int_equal(parse("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c=d?\"",
	    body, NULL, &l, &mp), MULTIPART_OK);
	assert_string_equal(l.b.data, "<0 x|(field)||0>1</1>");
	buf_free(&l.b);
	/* A backslash in a quoted value escapes the next character. */
	assert_int_equal(multipart_init(&mp,
	    "multipart/form-data; boundary=\"q\\\"q\"", NULL), MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_init(&mp,
	    "multipart/form-data;boundary=\"simple\"", NULL), MULTIPART_OK);
	assert_string_equal(mp.delim, "\r\n--simple");
}

static void
a_missing_or_bad_boundary_is_refused(void **state)
{
	char ct[200];
	struct multipart mp;

	(void)state;
	assert_int_equal(multipart_init(&mp, NULL, NULL), MULTIPART_NOT_FORM);
	assert_int_equal(multipart_init(&mp, "application/x-www-form-urlencoded", NULL),
	    MULTIPART_NOT_FORM);
	assert_int_equal(multipart_init(&mp, "multipart/form-datax; boundary=a", NULL),
	    MULTIPART_NOT_FORM);
	assert_int_equal(multipart_init(&mp, "multipart/form-data", NULL),
	    MULTIPART_NO_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; charset=utf-8", NULL),
	    MULTIPART_NO_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=", NULL),
	    MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=\"\"", NULL),
	    MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=\"ab \"", NULL),
	    MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=a\"b", NULL),
	    MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=a; boundary=b",
	    NULL), MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=\"unclosed",
	    NULL), MULTIPART_BAD_BOUNDARY);
	/* 70 characters are allowed; 71 are not. */
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%070d", 7);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_OK);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 7);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_BAD_BOUNDARY);
	/* After a failed init every feed fails the same way. */
	assert_int_equal(multipart_feed(&mp, "--", 2), MULTIPART_BAD_BOUNDARY);
	assert_int_equal(multipart_finish(&mp), MULTIPART_BAD_BOUNDARY);
}

/* Issue 8: every parameter used to be copied into the boundary buffer, so
 * a later one replaced the boundary, and one of 71+ bytes left it without
 * a NUL (a stack-buffer-overflow under ASan). */
static void
only_the_boundary_parameter_is_copied(void **state)
{
	static const char body[] =
	    "--abc\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--abc--";
	char ct[400], longv[201];
	struct multipart mp;
	struct log l;

	(void)state;
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=abc; x=zzz",
	    NULL), MULTIPART_OK);
	assert_string_equal(mp.delim, "\r\n--abc");
	assert_int_equal(mp.delim_len, 7);
	assert_int_equal(parse("multipart/form-data; boundary=abc; x=zzz", body, NULL,
	    &l, &mp), MULTIPART_OK);
	assert_string_equal(l.b.data, "<0 x|(field)||0>1</1>");
	buf_free(&l.b);
	assert_int_equal(multipart_init(&mp,
	    "multipart/form-data; boundary=\"abc\"; charset=\"utf-8\"", NULL), MULTIPART_OK);
	assert_string_equal(mp.delim, "\r\n--abc");

	/* A long parameter after the boundary, quoted or not, is ignored. */
	memset(longv, 'z', sizeof(longv) - 1);
	longv[sizeof(longv) - 1] = '\0';
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=abc; x=%s", longv);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_OK);
	assert_string_equal(mp.delim, "\r\n--abc");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=abc; x=\"%s\"", longv);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_OK);
	assert_string_equal(mp.delim, "\r\n--abc");
	/* ... and before it. */
	snprintf(ct, sizeof(ct), "multipart/form-data; x=%s; boundary=abc", longv);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_OK);
	assert_string_equal(mp.delim, "\r\n--abc");
	/* A boundary over 70 bytes is still refused, quoted or not. */
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=\"%s\"", longv);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_BAD_BOUNDARY);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%.71s; x=y", longv);
	assert_int_equal(multipart_init(&mp, ct, NULL), MULTIPART_BAD_BOUNDARY);
	/* A bad other parameter does not make the boundary bad. */
	assert_int_equal(multipart_init(&mp, "multipart/form-data; boundary=abc; x=\x01\x02",
	    NULL), MULTIPART_OK);
}

static void
a_body_without_its_closing_boundary_is_truncated(void **state)
{
	struct multipart mp;
	struct log l;
	size_t cut, len = sizeof(form) - 1;

	(void)state;
	assert_int_equal(parse(CT, "", NULL, &l, &mp), MULTIPART_TRUNCATED);
	buf_free(&l.b);
	/* Cut anywhere before the final "--": truncated, never complete. */
	for (cut = 0; cut < len - 4; cut++) {
		assert_int_equal(parse_with(CT, form, cut, NULL, &l, NULL, NULL, &mp),
		    MULTIPART_TRUNCATED);
		buf_free(&l.b);
	}
	assert_string_equal(multipart_strerror(MULTIPART_TRUNCATED),
	    "The upload was cut short before it finished. Check your connection "
	    "and send the form again.");
}

static void
preamble_epilogue_and_padding_are_ignored(void **state)
{
	static const char body[] =
	    "This is the preamble.\r\n--" B "  \t\r\n"
	    "Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n"
	    "--" B "--\r\nand an epilogue\r\n--" B "\r\n";
	struct multipart mp;
	struct log l;

	(void)state;
	assert_int_equal(parse(CT, body, NULL, &l, &mp), MULTIPART_OK);
	assert_string_equal(l.b.data, "<0 a|(field)||0>value</5>");
	buf_free(&l.b);
}

static void
malformed_bodies_are_refused(void **state)
{
	struct multipart mp;
	struct log l;

	(void)state;
	/* No Content-Disposition, or not form-data, or no name. */
	assert_int_equal(parse(CT, "--" B "\r\n\r\nx\r\n--" B "--", NULL, &l, &mp),
	    MULTIPART_NO_NAME);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: attachment; "
	    "name=\"a\"\r\n\r\nx\r\n--" B "--", NULL, &l, &mp), MULTIPART_NO_NAME);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; "
	    "filename=\"a.jpg\"\r\n\r\nx\r\n--" B "--", NULL, &l, &mp), MULTIPART_NO_NAME);
	buf_free(&l.b);
	/* Garbage after a delimiter, a bare CR in the headers, a header
	 * without a colon, folded headers, two Content-Dispositions. */
	assert_int_equal(parse(CT, "--" B "X\r\n", NULL, &l, &mp), MULTIPART_MALFORMED);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"a\"\rX\r\n\r\n", NULL, &l, &mp), MULTIPART_MALFORMED);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nno colon\r\n\r\n", NULL, &l, &mp),
	    MULTIPART_MALFORMED);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data;\r\n"
	    " name=\"a\"\r\n\r\n", NULL, &l, &mp), MULTIPART_MALFORMED);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Disposition: form-data; name=b\r\n\r\n", NULL, &l, &mp),
	    MULTIPART_MALFORMED);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"a\"; name=\"b\"\r\n\r\n", NULL, &l, &mp), MULTIPART_MALFORMED);
	buf_free(&l.b);
	/* An unquoted name and unknown parameters are fine. */
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; "
	    "foo=\"b;ar\"; name=plain ; x=y\r\n\r\nv\r\n--" B "--", NULL, &l, &mp),
	    MULTIPART_OK);
	assert_string_equal(l.b.data, "<0 plain|(field)||0>v</1>");
	buf_free(&l.b);
}

/* A body of n fields named f0, f1, ... and files, files of them first. */
static void
build_parts(struct buf *body, int fields, int files)
{
	int i;

	for (i = 0; i < files; i++)
		buf_printf(body, "--" B "\r\nContent-Disposition: form-data; name=\"e\"; "
		    "filename=\"p%d.jpg\"\r\n\r\nxyz\r\n", i);
	for (i = 0; i < fields; i++)
		buf_printf(body, "--" B "\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"\r\n\r\n%d\r\n", i, i);
	buf_puts(body, "--" B "--\r\n");
}

static void
too_many_parts_or_files_are_refused(void **state)
{
	struct multipart_limits lim = multipart_limits_default;
	struct multipart mp;
	struct log l;
	struct buf body = {0};

	(void)state;
	lim.parts_max = 5;
	lim.files_max = 2;
	build_parts(&body, 3, 2);
	assert_int_equal(parse(CT, body.data, &lim, &l, &mp), MULTIPART_OK);
	buf_free(&l.b);
	buf_reset(&body);
	build_parts(&body, 4, 2);
	assert_int_equal(parse(CT, body.data, &lim, &l, &mp), MULTIPART_TOO_MANY_PARTS);
	buf_free(&l.b);
	buf_reset(&body);
	build_parts(&body, 0, 3);
	assert_int_equal(parse(CT, body.data, &lim, &l, &mp), MULTIPART_TOO_MANY_FILES);
	/* The third file was never begun. */
	assert_null(strstr(l.b.data, "p2.jpg"));
	assert_string_equal(multipart_explain(&mp, (char[128]){0}, 128),
	    "Too many files were attached: attach 2 or fewer.");
	buf_free(&l.b);
	buf_free(&body);
}

static void
oversized_headers_are_refused(void **state)
{
	struct multipart_limits lim = multipart_limits_default;
	struct multipart mp;
	struct log l;
	struct buf body = {0};
	int i;

	(void)state;
	lim.header_max = 200;
	buf_puts(&body, "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: ");
	for (i = 0; i < 200; i++)
		buf_putc(&body, 'p');
	buf_puts(&body, "\r\n\r\nv\r\n--" B "--");
	assert_int_equal(parse(CT, body.data, &lim, &l, &mp), MULTIPART_HEADER_TOO_LARGE);
	buf_free(&l.b);
	/* One line longer than the parser's line buffer, whatever the limit. */
	lim.header_max = 100000;
	buf_reset(&body);
	buf_puts(&body, "--" B "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"");
	for (i = 0; i < MULTIPART_LINE_MAX; i++)
		buf_putc(&body, 'n');
	buf_puts(&body, ".jpg\"\r\n\r\nv\r\n--" B "--");
	assert_int_equal(parse(CT, body.data, &lim, &l, &mp), MULTIPART_HEADER_TOO_LARGE);
	buf_free(&l.b);
	/* Too many header lines. */
	lim = multipart_limits_default;
	lim.headers_max = 3;
	buf_reset(&body);
	buf_puts(&body, "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n"
	    "A: 1\r\nB: 2\r\nC: 3\r\n\r\nv\r\n--" B "--");
	assert_int_equal(parse(CT, body.data, &lim, &l, &mp), MULTIPART_TOO_MANY_HEADERS);
	buf_free(&l.b);
	buf_free(&body);
}

static void
a_file_or_field_over_its_limit_is_refused(void **state)
{
	struct multipart_limits lim = multipart_limits_default;
	struct multipart mp;
	struct log l;
	char msg[200];

	(void)state;
	lim.file_max = 10;
	lim.field_max = 4;
	/* Exactly at the limits: fine. */
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"a.pdf\"\r\n\r\n0123456789\r\n--" B "\r\n"
	    "Content-Disposition: form-data; name=\"g\"\r\n\r\nabcd\r\n--" B "--",
	    &lim, &l, &mp), MULTIPART_OK);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"a.pdf\"\r\n\r\n0123456789X\r\n--" B "--", &lim, &l, &mp),
	    MULTIPART_FILE_TOO_LARGE);
	assert_int_equal(multipart_status(mp.err), 413);
	buf_free(&l.b);
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"g\"\r\n\r\nabcde\r\n--" B "--", &lim, &l, &mp),
	    MULTIPART_FIELD_TOO_LARGE);
	assert_string_equal(multipart_explain(&mp, msg, sizeof(msg)),
	    "The field \"g\" is too long: it must be 4 bytes or shorter.");
	buf_free(&l.b);
	/* The whole body over total_max. */
	lim = multipart_limits_default;
	lim.total_max = 50;
	assert_int_equal(parse(CT, form, &lim, &l, &mp), MULTIPART_TOO_LARGE);
	buf_free(&l.b);
	/* The message names the file and the limit. */
	lim = multipart_limits_default;
	memset(&mp, 0, sizeof(mp));
	assert_int_equal(multipart_init(&mp, CT, &lim), MULTIPART_OK);
	mp.err = MULTIPART_FILE_TOO_LARGE;
	mp.part.is_file = 1;
	mp.part.filename = "video.mp4";
	assert_string_equal(multipart_explain(&mp, msg, sizeof(msg)),
	    "The file \"video.mp4\" is too large: each file must be 20 MB or smaller.");
}

/* The file name a part ends up with, or NULL when it was refused (err). */
static const char *
filename_of(const char *disposition, char *out, size_t outlen, enum multipart_err *err)
{
	struct multipart mp;
	struct log l;
	struct buf body = {0};

	buf_puts(&body, "--" B "\r\nContent-Disposition: form-data; name=\"f\"; ");
	buf_append(&body, disposition, strlen(disposition));
	buf_puts(&body, "\r\n\r\ndata\r\n--" B "--");
	*err = parse_with(CT, body.data, body.len, NULL, &l, NULL, NULL, &mp);
	buf_free(&body);
	buf_free(&l.b);
	if (*err != MULTIPART_OK)
		return NULL;
	snprintf(out, outlen, "%s", mp.part.filename != NULL ? mp.part.filename : "(none)");
	return out;
}

static void
file_names_keep_only_their_last_component(void **state)
{
	char out[300];
	enum multipart_err e;

	(void)state;
	assert_string_equal(filename_of("filename=\"..\\evil.exe\"", out, sizeof(out), &e),
	    "evil.exe");
	assert_string_equal(filename_of("filename=\"/etc/passwd\"", out, sizeof(out), &e),
	    "passwd");
	assert_string_equal(filename_of("filename=\"../../a/b/../photo 1.jpg\"", out,
	    sizeof(out), &e), "photo 1.jpg");
	assert_string_equal(filename_of("filename=\"C:\\Users\\Jo\\My pics\\door.jpg\"",
	    out, sizeof(out), &e), "door.jpg");
	/* A quoted-string escapes only '"' and '\'. */
	assert_string_equal(filename_of("filename=\"say \\\"hi\\\".txt\"", out,
	    sizeof(out), &e), "say \"hi\".txt");
	assert_string_equal(filename_of("filename=\"a\\\\b.txt\"", out, sizeof(out), &e),
	    "b.txt");
	assert_string_equal(filename_of("filename=plain.pdf", out, sizeof(out), &e),
	    "plain.pdf");
	assert_string_equal(filename_of("filename=\"  spaced.pdf  \"", out, sizeof(out), &e),
	    "spaced.pdf");
	/* Nothing left of the name: refused. */
	assert_null(filename_of("filename=\"..\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename=\"photos/\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename=\"a/.\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
}

static void
file_names_with_control_characters_or_nul_are_refused(void **state)
{
	static const char nul[] = "filename=\"a\0b.jpg\"";
	char out[300];
	enum multipart_err e;
	struct multipart mp;
	struct log l;
	struct buf body = {0};

	(void)state;
	assert_null(filename_of("filename=\"a\tb.jpg\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename=\"a\x1b[31mb.jpg\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename=\"a\x7f.jpg\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename*=UTF-8''a%00b.jpg", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename*=UTF-8''a%0D%0Ab.jpg", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	/* Right-to-left override: "evil<RLO>gpj.exe" shows as "evilexe.jpg". */
	assert_null(filename_of("filename=\"evil\xe2\x80\xaegpj.exe\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	/* Not UTF-8. */
	assert_null(filename_of("filename=\"caf\xe9.jpg\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	assert_null(filename_of("filename=\"\xc0\xaf.jpg\"", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
	/* A raw NUL in the header line. */
	buf_puts(&body, "--" B "\r\nContent-Disposition: form-data; name=\"f\"; ");
	buf_append(&body, nul, sizeof(nul) - 1);
	buf_puts(&body, "\r\n\r\ndata\r\n--" B "--");
	assert_int_equal(parse_with(CT, body.data, body.len, NULL, &l, NULL, NULL, &mp),
	    MULTIPART_BAD_FILENAME);
	buf_free(&l.b);
	buf_free(&body);
	/* Nor in a field's name. */
	assert_int_equal(parse(CT, "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"a\x01\"\r\n\r\nv\r\n--" B "--", NULL, &l, &mp), MULTIPART_BAD_NAME);
	buf_free(&l.b);
}

static void
rfc5987_file_names_are_decoded(void **state)
{
	char out[300];
	enum multipart_err e;

	(void)state;
	assert_string_equal(filename_of("filename=\"cafe.jpg\"; "
	    "filename*=UTF-8''caf%C3%A9%20%E2%82%AC.jpg", out, sizeof(out), &e),
	    "caf\xc3\xa9 \xe2\x82\xac.jpg");
	assert_string_equal(filename_of("filename*=iso-8859-1'en'caf%E9.jpg", out,
	    sizeof(out), &e), "caf\xc3\xa9.jpg");
	assert_string_equal(filename_of("filename*=utf-8''..%2F..%2Fetc%2Fpasswd", out,
	    sizeof(out), &e), "passwd");
	/* An unknown charset falls back to the plain filename, if any. */
	assert_string_equal(filename_of("filename=\"x.jpg\"; filename*=KOI8-R''abc", out,
	    sizeof(out), &e), "x.jpg");
	assert_null(filename_of("filename*=KOI8-R''abc", out, sizeof(out), &e));
	assert_int_equal(e, MULTIPART_BAD_FILENAME);
}

static void
long_file_names_are_trimmed_keeping_the_extension(void **state)
{
	char out[600], d[700];
	enum multipart_err e;
	size_t n;

	(void)state;
	memset(d, 0, sizeof(d));
	n = (size_t)snprintf(d, sizeof(d), "filename=\"");
	memset(d + n, 'a', 300);
	strcat(d, ".jpeg\"");
	assert_non_null(filename_of(d, out, sizeof(out), &e));
	assert_int_equal(strlen(out), MULTIPART_FILENAME_MAX);
	assert_string_equal(out + MULTIPART_FILENAME_MAX - 5, ".jpeg");
	/* Cut between characters, never inside one: 2-byte é from byte 0. */
	memset(d, 0, sizeof(d));
	n = (size_t)snprintf(d, sizeof(d), "filename=\"");
	for (; n < 10 + 2 * 200; n += 2)
		memcpy(d + n, "\xc3\xa9", 2);
	strcat(d, ".txt\"");
	assert_non_null(filename_of(d, out, sizeof(out), &e));
	assert_true(strlen(out) <= MULTIPART_FILENAME_MAX);
	assert_string_equal(out + strlen(out) - 4, ".txt");
	assert_true(((unsigned char)out[strlen(out) - 5] & 0xc0) == 0x80);
	assert_true(((unsigned char)out[strlen(out) - 6] & 0xc0) == 0xc0);
}

static void
an_empty_file_name_is_not_a_file(void **state)
{
	static const char body[] =
	    "--" B "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n\r\n"
	    "--" B "--\r\n";
	struct multipart_limits lim = multipart_limits_default;
	struct multipart mp;
	struct log l;

	(void)state;
	lim.files_max = 0;	/* so a file would be refused */
	assert_int_equal(parse(CT, body, &lim, &l, &mp), MULTIPART_OK);
	assert_string_equal(l.b.data, "<0 evidence|(field)|application/octet-stream|0></0>");
	assert_int_equal(mp.files, 0);
	buf_free(&l.b);
}

static void
a_callback_can_stop_the_parse(void **state)
{
	struct multipart mp;
	struct log l;

	(void)state;
	memset(&l, 0, sizeof(l));
	l.abort_at_part = 1;
	assert_int_equal(multipart_init(&mp, CT, NULL), MULTIPART_OK);
	multipart_callbacks(&mp, &cbs, &l);
	assert_int_equal(multipart_feed(&mp, form, sizeof(form) - 1), MULTIPART_ABORTED);
	assert_int_equal(multipart_feed(&mp, "more", 4), MULTIPART_ABORTED);
	assert_int_equal(multipart_finish(&mp), MULTIPART_ABORTED);
	assert_null(strstr(l.b.data, "door.jpg"));
	buf_free(&l.b);
}

/* 50 MB through the parser, in 64 KiB chunks that hand it a partial
 * delimiter now and then: it allocates nothing, its state is one fixed
 * struct, and the callback sees every byte once. */
static int
count_data(void *arg, const struct multipart_part *p, const char *d, size_t n)
{
	unsigned long long *total = arg;

	(void)p;
	(void)d;
	*total += n;
	return 0;
}

static void
memory_stays_bounded_for_a_large_upload(void **state)
{
	static const struct multipart_callbacks counting = { NULL, count_data, NULL };
	static char chunk[65536];
	static const char head[] = "--" B "\r\nContent-Disposition: form-data; "
	    "name=\"v\"; filename=\"big.mp4\"\r\n\r\n";
	static const char tail[] = "\r\n--" B "--\r\n";
	struct multipart_limits lim = multipart_limits_default;
	struct multipart mp;
	unsigned long long seen = 0, want = 50ULL * 1024 * 1024;
	size_t i, sent = 0;

	(void)state;
	assert_true(sizeof(struct multipart) < 4096);
	for (i = 0; i < sizeof(chunk); i++)
		chunk[i] = (char)(i * 31 + 7);
	/* A delimiter prefix at the end of each chunk, completed wrongly by
	 * the next one. */
	memcpy(chunk + sizeof(chunk) - 8, "\r\n--" "----", 8);
	lim.file_max = (size_t)want;
	lim.total_max = (size_t)want + 1024;
	parser_allocs = 0;
	assert_int_equal(multipart_init(&mp, CT, &lim), MULTIPART_OK);
	multipart_callbacks(&mp, &counting, &seen);
	assert_int_equal(multipart_feed(&mp, head, sizeof(head) - 1), MULTIPART_OK);
	while (sent < want) {
		assert_int_equal(multipart_feed(&mp, chunk, sizeof(chunk)), MULTIPART_OK);
		sent += sizeof(chunk);
	}
	assert_int_equal(multipart_feed(&mp, tail, sizeof(tail) - 1), MULTIPART_OK);
	assert_int_equal(multipart_finish(&mp), MULTIPART_OK);
	assert_int_equal(seen, want);
	assert_int_equal(parser_allocs, 0);
}

static void
the_total_for_nginx_is_files_times_size_plus_room_for_fields(void **state)
{
	(void)state;
	assert_int_equal(multipart_total_for(10, 20 * 1024 * 1024),
	    10ULL * 20 * 1024 * 1024 + 1024 * 1024);
	assert_int_equal(multipart_limits_default.total_max,
	    multipart_total_for(10, 20 * 1024 * 1024));
	assert_int_equal(multipart_total_for(SIZE_MAX / 2, 4), SIZE_MAX);
	assert_int_equal(multipart_status(MULTIPART_NOT_FORM), 415);
	assert_int_equal(multipart_status(MULTIPART_TOO_LARGE), 413);
	assert_int_equal(multipart_status(MULTIPART_BAD_FILENAME), 400);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_fields_and_two_files),
		cmocka_unit_test(byte_at_a_time_and_random_chunks_give_the_same_result),
		cmocka_unit_test(a_boundary_split_across_chunks_is_found),
		cmocka_unit_test(crlf_and_boundary_prefixes_inside_a_file_are_data),
		cmocka_unit_test(a_quoted_boundary_is_read),
		cmocka_unit_test(a_missing_or_bad_boundary_is_refused),
		cmocka_unit_test(only_the_boundary_parameter_is_copied),
		cmocka_unit_test(a_body_without_its_closing_boundary_is_truncated),
		cmocka_unit_test(preamble_epilogue_and_padding_are_ignored),
		cmocka_unit_test(malformed_bodies_are_refused),
		cmocka_unit_test(too_many_parts_or_files_are_refused),
		cmocka_unit_test(oversized_headers_are_refused),
		cmocka_unit_test(a_file_or_field_over_its_limit_is_refused),
		cmocka_unit_test(file_names_keep_only_their_last_component),
		cmocka_unit_test(file_names_with_control_characters_or_nul_are_refused),
		cmocka_unit_test(rfc5987_file_names_are_decoded),
		cmocka_unit_test(long_file_names_are_trimmed_keeping_the_extension),
		cmocka_unit_test(an_empty_file_name_is_not_a_file),
		cmocka_unit_test(a_callback_can_stop_the_parse),
		cmocka_unit_test(memory_stays_bounded_for_a_large_upload),
		cmocka_unit_test(the_total_for_nginx_is_files_times_size_plus_room_for_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
