#ifndef DOMAIN_CONTACT_CHECK_H
#define DOMAIN_CONTACT_CHECK_H

/* The one check of a reporter's e-mail address and phone number: every
 * channel (the public form, Open311) hands it the text as sent and gets
 * back the same verdict, and the same words for a person when it is
 * refused. */

#define CONTACT_EMAIL_MAX	254	/* bytes, as RFC 5321 allows a path */
#define CONTACT_PHONE_MAX	30	/* bytes, spaces and brackets included */

const char	*contact_email_check(const char *);
const char	*contact_phone_check(const char *);

#endif
