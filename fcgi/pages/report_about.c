/* The "About you" step of the public form (a signed-in partner gives
 * their organisation's details instead: report_partner.c). */
#include <string.h>


#include "domain/contact_check.h"
#include "http/request.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/report_draft.h"
#include "pages/report_flow.h"
#include "view/view.h"

#define NAME_MAX_LEN		100

/* ------------------------------------------------------------------ */
/* 7. About you                                                        */

/* No "post": the form does not ask for a postal address, so it does not
 * offer a way of contact it could not use. */
static const char *const contacts[] = { "email", "phone", "none", NULL };
static const char *const identities[] = { "named", "anonymous", NULL };

/* The fields, in the order the page asks them. Reading them is not
 * table-driven throughout: whether the names are required depends on the
 * identity chosen, and the contact chosen decides whether an email or a
 * phone number must be given, so report_about_post checks them itself. */
enum {
	AB_IDENTITY, AB_GIVEN, AB_FAMILY, AB_EMAIL, AB_PHONE, AB_CONTACT,
	AB_UPDATES, AB_OTHER, AB_SHARE, AB_OTHER_NAME, AB_OTHER_RELATION, AB__N
};

static const struct step_field about_fields[AB__N] = {
	[AB_IDENTITY] = { "identity", DK_IDENTITY, "IDENTITY", SF_CHOICE, 0,
	    "Select whether you want to give your details or report anonymously", NULL },
	/* Required only of someone who gives their details (about_text). */
	[AB_GIVEN] = { "given-name", DK_GIVEN_NAME, "GIVEN", SF_TEXT, NAME_MAX_LEN,
	    "Enter your first name", "First name must be 100 characters or fewer" },
	[AB_FAMILY] = { "family-name", DK_FAMILY_NAME, "FAMILY", SF_TEXT, NAME_MAX_LEN,
	    "Enter your last name", "Last name must be 100 characters or fewer" },
	[AB_EMAIL] = { "email", DK_EMAIL, "EMAIL", SF_TEXT, CONTACT_EMAIL_MAX,
	    NULL, "Email address must be 254 characters or fewer" },
	[AB_PHONE] = { "phone", DK_PHONE, "PHONE", SF_TEXT, CONTACT_PHONE_MAX,
	    NULL, "Phone number must be 30 characters or fewer" },
	[AB_CONTACT] = { "contact", DK_CONTACT, "CONTACT", SF_CHOICE, 0,
	    "Select how you would like us to contact you", NULL },
	[AB_UPDATES] = { "updates", DK_UPDATES, "UPDATES", SF_CHOICE, 0, NULL, NULL },
	/* These two, adjacent, are read by step_fields_read. */
	[AB_OTHER] = { "for-someone-else", DK_FOR_SOMEONE_ELSE, "OTHER", SF_YES_NO, 0,
	    "Select yes if you are reporting for someone else", NULL },
	[AB_SHARE] = { "share", DK_SHARE, "SHARE", SF_YES_NO, 0,
	    "Select yes if we may share your report with our partner agencies", NULL },
	/* Asked when reporting for someone else (about_text). */
	[AB_OTHER_NAME] = { "other-name", DK_OTHER_NAME, "OTHER_NAME", SF_TEXT, NAME_MAX_LEN,
	    "Enter the name of the person you are reporting for",
	    "Their name must be 100 characters or fewer" },
	[AB_OTHER_RELATION] = { "other-relation", DK_OTHER_RELATION, "OTHER_RELATION",
	    SF_TEXT, NAME_MAX_LEN, NULL,
	    "How you know them must be 100 characters or fewer" },
};

static void
about_render(struct req *r, struct report_draft *d, int status,
    const char *const *v, const struct form_errors *errs)
{
	int change = changing(r);
	struct view_dict *dict = step_dict(r,
	    step_before(r, d, STEP_ABOUT, 0, NULL, change), change, errs);

	if (dict == NULL || step_fields_dict(dict, about_fields, AB__N, v) == -1) {
		view_dict_free(dict);
		return page_error(r, 500, NULL);
	}
	page_render(r, status, "report_about.tpl",
	    form_title(r, errs, "About you"), dict);
}

/* GET /report/about-you */
void
report_about_get(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[AB__N];

	if (!draft_enter(r, &d, 1))
		return;
	step_fields_saved(&d, about_fields, AB__N, v);
	about_render(r, &d, 200, v, &errs);
	draft_free(&d);
}

/* Text field i, required only when `required` (the person gives their
 * details, or reports for someone else). NULL only when out of memory. */
static const char *
about_text(struct req *r, int i, int required, struct form_errors *errs)
{
	const struct step_field *f = &about_fields[i];

	return form_text(r, f->name, f->max, errs, f->name, required ? f->missing : NULL,
	    f->too_long);
}

/* POST /report/about-you. A filled-in honeypot ("website", hidden from
 * people) marks the draft: the submit then pretends and saves nothing. */
void
report_about_post(struct req *r)
{
	struct form_errors errs = {0};
	struct report_draft d;
	const char *v[AB__N] = {0}, *trap;
	int anon, named, for_other;

	if (!draft_enter(r, &d, 1))
		return;
	v[AB_IDENTITY] = req_form(r, "identity");
	if (!one_of(v[AB_IDENTITY], identities)) {
		form_error(&errs, "identity", about_fields[AB_IDENTITY].missing);
		v[AB_IDENTITY] = "";
	}
	anon = strcmp(v[AB_IDENTITY], "anonymous") == 0;
	named = strcmp(v[AB_IDENTITY], "named") == 0;
	v[AB_GIVEN] = about_text(r, AB_GIVEN, named, &errs);
	v[AB_FAMILY] = about_text(r, AB_FAMILY, named, &errs);
	v[AB_EMAIL] = about_text(r, AB_EMAIL, named, &errs);
	v[AB_PHONE] = about_text(r, AB_PHONE, named, &errs);
	v[AB_CONTACT] = req_form(r, "contact");
	v[AB_UPDATES] = req_form(r, "updates");
	trap = field(r, "website");
	if (v[AB_GIVEN] == NULL || v[AB_FAMILY] == NULL || v[AB_EMAIL] == NULL ||
	    v[AB_PHONE] == NULL || trap == NULL)
		goto unavailable;
	if (named) {
		const char *email = v[AB_EMAIL], *phone = v[AB_PHONE], *why;

		/* One message a field: too long was said already. */
		if (*email != '\0' && strlen(email) <= CONTACT_EMAIL_MAX &&
		    (why = contact_email_check(email)) != NULL)
			form_error(&errs, "email", why);
		if (*phone != '\0' && strlen(phone) <= CONTACT_PHONE_MAX &&
		    (why = contact_phone_check(phone)) != NULL)
			form_error(&errs, "phone", why);
		if (!one_of(v[AB_CONTACT], contacts)) {
			form_error(&errs, "contact", about_fields[AB_CONTACT].missing);
			v[AB_CONTACT] = "";
		} else if (strcmp(v[AB_CONTACT], "email") == 0 && *email == '\0') {
			form_error(&errs, "email", "Enter your email address, as you want us "
			    "to contact you by email");
		} else if (strcmp(v[AB_CONTACT], "phone") == 0 && *phone == '\0') {
			form_error(&errs, "phone", "Enter your phone number, as you want us "
			    "to contact you by phone");
		}
		if (v[AB_UPDATES] != NULL && strcmp(v[AB_UPDATES], "yes") == 0 &&
		    *email == '\0')
			form_error(&errs, "updates", "Enter your email address to get "
			    "updates by email, or untick the box");
	}
	if (step_fields_read(r, about_fields + AB_OTHER, 2, &errs, v + AB_OTHER) == -1)
		goto unavailable;
	for_other = strcmp(v[AB_OTHER], "yes") == 0;
	if ((v[AB_OTHER_NAME] = about_text(r, AB_OTHER_NAME, for_other, &errs)) == NULL ||
	    (v[AB_OTHER_RELATION] = about_text(r, AB_OTHER_RELATION, 0, &errs)) == NULL)
		goto unavailable;
	if (errs.n > 0) {
		about_render(r, &d, 400, v, &errs);
		goto out;
	}
	/* Nothing kept of someone who reports anonymously. */
	v[AB_UPDATES] = !anon && v[AB_UPDATES] != NULL &&
	    strcmp(v[AB_UPDATES], "yes") == 0 ? "yes" : "";
	if (anon) {
		v[AB_GIVEN] = v[AB_FAMILY] = v[AB_EMAIL] = v[AB_PHONE] = "";
		v[AB_CONTACT] = "none";
	}
	if (!for_other)
		v[AB_OTHER_NAME] = v[AB_OTHER_RELATION] = "";
	if (step_fields_save(&d, about_fields, AB__N, v) == -1 ||
	    (*trap != '\0' && draft_set(&d, DK_TRAP, "1") == -1))
		goto unavailable;
	draft_next(r, &d, step_after(r, &d, STEP_ABOUT, 0, NULL, changing(r)));
	goto out;
unavailable:
	draft_unavailable(r);
out:
	draft_free(&d);
}
