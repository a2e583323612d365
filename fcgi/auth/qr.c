/* A QR code (libqrencode) written as a small standalone SVG document: no
 * scripts, no external references, one path for all the dark modules, so
 * it can be inlined in a page or served as image/svg+xml. */
#include <errno.h>
#include <string.h>

#include <qrencode.h>

#include "auth/qr.h"
#include "core/buf.h"
#include "core/log.h"

/* Appends one path command per horizontal run of dark modules, each a
 * 1-module-high rectangle; the first run of a row moves absolutely, later
 * ones relative to the start of the previous run. */
static void
qr_path(struct buf *b, const QRcode *qr)
{
	int x, y, run, prev;

	for (y = 0; y < qr->width; y++) {
		prev = -1;
		for (x = 0; x < qr->width; x += run) {
			run = 0;
			while (x + run < qr->width &&
			    (qr->data[y * qr->width + x + run] & 1))
				run++;
			if (run == 0) {
				run = 1;
				continue;
			}
			if (prev == -1)
				buf_printf(b, "M%d %d", x + QR_QUIET,
				    y + QR_QUIET);
			else
				buf_printf(b, "m%d 0", x - prev);
			buf_printf(b, "h%dv1h-%dz", run, run);
			prev = x;
		}
	}
}

/* Appends to out an SVG document of text encoded as a QR code (8-bit mode,
 * error correction level M, the smallest version that fits): a white
 * background, a QR_QUIET-module quiet zone, QR_MODULE_PX pixels a module.
 * Returns -1 on empty text, text too long for a QR code, or out of
 * memory. */
int
qr_svg(const char *text, struct buf *out)
{
	QRcode *qr;
	int size;

	if (text == NULL || *text == '\0' || out == NULL)
		return -1;
	if ((qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M)) == NULL) {
		log_warn("qr_svg: cannot encode %zu bytes: %s", strlen(text),
		    strerror(errno));
		return -1;
	}
	size = qr->width + 2 * QR_QUIET;
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "version=\"1.1\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\" "
	    "role=\"img\" aria-label=\"QR code\">",
	    size * QR_MODULE_PX, size * QR_MODULE_PX, size, size);
	buf_printf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>",
	    size, size);
	buf_puts(out, "<path fill=\"#000\" d=\"");
	qr_path(out, qr);
	buf_puts(out, "\"/></svg>\n");
	QRcode_free(qr);
	return out->oom ? -1 : 0;
}
