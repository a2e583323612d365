#ifndef AUTH_QR_H
#define AUTH_QR_H

struct buf;

/* QR codes as SVG, for the otpauth:// URI at TOTP enrolment. */

#define QR_MODULE_PX	5	/* width and height of one module, in px */
#define QR_QUIET	4	/* modules of white margin on each side */

int	qr_svg(const char *text, struct buf *out);

#endif
