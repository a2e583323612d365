/* A reporter's e-mail address and phone number, checked the same way
 * whichever channel sent them. Neither check proves the address or the
 * number reaches anyone: they catch what was mistyped, in words a person
 * can act on. */
#include <string.h>

#include "domain/contact_check.h"

#define EMAIL_WORDS	"Enter an email address in the correct format, like " \
			"name@example.com"
#define PHONE_WORDS	"Enter a telephone number, like 01632 960 001 or " \
			"+44 7700 900 982"

/* NULL when s has the shape of an e-mail address (something@domain.tld:
 * one @, a dot in the domain but not at either end of it, no two dots
 * together, nothing but printable ASCII other than space and the
 * characters that would split a list of addresses), else the words. */
const char *
contact_email_check(const char *s)
{
	const char *at = strchr(s, '@'), *p;
	size_t n = strlen(s);

	if (n == 0 || n > CONTACT_EMAIL_MAX || at == NULL || at == s ||
	    strchr(at + 1, '@') != NULL || at[1] == '.' || s[n - 1] == '.' ||
	    strchr(at + 1, '.') == NULL || strstr(s, "..") != NULL ||
	    strpbrk(s, "<>,;\"") != NULL)
		return EMAIL_WORDS;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return EMAIL_WORDS;
	return NULL;
}

/* NULL when s is a phone number as people write one, else the words: a UK
 * number (0 and 10 or 11 digits in all) or an international one (+ and
 * 10 to 15 digits, as E.164 allows), with spaces, dashes and brackets
 * anywhere between the digits. */
const char *
contact_phone_check(const char *s)
{
	const char *p = s;
	int digits = 0, international = *s == '+';

	if (strlen(s) > CONTACT_PHONE_MAX)
		return PHONE_WORDS;
	if (international)
		p++;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			/* A national number starts with its trunk prefix 0. */
			if (digits++ == 0 && !international && *p != '0')
				return PHONE_WORDS;
		} else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')') {
			return PHONE_WORDS;
		}
	}
	if (international ? digits < 10 || digits > 15 : digits < 10 || digits > 11)
		return PHONE_WORDS;
	return NULL;
}
