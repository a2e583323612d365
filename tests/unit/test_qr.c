/* QR codes as SVG: a well-formed standalone document whose one path covers
 * exactly the dark modules libqrencode chose. */
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

#include <qrencode.h>

#include "auth/qr.h"
#include "core/buf.h"

static const char uri[] = "otpauth://totp/Greater%20Manchester%20Police:"
    "jo.bloggs%40example.gov.uk?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=Greater%20Manchester%20Police&algorithm=SHA1&digits=6&period=30";

static void
svg_is_a_standalone_accessible_document(void **state)
{
	struct buf b = {0};
	const char *s;

	(void)state;
	assert_int_equal(qr_svg(uri, &b), 0);
	s = buf_cstr(&b);
	assert_true(strncmp(s, "<svg ", 5) == 0);
	assert_non_null(strstr(s, "xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(s, " viewBox=\"0 0 "));
	assert_non_null(strstr(s, " width=\""));
	assert_non_null(strstr(s, " height=\""));
	assert_non_null(strstr(s, " shape-rendering=\"crispEdges\""));
	assert_non_null(strstr(s, " role=\"img\""));
	assert_non_null(strstr(s, " aria-label=\""));
	assert_non_null(strstr(s, "<rect "));
	assert_non_null(strstr(s, "fill=\"#fff\""));
	assert_non_null(strstr(s, "<path "));
	assert_int_equal(b.len - (size_t)(strstr(s, "</svg>\n") - s), 7);
	/* Nothing active and nothing fetched: not even the secret leaks
	 * into an attribute a screen reader would read aloud. */
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "href"));
	assert_null(strstr(s, "url("));
	assert_null(strstr(s, "GEZDGNBV"));
	/* One path only. */
	assert_null(strstr(strstr(s, "<path ") + 1, "<path "));
	buf_free(&b);
}

static void
short_text_makes_a_version_1_symbol(void **state)
{
	struct buf b = {0};
	char want[96];

	(void)state;
	assert_int_equal(qr_svg("hello", &b), 0);
	/* 21 modules and 4 of quiet zone each side. */
	assert_non_null(strstr(buf_cstr(&b), " viewBox=\"0 0 29 29\""));
	snprintf(want, sizeof(want), " width=\"%d\" height=\"%d\"",
	    29 * QR_MODULE_PX, 29 * QR_MODULE_PX);
	assert_non_null(strstr(buf_cstr(&b), want));
	buf_free(&b);
}

/* Reads an integer at *p and advances past it. */
static int
read_int(const char **p)
{
	char *end;
	long v;

	v = strtol(*p, &end, 10);
	assert_true(end != *p);
	*p = end;
	return (int)v;
}

/* Paints the rectangles of the path in svg into grid (size × size), and
 * fails the test on any command qr_svg should not write. */
static void
rasterise(const char *svg, unsigned char *grid, int size)
{
	const char *p;
	int x = 0, y = 0, sx = 0, w, i;

	p = strstr(svg, " d=\"");
	assert_non_null(p);
	p += 4;
	while (*p != '"') {
		switch (*p++) {
		case 'M':
			sx = x = read_int(&p);
			assert_true(*p++ == ' ');
			y = read_int(&p);
			break;
		case 'm':
			sx = x += read_int(&p);
			assert_true(*p++ == ' ');
			assert_int_equal(read_int(&p), 0);
			break;
		default:
			fail_msg("unexpected path command at %s", p - 1);
		}
		assert_true(*p++ == 'h');
		w = read_int(&p);
		assert_true(strncmp(p, "v1h-", 4) == 0);
		p += 4;
		assert_int_equal(read_int(&p), w);
		assert_true(*p++ == 'z');
		assert_true(w > 0 && x >= 0 && x + w <= size && y >= 0 && y < size);
		for (i = 0; i < w; i++) {
			assert_int_equal(grid[y * size + x + i], 0);
			grid[y * size + x + i] = 1;
		}
		x = sx;
	}
}

static void
path_covers_exactly_the_dark_modules(void **state)
{
	struct buf b = {0};
	QRcode *qr;
	unsigned char *grid;
	int size, x, y, dark;

	(void)state;
	qr = QRcode_encodeString8bit(uri, 0, QR_ECLEVEL_M);
	assert_non_null(qr);
	size = qr->width + 2 * QR_QUIET;
	grid = calloc((size_t)(size * size), 1);
	assert_non_null(grid);
	assert_int_equal(qr_svg(uri, &b), 0);
	rasterise(buf_cstr(&b), grid, size);
	for (y = 0; y < size; y++) {
		for (x = 0; x < size; x++) {
			dark = x >= QR_QUIET && x < QR_QUIET + qr->width &&
			    y >= QR_QUIET && y < QR_QUIET + qr->width &&
			    (qr->data[(y - QR_QUIET) * qr->width +
			    x - QR_QUIET] & 1);
			assert_int_equal(grid[y * size + x], dark);
		}
	}
	free(grid);
	QRcode_free(qr);
	buf_free(&b);
}

static void
empty_or_oversized_text_is_refused(void **state)
{
	struct buf b = {0};
	char *big;

	(void)state;
	assert_int_equal(qr_svg("", &b), -1);
	assert_int_equal(qr_svg(NULL, &b), -1);
	/* Level M holds at most 2331 bytes in 8-bit mode. */
	big = malloc(3000);
	assert_non_null(big);
	memset(big, 'x', 2999);
	big[2999] = '\0';
	assert_int_equal(qr_svg(big, &b), -1);
	assert_int_equal(b.len, 0);
	free(big);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(svg_is_a_standalone_accessible_document),
		cmocka_unit_test(short_text_makes_a_version_1_symbol),
		cmocka_unit_test(path_covers_exactly_the_dark_modules),
		cmocka_unit_test(empty_or_oversized_text_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
