/* What the Case Review's forms share: see case_review_form.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/date.h"
#include "http/request.h"
#include "pages/case_review_form.h"
#include "pages/form.h"
#include "view/view.h"

void
cr_problems_errors(const struct case_review_problem *p, size_t n, struct form_errors *errs)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i].field[0] == 'r' && p[i].field[1] == 'e' && p[i].field[2] == 'c')
			/* received-day: the date input's group shows it. */
			form_error_in(errs, "received-day", p[i].field, p[i].message);
		else
			form_error(errs, p[i].field, p[i].message);
}

const char *
cr_date_read(struct req *r, const char *prefix, const char *name, int blank_ok,
    struct form_errors *errs, const char **day, const char **month, const char **year)
{
	struct form_errors none = {0};
	struct date_refusal no;
	struct date d;
	const char *group = arena_printf(r->arena, "%s-day", prefix);
	int rc;

	*day = form_text(r, arena_printf(r->arena, "%s-day", prefix), 16, &none, "", NULL, NULL);
	*month = form_text(r, arena_printf(r->arena, "%s-month", prefix), 16, &none, "", NULL,
	    NULL);
	*year = form_text(r, arena_printf(r->arena, "%s-year", prefix), 16, &none, "", NULL,
	    NULL);
	if (*day == NULL || *month == NULL || *year == NULL || group == NULL) {
		*day = *month = *year = "";
		return NULL;
	}
	if (blank_ok && **day == '\0' && **month == '\0' && **year == '\0')
		return "";
	rc = date_input_check(r->arena, *day, *month, *year, name,
	    arena_printf(r->arena, "Enter the %s", name), time(NULL), &d, &no);
	if (rc == 1) {
		form_error_date(r, errs, prefix, group, no.parts, no.message);
		return NULL;
	}
	if (rc != 0)
		return NULL;
	return arena_printf(r->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

int
cr_input_dict(struct view_dict *d, const struct case_review_input *in)
{
	return view_set(d, "APPLICANT_NAME", in->applicant_name) == -1 ||
	    view_set(d, "APPLICANT_EMAIL", in->applicant_email) == -1 ||
	    view_set(d, "APPLICANT_PHONE", in->applicant_phone) == -1 ||
	    view_set(d, "APPLICANT_ADDRESS", in->applicant_address) == -1 ||
	    view_set(d, "APPLICANT_POSTCODE", in->applicant_postcode) == -1 ||
	    view_set(d, "VICTIM_NAME", in->victim_name) == -1 ||
	    view_set(d, "RELATIONSHIP", in->relationship) == -1 ||
	    view_set(d, "BEHAVIOUR", in->behaviour) == -1 ||
	    view_set(d, "REPORTED_TO", in->reported_to) == -1 ? -1 : 0;
}

const char *
cr_path_last(struct req *r)
{
	const char *s = r->path != NULL ? strrchr(r->path, '/') : NULL;

	return s != NULL ? s + 1 : "";
}
