/* File types from their leading bytes: the photo, document, audio and
 * video formats a member of the public is likely to send as evidence.
 * Anything else — executables, scripts, arbitrary archives — is unknown,
 * and unknown is refused. */
#include <string.h>

#include "core/sniff.h"

enum kind {
	K_UNKNOWN, K_JPEG, K_PNG, K_GIF, K_WEBP, K_HEIC, K_HEIF, K_AVIF,
	K_PDF, K_DOCX, K_XLSX, K_PPTX, K_ODT, K_ODS, K_ODP, K_TEXT,
	K_MP3, K_AAC, K_WAV, K_M4A, K_OGG_AUDIO, K_FLAC, K_AMR, K_AMR_WB,
	K_MP4, K_MOV, K_3GP, K_WEBM, K_MKV, K_OGG_VIDEO,
};

static const struct {
	const char		*type;
	const char		*ext;
	enum sniff_category	 category;
} kinds[] = {
	[K_UNKNOWN] =	{ "application/octet-stream", "bin", SNIFF_UNKNOWN },
	[K_JPEG] =	{ "image/jpeg", "jpg", SNIFF_PHOTO },
	[K_PNG] =	{ "image/png", "png", SNIFF_PHOTO },
	[K_GIF] =	{ "image/gif", "gif", SNIFF_PHOTO },
	[K_WEBP] =	{ "image/webp", "webp", SNIFF_PHOTO },
	[K_HEIC] =	{ "image/heic", "heic", SNIFF_PHOTO },
	[K_HEIF] =	{ "image/heif", "heif", SNIFF_PHOTO },
	[K_AVIF] =	{ "image/avif", "avif", SNIFF_PHOTO },
	[K_PDF] =	{ "application/pdf", "pdf", SNIFF_DOCUMENT },
	[K_DOCX] =	{ "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			  "docx", SNIFF_DOCUMENT },
	[K_XLSX] =	{ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			  "xlsx", SNIFF_DOCUMENT },
	[K_PPTX] =	{ "application/vnd.openxmlformats-officedocument.presentationml.presentation",
			  "pptx", SNIFF_DOCUMENT },
	[K_ODT] =	{ "application/vnd.oasis.opendocument.text", "odt", SNIFF_DOCUMENT },
	[K_ODS] =	{ "application/vnd.oasis.opendocument.spreadsheet", "ods", SNIFF_DOCUMENT },
	[K_ODP] =	{ "application/vnd.oasis.opendocument.presentation", "odp", SNIFF_DOCUMENT },
	[K_TEXT] =	{ "text/plain", "txt", SNIFF_DOCUMENT },
	[K_MP3] =	{ "audio/mpeg", "mp3", SNIFF_AUDIO },
	[K_AAC] =	{ "audio/aac", "aac", SNIFF_AUDIO },
	[K_WAV] =	{ "audio/wav", "wav", SNIFF_AUDIO },
	[K_M4A] =	{ "audio/mp4", "m4a", SNIFF_AUDIO },
	[K_OGG_AUDIO] =	{ "audio/ogg", "ogg", SNIFF_AUDIO },
	[K_FLAC] =	{ "audio/flac", "flac", SNIFF_AUDIO },
	[K_AMR] =	{ "audio/amr", "amr", SNIFF_AUDIO },
	[K_AMR_WB] =	{ "audio/amr-wb", "awb", SNIFF_AUDIO },
	[K_MP4] =	{ "video/mp4", "mp4", SNIFF_VIDEO },
	[K_MOV] =	{ "video/quicktime", "mov", SNIFF_VIDEO },
	[K_3GP] =	{ "video/3gpp", "3gp", SNIFF_VIDEO },
	[K_WEBM] =	{ "video/webm", "webm", SNIFF_VIDEO },
	[K_MKV] =	{ "video/x-matroska", "mkv", SNIFF_VIDEO },
	[K_OGG_VIDEO] =	{ "video/ogg", "ogv", SNIFF_VIDEO },
};

#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

static unsigned long
be16(const unsigned char *p)
{
	return (unsigned long)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static unsigned long
le16(const unsigned char *p)
{
	return (unsigned long)p[1] << 8 | p[0];
}

static unsigned long
le24(const unsigned char *p)
{
	return (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 | p[0];
}

/* Whether the n bytes at p start with the literal s. */
#define AT(p, n, off, s) \
	((n) >= (off) + sizeof(s) - 1 && memcmp((p) + (off), (s), sizeof(s) - 1) == 0)

void
sniff_init(struct sniff *s)
{
	memset(s, 0, sizeof(*s));
	s->bmff_want = 8;
}

/* ------------------------------------------------------------------------
 * JPEG: the frame header (SOFn) may follow any number of APPn segments
 * (Exif, ICC profiles, thumbnails), so walk the segments as they stream. */

enum jpeg_state {
	J_SOI0, J_SOI1, J_FF, J_MARKER, J_LEN0, J_LEN1, J_SKIP, J_SOF, J_DONE,
};

/* SOF0-3, 5-7, 9-11, 13-15: every frame header; not DHT (C4), JPG (C8)
 * or DAC (CC). */
static int
jpeg_sof(unsigned char m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

static void
jpeg_walk(struct sniff *s, const unsigned char *p, size_t n)
{
	size_t i = 0, k;
	unsigned char c;

	while (i < n && s->jpeg != J_DONE) {
		if (s->jpeg == J_SKIP) {
			k = n - i < s->jpeg_skip ? n - i : s->jpeg_skip;
			s->jpeg_skip -= k;
			i += k;
			if (s->jpeg_skip == 0)
				s->jpeg = J_FF;
			continue;
		}
		c = p[i++];
		switch (s->jpeg) {
		case J_SOI0:
			s->jpeg = c == 0xff ? J_SOI1 : J_DONE;
			break;
		case J_SOI1:
			s->jpeg = c == 0xd8 ? J_FF : J_DONE;
			break;
		case J_FF:
			s->jpeg = c == 0xff ? J_MARKER : J_DONE;
			break;
		case J_MARKER:
			if (c == 0xff)
				break;			/* fill byte */
			if (c == 0x01 || (c >= 0xd0 && c <= 0xd7))
				s->jpeg = J_FF;		/* no length */
			else if (c == 0xd9 || c == 0xda || c == 0x00)
				s->jpeg = J_DONE;	/* image data before a frame header */
			else {
				s->jpeg_sof_n = jpeg_sof(c);	/* 1: read the frame header */
				s->jpeg = J_LEN0;
			}
			break;
		case J_LEN0:
			s->jpeg_len = (unsigned)c << 8;
			s->jpeg = J_LEN1;
			break;
		case J_LEN1:
			s->jpeg_len |= c;
			if (s->jpeg_len < 2 || (s->jpeg_sof_n && s->jpeg_len < 2 + 5)) {
				s->jpeg = J_DONE;
				break;
			}
			if (s->jpeg_sof_n) {
				s->jpeg_sof_n = 0;
				s->jpeg = J_SOF;
			} else {
				s->jpeg_skip = s->jpeg_len - 2;
				s->jpeg = s->jpeg_skip > 0 ? J_SKIP : J_FF;
			}
			break;
		case J_SOF:
			s->jpeg_sof[s->jpeg_sof_n++] = c;
			if (s->jpeg_sof_n == 5) {
				/* precision, height, width */
				s->jpeg_height = be16(s->jpeg_sof + 1);
				s->jpeg_width = be16(s->jpeg_sof + 3);
				s->jpeg = J_DONE;
			}
			break;
		default:
			s->jpeg = J_DONE;
			break;
		}
	}
}

/* ------------------------------------------------------------------------
 * HEIC, HEIF, AVIF (ISO-BMFF): each image item's size is an ispe property
 * in meta/iprp/ipco, after item tables that can be any length, so walk
 * the boxes as they stream. Every ispe counts (tiles, thumbnails and the
 * picture itself): the largest width and height found are kept, so no
 * item in the file can declare a size beyond the limit unseen. */

enum bmff_state {
	B_HEAD, B_FULL, B_ISPE, B_SKIP, B_DONE,
};

#define BMFF_OPEN	(~0ULL)		/* a box of size 0: to the end of the file */

/* The end of the box that holds the next one. */
static unsigned long long
bmff_parent_end(const struct sniff *s)
{
	return s->bmff_depth > 0 ? s->bmff_end[s->bmff_depth - 1] : BMFF_OPEN;
}

/* Leaves the containers that end here; the walk is over with meta. */
static void
bmff_close(struct sniff *s)
{
	while (s->bmff_depth > 0 && s->bmff_pos == s->bmff_end[s->bmff_depth - 1])
		if (--s->bmff_depth == 0)
			s->bmff = B_DONE;
}

/* A box header is complete in bmff_buf: decide whether to go into the
 * box, read it or skip it. */
static void
bmff_box(struct sniff *s)
{
	const unsigned char *b = s->bmff_buf;
	unsigned long long start = s->bmff_pos - s->bmff_have, size, end;
	unsigned long long parent = bmff_parent_end(s);

	size = be32(b);
	if (size == 1 && s->bmff_want == 8) {
		s->bmff_want = 16;		/* a 64-bit size follows */
		return;
	}
	if (size == 1)
		size = (unsigned long long)be32(b + 8) << 32 | be32(b + 12);
	if (size == 0)
		end = parent;
	else if (size < s->bmff_have || size > parent - start)
		end = 0;			/* shorter than its header, or overflows its parent */
	else
		end = start + size;
	if (end == 0 || (start == 0 && memcmp(b + 4, "ftyp", 4) != 0)) {
		s->bmff = B_DONE;
		return;
	}
	s->bmff_box_end = end;
	s->bmff_have = 0;
	if ((s->bmff_depth == 0 && memcmp(b + 4, "meta", 4) == 0) ||
	    (s->bmff_depth == 1 && memcmp(b + 4, "iprp", 4) == 0) ||
	    (s->bmff_depth == 2 && memcmp(b + 4, "ipco", 4) == 0)) {
		s->bmff_end[s->bmff_depth++] = end;
		/* meta is a full box: its version and flags come first. */
		s->bmff_want = s->bmff_depth == 1 ? 4 : 8;
		s->bmff = s->bmff_depth == 1 ? B_FULL : B_HEAD;
		if (s->bmff == B_HEAD)
			bmff_close(s);		/* an empty iprp or ipco */
	} else if (s->bmff_depth == 3 && memcmp(b + 4, "ispe", 4) == 0) {
		s->bmff_want = 12;		/* version and flags, width, height */
		s->bmff = B_ISPE;
	} else
		s->bmff = B_SKIP;
}

static void
bmff_walk(struct sniff *s, const unsigned char *p, size_t n)
{
	unsigned long long k;
	unsigned long w, h;

	while (n > 0 && s->bmff != B_DONE) {
		if (s->bmff == B_SKIP) {
			k = s->bmff_box_end - s->bmff_pos;
			if (k > n)
				k = n;
			s->bmff_pos += k;
			p += k;
			n -= (size_t)k;
			if (s->bmff_pos < s->bmff_box_end)
				continue;
			s->bmff = B_HEAD;
			s->bmff_want = 8;
			bmff_close(s);
			continue;
		}
		if (s->bmff_have == 0 && s->bmff_pos + s->bmff_want > (s->bmff == B_HEAD ?
		    bmff_parent_end(s) : s->bmff_box_end)) {
			s->bmff = B_DONE;	/* no room left for what must come */
			break;
		}
		s->bmff_buf[s->bmff_have++] = *p++;
		s->bmff_pos++;
		n--;
		if (s->bmff_have < s->bmff_want)
			continue;
		switch (s->bmff) {
		case B_HEAD:
			bmff_box(s);
			break;
		case B_FULL:
			s->bmff_have = 0;
			s->bmff_want = 8;
			s->bmff = B_HEAD;
			bmff_close(s);
			break;
		case B_ISPE:
			w = be32(s->bmff_buf + 4);
			h = be32(s->bmff_buf + 8);
			if (w > s->bmff_width)
				s->bmff_width = w;
			if (h > s->bmff_height)
				s->bmff_height = h;
			s->bmff_have = 0;
			s->bmff = B_SKIP;
			break;
		default:
			s->bmff = B_DONE;
			break;
		}
	}
}

/* ------------------------------------------------------------------------
 * Text: UTF-8 throughout, no NUL and no control characters but tab, line
 * feed, form feed and carriage return. */

static int
text_byte_ok(unsigned char c)
{
	return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
text_check(struct sniff *s, const unsigned char *p, size_t n)
{
	size_t i;
	unsigned char c;
	unsigned long cp;

	for (i = 0; i < n && !s->text_bad; i++) {
		c = p[i];
		if (s->utf8_want == 0) {
			if (c < 0x80) {
				if (!text_byte_ok(c) || c == 0x7f)
					s->text_bad = 1;
				continue;
			}
			if (c >= 0xc2 && c <= 0xdf)
				s->utf8_want = 2;
			else if (c >= 0xe0 && c <= 0xef)
				s->utf8_want = 3;
			else if (c >= 0xf0 && c <= 0xf4)
				s->utf8_want = 4;
			else {
				s->text_bad = 1;
				continue;
			}
			s->utf8[0] = c;
			s->utf8_have = 1;
			continue;
		}
		if ((c & 0xc0) != 0x80) {
			s->text_bad = 1;
			continue;
		}
		s->utf8[s->utf8_have++] = c;
		if (s->utf8_have < s->utf8_want)
			continue;
		if (s->utf8_want == 2)
			cp = (unsigned long)(s->utf8[0] & 0x1f) << 6 | (s->utf8[1] & 0x3f);
		else if (s->utf8_want == 3)
			cp = (unsigned long)(s->utf8[0] & 0x0f) << 12 |
			    (unsigned long)(s->utf8[1] & 0x3f) << 6 | (s->utf8[2] & 0x3f);
		else
			cp = (unsigned long)(s->utf8[0] & 0x07) << 18 |
			    (unsigned long)(s->utf8[1] & 0x3f) << 12 |
			    (unsigned long)(s->utf8[2] & 0x3f) << 6 | (s->utf8[3] & 0x3f);
		if ((s->utf8_want == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (s->utf8_want == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0x80 && cp <= 0x9f))
			s->text_bad = 1;
		s->utf8_want = s->utf8_have = 0;
	}
}

/* Takes the next n bytes of the file. */
void
sniff_feed(struct sniff *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t k;

	if (s->head_len < SNIFF_HEAD) {
		k = SNIFF_HEAD - s->head_len < n ? SNIFF_HEAD - s->head_len : n;
		memcpy(s->head + s->head_len, p, k);
		s->head_len += k;
	}
	s->total += n;
	jpeg_walk(s, p, n);
	bmff_walk(s, p, n);
	text_check(s, p, n);
}

/* ------------------------------------------------------------------------
 * Deciding */

/* ISO base media (MP4, MOV, M4A, 3GP, HEIF): the ftyp box's brands. */
static enum kind
ftyp_kind(const unsigned char *h, size_t n)
{
	static const struct { const char *brand; enum kind kind; } brands[] = {
		{ "heic", K_HEIC }, { "heix", K_HEIC }, { "heim", K_HEIC },
		{ "heis", K_HEIC }, { "hevc", K_HEIC }, { "hevx", K_HEIC },
		{ "avif", K_AVIF }, { "avis", K_AVIF },
		{ "mif1", K_HEIF }, { "msf1", K_HEIF },
		{ "M4A ", K_M4A }, { "M4B ", K_M4A },
		{ "qt  ", K_MOV },
		{ "3gp4", K_3GP }, { "3gp5", K_3GP }, { "3gp6", K_3GP },
		{ "3gp7", K_3GP }, { "3g2a", K_3GP }, { "3g2b", K_3GP },
		{ "isom", K_MP4 }, { "iso2", K_MP4 }, { "iso3", K_MP4 },
		{ "iso4", K_MP4 }, { "iso5", K_MP4 }, { "iso6", K_MP4 },
		{ "mp41", K_MP4 }, { "mp42", K_MP4 }, { "avc1", K_MP4 },
		{ "M4V ", K_MP4 }, { "M4VH", K_MP4 }, { "M4VP", K_MP4 },
		{ "dash", K_MP4 }, { "MSNV", K_MP4 }, { "NDAS", K_MP4 },
		{ "f4v ", K_MP4 }, { "mmp4", K_MP4 },
	};
	unsigned long size = be32(h);
	enum kind major = K_UNKNOWN, k;
	size_t i, off;

	if (size < 16 || size > 4096 || size % 4 != 0)
		return K_UNKNOWN;
	if (size > n)
		size = n - n % 4;
	for (i = 0; i < sizeof(brands) / sizeof(brands[0]); i++)
		if (memcmp(h + 8, brands[i].brand, 4) == 0)
			major = brands[i].kind;
	/* A generic major brand (mif1, isom) is narrowed by a compatible one:
	 * an HEIC photo, or an MP4 that is only sound. */
	for (off = 16; off + 4 <= size; off += 4)
		for (i = 0; i < sizeof(brands) / sizeof(brands[0]); i++) {
			if (memcmp(h + off, brands[i].brand, 4) != 0)
				continue;
			k = brands[i].kind;
			if (major == K_UNKNOWN || (major == K_HEIF &&
			    (k == K_HEIC || k == K_AVIF)) ||
			    (major == K_MP4 && k == K_M4A))
				major = k;
		}
	return major;
}

/* MPEG audio layer III frame header at p: its length in bytes, or 0. */
static size_t
mp3_frame(const unsigned char *p)
{
	static const unsigned kbps1[15] = {
		0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 };
	static const unsigned kbps2[15] = {
		0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 };
	static const unsigned rates[3][3] = {
		{ 11025, 12000, 8000 }, { 0, 0, 0 }, { 22050, 24000, 16000 } };
	unsigned version, layer, br, sr, pad, rate;

	if (p[0] != 0xff || (p[1] & 0xe0) != 0xe0)
		return 0;
	version = (p[1] >> 3) & 3;	/* 0: 2.5, 1: reserved, 2: 2, 3: 1 */
	layer = (p[1] >> 1) & 3;	/* 1: layer III */
	br = p[2] >> 4;
	sr = (p[2] >> 2) & 3;
	pad = (p[2] >> 1) & 1;
	if (version == 1 || layer != 1 || br == 0 || br == 15 || sr == 3)
		return 0;
	if (version == 3)
		return 144000UL * kbps1[br] / (sr == 0 ? 44100 : sr == 1 ? 48000 : 32000) + pad;
	rate = rates[version][sr];
	return 72000UL * kbps2[br] / rate + pad;
}

/* Two MP3 frames in a row: a single sync word is too easily found by
 * chance. */
static int
mp3_sync(const unsigned char *h, size_t n)
{
	size_t len;

	if (n < 4 || (len = mp3_frame(h)) < 4)
		return 0;
	return len + 4 <= n && mp3_frame(h + len) != 0;
}

/* ZIP: an Office Open XML document ([Content_Types].xml) or an
 * OpenDocument one (an uncompressed "mimetype" entry first). Other
 * archives are unknown. */
static enum kind
zip_kind(const unsigned char *h, size_t n)
{
	static const char ct[] = "[Content_Types].xml";
	static const char odf[] = "application/vnd.oasis.opendocument.";
	size_t off, nlen, xlen;
	int ooxml = 0;
	enum kind folder = K_UNKNOWN;
	const unsigned char *name;

	if (AT(h, n, 30, "mimetype") && le16(h + 26) == 8 &&
	    (xlen = le16(h + 28), 38 + xlen + sizeof(odf) - 1 + 4 <= n) &&
	    memcmp(h + 38 + xlen, odf, sizeof(odf) - 1) == 0) {
		name = h + 38 + xlen + sizeof(odf) - 1;
		if (memcmp(name, "text", 4) == 0)
			return K_ODT;
		if (memcmp(name, "spre", 4) == 0)
			return K_ODS;
		if (memcmp(name, "pres", 4) == 0)
			return K_ODP;
		return K_UNKNOWN;
	}
	/* Local file headers within the head. Compressed sizes may be in a
	 * data descriptor, so search for the signature rather than walk. */
	for (off = 0; off + 30 <= n; off++) {
		if (memcmp(h + off, "PK\3\4", 4) != 0)
			continue;
		nlen = le16(h + off + 26);
		name = h + off + 30;
		if (off + 30 + nlen > n)
			break;
		if (nlen == sizeof(ct) - 1 && memcmp(name, ct, nlen) == 0)
			ooxml = 1;
		else if (folder == K_UNKNOWN && nlen > 5 && memcmp(name, "word/", 5) == 0)
			folder = K_DOCX;
		else if (folder == K_UNKNOWN && nlen > 3 && memcmp(name, "xl/", 3) == 0)
			folder = K_XLSX;
		else if (folder == K_UNKNOWN && nlen > 4 && memcmp(name, "ppt/", 4) == 0)
			folder = K_PPTX;
		off += 29 + nlen;
	}
	if (!ooxml)
		return K_UNKNOWN;
	return folder != K_UNKNOWN ? folder : K_DOCX;
}

/* Matroska and WebM: the EBML header's DocType. */
static enum kind
ebml_kind(const unsigned char *h, size_t n)
{
	size_t i, end = n < 64 ? n : 64;

	for (i = 4; i + 3 < end; i++) {
		/* DocType (0x4282), a one-byte size, then the name. */
		if (h[i] != 0x42 || h[i + 1] != 0x82 || (h[i + 2] & 0x80) == 0)
			continue;
		if (AT(h, n, i + 3, "webm"))
			return K_WEBM;
		if (AT(h, n, i + 3, "matroska"))
			return K_MKV;
		return K_UNKNOWN;
	}
	return K_UNKNOWN;
}

/* Ogg: the codec of the first page's packet. */
static enum kind
ogg_kind(const unsigned char *h, size_t n)
{
	size_t segs, off;

	if (n < 27 || h[4] != 0)
		return K_UNKNOWN;
	segs = h[26];
	off = 27 + segs;
	if (AT(h, n, off, "\x80theora"))
		return K_OGG_VIDEO;
	if (AT(h, n, off, "\x01vorbis") || AT(h, n, off, "OpusHead") ||
	    AT(h, n, off, "Speex   ") || AT(h, n, off, "\x7f" "FLAC"))
		return K_OGG_AUDIO;
	return K_UNKNOWN;
}

/* WebP's canvas size from its first chunk. */
static void
webp_size(const unsigned char *h, size_t n, struct sniff_type *t)
{
	if (AT(h, n, 12, "VP8X") && n >= 30) {
		t->width = le24(h + 24) + 1;
		t->height = le24(h + 27) + 1;
	} else if (AT(h, n, 12, "VP8 ") && n >= 30 && h[23] == 0x9d &&
	    h[24] == 0x01 && h[25] == 0x2a) {
		t->width = le16(h + 26) & 0x3fff;
		t->height = le16(h + 28) & 0x3fff;
	} else if (AT(h, n, 12, "VP8L") && n >= 25 && h[20] == 0x2f) {
		t->width = ((unsigned long)h[21] | (unsigned long)(h[22] & 0x3f) << 8) + 1;
		t->height = ((unsigned long)(h[22] >> 6) | (unsigned long)h[23] << 2 |
		    (unsigned long)(h[24] & 0x0f) << 10) + 1;
	}
}

static enum kind
head_kind(const struct sniff *s, struct sniff_type *t)
{
	const unsigned char *h = s->head;
	size_t n = s->head_len;
	enum kind k;

	if (n == 0)
		return K_UNKNOWN;
	if (AT(h, n, 0, "\xff\xd8\xff")) {
		t->has_size = 1;
		t->width = s->jpeg_width;
		t->height = s->jpeg_height;
		return K_JPEG;
	}
	if (AT(h, n, 0, "\x89PNG\r\n\x1a\n")) {
		t->has_size = 1;
		if (n >= 24 && be32(h + 8) == 13 && AT(h, n, 12, "IHDR")) {
			t->width = be32(h + 16);
			t->height = be32(h + 20);
		}
		return K_PNG;
	}
	if (AT(h, n, 0, "GIF87a") || AT(h, n, 0, "GIF89a")) {
		t->has_size = 1;
		if (n >= 10) {
			t->width = le16(h + 6);
			t->height = le16(h + 8);
		}
		return K_GIF;
	}
	if (AT(h, n, 0, "RIFF") && AT(h, n, 8, "WEBP")) {
		t->has_size = 1;
		webp_size(h, n, t);
		return K_WEBP;
	}
	if (AT(h, n, 0, "RIFF") && AT(h, n, 8, "WAVE"))
		return K_WAV;
	if (AT(h, n, 4, "ftyp")) {
		k = ftyp_kind(h, n);
		if (k == K_HEIC || k == K_HEIF || k == K_AVIF) {
			t->has_size = 1;
			t->width = s->bmff_width;
			t->height = s->bmff_height;
		}
		return k;
	}
	/* QuickTime from before ftyp (older cameras): a movie or media atom
	 * first. */
	if ((AT(h, n, 4, "moov") || AT(h, n, 4, "mdat") || AT(h, n, 4, "wide")) &&
	    be32(h) >= 8)
		return K_MOV;
	if (AT(h, n, 0, "%PDF-"))
		return K_PDF;
	if (AT(h, n, 0, "PK\3\4"))
		return zip_kind(h, n);
	if (AT(h, n, 0, "\x1a\x45\xdf\xa3"))
		return ebml_kind(h, n);
	if (AT(h, n, 0, "OggS"))
		return ogg_kind(h, n);
	if (AT(h, n, 0, "fLaC"))
		return K_FLAC;
	if (AT(h, n, 0, "#!AMR\n"))
		return K_AMR;
	if (AT(h, n, 0, "#!AMR-WB\n"))
		return K_AMR_WB;
	if (AT(h, n, 0, "ID3") && n >= 10 && h[3] >= 2 && h[3] <= 4)
		return K_MP3;
	if (n >= 2 && h[0] == 0xff && (h[1] & 0xf6) == 0xf0)
		return K_AAC;		/* ADTS */
	if (mp3_sync(h, n))
		return K_MP3;
	/* Programs are never evidence, even when they look like text: ELF,
	 * Windows (MZ), Mach-O, and scripts (#!). */
	if (AT(h, n, 0, "\x7f" "ELF") || AT(h, n, 0, "MZ") || AT(h, n, 0, "#!") ||
	    AT(h, n, 0, "\xfe\xed\xfa\xce") || AT(h, n, 0, "\xfe\xed\xfa\xcf") ||
	    AT(h, n, 0, "\xce\xfa\xed\xfe") || AT(h, n, 0, "\xcf\xfa\xed\xfe") ||
	    AT(h, n, 0, "\xca\xfe\xba\xbe"))
		return K_UNKNOWN;
	if (!s->text_bad && s->utf8_want == 0)
		return K_TEXT;
	return K_UNKNOWN;
}

/* What the bytes fed so far are. Called again as more arrive, the answer
 * can only become more certain (a JPEG's size, text that turns out not to
 * be). */
void
sniff_result(const struct sniff *s, struct sniff_type *t)
{
	enum kind k;

	memset(t, 0, sizeof(*t));
	k = head_kind(s, t);
	t->media_type = kinds[k].type;
	t->ext = kinds[k].ext;
	t->category = kinds[k].category;
}

/* The type of a whole file held in memory. */
void
sniff_bytes(const void *p, size_t n, struct sniff_type *t)
{
	struct sniff s;

	sniff_init(&s);
	sniff_feed(&s, p, n);
	sniff_result(&s, t);
}

/* Whether an image's declared size is sane: both sides known and at most
 * max_side, and no more than max_pixels in all (a small file declaring a
 * huge image is a decompression bomb). Types that declare no size pass. */
int
sniff_size_ok(const struct sniff_type *t, unsigned long max_side,
    unsigned long long max_pixels)
{
	if (!t->has_size)
		return 1;
	if (t->width == 0 || t->height == 0)
		return 0;
	if (t->width > max_side || t->height > max_side)
		return 0;
	return (unsigned long long)t->width * t->height <= max_pixels;
}

const char *
sniff_category_name(enum sniff_category c)
{
	switch (c) {
	case SNIFF_PHOTO:	return "photo";
	case SNIFF_DOCUMENT:	return "document";
	case SNIFF_AUDIO:	return "audio";
	case SNIFF_VIDEO:	return "video";
	case SNIFF_UNKNOWN:	break;
	}
	return "unknown";
}

/* The file name extension for a media type this file produces; "bin". */
const char *
sniff_ext_for(const char *media_type)
{
	size_t i;

	for (i = 1; media_type != NULL && i < NKINDS; i++)
		if (strcmp(kinds[i].type, media_type) == 0)
			return kinds[i].ext;
	return kinds[K_UNKNOWN].ext;
}
