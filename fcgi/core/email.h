#ifndef CORE_EMAIL_H
#define CORE_EMAIL_H

#include <stddef.h>

/* Longest address a member of staff may have, as app_user allows. */
#define EMAIL_MAX	254

int	email_normal(const char *in, char *out, size_t len);

#endif
