/* The one check of a Case Review application, whichever channel it
 * came by (domain/case_review.h): pure, so the public steps, the staff
 * form and case_review_apply give the same verdict on the same values. */
#include <string.h>
#include <time.h>

#include "core/chars.h"
#include "core/date.h"
#include "domain/case_review.h"
#include "domain/contact_check.h"

static void
problem(struct case_review_problem *out, size_t *n, const char *field, const char *message)
{
	if (*n < CR_PROBLEMS_MAX) {
		out[*n].field = field;
		out[*n].message = message;
		(*n)++;
	}
}

static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

static const char *const channels[] = { "online", "phone", "paper", "in_person" };

size_t
case_review_check(const struct case_review_input *in,
    struct case_review_problem out[CR_PROBLEMS_MAX])
{
	struct date d;
	const char *why;
	size_t n = 0, i;
	int online, known = 0;

	for (i = 0; i < sizeof(channels) / sizeof(channels[0]); i++)
		known |= in->channel != NULL && strcmp(in->channel, channels[i]) == 0;
	if (!known)
		problem(out, &n, "channel", "Select how the application was made");
	online = known && strcmp(in->channel, "online") == 0;
	if (!blank(in->received_on) && (online || date_parse(in->received_on, &d) == NULL))
		problem(out, &n, "received-day", "Enter a real date the application was received");
	else if (!blank(in->received_on) && date_after_today(&d, time(NULL)))
		problem(out, &n, "received-day", "The date it was received must be today or "
		    "in the past");
	if (blank(in->applicant_name))
		problem(out, &n, "applicant-name", "Enter the applicant's name");
	else if (!chars_fit(in->applicant_name, CR_NAME_MAX))
		problem(out, &n, "applicant-name", "Name must be 200 characters or fewer");
	if (!blank(in->applicant_email) && (why = contact_email_check(in->applicant_email)) != NULL)
		problem(out, &n, "applicant-email", why);
	if (!blank(in->applicant_phone) && (why = contact_phone_check(in->applicant_phone)) != NULL)
		problem(out, &n, "applicant-phone", why);
	if (in->applicant_address != NULL && !chars_fit(in->applicant_address, CR_ADDRESS_MAX))
		problem(out, &n, "applicant-address", "Address must be 500 characters or fewer");
	if (in->applicant_postcode != NULL && strlen(in->applicant_postcode) > CR_POSTCODE_MAX)
		problem(out, &n, "applicant-postcode", "Enter a real postcode, like SW1A 1AA");
	if (online && blank(in->applicant_email) && blank(in->applicant_phone) &&
	    blank(in->applicant_address))
		problem(out, &n, "applicant-email", "Enter an email address, a phone number or "
		    "an address, so that we can tell you what happens next");
	if (in->on_behalf) {
		if (blank(in->victim_name))
			problem(out, &n, "victim-name", "Enter the name of the person you are "
			    "applying for");
		else if (!chars_fit(in->victim_name, CR_NAME_MAX))
			problem(out, &n, "victim-name", "Their name must be 200 characters or fewer");
		if (in->relationship != NULL && !chars_fit(in->relationship, CR_NAME_MAX))
			problem(out, &n, "relationship", "How you know them must be 200 "
			    "characters or fewer");
	}
	if (blank(in->behaviour))
		problem(out, &n, "behaviour", "Enter what has been happening");
	else if (!chars_fit(in->behaviour, CR_BEHAVIOUR_MAX))
		problem(out, &n, "behaviour", "What has been happening must be 10,000 "
		    "characters or fewer");
	if (in->reported_to != NULL && !chars_fit(in->reported_to, CR_REPORTED_MAX))
		problem(out, &n, "reported-to", "Who you reported it to must be 2,000 "
		    "characters or fewer");
	return n;
}
