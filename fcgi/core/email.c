/* The one normal form of a staff e-mail address, used for look-ups,
 * uniqueness and throttle keys alike. Only ASCII is folded, and only
 * A-Z to a-z: C's tolower and PostgreSQL's lower() disagree outside
 * ASCII (and lower() depends on the locale), so "supervİsor@" could name
 * one account in the database and another in the throttle. An address
 * with any other byte has no normal form and is refused. The database's
 * email_normal() (migration 0020) is the same rule. */
#include <string.h>

#include "core/email.h"

/* Writes the normal form of in to out (len bytes). Returns 0, or -1 when
 * in has a byte outside printable ASCII, is empty or longer than
 * EMAIL_MAX, or does not fit. */
int
email_normal(const char *in, char *out, size_t len)
{
	size_t n = strlen(in), i;

	if (n == 0 || n > EMAIL_MAX || n >= len)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];

		if (c <= ' ' || c >= 0x7f)
			return -1;
		out[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : (char)c;
	}
	out[n] = '\0';
	return 0;
}
