/* File types from leading bytes: each accepted type from a minimal valid
 * header, programs and arbitrary archives refused, and image sizes read
 * (and judged) from PNG and JPEG headers. */
#include "test.h"

#include <stdlib.h>

#include "core/sniff.h"

/* The type of n bytes, fed in one go. */
static struct sniff_type
type_of(const void *p, size_t n)
{
	struct sniff_type t;

	sniff_bytes(p, n, &t);
	return t;
}

#define TYPE(lit)	type_of(lit, sizeof(lit) - 1)

static void
expect(struct sniff_type t, const char *media_type, enum sniff_category c)
{
	assert_string_equal(t.media_type, media_type);
	assert_int_equal(t.category, c);
}

/* A JPEG: SOI, an APP0 (JFIF), an APP1 of app_len bytes, then SOF0. */
static unsigned char *
jpeg(size_t app_len, unsigned w, unsigned h, size_t *len)
{
	static const unsigned char jfif[] = {
		0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
		0, 1, 0, 1, 0, 0 };
	unsigned char *p = calloc(1, sizeof(jfif) + 4 + app_len + 32);
	size_t n = 0;

	memcpy(p, jfif, sizeof(jfif));
	n = sizeof(jfif);
	p[n++] = 0xff;
	p[n++] = 0xe1;
	p[n++] = (unsigned char)((app_len + 2) >> 8);
	p[n++] = (unsigned char)(app_len + 2);
	memset(p + n, 0xff, app_len);	/* markers inside a segment are skipped */
	n += app_len;
	p[n++] = 0xff;			/* a fill byte */
	p[n++] = 0xff;
	p[n++] = 0xc0;
	p[n++] = 0;
	p[n++] = 17;
	p[n++] = 8;
	p[n++] = (unsigned char)(h >> 8);
	p[n++] = (unsigned char)h;
	p[n++] = (unsigned char)(w >> 8);
	p[n++] = (unsigned char)w;
	p[n++] = 3;
	*len = n + 9;
	return p;
}

/* A PNG signature and IHDR. */
static void
png(unsigned char out[33], unsigned long w, unsigned long h)
{
	static const unsigned char head[16] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	memset(out, 0, 33);
	memcpy(out, head, 16);
	out[16] = (unsigned char)(w >> 24);
	out[17] = (unsigned char)(w >> 16);
	out[18] = (unsigned char)(w >> 8);
	out[19] = (unsigned char)w;
	out[20] = (unsigned char)(h >> 24);
	out[21] = (unsigned char)(h >> 16);
	out[22] = (unsigned char)(h >> 8);
	out[23] = (unsigned char)h;
	out[24] = 8;	/* bit depth */
	out[25] = 2;	/* colour type */
}

static void
photos_are_recognised(void **state)
{
	unsigned char p[33], *j;
	size_t n;
	struct sniff_type t;

	(void)state;
	j = jpeg(0, 640, 480, &n);
	t = type_of(j, n);
	expect(t, "image/jpeg", SNIFF_PHOTO);
	assert_string_equal(t.ext, "jpg");
	assert_int_equal(t.width, 640);
	assert_int_equal(t.height, 480);
	free(j);
	png(p, 1024, 768);
	t = type_of(p, sizeof(p));
	expect(t, "image/png", SNIFF_PHOTO);
	assert_int_equal(t.width, 1024);
	assert_int_equal(t.height, 768);
	t = TYPE("GIF89a\x40\x01\xf0\x00\x80\x00\x00");
	expect(t, "image/gif", SNIFF_PHOTO);
	assert_int_equal(t.width, 320);
	assert_int_equal(t.height, 240);
	t = TYPE("RIFF\x24\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x10\x00\x00\x00"
	    "\x7f\x02\x00\xdf\x01\x00");
	expect(t, "image/webp", SNIFF_PHOTO);
	assert_int_equal(t.width, 640);
	assert_int_equal(t.height, 480);
	expect(TYPE("\x00\x00\x00\x18" "ftypheic\x00\x00\x00\x00" "mif1heic"),
	    "image/heic", SNIFF_PHOTO);
	expect(TYPE("\x00\x00\x00\x18" "ftypmif1\x00\x00\x00\x00" "mif1heic"),
	    "image/heic", SNIFF_PHOTO);
	expect(TYPE("\x00\x00\x00\x14" "ftypheix\x00\x00\x00\x00" "mif1"),
	    "image/heic", SNIFF_PHOTO);
	expect(TYPE("\x00\x00\x00\x14" "ftypmif1\x00\x00\x00\x00" "mif1"),
	    "image/heif", SNIFF_PHOTO);
}

static void
documents_are_recognised(void **state)
{
	/* Two local file headers: [Content_Types].xml, then word/document.xml. */
	static const char docx[] =
	    "PK\3\4\x14\0\x06\0\x08\0\0\0\x21\0\0\0\0\0\0\0\0\0\0\0\0\0\x13\0\0\0"
	    "[Content_Types].xml" "compressed bytes"
	    "PK\3\4\x14\0\x06\0\x08\0\0\0\x21\0\0\0\0\0\0\0\0\0\0\0\0\0\x11\0\0\0"
	    "word/document.xml" "more";
	static const char xlsx[] =
	    "PK\3\4\x14\0\x06\0\x08\0\0\0\x21\0\0\0\0\0\0\0\0\0\0\0\0\0\x13\0\0\0"
	    "[Content_Types].xml" "compressed bytes"
	    "PK\3\4\x14\0\x06\0\x08\0\0\0\x21\0\0\0\0\0\0\0\0\0\0\0\0\0\x0f\0\0\0"
	    "xl/workbook.xml" "more";
	static const char odt[] =
	    "PK\3\4\x0a\0\0\0\0\0\0\0\x21\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0"
	    "mimetype" "application/vnd.oasis.opendocument.text" "PK\3\4";
	struct sniff_type t;

	(void)state;
	t = TYPE("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
	expect(t, "application/pdf", SNIFF_DOCUMENT);
	assert_string_equal(t.ext, "pdf");
	t = TYPE(docx);
	expect(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	    SNIFF_DOCUMENT);
	assert_string_equal(t.ext, "docx");
	expect(TYPE(xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    SNIFF_DOCUMENT);
	expect(TYPE(odt), "application/vnd.oasis.opendocument.text", SNIFF_DOCUMENT);
	t = TYPE("Dear officer,\r\nThe party at no. 12 went on until 4am \xe2\x80\x94 "
	    "again.\n\tCaf\xc3\xa9 owner\n");
	expect(t, "text/plain", SNIFF_DOCUMENT);
	assert_string_equal(t.ext, "txt");
}

static void
audio_is_recognised(void **state)
{
	unsigned char mp3[417 + 4];

	(void)state;
	expect(TYPE("ID3\x04\x00\x00\x00\x00\x00\x21TIT2"), "audio/mpeg", SNIFF_AUDIO);
	/* Two MPEG-1 layer III frames (128 kbit/s, 44.1 kHz: 417 bytes). */
	memset(mp3, 0x55, sizeof(mp3));
	memcpy(mp3, "\xff\xfb\x90\x00", 4);
	memcpy(mp3 + 417, "\xff\xfb\x90\x00", 4);
	expect(type_of(mp3, sizeof(mp3)), "audio/mpeg", SNIFF_AUDIO);
	/* One sync word alone is not enough. */
	expect(type_of(mp3, 417), "application/octet-stream", SNIFF_UNKNOWN);
	expect(TYPE("RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00"), "audio/wav", SNIFF_AUDIO);
	expect(TYPE("\x00\x00\x00\x1c" "ftypM4A \x00\x00\x00\x00" "M4A mp42isom"),
	    "audio/mp4", SNIFF_AUDIO);
	expect(TYPE("\x00\x00\x00\x18" "ftypmp42\x00\x00\x00\x00" "isomM4A "),
	    "audio/mp4", SNIFF_AUDIO);
	expect(TYPE("OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04"
	    "\x00\x00\x00\x00\xaa\xbb\xcc\xdd\x01\x1e\x01vorbis"), "audio/ogg", SNIFF_AUDIO);
	expect(TYPE("OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04"
	    "\x00\x00\x00\x00\xaa\xbb\xcc\xdd\x01\x13OpusHead"), "audio/ogg", SNIFF_AUDIO);
	expect(TYPE("#!AMR\n\x3c\x48\xf5\x1f"), "audio/amr", SNIFF_AUDIO);
	expect(TYPE("#!AMR-WB\n\x04\x10"), "audio/amr-wb", SNIFF_AUDIO);
	expect(TYPE("\xff\xf1\x50\x80\x02\x1f\xfc"), "audio/aac", SNIFF_AUDIO);
	expect(TYPE("fLaC\x00\x00\x00\x22"), "audio/flac", SNIFF_AUDIO);
}

static void
video_is_recognised(void **state)
{
	(void)state;
	expect(TYPE("\x00\x00\x00\x20" "ftypisom\x00\x00\x02\x00" "isomiso2avc1mp41"),
	    "video/mp4", SNIFF_VIDEO);
	expect(TYPE("\x00\x00\x00\x14" "ftypqt  \x00\x00\x00\x00" "qt  "),
	    "video/quicktime", SNIFF_VIDEO);
	expect(TYPE("\x00\x00\x00\x14" "ftyp3gp4\x00\x00\x00\x00" "3gp4"),
	    "video/3gpp", SNIFF_VIDEO);
	expect(TYPE("\x00\x00\x00\x08" "wide\x01\x2f\x9e\x41" "mdat"),
	    "video/quicktime", SNIFF_VIDEO);
	expect(TYPE("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81"
	    "\x04\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04"), "video/webm",
	    SNIFF_VIDEO);
	expect(TYPE("\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81"
	    "\x04\x42\xf3\x81\x08\x42\x82\x88matroska\x42\x87\x81\x04"), "video/x-matroska",
	    SNIFF_VIDEO);
	expect(TYPE("OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04"
	    "\x00\x00\x00\x00\xaa\xbb\xcc\xdd\x01\x2a\x80theora"), "video/ogg", SNIFF_VIDEO);
}

static void
programs_and_other_files_are_unknown(void **state)
{
	static const char zip[] =
	    "PK\3\4\x14\0\0\0\x08\0\0\0\x21\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0"
	    "evil.exe" "MZ";
	struct sniff_type t;

	(void)state;
	/* A renamed executable: ELF, Windows PE, Mach-O, a script. */
	t = TYPE("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00");
	expect(t, "application/octet-stream", SNIFF_UNKNOWN);
	assert_string_equal(t.ext, "bin");
	expect(TYPE("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"),
	    "application/octet-stream", SNIFF_UNKNOWN);
	expect(TYPE("MZ looks like text"), "application/octet-stream", SNIFF_UNKNOWN);
	expect(TYPE("\xcf\xfa\xed\xfe\x07\x00\x00\x01"), "application/octet-stream",
	    SNIFF_UNKNOWN);
	expect(TYPE("#!/bin/sh\nrm -rf /\n"), "application/octet-stream", SNIFF_UNKNOWN);
	/* An archive that is not an office document. */
	expect(TYPE(zip), "application/octet-stream", SNIFF_UNKNOWN);
	/* Text with a NUL or bad UTF-8; an empty file; random bytes. */
	expect(type_of("ab\0cd", 5), "application/octet-stream", SNIFF_UNKNOWN);
	expect(TYPE("caf\xe9"), "application/octet-stream", SNIFF_UNKNOWN);
	expect(TYPE("\xed\xa0\x80 surrogate"), "application/octet-stream", SNIFF_UNKNOWN);
	expect(type_of("", 0), "application/octet-stream", SNIFF_UNKNOWN);
	expect(TYPE("\x01\x02\x03\x04\x05"), "application/octet-stream", SNIFF_UNKNOWN);
	/* An ftyp box with brands we do not know. */
	expect(TYPE("\x00\x00\x00\x14" "ftypcrx \x00\x00\x00\x00" "crx "),
	    "application/octet-stream", SNIFF_UNKNOWN);
}

static void
text_is_checked_to_the_end_across_chunks(void **state)
{
	struct sniff s;
	struct sniff_type t;
	char big[10000];

	(void)state;
	/* A two-byte character cut between chunks is still text. */
	sniff_init(&s);
	sniff_feed(&s, "caf\xc3", 4);
	sniff_feed(&s, "\xa9 au lait\n", 10);
	sniff_result(&s, &t);
	expect(t, "text/plain", SNIFF_DOCUMENT);
	/* Cut off in the middle of a character at the end: not text. */
	sniff_init(&s);
	sniff_feed(&s, "caf\xc3", 4);
	sniff_result(&s, &t);
	expect(t, "application/octet-stream", SNIFF_UNKNOWN);
	/* Binary after the head has been seen. */
	memset(big, 'a', sizeof(big));
	big[sizeof(big) - 2] = '\0';
	sniff_init(&s);
	sniff_feed(&s, big, sizeof(big) / 2);
	sniff_result(&s, &t);
	expect(t, "text/plain", SNIFF_DOCUMENT);
	sniff_feed(&s, big + sizeof(big) / 2, sizeof(big) / 2);
	sniff_result(&s, &t);
	expect(t, "application/octet-stream", SNIFF_UNKNOWN);
}

static void
jpeg_size_is_read_after_large_segments_in_any_chunks(void **state)
{
	struct sniff s;
	struct sniff_type t;
	unsigned char *j;
	size_t n, i;

	(void)state;
	/* 60 KB of Exif before the frame header: beyond the head. */
	j = jpeg(60000, 4032, 3024, &n);
	t = type_of(j, n);
	expect(t, "image/jpeg", SNIFF_PHOTO);
	assert_int_equal(t.width, 4032);
	assert_int_equal(t.height, 3024);
	sniff_init(&s);
	for (i = 0; i < n; i++)
		sniff_feed(&s, j + i, 1);
	sniff_result(&s, &t);
	assert_int_equal(t.width, 4032);
	assert_int_equal(t.height, 3024);
	assert_true(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	free(j);
	/* Cut before the frame header: the size is not known. */
	j = jpeg(60000, 4032, 3024, &n);
	t = type_of(j, 30000);
	expect(t, "image/jpeg", SNIFF_PHOTO);
	assert_int_equal(t.width, 0);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	free(j);
}

static void
absurd_image_sizes_are_refused(void **state)
{
	unsigned char p[33], *j;
	size_t n;
	struct sniff_type t;

	(void)state;
	/* A 33-byte PNG claiming 100000 x 100000 pixels. */
	png(p, 100000, 100000);
	t = type_of(p, sizeof(p));
	assert_int_equal(t.width, 100000);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* Each side within 20000, but 144 megapixels. */
	png(p, 12000, 12000);
	t = type_of(p, sizeof(p));
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* Exactly 100 megapixels, and one side at the limit: fine. */
	png(p, 10000, 10000);
	t = type_of(p, sizeof(p));
	assert_true(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	png(p, 20000, 10);
	t = type_of(p, sizeof(p));
	assert_true(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	png(p, 20001, 10);
	t = type_of(p, sizeof(p));
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* 0 wide, and the 32-bit maximum. */
	png(p, 0, 10);
	t = type_of(p, sizeof(p));
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	png(p, 0xffffffffUL, 0xffffffffUL);
	t = type_of(p, sizeof(p));
	assert_int_equal(t.width, 0xffffffffUL);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* A JPEG of 65535 x 65535, and a JPEG 30000 wide. */
	j = jpeg(10, 65535, 65535, &n);
	t = type_of(j, n);
	assert_int_equal(t.width, 65535);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	free(j);
	j = jpeg(10, 30000, 100, &n);
	t = type_of(j, n);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	free(j);
	/* A PNG without its IHDR. */
	t = type_of(p, 16);
	expect(t, "image/png", SNIFF_PHOTO);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* Types that declare no size pass. */
	t = TYPE("%PDF-1.4\n");
	assert_true(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
}

/* ------------------------------------------------------------------------
 * HEIC, HEIF and AVIF: boxes built by hand. */

struct bytes {
	unsigned char	 p[80000];
	size_t		 n;
};

static void
put32(struct bytes *b, unsigned long v)
{
	b->p[b->n++] = (unsigned char)(v >> 24);
	b->p[b->n++] = (unsigned char)(v >> 16);
	b->p[b->n++] = (unsigned char)(v >> 8);
	b->p[b->n++] = (unsigned char)v;
}

static void
put(struct bytes *b, const char *s, size_t n)
{
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

/* Opens a box: its size is written by box_close. */
static size_t
box_open(struct bytes *b, const char *type)
{
	size_t at = b->n;

	put32(b, 0);
	put(b, type, 4);
	return at;
}

static void
box_close(struct bytes *b, size_t at)
{
	size_t n = b->n;

	b->n = at;
	put32(b, (unsigned long)(n - at));
	b->n = n;
}

static void
ispe(struct bytes *b, unsigned long w, unsigned long h)
{
	size_t at = box_open(b, "ispe");

	put32(b, 0);		/* version, flags */
	put32(b, w);
	put32(b, h);
	box_close(b, at);
}

/* An image file of this brand: ftyp, then meta with an item table of
 * table_len bytes and an ispe for each of the n sizes, then mdat. */
static void
heif(struct bytes *b, const char *brand, size_t table_len, const unsigned long (*sizes)[2],
    size_t n)
{
	size_t ftyp, meta, iinf, iprp, ipco, hvcc, mdat, i;

	b->n = 0;
	ftyp = box_open(b, "ftyp");
	put(b, brand, 4);
	put32(b, 0);
	put(b, "mif1", 4);
	put(b, brand, 4);
	box_close(b, ftyp);
	meta = box_open(b, "meta");
	put32(b, 0);
	i = box_open(b, "hdlr");
	put32(b, 0);
	put32(b, 0);
	put(b, "pict", 4);
	put(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0", 13);
	box_close(b, i);
	iinf = box_open(b, "iinf");
	memset(b->p + b->n, 0, table_len);
	b->n += table_len;
	box_close(b, iinf);
	iprp = box_open(b, "iprp");
	ipco = box_open(b, "ipco");
	hvcc = box_open(b, "hvcC");
	put(b, "\x01\x01\x60\x00\x00\x00", 6);
	box_close(b, hvcc);
	for (i = 0; i < n; i++)
		ispe(b, sizes[i][0], sizes[i][1]);
	box_close(b, ipco);
	i = box_open(b, "ipma");
	put32(b, 0);
	box_close(b, i);
	box_close(b, iprp);
	box_close(b, meta);
	mdat = box_open(b, "mdat");
	memset(b->p + b->n, 0xaa, 100);
	b->n += 100;
	box_close(b, mdat);
}

static void
heif_sizes_are_read_from_ispe_in_any_chunks(void **state)
{
	static const unsigned long photo[][2] = { { 512, 512 }, { 4032, 3024 }, { 320, 240 } };
	static struct bytes b;
	struct sniff s;
	struct sniff_type t;
	size_t i;

	(void)state;
	heif(&b, "heic", 40, photo, 3);
	t = type_of(b.p, b.n);
	expect(t, "image/heic", SNIFF_PHOTO);
	assert_true(t.has_size);
	assert_int_equal(t.width, 4032);
	assert_int_equal(t.height, 3024);
	assert_true(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* Item tables of 6000 bytes push ipco beyond the head; one byte at
	 * a time. */
	heif(&b, "avif", 6000, photo + 1, 1);
	sniff_init(&s);
	for (i = 0; i < b.n; i++)
		sniff_feed(&s, b.p + i, 1);
	sniff_result(&s, &t);
	expect(t, "image/avif", SNIFF_PHOTO);
	assert_int_equal(t.width, 4032);
	assert_int_equal(t.height, 3024);
	assert_true(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	heif(&b, "mif1", 10, photo, 1);
	t = type_of(b.p, b.n);
	expect(t, "image/heif", SNIFF_PHOTO);
	assert_int_equal(t.width, 512);
	/* A 64-bit box size before meta is followed. */
	heif(&b, "heic", 10, photo + 1, 1);
	memmove(b.p + 24 + 16, b.p + 24, b.n - 24);
	memcpy(b.p + 24, "\0\0\0\1free\0\0\0\0\0\0\0\x10", 16);
	t = type_of(b.p, b.n + 16);
	assert_int_equal(t.width, 4032);
	assert_int_equal(t.height, 3024);
}

static void
heif_with_absurd_or_no_size_is_refused(void **state)
{
	static const unsigned long bomb[][2] = { { 100000, 100000 } };
	static const unsigned long hidden[][2] = { { 512, 512 }, { 30000, 30000 } };
	static const unsigned long mixed[][2] = { { 20000, 10 }, { 10, 20000 } };
	static const unsigned long zero[][2] = { { 0, 0 } };
	static struct bytes b;
	struct sniff_type t;

	(void)state;
	heif(&b, "heic", 40, bomb, 1);
	t = type_of(b.p, b.n);
	assert_int_equal(t.width, 100000);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* A sane tile first does not hide a huge picture after it. */
	heif(&b, "avif", 40, hidden, 2);
	t = type_of(b.p, b.n);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* The largest width and height are judged together. */
	heif(&b, "heic", 40, mixed, 2);
	t = type_of(b.p, b.n);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	heif(&b, "heic", 40, zero, 1);
	t = type_of(b.p, b.n);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* No ispe at all, or only an ftyp: a size that cannot be checked. */
	heif(&b, "heic", 40, NULL, 0);
	t = type_of(b.p, b.n);
	expect(t, "image/heic", SNIFF_PHOTO);
	assert_true(t.has_size);
	assert_int_equal(t.width, 0);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	t = TYPE("\x00\x00\x00\x14" "ftypmif1\x00\x00\x00\x00" "mif1");
	expect(t, "image/heif", SNIFF_PHOTO);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* Cut inside the item table, before the ispe. */
	heif(&b, "heic", 6000, hidden, 1);
	t = type_of(b.p, 5000);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* An ispe in a box that claims more than its parent holds is not
	 * believed. */
	heif(&b, "heic", 40, hidden, 1);
	assert_memory_equal(b.p + 129, "ipco", 4);
	memcpy(b.p + 125, "\x00\x00\x10\x00", 4);	/* ipco's size */
	t = type_of(b.p, b.n);
	assert_int_equal(t.width, 0);
	assert_false(sniff_size_ok(&t, SNIFF_MAX_SIDE, SNIFF_MAX_PIXELS));
	/* An ispe at the top level, outside meta, is not the picture's. */
	b.n = 0;
	put(&b, "\0\0\0\x18" "ftypheic\0\0\0\0" "mif1heic", 24);
	ispe(&b, 640, 480);
	t = type_of(b.p, b.n);
	assert_int_equal(t.width, 0);
	/* Not ISO-BMFF at all: MP4 video declares no picture size. */
	t = TYPE("\x00\x00\x00\x18" "ftypisom\x00\x00\x02\x00" "isommp41");
	assert_false(t.has_size);
}

static void
extensions_and_category_names(void **state)
{
	(void)state;
	assert_string_equal(sniff_ext_for("image/jpeg"), "jpg");
	assert_string_equal(sniff_ext_for("video/quicktime"), "mov");
	assert_string_equal(sniff_ext_for("application/x-msdownload"), "bin");
	assert_string_equal(sniff_ext_for(NULL), "bin");
	assert_string_equal(sniff_category_name(SNIFF_PHOTO), "photo");
	assert_string_equal(sniff_category_name(SNIFF_DOCUMENT), "document");
	assert_string_equal(sniff_category_name(SNIFF_AUDIO), "audio");
	assert_string_equal(sniff_category_name(SNIFF_VIDEO), "video");
	assert_string_equal(sniff_category_name(SNIFF_UNKNOWN), "unknown");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(photos_are_recognised),
		cmocka_unit_test(documents_are_recognised),
		cmocka_unit_test(audio_is_recognised),
		cmocka_unit_test(video_is_recognised),
		cmocka_unit_test(programs_and_other_files_are_unknown),
		cmocka_unit_test(text_is_checked_to_the_end_across_chunks),
		cmocka_unit_test(jpeg_size_is_read_after_large_segments_in_any_chunks),
		cmocka_unit_test(absurd_image_sizes_are_refused),
		cmocka_unit_test(heif_sizes_are_read_from_ispe_in_any_chunks),
		cmocka_unit_test(heif_with_absurd_or_no_size_is_refused),
		cmocka_unit_test(extensions_and_category_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
