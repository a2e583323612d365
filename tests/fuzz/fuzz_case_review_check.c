/* The Case Review application's one check (domain/case_review_check.c):
 * any text in any field, as the public route and the staff form send it.
 * The input is split at NUL bytes into the fields, in order; a property:
 * every problem names a field of the form and has words for the person,
 * and there are never more than the array holds. */
#include "fuzz.h"

#include "domain/case_review.h"

static const char *const fields[] = { "channel", "received-day", "applicant-name",
    "applicant-email", "applicant-phone", "applicant-address", "applicant-postcode",
    "on-behalf", "victim-name", "relationship", "behaviour", "reported-to" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct case_review_problem p[CR_PROBLEMS_MAX];
	struct case_review_input in;
	const char *v[11];
	char *buf = malloc(n + 1);
	size_t i, k = 0, got, j;
	int named;

	if (buf == NULL)
		abort();
	memcpy(buf, data, n);
	buf[n] = '\0';
	v[k++] = buf;
	for (i = 0; i < n && k < 11; i++)
		if (buf[i] == '\0')
			v[k++] = buf + i + 1;
	while (k < 11)
		v[k++] = "";
	in.channel = v[0];
	in.received_on = v[1];
	in.applicant_name = v[2];
	in.applicant_email = v[3];
	in.applicant_phone = v[4];
	in.applicant_address = v[5];
	in.applicant_postcode = v[6];
	in.on_behalf = v[7][0] == 'y';
	in.victim_name = v[8];
	in.relationship = v[9];
	in.behaviour = v[10];
	in.reported_to = n > 0 ? buf + n - (n > 16 ? 16 : n) : "";
	got = case_review_check(&in, p);
	CHECK(got <= CR_PROBLEMS_MAX);
	for (i = 0; i < got; i++) {
		named = 0;
		for (j = 0; j < sizeof(fields) / sizeof(fields[0]); j++)
			named |= strcmp(p[i].field, fields[j]) == 0;
		CHECK(named);
		CHECK(p[i].message != NULL && *p[i].message != '\0');
	}
	free(buf);
	return 0;
}
