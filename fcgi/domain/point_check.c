/* A longitude and latitude sent as text, read as decimal degrees (WGS 84). */
#include <stdlib.h>
#include <string.h>

#include "domain/area.h"
#include "domain/point_check.h"

#define DEGREES_MAX_LEN	32

/* 0 and the number in *out when s is a plain decimal: an optional sign,
 * digits, and an optional fraction. strtod alone would also take leading
 * spaces, exponents, hex, "inf" and "nan", none of which a map or a GPS
 * sends. -1 when it is not one. */
static int
degrees(const char *s, double *out)
{
	const char *p = s;
	char *end;
	size_t whole, frac = 0;

	if (s == NULL || strlen(s) > DEGREES_MAX_LEN)
		return -1;
	if (*p == '-' || *p == '+')
		p++;
	whole = strspn(p, "0123456789");
	p += whole;
	if (*p == '.') {
		frac = strspn(p + 1, "0123456789");
		p += 1 + frac;
		if (frac == 0)
			return -1;
	}
	if (*p != '\0' || whole == 0)
		return -1;
	*out = strtod(s, &end);
	return *end == '\0' ? 0 : -1;
}

/* NULL when lon and lat (either may be NULL: not sent) are both decimal
 * degrees of a point on Earth, with them in *lon_out and *lat_out; else
 * the words for a person, and the outputs untouched. */
const char *
point_parse(const char *lon, const char *lat, double *lon_out, double *lat_out)
{
	double x, y;

	if (degrees(lon, &x) == -1 || degrees(lat, &y) == -1 || !area_point_valid(x, y))
		return POINT_WORDS;
	*lon_out = x;
	*lat_out = y;
	return NULL;
}
